//! SQL that both runs and is shown: the claim of docs/DOMAIN.md §5 is written
//! once, so a dry run prints exactly what the executor sends.

/// The compare-and-swap claim: `$1` k8s_name, `$2` the actor id we
/// classified (NULL for none), `$3` the new actor id (NULL to clear).
/// A start or restart also requires the instance to be running still.
pub(crate) fn claim(cms_schema: &str, running_only: bool) -> String {
    let state = if running_only { " AND state = 'running'" } else { "" };
    format!(
        "UPDATE {cms_schema}.instances SET instance_actor_orchestration_id = $3 \
         WHERE k8s_name = $1{state} AND instance_actor_orchestration_id IS NOT DISTINCT FROM $2"
    )
}

/// The claim and its intent row in one statement, hence one transaction:
/// `$4`..`$6` are the intent's event type, message and metadata; its
/// old and new state are the instance's (toygres's meaning of those
/// columns). One row inserted: claimed; none: changed concurrently.
pub(crate) fn claim_journaled(cms_schema: &str, running_only: bool) -> String {
    format!(
        "WITH claimed AS ({} RETURNING id, state::text AS state) \
         INSERT INTO {cms_schema}.instance_events (instance_id, event_type, old_state, new_state, message, metadata) \
         SELECT id, $4, state, state, $5, $6 FROM claimed",
        claim(cms_schema, running_only)
    )
}

/// `sql` with `$n` replaced by the display text of `params[n-1]`, for a
/// dry run (highest numbers first, so `$1` never eats the front of `$10`).
pub(crate) fn shown(sql: &str, params: &[&str]) -> String {
    params.iter().enumerate().rev().fold(sql.to_string(), |s, (i, v)| s.replace(&format!("${}", i + 1), v))
}

/// A value as an SQL literal for display: `'text'` or `NULL`.
pub(crate) fn literal(v: Option<&str>) -> String {
    v.map_or("NULL".to_string(), |v| format!("'{}'", v.replace('\'', "''")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_claim_shown_is_the_claim_run() {
        let sql = claim("cms", true);
        let shown = shown(&sql, &[&literal(Some("pg-a")), &literal(None), &literal(Some("actor-pg-a-1"))]);
        assert_eq!(
            shown,
            "UPDATE cms.instances SET instance_actor_orchestration_id = 'actor-pg-a-1' WHERE k8s_name = 'pg-a' \
             AND state = 'running' AND instance_actor_orchestration_id IS NOT DISTINCT FROM NULL"
        );
        assert!(!claim("cms", false).contains("state ="));
        let journaled = claim_journaled("cms", true);
        assert!(journaled.starts_with(&format!("WITH claimed AS ({sql} RETURNING id")), "{journaled}");
        assert!(journaled.contains("INSERT INTO cms.instance_events"), "{journaled}");
        assert_eq!(literal(Some("o'k")), "'o''k'");
    }
}
