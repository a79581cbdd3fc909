//! Monitoring outputs: a Nagios/Icinga plugin line (`--check`) and a
//! Prometheus node_exporter textfile (`--textfile`), written atomically.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::core::classify::{Class, Diagnosis, Row};
use crate::core::model::ActionResult;
use crate::core::prune::{PruneReport, StoreTotals};

/// Nagios plugin exit codes.
pub(crate) const OK: u8 = 0;
pub(crate) const WARNING: u8 = 1;
pub(crate) const CRITICAL: u8 = 2;
pub(crate) const UNKNOWN: u8 = 3;

/// Counts per class, plus quarantined.
pub(crate) fn class_counts(rows: &[&Row]) -> BTreeMap<&'static str, usize> {
    let mut m = super::actors::summary(rows);
    m.insert("quarantined", rows.iter().filter(|r| r.quarantined).count());
    m
}

/// `ACTORS WARNING - 3 stale, 1 zombie | healthy=120 stale=3 ...` and the
/// plugin's exit code: CRITICAL when the fleet is sick (workers down or
/// stuck, a fleet-wide cause) or `unhealthy >= crit`, WARNING when
/// `unhealthy >= warn`. The perfdata always carries every class,
/// quarantined, workers_down, held and fleet_wide.
pub(crate) fn check(rows: &[&Row], diagnosis: &Diagnosis, warn: usize, crit: usize) -> (u8, String) {
    let counts = class_counts(rows);
    let unhealthy = rows.iter().filter(|r| r.class.is_unhealthy()).count();
    let code = if diagnosis.fleet_is_sick() || unhealthy >= crit {
        CRITICAL
    } else if unhealthy >= warn {
        WARNING
    } else {
        OK
    };
    let word = ["OK", "WARNING", "CRITICAL"][code as usize];
    let order = [
        Class::Healthy,
        Class::Stale,
        Class::Zombie,
        Class::Missing,
        Class::Dead,
        Class::Orphan,
        Class::Stuck,
    ];
    let mut parts: Vec<String> = order
        .iter()
        .filter(|c| c.is_unhealthy() && counts[c.as_str()] > 0)
        .map(|c| format!("{} {}", counts[c.as_str()], c.as_str()))
        .collect();
    for extra in ["quarantined", "held"] {
        if counts[extra] > 0 {
            parts.push(format!("{} {extra}", counts[extra]));
        }
    }
    if diagnosis.workers_down {
        parts.insert(0, "workers down".into());
    } else if diagnosis.workers_stalled {
        parts.insert(0, "workers stuck".into());
    } else if diagnosis.fleet_wide {
        parts.insert(0, "a fleet-wide cause".into());
    }
    let text = if parts.is_empty() { format!("{} healthy", counts["healthy"]) } else { parts.join(", ") };
    let perf: Vec<String> = order
        .iter()
        .map(|c| format!("{}={}", c.as_str(), counts[c.as_str()]))
        .chain([
            format!("quarantined={}", counts["quarantined"]),
            format!("workers_down={}", u8::from(diagnosis.workers_down || diagnosis.workers_stalled)),
            format!("held={}", counts["held"]),
            format!("fleet_wide={}", u8::from(diagnosis.fleet_wide)),
        ])
        .collect();
    (code, format!("ACTORS {word} - {text} | {}", perf.join(" ")))
}

/// The plugin line of a command that could not run (already scrubbed).
pub(crate) fn unknown_line(error: &str) -> String {
    format!("ACTORS UNKNOWN - {}", error.lines().next().unwrap_or(""))
}

/// What a sweep adds to the textfile.
pub(crate) struct SweepMetrics<'a> {
    pub(crate) results: &'a [ActionResult],
    /// How long it ran; `None` when it did not run (lock held, database down).
    pub(crate) duration_secs: Option<f64>,
    /// Whether it succeeded: its time becomes the last success.
    pub(crate) success: bool,
    /// `ok`, `failed`, `refused`, `lock_held` or `error`.
    pub(crate) result: &'static str,
}

/// One run's view, for the textfile.
pub(crate) struct Snapshot<'a> {
    /// The databases answered.
    pub(crate) up: bool,
    /// Unix time of this run.
    pub(crate) now: f64,
    /// What this run saw of the fleet (nothing when the database was down).
    pub(crate) fleet: Option<(&'a [&'a Row], &'a Diagnosis)>,
    pub(crate) sweep: Option<SweepMetrics<'a>>,
    /// The store's growth, and what the sweep's prune deleted.
    pub(crate) store: Option<(&'a StoreTotals, Option<&'a PruneReport>)>,
}

fn metric(o: &mut String, name: &str, kind: &str, help: &str, samples: &[(String, f64)]) {
    let _ = writeln!(o, "# HELP {name} {help}");
    let _ = writeln!(o, "# TYPE {name} {kind}");
    for (labels, v) in samples {
        let _ = writeln!(o, "{name}{labels} {v}");
    }
}

/// The node_exporter textfile of one run. Gauges describe only what this
/// run saw; `_total` counters and the last success carry over from the
/// previous file, so a run that could not look never hides an old truth
/// behind a stale number, and never resets a counter.
// Long on purpose: one block per metric family, in the order of the file.
pub(crate) fn textfile(s: &Snapshot<'_>, previous: Option<&str>) -> String {
    let prev = previous.map(parse_samples).unwrap_or_default();
    let mut o = String::new();
    metric(
        &mut o,
        "actorctl_up",
        "gauge",
        "1 when this run could read the CMS and the store.",
        &[(String::new(), f64::from(u8::from(s.up)))],
    );
    metric(
        &mut o,
        "actorctl_last_run_timestamp_seconds",
        "gauge",
        "When actorctl last ran (whatever the outcome).",
        &[(String::new(), s.now)],
    );
    if let Some((rows, diagnosis)) = s.fleet {
        let counts = class_counts(rows);
        let by_class: Vec<(String, f64)> = Class::ALL
            .iter()
            .map(|c| (format!("{{class=\"{}\"}}", c.as_str()), counts[c.as_str()] as f64))
            .collect();
        metric(
            &mut o,
            "actorctl_actors",
            "gauge",
            "Instance actors by class, as classified by actorctl.",
            &by_class,
        );
        let one = |v: f64| [(String::new(), v)];
        metric(
            &mut o,
            "actorctl_actors_quarantined",
            "gauge",
            "Instances quarantined by the crash-loop budget.",
            &one(counts["quarantined"] as f64),
        );
        let down = diagnosis.workers_down || diagnosis.workers_stalled;
        metric(
            &mut o,
            "actorctl_workers_down",
            "gauge",
            "1 when the store's workers are down or stuck.",
            &one(f64::from(u8::from(down))),
        );
        metric(
            &mut o,
            "actorctl_fleet_wide_cause",
            "gauge",
            "1 when more instances are unhealthy at once than --max-unhealthy allows.",
            &one(f64::from(u8::from(diagnosis.fleet_wide))),
        );
    }
    if let Some(sw) = &s.sweep {
        let mut actions = carried(&prev, "actorctl_sweep_actions_total");
        for r in sw.results {
            *actions
                .entry(format!("{{action=\"{}\",outcome=\"{}\"}}", r.action.as_str(), r.outcome.as_str()))
                .or_default() += 1.0;
        }
        metric(
            &mut o,
            "actorctl_sweep_actions_total",
            "counter",
            "Actions taken by sweeps, by action and outcome.",
            &actions.into_iter().collect::<Vec<_>>(),
        );
        let mut runs = carried(&prev, "actorctl_sweep_runs_total");
        *runs.entry(format!("{{result=\"{}\"}}", sw.result)).or_default() += 1.0;
        metric(
            &mut o,
            "actorctl_sweep_runs_total",
            "counter",
            "Sweeps by result: ok, failed, refused, lock_held, error.",
            &runs.into_iter().collect::<Vec<_>>(),
        );
        if let Some(d) = sw.duration_secs {
            metric(
                &mut o,
                "actorctl_sweep_duration_seconds",
                "gauge",
                "How long the last sweep that ran took.",
                &[(String::new(), (d * 1000.0).round() / 1000.0)],
            );
        }
        let last = if sw.success {
            Some(s.now)
        } else {
            prev.get("actorctl_sweep_last_success_timestamp_seconds").copied()
        };
        if let Some(t) = last {
            metric(
                &mut o,
                "actorctl_sweep_last_success_timestamp_seconds",
                "gauge",
                "When a sweep last succeeded.",
                &[(String::new(), t)],
            );
        }
    }
    if let Some((totals, pruned)) = s.store {
        o.push_str(&super::prune::textfile(totals, pruned));
    }
    o
}

/// `name{labels} value` lines of a previous textfile, by `name{labels}`.
fn parse_samples(text: &str) -> BTreeMap<String, f64> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.rsplit_once(' '))
        .filter_map(|(k, v)| v.trim().parse::<f64>().ok().map(|v| (k.trim().to_string(), v)))
        .collect()
}

/// The label sets and values of one counter in the previous file.
fn carried(prev: &BTreeMap<String, f64>, name: &str) -> BTreeMap<String, f64> {
    prev.iter()
        .filter_map(|(k, v)| {
            k.strip_prefix(name).filter(|l| l.is_empty() || l.starts_with('{')).map(|l| (l.to_string(), *v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_and_the_last_success_carry_over() {
        let prev = "actorctl_sweep_last_success_timestamp_seconds 1700000000\n\
                    actorctl_sweep_actions_total{action=\"start\",outcome=\"done\"} 4\n\
                    actorctl_sweep_runs_total{result=\"ok\"} 2\n";
        let sweep = SweepMetrics { results: &[], duration_secs: None, success: false, result: "error" };
        let text = textfile(
            &Snapshot { up: false, now: 1_800_000_000.0, fleet: None, sweep: Some(sweep), store: None },
            Some(prev),
        );
        assert!(text.contains("actorctl_up 0\n"), "{text}");
        assert!(text.contains("actorctl_last_run_timestamp_seconds 1800000000\n"), "{text}");
        assert!(text.contains("actorctl_sweep_last_success_timestamp_seconds 1700000000\n"), "{text}");
        assert!(
            text.contains("actorctl_sweep_actions_total{action=\"start\",outcome=\"done\"} 4\n"),
            "{text}"
        );
        assert!(text.contains("actorctl_sweep_runs_total{result=\"ok\"} 2\n"), "{text}");
        assert!(text.contains("actorctl_sweep_runs_total{result=\"error\"} 1\n"), "{text}");
        assert!(!text.contains("actorctl_actors{"), "nothing seen, no gauges: {text}");
    }

    #[test]
    fn check_thresholds() {
        let ok = Diagnosis::default();
        let (code, line) = check(&[], &ok, 1, 5);
        assert_eq!(code, OK);
        assert!(line.starts_with("ACTORS OK - 0 healthy | healthy=0"), "{line}");
        assert!(line.ends_with("quarantined=0 workers_down=0 held=0 fleet_wide=0"), "{line}");
        let down = Diagnosis { workers_down: true, ..Diagnosis::default() };
        let (code, line) = check(&[], &down, 1, 5);
        assert_eq!(code, CRITICAL);
        assert!(line.contains("workers down") && line.contains("workers_down=1"), "{line}");
        let wide = Diagnosis { fleet_wide: true, ..Diagnosis::default() };
        let (code, line) = check(&[], &wide, 1, 5);
        assert_eq!(code, CRITICAL);
        assert!(line.contains("a fleet-wide cause") && line.contains("fleet_wide=1"), "{line}");
    }
}
