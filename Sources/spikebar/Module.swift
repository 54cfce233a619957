// spikebar: the command line (ArgumentParser), thin: each command parses its options and
// calls the module that does the work. `report`, `energy estimate` and `device` import no
// module that reaches NIO or ServiceLifecycle (scripts/check-layering checks it).
