//! A fleet of N instances written straight in SQL, for the scale benchmark
//! (`scripts/bench scale`): the mix of issue 14 — 96% healthy, 1% each
//! stale, zombie, missing and dead, plus N/200 orphans (Running actors of
//! `deleted` instances) — each actor with DEPTH earlier executions
//! (ContinuedAsNew) and its current execution.
//!
//! Every store row is a copy of a real actor's: [`Templates::capture`] lets
//! two real actors loop on the live runtime, cancels one, and copies the
//! history of a finished loop, of a running turn (OrchestrationStarted,
//! ActivityScheduled, ActivityCompleted, ExternalSubscribed, TimerCreated)
//! with its `TimerFired` queue item, and of a cancelled turn, into
//! `public.scale_tpl_*` with the actor's name, execution id and fire time
//! as placeholders. [`seed`] then writes the fleet from those templates with
//! set-based `INSERT … SELECT` over `generate_series`, one bounded slice of
//! instances per statement batch.
//!
//! Times are relative to the database clock at the start of seeding (t0):
//! live actors progressed at t0−10s and their loop timer fires at t0+1 day
//! (a runtime that is up does not wake them); everything old is t0−2 days.
//! Classify with `--stale-after 1d`.

use anyhow::{bail, ensure, Context, Result};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use tokio_postgres::IsolationLevel;

use crate::cluster::connect;
use crate::fleet::{Fleet, FleetOptions, ACTOR_ORCHESTRATION};

/// The seeded classes, in `list -o json` summary names.
pub const CLASSES: [&str; 6] = ["healthy", "stale", "zombie", "missing", "dead", "orphan"];

/// The template actors' k8s names (they stay: one healthy, one dead).
pub const TEMPLATE_LIVE: &str = "scale-tpl-live-k8s";
pub const TEMPLATE_DEAD: &str = "scale-tpl-dead-k8s";

/// The class of seeded instance `i` (1-based): one in a hundred each of
/// stale, zombie, missing and dead, spread through the fleet.
pub fn class_of(i: u64) -> &'static str {
    match i % 100 {
        17 => "stale",
        42 => "zombie",
        67 => "missing",
        92 => "dead",
        _ => "healthy",
    }
}

/// The user_name of seeded instance `i` of `class` (k8s_name: `<name>-k8s`).
pub fn name_of(class: &str, i: u64) -> String {
    format!("sc-{class}-{i:07}")
}

/// Orphans seeded for a fleet of `n`.
pub fn orphans_for(n: u64) -> u64 {
    n / 200
}

/// The class counts `list` must report for a seeded fleet of `n`, with the
/// two template actors (one healthy, one dead) counted.
pub fn expected_counts(n: u64) -> BTreeMap<String, u64> {
    let mut m: BTreeMap<String, u64> = CLASSES.iter().map(|c| (c.to_string(), 0)).collect();
    for i in 1..=n {
        *m.get_mut(class_of(i)).unwrap() += 1;
    }
    *m.get_mut("orphan").unwrap() += orphans_for(n);
    *m.get_mut("healthy").unwrap() += 1;
    *m.get_mut("dead").unwrap() += 1;
    m
}

/// Names of the first `k` seeded instances of `class` (within 1..=n).
pub fn names_of(class: &str, n: u64, k: usize) -> Vec<String> {
    (1..=n).filter(|&i| class_of(i) == class).take(k).map(|i| name_of(class, i)).collect()
}

/// Whether the runtime serving the fleet was up while it was listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workers {
    /// Up: `list` must make no fleet-wide diagnosis.
    Up,
    /// Stopped (the benchmark, between its real restarts): once the
    /// template actors' loop timers are overdue by twice the loop interval,
    /// `list` rightly says the workers are down. Any other diagnosis is
    /// still wrong, and the classes must be exact all the same.
    Stopped,
}

/// The `list -o json` document of a fleet seeded with `n` must report
/// exactly the seeded classes, each row the class its name was seeded
/// with, and no fleet-wide diagnosis but the one `workers` allows.
pub fn check_listed(doc: &serde_json::Value, n: u64, workers: Workers) -> Result<()> {
    let want = expected_counts(n);
    let got: BTreeMap<String, u64> = doc["summary"]
        .as_object()
        .map(|m| {
            m.iter().filter_map(|(k, v)| Some((k.clone(), v.as_u64()?))).filter(|(_, v)| *v > 0).collect()
        })
        .unwrap_or_default();
    let want_nonzero: BTreeMap<String, u64> =
        want.iter().filter(|(_, v)| **v > 0).map(|(k, v)| (k.clone(), *v)).collect();
    let mut wrong = Vec::new();
    for row in doc["actors"].as_array().into_iter().flatten() {
        let name = row["name"].as_str().unwrap_or_default();
        let class = row["class"].as_str().unwrap_or_default();
        let expected = match name {
            "scale-tpl-live" => "healthy",
            "scale-tpl-dead" => "dead",
            _ => name.strip_prefix("sc-").and_then(|r| r.split('-').next()).unwrap_or("?"),
        };
        if class != expected {
            wrong.push(format!("  {name}: {class}, seeded {expected}: {}", row["evidence"]));
        }
    }
    let diag = &doc["diagnosis"];
    let down = diag["workers_down"] == true && workers == Workers::Up;
    let diagnosed = down || diag["fleet_wide"] == true || diag["workers_stalled"] == true;
    if got != want_nonzero || !wrong.is_empty() || diagnosed {
        let sample: Vec<String> = wrong.iter().take(10).cloned().collect();
        bail!(
            "list does not report the seeded fleet: got {got:?}, seeded {want_nonzero:?} (templates {TEMPLATE_LIVE}, {TEMPLATE_DEAD}); \
             diagnosis {diag}; {} rows classified otherwise than seeded, e.g.\n{}",
            wrong.len(),
            sample.join("\n")
        );
    }
    Ok(())
}

pub struct Templates {
    /// History rows of one earlier execution (a finished loop).
    pub loop_rows: i64,
    /// History rows of a running actor's current execution.
    pub running_rows: i64,
}

impl Templates {
    /// Start the two template actors, let them loop, cancel one, and copy
    /// their rows (as placeholders) into `public.scale_tpl_*`.
    pub async fn capture(fleet: &Fleet) -> Result<Templates> {
        let live_actor = fleet.add_instance("scale-tpl-live", TEMPLATE_LIVE).await?;
        let dead_actor = fleet.add_instance("scale-tpl-dead", TEMPLATE_DEAD).await?;
        let names = [TEMPLATE_LIVE.to_string(), TEMPLATE_DEAD.to_string()];
        fleet.wait_recorded(&names, Duration::from_secs(60)).await?;
        // At least one finished loop each, so there is a ContinuedAsNew to copy.
        wait_executions(fleet, &live_actor, 3).await?;
        wait_executions(fleet, &dead_actor, 2).await?;
        fleet.cancel(&dead_actor).await?;

        let mut pg = connect(&fleet.url).await?;
        pg.batch_execute(
            "DROP TABLE IF EXISTS public.scale_tpl_exec, public.scale_tpl_history, public.scale_tpl_queue;
             CREATE TABLE public.scale_tpl_exec (kind text PRIMARY KEY, status text, output text,
                 v_major int, v_minor int, v_patch int, fire_offset_ms bigint);
             CREATE TABLE public.scale_tpl_history (kind text, event_id bigint, event_type text,
                 event_data text, offset_ms bigint);
             CREATE TABLE public.scale_tpl_queue (work_item text);",
        )
        .await?;
        let store = fleet.store();
        let deadline = Instant::now() + Duration::from_secs(60);
        // The running turn: read in one snapshot while the actor waits on its
        // loop timer (not mid-turn); retry until it is.
        loop {
            let tx = pg.build_transaction().isolation_level(IsolationLevel::RepeatableRead).start().await?;
            let cur = current_execution(&tx, store, &live_actor).await?;
            let rows = history(&tx, store, &live_actor, cur.id).await?;
            let types: Vec<&str> = rows.iter().map(|r| r.kind.as_str()).collect();
            let queue = tx
                .query(
                    &format!(
                        "SELECT work_item FROM {store}.orchestrator_queue
                          WHERE instance_id = $1 AND work_item LIKE '{{\"TimerFired\"%' AND lock_token IS NULL"
                    ),
                    &[&live_actor],
                )
                .await?;
            let shape = [
                "OrchestrationStarted",
                "ActivityScheduled",
                "ActivityCompleted",
                "ExternalSubscribed",
                "TimerCreated",
            ];
            if cur.status == "Running" && types == shape && queue.len() == 1 {
                let item: String = queue[0].get(0);
                let fire = rows[4].fire_at_ms.context("TimerCreated without fire_at_ms")?;
                let item = placeholders(&item, TEMPLATE_LIVE, cur.id, Some(fire), true)?;
                tx.execute("INSERT INTO public.scale_tpl_queue VALUES ($1)", &[&item]).await?;
                store_template(&tx, "running", &cur, &rows, fire).await?;
                tx.commit().await?;
                break;
            }
            drop(tx);
            if Instant::now() > deadline {
                bail!(
                    "the template actor {live_actor} never sat on its loop timer: {} {types:?}",
                    cur.status
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let tx = pg.build_transaction().isolation_level(IsolationLevel::RepeatableRead).start().await?;
        // A finished loop: the live actor's newest ContinuedAsNew execution.
        let last: i64 = tx
            .query_one(
                &format!(
                    "SELECT max(execution_id) FROM {store}.executions
                      WHERE instance_id = $1 AND status = 'ContinuedAsNew'"
                ),
                &[&live_actor],
            )
            .await?
            .get::<_, Option<i64>>(0)
            .context("the template actor has no finished loop")?;
        let looped = execution(&tx, store, &live_actor, last).await?;
        let rows = history(&tx, store, &live_actor, last).await?;
        let fire = rows.iter().find_map(|r| r.fire_at_ms).context("a loop without a timer")?;
        store_template(&tx, "loop", &looped, &rows, fire).await?;
        // A cancelled turn: the dead actor's current execution.
        let dead = current_execution(&tx, store, &dead_actor).await?;
        ensure!(dead.status == "Failed", "the cancelled template actor is {}", dead.status);
        let rows = history(&tx, store, &dead_actor, dead.id).await?;
        // Cancelled before its timer was created, a turn has no fire time.
        let fire = rows.iter().find_map(|r| r.fire_at_ms).unwrap_or(0);
        let dead = Execution { output: dead.output.map(|o| o.replace(TEMPLATE_DEAD, "__K8S__")), ..dead };
        store_template(&tx, "dead", &dead, &rows, fire).await?;
        tx.commit().await?;

        let sql = "SELECT count(*) FILTER (WHERE kind = 'loop'), count(*) FILTER (WHERE kind = 'running')
                     FROM public.scale_tpl_history";
        let r = pg.query_one(sql, &[]).await?;
        Ok(Templates { loop_rows: r.get(0), running_rows: r.get(1) })
    }
}

struct Execution {
    id: i64,
    status: String,
    output: Option<String>,
    started_at: std::time::SystemTime,
    version: (Option<i32>, Option<i32>, Option<i32>),
}

struct Event {
    event_id: i64,
    event_type: String,
    data: String,
    /// The `type` inside event_data.
    kind: String,
    fire_at_ms: Option<i64>,
    created_at: std::time::SystemTime,
}

async fn wait_executions(fleet: &Fleet, actor: &str, n: i64) -> Result<()> {
    let sql = format!("SELECT current_execution_id FROM {}.instances WHERE instance_id = $1", fleet.store());
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let cur = fleet.pg.query_opt(&sql, &[&actor]).await?.map(|r| r.get::<_, i64>(0)).unwrap_or(0);
        if cur >= n {
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!("actor {actor} reached only execution {cur} of {n} within a minute");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn current_execution(
    tx: &tokio_postgres::Transaction<'_>,
    store: &str,
    actor: &str,
) -> Result<Execution> {
    let id: i64 = tx
        .query_one(
            &format!("SELECT current_execution_id FROM {store}.instances WHERE instance_id = $1"),
            &[&actor],
        )
        .await?
        .get(0);
    execution(tx, store, actor, id).await
}

async fn execution(
    tx: &tokio_postgres::Transaction<'_>,
    store: &str,
    actor: &str,
    id: i64,
) -> Result<Execution> {
    let r = tx
        .query_one(
            &format!(
                "SELECT status, output, started_at, duroxide_version_major, duroxide_version_minor,
                        duroxide_version_patch
                   FROM {store}.executions WHERE instance_id = $1 AND execution_id = $2"
            ),
            &[&actor, &id],
        )
        .await?;
    Ok(Execution {
        id,
        status: r.get(0),
        output: r.get(1),
        started_at: r.get(2),
        version: (r.get(3), r.get(4), r.get(5)),
    })
}

async fn history(
    tx: &tokio_postgres::Transaction<'_>,
    store: &str,
    actor: &str,
    id: i64,
) -> Result<Vec<Event>> {
    let rows = tx
        .query(
            &format!(
                "SELECT event_id, event_type, event_data, created_at FROM {store}.history
                  WHERE instance_id = $1 AND execution_id = $2 ORDER BY event_id"
            ),
            &[&actor, &id],
        )
        .await?;
    rows.iter()
        .map(|r| {
            let data: String = r.get(2);
            let v: serde_json::Value =
                serde_json::from_str(&data).context("history event_data is no JSON")?;
            Ok(Event {
                event_id: r.get(0),
                event_type: r.get(1),
                kind: v["type"].as_str().unwrap_or_default().to_string(),
                fire_at_ms: v["fire_at_ms"].as_i64(),
                data,
                created_at: r.get(3),
            })
        })
        .collect()
}

/// The template's k8s name, execution id and timer fire time replaced by
/// `__K8S__`, `__X__` and `__F__` (history JSON is compact, queue JSON is
/// jsonb text with a space after each colon).
fn placeholders(text: &str, k8s: &str, execution: i64, fire: Option<i64>, spaced: bool) -> Result<String> {
    let sp = if spaced { " " } else { "" };
    let mut out = text.replace(k8s, "__K8S__");
    let x = format!("\"execution_id\":{sp}{execution}");
    ensure!(out.contains(&x), "no {x} in {text}");
    out = out.replace(&x, &format!("\"execution_id\":{sp}__X__"));
    if let Some(f) = fire {
        out = out.replace(&format!("\"fire_at_ms\":{sp}{f}"), &format!("\"fire_at_ms\":{sp}__F__"));
    }
    Ok(out)
}

async fn store_template(
    tx: &tokio_postgres::Transaction<'_>,
    kind: &str,
    e: &Execution,
    rows: &[Event],
    fire: i64,
) -> Result<()> {
    let k8s = if kind == "dead" { TEMPLATE_DEAD } else { TEMPLATE_LIVE };
    let ms = |t: std::time::SystemTime| -> i64 {
        match t.duration_since(e.started_at) {
            Ok(d) => d.as_millis() as i64,
            Err(d) => -(d.duration().as_millis() as i64),
        }
    };
    let start_ms = e.started_at.duration_since(std::time::UNIX_EPOCH)?.as_millis() as i64;
    let output = e.output.as_ref().map(|o| o.replace(k8s, "__K8S__"));
    tx.execute(
        "INSERT INTO public.scale_tpl_exec VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[&kind, &e.status, &output, &e.version.0, &e.version.1, &e.version.2, &(fire - start_ms).max(0)],
    )
    .await?;
    for r in rows {
        let data = placeholders(&r.data, k8s, e.id, r.fire_at_ms, false)?;
        tx.execute(
            "INSERT INTO public.scale_tpl_history VALUES ($1, $2, $3, $4, $5)",
            &[&kind, &r.event_id, &r.event_type, &data, &ms(r.created_at)],
        )
        .await?;
    }
    Ok(())
}

/// Rows a statement batch may write, roughly: the slice of instances is
/// this divided by the history rows of one actor.
const SLICE_ROWS: u64 = 650_000;

pub struct Seeded {
    pub history_rows: i64,
    pub executions: i64,
    pub elapsed: Duration,
}

/// A new fleet, its runtime up, seeded with `n` instances of `depth`
/// earlier executions each from its own template actors: the tests' set-up
/// (the benchmark stops the runtime before seeding, and seeds in a
/// database of its choosing).
pub async fn seeded_fleet(n: u64, depth: u32) -> Result<Fleet> {
    let fleet = Fleet::new(FleetOptions::default()).await?;
    let templates = Templates::capture(&fleet).await?;
    seed(&fleet, &templates, n, depth).await?;
    Ok(fleet)
}

/// Seed `n` instances (and `n/200` orphans), each actor with `depth`
/// earlier executions, from the templates of [`Templates::capture`].
/// Progress goes to stderr.
pub async fn seed(fleet: &Fleet, t: &Templates, n: u64, depth: u32) -> Result<Seeded> {
    let started = Instant::now();
    let pg = connect(&fleet.url).await?;
    let t0: String = pg.query_one("SELECT now()::text", &[]).await?.get(0);
    let per_actor = depth as u64 * t.loop_rows as u64 + t.running_rows as u64;
    let slice = (SLICE_ROWS / per_actor.max(1)).clamp(100, 50_000);
    pg.batch_execute(
        "CREATE TEMP TABLE scale_slice (class text, user_name text, k8s text, actor text,
             state text, lhc timestamptz, base timestamptz, fire_ms bigint)",
    )
    .await?;
    let (cms, store, url) = (fleet.cms(), fleet.store(), fleet.url.replace('\'', "''"));
    let depth1 = depth as i64 + 1;
    // Live actors progressed 10 s before t0, their timer fires a day after
    // (spread over 30 s); old ones are two days back.
    let slice_sql = |rows: &str| {
        format!(
            "TRUNCATE scale_slice;
             INSERT INTO scale_slice
             SELECT class, name, name || '-k8s', 'actor-' || name || '-k8s',
                    CASE class WHEN 'orphan' THEN 'deleted' ELSE 'running' END,
                    CASE WHEN class IN ('healthy', 'orphan') THEN t0 - interval '10 seconds'
                         ELSE t0 - interval '2 days' END,
                    b, CASE WHEN class IN ('zombie', 'dead') THEN (extract(epoch FROM b) * 1000)::bigint + 30000
                            ELSE (extract(epoch FROM t0 + interval '1 day') * 1000)::bigint + (i % 30000) END
               FROM (SELECT i, class, 'sc-' || class || '-' || lpad(i::text, 7, '0') AS name,
                            CASE WHEN class IN ('zombie', 'dead') THEN t0 - interval '2 days'
                                 ELSE t0 - interval '10 seconds' END AS b, t0
                       FROM ({rows}) r, (SELECT '{t0}'::timestamptz AS t0) z) s;
             INSERT INTO {cms}.instances (user_name, k8s_name, state, health_status, ip_connection_string,
                        dns_connection_string, instance_actor_orchestration_id, create_orchestration_id,
                        dns_name, created_at, updated_at, deleted_at, last_health_check)
             SELECT user_name, k8s, state::public.instance_state, 'healthy', '{url}', '{url}',
                    CASE WHEN class = 'missing' THEN NULL ELSE actor END, 'create-' || k8s,
                    CASE WHEN state = 'running' THEN user_name ELSE '__deleted_' || user_name END,
                    '{t0}'::timestamptz - interval '3 days', lhc,
                    CASE WHEN state = 'deleted' THEN '{t0}'::timestamptz - interval '1 day' END, lhc
               FROM scale_slice;
             INSERT INTO {store}.instances (instance_id, orchestration_name, orchestration_version,
                        current_execution_id, created_at, updated_at)
             SELECT actor, '{ACTOR_ORCHESTRATION}', '1.0.0', {depth1},
                    '{t0}'::timestamptz - interval '3 days', base
               FROM scale_slice WHERE class <> 'missing';
             INSERT INTO {store}.executions (instance_id, execution_id, status, output, started_at, completed_at,
                        duroxide_version_major, duroxide_version_minor, duroxide_version_patch)
             SELECT s.actor, x, e.status, replace(e.output, '__K8S__', s.k8s),
                    s.base - make_interval(secs => ({depth1} - x) * 30), NULL, e.v_major, e.v_minor, e.v_patch
               FROM scale_slice s, generate_series(1, {depth}) x, public.scale_tpl_exec e
              WHERE s.class <> 'missing' AND e.kind = 'loop'
             UNION ALL
             SELECT s.actor, {depth1}, e.status, replace(e.output, '__K8S__', s.k8s), s.base,
                    CASE WHEN e.status <> 'Running' THEN s.base + interval '500 milliseconds' END,
                    e.v_major, e.v_minor, e.v_patch
               FROM scale_slice s JOIN public.scale_tpl_exec e
                 ON e.kind = CASE s.class WHEN 'dead' THEN 'dead' ELSE 'running' END
              WHERE s.class <> 'missing';
             INSERT INTO {store}.history (instance_id, execution_id, event_id, event_type, event_data, created_at)
             SELECT s.actor, x, h.event_id, h.event_type,
                    replace(replace(replace(h.event_data, '__K8S__', s.k8s), '__X__', x::text), '__F__',
                            ((extract(epoch FROM w.st) * 1000)::bigint + e.fire_offset_ms)::text),
                    w.st + make_interval(secs => h.offset_ms / 1000.0)
               FROM scale_slice s, generate_series(1, {depth}) x,
                    LATERAL (SELECT s.base - make_interval(secs => ({depth1} - x) * 30) AS st) w,
                    public.scale_tpl_history h, public.scale_tpl_exec e
              WHERE s.class <> 'missing' AND h.kind = 'loop' AND e.kind = 'loop'
             UNION ALL
             SELECT s.actor, {depth1}, h.event_id, h.event_type,
                    replace(replace(replace(h.event_data, '__K8S__', s.k8s), '__X__', '{depth1}'), '__F__',
                            s.fire_ms::text),
                    s.base + make_interval(secs => h.offset_ms / 1000.0)
               FROM scale_slice s JOIN public.scale_tpl_history h
                 ON h.kind = CASE s.class WHEN 'dead' THEN 'dead' ELSE 'running' END
              WHERE s.class <> 'missing';
             INSERT INTO {store}.orchestrator_queue (instance_id, work_item, visible_at, created_at)
             SELECT s.actor,
                    replace(replace(replace(q.work_item, '__K8S__', s.k8s), '__X__', '{depth1}'), '__F__',
                            s.fire_ms::text),
                    to_timestamp(s.fire_ms / 1000.0), s.base
               FROM scale_slice s, public.scale_tpl_queue q
              WHERE s.class IN ('healthy', 'stale', 'orphan');"
        )
    };
    let class_sql = "CASE i % 100 WHEN 17 THEN 'stale' WHEN 42 THEN 'zombie' WHEN 67 THEN 'missing'
                     WHEN 92 THEN 'dead' ELSE 'healthy' END";
    let mut first = 1u64;
    while first <= n {
        let last = (first + slice - 1).min(n);
        let rows = format!("SELECT i, {class_sql} AS class FROM generate_series({first}::bigint, {last}) i");
        pg.batch_execute(&slice_sql(&rows))
            .await
            .with_context(|| format!("seed instances {first}..{last}"))?;
        eprintln!("bench:   seeded {last} / {n} instances ({:.0} s)", started.elapsed().as_secs_f64());
        first = last + 1;
    }
    let orphans = orphans_for(n);
    let mut first = 1u64;
    while first <= orphans {
        let last = (first + slice - 1).min(orphans);
        let rows = format!("SELECT i, 'orphan' AS class FROM generate_series({first}::bigint, {last}) i");
        pg.batch_execute(&slice_sql(&rows)).await.with_context(|| format!("seed orphans {first}..{last}"))?;
        first = last + 1;
    }
    eprintln!("bench:   seeded {orphans} orphans; ANALYZE…");
    pg.batch_execute(&format!(
        "ANALYZE {cms}.instances; ANALYZE {store}.instances, {store}.executions, {store}.history,
                 {store}.orchestrator_queue"
    ))
    .await?;
    let counts = pg
        .query_one(
            &format!(
                "SELECT (SELECT count(*) FROM {store}.history), (SELECT count(*) FROM {store}.executions)"
            ),
            &[],
        )
        .await?;
    Ok(Seeded { history_rows: counts.get(0), executions: counts.get(1), elapsed: started.elapsed() })
}
