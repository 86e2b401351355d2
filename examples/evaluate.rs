//! Evaluate the extractor on one of the evaluation sets in `tests/data`.
//!
//! ```text
//! cargo run --release --example evaluate -- DATASET_DIR [options]
//! ```
//!
//! The command lives in the `unboil-eval` crate (`crates/unboil-eval`, also
//! `cargo run --release -p unboil-eval --bin evaluate -- DATASET_DIR`); this
//! example keeps the old command line working. `--help` lists the options.

fn main() -> std::process::ExitCode {
    unboil_eval::cli::main()
}
