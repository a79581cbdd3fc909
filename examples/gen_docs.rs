//! Regenerate `completions/` and `man/` from the clap definitions.
//! Run through `scripts/gen-docs`.

use clap::CommandFactory;

fn main() -> std::io::Result<()> {
    let root = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let root = std::path::Path::new(&root);
    for dir in ["completions", "man"] {
        let _ = std::fs::remove_dir_all(root.join(dir));
    }
    actorctl::docs::write_all(root, actorctl::cli::Cli::command())
}
