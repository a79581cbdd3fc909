//! Plans and results as files: the `-o json` of recover with the settings
//! they were made with, so that `recover --plan FILE` can replay them here
//! and nowhere else.

use serde::Serialize;
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

/// `{"settings", "dry_run": true, "plan": [...]}`, written item by item
/// (the same bytes as the document built whole, without building it).
pub(crate) fn write_plan_json(
    w: &mut dyn std::io::Write,
    plan: &[(Planned, Vec<String>)],
    settings: &PlanSettings,
) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Doc<'a> {
        settings: &'a PlanSettings,
        dry_run: bool,
        plan: Items<'a>,
    }
    struct Items<'a>(&'a [(Planned, Vec<String>)]);
    #[derive(Serialize)]
    struct Item<'a> {
        #[serde(flatten)]
        planned: &'a Planned,
        steps: &'a [String],
    }
    impl Serialize for Items<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(|(planned, steps)| Item { planned, steps }))
        }
    }
    let doc = Doc { settings, dry_run: true, plan: Items(plan) };
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(std::io::Error::from)?;
    w.write_all(b"\n")
}

/// `{"settings", "results": [...], "summary"}`
pub(crate) fn results_json(r: &[ActionResult], settings: &PlanSettings) -> String {
    with_settings(results::json(r), settings)
}
