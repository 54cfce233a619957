// Recording: runs into the database (over Store and GRDB). It owns the recorder (a
// `RunObserver`/`ExperimentObserver`/`EngineObserver` of Runtime), the flush writer and its
// wear snapshots, stop-on-signal, the resume plan that continues a recorded run, and
// Reports/: loading a recorded run into the Reports model (the Store → Reports adapter).
