//! Monitoring outputs: a Nagios/Icinga plugin line (`--check`) and a
//! Prometheus node_exporter textfile (`--textfile`), written atomically.

use anyhow::Result;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use crate::classify::{Class, Row};
use crate::execute::ActionResult;

/// Nagios plugin exit codes.
pub const OK: u8 = 0;
pub const WARNING: u8 = 1;
pub const CRITICAL: u8 = 2;
pub const UNKNOWN: u8 = 3;

/// Counts per class, plus quarantined.
pub fn class_counts(rows: &[&Row]) -> BTreeMap<&'static str, usize> {
    let mut m = super::actors::summary(rows);
    m.insert("quarantined", rows.iter().filter(|r| r.quarantined).count());
    m
}

/// `ACTORS WARNING - 3 stale, 1 zombie | healthy=120 stale=3 ...` and the
/// plugin's exit code: CRITICAL when the workers are down or `unhealthy >=
/// crit`, WARNING when `unhealthy >= warn`.
pub fn check(rows: &[&Row], workers_down: bool, warn: usize, crit: usize) -> (u8, String) {
    let counts = class_counts(rows);
    let unhealthy = rows.iter().filter(|r| r.class != Class::Healthy).count();
    let code = if workers_down || unhealthy >= crit {
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
        .filter(|c| **c != Class::Healthy && counts[c.as_str()] > 0)
        .map(|c| format!("{} {}", counts[c.as_str()], c.as_str()))
        .collect();
    if counts["quarantined"] > 0 {
        parts.push(format!("{} quarantined", counts["quarantined"]));
    }
    if workers_down {
        parts.insert(0, "workers down".into());
    }
    let text = if parts.is_empty() { format!("{} healthy", counts["healthy"]) } else { parts.join(", ") };
    let perf: Vec<String> = order
        .iter()
        .map(|c| format!("{}={}", c.as_str(), counts[c.as_str()]))
        .chain([
            format!("quarantined={}", counts["quarantined"]),
            format!("workers_down={}", u8::from(workers_down)),
        ])
        .collect();
    (code, format!("ACTORS {word} - {text} | {}", perf.join(" ")))
}

/// In `--check` mode a command that could not run is UNKNOWN: one plugin
/// line on stdout (secrets scrubbed) and exit 3, instead of an error.
pub fn or_unknown(result: Result<u8>, secrets: &[String]) -> Result<u8> {
    match result {
        Ok(code) => Ok(code),
        Err(e) => {
            let msg = crate::error::scrub(format!("{e:#}"), secrets);
            crate::output::emit(&format!("ACTORS UNKNOWN - {}", msg.lines().next().unwrap_or("")))?;
            Ok(UNKNOWN)
        }
    }
}

/// What a sweep adds to the textfile.
pub struct SweepMetrics<'a> {
    pub results: &'a [ActionResult],
    pub duration_secs: f64,
    /// Unix time of this run when it succeeded; else the previous success is kept.
    pub success_at: Option<f64>,
}

pub fn textfile(
    rows: &[&Row],
    workers_down: bool,
    sweep: Option<&SweepMetrics<'_>>,
    previous: Option<&str>,
) -> String {
    let counts = class_counts(rows);
    let mut o = String::new();
    let _ = writeln!(o, "# HELP actorctl_actors Instance actors by class, as classified by actorctl.");
    let _ = writeln!(o, "# TYPE actorctl_actors gauge");
    for c in Class::ALL {
        let _ = writeln!(o, "actorctl_actors{{class=\"{}\"}} {}", c.as_str(), counts[c.as_str()]);
    }
    let _ = writeln!(o, "# HELP actorctl_actors_quarantined Instances quarantined by the crash-loop budget.");
    let _ = writeln!(o, "# TYPE actorctl_actors_quarantined gauge");
    let _ = writeln!(o, "actorctl_actors_quarantined {}", counts["quarantined"]);
    let _ = writeln!(o, "# HELP actorctl_workers_down 1 when the store's workers are down.");
    let _ = writeln!(o, "# TYPE actorctl_workers_down gauge");
    let _ = writeln!(o, "actorctl_workers_down {}", u8::from(workers_down));
    if let Some(s) = sweep {
        let mut by: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for r in s.results {
            *by.entry((r.action.as_str(), r.outcome.as_str())).or_default() += 1;
        }
        let _ = writeln!(
            o,
            "# HELP actorctl_sweep_actions_total Actions of the last sweep by action and outcome."
        );
        let _ = writeln!(o, "# TYPE actorctl_sweep_actions_total counter");
        for ((action, outcome), n) in by {
            let _ =
                writeln!(o, "actorctl_sweep_actions_total{{action=\"{action}\",outcome=\"{outcome}\"}} {n}");
        }
        let _ = writeln!(o, "# HELP actorctl_sweep_duration_seconds How long the last sweep took.");
        let _ = writeln!(o, "# TYPE actorctl_sweep_duration_seconds gauge");
        let _ = writeln!(o, "actorctl_sweep_duration_seconds {:.3}", s.duration_secs);
        let last = s.success_at.or_else(|| previous.and_then(previous_success));
        if let Some(t) = last {
            let _ = writeln!(
                o,
                "# HELP actorctl_sweep_last_success_timestamp_seconds When a sweep last succeeded."
            );
            let _ = writeln!(o, "# TYPE actorctl_sweep_last_success_timestamp_seconds gauge");
            let _ = writeln!(o, "actorctl_sweep_last_success_timestamp_seconds {t:.3}");
        }
    }
    o
}

fn previous_success(text: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix("actorctl_sweep_last_success_timestamp_seconds "))
        .and_then(|v| v.trim().parse().ok())
}

/// Write atomically: a temp file in the same directory, then rename, so the
/// collector never reads half a file.
pub fn write_atomically(path: &Path, text: &str) -> Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| crate::error::usage(format!("--textfile {} names no file", path.display())))?;
    let tmp = dir.join(format!(".{}.{}.tmp", name.to_string_lossy(), std::process::id()));
    std::fs::write(&tmp, text)
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| crate::error::usage(format!("cannot write --textfile {}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previous_success_is_carried_over() {
        let prev = "actorctl_sweep_last_success_timestamp_seconds 1700000000.000\n";
        assert_eq!(previous_success(prev), Some(1_700_000_000.0));
        let text = textfile(
            &[],
            false,
            Some(&SweepMetrics { results: &[], duration_secs: 1.0, success_at: None }),
            Some(prev),
        );
        assert!(text.contains("actorctl_sweep_last_success_timestamp_seconds 1700000000.000"), "{text}");
    }

    #[test]
    fn check_thresholds() {
        let (code, line) = check(&[], false, 1, 5);
        assert_eq!(code, OK);
        assert!(line.starts_with("ACTORS OK - 0 healthy | healthy=0"), "{line}");
        let (code, line) = check(&[], true, 1, 5);
        assert_eq!(code, CRITICAL);
        assert!(line.contains("workers down") && line.contains("workers_down=1"), "{line}");
    }
}
