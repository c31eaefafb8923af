//! How dates and numbers read on screen.

use chrono::NaiveDate;

/// "23 Nov 2026".
pub fn date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// A date, or "Not set".
pub fn maybe_date(date_opt: Option<NaiveDate>) -> String {
    date_opt.map(date).unwrap_or_else(|| "Not set".into())
}

/// A number without a needless ".0".
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        format!("{value}")
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
