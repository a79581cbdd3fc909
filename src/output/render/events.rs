//! `events` output: a table whose columns keep their widths across
//! `--follow` batches, JSON, and JSON lines.

use super::sanitize::clean;
use crate::core::events::{short_name, AuditRow};
use crate::core::timefmt::rfc3339;

const HEAD: [&str; 8] =
    ["TIME", "INSTANCE", "EVENT", "OUTCOME", "ACTOR (OLD → NEW)", "OPERATOR", "RUN", "REASON"];
const WIDTHS: [usize; 7] = [20, 24, 18, 10, 54, 20, 10];

/// The JSON contract of one event (documented in the README).
pub(crate) fn value(r: &AuditRow) -> serde_json::Value {
    serde_json::json!({
        "id": r.id,
        "at": rfc3339(r.at),
        "k8s_name": r.k8s_name,
        "name": r.name,
        "event": short_name(&r.event_type),
        "event_type": r.event_type,
        "old_actor_id": r.meta("old_actor_id"),
        "new_actor_id": r.meta("new_actor_id"),
        "outcome": r.outcome(),
        "class": r.meta("class"),
        "reason": r.meta("reason"),
        "operator": r.meta("operator"),
        "run_id": r.meta("run_id"),
        "message": r.message,
        "old_state": r.old_state,
        "new_state": r.new_state,
        "metadata": r.metadata,
    })
}

pub(crate) fn json(rows: &[AuditRow]) -> String {
    let doc = serde_json::json!({ "events": rows.iter().map(value).collect::<Vec<_>>() });
    serde_json::to_string_pretty(&doc).expect("JSON of plain values") + "\n"
}

pub(crate) fn jsonl(rows: &[AuditRow]) -> String {
    rows.iter().map(|r| value(r).to_string() + "\n").collect()
}

pub(crate) fn header() -> String {
    line(HEAD.iter().map(|h| h.to_string()).collect())
}

/// Rows only (the header is printed once, before the first batch).
pub(crate) fn rows(rows: &[AuditRow]) -> String {
    rows.iter().map(|r| line(cells(r))).collect()
}

fn cells(r: &AuditRow) -> Vec<String> {
    let dash = |s: Option<&str>| s.unwrap_or("-").to_string();
    let actors = match (r.meta("old_actor_id"), r.meta("new_actor_id")) {
        (None, None) => "-".to_string(),
        (old, new) => format!("{} → {}", dash(old), dash(new)),
    };
    vec![
        r.at.map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string()).unwrap_or_else(|| "-".into()),
        dash(r.k8s_name.as_deref()),
        short_name(&r.event_type).to_string(),
        dash(r.outcome()),
        actors,
        dash(r.meta("operator")),
        dash(r.meta("run_id")),
        dash(r.meta("reason").or(r.message.as_deref())),
    ]
}

fn line(cells: Vec<String>) -> String {
    let mut out = String::new();
    for (i, c) in cells.iter().enumerate() {
        let c = clean(c);
        match WIDTHS.get(i) {
            Some(w) => out.push_str(&format!("{c:<w$}  ")),
            None => out.push_str(&c),
        }
    }
    out.trim_end().to_string() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_columns_kept() {
        let row = AuditRow {
            id: 1,
            at: None,
            k8s_name: Some("db\u{1b}[31m".into()),
            name: None,
            event_type: "actor_restarted".into(),
            old_state: None,
            new_state: Some("done".into()),
            message: None,
            metadata: Some(serde_json::json!({"old_actor_id": "a", "new_actor_id": "b", "reason": "x\ny"})),
        };
        let text = rows(&[row]);
        assert!(!text.contains('\u{1b}') && text.contains("\\e[31m"), "{text}");
        assert!(text.contains("a → b") && text.contains("x\\ny") && text.contains("restarted"), "{text}");
        assert_eq!(text.find("restarted"), header().find("EVENT"), "aligned under the header");
    }
}
