//! libpq's password file (`~/.pgpass` or `PGPASSFILE`), with libpq's rules:
//! `host:port:database:user:password` lines, `*` matches anything, `\:` and
//! `\\` escape, the first match wins, and a file readable by group or world
//! is ignored with a warning.

use std::path::{Path, PathBuf};

pub(crate) fn file() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PGPASSFILE").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pgpass"))
}

/// The password for a connection, if the file has one.
pub(crate) fn lookup(host: &str, port: u16, db: &str, user: &str) -> Option<String> {
    let path = file()?;
    let text = read_if_private(&path)?;
    find(&text, host, port, db, user)
}

fn read_if_private(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            tracing::warn!(
                "password file \"{}\" has group or world access; permissions should be u=rw (0600) or less",
                path.display()
            );
            return None;
        }
    }
    std::fs::read_to_string(path).ok()
}

pub(crate) fn find(text: &str, host: &str, port: u16, db: &str, user: &str) -> Option<String> {
    let port = port.to_string();
    text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).find_map(|line| {
        let f = fields(line);
        if f.len() < 5 {
            return None;
        }
        let host_ok = f[0] == "*" || f[0] == host || (host.starts_with('/') && f[0] == "localhost");
        let ok = |field: &str, value: &str| field == "*" || field == value;
        (host_ok && ok(&f[1], &port) && ok(&f[2], db) && ok(&f[3], user)).then(|| f[4..].join(":"))
    })
}

/// Split on unescaped `:`, undoing `\:` and `\\`.
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    out.last_mut().expect("non-empty").push(n);
                }
            }
            ':' => out.push(String::new()),
            c => out.last_mut().expect("non-empty").push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libpq_matching_rules() {
        let text = "# comment\n\
                    db.example:5432:cms:alice:first\n\
                    *:5432:*:alice:second\n\
                    localhost:*:*:bob:sock\\:et\\\\pw\n\
                    *:*:*:*:fallback\n";
        assert_eq!(find(text, "db.example", 5432, "cms", "alice").as_deref(), Some("first"));
        assert_eq!(find(text, "other", 5432, "cms", "alice").as_deref(), Some("second"));
        assert_eq!(find(text, "other", 6543, "cms", "alice").as_deref(), Some("fallback"));
        assert_eq!(find(text, "/var/run/postgresql", 5432, "x", "bob").as_deref(), Some("sock:et\\pw"));
        assert_eq!(find("h:5432:db:u\n", "h", 5432, "db", "u"), None, "short line");
        assert_eq!(find("h:5432:db:u:p\n", "h", 5432, "db", "v"), None);
    }
}
