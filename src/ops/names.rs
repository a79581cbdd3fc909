//! Instance names for shell completion: the CMS only, one query.

use anyhow::Result;

use crate::io::db::Connect;
use crate::settings::Settings;

/// User names and k8s names of instances not deleted, starting with `prefix`.
pub(crate) async fn matching(s: &Settings, prefix: &str) -> Result<Vec<String>> {
    let client = s.cms.connect(s.statement_timeout).await?;
    crate::io::names::matching(&client, &s.cms_schema, prefix).await
}
