#![cfg(not(target_arch = "wasm32"))]
//! The worked example in `docs/scoring.md` is the scoring code's own output: its plan is parsed,
//! scored at the date the page states, and every cell of the example's tables is compared with
//! what the code computes. Editing a number on the page, or a rule in the code, fails here.
//! The points column holds the whole points the plan page shows, which add up to the score.

use chrono::NaiveDate;
use pilotdeck::domain::dates::parse_date;
use pilotdeck::domain::scoring::{alerts, explain, trend, AlertKind, Cap, MODEL};
use pilotdeck::domain::{validate_plan, Plan};

const DOC: &str = include_str!("../docs/scoring.md");

/// The line of the page that states the example's "today".
const TODAY_MARKER: &str = "Today in this example: ";
/// Header rows of the example's three tables.
const COMPONENTS_HEADER: &str = "| Component | Value | Weight | Points |";
const RESULTS_HEADER: &str = "| Result | Value |";
const WHAT_IF_HEADER: &str = "| What if you… | Points | Band after |";
const HEADERS: [&str; 3] = [COMPONENTS_HEADER, RESULTS_HEADER, WHAT_IF_HEADER];

/// One decimal, halves away from zero, as the plan page shows points.
fn tenths(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    format!("{sign}{}.{}", tenths.abs() / 10, tenths.abs() % 10)
}

/// The example's date, from the one line that starts with the marker.
fn today(doc: &str) -> Result<NaiveDate, String> {
    let lines: Vec<&str> = doc
        .lines()
        .filter(|line| line.starts_with(TODAY_MARKER))
        .collect();
    match lines.as_slice() {
        [line] => {
            let text = line[TODAY_MARKER.len()..].trim();
            parse_date(text).ok_or_else(|| format!("not a date after the marker: {text:?}"))
        }
        other => Err(format!(
            "expected one line starting {TODAY_MARKER:?}, found {}",
            other.len()
        )),
    }
}

/// The example plan: the page's only ```json block.
fn example_plan(doc: &str) -> Result<Plan, String> {
    let blocks: Vec<&str> = doc.split("```json\n").skip(1).collect();
    let [block] = blocks.as_slice() else {
        return Err(format!(
            "expected one ```json block, found {}",
            blocks.len()
        ));
    };
    let (json, _) = block
        .split_once("\n```")
        .ok_or("the ```json block is not closed")?;
    serde_json::from_str(json).map_err(|e| format!("the example plan does not parse: {e}"))
}

/// The cells of a Markdown table row, trimmed; `None` for a line that is not a row.
fn cells(line: &str) -> Option<Vec<String>> {
    let inner = line.trim().strip_prefix('|')?.strip_suffix('|')?;
    Some(inner.split('|').map(|c| c.trim().to_string()).collect())
}

/// The body rows (line index and cells) of the table under `header`, after the example's
/// date line; the header must appear there exactly once.
fn table(doc: &str, header: &str) -> Result<Vec<(usize, Vec<String>)>, String> {
    let lines: Vec<&str> = doc.lines().collect();
    let start = lines
        .iter()
        .position(|line| line.starts_with(TODAY_MARKER))
        .ok_or("no example date line")?;
    let headers: Vec<usize> = (start..lines.len())
        .filter(|&i| lines[i].trim() == header)
        .collect();
    let [at] = headers.as_slice() else {
        return Err(format!(
            "expected one table headed {header:?} in the example, found {}",
            headers.len()
        ));
    };
    let separator = lines.get(at + 1).copied().unwrap_or_default();
    if !separator.trim_start().starts_with("|---") {
        return Err(format!("the table headed {header:?} has no separator row"));
    }
    Ok((at + 2..lines.len())
        .map_while(|i| cells(lines[i]).map(|row| (i, row)))
        .collect())
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// The rows each of the example's tables must hold, computed by the code.
fn expected_tables(plan: &Plan, today: NaiveDate) -> [Vec<Vec<String>>; 3] {
    let e = explain(plan, today, &MODEL);
    let m = &e.momentum;

    let mut components: Vec<Vec<String>> = m
        .components
        .iter()
        .zip(&e.shares)
        .map(|(c, share)| {
            let na = || "n/a".to_string();
            vec![
                c.component.label().to_string(),
                c.value.map_or_else(na, tenths),
                format!("{}", c.weight),
                share.points.map_or_else(na, |p| p.to_string()),
            ]
        })
        .collect();
    let weight: f64 = m
        .components
        .iter()
        .filter(|c| c.value.is_some())
        .map(|c| c.weight)
        .sum();
    let points: u32 = e.shares.iter().filter_map(|s| s.points).sum();
    components.push(vec![
        "Total".to_string(),
        String::new(),
        format!("{weight}"),
        points.to_string(),
    ]);

    let caps: Vec<String> = m
        .caps
        .iter()
        .map(|cap| match cap {
            Cap::Low(c) => format!(
                "{} is below {}",
                c.label(),
                MODEL.bands.component_floor as u32
            ),
            Cap::TimingNotConfirmed => "timing is not confirmed this quarter".to_string(),
        })
        .collect();
    let by_number = m.score.map_or("Unknown", |s| {
        pilotdeck::domain::scoring::momentum::band_of(s, &MODEL).label()
    });
    let trend = trend(plan, today, &MODEL).map_or_else(
        || "none".to_string(),
        |t| format!("{} → {} {}", t.then, t.now, t.direction.arrow()),
    );
    let raised: Vec<&str> = alerts(plan, today, &MODEL)
        .iter()
        .map(|a| a.kind.label())
        .collect();
    let or_none = |list: String| if list.is_empty() { "none".into() } else { list };
    let results = vec![
        row(&[
            "Score",
            &m.score.map_or("Unknown".into(), |s| s.to_string()),
        ]),
        row(&["Band by the number", by_number]),
        row(&["Held by", &or_none(caps.join(" and "))]),
        row(&["Band shown", m.band.label()]),
        row(&["Biggest drag", e.biggest_drag.map_or("none", |c| c.label())]),
        row(&["Trend", &trend]),
        row(&["Alerts", &or_none(raised.join(", "))]),
    ];

    let what_ifs = e
        .what_ifs
        .iter()
        .map(|w| {
            let gain = if w.gain > 0 {
                format!("+{}", w.gain)
            } else {
                "±0".to_string()
            };
            row(&[&w.action.label(), &gain, w.band_after.label()])
        })
        .collect();

    [components, results, what_ifs]
}

/// Every difference between the page's example and the code; empty when they agree.
fn mismatches(doc: &str) -> Vec<String> {
    let today = match today(doc) {
        Ok(day) => day,
        Err(problem) => return vec![problem],
    };
    let plan = match example_plan(doc) {
        Ok(plan) => plan,
        Err(problem) => return vec![problem],
    };
    let mut problems = Vec::new();
    for (header, expected) in HEADERS.iter().zip(expected_tables(&plan, today)) {
        let rows = match table(doc, header) {
            Ok(rows) => rows,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        if rows.len() != expected.len() {
            problems.push(format!(
                "{header}: the page has {} rows, the code {}",
                rows.len(),
                expected.len()
            ));
        }
        for ((_, page), code) in rows.iter().zip(&expected) {
            if page != code {
                problems.push(format!("{header}: page {page:?}, code {code:?}"));
            }
        }
    }
    problems
}

#[test]
fn the_example_plan_is_a_valid_running_plan() {
    let plan = example_plan(DOC).expect("the example plan parses");
    assert_eq!(validate_plan(&plan), vec![], "the example plan is valid");
    assert!(plan.stage.is_running(), "the example is scored by momentum");
    today(DOC).expect("the page states the example's date");
}

#[test]
fn the_example_tables_match_the_scoring_code() {
    let problems = mismatches(DOC);
    assert!(
        problems.is_empty(),
        "docs/scoring.md disagrees with the code:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_example_reads_as_described() {
    // The story the page tells around the tables: a live plan whose number says Moving but
    // which is held at Drifting until timing is confirmed again; every component has data, so
    // the weights are the points each can earn; one step slipped after its committed date, one
    // blocker has been open for more than a week (another was resolved), and the sync planned
    // after the last one was missed.
    let plan = example_plan(DOC).expect("parses");
    let day = today(DOC).expect("dated");
    let e = explain(&plan, day, &MODEL);
    let m = &e.momentum;
    assert_eq!(m.caps, vec![Cap::TimingNotConfirmed]);
    assert!(!m.ghost_town);
    assert!(m.components.iter().all(|c| c.value.is_some()));
    assert_eq!(e.scaled_note(), None);
    let points: u32 = e.shares.iter().filter_map(|s| s.points).sum();
    assert_eq!(Some(points), m.score.map(u32::from));
    let facts = m.facts;
    assert_eq!((facts.slipped_steps, facts.overdue_steps), (1, 1));
    assert_eq!((facts.open_blockers, facts.aging_blockers), (1, 1));
    assert!(plan.log.iter().any(|entry| entry.resolved_on.is_some()));
    let raised: Vec<AlertKind> = alerts(&plan, day, &MODEL).iter().map(|a| a.kind).collect();
    assert!(raised.contains(&AlertKind::MissedSync));
}

#[test]
fn editing_any_cell_of_the_example_tables_is_caught() {
    let lines: Vec<&str> = DOC.lines().collect();
    let mut edits = 0;
    for header in HEADERS {
        for (index, cells) in table(DOC, header).expect("the table is there") {
            for (column, cell) in cells.iter().enumerate() {
                let mut variants = Vec::new();
                if let Some(at) = cell.find(|c: char| c.is_ascii_digit()) {
                    let digit = cell.as_bytes()[at] - b'0';
                    let mut changed = cell.clone();
                    changed.replace_range(at..=at, &((digit + 1) % 10).to_string());
                    variants.push(changed);
                }
                if !cell.is_empty() {
                    variants.push(format!("{cell}x"));
                }
                for variant in variants {
                    let mut row = cells.clone();
                    row[column] = variant.clone();
                    let mut edited = lines.clone();
                    let new_line = format!("| {} |", row.join(" | "));
                    edited[index] = &new_line;
                    let doc = edited.join("\n");
                    assert!(
                        !mismatches(&doc).is_empty(),
                        "changing {cell:?} to {variant:?} under {header:?} went unnoticed"
                    );
                    edits += 1;
                }
            }
        }
    }
    assert!(edits > 40, "every cell was tried ({edits} edits)");
}
