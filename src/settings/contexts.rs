//! Named contexts, as kubectl has them: a TOML file of connection settings
//! with a current context. Precedence everywhere: flag > environment >
//! context > built-in default.

use anyhow::Result;
use clap::parser::ValueSource;
use clap::ArgMatches;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::cli::{Cli, Command};
use crate::error::usage;

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct ConfigFile {
    pub current_context: Option<String>,
    #[serde(default)]
    pub contexts: BTreeMap<String, Context>,
}

/// One context. Either `database-url`, or libpq parts (`host`, `port`,
/// `user`, `dbname`, `password`, `sslmode`, `sslrootcert`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Context {
    pub database_url: Option<String>,
    pub host: Option<String>,
    pub port: Option<u16>,
    pub user: Option<String>,
    pub dbname: Option<String>,
    pub password: Option<String>,
    pub sslmode: Option<String>,
    pub sslrootcert: Option<String>,
    pub duroxide_url: Option<String>,
    pub cms_schema: Option<String>,
    pub duroxide_schema: Option<String>,
    pub actor_orchestration: Option<String>,
    pub stale_after: Option<String>,
    pub backend: Option<String>,
    pub api_url: Option<String>,
}

impl Context {
    /// The database as a libpq `key=value` string when given as parts.
    fn conninfo(&self) -> Result<Option<String>> {
        let parts = [
            ("host", self.host.clone()),
            ("port", self.port.map(|p| p.to_string())),
            ("user", self.user.clone()),
            ("dbname", self.dbname.clone()),
            ("password", self.password.clone()),
            ("sslmode", self.sslmode.clone()),
            ("sslrootcert", self.sslrootcert.clone()),
        ];
        let given: Vec<(&str, String)> = parts.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect();
        if given.is_empty() {
            return Ok(None);
        }
        if given.iter().any(|(_, v)| v.is_empty() || v.chars().any(char::is_whitespace)) {
            return Err(usage(
                "a context's libpq parts must be non-empty and contain no spaces; use database-url",
            ));
        }
        Ok(Some(given.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(" ")))
    }
}

/// `--config` / `ACTORCTL_CONFIG`, else `$XDG_CONFIG_HOME/actorctl/config.toml`,
/// else `~/.config/actorctl/config.toml`.
pub fn path(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("actorctl").join("config.toml"))
}

/// The config file; a missing default file is an empty config, a missing
/// explicit one is an error.
pub fn load(path: &Path, explicit: bool) -> Result<ConfigFile> {
    match std::fs::read_to_string(path) {
        Ok(text) => toml::from_str(&text)
            .map_err(|e| usage(format!("config file {} is not valid: {}", path.display(), e.message()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => Ok(ConfigFile::default()),
        Err(e) => Err(usage(format!("cannot read config file {}: {e}", path.display()))),
    }
}

/// The context in force: `--context` / `ACTORCTL_CONTEXT`, else the file's
/// current context, else none.
pub fn select<'a>(
    file: &'a ConfigFile,
    name: Option<&str>,
    path: &Path,
) -> Result<Option<(String, &'a Context)>> {
    let Some(name) = name.or(file.current_context.as_deref()) else { return Ok(None) };
    match file.contexts.get(name) {
        Some(c) => Ok(Some((name.to_string(), c))),
        None => Err(usage(format!(
            "no context named '{name}' in {}; `actorctl config get-contexts` lists them",
            path.display()
        ))),
    }
}

fn from_default(m: &ArgMatches, id: &str) -> bool {
    matches!(m.value_source(id), None | Some(ValueSource::DefaultValue))
}

/// Fill every setting that neither a flag nor the environment gave from the
/// context (flag > environment > context > default).
pub fn apply(cli: &mut Cli, m: &ArgMatches, ctx: &Context) -> Result<()> {
    let c = &mut cli.connect;
    if c.database_url.is_none() {
        c.database_url = ctx.database_url.clone().or(ctx.conninfo()?);
    }
    if c.duroxide_url.is_none() {
        c.duroxide_url = ctx.duroxide_url.clone();
    }
    let fill = |field: &mut String, id: &str, value: &Option<String>| {
        if let Some(v) = value.as_ref().filter(|_| from_default(m, id)) {
            *field = v.clone();
        }
    };
    fill(&mut c.cms_schema, "cms_schema", &ctx.cms_schema);
    fill(&mut c.duroxide_schema, "duroxide_schema", &ctx.duroxide_schema);
    fill(&mut c.actor_orchestration, "actor_orchestration", &ctx.actor_orchestration);
    for (name, value) in [("cms-schema", &c.cms_schema), ("duroxide-schema", &c.duroxide_schema)] {
        crate::cli::parse_ident(value).map_err(|e| usage(format!("context {name}: {e}")))?;
    }

    let Some((_, sub)) = m.subcommand() else { return Ok(()) };
    let stale = match ctx.stale_after.as_deref() {
        Some(s) => {
            Some(crate::timefmt::parse_duration(s).map_err(|e| usage(format!("context stale-after: {e}")))?)
        }
        None => None,
    };
    let backend = match ctx.backend.as_deref() {
        Some("duroxide") => Some(crate::cli::BackendKind::Duroxide),
        Some("http") => Some(crate::cli::BackendKind::Http),
        Some(other) => return Err(usage(format!("context backend '{other}' is neither duroxide nor http"))),
        None => None,
    };
    let (stale_after, backend_opts) = match &mut cli.command {
        Command::List(a) => (Some(&mut a.stale_after), None),
        Command::Show(a) => (Some(&mut a.stale_after), None),
        Command::Start(a) => (Some(&mut a.action.stale_after), Some(&mut a.backend)),
        Command::Restart(a) => (Some(&mut a.action.stale_after), Some(&mut a.backend)),
        Command::Cancel(a) => (Some(&mut a.action.stale_after), Some(&mut a.backend)),
        Command::Recover(a) => (Some(&mut a.action.stale_after), Some(&mut a.backend)),
        Command::Sweep(a) => (Some(&mut a.action.stale_after), Some(&mut a.backend)),
        _ => (None, None),
    };
    if let (Some(field), Some(v)) = (stale_after, stale.filter(|_| from_default(sub, "stale_after"))) {
        *field = v;
    }
    if let Some(b) = backend_opts {
        if let Some(v) = backend.filter(|_| from_default(sub, "backend")) {
            b.backend = v;
        }
        if b.api_url.is_none() {
            b.api_url = ctx.api_url.clone();
        }
    }
    Ok(())
}

/// The file with every secret replaced by `***`, for `config view`.
pub fn redacted(file: &ConfigFile) -> ConfigFile {
    let mut out = file.clone();
    for ctx in out.contexts.values_mut() {
        if ctx.password.is_some() {
            ctx.password = Some("***".into());
        }
        ctx.database_url = ctx.database_url.as_deref().map(redact_url);
        ctx.duroxide_url = ctx.duroxide_url.as_deref().map(redact_url);
    }
    out
}

/// `postgres://u:secret@h/db` → `postgres://u:***@h/db`; `password=x` → `password=***`.
pub fn redact_url(raw: &str) -> String {
    if let Ok(mut u) = url::Url::parse(raw) {
        if u.password().is_some() {
            let _ = u.set_password(Some("***"));
            return u.to_string();
        }
        return raw.to_string();
    }
    raw.split_whitespace()
        .map(|kv| if kv.starts_with("password=") { "password=***".to_string() } else { kv.to_string() })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Set `current-context` in the file, keeping its comments and layout.
pub fn use_context(path: &Path, name: &str) -> Result<()> {
    let file = load(path, true)?;
    if !file.contexts.contains_key(name) {
        return Err(usage(format!("no context named '{name}' in {}", path.display())));
    }
    let text = std::fs::read_to_string(path)?;
    let mut doc: toml_edit::DocumentMut =
        text.parse().map_err(|e| usage(format!("config file {} is not valid: {e}", path.display())))?;
    doc["current-context"] = toml_edit::value(name);
    let tmp = path.with_extension("toml.tmp");
    std::fs::write(&tmp, doc.to_string())?;
    std::fs::rename(&tmp, path)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_conninfo_are_redacted() {
        assert_eq!(redact_url("postgres://u:s3cret@h:5/db"), "postgres://u:***@h:5/db");
        assert_eq!(redact_url("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact_url("host=h password=s3cret user=u"), "host=h password=*** user=u");
    }

    #[test]
    fn parts_become_conninfo() {
        let c = Context {
            host: Some("h".into()),
            port: Some(6432),
            user: Some("u".into()),
            ..Default::default()
        };
        assert_eq!(c.conninfo().unwrap().as_deref(), Some("host=h port=6432 user=u"));
        assert_eq!(Context::default().conninfo().unwrap(), None);
        let bad = Context { host: Some("a b".into()), ..Default::default() };
        assert!(bad.conninfo().is_err());
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let e = toml::from_str::<ConfigFile>("[contexts.a]\ndatabase-ur = 'x'\n").unwrap_err();
        assert!(e.message().contains("unknown field"), "{e}");
    }
}
