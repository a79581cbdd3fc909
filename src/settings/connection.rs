//! Connecting to PostgreSQL: libpq-style resolution, TLS, timeouts, and a
//! target description that never contains the password.

use anyhow::Result;
use std::fmt;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;
use tokio_postgres::config::Host;
use tokio_postgres::Config;

use crate::core::error::usage;

/// libpq's sslmode values; tokio-postgres itself knows only the first three.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SslMode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl SslMode {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }
}

impl FromStr for SslMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "disable" | "allow" => SslMode::Disable,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            other => {
                return Err(format!(
                    "unknown sslmode '{other}' (expected disable, prefer, require, verify-ca or verify-full)"
                ))
            }
        })
    }
}

/// A database to connect to. `Display` and `Debug` never show the password.
#[derive(Clone)]
pub(crate) struct Target {
    config: Config,
    ssl: SslMode,
    root_cert: Option<String>,
}

impl Target {
    /// Parse a `postgres://` URL or a `key=value` connection string; what
    /// it leaves out is filled in as libpq does (see [`Target::resolve`]).
    /// `origin` names where it came from, for the error message.
    pub(crate) fn parse(raw: &str, origin: &str) -> Result<Target> {
        let (rest, ssl, root_cert) =
            split_tls_params(raw).map_err(|e| usage(format!("malformed database URL in {origin}: {e}")))?;
        let config = Config::from_str(&rest).map_err(|e| {
            usage(format!(
                "malformed database URL in {origin}: {e} (expected postgres://user@host:port/dbname)"
            ))
        })?;
        Target::resolve(config, ssl, root_cert)
    }

    /// No URL at all: everything from libpq's environment and defaults.
    pub(crate) fn from_libpq_env() -> Result<Target> {
        Target::resolve(Config::new(), None, None)
    }

    /// libpq's rules for what a connection string leaves out: PGHOST,
    /// PGPORT, PGUSER (else the OS user), PGDATABASE (else the user),
    /// PGPASSWORD (else the password file), PGSSLMODE (else prefer),
    /// PGSSLROOTCERT, PGAPPNAME (else `actorctl`).
    fn resolve(mut config: Config, ssl: Option<SslMode>, root_cert: Option<String>) -> Result<Target> {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        if config.get_hosts().is_empty() {
            match var("PGHOST") {
                Some(h) => h.split(',').for_each(|h| {
                    config.host(h);
                }),
                None if Path::new("/var/run/postgresql").exists() => {
                    config.host_path("/var/run/postgresql");
                }
                None => {
                    config.host("localhost");
                }
            }
        }
        if config.get_ports().is_empty() {
            if let Some(p) = var("PGPORT") {
                config
                    .port(p.parse::<u16>().map_err(|_| usage(format!("PGPORT '{p}' is not a port number")))?);
            }
        }
        if config.get_user().is_none() {
            let user = var("PGUSER").or_else(|| var("USER")).unwrap_or_else(super::sys::login_name);
            config.user(&user);
        }
        if config.get_dbname().is_none() {
            if let Some(db) = var("PGDATABASE") {
                config.dbname(&db);
            }
        }
        let ssl = match ssl {
            Some(mode) => mode,
            None => match var("PGSSLMODE") {
                Some(m) => m.parse().map_err(|e: String| usage(format!("PGSSLMODE: {e}")))?,
                None => SslMode::Prefer,
            },
        };
        if config.get_application_name().is_none() {
            config.application_name(var("PGAPPNAME").unwrap_or_else(|| "actorctl".into()));
        }
        let mut t = Target { config, ssl, root_cert: root_cert.or_else(|| var("PGSSLROOTCERT")) };
        if t.config.get_password().is_none() {
            if let Some(pw) = var("PGPASSWORD").or_else(|| t.pgpass_password()) {
                t.config.password(pw);
            }
        }
        Ok(t)
    }

    /// The password file's entry for this target's first host.
    fn pgpass_password(&self) -> Option<String> {
        let host = match self.config.get_hosts().first()? {
            Host::Tcp(h) => h.clone(),
            #[cfg(unix)]
            Host::Unix(p) => p.display().to_string(),
        };
        let port = self.config.get_ports().first().copied().unwrap_or(5432);
        let user = self.config.get_user().unwrap_or_default();
        let db = self.config.get_dbname().unwrap_or(user);
        super::pgpass::lookup(&host, port, db, user)
    }

    pub(crate) fn set_connect_timeout(&mut self, t: Duration) {
        self.config.connect_timeout(t);
    }

    pub(crate) fn password(&self) -> Option<String> {
        self.config.get_password().map(|p| String::from_utf8_lossy(p).into_owned())
    }

    pub(crate) fn ssl_mode(&self) -> SslMode {
        self.ssl
    }

    /// Same server and database (so both schemas can be read on one connection).
    pub(crate) fn same_database(&self, other: &Target) -> bool {
        self.to_string() == other.to_string()
    }

    /// A URL for sqlx-based clients (the duroxide-pg provider). Contains the
    /// password: never print it.
    pub(crate) fn secret_url(&self) -> String {
        let mut u = url::Url::parse("postgres://localhost").expect("static URL parses");
        if let Some(user) = self.config.get_user() {
            let _ = u.set_username(user);
        }
        if let Some(pw) = self.password() {
            let _ = u.set_password(Some(&pw));
        }
        let mut query: Vec<(String, String)> = Vec::new();
        match self.config.get_hosts().first() {
            Some(Host::Tcp(h)) => {
                let _ = u.set_host(Some(h));
            }
            #[cfg(unix)]
            Some(Host::Unix(p)) => query.push(("host".into(), p.display().to_string())),
            None => {}
        }
        let _ = u.set_port(self.config.get_ports().first().copied());
        u.set_path(self.config.get_dbname().unwrap_or(""));
        let mode = match self.ssl {
            SslMode::Disable => "disable",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        };
        query.push(("sslmode".into(), mode.into()));
        if let Some(rc) = &self.root_cert {
            query.push(("sslrootcert".into(), rc.clone()));
        }
        u.query_pairs_mut().extend_pairs(query);
        u.to_string()
    }

    pub(crate) fn pg_config(&self) -> &Config {
        &self.config
    }

    pub(crate) fn root_cert(&self) -> Option<&str> {
        self.root_cert.as_deref()
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let user = self.config.get_user().unwrap_or("?");
        let host = match self.config.get_hosts().first() {
            Some(Host::Tcp(h)) => h.clone(),
            #[cfg(unix)]
            Some(Host::Unix(p)) => p.display().to_string(),
            None => "?".into(),
        };
        let port = self.config.get_ports().first().copied().unwrap_or(5432);
        let db = self.config.get_dbname().unwrap_or(user);
        write!(f, "postgres://{user}@{host}:{port}/{db}")
    }
}

impl fmt::Debug for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Target({self}, sslmode={:?})", self.ssl)
    }
}

/// Remove `sslmode` and `sslrootcert` (which tokio-postgres cannot take in
/// libpq's full form) from a URL or key=value string.
fn split_tls_params(raw: &str) -> Result<(String, Option<SslMode>, Option<String>), String> {
    let raw = raw.trim();
    let mut mode = None;
    let mut root = None;
    if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
        let (base, query) = match raw.split_once('?') {
            Some((b, q)) => (b, q),
            None => return Ok((raw.to_string(), None, None)),
        };
        let mut kept = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = percent_decode(v);
            match k {
                "sslmode" => mode = Some(v.parse()?),
                "sslrootcert" => root = Some(v),
                _ => kept.push(pair),
            }
        }
        let rest = if kept.is_empty() { base.to_string() } else { format!("{base}?{}", kept.join("&")) };
        return Ok((rest, mode, root));
    }
    if !raw.contains('=') {
        return Err("expected postgres://user@host:port/dbname or key=value pairs".into());
    }
    let mut kept = Vec::new();
    for tok in raw.split_whitespace() {
        match tok.split_once('=') {
            Some(("sslmode", v)) => mode = Some(v.parse()?),
            Some(("sslrootcert", v)) => root = Some(v.to_string()),
            _ => kept.push(tok),
        }
    }
    Ok((kept.join(" "), mode, root))
}

fn percent_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={s}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_hides_password() {
        let t =
            Target::parse("postgres://alice:s3cr3t@db.example:6543/cms?sslmode=verify-full", "test").unwrap();
        let shown = format!("{t} {t:?}");
        assert!(!shown.contains("s3cr3t"), "{shown}");
        assert!(shown.contains("alice@db.example:6543/cms"), "{shown}");
        assert_eq!(t.ssl_mode(), SslMode::VerifyFull);
        assert!(t.secret_url().contains("s3cr3t"));
    }

    #[test]
    fn key_value_strings_and_bad_input() {
        let t = Target::parse("host=h port=5 user=u dbname=d sslmode=require", "test").unwrap();
        assert_eq!(t.to_string(), "postgres://u@h:5/d");
        assert_eq!(t.ssl_mode(), SslMode::Require);
        let e = Target::parse("postgres://u:pw@h/d?sslmode=bogus", "--database-url").unwrap_err();
        assert!(e.to_string().contains("unknown sslmode"), "{e}");
        assert!(!e.to_string().contains("pw"));
        assert!(Target::parse("not a url", "--database-url").is_err());
    }
}
