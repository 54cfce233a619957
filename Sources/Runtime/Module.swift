// Runtime: running a learner, without sockets or a database (no NIO, no GRDB). It owns run
// sessions (`RunSession`: a dataset through predict → score → learn, pass after pass), sample
// sources, the learner factory, the engine that answers line-protocol requests
// (`EngineCore`), continual-learning experiments, the benchmark, summaries and the progress
// bar, and Energy/: the one place where runs, samples and estimates are priced with
// CrossbarKit's cost tables. Recording listens through the observer protocols
// (`RunObserver`, `ExperimentObserver`, `EngineObserver`). Stream/: reading streams
// (`ReadingStream`: one per connection, lines → windows), `run` over readings, the player.
