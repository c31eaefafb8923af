//! Calendar files (RFC 5545) for a plan: the sync rhythm, the review date and the step due dates.
//!
//! Written by hand rather than with a calendar crate: the file holds a few all-day events, and
//! the browser bundle stays small. Every text value is escaped and every line folded, so any
//! name or title a user typed (emoji, right-to-left marks, line breaks) still gives a valid file.

use super::export::plan_file_name;
use crate::domain::calendar::add_days;
use crate::domain::{Cadence, Plan};
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

/// How many syncs a rhythm repeats for when no later review date ends it: about a quarter of
/// weekly syncs, without filling someone's calendar for years.
const UNBOUNDED_SYNCS: u32 = 12;

/// The longest line RFC 5545 §3.1 allows, in octets, not counting the line break.
const MAX_LINE_OCTETS: usize = 75;

/// The plan's dates as an iCalendar file, stamped `now`.
pub fn plan_calendar(plan: &Plan, now: DateTime<Utc>) -> String {
    let mut out = Writer::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line("PRODID:-//Pilotdeck//Pilotdeck//EN");
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    out.text("X-WR-CALNAME", &plan.name);

    let stamp = utc_stamp(now);
    let rhythm = &plan.foundation.rhythm;
    if let Some(start) = rhythm.next_sync_on {
        let end = match rhythm.review_on {
            Some(review) if review > start => date_value(review).map(|d| format!("UNTIL={d}")),
            _ => None,
        };
        let rule = format!(
            "RRULE:{};{}",
            frequency(rhythm.cadence_days),
            end.unwrap_or_else(|| format!("COUNT={UNBOUNDED_SYNCS}"))
        );
        let description = format!(
            "{} sync with {}.",
            rhythm.cadence_days.label(),
            or_not_set(&plan.partner.name)
        );
        let event = Event {
            what: "sync",
            on: start,
            summary: format!("Partner sync: {}", plan.name),
            description,
            rule: Some(rule),
        };
        out.event(plan, &stamp, event);
    }
    if let Some(review) = rhythm.review_on {
        let event = Event {
            what: "review",
            on: review,
            summary: format!("30-day review: {}", plan.name),
            description: format!(
                "Review the pilot with {}: keep, change or stop.",
                or_not_set(&plan.partner.name)
            ),
            rule: None,
        };
        out.event(plan, &stamp, event);
    }
    for step in plan.steps.iter().filter(|s| s.done_on.is_none()) {
        let Some(due) = step.due_on else { continue };
        let owner = match step.owner_name.trim() {
            "" => step.owner_side.owner_label().to_string(),
            name => format!("{} — {name}", step.owner_side.owner_label()),
        };
        let event = Event {
            what: &format!("step-{}", step.id),
            on: due,
            summary: format!("Due: {}", step.title),
            description: format!("Owner: {owner}\nPlan: {}", plan.name),
            rule: None,
        };
        out.event(plan, &stamp, event);
    }
    out.line("END:VCALENDAR");
    out.text
}

/// The plan's calendar as a file: its name (after the partner, like the plan's JSON export) and
/// its text.
pub fn calendar_file(plan: &Plan, now: DateTime<Utc>, today: NaiveDate) -> (String, String) {
    (plan_file_name(plan, today, "ics"), plan_calendar(plan, now))
}

/// One all-day event before it is written.
struct Event<'a> {
    /// What the event is for, unique within the plan: it makes the UID stable across exports,
    /// so importing a newer file updates the event instead of adding a second one.
    what: &'a str,
    on: NaiveDate,
    summary: String,
    description: String,
    rule: Option<String>,
}

/// The file as it is built: content lines folded and ended with CRLF.
#[derive(Default)]
struct Writer {
    text: String,
}

impl Writer {
    fn event(&mut self, plan: &Plan, stamp: &str, event: Event<'_>) {
        // A date whose next day has no four-digit year cannot be written as a DATE value;
        // leaving the event out keeps the rest of the file readable.
        let (Some(start), Some(end)) = (date_value(event.on), date_value(add_days(event.on, 1)))
        else {
            return;
        };
        self.line("BEGIN:VEVENT");
        self.text("UID", &format!("{}-{}@pilotdeck", plan.id, event.what));
        self.line(&format!("DTSTAMP:{stamp}"));
        self.line(&format!("DTSTART;VALUE=DATE:{start}"));
        self.line(&format!("DTEND;VALUE=DATE:{end}"));
        if let Some(rule) = &event.rule {
            self.line(rule);
        }
        self.text("SUMMARY", &event.summary);
        self.text("DESCRIPTION", &event.description);
        self.line("END:VEVENT");
    }

    /// A property whose value is TEXT, escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape_text(value)));
    }

    /// A content line, folded so no line is longer than 75 octets.
    fn line(&mut self, line: &str) {
        fold_into(&mut self.text, line);
    }
}

/// The rule part that repeats a sync at its cadence. A month is written as 30 days rather than
/// FREQ=MONTHLY: the plan's cadence is 30 days, and monthly dates would drift from it.
fn frequency(cadence: Cadence) -> &'static str {
    match cadence {
        Cadence::Weekly => "FREQ=WEEKLY;INTERVAL=1",
        Cadence::Fortnightly => "FREQ=WEEKLY;INTERVAL=2",
        Cadence::Monthly => "FREQ=DAILY;INTERVAL=30",
    }
}

/// A DATE value (`20261123`), or `None` outside the four-digit years the format has.
fn date_value(date: NaiveDate) -> Option<String> {
    (0..=9999)
        .contains(&date.year())
        .then(|| format!("{:04}{:02}{:02}", date.year(), date.month(), date.day()))
}

/// A DATE-TIME in UTC, basic format (`20261123T090000Z`).
fn utc_stamp(at: DateTime<Utc>) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        at.year().clamp(0, 9999),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

fn or_not_set(text: &str) -> &str {
    match text.trim() {
        "" => "Not set",
        text => text,
    }
}

/// Escapes a TEXT value (RFC 5545 §3.3.11). Any line break (CRLF, LF or a lone CR) becomes
/// `\n`; other control characters, which TEXT does not allow, are dropped.
fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_ascii_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` with CRLF, folded (RFC 5545 §3.1): at most 75 octets a line, continuation
/// lines starting with one space, and never inside a UTF-8 character.
fn fold_into(out: &mut String, line: &str) {
    let mut octets = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if octets + width > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += width;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Partner, PartnerKind, Side, Step};
    use chrono::TimeZone;

    use crate::domain::dates::ymd as d;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 5, 7)
            .single()
            .expect("valid test time")
    }

    fn step(id: &str, title: &str, due_on: Option<NaiveDate>, done: bool) -> Step {
        Step {
            id: id.into(),
            title: title.into(),
            owner_side: Side::Theirs,
            owner_name: "Dana Ruiz".into(),
            created_on: d(2026, 11, 1),
            due_on,
            committed_on: None,
            done_on: done.then(|| d(2026, 11, 20)),
        }
    }

    fn plan() -> Plan {
        let partner = Partner::named("Northwind Mobile", PartnerKind::Telco);
        let mut plan = Plan::draft("Business Flex bundle", partner, now());
        plan.id = crate::domain::PlanId("plan-1".into());
        plan.foundation.rhythm.next_sync_on = Some(d(2026, 11, 25));
        plan.foundation.rhythm.review_on = Some(d(2026, 12, 23));
        plan
    }

    /// The unfolded content lines.
    fn lines(text: &str) -> Vec<String> {
        text.replace("\r\n ", "")
            .split("\r\n")
            .map(str::to_string)
            .collect()
    }

    fn property<'a>(lines: &'a [String], name: &str) -> Vec<&'a str> {
        lines
            .iter()
            .filter_map(|l| l.strip_prefix(name))
            .filter_map(|l| l.strip_prefix(':'))
            .collect()
    }

    #[test]
    fn text_is_escaped_per_rfc_5545() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(
            escape_text("one\r\ntwo\nthree\rfour"),
            r"one\ntwo\nthree\nfour"
        );
        assert_eq!(escape_text("tab\there\u{7}bell"), "tab\therebell");
        assert_eq!(
            escape_text("Überbank 🚀 \u{202E}olleh"),
            "Überbank 🚀 \u{202E}olleh"
        );
    }

    #[test]
    fn lines_fold_at_exactly_75_octets() {
        let mut out = String::new();
        fold_into(&mut out, &"a".repeat(75));
        assert_eq!(out, format!("{}\r\n", "a".repeat(75)));

        let mut out = String::new();
        fold_into(&mut out, &"a".repeat(76));
        assert_eq!(out, format!("{}\r\n a\r\n", "a".repeat(75)));

        // 74 ASCII octets and a 2-octet "é": the "é" would end at octet 76, so it moves whole
        // to the next line.
        let mut out = String::new();
        fold_into(&mut out, &format!("{}é", "a".repeat(74)));
        assert_eq!(out, format!("{}\r\n é\r\n", "a".repeat(74)));

        // A 4-octet emoji that ends exactly at octet 75 stays on the line.
        let mut out = String::new();
        fold_into(&mut out, &format!("{}🚀b", "a".repeat(71)));
        assert_eq!(out, format!("{}🚀\r\n b\r\n", "a".repeat(71)));
    }

    #[test]
    fn folded_lines_are_short_valid_utf8_and_unfold_to_the_original() {
        let line = format!("SUMMARY:{}", "Ünïcødé 🚀 \u{202E}中文 ".repeat(40));
        let mut out = String::new();
        fold_into(&mut out, &line);
        for (i, piece) in out.trim_end_matches("\r\n").split("\r\n").enumerate() {
            assert!(
                piece.len() <= MAX_LINE_OCTETS,
                "line {i} has {}",
                piece.len()
            );
            assert_eq!(i > 0, piece.starts_with(' '));
        }
        assert_eq!(out.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn every_line_ends_with_crlf_and_the_calendar_says_what_it_is() {
        let text = plan_calendar(&plan(), now());
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains(['\r', '\n']));
        let lines = lines(&text);
        for expected in [
            "PRODID:-//Pilotdeck//Pilotdeck//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Business Flex bundle",
            "DTSTAMP:20261123T090507Z",
            "UID:plan-1-sync@pilotdeck",
            "UID:plan-1-review@pilotdeck",
        ] {
            assert!(lines.iter().any(|l| l == expected), "{expected} in {text}");
        }
    }

    #[test]
    fn the_rhythm_repeats_at_its_cadence_until_the_review() {
        for (cadence, freq) in [
            (Cadence::Weekly, "FREQ=WEEKLY;INTERVAL=1"),
            (Cadence::Fortnightly, "FREQ=WEEKLY;INTERVAL=2"),
            (Cadence::Monthly, "FREQ=DAILY;INTERVAL=30"),
        ] {
            let mut plan = plan();
            plan.foundation.rhythm.cadence_days = cadence;
            let text = plan_calendar(&plan, now());
            let lines = lines(&text);
            assert_eq!(
                property(&lines, "RRULE"),
                vec![format!("{freq};UNTIL=20261223")]
            );
            assert_eq!(
                property(&lines, "DTSTART;VALUE=DATE"),
                vec!["20261125", "20261223"]
            );
            assert_eq!(
                property(&lines, "DTEND;VALUE=DATE"),
                vec!["20261126", "20261224"]
            );
        }
    }

    #[test]
    fn without_a_later_review_the_rhythm_stops_after_twelve_syncs() {
        let mut plan = plan();
        plan.foundation.rhythm.review_on = None;
        let text = plan_calendar(&plan, now());
        assert_eq!(
            property(&lines(&text), "RRULE"),
            vec!["FREQ=WEEKLY;INTERVAL=2;COUNT=12"]
        );

        // A review on or before the first sync cannot end the rhythm.
        for review in [d(2026, 11, 25), d(2026, 11, 1)] {
            plan.foundation.rhythm.review_on = Some(review);
            let text = plan_calendar(&plan, now());
            assert_eq!(
                property(&lines(&text), "RRULE"),
                vec!["FREQ=WEEKLY;INTERVAL=2;COUNT=12"]
            );
        }
    }

    #[test]
    fn no_sync_date_no_review_date_no_events_for_them() {
        let mut plan = plan();
        plan.foundation.rhythm.next_sync_on = None;
        plan.foundation.rhythm.review_on = None;
        let text = plan_calendar(&plan, now());
        assert!(!text.contains("BEGIN:VEVENT"));
        assert!(!text.contains("RRULE"));
    }

    #[test]
    fn open_steps_with_a_due_date_are_events_done_and_undated_ones_are_not() {
        let mut plan = plan();
        plan.steps = vec![
            step("a", "Send the offer sheet", Some(d(2026, 11, 30)), false),
            step("b", "Sign the NDA", Some(d(2026, 11, 24)), true),
            step("c", "Pick a launch city", None, false),
        ];
        let text = plan_calendar(&plan, now());
        let lines = lines(&text);
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 3);
        assert_eq!(
            property(&lines, "SUMMARY"),
            vec![
                "Partner sync: Business Flex bundle",
                "30-day review: Business Flex bundle",
                "Due: Send the offer sheet",
            ]
        );
        assert!(lines.iter().any(|l| l == "UID:plan-1-step-a@pilotdeck"));
        assert!(lines.iter().any(
            |l| l == r"DESCRIPTION:Owner: The partner — Dana Ruiz\nPlan: Business Flex bundle"
        ));
        assert!(!text.contains("step-b"));
        assert!(!text.contains("step-c"));
    }

    #[test]
    fn hostile_text_still_gives_short_lines_and_one_line_per_property() {
        let mut plan = plan();
        plan.name = "Evil\r\nBEGIN:VEVENT\r\nSUMMARY:pwned; a,b \\ 🚀 \u{202E}".into();
        plan.steps = vec![step(
            "x",
            &format!("Line one\nLine two {}", "é🚀".repeat(1_333)),
            Some(d(2026, 12, 1)),
            false,
        )];
        let text = plan_calendar(&plan, now());
        for line in text.split("\r\n") {
            assert!(line.len() <= MAX_LINE_OCTETS, "{line}");
        }
        let lines = lines(&text);
        // The name's "BEGIN:VEVENT" stays inside its property: three events, not four.
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 3);
        assert!(lines
            .iter()
            .any(|l| l
                == "X-WR-CALNAME:Evil\\nBEGIN:VEVENT\\nSUMMARY:pwned\\; a\\,b \\\\ 🚀 \u{202E}"));
    }

    #[test]
    fn dates_without_a_four_digit_year_are_left_out() {
        let mut plan = plan();
        plan.foundation.rhythm.next_sync_on = None;
        plan.foundation.rhythm.review_on = Some(d(9999, 12, 31));
        let text = plan_calendar(&plan, now());
        assert!(!text.contains("BEGIN:VEVENT"));
        assert_eq!(date_value(d(2026, 1, 5)).as_deref(), Some("20260105"));
    }

    #[test]
    fn the_file_is_named_after_the_partner_then_the_plan() {
        let mut plan = plan();
        let day = d(2026, 11, 23);
        let (name, text) = calendar_file(&plan, now(), day);
        assert_eq!(name, "pilotdeck-northwind-mobile-2026-11-23.ics");
        assert_eq!(text, plan_calendar(&plan, now()));
        plan.partner.name = "«»".into();
        assert_eq!(
            calendar_file(&plan, now(), day).0,
            "pilotdeck-business-flex-bundle-2026-11-23.ics"
        );
        plan.name = "🚀".into();
        assert_eq!(
            calendar_file(&plan, now(), day).0,
            "pilotdeck-2026-11-23.ics"
        );
    }
}
