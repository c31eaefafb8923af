//! The plan and everything it holds: the data model of version 2, as plain serializable types.
//!
//! Field names are the JSON names (snake_case). Every struct rejects unknown fields: a field this
//! version does not know would be silently dropped on the next save, so it is refused instead.
//! Fields added in version 2 are left out of the JSON while they hold their default, so a plan
//! that uses none of them is written as version 1 wrote it, apart from its version number.

use super::limits::MAX_KEY_RESULTS;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 2;

/// A plan's stable id (a UUID v4 for plans made here; any non-empty token from files).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PlanId(pub String);

impl PlanId {
    /// A fresh random id.
    pub fn random() -> Self {
        Self(uuid::Uuid::new_v4().to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PlanId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A pilot plan with a partner: the unit users create, run, export and import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub id: PlanId,
    pub name: String,
    #[serde(with = "super::dates::timestamp")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "super::dates::timestamp")]
    pub updated_at: DateTime<Utc>,
    /// +1 on every save; lets a tab tell whether another tab saved a newer version.
    #[serde(default)]
    pub rev: u64,
    pub stage: Stage,
    /// When a parked plan should be looked at again.
    #[serde(default, with = "super::dates::optional_date")]
    pub revisit_on: Option<NaiveDate>,
    pub partner: Partner,
    #[serde(default)]
    pub timing: Timing,
    #[serde(default)]
    pub pilot: Pilot,
    #[serde(default)]
    pub foundation: Foundation,
    #[serde(default)]
    pub steps: Vec<Step>,
    #[serde(default)]
    pub log: Vec<LogEntry>,
    #[serde(default)]
    pub cycles: Vec<Cycle>,
    #[serde(default)]
    pub score_override: Option<ScoreOverride>,
    /// Short texts captured in workshops, to come back to later.
    #[serde(default)]
    pub parking_lot: Vec<String>,
    /// Added by "Load example portfolio": shown as an example, removable in one action, and
    /// left out of "Export all" unless asked for.
    #[serde(default, skip_serializing_if = "is_false")]
    pub example: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A fresh random id for a record inside a plan (a step, a log entry): one format everywhere.
pub fn new_record_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

impl Plan {
    /// The name to show: "Untitled pilot" while the name is blank (an edit in progress; a
    /// plan is never stored without a name).
    pub fn shown_name(&self) -> &str {
        if self.name.trim().is_empty() {
            "Untitled pilot"
        } else {
            &self.name
        }
    }

    /// An empty draft for a partner, created at `now`.
    pub fn draft(name: impl Into<String>, partner: Partner, now: DateTime<Utc>) -> Self {
        Self {
            id: PlanId::random(),
            name: name.into(),
            created_at: now,
            updated_at: now,
            rev: 0,
            stage: Stage::Designing,
            revisit_on: None,
            partner,
            timing: Timing::default(),
            pilot: Pilot::default(),
            foundation: Foundation::default(),
            steps: Vec::new(),
            log: Vec::new(),
            cycles: Vec::new(),
            score_override: None,
            parking_lot: Vec::new(),
            example: false,
        }
    }

    /// The next step due: the open step with the earliest due date.
    pub fn next_step_due(&self) -> Option<&Step> {
        self.steps
            .iter()
            .filter(|s| s.done_on.is_none())
            .filter(|s| s.due_on.is_some())
            .min_by_key(|s| s.due_on)
    }

    /// Adds a log entry. A sync ends any manual band (it lasts until the next sync) and moves
    /// the next sync on to one cadence after it, never back. What it changed is returned, so
    /// "Undo" can take back exactly that.
    pub fn record(&mut self, entry: LogEntry) -> Recorded {
        let recorded = Recorded {
            id: entry.id.clone(),
            next_sync_on: self.foundation.rhythm.next_sync_on,
            score_override: self.score_override.clone(),
        };
        if entry.kind.is_sync() {
            self.score_override = None;
            self.sync_held(entry.on);
        }
        self.log.push(entry);
        recorded
    }

    /// Moves the next sync to one cadence after a sync held on `on`, unless it is later already.
    pub fn sync_held(&mut self, on: NaiveDate) {
        let rhythm = &mut self.foundation.rhythm;
        let next = super::calendar::add_days(on, i64::from(rhythm.cadence_days.days()));
        if rhythm.next_sync_on.is_none_or(|planned| planned < next) {
            rhythm.next_sync_on = Some(next);
        }
    }

    /// Takes back an entry just recorded, and what recording it changed; false when it is gone.
    pub fn unrecord(&mut self, recorded: &Recorded) -> bool {
        let Some(at) = self.log.iter().position(|e| e.id == recorded.id) else {
            return false;
        };
        let entry = self.log.remove(at);
        if entry.kind.is_sync() {
            self.foundation.rhythm.next_sync_on = recorded.next_sync_on;
            if self.score_override.is_none() {
                self.score_override = recorded.score_override.clone();
            }
        }
        true
    }

    /// The log, newest first; entries of the same day latest-logged first.
    pub fn history(&self) -> Vec<&LogEntry> {
        let mut entries: Vec<&LogEntry> = self.log.iter().rev().collect();
        // Entries are appended as they happen, so they are nearly always in date order.
        super::order::insertion_order(&mut entries, |a, b| a.on < b.on);
        entries
    }

    /// A copy under a new id, its name ending in `suffix` (" (imported)", " (my copy)") and
    /// kept within the name limit, counting its saves from zero.
    pub fn copy_as(mut self, id: PlanId, suffix: &str) -> Plan {
        let keep = super::limits::MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
        if self.name.chars().count() > keep {
            self.name = self.name.chars().take(keep).collect();
        }
        self.name.push_str(suffix);
        self.id = id;
        self.rev = 0;
        self
    }

    /// Moves the plan to `to` by hand. A plan parked without a date waits until the next
    /// quarter starts, when the partner's priorities are asked again; a plan leaving the parked
    /// stage has no date to revisit it.
    pub fn move_to(&mut self, to: Stage, today: NaiveDate) {
        if to == Stage::Parked {
            if self.revisit_on.is_none() {
                self.revisit_on = Some(super::calendar::Quarter::of(today).next_start());
            }
        } else {
            self.revisit_on = None;
        }
        self.stage = to;
    }

    /// Days since launch at `today`, for plans that have launched.
    pub fn days_since_launch(&self, today: NaiveDate) -> Option<i64> {
        if !self.stage.has_launched() {
            return None;
        }
        self.pilot
            .launch_on
            .map(|launch| (today - launch).num_days())
    }
}

/// What recording a log entry changed, so that it can be taken back.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    /// The entry recorded.
    pub id: String,
    /// The next sync date before the entry moved it.
    pub next_sync_on: Option<NaiveDate>,
    /// The manual band before a sync ended it.
    pub score_override: Option<ScoreOverride>,
}

/// Where a plan is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Exploring,
    Designing,
    Live,
    Reviewing,
    Scaling,
    Parked,
    Stopped,
}

impl Stage {
    pub const ALL: [Stage; 7] = [
        Stage::Exploring,
        Stage::Designing,
        Stage::Live,
        Stage::Reviewing,
        Stage::Scaling,
        Stage::Parked,
        Stage::Stopped,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Stage::Exploring => "Exploring",
            Stage::Designing => "Designing",
            Stage::Live => "Live",
            Stage::Reviewing => "Reviewing",
            Stage::Scaling => "Scaling",
            Stage::Parked => "Parked",
            Stage::Stopped => "Stopped",
        }
    }

    /// Live, reviewing and scaling plans are scored by momentum; the rest by readiness.
    pub fn is_running(self) -> bool {
        matches!(self, Stage::Live | Stage::Reviewing | Stage::Scaling)
    }

    /// Whether the pilot has been launched at some point (so `launch_on` is history, not a plan).
    pub fn has_launched(self) -> bool {
        self.is_running()
    }
}

/// The partner organisation and the people on both sides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub name: String,
    pub kind: PartnerKind,
    #[serde(default)]
    pub our_owner: String,
    #[serde(default)]
    pub their_champion: String,
    #[serde(default)]
    pub notes: String,
}

impl Partner {
    /// A partner known so far only by name and kind.
    pub fn named(name: impl Into<String>, kind: PartnerKind) -> Self {
        Self {
            name: name.into(),
            kind,
            our_owner: String::new(),
            their_champion: String::new(),
            notes: String::new(),
        }
    }
}

/// The kind of partnership; templates and risks differ by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    Telco,
    Agency,
    Affiliate,
    Reseller,
    TechIntegration,
    Distributor,
    StrategicAlliance,
    Other,
}

impl PartnerKind {
    pub const ALL: [PartnerKind; 8] = [
        PartnerKind::Telco,
        PartnerKind::Agency,
        PartnerKind::Affiliate,
        PartnerKind::Reseller,
        PartnerKind::TechIntegration,
        PartnerKind::Distributor,
        PartnerKind::StrategicAlliance,
        PartnerKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PartnerKind::Telco => "Telco",
            PartnerKind::Agency => "Agency",
            PartnerKind::Affiliate => "Affiliate",
            PartnerKind::Reseller => "Reseller",
            PartnerKind::TechIntegration => "Tech integration",
            PartnerKind::Distributor => "Distributor",
            PartnerKind::StrategicAlliance => "Strategic alliance",
            PartnerKind::Other => "Other",
        }
    }

    /// A pilot of this kind in a sentence: "a telco pilot", "an agency pilot".
    pub fn a_pilot(self) -> &'static str {
        match self {
            PartnerKind::Telco => "a telco pilot",
            PartnerKind::Agency => "an agency pilot",
            PartnerKind::Affiliate => "an affiliate pilot",
            PartnerKind::Reseller => "a reseller pilot",
            PartnerKind::TechIntegration => "a tech integration pilot",
            PartnerKind::Distributor => "a distributor pilot",
            PartnerKind::StrategicAlliance => "a strategic alliance pilot",
            PartnerKind::Other => "a pilot of another kind",
        }
    }
}

/// A 1–5 rating (fit, readiness). Values outside 1–5 are refused when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Rating(u8);

impl Rating {
    pub fn new(value: u8) -> Option<Self> {
        (1..=5).contains(&value).then_some(Self(value))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Rating {
    type Error = String;

    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Self::new(value).ok_or_else(|| format!("a rating must be 1 to 5, not {value}"))
    }
}

impl From<Rating> for u8 {
    fn from(rating: Rating) -> Self {
        rating.0
    }
}

/// The timing check: what is top-of-mind for the partner's leadership this quarter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Timing {
    pub their_priority: String,
    pub how_we_fit: String,
    pub fit: Option<Rating>,
    pub readiness: Option<Rating>,
    pub in_rebuild: bool,
    #[serde(default, with = "super::dates::optional_date")]
    pub confirmed_on: Option<NaiveDate>,
}

/// The one narrow, winnable use case the pilot proves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Pilot {
    pub use_case: String,
    pub segment: String,
    pub primary_metric: Metric,
    pub fastest_joint_win: String,
    pub out_of_scope: Vec<String>,
    pub stop_condition: String,
    #[serde(default, with = "super::dates::optional_date")]
    pub launch_on: Option<NaiveDate>,
    pub length_days: u32,
}

/// The default pilot length: a scrappy V1 runs for 30 days before its review.
pub const DEFAULT_PILOT_DAYS: u32 = 30;

impl Default for Pilot {
    fn default() -> Self {
        Self {
            use_case: String::new(),
            segment: String::new(),
            primary_metric: Metric::default(),
            fastest_joint_win: String::new(),
            out_of_scope: Vec::new(),
            stop_condition: String::new(),
            launch_on: None,
            length_days: DEFAULT_PILOT_DAYS,
        }
    }
}

/// The pilot's primary success metric.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Metric {
    pub name: String,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub unit: String,
}

/// Shared OKRs, governance and the rhythm of collaboration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Foundation {
    pub objective: String,
    pub key_results: Vec<KeyResult>,
    pub governance: Governance,
    pub rhythm: Rhythm,
}

impl Foundation {
    /// Adds a key result to fill in, while there are fewer than [`MAX_KEY_RESULTS`]; false when
    /// the list is full. It is named, so the plan still saves (a key result needs a name), and
    /// its target differs from its baseline.
    pub fn add_key_result(&mut self) -> bool {
        if self.key_results.len() >= MAX_KEY_RESULTS {
            return false;
        }
        self.key_results
            .push(KeyResult::new("New key result", 0.0, 1.0, ""));
        true
    }

    /// Removes the key result at `index`, if there is one.
    pub fn remove_key_result(&mut self, index: usize) {
        if index < self.key_results.len() {
            self.key_results.remove(index);
        }
    }
}

/// A measurable key result with its latest check-in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyResult {
    pub name: String,
    pub baseline: f64,
    pub target: f64,
    #[serde(default)]
    pub current: Option<f64>,
    #[serde(default)]
    pub unit: String,
    #[serde(default, with = "super::dates::optional_date")]
    pub due_on: Option<NaiveDate>,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    #[serde(default, with = "super::dates::optional_date")]
    pub checked_on: Option<NaiveDate>,
}

impl KeyResult {
    /// A key result not checked in yet: from `baseline` to `target`, in `unit`.
    pub fn new(
        name: impl Into<String>,
        baseline: f64,
        target: f64,
        unit: impl Into<String>,
    ) -> Self {
        Self {
            name: name.into(),
            baseline,
            target,
            current: None,
            unit: unit.into(),
            due_on: None,
            confidence: None,
            checked_on: None,
        }
    }

    /// How far `current` is from the baseline toward the target, 0 to 1 (0 without a value).
    /// A target equal to its baseline is met or not: there is no way in between.
    pub fn progress_at(&self, current: Option<f64>) -> f64 {
        let span = self.target - self.baseline;
        match current {
            None => 0.0,
            Some(current) if span == 0.0 && current >= self.target => 1.0,
            Some(_) if span == 0.0 => 0.0,
            Some(current) => ((current - self.baseline) / span).clamp(0.0, 1.0),
        }
    }

    /// Progress at the last check-in.
    pub fn progress(&self) -> f64 {
        self.progress_at(self.current)
    }
}

/// How confident the owners are in a key result at its last check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    OnTrack,
    AtRisk,
    OffTrack,
}

impl Confidence {
    pub fn label(self) -> &'static str {
        match self {
            Confidence::OnTrack => "On track",
            Confidence::AtRisk => "At risk",
            Confidence::OffTrack => "Off track",
        }
    }
}

/// Who owns and who sponsors the partnership on each side, and how decisions are made.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Governance {
    pub our_owner: String,
    pub their_owner: String,
    pub our_sponsor: String,
    pub their_sponsor: String,
    pub decision_rule: String,
    pub escalation: String,
}

/// The agreed rhythm of collaboration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Rhythm {
    pub cadence_days: Cadence,
    #[serde(default, with = "super::dates::optional_date")]
    pub next_sync_on: Option<NaiveDate>,
    #[serde(default, with = "super::dates::optional_date")]
    pub review_on: Option<NaiveDate>,
}

/// How often the two teams sync: weekly, every two weeks or monthly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub enum Cadence {
    Weekly,
    #[default]
    Fortnightly,
    Monthly,
}

impl Cadence {
    pub const ALL: [Cadence; 3] = [Cadence::Weekly, Cadence::Fortnightly, Cadence::Monthly];

    pub fn days(self) -> u32 {
        match self {
            Cadence::Weekly => 7,
            Cadence::Fortnightly => 14,
            Cadence::Monthly => 30,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Cadence::Weekly => "Weekly",
            Cadence::Fortnightly => "Every two weeks",
            Cadence::Monthly => "Monthly",
        }
    }
}

impl TryFrom<u32> for Cadence {
    type Error = String;

    fn try_from(days: u32) -> Result<Self, Self::Error> {
        Cadence::ALL
            .into_iter()
            .find(|c| c.days() == days)
            .ok_or_else(|| format!("a cadence is 7, 14 or 30 days, not {days}"))
    }
}

impl From<Cadence> for u32 {
    fn from(cadence: Cadence) -> Self {
        cadence.days()
    }
}

/// One of the next steps that keep a pilot moving.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub title: String,
    pub owner_side: Side,
    #[serde(default)]
    pub owner_name: String,
    #[serde(with = "super::dates::date")]
    pub created_on: NaiveDate,
    #[serde(default, with = "super::dates::optional_date")]
    pub due_on: Option<NaiveDate>,
    /// The due date the step is committed to (version 2): it follows `due_on` until the day it
    /// names has passed, then stays, so moving the date later is a slip, not a new promise.
    #[serde(
        default,
        with = "super::dates::optional_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub committed_on: Option<NaiveDate>,
    #[serde(default, with = "super::dates::optional_date")]
    pub done_on: Option<NaiveDate>,
}

impl Step {
    /// A new open step made on `today`, with a fresh id; committed to its due date.
    pub fn new(
        title: impl Into<String>,
        owner_side: Side,
        owner_name: impl Into<String>,
        due_on: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Self {
        Self {
            id: new_record_id(),
            title: title.into(),
            owner_side,
            owner_name: owner_name.into(),
            created_on: today,
            due_on,
            committed_on: due_on,
            done_on: None,
        }
    }

    /// The date the step is held to: `committed_on`, or the due date for a step written
    /// without one.
    pub fn commitment(&self) -> Option<NaiveDate> {
        self.committed_on.or(self.due_on)
    }

    /// Whether the commitment can no longer move: the day it names has passed.
    pub fn commitment_frozen(&self, today: NaiveDate) -> bool {
        self.commitment().is_some_and(|on| on < today)
    }

    /// Changes the due date on `today`. The commitment follows while its day has not passed;
    /// after that it stays where it was, and a later date is a slip.
    pub fn set_due(&mut self, due_on: Option<NaiveDate>, today: NaiveDate) {
        if self.commitment_frozen(today) {
            self.committed_on = self.commitment();
        } else {
            self.committed_on = due_on;
        }
        self.due_on = due_on;
    }

    /// The committed date a step moved away from: `Some` when its due date is now later than
    /// the date it was committed to (or was taken away), `None` while it holds.
    pub fn slipped_from(&self) -> Option<NaiveDate> {
        let committed = self.committed_on?;
        match self.due_on {
            Some(due) if due <= committed => None,
            _ => Some(committed),
        }
    }

    pub fn is_open(&self) -> bool {
        self.done_on.is_none()
    }
}

/// Which side owns a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Ours,
    Theirs,
    Joint,
}

impl Side {
    pub fn label(self) -> &'static str {
        match self {
            Side::Ours => "Ours",
            Side::Theirs => "Theirs",
            Side::Joint => "Joint",
        }
    }

    /// Who owns a step, as a choice in a form: "Us", "The partner", "Both (jointly)".
    pub fn owner_label(self) -> &'static str {
        match self {
            Side::Ours => "Us",
            Side::Theirs => "The partner",
            Side::Joint => "Both (jointly)",
        }
    }

    /// Owned by the partner, alone or jointly: the mutual commitment launch is gated on.
    pub fn involves_partner(self) -> bool {
        matches!(self, Side::Theirs | Side::Joint)
    }
}

/// Something that happened: a sync, an exec sync, a win, a blocker or a note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    pub id: String,
    #[serde(with = "super::dates::date")]
    pub on: NaiveDate,
    pub kind: LogKind,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub both_sponsors_present: bool,
    /// Only our side sees it (version 2): never in anything meant for the partner.
    #[serde(default, skip_serializing_if = "is_false")]
    pub internal: bool,
    /// The step the entry is about, for a blocker the step it blocks (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_id: Option<String>,
    /// Who owns clearing a blocker (version 2).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner_name: String,
    /// When a blocker was cleared (version 2); an open blocker has none.
    #[serde(
        default,
        with = "super::dates::optional_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub resolved_on: Option<NaiveDate>,
}

impl LogEntry {
    /// A new entry of `kind` on `on`, with a fresh id.
    pub fn new(kind: LogKind, on: NaiveDate, text: impl Into<String>) -> Self {
        Self::with_id(new_record_id(), kind, on, text)
    }

    /// A new entry under a given id (what-if plans, tests).
    pub fn with_id(
        id: impl Into<String>,
        kind: LogKind,
        on: NaiveDate,
        text: impl Into<String>,
    ) -> Self {
        Self {
            id: id.into(),
            on,
            kind,
            text: text.into(),
            both_sponsors_present: false,
            internal: false,
            step_id: None,
            owner_name: String::new(),
            resolved_on: None,
        }
    }

    /// Changes the kind, dropping what only the old kind had: sponsors present belong to exec
    /// syncs, an owner and a resolution to blockers.
    pub fn set_kind(&mut self, kind: LogKind) {
        self.kind = kind;
        if kind != LogKind::ExecSync {
            self.both_sponsors_present = false;
        }
        if kind != LogKind::Blocker {
            self.owner_name.clear();
            self.resolved_on = None;
        }
    }

    /// A blocker still open on `day`, as known then: logged by then and not resolved by then.
    pub fn blocks_on(&self, day: NaiveDate) -> bool {
        self.kind == LogKind::Blocker
            && self.on <= day
            && self.resolved_on.is_none_or(|resolved| resolved > day)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogKind {
    Sync,
    ExecSync,
    Win,
    Blocker,
    Note,
}

impl LogKind {
    pub fn label(self) -> &'static str {
        match self {
            LogKind::Sync => "Sync",
            LogKind::ExecSync => "Exec sync",
            LogKind::Win => "Win",
            LogKind::Blocker => "Blocker",
            LogKind::Note => "Note",
        }
    }

    /// Syncs and exec syncs both count for the rhythm.
    pub fn is_sync(self) -> bool {
        matches!(self, LogKind::Sync | LogKind::ExecSync)
    }
}

/// One 30-day iteration of the pilot and its review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cycle {
    #[serde(with = "super::dates::date")]
    pub started_on: NaiveDate,
    #[serde(default, with = "super::dates::optional_date")]
    pub reviewed_on: Option<NaiveDate>,
    #[serde(default)]
    pub keep: String,
    #[serde(default)]
    pub change: String,
    #[serde(default)]
    pub stop: String,
    #[serde(default)]
    pub decision: Option<Decision>,
}

impl Cycle {
    /// A cycle starting on `started_on`, not reviewed yet.
    pub fn starting(started_on: NaiveDate) -> Self {
        Self {
            started_on,
            reviewed_on: None,
            keep: String::new(),
            change: String::new(),
            stop: String::new(),
            decision: None,
        }
    }
}

/// The outcome of a 30-day review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Scale,
    Iterate,
    Stop,
}

impl Decision {
    pub fn label(self) -> &'static str {
        match self {
            Decision::Scale => "Scale",
            Decision::Iterate => "Iterate",
            Decision::Stop => "Stop",
        }
    }
}

/// A momentum band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Moving,
    Drifting,
    GhostTownRisk,
    Unknown,
}

impl Band {
    pub fn label(self) -> &'static str {
        match self {
            Band::Moving => "Moving",
            Band::Drifting => "Drifting",
            Band::GhostTownRisk => "Ghost-town risk",
            Band::Unknown => "Unknown",
        }
    }
}

/// A manual band set by the plan's owner, with the reason, from the day it was set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreOverride {
    pub band: Band,
    pub reason: String,
    #[serde(with = "super::dates::date")]
    pub set_on: NaiveDate,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pilot_of_each_kind_takes_the_article_its_sound_needs() {
        for kind in PartnerKind::ALL {
            let phrase = kind.a_pilot();
            assert!(phrase.ends_with(" pilot") || kind == PartnerKind::Other);
            let first = phrase.split(' ').nth(1).and_then(|w| w.chars().next());
            let vowel = first.is_some_and(|c| "aeiou".contains(c));
            assert_eq!(phrase.starts_with("an "), vowel, "{phrase}");
        }
        assert_eq!(PartnerKind::Agency.a_pilot(), "an agency pilot");
        assert_eq!(PartnerKind::Other.a_pilot(), "a pilot of another kind");
    }
}
