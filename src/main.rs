//! The `hizala` binary: parses arguments, runs, maps the result to an exit code.

fn main() {
    std::process::exit(hizala::cli::main());
}
