//! `actorctl prune`: the store's growth, the prune report, the textfile
//! metrics of the store.

use std::fmt::Write;

use crate::core::prune::{Policy, PruneReport, StoreStats, StoreTotals};
use crate::core::timefmt::compact;

/// `prune --dry-run`, for a person.
pub(crate) fn stats_table(s: &StoreStats, schema: &str) -> String {
    let mut o = String::new();
    let p = &s.executions_per_actor;
    let est = if s.history_rows_exact { "" } else { " (estimate)" };
    let _ = writeln!(o, "store {} · orchestration {}", clean(schema), clean(&s.orchestration));
    let _ = writeln!(o, "  actors            {}", thousands(s.actors));
    let _ = writeln!(
        o,
        "  executions        {}  (per actor: median {}, p99 {}, max {})",
        thousands(s.executions),
        thousands(p.median),
        thousands(p.p99),
        thousands(p.max)
    );
    let _ = writeln!(o, "  history rows      {}{est}", thousands(s.history_rows));
    let _ =
        writeln!(o, "  growth            {} executions in the last hour", thousands(s.executions_last_hour));
    let biggest: Vec<String> =
        s.tables.iter().take(3).map(|t| format!("{} {}", clean(&t.table), bytes(t.bytes))).collect();
    let _ = writeln!(o, "  on disk           {}  ({})", bytes(s.total_bytes), biggest.join(", "));
    let w = &s.would_delete;
    let est = if w.history_rows_exact {
        ""
    } else {
        " (estimate: executions × the store's history rows per execution)"
    };
    let _ = writeln!(
        o,
        "a prune with --keep-last {} --older-than {} would delete:",
        w.keep_last,
        compact(w.older_than_seconds)
    );
    let _ = writeln!(o, "  executions        {}  of {} actors", thousands(w.executions), thousands(w.actors));
    let _ = writeln!(o, "  history rows      {}{est}", thousands(w.history_rows));
    o.push_str("dry run: nothing was changed\n");
    o
}

pub(crate) fn stats_json(s: &StoreStats) -> String {
    to_json(&serde_json::json!({ "store": s }))
}

/// The prune's report, for a person.
pub(crate) fn report_table(r: &PruneReport) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "pruned {} of {} actors: {} executions and {} history rows deleted in {:.1}s ({:.0} executions/s, {:.0} history rows/s)",
        thousands(r.actors_processed),
        thousands(r.actors_selected),
        thousands(r.executions_deleted),
        thousands(r.history_rows_deleted),
        r.elapsed_seconds,
        r.executions_per_second,
        r.history_rows_per_second
    );
    if let Some(stop) = r.stopped {
        let why = match stop {
            crate::core::prune::Stop::Interrupted => "interrupted",
            crate::core::prune::Stop::MaxDuration => "--max-duration reached",
            crate::core::prune::Stop::Failures => "too many failed batches in a row",
        };
        let _ = writeln!(o, "stopped early ({why}): run it again to continue");
    }
    for e in &r.errors {
        let _ = writeln!(o, "failed batch: {}", clean(e));
    }
    o
}

pub(crate) fn report_json(r: &PruneReport) -> String {
    to_json(&serde_json::json!({ "prune": r }))
}

/// What the confirmation prompt says before a prune.
pub(crate) fn plan_line(actors: usize, executions: u64, policy: Policy) -> String {
    format!(
        "actorctl prune will delete about {} earlier executions of {} actors (keeping the last {} and \
         everything completed within {}, and every current execution)",
        thousands(executions),
        thousands(actors as u64),
        policy.keep_last,
        compact(policy.older_than.as_secs())
    )
}

/// The store's lines of a node_exporter textfile; with the sweep's prune.
pub(crate) fn textfile(t: &StoreTotals, pruned: Option<&PruneReport>) -> String {
    let mut o = String::new();
    let mut gauge = |name: &str, help: &str, value: String| {
        let _ = writeln!(o, "# HELP {name} {help}");
        let _ = writeln!(o, "# TYPE {name} gauge");
        let _ = writeln!(o, "{name} {value}");
    };
    gauge(
        "actorctl_store_executions",
        "Executions in the orchestration store, all orchestrations (estimate: pg_stat_user_tables.n_live_tup).",
        format!("{:.0}", t.estimates.executions),
    );
    gauge(
        "actorctl_store_history_rows",
        "History rows in the orchestration store, all orchestrations (estimate: pg_stat_user_tables.n_live_tup).",
        format!("{:.0}", t.estimates.history_rows),
    );
    gauge(
        "actorctl_store_bytes",
        "On-disk size of the orchestration store's tables with indexes and TOAST (pg_total_relation_size).",
        t.bytes.to_string(),
    );
    if let Some(r) = pruned {
        gauge(
            "actorctl_sweep_pruned_executions",
            "Executions the last sweep's prune deleted.",
            r.executions_deleted.to_string(),
        );
        gauge(
            "actorctl_sweep_pruned_history_rows",
            "History rows the last sweep's prune deleted.",
            r.history_rows_deleted.to_string(),
        );
    }
    o
}

/// `prune --check` when the store could not be read.
pub(crate) fn unknown_line(error: &str) -> String {
    format!("STORE UNKNOWN - {}", error.lines().next().unwrap_or(""))
}

fn to_json(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default() + "\n"
}

/// Untrusted text (ids, store errors) without control characters.
fn clean(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { '?' } else { c }).collect()
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn bytes(n: i64) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n.max(0) as f64;
    let mut u = 0;
    while v >= 1024.0 && u < units.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", units[u])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_sizes() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(999), "999");
        assert_eq!(bytes(512), "512 B");
        assert_eq!(bytes(2_900_000_000), "2.7 GiB");
        assert_eq!(clean("a\u{1b}[31mb"), "a?[31mb");
    }

    #[test]
    fn textfile_lines() {
        let t = StoreTotals {
            estimates: crate::core::prune::TableEstimates { executions: 2e6, history_rows: 8e6 },
            bytes: 42,
        };
        let text = textfile(&t, None);
        assert!(text.contains("actorctl_store_executions 2000000\n"), "{text}");
        assert!(text.contains("actorctl_store_history_rows 8000000\n"), "{text}");
        assert!(text.contains("actorctl_store_bytes 42\n"), "{text}");
        assert!(!text.contains("pruned"));
    }
}
