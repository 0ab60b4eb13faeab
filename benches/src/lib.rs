//! Benchmarks of oam-rs; see `benches/` and README.md.
