//! The scoring model's version and every parameter it uses, in one value.
//!
//! Nothing else in the code repeats one of these numbers: rules read them from [`ScoreModel`],
//! and every export records the model so a number can be reproduced later.
//!
//! Version 2 (SPEC §4 "Model version 2") is version 1 with a few rules changed, and one new
//! parameter group: blockers open longer than a grace period cost Energy ([`EnergyRule`]).
//! Steps are held to their committed date rather than their due date; that change needs no
//! number of its own.

use serde::Serialize;

/// Version 2 of the scoring model (SPEC §4, "Model version 2").
pub const MODEL: ScoreModel = ScoreModel {
    version: 2,
    weights: Weights {
        rhythm: 25.0,
        follow_through: 25.0,
        commitments: 15.0,
        outcomes: 20.0,
        energy: 15.0,
    },
    rhythm: RhythmRule {
        exec_sync_cadences: 3.0,
        missing_exec_sync_penalty: 10.0,
    },
    follow_through: FollowThroughRule {
        window_days: 45,
        late_credit: 0.5,
        overdue_penalty: 10.0,
    },
    commitments: CommitmentsRule {
        horizon_days: 30,
        points_by_count: [0.0, 40.0, 70.0, 100.0],
        one_sided_cap: 60.0,
    },
    outcomes: OutcomesRule {
        pace_share: 0.6,
        confidence_share: 0.4,
        min_elapsed: 0.1,
        on_track: 100.0,
        at_risk: 60.0,
        off_track: 0.0,
        unchecked: 50.0,
        drift_after_cadences: 2.0,
    },
    energy: EnergyRule {
        half_life_days: 21.0,
        launch_hold_days: 30,
        launch_hold: 60.0,
        blocker_grace_days: 7,
        blocker_penalty: 10.0,
        max_blocker_penalty: 30.0,
    },
    bands: BandRule {
        moving_from: 70,
        drifting_from: 40,
        min_components: 2,
        component_floor: 20.0,
    },
    ghost_town: GhostTownRule {
        after_launch_days: 60,
        quiet_days: 30,
    },
    trend: TrendRule {
        lookback_days: 14,
        threshold: 5,
    },
    history_weeks: 12,
    override_cadences: 2,
    alerts: AlertRule {
        energy_dip_from_day: 14,
        energy_dip_to_day: 60,
        energy_dip_commitments: 3,
        quiet_cadences: 2,
        planning_too_long_days: 30,
    },
    readiness: ReadinessRule {
        launch_within_days: 30,
        steps_needed: 3,
        poor_timing_at_most: 2,
    },
};

/// Every parameter of the scoring model.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ScoreModel {
    pub version: u32,
    pub weights: Weights,
    pub rhythm: RhythmRule,
    pub follow_through: FollowThroughRule,
    pub commitments: CommitmentsRule,
    pub outcomes: OutcomesRule,
    pub energy: EnergyRule,
    pub bands: BandRule,
    pub ghost_town: GhostTownRule,
    pub trend: TrendRule,
    /// How many weekly points the history holds.
    pub history_weeks: u32,
    /// A manual band expires after this many cadences (or at the next sync).
    pub override_cadences: u32,
    pub alerts: AlertRule,
    pub readiness: ReadinessRule,
}

/// How much each component counts in the total.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Weights {
    pub rhythm: f64,
    pub follow_through: f64,
    pub commitments: f64,
    pub outcomes: f64,
    pub energy: f64,
}

/// Rhythm: full inside the cadence, halved per cadence overdue.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RhythmRule {
    /// An exec sync older than this many cadences costs the penalty.
    pub exec_sync_cadences: f64,
    pub missing_exec_sync_penalty: f64,
}

/// Follow-through: steps due or done recently, done by the date they were committed to.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FollowThroughRule {
    /// Steps committed to, or done, within this many days before the day scored are counted.
    pub window_days: i64,
    /// The share of a step that counts when it was done late.
    pub late_credit: f64,
    /// Points lost per open step past its committed date, however old.
    pub overdue_penalty: f64,
}

/// Commitments: owned, dated open steps in the coming weeks.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CommitmentsRule {
    pub horizon_days: i64,
    /// Points for 0, 1, 2 and 3 or more commitments.
    pub points_by_count: [f64; 4],
    /// The most points when no commitment is the partner's (alone or jointly).
    pub one_sided_cap: f64,
}

/// Outcomes: key results on pace, and the owners' confidence in them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct OutcomesRule {
    pub pace_share: f64,
    pub confidence_share: f64,
    /// Elapsed time never counts as less than this share, so day one is not a division by zero.
    pub min_elapsed: f64,
    pub on_track: f64,
    pub at_risk: f64,
    pub off_track: f64,
    /// Confidence of a key result never checked in, and where old check-ins drift to.
    pub unchecked: f64,
    /// A check-in older than this many cadences drifts toward `unchecked`.
    pub drift_after_cadences: f64,
}

/// Energy: wins, fading with a half-life; blockers left open drain it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct EnergyRule {
    pub half_life_days: f64,
    /// Days after launch during which, with no win yet, energy is held.
    pub launch_hold_days: i64,
    pub launch_hold: f64,
    /// A blocker costs nothing while it has been open this many days or fewer (version 2).
    pub blocker_grace_days: i64,
    /// Points lost per blocker open longer than the grace period (version 2).
    pub blocker_penalty: f64,
    /// The most points blockers can cost together (version 2).
    pub max_blocker_penalty: f64,
}

/// Bands and what caps them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BandRule {
    pub moving_from: u8,
    pub drifting_from: u8,
    /// Fewer components with data than this makes the band Unknown.
    pub min_components: usize,
    /// Rhythm, Follow-through or Commitments below this caps the band at Drifting.
    pub component_floor: f64,
}

/// When a plan is a ghost town whatever its number.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GhostTownRule {
    pub after_launch_days: i64,
    pub quiet_days: i64,
}

/// The trend arrow.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TrendRule {
    pub lookback_days: i64,
    /// A change of at least this many points turns the arrow.
    pub threshold: i32,
}

/// When alerts fire.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AlertRule {
    pub energy_dip_from_day: i64,
    pub energy_dip_to_day: i64,
    /// Fewer open commitments than this during the dip window raises the alert.
    pub energy_dip_commitments: usize,
    pub quiet_cadences: i64,
    pub planning_too_long_days: i64,
}

/// What launch readiness asks for.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ReadinessRule {
    pub launch_within_days: i64,
    pub steps_needed: usize,
    /// A fit or readiness rating at or below this is poor timing.
    pub poor_timing_at_most: u8,
}
