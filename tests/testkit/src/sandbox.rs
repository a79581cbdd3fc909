//! A fleet of N instances with some actors broken in each way, for
//! `examples/sandbox.rs` and for the test that checks `list` against it.

use anyhow::Result;
use std::collections::BTreeMap;
use std::time::Duration;

use crate::fleet::Fleet;

/// How many instances to break in each way; the rest stay healthy.
#[derive(Debug, Clone)]
pub struct Breakage {
    pub stale: usize,
    pub zombie: usize,
    pub missing: usize,
    pub dead: usize,
    pub orphaned: usize,
}

impl Default for Breakage {
    fn default() -> Self {
        Breakage { stale: 3, zombie: 3, missing: 3, dead: 2, orphaned: 2 }
    }
}

/// What `actorctl list` must report for the sandbox.
#[derive(Debug, Clone, Default)]
pub struct Expected {
    /// k8s_name → class, for every running instance.
    pub classes: BTreeMap<String, String>,
    /// Orphaned actor ids → the k8s_name they belonged to.
    pub orphans: BTreeMap<String, String>,
}

/// Create `n` instances, wait for their actors to record health, then break
/// them for real. Stale instances get their last check aged by 10 minutes
/// so that the default `--stale-after 5m` applies without waiting.
pub async fn build(fleet: &Fleet, n: usize, b: &Breakage) -> Result<Expected> {
    let broken = b.stale + b.zombie + b.missing + b.dead + b.orphaned;
    anyhow::ensure!(n >= broken, "{n} instances cannot hold {broken} broken ones");
    let mut names = Vec::new();
    for i in 1..=n {
        let (user, k8s) = (format!("db-{i:02}"), format!("toygres-db-{i:02}"));
        if i == n && b.missing > 0 {
            // One instance that never had an actor at all.
            fleet.insert_instance(&user, &k8s, "running", None).await?;
        } else {
            fleet.add_instance(&user, &k8s).await?;
        }
        names.push(k8s);
    }
    let with_actor: Vec<String> = names[..if b.missing > 0 { n - 1 } else { n }].to_vec();
    fleet.wait_recorded(&with_actor, Duration::from_secs(120)).await?;

    let mut exp = Expected::default();
    for k in &names {
        exp.classes.insert(k.clone(), "healthy".into());
    }
    let mut it = names.iter();
    let mut take = |count: usize| -> Vec<String> { it.by_ref().take(count).cloned().collect() };
    let (stale, zombie, dead, orphaned) = (take(b.stale), take(b.zombie), take(b.dead), take(b.orphaned));
    let mut missing = take(b.missing.saturating_sub(1));
    if b.missing > 0 {
        missing.push(names[n - 1].clone());
    }

    for k in &stale {
        fleet.break_health_recording(k).await?;
        fleet.age_health_checks(k, 600).await?;
        exp.classes.insert(k.clone(), "stale".into());
    }
    for k in &zombie {
        fleet.drop_timer(&format!("actor-{k}")).await?;
        exp.classes.insert(k.clone(), "zombie".into());
    }
    for k in &missing {
        if k != &names[n - 1] {
            fleet.delete_store_instance(&format!("actor-{k}")).await?;
        }
        exp.classes.insert(k.clone(), "missing".into());
    }
    for k in &dead {
        fleet.cancel(&format!("actor-{k}")).await?;
        exp.classes.insert(k.clone(), "dead".into());
    }
    for (i, k) in orphaned.iter().enumerate() {
        if i % 2 == 0 {
            // A restart whose cancel never happened: the instance is fine,
            // its old actor is the orphan.
            let new_id = fleet.repoint(k).await?;
            fleet.wait_status(&new_id, "Running", Duration::from_secs(30)).await?;
        } else {
            fleet.set_state(k, "deleted").await?;
            exp.classes.remove(k);
        }
        exp.orphans.insert(format!("actor-{k}"), k.clone());
    }
    Ok(exp)
}
