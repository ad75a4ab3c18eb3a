fn main() -> std::process::ExitCode {
    kap::cli::main()
}
