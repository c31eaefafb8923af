//! Why a shared plan could not be read or a change from another device was not taken.

use crate::domain::{PlanId, Problem};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SyncError {
    #[error("A change from another device was refused: it is too large ({bytes} bytes; at most {max} bytes).")]
    TooLarge { bytes: usize, max: usize },
    #[error("A change from another device was refused: it could not be read ({0}).")]
    Malformed(String),
    #[error("The sync server refused this plan: {0}")]
    PermissionDenied(String),
    #[error("The shared plan holds nothing yet.")]
    Empty,
    #[error(
        "The shared plan was saved by a newer Pilotdeck (schema_version {found}); this version reads up to {supported}."
    )]
    NewerVersion { found: u64, supported: u32 },
    #[error("The shared plan is another plan ({shared}) than this one ({local}).")]
    OtherPlan { shared: PlanId, local: PlanId },
    /// The merged plan breaks a rule: the caller keeps the last sound version.
    #[error("{}", list(.0))]
    Problems(Vec<Problem>),
}

fn list(problems: &[Problem]) -> String {
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    lines.join("\n")
}
