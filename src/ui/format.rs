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

/// A number without a needless ".0". Fractions are written by the JSON writer's shortest
/// float formatter, already in the bundle, rather than by `f64`'s `Display`.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        (value as i64).to_string()
    } else {
        serde_json::Number::from_f64(value)
            .map(|n| n.to_string())
            .unwrap_or_else(|| "—".into())
    }
}

/// A number with its unit ("1,200 activations" reads as "1200 activations"; "%" sticks).
pub fn quantity(value: f64, unit: &str) -> String {
    match unit.trim() {
        "" => number(value),
        "%" => format!("{}%", number(value)),
        unit => format!("{} {unit}", number(value)),
    }
}

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
