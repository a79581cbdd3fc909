//! Pruning the continue-as-new chains of eternal actors: the pure part.
//! Statistics from raw counts, what a prune would delete, the budget and
//! batch arithmetic, and the report. No I/O and no clock: callers pass
//! `now` and elapsed times in.

use serde::Serialize;
use std::time::Duration;

/// What to keep. `keep_last` counts *earlier* executions: the current one
/// is always kept on top of them (duroxide's own `keep_last` counts it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Policy {
    pub(crate) keep_last: u32,
    pub(crate) older_than: Duration,
}

impl Policy {
    /// duroxide's `PruneOptions::keep_last`, which includes the current execution.
    pub(crate) fn duroxide_keep_last(&self) -> u32 {
        self.keep_last.saturating_add(1)
    }

    /// The cutoff of `older_than`, in ms since the epoch. duroxide's own
    /// `completed_before` cannot serve: a continued-as-new execution has no
    /// `completed_at` in duroxide-pg, so it would never be pruned. An
    /// execution completes when its successor starts; the store counts the
    /// executions started after the cutoff and keeps them and the one
    /// before (see [`ActorCounts::keep`]).
    pub(crate) fn cutoff_ms(&self, now_ms: u64) -> u64 {
        now_ms.saturating_sub(u64::try_from(self.older_than.as_millis()).unwrap_or(u64::MAX))
    }
}

/// One actor's executions as the store holds them (raw counts from SQL).
/// `history_rows` and `prunable_history_rows` are `None` when not counted
/// (a full scan of the history table was too costly).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ActorCounts {
    pub(crate) instance_id: String,
    /// duroxide's `keep_last` for this actor: the policy's, or more, to keep
    /// every execution that completed after the cutoff.
    pub(crate) keep: u32,
    pub(crate) executions: u64,
    pub(crate) prunable_executions: u64,
    pub(crate) history_rows: Option<u64>,
    pub(crate) prunable_history_rows: Option<u64>,
}

/// Median, 99th percentile and maximum (nearest rank).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Spread {
    pub(crate) median: u64,
    pub(crate) p99: u64,
    pub(crate) max: u64,
}

pub(crate) fn spread(values: &[u64]) -> Spread {
    let mut v = values.to_vec();
    v.sort_unstable();
    let rank = |p: f64| -> u64 {
        if v.is_empty() {
            return 0;
        }
        let i = ((p * v.len() as f64).ceil() as usize).clamp(1, v.len());
        v[i - 1]
    };
    Spread { median: rank(0.5), p99: rank(0.99), max: v.last().copied().unwrap_or(0) }
}

/// On-disk size of one store table (with its indexes and TOAST).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct TableSize {
    pub(crate) table: String,
    pub(crate) bytes: i64,
}

/// Whole-store row counts from the planner's statistics, when the exact
/// per-actor history count is skipped.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct TableEstimates {
    pub(crate) executions: f64,
    pub(crate) history_rows: f64,
}

/// Whole-store figures cheap enough for every `list`/`sweep --textfile`:
/// row estimates of all orchestrations (statistics collector), and the
/// on-disk size of every table of the store schema.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct StoreTotals {
    pub(crate) estimates: TableEstimates,
    pub(crate) bytes: i64,
}

/// What a prune with the given policy would delete now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct WouldDelete {
    pub(crate) keep_last: u32,
    pub(crate) older_than_seconds: u64,
    pub(crate) actors: u64,
    pub(crate) executions: u64,
    pub(crate) history_rows: u64,
    /// false: `history_rows` is executions × the store's average history
    /// rows per execution (planner statistics), not a count.
    pub(crate) history_rows_exact: bool,
}

/// The store's growth in plain sight: `prune --dry-run`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct StoreStats {
    pub(crate) orchestration: String,
    pub(crate) actors: u64,
    pub(crate) executions: u64,
    /// Of the actor orchestration; an estimate when `history_rows_exact` is false.
    pub(crate) history_rows: u64,
    pub(crate) history_rows_exact: bool,
    pub(crate) executions_per_actor: Spread,
    pub(crate) executions_last_hour: u64,
    /// Every table of the store schema, largest first.
    pub(crate) tables: Vec<TableSize>,
    pub(crate) total_bytes: i64,
    pub(crate) would_delete: WouldDelete,
}

/// Put the raw counts together. Without exact history counts, history rows
/// are estimated from the whole store's rows per execution.
pub(crate) fn summarize(
    orchestration: &str,
    counts: &[ActorCounts],
    mut tables: Vec<TableSize>,
    executions_last_hour: u64,
    estimates: TableEstimates,
    policy: Policy,
) -> StoreStats {
    let per_actor: Vec<u64> = counts.iter().map(|c| c.executions).collect();
    let executions: u64 = per_actor.iter().sum();
    let prunable: u64 = counts.iter().map(|c| c.prunable_executions).sum();
    let exact = counts.iter().all(|c| c.history_rows.is_some() && c.prunable_history_rows.is_some());
    let (history_rows, prunable_history) = if exact {
        (
            counts.iter().filter_map(|c| c.history_rows).sum(),
            counts.iter().filter_map(|c| c.prunable_history_rows).sum(),
        )
    } else {
        let per_execution = rows_per_execution(estimates);
        (scale(executions, per_execution), scale(prunable, per_execution))
    };
    tables.sort_by(|a, b| b.bytes.cmp(&a.bytes).then(a.table.cmp(&b.table)));
    StoreStats {
        orchestration: orchestration.to_string(),
        actors: counts.len() as u64,
        executions,
        history_rows,
        history_rows_exact: exact,
        executions_per_actor: spread(&per_actor),
        executions_last_hour,
        total_bytes: tables.iter().map(|t| t.bytes).sum(),
        tables,
        would_delete: WouldDelete {
            keep_last: policy.keep_last,
            older_than_seconds: policy.older_than.as_secs(),
            actors: counts.iter().filter(|c| c.prunable_executions > 0).count() as u64,
            executions: prunable,
            history_rows: prunable_history,
            history_rows_exact: exact,
        },
    }
}

fn rows_per_execution(e: TableEstimates) -> f64 {
    if e.executions > 0.0 && e.history_rows > 0.0 {
        e.history_rows / e.executions
    } else {
        0.0
    }
}

fn scale(n: u64, factor: f64) -> u64 {
    (n as f64 * factor).round() as u64
}

/// The actors a prune visits: those with something to delete, most first,
/// within `budget` executions. The budget is checked between actors (one
/// actor's prune is atomic), so a single actor above the budget is still
/// pruned alone: otherwise the largest chains would never shrink.
pub(crate) fn select(counts: &[ActorCounts], budget: Option<u64>) -> Vec<&ActorCounts> {
    let mut todo: Vec<&ActorCounts> = counts.iter().filter(|c| c.prunable_executions > 0).collect();
    todo.sort_by(|a, b| {
        b.prunable_executions.cmp(&a.prunable_executions).then(a.instance_id.cmp(&b.instance_id))
    });
    let Some(budget) = budget else { return todo };
    let mut total = 0u64;
    let mut picked = Vec::new();
    for c in todo {
        if !picked.is_empty() && total + c.prunable_executions > budget {
            continue;
        }
        total += c.prunable_executions;
        picked.push(c);
        if total >= budget {
            break;
        }
    }
    picked
}

/// How long one duroxide call should take: well within the statement
/// timeout. The rate varies ninefold with chain length and load (measured:
/// 21,600 executions/s for chains of 200, 2,300 for chains of 2,880 with a
/// live runtime), so calls are sized by the rate of the previous one.
pub(crate) const CALL_TARGET: Duration = Duration::from_secs(5);
/// The size of the first call, before any rate is known.
pub(crate) const FIRST_CALL_EXECUTIONS: u64 = 10_000;

/// Order the actors for [`next_call`]: duroxide applies one `keep_last`
/// per call, so actors with the same `keep` go together.
pub(crate) fn call_order(todo: &mut [&ActorCounts]) {
    todo.sort_by_key(|c| c.keep);
}

/// How many actors from the front of `todo` the next call takes: the same
/// `keep`, at most `batch` actors and `max_executions` executions (the
/// first actor alone when it has more).
pub(crate) fn next_call(todo: &[&ActorCounts], batch: usize, max_executions: u64) -> usize {
    let Some(first) = todo.first() else { return 0 };
    let mut sum = 0u64;
    let mut n = 0;
    for c in todo.iter().take(batch.max(1)) {
        if c.keep != first.keep || (n > 0 && sum + c.prunable_executions > max_executions) {
            break;
        }
        sum += c.prunable_executions;
        n += 1;
    }
    n
}

/// The executions of the next call, from what the last one did: its rate
/// over [`CALL_TARGET`]; a quarter after a failed call.
pub(crate) fn next_call_executions(previous: u64, outcome: Option<(u64, Duration)>) -> u64 {
    match outcome {
        Some((executions, elapsed)) if executions > 0 && !elapsed.is_zero() => {
            let rate = executions as f64 / elapsed.as_secs_f64();
            ((rate * CALL_TARGET.as_secs_f64()) as u64).clamp(100, 10_000_000)
        }
        Some(_) => previous,
        None => (previous / 4).max(100),
    }
}

/// When batch `index` (from 0) may start, counted from the first one, so
/// that at most `rps` calls start per second.
pub(crate) fn batch_start_offset(index: usize, rps: Option<f64>) -> Duration {
    match rps {
        Some(r) if r > 0.0 && r.is_finite() => Duration::from_secs_f64(index as f64 / r),
        _ => Duration::ZERO,
    }
}

/// How a prune paces itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Pace {
    /// Actors per duroxide call.
    pub(crate) batch: usize,
    /// Calls started per second.
    pub(crate) rps: Option<f64>,
    /// Stop, between calls, after this long.
    pub(crate) max_duration: Option<Duration>,
}

/// The store's growth for the monitoring outputs of list and sweep: its
/// totals for the textfile, the growth warning for `--check`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Growth {
    pub(crate) totals: Option<StoreTotals>,
    pub(crate) warning: Option<String>,
}

/// Why a prune stopped before visiting every selected actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Stop {
    Interrupted,
    MaxDuration,
    /// Several batches in a row failed: the store is unreachable or refusing.
    Failures,
}

/// Consecutive failed batches after which a prune gives up.
pub(crate) const MAX_CONSECUTIVE_FAILURES: usize = 3;

/// What a prune did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(crate) struct PruneReport {
    pub(crate) keep_last: u32,
    pub(crate) older_than_seconds: u64,
    pub(crate) actors_selected: u64,
    pub(crate) actors_processed: u64,
    pub(crate) executions_deleted: u64,
    pub(crate) history_rows_deleted: u64,
    pub(crate) batches: u64,
    pub(crate) batches_failed: u64,
    pub(crate) elapsed_seconds: f64,
    pub(crate) executions_per_second: f64,
    pub(crate) history_rows_per_second: f64,
    pub(crate) stopped: Option<Stop>,
    pub(crate) errors: Vec<String>,
    #[serde(skip)]
    consecutive_failures: usize,
}

/// How a prune ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ending {
    Done,
    Failed,
    Interrupted,
}

impl PruneReport {
    pub(crate) fn new(policy: Policy, actors_selected: usize) -> PruneReport {
        PruneReport {
            keep_last: policy.keep_last,
            older_than_seconds: policy.older_than.as_secs(),
            actors_selected: actors_selected as u64,
            ..Default::default()
        }
    }

    pub(crate) fn batch_done(&mut self, actors: u64, executions: u64, history_rows: u64) {
        self.batches += 1;
        self.actors_processed += actors;
        self.executions_deleted += executions;
        self.history_rows_deleted += history_rows;
        self.consecutive_failures = 0;
    }

    /// A failed batch; true when the prune should give up.
    pub(crate) fn batch_failed(&mut self, error: String) -> bool {
        self.batches += 1;
        self.batches_failed += 1;
        self.errors.push(error);
        self.consecutive_failures += 1;
        self.consecutive_failures >= MAX_CONSECUTIVE_FAILURES
    }

    pub(crate) fn finish(&mut self, elapsed: Duration) {
        let secs = elapsed.as_secs_f64();
        self.elapsed_seconds = secs;
        let rate = |n: u64| if secs > 0.0 { n as f64 / secs } else { 0.0 };
        self.executions_per_second = rate(self.executions_deleted);
        self.history_rows_per_second = rate(self.history_rows_deleted);
    }

    /// Failed calls that a retry made good do not fail the prune; giving
    /// up does.
    pub(crate) fn ending(&self) -> Ending {
        match self.stopped {
            Some(Stop::Interrupted) => Ending::Interrupted,
            Some(Stop::Failures) => Ending::Failed,
            Some(Stop::MaxDuration) | None => Ending::Done,
        }
    }
}

/// Nagios plugin codes of the growth check.
pub(crate) const CHECK_OK: u8 = 0;
pub(crate) const CHECK_WARNING: u8 = 1;

/// The growth warning of `--check`: `Some` when an actor holds more than
/// `threshold` executions.
pub(crate) fn growth_warning(above: u64, max: u64, threshold: u64) -> Option<String> {
    (above > 0).then(|| {
        format!("{above} actors above {threshold} executions (max {max}): prune the store (`actorctl prune`)")
    })
}

/// `STORE OK - …` / `STORE WARNING - …` with perfdata, for `prune --check`:
/// `above` actors hold more than `threshold` executions, the largest `max`.
pub(crate) fn check_line(totals: &StoreTotals, above: u64, max: u64, threshold: u64) -> (u8, String) {
    let perf = format!(
        "max_executions_per_actor={max} executions={:.0} history_rows={:.0} bytes={}",
        totals.estimates.executions, totals.estimates.history_rows, totals.bytes
    );
    match growth_warning(above, max, threshold) {
        Some(w) => (CHECK_WARNING, format!("STORE WARNING - {w} | {perf}")),
        None => (CHECK_OK, format!("STORE OK - at most {max} executions per actor | {perf}")),
    }
}

/// Raise a monitoring line from OK to WARNING with the growth warning
/// (a worse code stays as it is; the warning is appended).
pub(crate) fn escalate(code: u8, line: &str, warning: Option<&str>) -> (u8, String) {
    let Some(w) = warning else { return (code, line.to_string()) };
    let (text, perf) = match line.split_once(" | ") {
        Some((t, p)) => (t.to_string(), format!(" | {p}")),
        None => (line.to_string(), String::new()),
    };
    if code == CHECK_OK {
        let text = text.replacen(" OK - ", " WARNING - ", 1);
        (CHECK_WARNING, format!("{text}; {w}{perf}"))
    } else {
        (code, format!("{text}; {w}{perf}"))
    }
}

/// Does a store instance id belong to the instance `k8s_name`? Its first
/// actor is `actor-<k8s_name>`, restarts add `-<8 hex>`.
pub(crate) fn belongs_to(instance_id: &str, k8s_name: &str) -> bool {
    let Some(rest) = instance_id.strip_prefix("actor-").and_then(|r| r.strip_prefix(k8s_name)) else {
        return false;
    };
    rest.is_empty()
        || rest
            .strip_prefix('-')
            .is_some_and(|hex| hex.len() == 8 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: &str, executions: u64, prunable: u64, history: Option<(u64, u64)>) -> ActorCounts {
        ActorCounts {
            instance_id: id.into(),
            keep: 11,
            executions,
            prunable_executions: prunable,
            history_rows: history.map(|h| h.0),
            prunable_history_rows: history.map(|h| h.1),
        }
    }

    const POLICY: Policy = Policy { keep_last: 10, older_than: Duration::from_secs(3600) };

    #[test]
    fn keep_last_counts_earlier_executions() {
        assert_eq!(Policy { keep_last: 0, older_than: Duration::ZERO }.duroxide_keep_last(), 1);
        assert_eq!(POLICY.duroxide_keep_last(), 11);
        assert_eq!(POLICY.cutoff_ms(10_000_000), 10_000_000 - 3_600_000);
        assert_eq!(POLICY.cutoff_ms(5), 0);
    }

    #[test]
    fn spread_is_nearest_rank() {
        assert_eq!(spread(&[]), Spread::default());
        assert_eq!(spread(&[7]), Spread { median: 7, p99: 7, max: 7 });
        let v: Vec<u64> = (1..=100).collect();
        assert_eq!(spread(&v), Spread { median: 50, p99: 99, max: 100 });
        let mut v = vec![30; 199];
        v.push(2880);
        assert_eq!(spread(&v), Spread { median: 30, p99: 30, max: 2880 });
    }

    #[test]
    fn exact_summary() {
        let counts = [actor("a", 31, 27, Some((248, 216))), actor("b", 4, 0, Some((32, 0)))];
        let tables = vec![
            TableSize { table: "executions".into(), bytes: 10 },
            TableSize { table: "history".into(), bytes: 90 },
        ];
        let s = summarize("orch", &counts, tables, 35, TableEstimates::default(), POLICY);
        assert_eq!((s.actors, s.executions, s.history_rows, s.total_bytes), (2, 35, 280, 100));
        assert_eq!(s.tables[0].table, "history");
        assert!(s.history_rows_exact && s.would_delete.history_rows_exact);
        assert_eq!(
            (s.would_delete.actors, s.would_delete.executions, s.would_delete.history_rows),
            (1, 27, 216)
        );
        assert_eq!((s.would_delete.keep_last, s.would_delete.older_than_seconds), (10, 3600));
    }

    #[test]
    fn estimated_history_scales_by_rows_per_execution() {
        let counts = [actor("a", 200, 189, None), actor("b", 200, 189, None)];
        let est = TableEstimates { executions: 2_000_000.0, history_rows: 8_000_000.0 };
        let s = summarize("orch", &counts, Vec::new(), 0, est, POLICY);
        assert!(!s.history_rows_exact);
        assert_eq!((s.history_rows, s.would_delete.history_rows), (1600, 1512));
        let s = summarize("orch", &counts, Vec::new(), 0, TableEstimates::default(), POLICY);
        assert_eq!(s.history_rows, 0, "no statistics yet: no guess");
    }

    #[test]
    fn budget_is_checked_between_actors() {
        let counts = [
            actor("a", 50, 40, None),
            actor("b", 30, 20, None),
            actor("c", 20, 10, None),
            actor("d", 1, 0, None),
        ];
        let ids = |v: Vec<&ActorCounts>| v.iter().map(|c| c.instance_id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(select(&counts, None)), ["a", "b", "c"], "nothing to delete in d");
        assert_eq!(ids(select(&counts, Some(60))), ["a", "b"]);
        assert_eq!(ids(select(&counts, Some(55))), ["a", "c"], "b does not fit, c does");
        assert_eq!(ids(select(&counts, Some(5))), ["a"], "the largest alone, above the budget");
        assert!(select(&[], Some(5)).is_empty());
    }

    #[test]
    fn calls_are_sized_by_keep_actors_and_executions() {
        let mut counts: Vec<ActorCounts> = (0..5).map(|i| actor(&format!("a{i}"), 30, 10, None)).collect();
        counts[1].keep = 121;
        counts[3].keep = 121;
        counts[4].prunable_executions = 40;
        let mut todo: Vec<&ActorCounts> = counts.iter().collect();
        call_order(&mut todo);
        let ids: Vec<&str> = todo.iter().map(|c| c.instance_id.as_str()).collect();
        assert_eq!(ids, ["a0", "a2", "a4", "a1", "a3"]);
        assert_eq!(next_call(&todo, 500, 1000), 3, "one keep per call");
        assert_eq!(next_call(&todo, 2, 1000), 2, "--batch");
        assert_eq!(next_call(&todo, 500, 25), 2, "a0 + a2 = 20; a4 would make 60");
        assert_eq!(next_call(&todo[2..], 500, 25), 1, "a4 alone, above the cap");
        assert_eq!(next_call(&todo[3..], 500, 25), 2);
        assert_eq!(next_call(&[], 500, 25), 0);
    }

    #[test]
    fn calls_follow_the_rate() {
        let d = Duration::from_secs;
        assert_eq!(next_call_executions(10_000, Some((20_000, d(1)))), 100_000);
        assert_eq!(next_call_executions(10_000, Some((11_000, d(5)))), 11_000);
        assert_eq!(next_call_executions(10_000, Some((0, d(1)))), 10_000, "nothing to learn");
        assert_eq!(next_call_executions(10_000, None), 2_500, "a failed call: smaller");
        assert_eq!(next_call_executions(200, None), 100);
    }

    #[test]
    fn pacing() {
        assert_eq!(batch_start_offset(3, None), Duration::ZERO);
        assert_eq!(batch_start_offset(0, Some(2.0)), Duration::ZERO);
        assert_eq!(batch_start_offset(3, Some(2.0)), Duration::from_millis(1500));
    }

    #[test]
    fn report_rates_and_endings() {
        let mut r = PruneReport::new(POLICY, 3);
        r.batch_done(2, 100, 800);
        r.finish(Duration::from_secs(2));
        assert_eq!((r.executions_per_second, r.history_rows_per_second), (50.0, 400.0));
        assert_eq!(r.ending(), Ending::Done);
        assert!(!r.batch_failed("timed out".into()));
        r.batch_done(1, 1, 1);
        assert_eq!(r.ending(), Ending::Done, "the retry made it good");
        assert!(!r.batch_failed("x".into()));
        assert!(!r.batch_failed("x".into()));
        assert!(r.batch_failed("x".into()), "the third failure in a row gives up");
        r.stopped = Some(Stop::Failures);
        assert_eq!(r.ending(), Ending::Failed);
        r.stopped = Some(Stop::MaxDuration);
        assert_eq!(r.ending(), Ending::Done);
        r.stopped = Some(Stop::Interrupted);
        assert_eq!(r.ending(), Ending::Interrupted);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["stopped"], "interrupted");
        assert!(json.get("consecutive_failures").is_none());
    }

    #[test]
    fn checks() {
        let t =
            StoreTotals { estimates: TableEstimates { executions: 1510.0, history_rows: 12080.0 }, bytes: 9 };
        let (code, line) = check_line(&t, 1, 1500, 1000);
        assert_eq!(code, CHECK_WARNING);
        assert!(line.starts_with("STORE WARNING - 1 actors above 1000 executions (max 1500)"), "{line}");
        assert!(line.ends_with("| max_executions_per_actor=1500 executions=1510 history_rows=12080 bytes=9"));
        let (code, line) = check_line(&t, 0, 1500, 2000);
        assert_eq!((code, line.as_str()), (CHECK_OK, "STORE OK - at most 1500 executions per actor | max_executions_per_actor=1500 executions=1510 history_rows=12080 bytes=9"));
        let (code, line) = escalate(0, "ACTORS OK - 3 healthy | healthy=3", Some("1 actors above 1000"));
        assert_eq!((code, line.as_str()), (1, "ACTORS WARNING - 3 healthy; 1 actors above 1000 | healthy=3"));
        let (code, line) = escalate(2, "ACTORS CRITICAL - 9 zombie | z=9", Some("w"));
        assert_eq!((code, line.as_str()), (2, "ACTORS CRITICAL - 9 zombie; w | z=9"));
        assert_eq!(escalate(0, "ACTORS OK - x", None), (0, "ACTORS OK - x".to_string()));
    }

    #[test]
    fn actor_ids_of_an_instance() {
        assert!(belongs_to("actor-db-1234abcd", "db-1234abcd"));
        assert!(belongs_to("actor-db-1234abcd-0f0f0f0f", "db-1234abcd"));
        assert!(!belongs_to("actor-db-1234abcd-x", "db-1234abcd"));
        assert!(!belongs_to("actor-db-1234abcd-0f0f0f0f-0f0f0f0f", "db-1234abcd"));
        assert!(!belongs_to("actor-db-12", "db-1234abcd"));
        assert!(!belongs_to("create-db-1234abcd", "db-1234abcd"));
    }
}
