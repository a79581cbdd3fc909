//! A throwaway PostgreSQL cluster (initdb + pg_ctl in a temp dir, a free
//! port on 127.0.0.1), shared by the tests of one process; or the server
//! named by `ACTORCTL_TEST_DATABASE_URL`. Every test gets its own database.

use anyhow::{bail, ensure, Context, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

pub struct Cluster {
    /// Admin URL without a database name, e.g. `postgres://postgres@127.0.0.1:5432`.
    base: String,
    admin_db: String,
    pub port: u16,
    pub data_dir: Option<PathBuf>,
    bin: Option<PathBuf>,
}

static CLUSTER: OnceLock<Cluster> = OnceLock::new();

/// The shared cluster of this process, started on first use.
pub fn cluster() -> &'static Cluster {
    CLUSTER.get_or_init(|| match std::env::var("ACTORCTL_TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => Cluster::external(&url).expect("ACTORCTL_TEST_DATABASE_URL is usable"),
        _ => Cluster::start().unwrap_or_else(|e| panic!("cannot start a throwaway PostgreSQL: {e:#}")),
    })
}

pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// Where the PostgreSQL server binaries are: $PG_BIN, PATH, or Debian's
/// /usr/lib/postgresql/<newest>/bin.
pub fn pg_bin_dir() -> Result<PathBuf> {
    if let Ok(dir) = std::env::var("PG_BIN") {
        return Ok(PathBuf::from(dir));
    }
    if let Ok(path) = std::env::var("PATH") {
        for dir in std::env::split_paths(&path) {
            if dir.join("initdb").is_file() && dir.join("pg_ctl").is_file() {
                return Ok(dir);
            }
        }
    }
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((v, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, p)| p).context(
        "initdb not found: install PostgreSQL server binaries (apt-get install postgresql) or set PG_BIN",
    )
}

/// Run a PostgreSQL binary, as the `postgres` user when we are root
/// (initdb and postgres refuse to run as root).
pub fn pg_command(bin: &Path, tool: &str) -> Command {
    if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(bin.join(tool));
        c
    } else {
        Command::new(bin.join(tool))
    }
}

fn run(mut c: Command, what: &str) -> Result<()> {
    let out = c.stdin(Stdio::null()).output().with_context(|| format!("cannot run {what}"))?;
    if !out.status.success() {
        bail!(
            "{what} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

impl Cluster {
    fn external(url: &str) -> Result<Cluster> {
        let parsed: tokio_postgres::Config = url.parse().context("ACTORCTL_TEST_DATABASE_URL")?;
        let (base, db) = match url.rsplit_once('/') {
            Some((b, d)) if b.contains("//") && !b.ends_with('/') => {
                (b.to_string(), d.split('?').next().unwrap_or("postgres").to_string())
            }
            _ => (url.trim_end_matches('/').to_string(), "postgres".to_string()),
        };
        Ok(Cluster {
            base,
            admin_db: if db.is_empty() { "postgres".into() } else { db },
            port: parsed.get_ports().first().copied().unwrap_or(5432),
            data_dir: None,
            bin: None,
        })
    }

    /// initdb, configure, start, and arrange for removal when this process exits.
    pub fn start() -> Result<Cluster> {
        Self::start_with(|_| Ok(()))
    }

    /// Like [`Cluster::start`], with a hook that may edit the data directory
    /// (certificates, postgresql.conf) before the server starts.
    pub fn start_with(prepare: impl FnOnce(&Path) -> Result<()>) -> Result<Cluster> {
        Self::start_configured(prepare, "64MB")
    }

    /// Like [`Cluster::start`], with `shared_buffers` of `size` instead of
    /// 64MB: a benchmark's large store served as a production server
    /// would serve it.
    pub fn start_with_shared_buffers(size: &str) -> Result<Cluster> {
        ensure!(
            !size.is_empty() && size.chars().all(|c| c.is_ascii_alphanumeric()),
            "shared_buffers {size:?}: a size such as 2GB"
        );
        Self::start_configured(|_| Ok(()), size)
    }

    fn start_configured(prepare: impl FnOnce(&Path) -> Result<()>, shared_buffers: &str) -> Result<Cluster> {
        let bin = pg_bin_dir()?;
        let dir = tempfile::Builder::new().prefix("actorctl-pg-").tempdir()?.keep();
        let data = dir.join("data");
        if is_root() {
            run(
                {
                    let mut c = Command::new("chown");
                    c.args(["-R", "postgres:postgres"]).arg(&dir);
                    c
                },
                "chown",
            )?;
        }
        let mut initdb = pg_command(&bin, "initdb");
        initdb.args(["-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "-D"]).arg(&data);
        run(initdb, "initdb")?;
        std::fs::write(
            data.join("pg_hba.conf"),
            "local all all trust\n\
             host all postgres 127.0.0.1/32 trust\n\
             host all all 127.0.0.1/32 scram-sha-256\n\
             hostssl all all 127.0.0.1/32 scram-sha-256\n",
        )?;
        prepare(&data)?;
        if is_root() {
            let mut c = Command::new("chown");
            c.args(["-R", "postgres:postgres"]).arg(&dir);
            run(c, "chown")?;
        }
        let mut last_err = None;
        for _ in 0..3 {
            let port = free_port();
            let opts = format!(
                "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
                 -c full_page_writes=off -c max_connections=500 -c shared_buffers={shared_buffers}",
                dir.display()
            );
            let mut c = pg_command(&bin, "pg_ctl");
            c.arg("-D")
                .arg(&data)
                .args(["-o", &opts, "-l"])
                .arg(dir.join("server.log"))
                .args(["-w", "-t", "60", "start"]);
            match run(c, "pg_ctl start") {
                Ok(()) => {
                    watchdog(&bin, &dir);
                    return Ok(Cluster {
                        base: format!("postgres://postgres@127.0.0.1:{port}"),
                        admin_db: "postgres".into(),
                        port,
                        data_dir: Some(data),
                        bin: Some(bin),
                    });
                }
                Err(e) => last_err = Some(e),
            }
        }
        let log = std::fs::read_to_string(dir.join("server.log")).unwrap_or_default();
        Err(last_err.unwrap().context(format!("server log:\n{log}")))
    }

    pub fn url(&self, db: &str) -> String {
        format!("{}/{db}", self.base)
    }

    pub fn admin_url(&self) -> String {
        self.url(&self.admin_db)
    }

    /// Stop the server now (for tests that need the database to go away).
    pub fn stop(&self) -> Result<()> {
        let (Some(bin), Some(data)) = (&self.bin, &self.data_dir) else { bail!("not our cluster") };
        let mut c = pg_command(bin, "pg_ctl");
        c.arg("-D").arg(data).args(["-m", "immediate", "-w", "stop"]);
        run(c, "pg_ctl stop")
    }

    /// Restart the server now (immediate shutdown, as a crash or a
    /// failover does), with the options it was started with.
    pub fn restart(&self) -> Result<()> {
        let (Some(bin), Some(data)) = (&self.bin, &self.data_dir) else { bail!("not our cluster") };
        let mut c = pg_command(bin, "pg_ctl");
        c.arg("-D").arg(data).args(["-m", "immediate", "-w", "-t", "60", "restart"]);
        let log = data.parent().expect("the cluster's dir").join("server.log");
        c.arg("-l").arg(log);
        run(c, "pg_ctl restart")
    }

    /// A new, empty database for one test.
    pub async fn create_database(&self) -> Result<String> {
        let name = format!("t_{}", uuid::Uuid::new_v4().simple());
        let client = connect(&self.admin_url()).await?;
        client.batch_execute(&format!("CREATE DATABASE {name}")).await?;
        Ok(name)
    }
}

/// Stop and remove the cluster when the test process exits, however it exits.
fn watchdog(bin: &Path, dir: &Path) {
    let pid = std::process::id();
    let runas = if is_root() { "runuser -u postgres -- " } else { "" };
    let script = format!(
        "while kill -0 {pid} 2>/dev/null; do sleep 1; done; \
         {runas}'{}' -D '{}' -m immediate stop >/dev/null 2>&1; rm -rf '{}'",
        bin.join("pg_ctl").display(),
        dir.join("data").display(),
        dir.display()
    );
    let mut c = Command::new("sh");
    c.args(["-c", &script]).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        c.process_group(0);
    }
    let _ = c.spawn();
}

pub async fn connect(url: &str) -> Result<tokio_postgres::Client> {
    let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .with_context(|| format!("connect to {url}"))?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    Ok(client)
}
