//! A real PgBouncer in transaction pooling mode in front of a cluster, on a
//! free port in a temp dir (run as the `postgres` user when root, like the
//! cluster), stopped when dropped or when the test process exits.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::cluster::{free_port, is_root, Cluster};

pub struct PgBouncer {
    pub addr: String,
    pub port: u16,
    dir: PathBuf,
}

/// `pgbouncer` on PATH or in /usr/sbin (Debian's package).
fn binary() -> Result<PathBuf> {
    let path = std::env::var("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/sbin"), PathBuf::from("/usr/bin")])
        .map(|d| d.join("pgbouncer"))
        .find(|p| p.is_file())
        .context("pgbouncer not found: scripts/ensure-tools installs it (apt-get install pgbouncer)")
}

impl PgBouncer {
    /// PgBouncer in `pool_mode` (transaction, session, statement) with
    /// `pool_size` server connections per database.
    pub fn start(cluster: &Cluster, pool_mode: &str, pool_size: u32) -> Result<PgBouncer> {
        Self::start_on(cluster, pool_mode, pool_size, "127.0.0.1", free_port())
    }

    /// Listening on `addr:port` (e.g. the server's own port on another
    /// loopback address, as a pooler in front of a service often does).
    pub fn start_on(
        cluster: &Cluster,
        pool_mode: &str,
        pool_size: u32,
        addr: &str,
        port: u16,
    ) -> Result<PgBouncer> {
        let bin = binary()?;
        let dir = tempfile::Builder::new().prefix("actorctl-pgbouncer-").tempdir()?.keep();
        let ini = format!(
            "[databases]\n* = host=127.0.0.1 port={pg} user=postgres\n\n\
             [pgbouncer]\nlisten_addr = {addr}\nlisten_port = {port}\nunix_socket_dir =\n\
             auth_type = any\npool_mode = {pool_mode}\ndefault_pool_size = {pool_size}\n\
             max_client_conn = 1000\nserver_reset_query =\nlogfile = {dir}/pgbouncer.log\n\
             pidfile = {dir}/pgbouncer.pid\n",
            pg = cluster.port,
            dir = dir.display()
        );
        std::fs::write(dir.join("pgbouncer.ini"), ini)?;
        if is_root() {
            let st = Command::new("chown").args(["-R", "postgres:postgres"]).arg(&dir).status()?;
            if !st.success() {
                bail!("chown {} failed", dir.display());
            }
        }
        let mut c = if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&bin);
            c
        } else {
            Command::new(&bin)
        };
        let out = c.arg("-d").arg(dir.join("pgbouncer.ini")).stdin(Stdio::null()).output()?;
        if !out.status.success() {
            bail!("pgbouncer failed to start: {}{}", String::from_utf8_lossy(&out.stderr), log(&dir));
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect((addr, port)).is_err() {
            if Instant::now() > deadline {
                bail!("pgbouncer did not listen on {port}: {}", log(&dir));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        watchdog(&dir);
        Ok(PgBouncer { addr: addr.to_string(), port, dir })
    }

    /// The URL of database `db` through the pooler.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://postgres@{}:{}/{db}", self.addr, self.port)
    }

    pub fn log(&self) -> String {
        log(&self.dir)
    }
}

fn log(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("pgbouncer.log")).unwrap_or_default()
}

fn stop(dir: &Path) {
    if let Ok(pid) = std::fs::read_to_string(dir.join("pgbouncer.pid")) {
        if let Ok(pid) = pid.trim().parse::<i32>() {
            // SAFETY: signalling the pooler this harness started.
            unsafe { libc::kill(pid, libc::SIGTERM) };
        }
    }
}

impl Drop for PgBouncer {
    fn drop(&mut self) {
        stop(&self.dir);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Stop the pooler when the test process exits, however it exits.
fn watchdog(dir: &Path) {
    let script = format!(
        "while kill -0 {} 2>/dev/null; do sleep 1; done; kill $(cat '{d}/pgbouncer.pid') 2>/dev/null; rm -rf '{d}'",
        std::process::id(),
        d = dir.display()
    );
    let mut c = Command::new("sh");
    c.args(["-c", &script]).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    {
        use std::os::unix::process::CommandExt;
        c.process_group(0);
    }
    let _ = c.spawn();
}
