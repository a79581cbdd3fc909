//! `reset-failed`: clear crash-loop quarantines, audited.

use anyhow::Result;

use super::session::{Connections, Session};
use crate::core::model::{Audit, AuditEvent};
use crate::settings::Settings;

/// One instance and whether a quarantine or a hold was cleared.
pub(crate) struct Cleared {
    pub(crate) k8s_name: String,
    pub(crate) cleared: bool,
}

pub(crate) async fn reset_failed(s: &Settings, names: &[String], all: bool) -> Result<Vec<Cleared>> {
    let conns = Connections::open(s).await?;
    let session = Session::open(&conns, s).await?;
    let cms = &session.cms;
    let targets: Vec<(String, bool, bool)> = if all {
        let (_, instances) = cms.instances().await?;
        instances
            .into_iter()
            .filter(|i| i.quarantined || i.held)
            .map(|i| (i.k8s_name.to_string(), i.quarantined, i.held))
            .collect()
    } else {
        let mut t = Vec::new();
        for name in names {
            let (_, i) = cms.resolve(name).await?;
            t.push((i.k8s_name.to_string(), i.quarantined, i.held));
        }
        t
    };
    let audit = Audit {
        operator: s.operator.clone(),
        reason: "reset-failed".into(),
        run_id: super::reconcile::run_id(),
    };
    let mut out = Vec::new();
    for (k8s_name, quarantined, held) in targets {
        if held {
            let entry = audit.entry(
                &k8s_name,
                AuditEvent::HoldLifted,
                "hold lifted by reset-failed".into(),
                serde_json::json!({}),
            );
            cms.audit(&entry).await?;
        }
        let cleared = quarantined || held;
        if quarantined {
            let entry = audit.entry(
                &k8s_name,
                AuditEvent::QuarantineCleared,
                "quarantine cleared by reset-failed".into(),
                serde_json::json!({ "quarantine": "cleared" }),
            );
            cms.audit(&entry).await?;
        }
        out.push(Cleared { k8s_name, cleared });
    }
    Ok(out)
}
