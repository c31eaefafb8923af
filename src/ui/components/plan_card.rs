//! One plan on the portfolio: name, partner, stage, score, days since launch, next step due.

use super::score_summary::ScoreSummary;
use super::stage_badge::StageBadge;
use crate::domain::scoring::{headline, history, Headline, HistoryPoint, MODEL};
use crate::domain::wizard::first_incomplete;
use crate::domain::{Plan, PlanId, Stage};
use crate::ui::format;
use crate::ui::router::{Link, Route};
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

/// What a card shows, computed for each card on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct CardSummary {
    pub id: PlanId,
    pub name: String,
    pub partner: String,
    pub kind: &'static str,
    pub stage: Stage,
    /// Added by "Load example portfolio".
    pub example: bool,
    /// Shared live from this device.
    pub shared: bool,
    pub headline: Headline,
    pub history: Vec<HistoryPoint>,
    pub launch: Option<String>,
    /// For parked plans, until when.
    pub parked_until: Option<String>,
    pub next_step: Option<String>,
    /// For drafts, where the wizard resumes.
    pub resume: Option<Route>,
    /// With `today` and `shown`, what makes a card re-render when its plan changes.
    pub updated_at: DateTime<Utc>,
    pub today: NaiveDate,
    /// A digest of what the card shows: a plan replaced wholesale (an import, another tab)
    /// may keep its `updated_at`, and its card must still be drawn again.
    pub shown: u64,
}

impl CardSummary {
    pub fn of(plan: &Plan, today: NaiveDate) -> Self {
        Self {
            id: plan.id.clone(),
            name: plan.shown_name().to_string(),
            partner: plan.partner.name.clone(),
            kind: plan.partner.kind.label(),
            stage: plan.stage,
            example: plan.example,
            shared: false,
            headline: headline(plan, today, &MODEL),
            history: if plan.stage.is_running() {
                history(plan, today, &MODEL)
            } else {
                Vec::new()
            },
            parked_until: (plan.stage == Stage::Parked)
                .then_some(plan.revisit_on)
                .flatten()
                .map(|on| format!("Parked until {}", format::date(on))),
            launch: plan.days_since_launch(today).map(|days| match days {
                d if d < 0 => format!("Launches in {}", format::days(-d)),
                0 => "Launched today".to_string(),
                1 => "Launched yesterday".to_string(),
                d => format!("Day {d} since launch"),
            }),
            next_step: plan.next_step_due().map(|s| {
                let due = s.due_on.map(format::short_date).unwrap_or_default();
                format!("{} · due {due}", s.title)
            }),
            resume: matches!(plan.stage, Stage::Exploring | Stage::Designing).then(|| {
                Route::Wizard {
                    draft: Some(plan.id.clone()),
                    step: first_incomplete(plan, today, &MODEL),
                }
            }),
            updated_at: plan.updated_at,
            today,
            shown: 0,
        }
        .with_digest()
    }

    /// Marks the card of a plan shared live.
    pub fn shared(mut self, shared: bool) -> Self {
        self.shared = shared;
        self.with_digest()
    }

    fn with_digest(mut self) -> Self {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        (
            &self.name,
            &self.partner,
            self.kind,
            self.stage,
            self.example,
        )
            .hash(&mut hasher);
        (&self.launch, &self.next_step, &self.parked_until).hash(&mut hasher);
        match &self.headline {
            Headline::Momentum { momentum, trend } => {
                (momentum.score, momentum.band, trend.map(|t| t.direction)).hash(&mut hasher)
            }
            Headline::Readiness(r) => r.percent().hash(&mut hasher),
            Headline::Stopped => 0u8.hash(&mut hasher),
        }
        self.shown = hasher.finish();
        self
    }
}

#[component]
pub fn PlanCard(card: CardSummary) -> impl IntoView {
    let CardSummary {
        id,
        name,
        partner,
        kind,
        stage,
        example,
        shared,
        headline,
        history,
        launch,
        parked_until,
        next_step,
        resume,
        ..
    } = card;
    let plan_id = id.to_string();
    let name_for_continue = name.clone();
    view! {
        <article class="plan-card" data-testid="plan-card" data-plan-id=plan_id>
            <header class="plan-card-head">
                <h2 class="plan-card-title">
                    <Link to=Route::Plan(id) class="stretched-link">
                        <span data-testid="plan-name">{name}</span>
                    </Link>
                </h2>
                {example
                    .then(|| {
                        view! {
                            <span
                                class="tag tag-example"
                                data-testid="example-tag"
                                title="From the example portfolio"
                            >
                                "Example"
                            </span>
                        }
                    })}
                {shared
                    .then(|| {
                        view! {
                            <span
                                class="tag tag-shared"
                                data-testid="shared-tag"
                                title="Shared live: edits from the others merge in"
                            >
                                "Shared"
                            </span>
                        }
                    })}
                <StageBadge stage=stage />
            </header>
            <p class="plan-card-partner">{partner} <span class="muted">" · " {kind}</span></p>
            <ScoreSummary headline=headline history=history />
            {parked_until
                .map(|text| {
                    view! {
                        <p class="plan-card-parked" data-testid="parked-until">
                            {text}
                        </p>
                    }
                })}
            <dl class="plan-card-facts">
                {launch
                    .map(|text| {
                        view! {
                            <div>
                                <dt>"Launch"</dt>
                                <dd>{text}</dd>
                            </div>
                        }
                    })} <div>
                    <dt>"Next step"</dt>
                    <dd>{next_step.unwrap_or_else(|| "None planned".to_string())}</dd>
                </div>
            </dl>
            {resume
                .map(|route| {
                    view! {
                        <Link to=route class="button small card-action">
                            "Continue"
                            <span class="visually-hidden">{format!(" {name_for_continue}")}</span>
                        </Link>
                    }
                })}
        </article>
    }
}
