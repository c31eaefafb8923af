//! The portfolio as CSV, for spreadsheets and CRM imports: one row per plan, the plan id first,
//! with column names that stay the same from version to version (new columns are added at the
//! end). Text is quoted as RFC 4180 says, and a cell that a spreadsheet would read as a formula
//! is written as text.

use crate::domain::report::ReportRow;
use crate::domain::scoring::ScoreModel;
use crate::domain::Plan;
use chrono::NaiveDate;

/// The header row: stable names, in this order.
pub const COLUMNS: [&str; 18] = [
    "plan_id",
    "name",
    "partner",
    "partner_kind",
    "stage",
    "momentum",
    "band",
    "band_reason",
    "trend",
    "trend_points",
    "readiness_percent",
    "days_since_launch",
    "next_step",
    "next_step_owner",
    "next_step_due",
    "open_blockers",
    "open_blocker_details",
    "parked_until",
];

/// Columns holding text people typed (names, steps, reasons): the others are numbers, dates
/// and names of choices.
const TYPED: [&str; 6] = [
    "name",
    "partner",
    "band_reason",
    "next_step",
    "next_step_owner",
    "open_blocker_details",
];

/// A cell as CSV text: quoted when it holds a comma, a quote or a line break. Typed text that a
/// spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab or carriage return first)
/// gets a leading apostrophe, so it stays text; numbers keep their sign.
fn cell(text: &str, typed: bool) -> String {
    let guarded = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if typed => format!("'{text}"),
        _ => text.to_string(),
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn row(plan: &ReportRow) -> [String; 18] {
    let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let step = plan.next_step.as_ref();
    [
        plan.id.to_string(),
        plan.name.clone(),
        plan.partner.clone(),
        plan.kind.to_string(),
        plan.stage.label().to_string(),
        number(plan.score.map(i64::from)),
        plan.band.map(|b| b.label().to_string()).unwrap_or_default(),
        plan.band_reason.clone().unwrap_or_default(),
        plan.trend
            .map(|(d, _)| d.label().to_string())
            .unwrap_or_default(),
        number(plan.trend.map(|(_, delta)| i64::from(delta))),
        number(plan.readiness.map(i64::from)),
        number(plan.days_since_launch),
        step.map(|s| s.title.clone()).unwrap_or_default(),
        step.map(|s| s.owner.clone()).unwrap_or_default(),
        date(step.and_then(|s| s.due_on)),
        plan.blockers.len().to_string(),
        plan.blockers
            .iter()
            .map(|b| {
                if b.owner.is_empty() {
                    format!("{} ({} days)", b.text, b.days_open)
                } else {
                    format!("{} ({}, {} days)", b.text, b.owner, b.days_open)
                }
            })
            .collect::<Vec<_>>()
            .join("; "),
        date(plan.parked_until),
    ]
}

/// Every plan as CSV, in the order given, lines ending in CRLF.
pub fn portfolio_csv(plans: &[Plan], today: NaiveDate, model: &ScoreModel) -> String {
    let mut out = COLUMNS.join(",");
    out.push_str("\r\n");
    for plan in plans {
        let cells = row(&ReportRow::of(plan, today, model));
        let line: Vec<String> = cells
            .iter()
            .zip(COLUMNS)
            .map(|(c, column)| cell(c, TYPED.contains(&column)))
            .collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// `pilotdeck-portfolio-<date>.csv`.
pub fn csv_file_name(today: NaiveDate) -> String {
    format!("pilotdeck-portfolio-{today}.csv")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_kept_as_text() {
        assert_eq!(cell("plain", true), "plain");
        assert_eq!(cell("a, b", true), "\"a, b\"");
        assert_eq!(cell("say \"hi\"", true), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines", true), "\"two\nlines\"");
        assert_eq!(
            cell("=HYPERLINK(\"x\")", true),
            "\"'=HYPERLINK(\"\"x\"\")\""
        );
        assert_eq!(cell("@cmd", true), "'@cmd");
        assert_eq!(cell("-5", false), "-5", "a number keeps its sign");
        assert_eq!(cell("", true), "");
    }
}
