//! `list --watch`: the table redrawn in place on a terminal, or one JSON
//! line per change.

use chrono::{DateTime, Utc};
use std::fmt::Write;

use super::actors;
use crate::core::classify::{Report, Row};
use crate::core::timefmt::{compact, rfc3339};
use crate::core::watch::Change;

/// `{"at", "k8s_name", "actor_id", "class", "previous_class", "evidence"}` per change.
pub(crate) fn jsonl(changes: &[Change], at: DateTime<Utc>) -> String {
    changes
        .iter()
        .map(|c| {
            let line = serde_json::json!({
                "at": rfc3339(Some(at)),
                "k8s_name": c.k8s_name,
                "actor_id": c.actor_id,
                "class": c.class,
                "previous_class": c.previous,
                "evidence": c.evidence,
            });
            line.to_string() + "\n"
        })
        .collect()
}

/// The whole screen: clear, a title with the time of the refresh, the
/// table with changed rows marked `»`, and what changed.
pub(crate) fn screen(
    report: &Report,
    rows: &[&Row],
    changes: &[Change],
    first: bool,
    (interval, wide, color): (std::time::Duration, bool, bool),
) -> String {
    let mut o = String::from("\x1b[H\x1b[2J");
    let at = report.now.format("%H:%M:%SZ");
    let _ = writeln!(
        o,
        "Every {}: actorctl list    last refresh {at}    {}",
        compact(interval.as_secs()),
        actors::summary_line(rows)
    );
    if let Some(msg) = &report.diagnosis.message {
        let _ = writeln!(o, "WARNING: {msg}");
    }
    o.push('\n');
    let changed = |r: &Row| {
        !first
            && changes.iter().any(|c| {
                c.class == Some(r.class)
                    && c.k8s_name.as_deref() == r.k8s_name.as_deref()
                    && c.actor_id.as_deref() == r.actor_id.as_deref()
            })
    };
    let table = actors::table(report, rows, actors::TableStyle { wide, headers: true, color, width: None });
    for (i, line) in table.lines().enumerate() {
        let mark = i.checked_sub(1).and_then(|i| rows.get(i)).is_some_and(|r| changed(r));
        match (mark, color) {
            (true, true) => {
                let _ = writeln!(o, "\x1b[1m» {line}\x1b[0m");
            }
            (true, false) => {
                let _ = writeln!(o, "» {line}");
            }
            _ => {
                let _ = writeln!(o, "  {line}");
            }
        }
    }
    if !first && !changes.is_empty() {
        let _ = writeln!(o, "\nChanged since the previous refresh:");
        for c in changes {
            let who = c.k8s_name.as_deref().or(c.actor_id.as_deref()).unwrap_or("-");
            let class = |x: Option<crate::core::classify::Class>| x.map_or("gone", |c| c.as_str());
            let _ = writeln!(o, "  {who}: {} → {}", class(c.previous), class(c.class));
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::classify::{Class, Diagnosis};
    use crate::core::watch::{changes, seen};

    fn row(k8s: &str, class: Class) -> Row {
        Row {
            name: Some(k8s.into()),
            k8s_name: Some(k8s.into()),
            namespace: None,
            state: None,
            health_status: None,
            class,
            actor_id: Some(format!("actor-{k8s}").into()),
            actor_status: None,
            last_health_check: None,
            last_progress: None,
            next_timer: None,
            evidence: "why".into(),
            instance_created_at: None,
            actor_created_at: None,
            quarantined: false,
            recent_restarts: 0,
        }
    }

    #[test]
    fn changed_rows_are_marked_and_lines_carry_the_contract() {
        let now = chrono::Utc::now();
        let before = vec![row("a", Class::Healthy), row("b", Class::Healthy)];
        let after = vec![row("a", Class::Dead), row("b", Class::Healthy)];
        let c = changes(Some(&seen(&before)), &after, &Class::ALL);
        let report = Report {
            now,
            stale_after: std::time::Duration::from_secs(300),
            rows: after,
            diagnosis: Diagnosis::default(),
        };
        let rows: Vec<&Row> = report.rows.iter().collect();
        let text = screen(&report, &rows, &c, false, (std::time::Duration::from_secs(5), false, false));
        assert!(text.starts_with("\x1b[H\x1b[2JEvery 5s: actorctl list    last refresh"), "{text}");
        assert!(
            text.contains("» a ") && text.contains("\n  b ") && text.contains("a: healthy → dead"),
            "{text}"
        );
        let line: serde_json::Value = serde_json::from_str(jsonl(&c, now).trim()).unwrap();
        assert_eq!(line["class"], "dead");
        assert_eq!(line["previous_class"], "healthy");
        assert_eq!(line["actor_id"], "actor-a");
        assert!(line["at"].is_string() && line["evidence"] == "why");
    }
}
