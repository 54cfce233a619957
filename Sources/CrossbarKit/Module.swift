// CrossbarKit: the pure crossbar layer (stdlib only). It owns tiled crossbar layers of
// DeviceKit populations, their read path (DAC, analog dot products, ADC) and write path
// (pulse counts, write-verify, refresh), the operation counts a chip would make, and the
// pure hardware price tables in Cost/ (operation energies, area, latency, the dense and
// event-driven cost models and the energy ledger).
