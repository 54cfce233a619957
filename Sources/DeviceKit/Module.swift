// DeviceKit: the pure device layer (stdlib only). It owns the memory-device models: the
// write-pulse laws and their parameters, device presets, populations of devices with
// device-to-device variation, cycle-to-cycle and write noise, endurance wear and drift, and
// the characterization routines behind `spikebar device` (pulse-response curves, endurance
// cycling). Random streams, buffers and the config schema come from KitSupport.
