//! Why a file could not be read, in words a non-engineer can act on.

use crate::domain::Problem;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExchangeError {
    #[error("The file is too large ({}; at most {}).", too_large(*.bytes, *.max), super::words::size(*.max))]
    TooLarge { bytes: usize, max: usize },
    #[error("The file is not valid JSON: {0}.")]
    NotJson(String),
    #[error("This is not a Pilotdeck file (it has no \"format\": \"pilotdeck\").")]
    NotPilotdeck,
    #[error("The file does not say which schema_version it uses.")]
    MissingVersion,
    #[error(
        "The file was saved by a newer Pilotdeck (schema_version {found}); this version reads up to {supported}."
    )]
    NewerVersion { found: u64, supported: u32 },
    #[error("The file holds {count} plans; at most {max} can be read at once.")]
    TooManyPlans { count: usize, max: usize },
    #[error("{}", list(.0))]
    Problems(Vec<Problem>),
}

fn list(problems: &[Problem]) -> String {
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

/// The size of a file over the limit: in bytes too when, rounded, it reads like the limit.
fn too_large(bytes: usize, max: usize) -> String {
    let size = super::words::size(bytes);
    if size == super::words::size(max) {
        format!("{size}, {bytes} bytes")
    } else {
        size
    }
}
