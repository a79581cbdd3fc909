//! The control plane's HTTP API: `POST <api>/api/instances/<name>/actor/<verb>`.
//! Claim and audit are the server's job in this mode; verification still
//! reads the store.

use anyhow::Result;
use reqwest::header::{HeaderValue, AUTHORIZATION, COOKIE};
use reqwest::StatusCode;
use std::time::Duration;

use crate::core::error::{backend, usage};
use crate::settings::{ApiAuth, ApiSettings, NameField};

pub(crate) struct HttpBackend {
    client: reqwest::Client,
    api: ApiSettings,
}

/// Attempts for a request that failed to connect or got 502/503/504.
const ATTEMPTS: u32 = 4;

impl HttpBackend {
    pub(crate) fn new(api: ApiSettings) -> Result<HttpBackend> {
        let client = reqwest::Client::builder()
            .timeout(api.timeout)
            .connect_timeout(api.timeout.min(Duration::from_secs(10)))
            .user_agent(concat!("actorctl/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| backend(format!("cannot set up the HTTP client: {e}")))?;
        Ok(HttpBackend { client, api })
    }

    /// The `instances` column that names an instance in the API's paths.
    pub(crate) fn name_field(&self) -> NameField {
        self.api.name_field
    }

    /// `verb` is start, restart or cancel. Retries only what cannot have
    /// been acted on: connection failures and 502/503/504.
    // Long on purpose: one request with its retries, auth and error mapping in one place.
    pub(crate) async fn call(&self, name: &str, verb: &str) -> Result<()> {
        let url = format!(
            "{}/api/instances/{}/actor/{verb}",
            self.api.url.as_str().trim_end_matches('/'),
            encode(name)
        );
        let mut delay = Duration::from_millis(200);
        for attempt in 1..=ATTEMPTS {
            let mut req = self.client.post(&url).header("content-type", "application/json").body("{}");
            if let Some(token) = &self.api.token {
                let (header, text) = match &self.api.auth {
                    ApiAuth::Bearer => (AUTHORIZATION, format!("Bearer {}", token.expose())),
                    ApiAuth::Cookie { name } => (COOKIE, format!("{name}={}", token.expose())),
                };
                let mut value = HeaderValue::from_str(&text).map_err(|_| {
                    usage(format!("the API token from {} is not a valid header value", self.api.token_source))
                })?;
                value.set_sensitive(true);
                req = req.header(header, value);
            }
            tracing::info!("POST {url} (attempt {attempt})");
            let retry = match req.send().await {
                Err(e) if e.is_connect() && attempt < ATTEMPTS => format!("cannot connect ({e})"),
                Err(e) if e.is_timeout() => {
                    anyhow::bail!(
                        "the control plane did not answer {verb} for {name} within {}s",
                        self.api.timeout.as_secs()
                    )
                }
                Err(e) if e.is_connect() => {
                    return Err(backend(format!(
                        "cannot reach the control plane API at {}: {e}",
                        self.api.url
                    )))
                }
                Err(e) => anyhow::bail!("request to the control plane failed: {e}"),
                Ok(resp) => {
                    let status = resp.status();
                    if status.is_success() {
                        return Ok(());
                    }
                    let body = resp.text().await.unwrap_or_default();
                    let msg = server_message(&body);
                    match status {
                        StatusCode::BAD_GATEWAY | StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT
                            if attempt < ATTEMPTS =>
                        {
                            format!("HTTP {status}")
                        }
                        StatusCode::NOT_FOUND => {
                            return Err(usage(format!("the control plane does not know instance '{name}' (HTTP 404{msg})")))
                        }
                        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => {
                            return Err(backend(format!(
                                "the control plane refused the request (HTTP {status}{msg}); check the API token from {}",
                                self.api.token_source
                            )))
                        }
                        _ => anyhow::bail!("the control plane answered HTTP {status} to {verb}{msg}"),
                    }
                }
            };
            tracing::warn!("{verb} {name}: {retry}; retrying in {}ms", delay.as_millis());
            tokio::time::sleep(delay).await;
            delay *= 2;
        }
        unreachable!("the last attempt returns")
    }
}

/// ": <message>" from a JSON `{"error"|"message": ...}` body or plain text.
fn server_message(body: &str) -> String {
    let text = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| {
            v.get("error").or_else(|| v.get("message")).and_then(|m| m.as_str()).map(str::to_string)
        })
        .unwrap_or_else(|| body.trim().chars().take(300).collect());
    if text.is_empty() {
        String::new()
    } else {
        format!(": {text}")
    }
}

fn encode(segment: &str) -> String {
    url::form_urlencoded::byte_serialize(segment.as_bytes()).collect::<String>().replace('+', "%20")
}
