//! Quality metrics for extraction benchmarks (placeholder).
