//! The `factdesk` binary: see `factdesk --help`.

fn main() -> std::process::ExitCode {
    factdesk::cli::main()
}
