//! The evaluate command: `evaluate DATASET_DIR [options]` (see
//! [`unboil_eval::cli`]).

fn main() -> std::process::ExitCode {
    unboil_eval::cli::main()
}
