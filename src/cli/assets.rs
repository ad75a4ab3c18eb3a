//! `kap-dev generate-assets DIR`: the man pages and shell completions,
//! generated from the same clap definitions as `--help`, for packaging.
//! Writes `DIR/man/kap.1` (and one page per subcommand, `kap-rehearse.1`,
//! …) and `DIR/completions/{kap.bash,_kap,kap.fish}`.

use clap::CommandFactory;
use clap_complete::Shell;
use std::path::Path;
use std::process::ExitCode;

pub fn run(dir: &Path) -> ExitCode {
    match generate(dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kap-dev generate-assets: {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}

fn generate(dir: &Path) -> std::io::Result<()> {
    let man = dir.join("man");
    let comp = dir.join("completions");
    std::fs::create_dir_all(&man)?;
    std::fs::create_dir_all(&comp)?;
    clap_mangen::generate_to(super::Cli::command(), &man)?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let mut cmd = super::Cli::command();
        clap_complete::generate_to(shell, &mut cmd, "kap", &comp)?;
    }
    Ok(())
}
