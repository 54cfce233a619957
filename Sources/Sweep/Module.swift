// Sweep: design-space sweeps (`spikebar sweep`). It owns the sweep file (`SweepSpec`: the
// run options every point shares, the base overrides, the grid and list axes), its
// expansion into numbered runs (`SweepPlan`, validated before anything runs), the sweep
// folder (`SweepFolder`: one database, log and outcome file per run), running a shard of
// the plan as `spikebar run` subprocesses a few at a time with one retry (`SweepRunner`),
// the Slurm job-array script (`SlurmScript`) and merging every run's database into one
// (`SweepMerge`). Over Store and Settings; no NIO.
