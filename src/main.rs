//! The `factdesk` binary: see `factdesk --help`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
