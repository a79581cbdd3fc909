//! Benchmark (not a test): actorctl against a large fleet (issue 14). Seeds
//! N instances straight in SQL (testkit `scale`: 96% healthy, 1% each stale,
//! zombie, missing and dead, N/200 orphans; DEPTH earlier executions per
//! actor) in a throwaway PostgreSQL, from actors that looped on a live
//! runtime first, checks that `list` reports exactly the seeded classes,
//! then times, interleaved, 3 runs (`BENCH_RUNS`) each
//! of: the floor (psql with the four plain reads any classifier needs, rows
//! discarded), `list -o json`, `list`, `show`, `restart --dry-run`, a real
//! `restart` (of a different stale instance each run, the runtime up for
//! it alone) and
//! `recover --all --dry-run -o json`. Prints median wall time, peak RSS and
//! the ratio to the floor as a markdown table. Run through
//! `scripts/bench scale`.
//!
//!     bench_scale <path to actorctl> [N=100000] [DEPTH=1]

use actorctl_testkit::cluster::pg_bin_dir;
use actorctl_testkit::scale::{self, Templates, Workers};
use actorctl_testkit::{Cluster, Fleet, FleetOptions, ACTOR_ORCHESTRATION};
use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// Seeded progress is at most minutes old, old rows two days: a day's
/// threshold keeps every class put however long the benchmark runs.
const STALE_AFTER: &str = "1d";
/// The seeded actors' (production) loop interval; the live runtime's own
/// actors loop every second.
const ACTOR_INTERVAL: &str = "30s";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    if std::env::var_os("RUST_LOG").is_none() {
        std::env::set_var("RUST_LOG", "error");
    }
    let mut args = std::env::args().skip(1);
    let bin = args.next().ok_or_else(|| anyhow::anyhow!("usage: bench_scale <actorctl> [N] [DEPTH]"))?;
    let n: u64 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(100_000);
    let depth: u32 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(1);
    anyhow::ensure!(n >= 100, "N must be at least 100 (one instance of each class)");

    // ACTORCTL_TEST_DATABASE_URL: seed into that server instead of a
    // throwaway one, and leave the fleet there to inspect or re-time.
    // BENCH_SHARED_BUFFERS (e.g. 2GB): the throwaway server's buffers,
    // sized for a large store as a production server's would be (64MB
    // otherwise, as for the tests).
    let cluster = match std::env::var("ACTORCTL_TEST_DATABASE_URL") {
        Ok(u) if !u.is_empty() => actorctl_testkit::cluster::cluster(),
        _ => match std::env::var("BENCH_SHARED_BUFFERS") {
            Ok(size) if !size.is_empty() => &Cluster::start_with_shared_buffers(&size)?,
            _ => &Cluster::start()?,
        },
    };
    let (mut fleet, url, seeded, db_bytes) = seed_fleet(cluster, n, depth).await?;
    let pg_version: String = fleet.pg.query_one("SHOW server_version", &[]).await?.get(0);

    // DEPTH > 1: a flat fleet of the same N (DEPTH 1), in a database of
    // its own on the same server, timed in the same rounds. Issue 14's
    // depth target is `list -o json` on the deep fleet against the flat
    // one, and separate runs of the benchmark differ by more than that.
    let flat = match depth {
        1 => None,
        _ => {
            eprintln!("bench: the flat fleet to compare with…");
            let (flat, flat_url, _, _) = seed_fleet(cluster, n, 1).await?;
            Some((flat, flat_url))
        }
    };

    // Vacuum and checkpoint the seeded rows now, so that no timed run
    // shares the machine with autovacuum or the checkpointer.
    eprintln!("bench: vacuum, analyze, checkpoint…");
    for f in std::iter::once(&fleet).chain(flat.as_ref().map(|(f, _)| f)) {
        f.pg.batch_execute("VACUUM (ANALYZE)").await?;
    }
    fleet.pg.batch_execute("CHECKPOINT").await?;
    let shared_buffers: String = fleet.pg.query_one("SHOW shared_buffers", &[]).await?.get(0);
    eprintln!("bench: export ACTORCTL_DATABASE_URL='{url}' ACTORCTL_STALE_AFTER={STALE_AFTER}");
    // BENCH_RUNS: more runs for a steadier median on a noisy machine.
    let runs: usize = std::env::var("BENCH_RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(3).max(1);
    let healthy = scale::names_of("healthy", n, 1).remove(0);
    let stale = scale::names_of("stale", n, runs + 1);
    anyhow::ensure!(stale.len() == runs + 1, "N too small for {} stale instances", runs + 1);
    let dry_target = stale[runs].clone();
    let psql = {
        let p = pg_bin_dir().map(|d| d.join("psql")).ok().filter(|p| p.is_file());
        p.map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|| "psql".into())
    };
    let floor_sql = floor_queries(fleet.cms(), fleet.store());

    let mut cases: Vec<Case> = vec![
        Case::floor("the floor: `psql -At`, the four plain reads, rows discarded", {
            let mut a: Vec<String> =
                ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-o", "/dev/null", "-d", &url]
                    .map(String::from)
                    .into();
            for q in &floor_sql {
                a.extend(["-c".to_string(), q.clone()]);
            }
            (psql.clone(), a)
        }),
        Case::actorctl("`list -o json`", &bin, &["list", "-o", "json"]).checked(),
        Case::actorctl("`list`", &bin, &["list"]),
        Case::actorctl("`show <name>` (healthy)", &bin, &["show", &healthy]),
        Case::actorctl("`restart --dry-run <name>` (stale)", &bin, &["restart", "--dry-run", &dry_target]),
        Case::actorctl("`restart <name>` (stale, runtime up)", &bin, &["restart", "STALE"]),
        Case::actorctl(
            "`recover --all --dry-run -o json`",
            &bin,
            &["recover", "--all", "--dry-run", "-o", "json"],
        ),
    ];
    for case in &mut cases {
        case.url = url.clone();
    }
    // The floor and `list -o json` again, on the flat fleet: cases from
    // `flat_first` on are those of cases[0..], in order, on it.
    let flat_first = cases.len();
    if let Some((_, flat_url)) = &flat {
        let more: Vec<Case> = cases[..2]
            .iter()
            .map(|c| c.on_fleet(&format!("{}, flat fleet (DEPTH 1)", c.label), flat_url))
            .collect();
        cases.extend(more);
    }

    // BENCH_STATEMENT_TIMEOUT (e.g. 10m) lifts actorctl's own 30 s
    // statement timeout, to time a build whose fleet read is slower.
    if let Ok(t) = std::env::var("BENCH_STATEMENT_TIMEOUT") {
        for case in cases.iter_mut().skip(1) {
            case.args.extend(["--statement-timeout".to_string(), t.clone()]);
        }
    }
    let cap =
        Duration::from_secs(std::env::var("BENCH_TIMEOUT").ok().and_then(|s| s.parse().ok()).unwrap_or(600));
    // Warm the server's caches once (untimed), like an operator's second look.
    for case in cases.iter().filter(|c| c.floor) {
        measure(&case.program, &case.args, &case.url, cap, false)?;
    }
    for (round, victim) in stale.iter().take(runs).enumerate() {
        for case in cases.iter_mut() {
            if case.failure.is_some() {
                continue; // a failed command is not repeated: it costs the same each time
            }
            let args: Vec<String> =
                case.args.iter().map(|a| if a == "STALE" { victim.clone() } else { a.clone() }).collect();
            let live = case.args.iter().any(|a| a == "STALE");
            if live {
                fleet.start_runtime().await;
            }
            let m = measure(&case.program, &args, &case.url, cap, case.check_pending);
            if live {
                fleet.stop_runtime().await;
            }
            let mut m = m?;
            // list and recover exit 1 when something is unhealthy.
            let ok =
                m.code == Some(0) || (m.code == Some(1) && matches!(args[0].as_str(), "list" | "recover"));
            if !ok {
                let err = String::from_utf8_lossy(&m.stderr);
                let why = match m.code {
                    None => format!("killed after {} s (BENCH_TIMEOUT)", cap.as_secs()),
                    // The root cause: actorctl's last "caused by" line.
                    Some(c) => format!(
                        "exit {c} after {:.1} s: {}",
                        m.wall.as_secs_f64(),
                        err.lines()
                            .rfind(|l| !l.trim().is_empty())
                            .map(|l| l.trim().trim_start_matches("caused by: "))
                            .unwrap_or("no message")
                    ),
                };
                eprintln!("bench:   {} run {} FAILED: {why}", case.label, round + 1);
                anyhow::ensure!(!case.floor, "the floor failed: {why}");
                if std::env::var_os("BENCH_HOLD").is_some() {
                    eprintln!("bench: BENCH_HOLD: the fleet stays up for 10 minutes");
                    tokio::time::sleep(Duration::from_secs(600)).await;
                }
                case.failure = Some((why, m));
                continue;
            }
            if case.check_pending {
                // The runtime is stopped: after twice the loop interval the
                // template actors' timers are overdue, and list says so.
                let doc: serde_json::Value = serde_json::from_slice(&m.stdout)?;
                scale::check_listed(&doc, n, Workers::Stopped)?;
                eprintln!("bench: {}: exactly the seeded classes", case.label);
                case.check_pending = false;
                m.stdout = Vec::new();
            }
            eprintln!(
                "bench:   {} run {}: {:.3} s, {} KiB",
                case.label,
                round + 1,
                m.wall.as_secs_f64(),
                m.rss_kib
            );
            case.runs.push(m);
        }
    }

    println!(
        "machine: {} CPUs ({}), {:.1} GiB RAM, load average {}; PostgreSQL {pg_version}, shared_buffers {shared_buffers}",
        std::thread::available_parallelism().map(|p| p.get()).unwrap_or(0),
        cpu_model(),
        mem_total_kib() as f64 / (1u64 << 20) as f64,
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    let counts = scale::expected_counts(n);
    println!(
        "fleet: N={n}, DEPTH={depth}: {} (incl. 2 template actors); {} executions, {} history rows, \
         database {:.2} GiB; seeded in {:.0} s",
        counts.iter().map(|(c, k)| format!("{k} {c}")).collect::<Vec<_>>().join(", "),
        seeded.executions,
        seeded.history_rows,
        db_bytes as f64 / (1u64 << 30) as f64,
        seeded.elapsed.as_secs_f64()
    );
    println!(
        "actorctl runs with --stale-after {STALE_AFTER} --actor-interval {ACTOR_INTERVAL}{}; median and peak of {runs} interleaved runs\n",
        std::env::var("BENCH_STATEMENT_TIMEOUT").map(|t| format!(" --statement-timeout {t}")).unwrap_or_default()
    );
    println!("| command at N={n} (DEPTH {depth}) | median | peak RSS | × floor |");
    println!("|---|---|---|---|");
    // Each command's ratio is to the floor on its own fleet.
    let floor_of = |url: &str| cases.iter().find(|c| c.floor && c.url == url).filter(|c| !c.runs.is_empty());
    for case in &cases {
        let rss = case.runs.iter().chain(case.failure.as_ref().map(|(_, m)| m)).map(|m| m.rss_kib).max();
        let rss = format!("{:.0} MiB", rss.unwrap_or(0) as f64 / 1024.0);
        match &case.failure {
            Some((why, _)) if case.runs.is_empty() => {
                println!("| {} | **fails**: {} | {rss} | — |", case.label, why.replace('|', "\\|"))
            }
            _ => {
                let med = case.median();
                let note = match &case.failure {
                    Some((why, _)) => format!(" ({} of {runs} runs; then {})", case.runs.len(), why),
                    None => String::new(),
                };
                let floor = floor_of(&case.url).map(Case::median).unwrap_or(med);
                println!(
                    "| {} | {:.3} s{note} | {rss} | {:.2}× |",
                    case.label,
                    med.as_secs_f64(),
                    med.as_secs_f64() / floor.as_secs_f64()
                );
            }
        }
    }
    for case in cases.iter().filter(|c| c.check_pending) {
        println!(
            "\n**class counts NOT checked**: {} never succeeded (set BENCH_STATEMENT_TIMEOUT=10m to wait for it)",
            case.label
        );
    }
    // The same command on the two fleets, median against median.
    let pairs = cases.iter().zip(&cases[flat_first..]);
    let timed: Vec<_> = pairs.filter(|(d, f)| !d.runs.is_empty() && !f.runs.is_empty()).collect();
    if !timed.is_empty() {
        println!();
    }
    for (deep, flat) in timed {
        let (d, f) = (deep.median().as_secs_f64(), flat.median().as_secs_f64());
        println!(
            "depth: {} at DEPTH {depth} takes {:.2}× its time at DEPTH 1 ({d:.3} s against {f:.3} s, same N, server and rounds)",
            deep.label,
            d / f
        );
    }
    println!("\nfloor (one psql invocation, `-o /dev/null`):");
    for q in &floor_sql {
        println!("    {}", q.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    fleet.stop_runtime().await;
    if cluster.data_dir.is_some() {
        cluster.stop()?;
    } else {
        eprintln!("bench: the fleet stays in {url}");
    }
    Ok(())
}

/// A fleet of `n` instances with `depth` earlier executions per actor,
/// seeded in a new database of `cluster` with its runtime stopped (up only
/// for the real restarts: its dispatchers polling the seeded queue would
/// share the two cores with every timed command); its URL, what was
/// seeded, and the database's size in bytes.
async fn seed_fleet(
    cluster: &Cluster,
    n: u64,
    depth: u32,
) -> anyhow::Result<(Fleet, String, scale::Seeded, i64)> {
    let db = cluster.create_database().await?;
    let url = cluster.url(&db);
    let mut fleet = Fleet::in_database(url.clone(), db, FleetOptions::default()).await?;
    eprintln!("bench: template actors looping on the live runtime…");
    let templates = Templates::capture(&fleet).await?;
    fleet.stop_runtime().await;
    eprintln!(
        "bench: seeding {n} instances, {depth} earlier execution(s) per actor ({} + {} history rows)…",
        templates.loop_rows, templates.running_rows
    );
    let seeded = scale::seed(&fleet, &templates, n, depth).await?;
    let db_bytes: i64 = fleet.pg.query_one("SELECT pg_database_size(current_database())", &[]).await?.get(0);
    eprintln!(
        "bench: seeded in {:.0} s: {} executions, {} history rows, database {:.2} GiB",
        seeded.elapsed.as_secs_f64(),
        seeded.executions,
        seeded.history_rows,
        db_bytes as f64 / (1u64 << 30) as f64
    );
    Ok((fleet, url, seeded, db_bytes))
}

/// The four plain reads any classifier needs (ISSUE 14), in one psql.
fn floor_queries(cms: &str, s: &str) -> Vec<String> {
    vec![
        format!("SELECT * FROM {cms}.instances WHERE state = 'running'"),
        format!(
            "SELECT i.*, e.* FROM {s}.instances i JOIN {s}.executions e
                ON e.instance_id = i.instance_id AND e.execution_id = i.current_execution_id
             WHERE i.orchestration_name = '{ACTOR_ORCHESTRATION}'"
        ),
        format!(
            "SELECT h.* FROM {s}.instances i CROSS JOIN LATERAL (
                SELECT * FROM {s}.history h WHERE h.instance_id = i.instance_id
                   AND h.execution_id = i.current_execution_id ORDER BY h.event_id DESC LIMIT 1) h
             WHERE i.orchestration_name = '{ACTOR_ORCHESTRATION}'"
        ),
        format!("SELECT DISTINCT instance_id FROM {s}.orchestrator_queue"),
    ]
}

struct Case {
    label: String,
    program: String,
    args: Vec<String>,
    /// The fleet's database.
    url: String,
    /// The floor, which every command on the same fleet is compared with.
    floor: bool,
    /// Its next run's output is to be checked against the seeded classes.
    check_pending: bool,
    runs: Vec<Measured>,
    /// Why the command failed (it is then not run again).
    failure: Option<(String, Measured)>,
}

impl Case {
    fn new(label: &str, (program, args): (String, Vec<String>)) -> Case {
        Case {
            label: label.into(),
            program,
            args,
            url: String::new(),
            floor: false,
            check_pending: false,
            runs: Vec::new(),
            failure: None,
        }
    }

    fn floor(label: &str, command: (String, Vec<String>)) -> Case {
        Case { floor: true, ..Case::new(label, command) }
    }

    fn actorctl(label: &str, bin: &str, args: &[&str]) -> Case {
        Case::new(label, (bin.into(), args.iter().map(|s| s.to_string()).collect()))
    }

    /// `list -o json`: its first good run is checked against the seed.
    fn checked(self) -> Case {
        Case { check_pending: true, ..self }
    }

    /// The same command on another fleet (its database URL in the
    /// arguments replaced too), not yet run.
    fn on_fleet(&self, label: &str, url: &str) -> Case {
        assert!(!self.url.is_empty(), "{}: no fleet to move from", self.label);
        let args = self.args.iter().map(|a| a.replace(self.url.as_str(), url)).collect();
        Case {
            url: url.into(),
            floor: self.floor,
            check_pending: self.check_pending,
            ..Case::new(label, (self.program.clone(), args))
        }
    }

    fn median(&self) -> Duration {
        let mut w: Vec<Duration> = self.runs.iter().map(|m| m.wall).collect();
        w.sort();
        w[w.len() / 2]
    }
}

struct Measured {
    wall: Duration,
    rss_kib: i64,
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Run a command to completion (killed after `cap`), stdout and stderr
/// drained through pipes; wall time and the child's peak RSS (wait4's
/// ru_maxrss).
fn measure(program: &str, args: &[String], url: &str, cap: Duration, keep: bool) -> anyhow::Result<Measured> {
    // The child's ru_maxrss also counts the RSS of the process it was
    // spawned from (Linux keeps the hiwater of the pre-exec mm, shared by
    // vfork with this big process), so let the small GNU time spawn it.
    let rss_file = tempfile::NamedTempFile::new()?;
    let time = Path::new("/usr/bin/time").is_file();
    let mut c = if time {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-f").arg("%M").arg("-o").arg(rss_file.path()).arg(program);
        c
    } else {
        Command::new(program)
    };
    // Its own process group, so the watchdog kills the command, not only time.
    c.args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).process_group(0);
    for (k, _) in std::env::vars() {
        if k.starts_with("ACTORCTL_") || k.starts_with("PG") || k == "RUST_LOG" {
            c.env_remove(k);
        }
    }
    c.env("ACTORCTL_DATABASE_URL", url)
        .env("ACTORCTL_STALE_AFTER", STALE_AFTER)
        .env("ACTORCTL_ACTOR_INTERVAL", ACTOR_INTERVAL)
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", "/nonexistent/actorctl-bench")
        .env("PGPASSFILE", "/nonexistent/actorctl-bench/pgpass");
    let t = Instant::now();
    let mut child = c.spawn()?;
    let drain = |mut r: Box<dyn Read + Send>, keep: bool| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if keep {
                let _ = r.read_to_end(&mut buf);
            } else {
                let _ = std::io::copy(&mut r, &mut std::io::sink());
            }
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()), keep);
    let err = drain(Box::new(child.stderr.take().unwrap()), true);
    let pid = child.id() as libc::pid_t;
    let (done, finished) = std::sync::mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        if finished.recv_timeout(cap).is_err() {
            // SAFETY: pid is our unreaped child (reaped only after `done`),
            // the leader of its own process group.
            unsafe { libc::kill(-pid, libc::SIGKILL) };
        }
    });
    // Wait without reaping (WNOWAIT), so the watchdog can never signal a
    // reused pid; then reap with wait4 for the rusage.
    // SAFETY: all-zero siginfo and rusage are valid; pid is our own child,
    // and std's Child is never waited on.
    let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
    let w = unsafe { libc::waitid(libc::P_PID, pid as libc::id_t, &mut info, libc::WEXITED | libc::WNOWAIT) };
    let wall = t.elapsed();
    let _ = done.send(());
    let _ = watchdog.join();
    anyhow::ensure!(w == 0, "waitid failed: {}", std::io::Error::last_os_error());
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    anyhow::ensure!(r == pid, "wait4 failed: {}", std::io::Error::last_os_error());
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    let code = ExitStatus::from_raw(status).code();
    let rss_kib = if time {
        // GNU time may write "Command exited with non-zero status 1" first.
        let text = std::fs::read_to_string(rss_file.path())?;
        text.lines().filter_map(|l| l.trim().parse().ok()).next_back().unwrap_or(0)
    } else {
        usage.ru_maxrss
    };
    // time itself exits with the command's status; killed, 128 + signal.
    let code = if time && code == Some(128 + libc::SIGKILL) { None } else { code };
    Ok(Measured { wall, rss_kib, code, stdout, stderr })
}

fn mem_total_kib() -> u64 {
    std::fs::read_to_string("/proc/meminfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name").map(|v| v.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}
