//! The portfolio report and its CSV: the running pilots most urgent first with what leadership
//! asks about, and every plan as one CSV row that an independent reader (the `csv` crate) gets
//! back cell for cell.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use chrono::NaiveDate;
use pilotdeck::domain::report::{running_report, stage_counts, urgency, ReportRow};
use pilotdeck::domain::scoring::MODEL;
use pilotdeck::domain::{Band, Plan};
use pilotdeck::exchange::csv::{csv_file_name, portfolio_csv, COLUMNS};
use pilotdeck::exchange::example_plans;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date")
}

fn example() -> Vec<Plan> {
    example_plans(include_str!("../public/examples/portfolio.json"), today()).expect("reads")
}

fn read(csv_text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new().from_reader(csv_text.as_bytes());
    let header = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("a record").iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

#[test]
fn the_report_lists_running_pilots_most_urgent_first_with_their_blockers() {
    let plans = example();
    let rows = running_report(&plans, today(), &MODEL);
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0].id.as_str(), "example-reseller-brightpath");
    assert_eq!(rows[0].band, Some(Band::GhostTownRisk));
    assert_eq!(rows[0].blockers.len(), 1);
    assert_eq!(rows[0].blockers[0].owner, "Lee Whitfield");
    assert_eq!(rows[0].blockers[0].days_open, 48);
    for pair in rows.windows(2) {
        assert!((urgency(pair[0].band), pair[0].score) <= (urgency(pair[1].band), pair[1].score));
    }
    assert!(rows
        .iter()
        .all(|r| r.days_since_launch.is_some() && r.score.is_some()));
    let counts = stage_counts(&plans);
    assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), plans.len());
}

#[test]
fn the_csv_has_one_row_per_plan_with_stable_columns_and_the_plan_id_first() {
    let plans = example();
    let text = portfolio_csv(&plans, today(), &MODEL);
    assert!(text.ends_with("\r\n"));
    let (header, rows) = read(&text);
    assert_eq!(header, COLUMNS.to_vec());
    assert_eq!(header[0], "plan_id");
    assert_eq!(rows.len(), plans.len());
    for (row, plan) in rows.iter().zip(&plans) {
        let expected = ReportRow::of(plan, today(), &MODEL);
        assert_eq!(row[0], plan.id.as_str());
        assert_eq!(row[1], plan.shown_name());
        assert_eq!(row[4], plan.stage.label());
        assert_eq!(
            row[5],
            expected.score.map(|s| s.to_string()).unwrap_or_default()
        );
        assert_eq!(
            row[10],
            expected
                .readiness
                .map(|r| r.to_string())
                .unwrap_or_default()
        );
        assert_eq!(row[15], expected.blockers.len().to_string());
    }
    assert_eq!(csv_file_name(today()), "pilotdeck-portfolio-2026-11-23.csv");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Whatever people typed, each plan is one record whose name reads back as typed (or with
    /// the apostrophe that keeps a formula-like text from running).
    #[test]
    fn any_plan_reads_back_as_one_record(plans in support::plans(5)) {
        let text = portfolio_csv(&plans, today(), &MODEL);
        let (_, rows) = read(&text);
        prop_assert_eq!(rows.len(), plans.len());
        for (row, plan) in rows.iter().zip(&plans) {
            prop_assert_eq!(row.len(), COLUMNS.len());
            prop_assert_eq!(&row[0], plan.id.as_str());
            let name = plan.shown_name();
            let formula = name.starts_with(['=', '+', '-', '@', '\t', '\r']);
            let expected = if formula { format!("'{name}") } else { name.to_string() };
            prop_assert_eq!(&row[1], &expected);
        }
    }
}
