//! Connecting to PostgreSQL: TLS by libpq's sslmode rules, the connect
//! deadline, and the session's statement timeout.

use anyhow::Result;
use native_tls::{Certificate, TlsConnector};
use postgres_native_tls::MakeTlsConnector;
use std::time::Duration;
use tokio_postgres::config::SslMode as PgSslMode;
use tokio_postgres::{Client, NoTls};

use crate::core::error::{backend, usage, BackendContext};
use crate::settings::connection::{SslMode, Target};

/// Connecting is I/O, so it lives here rather than with the settings.
pub(crate) trait Connect {
    async fn connect(&self, statement_timeout: Duration) -> Result<Client>;
}

impl Connect for Target {
    /// Connect, with the connect timeout enforced, and set the statement timeout.
    async fn connect(&self, statement_timeout: Duration) -> Result<Client> {
        tracing::debug!("connecting to {self} (sslmode={})", self.ssl_mode().as_str());
        let deadline = self.pg_config().get_connect_timeout().copied().unwrap_or(Duration::from_secs(10));
        let fut = connect_inner(self);
        let client =
            tokio::time::timeout(deadline + Duration::from_millis(500), fut).await.map_err(|_| {
                backend(format!("cannot connect to {self}: timed out after {}s", deadline.as_secs()))
            })??;
        client
            .batch_execute(&format!("SET statement_timeout = {}", statement_timeout.as_millis()))
            .await
            .backend_context(|| format!("cannot configure the session on {self}"))?;
        Ok(client)
    }
}

async fn connect_inner(t: &Target) -> Result<Client> {
    let mut config = t.pg_config().clone();
    let hint = || format!("cannot connect to {t}");
    if t.ssl_mode() == SslMode::Disable {
        config.ssl_mode(PgSslMode::Disable);
        let (client, conn) = config.connect(NoTls).await.backend_context(hint)?;
        spawn_connection(conn);
        return Ok(client);
    }
    config.ssl_mode(if t.ssl_mode() == SslMode::Prefer { PgSslMode::Prefer } else { PgSslMode::Require });
    let tls = MakeTlsConnector::new(tls_connector(t)?);
    let (client, conn) = config.connect(tls).await.map_err(|e| {
        let chain = format!("{:#}", anyhow::Error::new(e));
        let why = if chain.contains("certificate") || chain.contains("TLS") || chain.contains("handshake") {
            format!(
                "TLS verification failed for sslmode={} (verify-ca checks the certificate chain against \
                 sslrootcert, verify-full also the host name): {chain}",
                t.ssl_mode().as_str()
            )
        } else {
            chain
        };
        backend(format!("{}: {why}", hint()))
    })?;
    spawn_connection(conn);
    Ok(client)
}

/// libpq semantics: require checks nothing, verify-ca checks the chain,
/// verify-full also the host name.
fn tls_connector(t: &Target) -> Result<TlsConnector> {
    let mut b = TlsConnector::builder();
    match t.ssl_mode() {
        SslMode::Prefer | SslMode::Require if t.root_cert().is_none() => {
            b.danger_accept_invalid_certs(true).danger_accept_invalid_hostnames(true);
        }
        SslMode::Prefer | SslMode::Require | SslMode::VerifyCa => {
            b.danger_accept_invalid_hostnames(true);
        }
        _ => {}
    }
    if let Some(path) = &t.root_cert() {
        let pem = std::fs::read(path).map_err(|e| usage(format!("cannot read sslrootcert {path}: {e}")))?;
        let cert = Certificate::from_pem(&pem)
            .map_err(|e| usage(format!("sslrootcert {path} is not a PEM certificate: {e}")))?;
        b.add_root_certificate(cert);
    }
    b.build().backend_context(|| "cannot set up TLS".into())
}

fn spawn_connection<S, T>(conn: tokio_postgres::Connection<S, T>)
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
    T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    tokio::spawn(async move {
        if let Err(e) = conn.await {
            tracing::debug!("database connection closed: {e}");
        }
    });
}
