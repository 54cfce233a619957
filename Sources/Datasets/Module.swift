// Datasets: samples from files. It owns the bundled datasets (resources with their
// provenance) and `SampleFile`, the one loader of CSV/NDJSON sample files, which decodes every
// line through LineProtocol exactly as the daemon decodes a line.
// It also streams inputs by position (`IndexedSampleReader`: `TextSampleReader` over a
// line-offset index, `IDXSampleReader` over IDX images + labels pairs, gzip'd through the
// system zlib, CZlib) and gives NumPy's `RandomState(seed).permutation(n)` order bit for bit.
