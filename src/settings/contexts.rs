//! Named contexts, as kubectl has them: a TOML file of connection settings
//! with a current context. Precedence everywhere: flag > environment >
//! context > built-in default.

use anyhow::Result;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::core::error::usage;

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct ConfigFile {
    pub(crate) current_context: Option<String>,
    #[serde(default)]
    pub(crate) contexts: BTreeMap<String, Context>,
}

/// One context. Either `database-url`, or libpq parts (`host`, `port`,
/// `user`, `dbname`, `password`, `sslmode`, `sslrootcert`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct Context {
    pub(crate) database_url: Option<String>,
    pub(crate) host: Option<String>,
    pub(crate) port: Option<u16>,
    pub(crate) user: Option<String>,
    pub(crate) dbname: Option<String>,
    pub(crate) password: Option<String>,
    pub(crate) sslmode: Option<String>,
    pub(crate) sslrootcert: Option<String>,
    pub(crate) duroxide_url: Option<String>,
    pub(crate) cms_schema: Option<String>,
    pub(crate) duroxide_schema: Option<String>,
    pub(crate) actor_orchestration: Option<String>,
    pub(crate) stale_after: Option<String>,
    pub(crate) actor_interval: Option<String>,
    pub(crate) max_unhealthy: Option<String>,
    pub(crate) backend: Option<String>,
    pub(crate) api_url: Option<String>,
}

impl Context {
    /// The database as a libpq `key=value` string when given as parts.
    pub(crate) fn conninfo(&self) -> Result<Option<String>> {
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
pub(crate) fn path(explicit: Option<&Path>) -> Option<PathBuf> {
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
pub(crate) fn load(path: &Path, explicit: bool) -> Result<ConfigFile> {
    match std::fs::read_to_string(path) {
        Ok(text) => toml::from_str(&text)
            .map_err(|e| usage(format!("config file {} is not valid: {}", path.display(), e.message()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => Ok(ConfigFile::default()),
        Err(e) => Err(usage(format!("cannot read config file {}: {e}", path.display()))),
    }
}

/// The context in force: `--context` / `ACTORCTL_CONTEXT`, else the file's
/// current context, else none.
pub(crate) fn select<'a>(
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

/// `postgres://u:secret@h/db` → `postgres://u:***@h/db`; `password=x` → `password=***`.
pub(crate) fn redact_url(raw: &str) -> String {
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

/// The config file as it is written (comments and order kept), every
/// password and every password inside a URL replaced by `***`; `None` when
/// there is no file.
pub(crate) fn masked_text(path: &Path) -> Result<Option<String>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(usage(format!("cannot read config file {}: {e}", path.display()))),
    };
    let mut doc: toml_edit::DocumentMut =
        text.parse().map_err(|e| usage(format!("config file {} is not valid: {e}", path.display())))?;
    if let Some(contexts) = doc.get_mut("contexts").and_then(|c| c.as_table_like_mut()) {
        for (_, ctx) in contexts.iter_mut() {
            let Some(ctx) = ctx.as_table_like_mut() else { continue };
            for (key, value) in ctx.iter_mut() {
                let masked = match (key.get(), value.as_str()) {
                    ("password", Some(_)) => "***".to_string(),
                    ("database-url" | "duroxide-url", Some(url)) => redact_url(url),
                    _ => continue,
                };
                if let Some(v) = value.as_value_mut() {
                    let decor = v.decor().clone();
                    *v = masked.into();
                    *v.decor_mut() = decor;
                }
            }
        }
    }
    Ok(Some(doc.to_string()))
}

/// Set `current-context` in the file, keeping its comments and layout.
pub(crate) fn use_context(path: &Path, name: &str) -> Result<()> {
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
