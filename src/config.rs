//! Parsed flags and environment → one plain [`Settings`] value.

use anyhow::Result;
use std::time::Duration;

use crate::cli::ConnectOpts;
use crate::db::Target;

#[derive(Debug, Clone)]
pub struct Settings {
    pub cms: Target,
    pub store: Target,
    pub cms_schema: String,
    pub store_schema: String,
    pub actor_orchestration: String,
    pub statement_timeout: Duration,
    pub connect_timeout: Duration,
    /// The actors' loop interval (workers-down threshold: twice this).
    pub actor_interval: Duration,
    /// `creating`/`deleting` for longer than this is stuck.
    pub stuck_after: Duration,
}

impl Settings {
    pub fn from_opts(o: &ConnectOpts) -> Result<Settings> {
        let mut cms = match o.database_url.as_deref().filter(|s| !s.is_empty()) {
            Some(raw) => Target::parse(raw, "--database-url / ACTORCTL_DATABASE_URL")?,
            None => Target::from_libpq_env()?,
        };
        cms.set_connect_timeout(o.connect_timeout);
        let store = match o.duroxide_url.as_deref().filter(|s| !s.is_empty()) {
            Some(raw) => {
                let mut t = Target::parse(raw, "--duroxide-url / ACTORCTL_DUROXIDE_URL")?;
                t.set_connect_timeout(o.connect_timeout);
                t
            }
            None => cms.clone(),
        };
        Ok(Settings {
            cms,
            store,
            cms_schema: o.cms_schema.clone(),
            store_schema: o.duroxide_schema.clone(),
            actor_orchestration: o.actor_orchestration.clone(),
            statement_timeout: o.statement_timeout,
            connect_timeout: o.connect_timeout,
            actor_interval: crate::classify::Thresholds::DEFAULT_ACTOR_INTERVAL,
            stuck_after: crate::classify::Thresholds::DEFAULT_STUCK_AFTER,
        })
    }

    /// Every secret these settings hold, for last-resort scrubbing of output.
    pub fn secrets(&self) -> Vec<String> {
        [self.cms.password(), self.store.password(), std::env::var("ACTORCTL_API_TOKEN").ok()]
            .into_iter()
            .flatten()
            .filter(|s| s.len() >= 3)
            .collect()
    }
}

/// A secret string: shows as `***` in Display and Debug.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: String) -> Secret {
        Secret(s)
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

impl std::fmt::Display for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

/// The control plane's HTTP API, for `--backend http`.
#[derive(Debug, Clone)]
pub struct ApiSettings {
    pub url: url::Url,
    pub token: Option<Secret>,
    /// Where the token came from, to name it in errors (never the token).
    pub token_source: String,
    pub timeout: Duration,
    /// How the secret is presented.
    pub auth: ApiAuth,
    /// The `instances` column whose value names the instance in the API's
    /// paths (toygres: `dns_name`).
    pub name_field: NameField,
}

/// How the API secret is presented: `Authorization: Bearer <token>`, or a
/// session cookie `<name>=<value>` (toygres's server: `toygres_session`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiAuth {
    Bearer,
    Cookie { name: String },
}

/// The `instances` column the API's paths use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameField {
    DnsName,
    K8sName,
    UserName,
}

impl NameField {
    pub fn column(self) -> &'static str {
        match self {
            NameField::DnsName => "dns_name",
            NameField::K8sName => "k8s_name",
            NameField::UserName => "user_name",
        }
    }
}

impl ApiSettings {
    /// The token (or session cookie value) comes from ACTORCTL_API_TOKEN or
    /// a file, never from a flag value (which would show in `ps` and shell
    /// history). Bearer auth and `dns_name` paths unless changed after.
    pub fn resolve(
        url: Option<&str>,
        token_file: Option<&std::path::Path>,
        timeout: Duration,
    ) -> Result<ApiSettings> {
        use crate::error::usage;
        let raw = url.ok_or_else(|| usage("--backend http needs --api-url (or ACTORCTL_API_URL)"))?;
        let url = url::Url::parse(raw)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .ok_or_else(|| usage(format!("--api-url '{raw}' is not an http(s) URL")))?;
        let (token, token_source) = if let Some(path) = token_file {
            let text = std::fs::read_to_string(path)
                .map_err(|e| usage(format!("cannot read --api-token-file {}: {e}", path.display())))?;
            (Some(Secret(text.trim().to_string())), format!("--api-token-file {}", path.display()))
        } else if let Some(t) = std::env::var("ACTORCTL_API_TOKEN").ok().filter(|t| !t.is_empty()) {
            (Some(Secret(t)), "ACTORCTL_API_TOKEN".to_string())
        } else {
            (None, "nowhere (set ACTORCTL_API_TOKEN or --api-token-file)".to_string())
        };
        Ok(ApiSettings {
            url,
            token,
            token_source,
            timeout,
            auth: ApiAuth::Bearer,
            name_field: NameField::DnsName,
        })
    }
}
