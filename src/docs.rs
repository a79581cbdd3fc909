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

/// One of clap_mangen's section renderers.
type Section = fn(&clap_mangen::Man, &mut dyn std::io::Write) -> std::io::Result<()>;

fn man_pages(cmd: &Command, name: &str, files: &mut Vec<(PathBuf, Vec<u8>)>) {
    // `help` has no page of its own: do not point at one.
    let page = cmd.clone().name(name.to_string()).bin_name(name.replace('-', " "));
    let page = if page.find_subcommand("help").is_some() {
        page.mut_subcommand("help", |h| h.hide(true))
    } else {
        page
    };
    let man = clap_mangen::Man::new(page.clone());
    let mut out = Vec::new();
    let sections: [Section; 4] = [
        clap_mangen::Man::render_title,
        clap_mangen::Man::render_name_section,
        clap_mangen::Man::render_synopsis_section,
        clap_mangen::Man::render_description_section,
    ];
    for render in sections {
        render(&man, &mut out).expect("rendering to memory cannot fail");
    }
    if page.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut out).expect("rendering to memory cannot fail");
    }
    if page.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut out).expect("rendering to memory cannot fail");
    }
    out.extend_from_slice(EXTRA_SECTIONS.as_bytes());
    out.extend_from_slice(examples(name).as_bytes());
    if page.get_version().is_some() {
        man.render_version_section(&mut out).expect("rendering to memory cannot fail");
    }
    files.push((Path::new("man").join(format!("{name}.1")), out));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        man_pages(sub, &format!("{name}-{}", sub.get_name()), files);
    }
}

/// EXIT STATUS, ENVIRONMENT and FILES: the same on every page.
const EXTRA_SECTIONS: &str = r#".SH "EXIT STATUS"
.TP
0
success; for list and \fB\-\-check\fR: nothing unhealthy
.TP
1
the command ran, and something is unhealthy or some action failed (\fB\-\-check\fR: WARNING)
.TP
2
usage error: bad flag, bad value, unknown instance name (\fB\-\-check\fR: CRITICAL)
.TP
3
cannot reach or use a backend: database down, authentication, schema mismatch (\fB\-\-check\fR: UNKNOWN)
.TP
130
interrupted
.SH ENVIRONMENT
.TP
ACTORCTL_DATABASE_URL, ACTORCTL_DUROXIDE_URL
the CMS database and, when elsewhere, the orchestration store
.TP
PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE, PGSSLROOTCERT, PGPASSFILE, PGAPPNAME
libpq's variables, used for whatever the URL leaves out
.TP
ACTORCTL_CONFIG, ACTORCTL_CONTEXT
the config file and the context to use
.TP
ACTORCTL_STALE_AFTER, ACTORCTL_OPERATOR, ACTORCTL_BACKEND, ACTORCTL_API_URL, ACTORCTL_API_TOKEN
defaults of the flags of the same names; the API token is only ever read from here or a file
.TP
NO_COLOR
no colour in tables and logs (also \fB\-\-color never\fR)
.TP
RUST_LOG
log filter for \fB\-v\fR logging on stderr
.SH FILES
.TP
$XDG_CONFIG_HOME/actorctl/config.toml (else ~/.config/actorctl/config.toml)
named contexts: connection settings, schemas, backend; see \fBactorctl config view\fR
.TP
~/.pgpass
libpq's password file (ignored unless private to its owner)
"#;

/// A few examples for the page of `name`.
fn examples(name: &str) -> String {
    let lines: &[(&str, &str)] = match name {
        "actorctl" | "actorctl-list" => &[
            ("actorctl list --unhealthy", "what is broken, and why"),
            ("actorctl list -o json | jq '.summary'", "counts per class"),
            ("actorctl list --check --warn 1 --crit 10", "a Nagios/Icinga check"),
        ],
        "actorctl-show" => &[("actorctl show db01", "one instance, its actor and the evidence")],
        "actorctl-start" | "actorctl-restart" | "actorctl-cancel" => &[
            ("actorctl restart db01 --dry-run", "the exact steps, nothing changed"),
            (
                "actorctl restart db01 --reason 'zombie since the upgrade'",
                "restart, with a reason for the audit trail",
            ),
        ],
        "actorctl-recover" => &[
            ("actorctl recover --all --dry-run", "the plan"),
            ("actorctl recover --all --yes --max 100 --rps 10", "repair, bounded"),
        ],
        "actorctl-sweep" => {
            &[("actorctl sweep --textfile /var/lib/node_exporter/actorctl.prom", "from cron, with metrics")]
        }
        _ => &[],
    };
    if lines.is_empty() {
        return String::new();
    }
    let mut out = String::from(".SH EXAMPLES\n");
    for (command, what) in lines {
        out.push_str(&format!(".TP\n\\fB{}\\fR\n{what}\n", command.replace('-', "\\-")));
    }
    out
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
