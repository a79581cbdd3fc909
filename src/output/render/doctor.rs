//! `doctor` output: the settings with their sources, then one line per
//! check with its hint; or all of it as JSON.

use std::fmt::Write;

use super::sanitize::clean;
use crate::core::doctor::{Check, SettingSource, Status};

pub(crate) fn json(sources: &[SettingSource], checks: &[Check]) -> String {
    let doc = serde_json::json!({
        "settings": sources,
        "checks": checks,
        "summary": summary(checks).iter().map(|(s, n)| (s.as_str().to_string(), serde_json::json!(n))).collect::<serde_json::Map<_, _>>(),
    });
    serde_json::to_string_pretty(&doc).expect("JSON of plain values") + "\n"
}

fn summary(checks: &[Check]) -> Vec<(Status, usize)> {
    [Status::Ok, Status::Warn, Status::Fail]
        .into_iter()
        .map(|s| (s, checks.iter().filter(|c| c.status == s).count()))
        .collect()
}

pub(crate) fn text(sources: &[SettingSource], checks: &[Check], color: bool) -> String {
    let mut o = String::new();
    let w = sources.iter().map(|s| s.name.len()).max().unwrap_or(0);
    let _ = writeln!(o, "Settings (source: flag, env, context or default)");
    for s in sources {
        let _ = writeln!(o, "  {:<w$}  {:<8} {}", s.name, s.source.as_str(), clean(&s.value));
    }
    let _ = writeln!(o, "\nChecks");
    let w = checks.iter().map(|c| c.check.chars().count()).max().unwrap_or(0);
    for c in checks {
        let status = format!("{:<4}", c.status.as_str());
        let status = match (color, c.status) {
            (false, _) => status,
            (true, Status::Ok) => format!("\x1b[32m{status}\x1b[0m"),
            (true, Status::Warn) => format!("\x1b[33m{status}\x1b[0m"),
            (true, Status::Fail) => format!("\x1b[31m{status}\x1b[0m"),
        };
        let pad = w - c.check.chars().count();
        let _ = writeln!(o, "  {status}  {}{}  {}", c.check, " ".repeat(pad), clean(&c.detail));
        if let Some(h) = &c.hint {
            let _ = writeln!(o, "  {:<4}  {}  hint: {h}", "", " ".repeat(w));
        }
    }
    o
}

pub(crate) fn summary_line(checks: &[Check]) -> String {
    let n = |s| summary(checks).into_iter().find(|(x, _)| *x == s).map_or(0, |(_, n)| n);
    format!("doctor: {} ok, {} warnings, {} failed", n(Status::Ok), n(Status::Warn), n(Status::Fail))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::doctor::Source;

    #[test]
    fn one_line_per_check_with_its_hint() {
        let sources =
            vec![SettingSource { name: "cms-schema".into(), value: "cms".into(), source: Source::Flag }];
        let checks = vec![Check::ok("a", "fine"), Check::warn("bb", "meh\x07", "do x")];
        let t = text(&sources, &checks, false);
        assert!(t.contains("cms-schema  flag     cms"), "{t}");
        assert!(t.contains("  ok    a   fine\n") && t.contains("  warn  bb  meh\\u{7}\n"), "{t}");
        assert!(t.contains("hint: do x"), "{t}");
        let j: serde_json::Value = serde_json::from_str(&json(&sources, &checks)).unwrap();
        assert_eq!(j["summary"]["warn"], 1);
        assert_eq!(j["settings"][0]["source"], "flag");
        assert_eq!(summary_line(&checks), "doctor: 1 ok, 1 warnings, 0 failed");
    }
}
