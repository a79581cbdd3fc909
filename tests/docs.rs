//! The committed completions and man pages are what the code generates; the
//! check itself catches a flag added without regenerating; they work in
//! bash and man.

use actorctl::cli::Cli;
use actorctl::docs::render;
use clap::{Arg, CommandFactory};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Generated files whose committed copy is missing or different, plus
/// committed files nothing generates.
fn stale(generated: &[(PathBuf, Vec<u8>)]) -> Vec<String> {
    let mut out: Vec<String> = generated
        .iter()
        .filter(|(path, bytes)| std::fs::read(root().join(path)).ok().as_ref() != Some(bytes))
        .map(|(path, _)| path.display().to_string())
        .collect();
    for dir in ["completions", "man"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let rel = Path::new(dir).join(entry.unwrap().file_name());
            if !generated.iter().any(|(p, _)| *p == rel) {
                out.push(format!("{} (not generated)", rel.display()));
            }
        }
    }
    out
}

#[test]
fn committed_files_match_the_code() {
    let generated = render(Cli::command());
    assert!(generated.len() >= 5 + 10, "{} files", generated.len());
    let stale = stale(&generated);
    assert!(stale.is_empty(), "stale generated files, run scripts/gen-docs: {stale:?}");
}

#[test]
fn a_new_flag_without_regenerating_is_caught() {
    let changed = Cli::command().mut_subcommand("list", |c| {
        c.arg(Arg::new("brand_new").long("brand-new").help("not documented yet"))
    });
    let stale = stale(&render(changed));
    assert!(stale.iter().any(|s| s == "man/actorctl-list.1"), "{stale:?}");
    assert!(stale.iter().any(|s| s == "completions/actorctl.bash"), "{stale:?}");
}

fn complete(words: &str, cword: usize) -> Vec<String> {
    let script = format!(
        "source '{}'; COMP_WORDS=({words}); COMP_CWORD={cword}; COMP_LINE='{words}'; COMP_POINT=${{#COMP_LINE}}; \
         _actorctl actorctl \"${{COMP_WORDS[$COMP_CWORD]}}\" \"${{COMP_WORDS[$COMP_CWORD-1]}}\"; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        root().join("completions/actorctl.bash").display()
    );
    let out = Command::new("bash").args(["--norc", "--noprofile", "-c", &script]).output().expect("bash");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect()
}

#[test]
fn bash_completes_subcommands_and_flags() {
    let subs = complete("actorctl ''", 1);
    for s in ["list", "show", "restart", "recover", "completions", "config"] {
        assert!(subs.contains(&s.to_string()), "{s} not in {subs:?}");
    }
    let rec = complete("actorctl re", 1);
    assert!(rec.contains(&"restart".into()) && rec.contains(&"recover".into()), "{rec:?}");
    let flags = complete("actorctl list --st", 2);
    assert!(flags.contains(&"--stale".into()) && flags.contains(&"--stale-after".into()), "{flags:?}");
    let values = complete("actorctl list -o ''", 3);
    assert!(values.contains(&"jsonl".into()), "{values:?}");
}

#[test]
fn man_renders_the_pages() {
    for page in ["man/actorctl.1", "man/actorctl-recover.1"] {
        let out = Command::new("man")
            .args(["-l", "-P", "cat"])
            .arg(root().join(page))
            .env("MANWIDTH", "100")
            .output()
            .expect("man (install man-db: scripts/ensure-tools)");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8_lossy(&out.stdout);
        for section in ["EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES", "ACTORCTL_DATABASE_URL"] {
            assert!(text.contains(section), "{page} has no {section}: {text}");
        }
        assert!(!text.contains("actorctl-help"), "{page} points to a missing actorctl-help(1)");
        assert!(text.contains("actorctl"), "{text}");
        if page.ends_with("recover.1") {
            assert!(text.contains("--dry-run") || text.contains("dry-run"), "{text}");
        } else {
            assert!(text.contains("list") && text.contains("recover"), "{text}");
        }
    }
}

#[test]
fn the_completions_subcommand_prints_the_committed_script() {
    let out = Command::new(env!("CARGO_BIN_EXE_actorctl")).args(["completions", "bash"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, std::fs::read(root().join("completions/actorctl.bash")).unwrap());
    let v = Command::new(env!("CARGO_BIN_EXE_actorctl")).arg("--version").output().unwrap();
    let v = String::from_utf8(v.stdout).unwrap();
    assert!(v.starts_with(&format!("actorctl {} (git ", env!("CARGO_PKG_VERSION"))), "{v}");
}
