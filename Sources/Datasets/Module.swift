// Datasets: samples from files. It owns the bundled datasets (resources with their
// provenance) and `SampleFile`, the one loader of CSV/NDJSON sample files, which decodes every
// line through LineProtocol exactly as the daemon decodes a line.
