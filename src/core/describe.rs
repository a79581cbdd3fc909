//! What a dry run says: the exact steps each planned action would take.

use super::model::{AuditEvent, BackendKind, Describe};
use super::plan::{Action, Planned};
use super::sql;

/// Every action of a plan with its steps.
pub(crate) fn describe_all(plan: &[Planned], d: &Describe) -> Vec<(Planned, Vec<String>)> {
    plan.iter().map(|p| (p.clone(), describe(p, d))).collect()
}

/// The exact steps one action would take.
// Long on purpose: one arm per action, each the exact steps the executor takes.
pub(crate) fn describe(p: &Planned, d: &Describe) -> Vec<String> {
    let k8s = p.k8s_name.as_deref().unwrap_or("?");
    let old = p.old_actor_id.as_deref();
    let t = d.verify_timeout.as_secs();
    let claim = |new: Option<&str>, running: bool| {
        let text = sql::shown(
            &sql::claim(&d.cms_schema, running),
            &[&sql::literal(Some(k8s)), &sql::literal(old), &sql::literal(new)],
        );
        format!(
            "claim: {text}, with an actor_action_claimed intent row in the same transaction \
             (0 rows: skip, changed concurrently)"
        )
    };
    if d.backend == BackendKind::Http && !matches!(p.action, Action::None | Action::CancelOrphan) {
        return vec![
            format!(
                "POST <api>/api/instances/<name>/actor/{} (<name>: {k8s}'s --api-name-field, default dns_name; \
                 the control plane claims, acts and audits)",
                p.action.as_str()
            ),
            format!("verify: wait up to {t}s for the store to show the result"),
        ];
    }
    let audit = AuditEvent::of(p.action)
        .map(|e| format!("audit: INSERT INTO {}.instance_events ({})", d.cms_schema, e.as_str()))
        .unwrap_or_default();
    let old = old.unwrap_or("?");
    match p.action {
        Action::None => vec![format!("nothing: {}", p.reason)],
        Action::Start | Action::Restart => {
            let new = format!("actor-{k8s}-<8 hex>");
            let mut s = vec![
                claim(Some(&new), true),
                format!(
                    "start {new} ({}) with input {{\"k8s_name\": \"{k8s}\", \"namespace\": ..., \"orchestration_id\": \"{new}\"}}",
                    d.orchestration
                ),
            ];
            if p.old_actor_id.is_some() && p.old_actor_active {
                s.push(format!("cancel {old} if the store still has it running"));
            }
            s.push(format!(
                "verify: wait up to {t}s for {new} to be Running in the store and to record a health check \
                 (unless --verify running)"
            ));
            s.push(audit);
            s
        }
        Action::Cancel => vec![
            claim(None, false),
            format!("cancel {old} if the store still has it running"),
            format!("verify: wait up to {t}s for it to be cancelled"),
            audit,
        ],
        Action::CancelOrphan => vec![
            format!("check that no running instance points to {old} any more"),
            format!("cancel {old}"),
            format!("verify: wait up to {t}s for it to be cancelled"),
            audit,
        ],
    }
}
