//! Momentum: how alive a running pilot is, from 0 to 100, in five components (SPEC §4, model
//! version 2).
//!
//! `momentum(plan, day, model)` is a pure function. It always reads the plan "as known at `day`":
//! log entries after `day` are ignored, steps created after `day` are ignored, steps done after
//! `day` count as open, a key-result check-in after `day` counts as none, and a blocker resolved
//! after `day` is open at `day`. At today's date that changes nothing; at an earlier date it
//! gives the trend and the history.
//!
//! Each component is one rule, a function of a `Context` that returns the component's value and
//! the facts it found: `rhythm`, `follow_through`, `commitments`, `outcomes` and `energy`.
//! Then come the total, the caps and the band, the ghost-town rule and the manual
//! band, each a function too, so a change to the model reads as a change to one named rule.

use super::model::ScoreModel;
use crate::domain::calendar::{add_days, days_between, same_quarter};
use crate::domain::{Band, Confidence, LogEntry, LogKind, Plan, Step};
use chrono::NaiveDate;

/// The five components of momentum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Component {
    Rhythm,
    FollowThrough,
    Commitments,
    Outcomes,
    Energy,
}

impl Component {
    pub const ALL: [Component; 5] = [
        Component::Rhythm,
        Component::FollowThrough,
        Component::Commitments,
        Component::Outcomes,
        Component::Energy,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Component::Rhythm => "Rhythm",
            Component::FollowThrough => "Follow-through",
            Component::Commitments => "Commitments",
            Component::Outcomes => "Outcomes",
            Component::Energy => "Energy",
        }
    }

    /// What the component measures, in a sentence for the screen.
    pub fn meaning(self) -> &'static str {
        match self {
            Component::Rhythm => "Syncs held at the agreed cadence.",
            Component::FollowThrough => {
                "Steps due or done in the last 45 days, done by the date committed to."
            }
            Component::Commitments => {
                "Owned, dated steps due in the next 30 days, some the partner's."
            }
            Component::Outcomes => "Key results on pace, and the owners' confidence in them.",
            Component::Energy => "Recent joint wins, and no blocker left open for long.",
        }
    }

    pub fn weight(self, model: &ScoreModel) -> f64 {
        let w = &model.weights;
        match self {
            Component::Rhythm => w.rhythm,
            Component::FollowThrough => w.follow_through,
            Component::Commitments => w.commitments,
            Component::Outcomes => w.outcomes,
            Component::Energy => w.energy,
        }
    }
}

/// One component's value (0–100, or `None` for n/a) and its weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ComponentScore {
    pub component: Component,
    pub value: Option<f64>,
    pub weight: f64,
}

impl ComponentScore {
    /// Points earned out of the weight (the value scaled to the weight). Whole points that add
    /// up to the score, with n/a components' weight shared out, are the explanation's
    /// [`shares`](super::explain::Explanation::shares).
    pub fn points(&self) -> Option<f64> {
        self.value.map(|v| v * self.weight / 100.0)
    }

    /// Points missing from the weight.
    pub fn lost(&self) -> Option<f64> {
        self.points().map(|p| self.weight - p)
    }
}

/// Why the band is no better than Drifting whatever the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cap {
    /// Rhythm, Follow-through or Commitments is below the floor.
    Low(Component),
    /// Timing has not been confirmed this quarter.
    TimingNotConfirmed,
}

/// The facts the rules were computed from, for alerts and explanations.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Facts {
    pub days_since_launch: i64,
    /// Days since the last sync (or since launch, before the first one).
    pub days_since_sync: i64,
    /// Whether a sync or exec sync was logged on launch day or later: until one is,
    /// `days_since_sync` counts from launch, and is not the age of any sync.
    pub synced_since_launch: bool,
    pub days_since_exec_sync: i64,
    /// The last exec sync is older than the rule allows (Rhythm loses its penalty).
    pub exec_sync_overdue: bool,
    pub days_since_win: i64,
    /// Whether any win was logged since launch (on launch day or later).
    pub won_since_launch: bool,
    /// Open, owned steps due within the commitments horizon and not past their committed date.
    pub commitments: usize,
    /// Whether one of those is the partner's, alone or jointly.
    pub partner_commitment: bool,
    /// The steps Follow-through counts: committed to, or done, within its window (version 1
    /// counted the steps due in it). Of those, how many were done on time or late.
    pub due_steps: usize,
    pub on_time_steps: usize,
    pub late_steps: usize,
    /// Open steps past the date they were committed to, however old (counted or not).
    pub overdue_steps: usize,
    /// Open steps whose due date moved off the date they were committed to.
    pub slipped_steps: usize,
    /// Blockers open at the day.
    pub open_blockers: usize,
    /// Of those, the ones open longer than the grace period: each costs Energy.
    pub aging_blockers: usize,
    /// Points the aging blockers take off Energy (before Energy is clamped at 0); 0 while
    /// Energy is n/a.
    pub blocker_penalty: f64,
    pub timing_confirmed: bool,
    pub key_results: usize,
}

/// A manual band in force, and when it ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveOverride {
    pub band: Band,
    pub reason: String,
    /// The last day it applies, unless a sync comes first.
    pub until: NaiveDate,
}

/// Momentum at one date.
#[derive(Debug, Clone, PartialEq)]
pub struct Momentum {
    pub day: NaiveDate,
    /// 0–100, or `None` (Unknown) when fewer than two components have data.
    pub score: Option<u8>,
    /// The band from the number, its caps and the ghost-town rule.
    pub computed_band: Band,
    /// The band shown: the manual band while an override is in force, else the computed one.
    pub band: Band,
    pub components: [ComponentScore; 5],
    pub caps: Vec<Cap>,
    /// The number alone would be Moving, but a cap holds the band at Drifting.
    pub held_by_caps: bool,
    pub ghost_town: bool,
    pub manual: Option<ActiveOverride>,
    pub facts: Facts,
}

impl Momentum {
    /// Why the band shown is not simply the number's, in a few words for a card, the radar's
    /// table and the workshop's closing slide: "set by hand", "held: timing not re-confirmed for
    /// Q1 2027", "ghost town: no sync for 41 days". `None` when the number says it all.
    pub fn band_reason(&self) -> Option<String> {
        if self.manual.is_some() {
            return Some("set by hand".to_string());
        }
        if self.ghost_town {
            return Some(format!(
                "ghost town: no sync for {} days",
                self.facts.days_since_sync
            ));
        }
        if !self.held_by_caps {
            return None;
        }
        let reasons: Vec<String> = self
            .caps
            .iter()
            .map(|cap| match cap {
                Cap::TimingNotConfirmed => format!(
                    "timing not re-confirmed for {}",
                    crate::domain::calendar::Quarter::of(self.day).label()
                ),
                Cap::Low(component) => format!("{} low", component.label()),
            })
            .collect();
        Some(format!("held: {}", reasons.join(", ")))
    }

    pub fn component(&self, component: Component) -> ComponentScore {
        self.components
            .iter()
            .copied()
            .find(|c| c.component == component)
            .unwrap_or(ComponentScore {
                component,
                value: None,
                weight: 0.0,
            })
    }
}

/// Rounds to the nearest integer, halves up. (Not `(x + 0.5).floor()`: that addition itself
/// rounds 0.49999999999999994 up to 1.)
pub fn round_half_up(value: f64) -> f64 {
    let floor = value.floor();
    if value - floor >= 0.5 {
        floor + 1.0
    } else {
        floor
    }
}

fn clamp(value: f64) -> f64 {
    value.clamp(0.0, 100.0)
}

/// The band a number falls in.
pub fn band_of(score: u8, model: &ScoreModel) -> Band {
    if score >= model.bands.moving_from {
        Band::Moving
    } else if score >= model.bands.drifting_from {
        Band::Drifting
    } else {
        Band::GhostTownRisk
    }
}

/// Whether timing was confirmed in the same calendar quarter as `day`, as known at `day`: a
/// confirmation dated later was not known then (this keeps trend and history honest).
pub fn timing_confirmed(plan: &Plan, day: NaiveDate) -> bool {
    plan.timing
        .confirmed_on
        .is_some_and(|on| on <= day && same_quarter(on, day))
}

/// Open steps owned by someone and due between `day` and the horizon, as known at `day`:
/// how many, and whether one is the partner's.
///
/// A step past the date it was committed to is overdue, not a commitment, however far its due
/// date has been moved: moving an overdue step's date later must not raise the score (version
/// 2). For a step that never slipped this is version 1's rule, which reads `due_on`.
pub fn open_commitments(plan: &Plan, day: NaiveDate, model: &ScoreModel) -> (usize, bool) {
    let horizon = add_days(day, model.commitments.horizon_days);
    let mut count = 0;
    let mut partner = false;
    for step in plan.steps.iter().filter(|s| s.created_on <= day) {
        let open = step.done_on.is_none_or(|done| done > day);
        let owned = !step.owner_name.trim().is_empty();
        let due_soon = step.due_on.is_some_and(|due| day <= due && due <= horizon);
        let held = step.commitment().is_none_or(|committed| committed >= day);
        if open && owned && due_soon && held {
            count += 1;
            partner |= step.owner_side.involves_partner();
        }
    }
    (count, partner)
}

/// Steps that slipped and are still open at `day`, as known then: their due date moved off the
/// date they were committed to (see [`Step::slipped_from`]).
pub fn slipped_steps(plan: &Plan, day: NaiveDate) -> impl Iterator<Item = &Step> {
    plan.steps.iter().filter(move |s| {
        s.created_on <= day && s.done_on.is_none_or(|done| done > day) && s.slipped_from().is_some()
    })
}

/// The blockers open at `day` (as known then), oldest first, split at the grace period.
#[derive(Debug, Clone, PartialEq)]
pub struct Blockers<'a> {
    /// Open for longer than the grace period: each costs Energy.
    pub aging: Vec<&'a LogEntry>,
    /// Open for the grace period or less: no cost yet.
    pub recent: Vec<&'a LogEntry>,
}

/// The blockers open at `day`, as known then: logged by then and not resolved by then.
pub fn blockers<'a>(plan: &'a Plan, day: NaiveDate, model: &ScoreModel) -> Blockers<'a> {
    let grace = model.energy.blocker_grace_days;
    let (aging, recent) = plan
        .open_blockers(day)
        .into_iter()
        .partition(|blocker| days_between(blocker.on, day) > grace);
    Blockers { aging, recent }
}

/// Momentum of `plan` as known at `day`.
pub fn momentum(plan: &Plan, day: NaiveDate, model: &ScoreModel) -> Momentum {
    let cx = Context::new(plan, day, model);
    let rhythm = rhythm(&cx);
    let follow_through = follow_through(&cx);
    let commitments = commitments(&cx);
    let outcomes = outcomes(&cx);
    let energy = energy(&cx);

    let scored = |component: Component, value: Option<f64>| ComponentScore {
        component,
        value: value.map(clamp),
        weight: component.weight(model),
    };
    let components = [
        scored(Component::Rhythm, rhythm.value),
        scored(Component::FollowThrough, follow_through.value),
        scored(Component::Commitments, commitments.value),
        scored(Component::Outcomes, outcomes.value),
        scored(Component::Energy, energy.value),
    ];
    let score = total(&components, model);

    let (r, ft, c, e) = (
        rhythm.facts,
        follow_through.facts,
        commitments.facts,
        energy.facts,
    );
    let facts = Facts {
        days_since_launch: cx.days_since_launch().unwrap_or(0),
        days_since_sync: r.days_since_sync.unwrap_or(0),
        synced_since_launch: r.synced_since_launch,
        days_since_exec_sync: r.days_since_exec_sync.unwrap_or(0),
        exec_sync_overdue: r.exec_sync_overdue,
        days_since_win: e.days_since_win.unwrap_or(0),
        won_since_launch: e.won_since_launch,
        commitments: c.count,
        partner_commitment: c.partner,
        due_steps: ft.counted,
        on_time_steps: ft.on_time,
        late_steps: ft.late,
        overdue_steps: ft.overdue,
        slipped_steps: ft.slipped,
        open_blockers: e.open_blockers,
        aging_blockers: e.aging_blockers,
        blocker_penalty: e.blocker_penalty,
        timing_confirmed: timing_confirmed(plan, day),
        key_results: outcomes.facts.key_results,
    };

    let caps = caps(&components, facts.timing_confirmed, model);
    let ghost_town = ghost_town(&cx, &facts);
    let (computed_band, held_by_caps) = band(score, &caps, ghost_town, model);
    let manual = manual_band(&cx);
    Momentum {
        day,
        score,
        computed_band,
        band: manual.as_ref().map_or(computed_band, |m| m.band),
        components,
        caps,
        held_by_caps,
        ghost_town,
        manual,
        facts,
    }
}

// ---------------------------------------------------------------------------------------------
// What every rule reads
// ---------------------------------------------------------------------------------------------

/// The plan, the day it is scored at, the model, and what every rule needs from them.
#[derive(Clone, Copy)]
struct Context<'a> {
    plan: &'a Plan,
    day: NaiveDate,
    model: &'a ScoreModel,
    /// The agreed cadence, in days.
    cadence: f64,
    launch: Option<NaiveDate>,
}

impl<'a> Context<'a> {
    fn new(plan: &'a Plan, day: NaiveDate, model: &'a ScoreModel) -> Self {
        Self {
            plan,
            day,
            model,
            cadence: f64::from(plan.foundation.rhythm.cadence_days.days()),
            launch: plan.pilot.launch_on,
        }
    }

    /// Log entries known at the day.
    fn log(&self) -> impl Iterator<Item = &'a LogEntry> {
        let day = self.day;
        self.plan.log.iter().filter(move |e| e.on <= day)
    }

    /// Steps known at the day: written down by then.
    fn steps(&self) -> impl Iterator<Item = &'a Step> {
        let day = self.day;
        self.plan.steps.iter().filter(move |s| s.created_on <= day)
    }

    /// Whole days from `at` to the day.
    fn since(&self, at: Option<NaiveDate>) -> Option<i64> {
        at.map(|at| days_between(at, self.day))
    }

    fn days_since_launch(&self) -> Option<i64> {
        self.since(self.launch)
    }
}

/// A rule's value (before clamping; `None` for n/a) and the facts it found.
struct Found<F> {
    value: Option<f64>,
    facts: F,
}

/// Moves `slot` to `on` when `on` is later (or the slot is empty).
fn latest(slot: &mut Option<NaiveDate>, on: NaiveDate) {
    if slot.is_none_or(|at| on > at) {
        *slot = Some(on);
    }
}

// ---------------------------------------------------------------------------------------------
// The five components
// ---------------------------------------------------------------------------------------------

struct RhythmFacts {
    days_since_sync: Option<i64>,
    days_since_exec_sync: Option<i64>,
    exec_sync_overdue: bool,
    synced_since_launch: bool,
}

/// Rhythm: full inside the cadence, halved per cadence overdue; −10 when the last exec sync is
/// older than three cadences. Syncs before launch do not count: until the first one after
/// launch, days are counted from launch.
fn rhythm(cx: &Context) -> Found<RhythmFacts> {
    let (mut last_sync, mut last_exec) = (cx.launch, cx.launch);
    let mut synced_since_launch = false;
    for entry in cx.log().filter(|e| e.kind.is_sync()) {
        synced_since_launch |= cx.launch.is_none_or(|launch| entry.on >= launch);
        latest(&mut last_sync, entry.on);
        if entry.kind == LogKind::ExecSync {
            latest(&mut last_exec, entry.on);
        }
    }
    let rule = &cx.model.rhythm;
    let exec_limit = rule.exec_sync_cadences * cx.cadence;
    let exec_sync_overdue = cx.since(last_exec).is_some_and(|d| d as f64 > exec_limit);
    let value = cx.since(last_sync).map(|days| {
        let overdue = (days as f64 - cx.cadence).max(0.0);
        let mut value = 100.0 * 0.5f64.powf(overdue / cx.cadence);
        if exec_sync_overdue {
            value = (value - rule.missing_exec_sync_penalty).max(0.0);
        }
        value
    });
    Found {
        value,
        facts: RhythmFacts {
            days_since_sync: cx.since(last_sync),
            days_since_exec_sync: cx.since(last_exec),
            exec_sync_overdue,
            synced_since_launch,
        },
    }
}

#[derive(Default)]
struct FollowThroughFacts {
    counted: usize,
    on_time: usize,
    late: usize,
    overdue: usize,
    slipped: usize,
}

/// Follow-through (version 2): the steps due *or done* in the window, each held to the date it
/// was committed to. Done by that date is on time, after it late (half credit); open past it
/// costs 10 points however old. So a step done early counts as on time the day it is done, and
/// a step whose date moved after its day had passed stays late however far the date moved.
/// A step with no date at all is held to nothing: it is not counted, even when done.
fn follow_through(cx: &Context) -> Found<FollowThroughFacts> {
    let rule = &cx.model.follow_through;
    let window = add_days(cx.day, -rule.window_days)..=cx.day;
    let mut facts = FollowThroughFacts::default();
    for step in cx.steps() {
        let Some(committed) = step.commitment() else {
            continue;
        };
        let done = step.done_on.filter(|done| *done <= cx.day);
        if window.contains(&committed) || done.is_some_and(|done| window.contains(&done)) {
            facts.counted += 1;
            match done {
                Some(done) if done <= committed => facts.on_time += 1,
                Some(_) => facts.late += 1,
                None => {}
            }
        }
        if done.is_none() {
            if committed < cx.day {
                facts.overdue += 1;
            }
            if step.slipped_from().is_some() {
                facts.slipped += 1;
            }
        }
    }
    let value = (facts.counted > 0).then(|| {
        let credit = facts.on_time as f64 + rule.late_credit * facts.late as f64;
        100.0 * credit / facts.counted as f64 - rule.overdue_penalty * facts.overdue as f64
    });
    Found { value, facts }
}

struct CommitmentsFacts {
    count: usize,
    partner: bool,
}

/// Commitments: owned, open steps due in the coming weeks (see [`open_commitments`]), capped
/// when none of them is the partner's. Always has a value.
fn commitments(cx: &Context) -> Found<CommitmentsFacts> {
    let rule = &cx.model.commitments;
    let (count, partner) = open_commitments(cx.plan, cx.day, cx.model);
    let points = &rule.points_by_count;
    let mut value = points[count.min(points.len() - 1)];
    if !partner {
        value = value.min(rule.one_sided_cap);
    }
    Found {
        value: Some(value),
        facts: CommitmentsFacts { count, partner },
    }
}

struct OutcomesFacts {
    key_results: usize,
}

/// Outcomes: the mean over key results of pace and confidence; n/a without key results or
/// without a launch date to measure pace from.
fn outcomes(cx: &Context) -> Found<OutcomesFacts> {
    let results = &cx.plan.foundation.key_results;
    let facts = OutcomesFacts {
        key_results: results.len(),
    };
    let value = match cx.launch {
        Some(launch) if !results.is_empty() => {
            let total: f64 = results.iter().map(|kr| key_result(cx, launch, kr)).sum();
            Some(total / results.len() as f64)
        }
        _ => None,
    };
    Found { value, facts }
}

/// One key result's `pace share × pace + confidence share × confidence`.
fn key_result(cx: &Context, launch: NaiveDate, kr: &crate::domain::KeyResult) -> f64 {
    let rule = &cx.model.outcomes;
    let day = cx.day;
    // A check-in after `day` is unknown at `day`: its value and confidence count as none.
    let checked = kr.checked_on.filter(|on| *on <= day);
    let known = kr.checked_on.is_none_or(|on| on <= day);
    let current = kr.current.filter(|_| known);
    let progress = kr.progress_at(current);
    let due = kr
        .due_on
        .unwrap_or_else(|| add_days(launch, i64::from(cx.plan.pilot.length_days)));
    let elapsed = if due <= launch {
        1.0
    } else {
        (days_between(launch, day) as f64 / days_between(launch, due) as f64).clamp(0.0, 1.0)
    };
    let pace = (100.0 * progress / elapsed.max(rule.min_elapsed)).min(100.0);
    let confidence = match (checked, kr.confidence) {
        (Some(on), Some(confidence)) => {
            let value = match confidence {
                Confidence::OnTrack => rule.on_track,
                Confidence::AtRisk => rule.at_risk,
                Confidence::OffTrack => rule.off_track,
            };
            let age = days_between(on, day) as f64;
            let fresh_for = rule.drift_after_cadences * cx.cadence;
            if age > fresh_for {
                rule.unchecked
                    + (value - rule.unchecked) * 0.5f64.powf((age - fresh_for) / cx.cadence)
            } else {
                value
            }
        }
        _ => rule.unchecked,
    };
    rule.pace_share * pace + rule.confidence_share * confidence
}

struct EnergyFacts {
    days_since_win: Option<i64>,
    won_since_launch: bool,
    open_blockers: usize,
    aging_blockers: usize,
    blocker_penalty: f64,
}

/// Energy: wins fading with a half-life, held for a while after launch before the first win;
/// then (version 2) 10 points off for each blocker open longer than the grace period, at most
/// 30, and never below 0. Wins before launch do not count: until the first one after launch,
/// days are counted from launch.
fn energy(cx: &Context) -> Found<EnergyFacts> {
    let rule = &cx.model.energy;
    let mut last_win = cx.launch;
    let mut won_since_launch = false;
    for entry in cx.log().filter(|e| e.kind == LogKind::Win) {
        won_since_launch |= cx.launch.is_none_or(|launch| entry.on >= launch);
        latest(&mut last_win, entry.on);
    }
    let open = blockers(cx.plan, cx.day, cx.model);
    let aging = open.aging.len();
    let penalty = (rule.blocker_penalty * aging as f64).min(rule.max_blocker_penalty);

    let in_hold = cx
        .days_since_launch()
        .is_some_and(|d| (0..=rule.launch_hold_days).contains(&d));
    let value = cx.since(last_win).map(|days| {
        let wins = if !won_since_launch && in_hold {
            rule.launch_hold
        } else {
            100.0 * 0.5f64.powf(days as f64 / rule.half_life_days)
        };
        (wins - penalty).max(0.0)
    });
    Found {
        facts: EnergyFacts {
            days_since_win: cx.since(last_win),
            won_since_launch,
            open_blockers: aging + open.recent.len(),
            aging_blockers: aging,
            blocker_penalty: if value.is_some() { penalty } else { 0.0 },
        },
        value,
    }
}

// ---------------------------------------------------------------------------------------------
// The total, caps and band, the ghost-town rule, the manual band
// ---------------------------------------------------------------------------------------------

/// The weighted mean over the components with data, rounded half up; `None` (Unknown) when
/// fewer components than the model needs have data.
fn total(components: &[ComponentScore; 5], model: &ScoreModel) -> Option<u8> {
    let with_data: Vec<&ComponentScore> = components.iter().filter(|c| c.value.is_some()).collect();
    (with_data.len() >= model.bands.min_components).then(|| {
        let weight: f64 = with_data.iter().map(|c| c.weight).sum();
        let total: f64 = with_data
            .iter()
            .map(|c| c.value.unwrap_or(0.0) * c.weight)
            .sum();
        round_half_up(total / weight).clamp(0.0, 100.0) as u8
    })
}

/// What holds the band at Drifting: Rhythm, Follow-through or Commitments below the floor (an
/// n/a component holds nothing), or timing not confirmed this quarter.
fn caps(components: &[ComponentScore; 5], timing_confirmed: bool, model: &ScoreModel) -> Vec<Cap> {
    let mut caps: Vec<Cap> = components
        .iter()
        .filter(|c| {
            matches!(
                c.component,
                Component::Rhythm | Component::FollowThrough | Component::Commitments
            )
        })
        .filter(|c| c.value.is_some_and(|v| v < model.bands.component_floor))
        .map(|c| Cap::Low(c.component))
        .collect();
    if !timing_confirmed {
        caps.push(Cap::TimingNotConfirmed);
    }
    caps
}

/// The ghost-town rule: long enough after launch, quiet for long enough, and nothing committed.
fn ghost_town(cx: &Context, facts: &Facts) -> bool {
    let rule = &cx.model.ghost_town;
    cx.days_since_launch()
        .is_some_and(|d| d >= rule.after_launch_days)
        && facts.days_since_sync >= rule.quiet_days
        && facts.commitments == 0
}

/// The computed band, and whether caps hold a Moving number at Drifting. The ghost-town rule
/// wins over the number; caps never raise a lower band.
fn band(score: Option<u8>, caps: &[Cap], ghost_town: bool, model: &ScoreModel) -> (Band, bool) {
    let held_by_caps =
        !ghost_town && !caps.is_empty() && score.is_some_and(|s| band_of(s, model) == Band::Moving);
    let band = match score {
        None => Band::Unknown,
        Some(_) if ghost_town => Band::GhostTownRisk,
        Some(_) if held_by_caps => Band::Drifting,
        Some(score) => band_of(score, model),
    };
    (band, held_by_caps)
}

/// The plan's manual band, if it is in force at the day: set on or before it, within its
/// expiry, and with no sync logged after the day it was set.
fn manual_band(cx: &Context) -> Option<ActiveOverride> {
    let manual = cx.plan.score_override.as_ref()?;
    let lasts = i64::from(cx.model.override_cadences) * cx.cadence as i64;
    let until = add_days(manual.set_on, lasts - 1);
    let synced_since = cx.log().any(|e| e.kind.is_sync() && e.on > manual.set_on);
    (manual.set_on <= cx.day && cx.day <= until && !synced_since).then(|| ActiveOverride {
        band: manual.band,
        reason: manual.reason.clone(),
        until,
    })
}
