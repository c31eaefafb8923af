//! How dates and numbers read on screen.

use crate::domain::calendar::{written, written_short};
use chrono::NaiveDate;

/// "23 Nov 2026".
pub fn date(date: NaiveDate) -> String {
    written(date)
}

/// "23 Nov".
pub fn short_date(date: NaiveDate) -> String {
    written_short(date)
}

/// A date, or "Not set".
pub fn maybe_date(date_opt: Option<NaiveDate>) -> String {
    date_opt.map(date).unwrap_or_else(|| "Not set".into())
}

pub use crate::domain::written::{number, quantity};

/// Text, or "Not set" when blank.
pub fn text(value: &str) -> String {
    if value.trim().is_empty() {
        "Not set".into()
    } else {
        value.to_string()
    }
}

/// A value with one decimal ("17.7"), written with integer arithmetic.
pub fn tenths(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    format!("{sign}{}.{}", tenths.abs() / 10, tenths.abs() % 10)
}

/// "1 day", "3 days".
pub fn days(n: i64) -> String {
    if n == 1 || n == -1 {
        format!("{n} day")
    } else {
        format!("{n} days")
    }
}

/// A primary metric as read: "Activated accounts: from 0 accounts to 120 accounts".
pub fn metric(metric: &crate::domain::Metric) -> String {
    match (metric.baseline, metric.target) {
        (Some(b), Some(t)) => format!(
            "{}: from {} to {}",
            text(&metric.name),
            quantity(b, &metric.unit),
            quantity(t, &metric.unit)
        ),
        _ => text(&metric.name),
    }
}
