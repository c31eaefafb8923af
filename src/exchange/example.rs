//! The example portfolio: a Pilotdeck file read by the same code as any import, with its dates
//! moved so that it looks the same whatever day it is loaded.

use super::envelope::parse_envelope;
use super::error::ExchangeError;
use crate::domain::calendar::days_between;
use crate::domain::Plan;
use chrono::NaiveDate;

/// Where the app serves the example file, relative to its base URL.
pub const EXAMPLE_PATH: &str = "examples/portfolio.json";

/// The example's plans, marked as examples, with every date moved by the days between its
/// export and `today`.
pub fn example_plans(text: &str, today: NaiveDate) -> Result<Vec<Plan>, ExchangeError> {
    let envelope = parse_envelope(text)?;
    let shift = days_between(envelope.exported_at.date_naive(), today);
    Ok(envelope
        .plans
        .into_iter()
        .map(|mut plan| {
            plan.shift_dates(shift);
            plan.example = true;
            plan
        })
        .collect())
}
