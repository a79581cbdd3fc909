//! `reset-failed`: clear crash-loop quarantines, audited.

use anyhow::Result;

use super::session::{Connections, Session};
use crate::core::model::{Audit, AuditEvent};
use crate::settings::Settings;

/// One instance and whether its quarantine was cleared.
pub(crate) struct Cleared {
    pub(crate) k8s_name: String,
    pub(crate) cleared: bool,
}

pub(crate) async fn reset_failed(s: &Settings, names: &[String], all: bool) -> Result<Vec<Cleared>> {
    let conns = Connections::open(s).await?;
    let session = Session::open(&conns, s).await?;
    let cms = &session.cms;
    let targets: Vec<(String, bool)> = if all {
        let (_, instances) = cms.instances().await?;
        instances.into_iter().filter(|(_, i)| i.quarantined).map(|(_, i)| (i.k8s_name, true)).collect()
    } else {
        let mut t = Vec::new();
        for name in names {
            let (_, i) = cms.resolve(name).await?;
            t.push((i.k8s_name, i.quarantined));
        }
        t
    };
    let audit = Audit {
        operator: s.operator.clone(),
        reason: "reset-failed".into(),
        run_id: super::reconcile::run_id(),
    };
    let mut out = Vec::new();
    for (k8s_name, cleared) in targets {
        if cleared {
            let entry = audit.entry(
                &k8s_name,
                AuditEvent::QuarantineCleared,
                ("quarantined", "eligible"),
                "quarantine cleared by reset-failed".into(),
                serde_json::json!({}),
            );
            cms.audit(&entry).await?;
        }
        out.push(Cleared { k8s_name, cleared });
    }
    Ok(out)
}
