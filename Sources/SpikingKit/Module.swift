// SpikingKit: the pure network layer (stdlib only). It owns input encoders, leaky
// integrate-and-fire layers, the readout, the local learning rules (e-prop at the readout,
// DFA in hidden layers), the online learner (predict → score → learn on one sample),
// prequential and continual-learning metrics, and the engine and task-stream configuration;
// Stream/: the windowing core of reading streams (`ReadingWindow`, `StreamConfig`).
