//! Shell completions and man pages, generated from the clap definitions.
//! The committed copies under `completions/` and `man/` are checked against
//! [`render`] by a test; `scripts/gen-docs` rewrites them.

use clap::Command;
use clap_complete::Shell;
use std::path::{Path, PathBuf};

pub const SHELLS: [(Shell, &str); 5] = [
    (Shell::Bash, "actorctl.bash"),
    (Shell::Zsh, "_actorctl"),
    (Shell::Fish, "actorctl.fish"),
    (Shell::Elvish, "actorctl.elv"),
    (Shell::PowerShell, "_actorctl.ps1"),
];

/// The command as documented: the package version without the git commit,
/// so that the committed files do not change with every commit.
pub fn documented(cmd: Command) -> Command {
    cmd.version(env!("CARGO_PKG_VERSION")).long_version(env!("CARGO_PKG_VERSION"))
}

pub fn completion(cmd: Command, shell: Shell) -> Vec<u8> {
    let mut cmd = documented(cmd);
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "actorctl", &mut out);
    out
}

/// Every generated file, by path relative to the repository root.
pub fn render(cmd: Command) -> Vec<(PathBuf, Vec<u8>)> {
    let cmd = documented(cmd);
    let mut files: Vec<(PathBuf, Vec<u8>)> = SHELLS
        .iter()
        .map(|(shell, name)| (Path::new("completions").join(name), completion(cmd.clone(), *shell)))
        .collect();
    let mut built = cmd;
    built.build();
    man_pages(&built, "actorctl", &mut files);
    files
}

fn man_pages(cmd: &Command, name: &str, files: &mut Vec<(PathBuf, Vec<u8>)>) {
    let mut out = Vec::new();
    let page = cmd.clone().name(name.to_string()).bin_name(name.replace('-', " "));
    clap_mangen::Man::new(page).render(&mut out).expect("rendering to memory cannot fail");
    files.push((Path::new("man").join(format!("{name}.1")), out));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        man_pages(sub, &format!("{name}-{}", sub.get_name()), files);
    }
}

/// Write every generated file under `root`.
pub fn write_all(root: &Path, cmd: Command) -> std::io::Result<()> {
    for (path, bytes) in render(cmd) {
        let full = root.join(path);
        if let Some(dir) = full.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(full, bytes)?;
    }
    Ok(())
}
