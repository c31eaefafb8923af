//! How numbers and quantities read on screen and in exported text: "120", "12.5", "35%",
//! "120 accounts". One rule for the screens and the Markdown export.

/// A number without a needless ".0". Fractions are written by the JSON writer's shortest float
/// formatter, already in the bundle, rather than by `f64`'s `Display`.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        (value as i64).to_string()
    } else {
        serde_json::Number::from_f64(value)
            .map(|n| n.to_string())
            .unwrap_or_else(|| "—".into())
    }
}

/// A number with its unit: "%" sticks to the number, other units follow after a space.
pub fn quantity(value: f64, unit: &str) -> String {
    match unit.trim() {
        "" => number(value),
        "%" => format!("{}%", number(value)),
        unit => format!("{} {unit}", number(value)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_without_needless_decimals() {
        assert_eq!(number(120.0), "120");
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(-3.0), "-3");
        assert_eq!(number(f64::NAN), "—");
        assert_eq!(quantity(35.0, " % "), "35%");
        assert_eq!(quantity(120.0, "accounts"), "120 accounts");
        assert_eq!(quantity(0.5, ""), "0.5");
    }
}
