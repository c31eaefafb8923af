//! Shared by the native tests: generators of realistic plans for property tests, and a [`tab`]
//! of the app on a store.
#![allow(dead_code)]

pub mod tab;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use pilotdeck::domain::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

/// A day within a few years around 2026.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..2_000).prop_map(|offset| {
        NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid") + chrono::Days::new(offset as u64)
    })
}

pub fn timestamp() -> impl Strategy<Value = DateTime<Utc>> {
    (1_700_000_000i64..1_900_000_000, 0u32..1_000_000_000).prop_map(|(secs, nanos)| {
        Utc.timestamp_opt(secs, nanos)
            .single()
            .expect("a valid timestamp")
    })
}

/// Text as people type it: letters, digits, punctuation, accents, emoji, right-to-left marks.
pub fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!(
        "[a-zA-Z0-9 ,.;:!?'\"()&/%€£éüñ中文🚀\u{202E}-]{{0,{max}}}"
    ))
    .expect("a valid regex")
}

pub fn name() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[A-Z][a-z]{1,12}( [A-Z][a-z]{1,12}){0,2}").expect("regex")
}

pub fn id() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-z0-9]{4,12}(-[a-z0-9]{2,6}){0,3}").expect("regex")
}

/// A decimal as a person would type it (up to two decimals).
pub fn amount() -> impl Strategy<Value = f64> {
    (-1_000_000i64..10_000_000).prop_map(|cents| cents as f64 / 100.0)
}

pub fn kind() -> impl Strategy<Value = PartnerKind> {
    proptest::sample::select(PartnerKind::ALL.to_vec())
}

pub fn side() -> impl Strategy<Value = Side> {
    prop_oneof![Just(Side::Ours), Just(Side::Theirs), Just(Side::Joint)]
}

pub fn log_kind() -> impl Strategy<Value = LogKind> {
    prop_oneof![
        Just(LogKind::Sync),
        Just(LogKind::ExecSync),
        Just(LogKind::Win),
        Just(LogKind::Blocker),
        Just(LogKind::Note)
    ]
}

pub fn confidence() -> impl Strategy<Value = Confidence> {
    prop_oneof![
        Just(Confidence::OnTrack),
        Just(Confidence::AtRisk),
        Just(Confidence::OffTrack)
    ]
}

pub fn rating() -> impl Strategy<Value = Option<Rating>> {
    option::of((1u8..=5).prop_map(|r| Rating::new(r).expect("1 to 5")))
}

pub fn partner() -> impl Strategy<Value = Partner> {
    (name(), kind(), name(), name(), text(80)).prop_map(
        |(name, kind, our_owner, their_champion, notes)| Partner {
            name,
            kind,
            our_owner,
            their_champion,
            notes,
        },
    )
}

pub fn timing() -> impl Strategy<Value = Timing> {
    (
        text(80),
        text(80),
        rating(),
        rating(),
        any::<bool>(),
        option::of(date()),
    )
        .prop_map(
            |(their_priority, how_we_fit, fit, readiness, in_rebuild, confirmed_on)| Timing {
                their_priority,
                how_we_fit,
                fit,
                readiness,
                in_rebuild,
                confirmed_on,
            },
        )
}

pub fn pilot() -> impl Strategy<Value = Pilot> {
    (
        (
            text(60),
            text(40),
            text(30),
            option::of(amount()),
            option::of(amount()),
            text(10),
        ),
        (
            text(60),
            vec(text(30), 0..4),
            text(60),
            option::of(date()),
            1u32..=90,
        ),
    )
        .prop_map(
            |(
                (use_case, segment, metric, baseline, target, unit),
                (fastest_joint_win, out_of_scope, stop_condition, launch_on, length_days),
            )| Pilot {
                use_case,
                segment,
                primary_metric: Metric {
                    name: metric,
                    baseline,
                    target,
                    unit,
                },
                fastest_joint_win,
                out_of_scope,
                stop_condition,
                launch_on,
                length_days,
            },
        )
}

pub fn key_result() -> impl Strategy<Value = KeyResult> {
    (
        name(),
        amount(),
        amount(),
        option::of(amount()),
        text(10),
        option::of(date()),
        option::of(confidence()),
        option::of(date()),
    )
        .prop_map(
            |(name, baseline, target, current, unit, due_on, confidence, checked_on)| KeyResult {
                name,
                baseline,
                target,
                current,
                unit,
                due_on,
                confidence,
                checked_on,
            },
        )
}

pub fn foundation() -> impl Strategy<Value = Foundation> {
    (
        text(80),
        vec(key_result(), 0..=3),
        (name(), name(), name(), name(), text(60), text(60)),
        (
            proptest::sample::select(Cadence::ALL.to_vec()),
            option::of(date()),
            option::of(date()),
        ),
    )
        .prop_map(
            |(
                objective,
                key_results,
                (our_owner, their_owner, our_sponsor, their_sponsor, decision_rule, escalation),
                (cadence_days, next_sync_on, review_on),
            )| Foundation {
                objective,
                key_results,
                governance: Governance {
                    our_owner,
                    their_owner,
                    our_sponsor,
                    their_sponsor,
                    decision_rule,
                    escalation,
                },
                rhythm: Rhythm {
                    cadence_days,
                    next_sync_on,
                    review_on,
                },
            },
        )
}

pub fn step() -> impl Strategy<Value = Step> {
    (
        text(60).prop_filter("a title", |t| !t.trim().is_empty()),
        side(),
        name(),
        date(),
        option::of(date()),
        option::of(date()),
        // How the commitment relates to the due date: as version 1 (none), held, or slipped.
        0u8..3,
        0u64..30,
    )
        .prop_map(
            |(title, owner_side, owner_name, created_on, due_on, done_on, commitment, slip)| Step {
                id: String::new(),
                title,
                owner_side,
                owner_name,
                created_on,
                due_on,
                committed_on: match commitment {
                    0 => None,
                    1 => due_on,
                    _ => due_on.map(|due| due - chrono::Days::new(slip)),
                },
                done_on,
            },
        )
}

pub fn log_entry() -> impl Strategy<Value = LogEntry> {
    (
        (date(), log_kind(), text(80), any::<bool>()),
        (any::<bool>(), any::<bool>(), name(), option::of(0u64..40)),
    )
        .prop_map(
            |((on, kind, text, both_sponsors_present), (internal, about_step, owner, resolved))| {
                let blocker = kind == LogKind::Blocker;
                LogEntry {
                    id: String::new(),
                    on,
                    kind,
                    text,
                    both_sponsors_present,
                    internal,
                    // Pointed at a real step once the plan's steps have ids.
                    step_id: about_step.then(String::new),
                    owner_name: if blocker { owner } else { String::new() },
                    resolved_on: resolved
                        .filter(|_| blocker)
                        .map(|days| on + chrono::Days::new(days)),
                }
            },
        )
}

pub fn cycle() -> impl Strategy<Value = Cycle> {
    (
        date(),
        option::of(0u64..60),
        text(40),
        text(40),
        text(40),
        option::of(prop_oneof![
            Just(Decision::Scale),
            Just(Decision::Iterate),
            Just(Decision::Stop)
        ]),
    )
        .prop_map(
            |(started_on, review_after, keep, change, stop, decision)| Cycle {
                started_on,
                reviewed_on: review_after.map(|days| started_on + chrono::Days::new(days)),
                keep,
                change,
                stop,
                decision,
            },
        )
}

pub fn stage() -> impl Strategy<Value = Stage> {
    proptest::sample::select(Stage::ALL.to_vec())
}

/// A valid plan: any stage, with the fields its stage requires.
pub fn plan() -> impl Strategy<Value = Plan> {
    (
        (id(), name(), timestamp(), 0u64..10_000, stage(), date()),
        (partner(), timing(), pilot(), foundation()),
        (
            vec(step(), 0..8),
            vec(log_entry(), 0..12),
            vec(cycle(), 0..3),
            vec(text(30), 0..4),
        ),
        (
            any::<bool>(),
            option::of((
                proptest::sample::select(vec![
                    Band::Moving,
                    Band::Drifting,
                    Band::GhostTownRisk,
                    Band::Unknown,
                ]),
                text(40),
                date(),
            )),
        ),
    )
        .prop_map(
            |(
                (id, name, created_at, rev, stage, some_day),
                (partner, timing, mut pilot, foundation),
                (mut steps, mut log, cycles, parking_lot),
                (example, score_override),
            )| {
                for (i, step) in steps.iter_mut().enumerate() {
                    step.id = format!("step-{i}");
                }
                for (i, entry) in log.iter_mut().enumerate() {
                    entry.id = format!("log-{i}");
                    if entry.step_id.is_some() {
                        entry.step_id =
                            (!steps.is_empty()).then(|| format!("step-{}", i % steps.len()));
                    }
                }
                if stage.has_launched() && pilot.launch_on.is_none() {
                    pilot.launch_on = Some(some_day);
                }
                Plan {
                    id: PlanId(id),
                    name,
                    created_at,
                    updated_at: created_at + chrono::TimeDelta::hours(rev as i64),
                    rev,
                    stage,
                    revisit_on: (stage == Stage::Parked).then_some(some_day),
                    partner,
                    timing,
                    pilot,
                    foundation,
                    steps,
                    log,
                    cycles,
                    score_override: score_override.map(|(band, reason, set_on)| ScoreOverride {
                        band,
                        reason,
                        set_on,
                    }),
                    parking_lot,
                    example,
                }
            },
        )
}

/// Several plans with distinct ids.
pub fn plans(max: usize) -> impl Strategy<Value = Vec<Plan>> {
    vec(plan(), 0..max).prop_map(|mut plans| {
        for (i, plan) in plans.iter_mut().enumerate() {
            plan.id = PlanId(format!("{}-{i}", plan.id));
        }
        plans
    })
}
