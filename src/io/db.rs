//! Connecting to PostgreSQL: TLS by libpq's sslmode rules, the connect
//! deadline, the session's statement and lock timeouts; and [`Sql`], the way
//! every query is sent: as an unnamed statement in one round trip, so that
//! nothing outlives a transaction behind a pooler in transaction mode
//! (PgBouncer), and with a client-side deadline besides the server's.

use anyhow::Result;
use native_tls::{Certificate, TlsConnector};
use postgres_native_tls::MakeTlsConnector;
use std::sync::OnceLock;
use std::time::Duration;
use tokio_postgres::config::SslMode as PgSslMode;
use tokio_postgres::tls::{MakeTlsConnect, TlsConnect};
use tokio_postgres::types::{ToSql, Type};
use tokio_postgres::{Client, NoTls, Row};

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
        let _ = CALL_DEADLINE.set(statement_timeout);
        client
            .batch_execute(&session_settings(statement_timeout))
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
    let connected = match t.root_cert() {
        // A root certificate is read now: a missing or bad file is a usage error.
        Some(root) => {
            config.connect(MakeTlsConnector::new(cached_tls_connector(t.ssl_mode(), Some(root))?)).await
        }
        None => config.connect(LazyTls(t.ssl_mode())).await,
    };
    let (client, conn) = connected.map_err(|e| {
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

/// TLS set up only once the server has agreed to it: with sslmode=prefer
/// against a server without TLS, OpenSSL is never initialised (a tenth of a
/// second at every start). Only without a root certificate, whose file
/// errors are reported before connecting.
#[derive(Clone, Copy)]
struct LazyTls(SslMode);

struct LazyTlsConnect {
    mode: SslMode,
    domain: String,
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

impl<S> MakeTlsConnect<S> for LazyTls
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    type Stream = postgres_native_tls::TlsStream<S>;
    type TlsConnect = LazyTlsConnect;
    type Error = BoxError;

    fn make_tls_connect(&mut self, domain: &str) -> Result<LazyTlsConnect, BoxError> {
        Ok(LazyTlsConnect { mode: self.0, domain: domain.to_string() })
    }
}

impl<S> TlsConnect<S> for LazyTlsConnect
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    type Stream = postgres_native_tls::TlsStream<S>;
    type Error = BoxError;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self::Stream, BoxError>> + Send>>;

    fn connect(self, stream: S) -> Self::Future {
        Box::pin(async move {
            let built = cached_tls_connector(self.mode, None)?;
            let tls = postgres_native_tls::TlsConnector::new(built, &self.domain);
            Ok(TlsConnect::connect(tls, stream).await?)
        })
    }
}

/// [`tls_connector`], built once per (sslmode, root certificate): building
/// one loads the system's certificate store, a tenth of a second that the
/// CMS and the store connection would otherwise each pay.
fn cached_tls_connector(mode: SslMode, root_cert: Option<&str>) -> Result<TlsConnector> {
    type Built = Vec<((&'static str, Option<String>), TlsConnector)>;
    static BUILT: std::sync::Mutex<Built> = std::sync::Mutex::new(Vec::new());
    let key = (mode.as_str(), root_cert.map(|p| p.to_string()));
    let mut built = BUILT.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, c)) = built.iter().find(|(k, _)| *k == key) {
        return Ok(c.clone());
    }
    let c = tls_connector(mode, root_cert)?;
    built.push((key, c.clone()));
    Ok(c)
}

/// libpq semantics: require checks nothing, verify-ca checks the chain,
/// verify-full also the host name.
fn tls_connector(mode: SslMode, root_cert: Option<&str>) -> Result<TlsConnector> {
    let mut b = TlsConnector::builder();
    match mode {
        SslMode::Prefer | SslMode::Require if root_cert.is_none() => {
            // Nothing is verified, so the system's certificate store (60 ms
            // to load, at every start) is not read.
            b.danger_accept_invalid_certs(true)
                .danger_accept_invalid_hostnames(true)
                .disable_built_in_roots(true);
        }
        SslMode::Prefer | SslMode::Require | SslMode::VerifyCa => {
            b.danger_accept_invalid_hostnames(true);
        }
        _ => {}
    }
    if let Some(path) = root_cert {
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

/// How long a lock may be waited for: half the statement timeout, so that a
/// lock held elsewhere fails with a message that names the lock wait rather
/// than a generic statement timeout.
pub(crate) fn lock_timeout(statement_timeout: Duration) -> Duration {
    if statement_timeout.is_zero() {
        return Duration::ZERO;
    }
    (statement_timeout / 2).max(Duration::from_millis(100))
}

/// The `SET`s every session starts with. JIT compilation off (PostgreSQL
/// 11 on; older servers have no such setting): the fleet read's plan looks
/// costly to the planner, which then spends a second compiling a query that
/// runs in less. The statement timeout comes last, so that it bounds the
/// session's statements, not its own set-up (a timeout of a millisecond
/// would otherwise fail the connection instead of the read it was meant for).
pub(crate) fn session_settings(statement_timeout: Duration) -> String {
    format!(
        "SET lock_timeout = {}; \
         SELECT set_config('jit', 'off', false) WHERE current_setting('server_version_num')::int >= 110000; \
         SET statement_timeout = {}",
        lock_timeout(statement_timeout).as_millis(),
        statement_timeout.as_millis()
    )
}

/// The client-side bound of one call: the statement timeout plus a margin
/// for the network (none when statement timeouts are off).
static CALL_DEADLINE: OnceLock<Duration> = OnceLock::new();

fn call_deadline() -> Option<Duration> {
    CALL_DEADLINE.get().filter(|d| !d.is_zero()).map(|d| *d + Duration::from_secs(3))
}

/// A call that got no answer within its client-side deadline.
#[derive(Debug)]
pub(crate) struct NoAnswer(pub(crate) Duration);

impl std::fmt::Display for NoAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the database gave no answer within {}s", self.0.as_secs())
    }
}
impl std::error::Error for NoAnswer {}

pub(crate) type Params<'a> = &'a [&'a (dyn ToSql + Sync)];

/// Queries as unnamed statements (`query_typed`: Parse, Bind, Execute, Sync
/// in one round trip). Plain `query` prepares a named statement (`s0`, …)
/// and binds it in a second round trip, which a transaction pooler may send
/// to another server connection.
pub(crate) trait Sql {
    async fn rows(&self, sql: &str, params: Params<'_>) -> Result<Vec<Row>>;
    async fn row(&self, sql: &str, params: Params<'_>) -> Result<Row> {
        let mut rows = self.rows(sql, params).await?;
        match rows.len() {
            1 => Ok(rows.remove(0)),
            n => Err(anyhow::anyhow!("expected one row, got {n}")),
        }
    }
    /// The number of rows a statement changed.
    async fn exec(&self, sql: &str, params: Params<'_>) -> Result<u64>;
    /// Hand each row to `each` as it arrives, holding one row at a time
    /// (fleet reads: 100k rows are never all in memory as `Row`s).
    async fn each(&self, sql: &str, params: Params<'_>, each: impl FnMut(Row) -> Result<()>) -> Result<u64>;
}

impl Sql for Client {
    async fn rows(&self, sql: &str, params: Params<'_>) -> Result<Vec<Row>> {
        let typed: Vec<(&(dyn ToSql + Sync), Type)> = params.iter().map(|p| (*p, type_of(*p))).collect();
        bounded(self.query_typed(sql, &typed)).await
    }

    async fn exec(&self, sql: &str, params: Params<'_>) -> Result<u64> {
        use futures::TryStreamExt;
        let typed = params.iter().map(|p| (*p, type_of(*p)));
        bounded(async {
            let stream = self.query_typed_raw(sql, typed).await?;
            futures::pin_mut!(stream);
            while stream.try_next().await?.is_some() {}
            Ok(stream.rows_affected().unwrap_or(0))
        })
        .await
    }

    async fn each(
        &self,
        sql: &str,
        params: Params<'_>,
        mut each: impl FnMut(Row) -> Result<()>,
    ) -> Result<u64> {
        use futures::TryStreamExt;
        let typed = params.iter().map(|p| (*p, type_of(*p)));
        let mut failed = None;
        let n = bounded(async {
            let stream = self.query_typed_raw(sql, typed).await?;
            futures::pin_mut!(stream);
            let mut n = 0;
            while let Some(row) = stream.try_next().await? {
                n += 1;
                if failed.is_none() {
                    if let Err(e) = each(row) {
                        failed = Some(e);
                    }
                }
            }
            Ok(n)
        })
        .await?;
        match failed {
            Some(e) => Err(e),
            None => Ok(n),
        }
    }
}

async fn bounded<T>(fut: impl std::future::Future<Output = Result<T, tokio_postgres::Error>>) -> Result<T> {
    let answer = match call_deadline() {
        None => fut.await,
        Some(d) => tokio::time::timeout(d, fut).await.map_err(|_| NoAnswer(d))?,
    };
    answer.map_err(|e| match statement_timed_out(&e) {
        true => anyhow::Error::new(e).context(TimedOut(CALL_DEADLINE.get().copied().unwrap_or_default())),
        false => e.into(),
    })
}

/// The server cancelled the statement at the statement timeout (not a lock
/// wait: that has its own code and message).
fn statement_timed_out(e: &tokio_postgres::Error) -> bool {
    e.as_db_error().is_some_and(|d| {
        *d.code() == tokio_postgres::error::SqlState::QUERY_CANCELED
            && d.message().contains("statement timeout")
    })
}

/// A statement that ran past the statement timeout: at a fleet's size
/// (about 20 s for a million instances) the remedy is a longer one.
#[derive(Debug)]
pub(crate) struct TimedOut(pub(crate) Duration);

impl std::fmt::Display for TimedOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the statement ran longer than the statement timeout ({}): a large fleet needs a longer \
             --statement-timeout (or statement-timeout in the context), e.g. 2m",
            humantime::format_duration(self.0)
        )
    }
}
impl std::error::Error for TimedOut {}

/// The PostgreSQL type a parameter encodes as: the first candidate its
/// `ToSql` accepts (text for strings, so the server coerces to varchar).
fn type_of(p: &(dyn ToSql + Sync)) -> Type {
    const CANDIDATES: [Type; 10] = [
        Type::TEXT,
        Type::INT8,
        Type::INT4,
        Type::BOOL,
        Type::UUID,
        Type::JSONB,
        Type::TIMESTAMPTZ,
        Type::FLOAT8,
        Type::TEXT_ARRAY,
        Type::INT8_ARRAY,
    ];
    let mut buf = bytes::BytesMut::new();
    for ty in CANDIDATES {
        buf.clear();
        if p.to_sql_checked(&ty, &mut buf).is_ok() {
            return ty;
        }
    }
    Type::UNKNOWN
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_get_the_type_they_encode_as() {
        let none: Option<&str> = None;
        let names = vec!["a".to_string()];
        assert_eq!(type_of(&"x"), Type::TEXT);
        assert_eq!(type_of(&none), Type::TEXT);
        assert_eq!(type_of(&5i64), Type::INT8);
        assert_eq!(type_of(&uuid::Uuid::nil()), Type::UUID);
        assert_eq!(type_of(&serde_json::json!({})), Type::JSONB);
        assert_eq!(type_of(&names), Type::TEXT_ARRAY);
        assert_eq!(type_of(&true), Type::BOOL);
    }

    #[test]
    fn the_lock_wait_ends_before_the_statement() {
        assert_eq!(lock_timeout(Duration::from_secs(30)), Duration::from_secs(15));
        assert_eq!(lock_timeout(Duration::ZERO), Duration::ZERO);
        let set = session_settings(Duration::from_secs(2));
        assert!(set.contains("lock_timeout = 1000"), "{set}");
        assert!(set.ends_with("SET statement_timeout = 2000"), "the timeout bounds what follows: {set}");
    }
}
