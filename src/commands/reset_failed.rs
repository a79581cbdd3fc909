//! `actorctl reset-failed <name>...|--all`: clear crash-loop quarantines.

use anyhow::Result;

use crate::cli::{ResetFailedArgs, ResultFormat};
use crate::config::Settings;
use crate::error::EXIT_OK;
use crate::output;

pub async fn run(a: ResetFailedArgs, s: &Settings) -> Result<u8> {
    let conns = super::Connections::open(s).await?;
    let cms = crate::cms::Cms::open(conns.cms_client(), &s.cms_schema, &s.cms).await?;
    let (_, all) = cms.instances().await?;
    let targets: Vec<(String, bool)> = if a.all {
        all.iter().filter(|(_, i)| i.quarantined).map(|(_, i)| (i.k8s_name.clone(), true)).collect()
    } else {
        let mut t = Vec::new();
        for name in &a.names {
            let (_, i) = cms.resolve(name).await?;
            t.push((i.k8s_name, i.quarantined));
        }
        t
    };
    let operator = a.operator.clone().unwrap_or_else(crate::sys::default_operator);
    let mut rows = Vec::new();
    for (k8s, quarantined) in targets {
        if quarantined {
            let meta = serde_json::json!({
                "reason": "reset-failed", "operator": operator, "actorctl_version": env!("CARGO_PKG_VERSION"),
                "quarantine": "cleared",
            });
            cms.audit(&k8s, "actor_quarantine_cleared", "quarantine cleared by reset-failed", &meta).await?;
        }
        rows.push(serde_json::json!({"k8s_name": k8s, "cleared": quarantined,
            "message": if quarantined { "quarantine cleared: sweeps repair it again" } else { "not quarantined: nothing to clear" }}));
    }
    match a.output {
        ResultFormat::Json => {
            output::emit(&(serde_json::to_string_pretty(&serde_json::json!({"results": rows}))? + "\n"))?
        }
        ResultFormat::Table => {
            let text: String = rows
                .iter()
                .map(|r| {
                    format!(
                        "{}  {}\n",
                        r["k8s_name"].as_str().unwrap_or("-"),
                        r["message"].as_str().unwrap_or("")
                    )
                })
                .collect();
            output::emit(if text.is_empty() { "no quarantined instances\n" } else { &text })?;
        }
    }
    Ok(EXIT_OK)
}
