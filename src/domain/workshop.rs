//! Workshop mode (SPEC §5): the deck built from a plan — a title, one slide per lesson, the
//! parking lot and a closing slide — with facilitation notes for the presenter, a timebox per
//! slide, and the messages that keep the deck and the presenter view in step.
//!
//! Pure like the rest of the domain: the clock is a parameter (milliseconds since the Unix
//! epoch, which two windows of one browser share), so the timer is tested without waiting.

use super::calendar::days_between;
use super::prompts;
use super::scoring::readiness::owned_dated_open_steps;
use super::scoring::{Check, ScoreModel};
use super::{Plan, Step};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One slide of the deck, in the order it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slide {
    Title,
    Foundation,
    Timing,
    StartSmall,
    LaunchEnergy,
    Motion,
    ParkingLot,
    Closing,
}

/// The deck, first slide to last.
pub const DECK: [Slide; 8] = [
    Slide::Title,
    Slide::Foundation,
    Slide::Timing,
    Slide::StartSmall,
    Slide::LaunchEnergy,
    Slide::Motion,
    Slide::ParkingLot,
    Slide::Closing,
];

/// What the facilitator reads in the presenter view for one slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notes {
    /// What to ask the room.
    pub ask: &'static str,
    /// What a good answer sounds like.
    pub good_answer: &'static str,
    /// The trap to avoid.
    pub trap: &'static str,
}

impl Slide {
    /// The slide at a position in the deck (0-based).
    pub fn at(index: usize) -> Option<Slide> {
        DECK.get(index).copied()
    }

    /// The slide's position in the deck (0-based).
    pub fn index(self) -> usize {
        DECK.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The slide's heading.
    pub fn title(self) -> &'static str {
        match self {
            Slide::Title => "Partnership workshop",
            Slide::Foundation => "Foundation",
            Slide::Timing => "Timing",
            Slide::StartSmall => "Start small",
            Slide::LaunchEnergy => "Launch energy",
            Slide::Motion => "Motion",
            Slide::ParkingLot => "Parking lot",
            Slide::Closing => "Agreed next steps",
        }
    }

    /// The lesson of SPEC §1 the slide stands for, in a few words.
    pub fn lesson(self) -> Option<&'static str> {
        match self {
            Slide::Foundation => Some("Build the foundation"),
            Slide::Timing => Some("Check the timing"),
            Slide::StartSmall => Some("Start with one winnable use case"),
            Slide::LaunchEnergy => Some("Secure the next three steps"),
            Slide::Motion => Some("Launch a scrappy V1 in 30 days"),
            Slide::Title | Slide::ParkingLot | Slide::Closing => None,
        }
    }

    /// The question shown in large type.
    pub fn prompt(self) -> &'static str {
        match self {
            Slide::Title => "One pilot, one use case, launched within 30 days. Let's agree how.",
            Slide::Foundation => prompts::FOUNDATION,
            Slide::Timing => prompts::TIMING,
            Slide::StartSmall => prompts::FASTEST_JOINT_WIN,
            Slide::LaunchEnergy => prompts::NEXT_STEPS,
            Slide::Motion => prompts::SCRAPPY_V1,
            Slide::ParkingLot => {
                "Good ideas that are not for this pilot: park them here, so they stop competing with the one use case."
            }
            Slide::Closing => {
                "Before anyone leaves: does every owner agree to their step and its date?"
            }
        }
    }

    /// The timebox a slide starts with, in minutes: about an hour for the whole deck.
    pub fn default_minutes(self) -> u32 {
        match self {
            Slide::Title => 3,
            Slide::Foundation => 10,
            Slide::Timing => 8,
            Slide::StartSmall => 10,
            Slide::LaunchEnergy => 8,
            Slide::Motion => 6,
            Slide::ParkingLot => 5,
            Slide::Closing => 5,
        }
    }

    /// The launch-readiness checks this slide's answers settle.
    pub fn checks(self) -> &'static [Check] {
        match self {
            Slide::Foundation => &[
                Check::SharedObjective,
                Check::Owners,
                Check::Sponsors,
                Check::Rhythm,
            ],
            Slide::Timing => &[Check::Timing],
            Slide::StartSmall => &[Check::UseCase, Check::PrimaryMetric, Check::StopCondition],
            Slide::LaunchEnergy => &[Check::NextSteps],
            Slide::Motion => &[Check::LaunchDate],
            Slide::Title | Slide::ParkingLot | Slide::Closing => &[],
        }
    }

    /// Facilitation notes for the presenter view.
    pub fn notes(self) -> Notes {
        match self {
            Slide::Title => Notes {
                ask: "Why are we here? Ask each side to say, in one sentence, what they want to leave this session with.",
                good_answer: "Both sides name the same outcome, and who decides on their side.",
                trap: "Spending the session on introductions and company overviews. Keep the opening to a few minutes.",
            },
            Slide::Foundation => Notes {
                ask: "Which one objective would both leaderships sign? Which one to three numbers prove we are getting there? Who owns this, who sponsors it, and how often do we meet?",
                good_answer: "One sentence both sides would repeat; key results with a baseline and a target; a named person as owner and as sponsor on each side; the next sync already in calendars.",
                trap: "Vague goals (\"drive synergies\"), or owners named as teams instead of people.",
            },
            Slide::Timing => Notes {
                ask: "What is top-of-mind for your leadership this quarter? Where does this partnership fit into that picture — or not?",
                good_answer: "A specific priority in their words (a target, a launch, a cost line) and a clear line from this pilot to it.",
                trap: "Hearing \"this is strategic\" and moving on. If it does not connect to this quarter, park it with a date instead of launching into silence.",
            },
            Slide::StartSmall => Notes {
                ask: "What is the fastest joint win we can deliver together? Which one use case, for which segment, measured by which number — and what result would make us stop?",
                good_answer: "One use case for one segment, a metric with a baseline and a target, a first win within weeks, and a stop condition both sides accept.",
                trap: "Adding a second use case \"while we're at it\". Put it in the parking lot.",
            },
            Slide::LaunchEnergy => Notes {
                ask: "What are the next three steps, who owns each by name, and by when? Which one does the partner own?",
                good_answer: "Three steps with a person and a date each, at least one owned by the partner or jointly, all due within the next 30 days.",
                trap: "Ending on \"let's follow up by email\". Nothing leaves the room without an owner and a date.",
            },
            Slide::Motion => Notes {
                ask: "What is the scrappiest version we could launch within 30 days? What are we deliberately leaving out of V1?",
                good_answer: "A launch date inside 30 days and a short list of what V1 will not do.",
                trap: "Polishing the plan for another month. Thirty days of doing teach more than thirty more slides.",
            },
            Slide::ParkingLot => Notes {
                ask: "What came up that matters, but not for this pilot?",
                good_answer: "Short items both sides recognise, to look at again at the 30-day review.",
                trap: "Reopening parked ideas now. Parked means later, not never.",
            },
            Slide::Closing => Notes {
                ask: "Read the next three steps aloud. Does each owner agree to their date? When is the next sync?",
                good_answer: "Every owner says yes out loud, and the next sync is in the calendar before people leave.",
                trap: "Ending without confirming owners, or without sending the plan to the partner: export it now.",
            },
        }
    }
}

/// The most minutes one slide's timebox may have.
pub const MAX_MINUTES: u32 = 60;

const MINUTE_MS: u64 = 60_000;

/// A slide's countdown. Running time is counted from `running_since`, an instant both windows
/// of one browser agree on, so the deck and the presenter view show the same clock.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timer {
    /// The timebox, in milliseconds.
    pub limit_ms: u64,
    /// Time counted before the current run.
    pub used_ms: u64,
    /// When the current run started (ms since the Unix epoch); `None` while paused.
    pub running_since: Option<f64>,
}

/// Where a countdown stands, for what the clock shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Not started on this slide.
    Ready,
    Running,
    Paused,
    /// The timebox is used up: the gentle end signal.
    Over,
}

impl Timer {
    pub fn new(minutes: u32) -> Self {
        Self {
            limit_ms: u64::from(minutes.clamp(1, MAX_MINUTES)) * MINUTE_MS,
            used_ms: 0,
            running_since: None,
        }
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Time counted at `now`. A clock that went backwards counts as no time.
    pub fn elapsed_ms(&self, now: f64) -> u64 {
        let running = self
            .running_since
            .map(|since| (now - since).max(0.0) as u64)
            .unwrap_or(0);
        self.used_ms.saturating_add(running)
    }

    /// Milliseconds left at `now`; negative once the timebox is over.
    pub fn remaining_ms(&self, now: f64) -> i64 {
        self.limit_ms as i64 - self.elapsed_ms(now).min(i64::MAX as u64) as i64
    }

    /// The share of the timebox used, 0–1.
    pub fn used_share(&self, now: f64) -> f64 {
        (self.elapsed_ms(now) as f64 / self.limit_ms.max(1) as f64).min(1.0)
    }

    pub fn phase(&self, now: f64) -> Phase {
        if self.remaining_ms(now) <= 0 {
            Phase::Over
        } else if self.is_running() {
            Phase::Running
        } else if self.used_ms == 0 {
            Phase::Ready
        } else {
            Phase::Paused
        }
    }

    /// Starts a paused countdown, or pauses a running one.
    pub fn toggle(&mut self, now: f64) {
        if self.is_running() {
            self.used_ms = self.elapsed_ms(now);
            self.running_since = None;
        } else {
            self.running_since = Some(now);
        }
    }

    /// A new timebox of `minutes`, keeping the time already counted and whether it runs.
    pub fn set_minutes(&mut self, minutes: u32) {
        self.limit_ms = u64::from(minutes.clamp(1, MAX_MINUTES)) * MINUTE_MS;
    }

    pub fn minutes(&self) -> u32 {
        (self.limit_ms / MINUTE_MS) as u32
    }
}

/// A countdown as a clock reads: "4:05" while time is left (whole seconds rounded up, so the
/// clock shows 0:00 only when time is up), "+0:12" after (as long as "0:12", so the control
/// bar keeps its layout; "Time's up" beside it says it in words).
pub fn clock(remaining_ms: i64) -> String {
    if remaining_ms > 0 {
        let seconds = (remaining_ms + 999) / 1000;
        format!("{}:{:02}", seconds / 60, seconds % 60)
    } else {
        let seconds = remaining_ms.unsigned_abs() / 1000;
        if seconds == 0 {
            "0:00".to_string()
        } else {
            format!("+{}:{:02}", seconds / 60, seconds % 60)
        }
    }
}

/// The live state of one workshop, shared by the deck and the presenter view: the slide on
/// screen, every slide's timebox, and the current slide's countdown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The slide on screen (0-based).
    pub slide: usize,
    /// Each slide's timebox in minutes, in deck order.
    pub minutes: Vec<u32>,
    pub timer: Timer,
}

impl Default for Session {
    fn default() -> Self {
        Self::at(0)
    }
}

impl Session {
    /// A new session on `slide` (clamped to the deck), every timebox at its default.
    pub fn at(slide: usize) -> Self {
        let slide = slide.min(DECK.len() - 1);
        let minutes: Vec<u32> = DECK.iter().map(|s| s.default_minutes()).collect();
        Self {
            timer: Timer::new(minutes[slide]),
            slide,
            minutes,
        }
    }

    pub fn current(&self) -> Slide {
        Slide::at(self.slide).unwrap_or(Slide::Title)
    }

    pub fn upcoming(&self) -> Option<Slide> {
        Slide::at(self.slide + 1)
    }

    pub fn is_first(&self) -> bool {
        self.slide == 0
    }

    pub fn is_last(&self) -> bool {
        self.slide + 1 >= DECK.len()
    }

    /// Shows `slide`: its countdown starts from its full timebox, and keeps running if the
    /// previous one was running. False when there is no such slide or it is already shown.
    pub fn go_to(&mut self, slide: usize, now: f64) -> bool {
        if slide >= DECK.len() || slide == self.slide {
            return false;
        }
        let running = self.timer.is_running();
        self.slide = slide;
        self.timer = Timer::new(self.minutes[slide]);
        if running {
            self.timer.running_since = Some(now);
        }
        true
    }

    pub fn next(&mut self, now: f64) -> bool {
        self.go_to(self.slide + 1, now)
    }

    pub fn previous(&mut self, now: f64) -> bool {
        self.slide > 0 && self.go_to(self.slide - 1, now)
    }

    /// Lengthens or shortens the current slide's timebox by `delta` minutes (1 to 60).
    pub fn adjust_minutes(&mut self, delta: i32) -> bool {
        let now = self.minutes[self.slide];
        let next = (i64::from(now) + i64::from(delta)).clamp(1, i64::from(MAX_MINUTES)) as u32;
        if next == now {
            return false;
        }
        self.minutes[self.slide] = next;
        self.timer.set_minutes(next);
        true
    }

    /// The session as read on another device's clock, `offset_ms` ahead of the sender's: a
    /// running countdown started at the same moment there, so both show the same time left
    /// however far apart the two clocks are.
    pub fn rebased(mut self, offset_ms: f64) -> Self {
        if let Some(since) = self.timer.running_since {
            self.timer.running_since = Some((since + offset_ms).max(0.0));
        }
        self
    }

    /// Whether a session received from another window makes sense for this deck.
    pub fn is_valid(&self) -> bool {
        self.slide < DECK.len()
            && self.minutes.len() == DECK.len()
            && self.minutes.iter().all(|m| (1..=MAX_MINUTES).contains(m))
            && self.timer.limit_ms == u64::from(self.minutes[self.slide]) * MINUTE_MS
            && self
                .timer
                .running_since
                .is_none_or(|since| since.is_finite() && since >= 0.0)
    }
}

/// The next three steps the closing slide asks the room to agree to: the open steps due
/// soonest, steps without a date last.
pub fn agreed_steps(plan: &Plan) -> Vec<&Step> {
    let mut open = plan.open_steps_by_due();
    open.truncate(3);
    open
}

/// How far the room is with the next three steps: owned, dated open steps and whether one of
/// them is the partner's, against the number launch needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Commitments {
    pub secured: usize,
    pub needed: usize,
    pub partner_owned: bool,
}

impl Commitments {
    pub fn of(plan: &Plan, today: NaiveDate, model: &ScoreModel) -> Self {
        let (secured, partner_owned) = owned_dated_open_steps(plan, today);
        Self {
            secured,
            needed: model.readiness.steps_needed,
            partner_owned,
        }
    }

    pub fn complete(&self) -> bool {
        self.secured >= self.needed && self.partner_owned
    }
}

/// Where the launch date stands, for the Motion slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaunchTiming {
    NotSet,
    /// Launched on this day; `day` days ago (0 on launch day).
    Launched {
        on: NaiveDate,
        day: i64,
    },
    /// Not launched, and the date has passed.
    Passed {
        on: NaiveDate,
    },
    /// In `days` days, within the model's window (30 days).
    Within {
        days: i64,
    },
    /// In `days` days: further away than the window allows.
    TooFar {
        days: i64,
    },
}

impl LaunchTiming {
    pub fn of(plan: &Plan, today: NaiveDate, model: &ScoreModel) -> Self {
        let Some(on) = plan.pilot.launch_on else {
            return LaunchTiming::NotSet;
        };
        let days = days_between(today, on);
        if plan.stage.has_launched() {
            LaunchTiming::Launched { on, day: -days }
        } else if days < 0 {
            LaunchTiming::Passed { on }
        } else if days <= model.readiness.launch_within_days {
            LaunchTiming::Within { days }
        } else {
            LaunchTiming::TooFar { days }
        }
    }

    /// Whether this is what lesson 5 asks for: launched, or launching within the window.
    pub fn on_track(self) -> bool {
        matches!(
            self,
            LaunchTiming::Launched { .. } | LaunchTiming::Within { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Partner, PartnerKind, Side};
    use chrono::{TimeZone, Utc};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn plan() -> Plan {
        let now = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
        let partner = Partner {
            name: "Northwind Mobile".into(),
            kind: PartnerKind::Telco,
            our_owner: "Maya".into(),
            their_champion: "Hannah".into(),
            notes: String::new(),
        };
        Plan::draft("Northwind pilot", partner, now)
    }

    fn step(id: &str, due: Option<u32>, done: Option<u32>, side: Side) -> Step {
        Step {
            id: id.into(),
            title: format!("Step {id}"),
            owner_side: side,
            owner_name: "Hannah".into(),
            created_on: day(1),
            due_on: due.map(day),
            committed_on: None,
            done_on: done.map(day),
        }
    }

    #[test]
    fn the_deck_has_a_title_five_lessons_a_parking_lot_and_a_close() {
        assert_eq!(DECK.first(), Some(&Slide::Title));
        assert_eq!(DECK.last(), Some(&Slide::Closing));
        assert_eq!(DECK.iter().filter(|s| s.lesson().is_some()).count(), 5);
        for (i, slide) in DECK.iter().enumerate() {
            assert_eq!(slide.index(), i);
            assert_eq!(Slide::at(i), Some(*slide));
            let notes = slide.notes();
            assert!(
                !notes.ask.is_empty() && !notes.good_answer.is_empty() && !notes.trap.is_empty()
            );
        }
        assert_eq!(Slide::at(DECK.len()), None);
        // About an hour in all.
        let total: u32 = DECK.iter().map(|s| s.default_minutes()).sum();
        assert!((45..=75).contains(&total), "{total} minutes");
    }

    #[test]
    fn lesson_slides_show_the_seed_prompts_and_settle_every_readiness_check() {
        assert_eq!(Slide::Foundation.prompt(), prompts::FOUNDATION);
        assert_eq!(Slide::Timing.prompt(), prompts::TIMING);
        assert_eq!(Slide::StartSmall.prompt(), prompts::FASTEST_JOINT_WIN);
        assert_eq!(Slide::LaunchEnergy.prompt(), prompts::NEXT_STEPS);
        assert_eq!(Slide::Motion.prompt(), prompts::SCRAPPY_V1);
        for check in Check::ALL {
            let slides = DECK.iter().filter(|s| s.checks().contains(&check)).count();
            assert_eq!(slides, 1, "{check:?} is settled on exactly one slide");
        }
    }

    #[test]
    fn a_timer_counts_down_only_while_running() {
        let mut t = Timer::new(5);
        assert_eq!(t.phase(1_000.0), Phase::Ready);
        assert_eq!(t.remaining_ms(1_000.0), 300_000);
        t.toggle(1_000.0);
        assert_eq!(t.phase(61_000.0), Phase::Running);
        assert_eq!(t.remaining_ms(61_000.0), 240_000);
        t.toggle(61_000.0);
        assert_eq!(t.phase(500_000.0), Phase::Paused);
        assert_eq!(
            t.remaining_ms(500_000.0),
            240_000,
            "paused time does not count"
        );
        t.toggle(500_000.0);
        assert_eq!(t.remaining_ms(740_000.0), 0);
        assert_eq!(t.phase(740_000.0), Phase::Over);
        assert_eq!(
            t.remaining_ms(752_000.0),
            -12_000,
            "it keeps counting past the end"
        );
        assert_eq!(t.used_share(752_000.0), 1.0);
    }

    #[test]
    fn a_clock_that_goes_backwards_counts_no_time() {
        let mut t = Timer::new(1);
        t.toggle(10_000.0);
        assert_eq!(t.elapsed_ms(9_000.0), 0);
        assert_eq!(t.remaining_ms(9_000.0), 60_000);
    }

    #[test]
    fn the_clock_reads_minutes_and_seconds_rounding_up_and_then_overtime() {
        assert_eq!(clock(300_000), "5:00");
        assert_eq!(clock(299_001), "5:00");
        assert_eq!(clock(299_000), "4:59");
        assert_eq!(clock(61_000), "1:01");
        assert_eq!(clock(400), "0:01");
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(-999), "0:00");
        assert_eq!(clock(-12_500), "+0:12");
        assert_eq!(clock(-125_000), "+2:05");
    }

    #[test]
    fn moving_between_slides_starts_each_timebox_afresh_and_keeps_the_timer_running() {
        let mut s = Session::default();
        assert!(s.is_first() && !s.previous(0.0));
        s.timer.toggle(0.0);
        assert!(s.next(30_000.0));
        assert_eq!(s.current(), Slide::Foundation);
        assert_eq!(s.timer.remaining_ms(30_000.0), 10 * 60_000);
        assert!(s.timer.is_running());
        s.timer.toggle(40_000.0);
        assert!(s.next(50_000.0));
        assert!(!s.timer.is_running(), "a paused timer stays paused");
        assert_eq!(s.timer.phase(50_000.0), Phase::Ready);
        assert!(!s.go_to(DECK.len(), 0.0));
        assert!(s.go_to(DECK.len() - 1, 0.0));
        assert!(s.is_last() && !s.next(0.0));
        assert_eq!(s.upcoming(), None);
        assert!(s.is_valid());
    }

    #[test]
    fn a_session_from_another_clock_shows_the_same_time_left() {
        let mut theirs = Session::at(2);
        // Started on their clock at 1,000,000; 90 s later on theirs, they send it.
        theirs.timer.toggle(1_000_000.0);
        let sent_at = 1_090_000.0;
        // Our clock runs 7 minutes behind theirs: we read it at what is their sent_at.
        let received_at = sent_at - 420_000.0;
        let ours = theirs.clone().rebased(received_at - sent_at);
        assert_eq!(
            ours.timer.remaining_ms(received_at),
            theirs.timer.remaining_ms(sent_at)
        );
        assert!(ours.is_valid());
        // A paused countdown has no instant to move.
        let paused = Session::at(2);
        assert_eq!(paused.clone().rebased(-5_000.0), paused);
    }

    #[test]
    fn a_timebox_is_adjusted_within_one_and_sixty_minutes_and_remembered_per_slide() {
        let mut s = Session::at(1);
        assert!(s.adjust_minutes(2));
        assert_eq!(s.minutes[1], 12);
        assert_eq!(s.timer.remaining_ms(0.0), 12 * 60_000);
        assert!(s.adjust_minutes(-100));
        assert_eq!(s.minutes[1], 1);
        assert!(!s.adjust_minutes(-1));
        assert!(s.adjust_minutes(500));
        assert_eq!(s.minutes[1], MAX_MINUTES);
        s.next(0.0);
        s.previous(0.0);
        assert_eq!(
            s.timer.minutes(),
            MAX_MINUTES,
            "the slide keeps its adjusted timebox"
        );
        assert!(s.is_valid());
    }

    #[test]
    fn the_agreed_steps_are_the_three_open_steps_due_soonest() {
        let mut p = plan();
        p.steps = vec![
            step("a", None, None, Side::Ours),
            step("b", Some(20), None, Side::Theirs),
            step("c", Some(10), Some(9), Side::Ours),
            step("d", Some(12), None, Side::Joint),
            step("e", Some(25), None, Side::Ours),
            step("f", Some(12), None, Side::Ours),
        ];
        let ids: Vec<&str> = agreed_steps(&p).iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["d", "f", "b"]);
    }

    #[test]
    fn commitments_count_owned_dated_open_steps_and_need_one_of_the_partners() {
        let model = crate::domain::scoring::MODEL;
        let mut p = plan();
        p.steps = vec![
            step("a", Some(20), None, Side::Ours),
            step("b", Some(21), None, Side::Ours),
            step("c", Some(22), None, Side::Ours),
        ];
        let c = Commitments::of(&p, day(10), &model);
        assert_eq!((c.secured, c.needed, c.partner_owned), (3, 3, false));
        assert!(!c.complete());
        p.steps[2].owner_side = Side::Joint;
        assert!(Commitments::of(&p, day(10), &model).complete());
        assert_eq!(
            Commitments::of(&p, day(21), &model).secured,
            2,
            "a past due date does not count"
        );
    }

    #[test]
    fn the_launch_date_is_read_against_the_thirty_day_window() {
        let model = crate::domain::scoring::MODEL;
        let mut p = plan();
        assert_eq!(LaunchTiming::of(&p, day(10), &model), LaunchTiming::NotSet);
        p.pilot.launch_on = Some(day(9));
        assert_eq!(
            LaunchTiming::of(&p, day(10), &model),
            LaunchTiming::Passed { on: day(9) }
        );
        p.pilot.launch_on = Some(day(10));
        assert_eq!(
            LaunchTiming::of(&p, day(10), &model),
            LaunchTiming::Within { days: 0 }
        );
        p.pilot.launch_on = NaiveDate::from_ymd_opt(2026, 12, 10);
        assert_eq!(
            LaunchTiming::of(&p, day(10), &model),
            LaunchTiming::Within { days: 30 }
        );
        p.pilot.launch_on = NaiveDate::from_ymd_opt(2026, 12, 11);
        let far = LaunchTiming::of(&p, day(10), &model);
        assert_eq!(far, LaunchTiming::TooFar { days: 31 });
        assert!(!far.on_track());
        p.pilot.launch_on = Some(day(3));
        p.stage = crate::domain::Stage::Live;
        let live = LaunchTiming::of(&p, day(10), &model);
        assert_eq!(live, LaunchTiming::Launched { on: day(3), day: 7 });
        assert!(live.on_track());
    }
}
