//! Plans and results as files: the `-o json` of recover with the settings
//! they were made with, so that `recover --plan FILE` can replay them here
//! and nowhere else.

use serde_json::Value;

use super::results;
use crate::core::model::ActionResult;
use crate::core::plan::Planned;
use crate::core::plan_file::PlanSettings;

fn with_settings(text: String, settings: &PlanSettings) -> String {
    let Ok(Value::Object(doc)) = serde_json::from_str::<Value>(&text) else {
        return text;
    };
    let mut out = serde_json::Map::new();
    out.insert("settings".into(), serde_json::json!(settings));
    out.extend(doc);
    serde_json::to_string_pretty(&out).expect("JSON of plain values") + "\n"
}

/// `{"settings", "dry_run": true, "plan": [...]}`
pub(crate) fn plan_json(plan: &[(Planned, Vec<String>)], settings: &PlanSettings) -> String {
    with_settings(results::plan_json(plan), settings)
}

/// `{"settings", "results": [...], "summary"}`
pub(crate) fn results_json(r: &[ActionResult], settings: &PlanSettings) -> String {
    with_settings(results::json(r), settings)
}
