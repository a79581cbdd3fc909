//! `show` output: a readable page, or one JSON object.

use chrono::{DateTime, Utc};
use std::fmt::Write;

use super::actors::ActorJson;
use super::sanitize::{clean, or_dash};
use crate::core::classify::{Class, CmsInstance, Diagnosis, Report, Row};
use crate::core::records::{ActorDetail, Event, HealthCheck, Shown};
use crate::core::timefmt::{relative, rfc3339};

pub(crate) struct ShowView<'a> {
    now: DateTime<Utc>,
    instance: &'a CmsInstance,
    /// The classified row; `None` when the instance is not running.
    row: Option<&'a Row>,
    orphans: Vec<&'a Row>,
    detail: &'a Option<ActorDetail>,
    health_checks: &'a [HealthCheck],
    events: &'a [Event],
    diagnosis: &'a Diagnosis,
}

impl<'a> ShowView<'a> {
    pub(crate) fn new(report: &'a Report, shown: &'a Shown) -> ShowView<'a> {
        let k8s = Some(shown.instance.k8s_name.as_str());
        let mine = |r: &&Row| r.k8s_name.as_deref() == k8s;
        ShowView {
            now: report.now,
            instance: &shown.instance,
            row: report.rows.iter().filter(mine).find(|r| r.class != Class::Orphan),
            orphans: report.rows.iter().filter(mine).filter(|r| r.class == Class::Orphan).collect(),
            detail: &shown.detail,
            health_checks: &shown.health_checks,
            events: &shown.events,
            diagnosis: &report.diagnosis,
        }
    }
}

impl ShowView<'_> {
    fn at(&self, t: Option<DateTime<Utc>>) -> String {
        match t {
            Some(t) => format!("{} ({})", relative(Some(t), self.now), t.format("%Y-%m-%d %H:%M:%S UTC")),
            None => "never".into(),
        }
    }

    // Long on purpose: the page reads top to bottom as the operator sees it.
    pub(crate) fn text(&self) -> String {
        let i = self.instance;
        let mut o = String::new();
        let _ = writeln!(
            o,
            "Instance:          {} (k8s_name {}, namespace {})",
            clean(&i.user_name),
            clean(&i.k8s_name),
            clean(&i.namespace)
        );
        let _ = writeln!(
            o,
            "State:             {}, database health {}",
            clean(i.state.as_str()),
            clean(i.health_status.as_deref().unwrap_or("unknown"))
        );
        let _ = writeln!(o, "Created:           {}", self.at(i.created_at));
        let _ = writeln!(o, "Actor:             {}", clean(i.actor_id.as_deref().unwrap_or("none")));
        match self.row {
            Some(r) => {
                let _ = writeln!(o, "Class:             {}", r.class);
                let _ = writeln!(o, "Evidence:          {}", clean(&r.evidence));
            }
            None => {
                let _ = writeln!(o, "Class:             - (only running instances are classified)");
            }
        }
        let _ = writeln!(o, "Last health check: {}", self.at(i.last_health_check));
        if i.quarantined {
            let _ = writeln!(
                o,
                "QUARANTINED:       sweeps leave this instance alone (crash loop); `actorctl reset-failed {}` clears it",
                clean(&i.k8s_name)
            );
        }
        if let Some(msg) = &self.diagnosis.message {
            let _ = writeln!(o, "\nWARNING: {msg}");
        }
        self.store_text(&mut o);
        for r in &self.orphans {
            let _ = writeln!(
                o,
                "\nOrphaned actor:    {} — {}",
                clean(r.actor_id.as_deref().unwrap_or("?")),
                clean(&r.evidence)
            );
        }
        let _ = writeln!(o, "\nHealth checks (newest {}):", self.health_checks.len());
        if self.health_checks.is_empty() {
            let _ = writeln!(o, "  none recorded");
        }
        for h in self.health_checks {
            let rt = h.response_time_ms.map(|ms| format!(" {ms}ms")).unwrap_or_default();
            let err = h.error_message.as_deref().map(|e| format!(" — {}", clean(e))).unwrap_or_default();
            let _ = writeln!(o, "  {:<24} {}{rt}{err}", self.at(h.checked_at), clean(&h.status));
        }
        let _ = writeln!(o, "\nActor events (newest {}):", self.events.len());
        if self.events.is_empty() {
            let _ = writeln!(o, "  none recorded");
        }
        for e in self.events {
            let _ = writeln!(
                o,
                "  {:<24} {} {}",
                self.at(e.created_at),
                clean(&e.event_type),
                clean(e.message.as_deref().unwrap_or(""))
            );
        }
        o
    }

    fn store_text(&self, o: &mut String) {
        let Some(d) = self.detail else { return };
        let _ = writeln!(o, "\nStore view of the actor:");
        if !d.exists {
            let _ = writeln!(o, "  not in the store");
        }
        if let Some(r) = self.row {
            let _ =
                writeln!(o, "  Status:          {}", or_dash(r.actor_status.as_ref().map(|s| s.as_str())));
            let _ = writeln!(o, "  Last progress:   {}", self.at(r.last_progress));
            let _ = writeln!(
                o,
                "  Next timer:      {}",
                r.next_timer.map_or("none".into(), |t| self.at(Some(t)))
            );
        }
        if !d.executions.is_empty() {
            let _ = writeln!(o, "  Executions (newest first):");
            for e in &d.executions {
                let _ = writeln!(
                    o,
                    "    #{:<5} {:<15} started {}{}",
                    e.execution_id,
                    clean(&e.status),
                    self.at(e.started_at),
                    e.completed_at.map(|c| format!(", finished {}", self.at(Some(c)))).unwrap_or_default()
                );
            }
        }
        if d.queue.is_empty() {
            let _ = writeln!(o, "  Queued work:     none");
        } else {
            let _ = writeln!(o, "  Queued work:");
        }
        for q in &d.queue {
            let _ = writeln!(
                o,
                "    {:<13} {:<20} visible {}{}",
                clean(&q.queue),
                clean(&q.kind),
                relative(q.visible_at, self.now),
                if q.locked { " (locked)" } else { "" }
            );
        }
    }

    pub(crate) fn json(&self) -> String {
        let i = self.instance;
        let doc = serde_json::json!({
            "instance": {
                "name": i.user_name,
                "k8s_name": i.k8s_name,
                "namespace": i.namespace,
                "state": i.state,
                "health_status": i.health_status,
                "actor_id": i.actor_id,
                "quarantined": i.quarantined,
                "recent_restarts": i.recent_restarts,
                "created_at": rfc3339(i.created_at),
                "last_health_check": rfc3339(i.last_health_check),
            },
            "actor": self.row.map(ActorJson::from),
            "store": self.detail,
            "orphans": self.orphans.iter().map(|r| ActorJson::from(*r)).collect::<Vec<_>>(),
            "health_checks": self.health_checks,
            "events": self.events,
            "diagnosis": self.diagnosis,
        });
        serde_json::to_string_pretty(&doc).expect("JSON of plain values") + "\n"
    }
}
