//! A plan as Markdown, for email and documents.
//!
//! Everything a user typed is written as text, never as Markdown: the characters that could
//! start formatting are backslash-escaped and line breaks become spaces, so a step title cannot
//! open a heading, a list, a link or raw HTML in whatever renders the page.

use super::export::plan_file_name;
use crate::domain::calendar::written;
use crate::domain::scoring::{headline, Headline, ScoreModel};
use crate::domain::written::{self, number};
use crate::domain::{KeyResult, LogKind, Plan, Rating, Step};
use chrono::NaiveDate;
use std::fmt::Write;

/// How many log entries the summary keeps: the recent story, not the whole history.
const RECENT_LOG_ENTRIES: usize = 10;

/// What an empty value reads as, the same words the plan page uses.
const NOT_SET: &str = "Not set";

/// The plan as a one-page Markdown summary, scored as of `today`.
pub fn plan_markdown(plan: &Plan, today: NaiveDate, model: &ScoreModel) -> String {
    let mut out = String::new();
    // `write!` to a String cannot fail, so its results are ignored throughout.
    let _ = writeln!(out, "# {}\n", text(&plan.name));
    let _ = writeln!(
        out,
        "{} · {} · {}\n",
        text(&plan.partner.name),
        plan.partner.kind.label(),
        plan.stage.label()
    );
    let _ = writeln!(out, "{}", score_line(plan, today, model));

    let timing = &plan.timing;
    section(&mut out, "Timing");
    fact(
        &mut out,
        "Top of mind for their leadership this quarter",
        &text(&timing.their_priority),
    );
    fact(&mut out, "How we fit", &text(&timing.how_we_fit));
    fact(&mut out, "Fit", &rating(timing.fit));
    fact(&mut out, "Readiness", &rating(timing.readiness));
    fact(
        &mut out,
        "In a rebuild phase",
        if timing.in_rebuild { "Yes" } else { "No" },
    );
    fact(&mut out, "Confirmed on", &date(timing.confirmed_on));

    let pilot = &plan.pilot;
    let metric = &pilot.primary_metric;
    section(&mut out, "Fastest joint win");
    fact(&mut out, "Use case", &text(&pilot.use_case));
    fact(&mut out, "Segment", &text(&pilot.segment));
    let metric_line = match (metric.baseline, metric.target) {
        (None, None) => text(&metric.name),
        (baseline, target) => format!(
            "{}: {} → {}",
            text(&metric.name),
            baseline.map_or_else(|| NOT_SET.into(), |b| quantity(b, &metric.unit)),
            target.map_or_else(|| NOT_SET.into(), |t| quantity(t, &metric.unit)),
        ),
    };
    fact(&mut out, "Primary metric", &metric_line);
    fact(
        &mut out,
        "Fastest joint win",
        &text(&pilot.fastest_joint_win),
    );
    fact(&mut out, "Out of scope", &list(&pilot.out_of_scope));
    fact(&mut out, "Stop condition", &text(&pilot.stop_condition));
    fact(&mut out, "Launch date", &date(pilot.launch_on));
    fact(&mut out, "Pilot length", &days(pilot.length_days));

    let foundation = &plan.foundation;
    section(&mut out, "Foundation");
    fact(&mut out, "Shared objective", &text(&foundation.objective));
    if foundation.key_results.is_empty() {
        fact(&mut out, "Key results", NOT_SET);
    } else {
        let _ = writeln!(out, "- **Key results:**");
        for kr in &foundation.key_results {
            let _ = writeln!(out, "  - {}", key_result(kr));
        }
    }
    let governance = &foundation.governance;
    let _ = writeln!(out, "- **Governance:**");
    for (label, value) in [
        ("Our owner", &governance.our_owner),
        ("Their owner", &governance.their_owner),
        ("Our sponsor", &governance.our_sponsor),
        ("Their sponsor", &governance.their_sponsor),
        ("Decision rule", &governance.decision_rule),
        ("Escalation", &governance.escalation),
    ] {
        let _ = writeln!(out, "  - {label}: {}", text(value));
    }
    let rhythm = &foundation.rhythm;
    let _ = writeln!(out, "- **Rhythm:**");
    let _ = writeln!(out, "  - Cadence: {}", rhythm.cadence_days.label());
    let _ = writeln!(out, "  - Next sync: {}", date(rhythm.next_sync_on));
    let _ = writeln!(out, "  - 30-day review: {}", date(rhythm.review_on));

    section(&mut out, "Next steps");
    let open = plan.open_steps_by_due();
    let done = plan.done_steps_latest_first();
    if open.is_empty() && done.is_empty() {
        let _ = writeln!(out, "No next steps yet.");
    }
    for step in open {
        let due = step
            .due_on
            .map_or_else(|| "no due date".into(), |d| format!("due {}", written(d)));
        let _ = writeln!(out, "- [ ] {} — {} · {due}", text(&step.title), owner(step));
    }
    for step in done {
        let done_on = step
            .done_on
            .map(|d| format!(" · done {}", written(d)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- [x] {} — {}{done_on}",
            text(&step.title),
            owner(step)
        );
    }

    section(&mut out, "Parking lot");
    if plan.parking_lot.is_empty() {
        let _ = writeln!(out, "Nothing parked.");
    }
    for item in &plan.parking_lot {
        let _ = writeln!(out, "- {}", text(item));
    }

    section(&mut out, "Recent log");
    let history = plan.history();
    if history.is_empty() {
        let _ = writeln!(out, "Nothing logged yet.");
    }
    for entry in history.into_iter().take(RECENT_LOG_ENTRIES) {
        let sponsors = if entry.kind == LogKind::ExecSync && entry.both_sponsors_present {
            " (both sponsors)"
        } else {
            ""
        };
        // Internal entries are said to be so, so that a copy pasted for the partner shows
        // what to take out.
        let internal = if entry.internal { " (internal)" } else { "" };
        let _ = writeln!(
            out,
            "- {} · {}{sponsors}{internal}: {}",
            written(entry.on),
            entry.kind.label(),
            text(&entry.text)
        );
    }

    let _ = write!(
        out,
        "\n---\n\nExported from Pilotdeck on {}.\n",
        written(today)
    );
    out
}

/// The plan's summary as a file: its name (like the plan's JSON export, ending `.md`) and text.
pub fn markdown_file(plan: &Plan, today: NaiveDate, model: &ScoreModel) -> (String, String) {
    (
        plan_file_name(plan, today, "md"),
        plan_markdown(plan, today, model),
    )
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n## {title}\n");
}

/// One labelled line; `value` is already escaped.
fn fact(out: &mut String, label: &str, value: &str) {
    let _ = writeln!(out, "- **{label}:** {value}");
}

/// The headline the plan's card shows: momentum for running plans, readiness before launch.
fn score_line(plan: &Plan, today: NaiveDate, model: &ScoreModel) -> String {
    match headline(plan, today, model) {
        Headline::Momentum { momentum, .. } => {
            let score = momentum
                .score
                .map_or_else(|| "Unknown".into(), |s| s.to_string());
            format!("**Momentum:** {score} · {}", momentum.band.label())
        }
        Headline::Readiness(readiness) => {
            format!("**Launch readiness:** {}%", readiness.percent())
        }
        Headline::Stopped => "**Stopped:** no longer scored.".into(),
    }
}

/// "Name: 10 → 20 unit · now 15 (50% of the way) · On track on 20 Nov 2026 · due 1 Dec 2026".
fn key_result(kr: &KeyResult) -> String {
    let mut line = format!(
        "{}: {} → {} · ",
        text(&kr.name),
        quantity(kr.baseline, &kr.unit),
        quantity(kr.target, &kr.unit)
    );
    match kr.current {
        Some(current) => {
            let _ = write!(line, "now {}", quantity(current, &kr.unit));
        }
        None => line.push_str("no value yet"),
    }
    let _ = write!(line, " ({}% of the way)", percent(kr.progress()));
    if let Some(confidence) = kr.confidence {
        line.push_str(" · ");
        line.push_str(confidence.label());
        if let Some(on) = kr.checked_on {
            let _ = write!(line, " on {}", written(on));
        }
    }
    if let Some(due) = kr.due_on {
        let _ = write!(line, " · due {}", written(due));
    }
    line
}

/// A 0–1 share as a whole percent, rounded half up. Rounded on the integer per-mille so that
/// float sums such as `x + 0.5` cannot tip a value just under a half over it.
fn percent(share: f64) -> u32 {
    // `as` saturates: NaN reads as 0 and anything past 1 is clamped first.
    let per_mille = (share.clamp(0.0, 1.0) * 1000.0) as u32;
    (per_mille + 5) / 10
}

fn owner(step: &Step) -> String {
    match step.owner_name.trim() {
        "" => step.owner_side.owner_label().to_string(),
        name => format!("{}: {}", step.owner_side.owner_label(), text(name)),
    }
}

fn rating(rating: Option<Rating>) -> String {
    rating.map_or_else(|| NOT_SET.into(), |r| format!("{} of 5", r.get()))
}

fn date(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| NOT_SET.into(), written)
}

fn days(n: u32) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

/// Items of a list on one line, or "Not set" when there are none.
fn list(items: &[String]) -> String {
    let items: Vec<String> = items
        .iter()
        .filter(|i| !i.trim().is_empty())
        .map(|i| text(i))
        .collect();
    if items.is_empty() {
        NOT_SET.into()
    } else {
        items.join("; ")
    }
}

/// A number and its unit, the unit written as Markdown text.
fn quantity(value: f64, unit: &str) -> String {
    match unit.trim() {
        "" | "%" => written::quantity(value, unit),
        unit => format!("{} {}", number(value), text(unit)),
    }
}

/// User text as Markdown text: trimmed, "Not set" when empty, line breaks turned into spaces,
/// and escaped only where a character would change what the line means, so that the text
/// reads as typed in chat and email ("parental-controls", "snake_case", "Q1 & Q2") and still
/// cannot open a heading, a list, a quote, emphasis, code, a link or raw HTML:
///
/// - anywhere: `\`, `` ` ``, `*`, `[`, `]` and `<`; `_` and `~` only where they could open or
///   close emphasis (at a word's edge, or `~~`); `&` only where it could start an entity;
/// - at the start (where the text may begin a line or a list item): `#`, `-`, `+`, `>`, `=`,
///   and the `.` or `)` after leading digits ("1. first").
fn text(value: &str) -> String {
    let value = value.trim();
    if value.is_empty() {
        return NOT_SET.into();
    }
    let chars: Vec<char> = value
        .chars()
        .map(|c| if c == '\r' || c == '\n' { ' ' } else { c })
        .filter(|c| !c.is_control() || *c == '\t')
        .collect();
    let word = |at: Option<&char>| at.is_some_and(|c| c.is_alphanumeric());
    let mut out = String::with_capacity(value.len() + 8);
    let leading_digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|b| chars.get(b));
        let after = chars.get(i + 1);
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' => true,
            '_' => !(word(before) && word(after)),
            '~' => before == Some(&'~') || after == Some(&'~'),
            '&' => after.is_some_and(|a| a.is_alphanumeric() || *a == '#'),
            '#' | '-' | '+' | '>' | '=' => i == 0,
            '.' | ')' => i > 0 && i == leading_digits,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::MODEL;
    use crate::domain::{
        Confidence, LogEntry, Partner, PartnerKind, PlanId, Side, Stage, DEFAULT_PILOT_DAYS,
    };
    use chrono::{TimeZone, Utc};

    use crate::domain::dates::ymd as d;

    fn today() -> NaiveDate {
        d(2026, 11, 23)
    }

    fn plan() -> Plan {
        let partner = Partner::named("Northwind Mobile", PartnerKind::Telco);
        let now = Utc
            .with_ymd_and_hms(2026, 11, 1, 9, 0, 0)
            .single()
            .expect("valid test time");
        let mut plan = Plan::draft("Business Flex bundle", partner, now);
        plan.id = PlanId("plan-1".into());
        plan
    }

    fn step(id: &str, title: &str, due_on: Option<NaiveDate>, done_on: Option<NaiveDate>) -> Step {
        Step {
            id: id.into(),
            title: title.into(),
            owner_side: Side::Ours,
            owner_name: "Ana".into(),
            created_on: d(2026, 11, 1),
            due_on,
            committed_on: None,
            done_on,
        }
    }

    #[test]
    fn user_text_cannot_become_markdown() {
        assert_eq!(text("# hi"), r"\# hi");
        assert_eq!(
            text("[x](javascript:alert(1))"),
            r"\[x\](javascript:alert(1))"
        );
        assert_eq!(text("<script>"), r"\<script>");
        assert_eq!(text("a\\b `c` *d* _e_ ~~f~~ |g| !h +i -j &amp;"), {
            r"a\\b \`c\` \*d\* \_e\_ \~\~f\~\~ |g| !h +i -j \&amp;"
        });
        assert_eq!(text("one\ntwo\r\n# three"), r"one two  # three");
        // What reads as typed stays as typed.
        assert_eq!(text("parental-controls"), "parental-controls");
        assert_eq!(text("snake_case names"), "snake_case names");
        assert_eq!(text("Q1 & Q2: 50% (net)"), "Q1 & Q2: 50% (net)");
        assert_eq!(text("-5% churn"), r"\-5% churn");
        assert_eq!(text("3) third"), r"3\) third");
        assert_eq!(text("  1. first  "), r"1\. first");
        assert_eq!(text("v1.2"), "v1.2");
        assert_eq!(text(" \n "), "Not set");
        assert_eq!(
            text("Überbank 🚀 \u{202E}olleh"),
            "Überbank 🚀 \u{202E}olleh"
        );
    }

    #[test]
    fn hostile_values_stay_inside_their_line() {
        let mut plan = plan();
        plan.name = "# hi\n- [x](javascript:alert(1))".into();
        plan.steps = vec![step("a", "<script>alert(1)</script>\n# Owned", None, None)];
        plan.parking_lot = vec!["1. numbered\n> quote".into()];
        let md = plan_markdown(&plan, today(), &MODEL);
        assert!(md.starts_with("# \\# hi - \\[x\\](javascript:alert(1))\n"));
        assert!(md.contains("- [ ] \\<script>alert(1)\\</script> # Owned — Us: Ana"));
        assert!(md.contains("\n- 1\\. numbered > quote\n"));
        // No raw HTML and no link: every "<" and "[" of typed text is escaped.
        let escaped = |c: char| md.match_indices(c).all(|(i, _)| md[..i].ends_with('\\'));
        assert!(escaped('<'), "{md}");
        assert!(!md.contains("[x]"), "{md}");
        // The only headings are the ones the summary writes.
        let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
        assert_eq!(headings.len(), 7, "{headings:?}");
    }

    #[test]
    fn an_empty_plan_reads_not_set() {
        let md = plan_markdown(&plan(), today(), &MODEL);
        assert!(md.contains("Northwind Mobile · Telco · Designing\n"));
        assert!(md.contains("**Launch readiness:** "));
        assert!(md.contains("- **Use case:** Not set\n"));
        assert!(md.contains("- **Primary metric:** Not set\n"));
        assert!(md.contains("- **Out of scope:** Not set\n"));
        assert!(md.contains("- **Launch date:** Not set\n"));
        assert!(md.contains(&format!("- **Pilot length:** {DEFAULT_PILOT_DAYS} days\n")));
        assert!(md.contains("- **Key results:** Not set\n"));
        assert!(md.contains("  - Next sync: Not set\n"));
        assert!(md.contains("No next steps yet."));
        assert!(md.contains("Exported from Pilotdeck on 23 Nov 2026."));
    }

    #[test]
    fn sections_come_in_order_one_blank_line_apart() {
        let md = plan_markdown(&plan(), today(), &MODEL);
        assert!(!md.contains("\n\n\n"), "{md}");
        let order: Vec<usize> = [
            "## Timing",
            "## Fastest joint win",
            "## Foundation",
            "## Next steps",
            "## Parking lot",
            "## Recent log",
        ]
        .iter()
        .map(|h| md.find(h).unwrap_or(usize::MAX))
        .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    }

    #[test]
    fn the_pilot_and_foundation_show_numbers_dates_and_progress() {
        let mut plan = plan();
        plan.pilot.primary_metric.name = "Bookings".into();
        plan.pilot.primary_metric.baseline = Some(0.0);
        plan.pilot.primary_metric.target = Some(12.5);
        plan.pilot.primary_metric.unit = "bookings/week".into();
        plan.pilot.out_of_scope = vec!["Consumer plans".into(), "Roaming".into()];
        plan.pilot.launch_on = Some(d(2026, 12, 1));
        plan.foundation.rhythm.next_sync_on = Some(d(2026, 11, 25));
        plan.foundation.key_results = vec![KeyResult {
            name: "Activations".into(),
            baseline: 0.0,
            target: 8.0,
            current: Some(1.0),
            unit: "%".into(),
            due_on: Some(d(2026, 12, 23)),
            confidence: Some(Confidence::AtRisk),
            checked_on: Some(d(2026, 11, 20)),
        }];
        let md = plan_markdown(&plan, today(), &MODEL);
        assert!(
            md.contains("- **Primary metric:** Bookings: 0 bookings/week → 12.5 bookings/week\n"),
            "{md}"
        );
        assert!(md.contains("- **Out of scope:** Consumer plans; Roaming\n"));
        assert!(md.contains("- **Launch date:** 1 Dec 2026\n"));
        // 1 of 8 is 12.5%: a half, rounded up.
        assert!(md.contains(
            "  - Activations: 0% → 8% · now 1% (13% of the way) · At risk on 20 Nov 2026 · due 23 Dec 2026\n"
        ));
        assert!(md.contains("  - Next sync: 25 Nov 2026\n"));
    }

    #[test]
    fn percent_rounds_half_up() {
        assert_eq!(percent(0.0), 0);
        assert_eq!(percent(0.125), 13);
        assert_eq!(percent(0.1249), 12);
        assert_eq!(percent(0.005), 1);
        assert_eq!(percent(0.004_999), 0);
        assert_eq!(percent(1.0), 100);
        assert_eq!(percent(f64::NAN), 0);
    }

    #[test]
    fn steps_open_first_by_due_then_done_latest_first() {
        let mut plan = plan();
        plan.steps = vec![
            step("a", "Later", Some(d(2026, 12, 5)), None),
            step(
                "b",
                "Done first",
                Some(d(2026, 11, 1)),
                Some(d(2026, 11, 10)),
            ),
            step("c", "Undated", None, None),
            step("d", "Sooner", Some(d(2026, 11, 30)), None),
            step("e", "Done last", None, Some(d(2026, 11, 20))),
        ];
        let md = plan_markdown(&plan, today(), &MODEL);
        let steps: Vec<&str> = md.lines().filter(|l| l.starts_with("- [")).collect();
        assert_eq!(
            steps,
            vec![
                "- [ ] Sooner — Us: Ana · due 30 Nov 2026",
                "- [ ] Later — Us: Ana · due 5 Dec 2026",
                "- [ ] Undated — Us: Ana · no due date",
                "- [x] Done last — Us: Ana · done 20 Nov 2026",
                "- [x] Done first — Us: Ana · done 10 Nov 2026",
            ]
        );
    }

    #[test]
    fn the_log_keeps_the_ten_newest_entries() {
        let mut plan = plan();
        plan.stage = Stage::Live;
        plan.pilot.launch_on = Some(d(2026, 10, 1));
        for i in 0..12u32 {
            plan.log.push(LogEntry {
                id: format!("log-{i}"),
                on: d(2026, 11, i + 1),
                kind: if i == 11 {
                    LogKind::ExecSync
                } else {
                    LogKind::Note
                },
                text: format!("entry {i}"),
                both_sponsors_present: true,
                internal: false,
                step_id: None,
                owner_name: String::new(),
                resolved_on: None,
            });
        }
        let md = plan_markdown(&plan, today(), &MODEL);
        assert!(md.contains("**Momentum:** "));
        let log = md.split("## Recent log").nth(1).unwrap_or_default();
        let entries: Vec<&str> = log.lines().filter(|l| l.starts_with("- ")).collect();
        assert_eq!(entries.len(), RECENT_LOG_ENTRIES);
        assert_eq!(
            entries[0],
            "- 12 Nov 2026 · Exec sync (both sponsors): entry 11"
        );
        assert_eq!(entries[9], "- 3 Nov 2026 · Note: entry 2");
    }

    #[test]
    fn a_stopped_plan_says_so_and_the_file_is_named_like_the_export() {
        let mut plan = plan();
        plan.stage = Stage::Stopped;
        let (name, md) = markdown_file(&plan, today(), &MODEL);
        assert_eq!(name, "pilotdeck-northwind-mobile-2026-11-23.md");
        assert!(md.contains("**Stopped:** no longer scored."));
    }
}
