//! How dates and timestamps are written in plans: `YYYY-MM-DD` and RFC 3339 UTC
//! (`2026-11-23T09:30:00Z`).
//!
//! Read and written by hand rather than through chrono's general parser and formatter: the
//! formats are fixed, the errors can say exactly what was expected, and the browser bundle is
//! smaller for it. Used as `#[serde(with = "...")]` on the model's fields.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, TimeDelta, Utc};
use serde::{de, Deserializer, Serializer};

/// Reads `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = digits(&text[0..4])?;
    let month = digits(&text[5..7])?;
    let day = digits(&text[8..10])?;
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// Reads an RFC 3339 timestamp (`2026-11-23T09:30:00Z`, `…:00.123+01:00`), as UTC.
pub fn parse_timestamp(text: &str) -> Option<DateTime<Utc>> {
    // Every valid timestamp is ASCII; checking first keeps the byte slices below on character
    // boundaries whatever a file holds (found by fuzzing: "2026-11-23T09:00:0éZ" panicked).
    if !text.is_ascii() {
        return None;
    }
    let bytes = text.as_bytes();
    if bytes.len() < 20 || !matches!(bytes[10], b'T' | b't' | b' ') {
        return None;
    }
    let date = parse_date(&text[..10])?;
    if bytes[13] != b':' || bytes[16] != b':' {
        return None;
    }
    let hour = digits(&text[11..13])?;
    let minute = digits(&text[14..16])?;
    let second = digits(&text[17..19])?;
    let mut rest = &text[19..];
    let mut nanos = 0;
    if let Some(fraction) = rest.strip_prefix('.') {
        let len = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if len == 0 || len > 9 {
            return None;
        }
        nanos = digits(&fraction[..len])? * 10u32.pow(9 - len as u32);
        rest = &fraction[len..];
    }
    let offset_minutes: i64 = match rest.as_bytes() {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let hours = i64::from(digits(&rest[1..3])?);
            let minutes = i64::from(digits(&rest[4..6])?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let total = hours * 60 + minutes;
            if *sign == b'-' {
                -total
            } else {
                total
            }
        }
        _ => return None,
    };
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    let local = NaiveDateTime::new(date, time);
    let utc = local.checked_sub_signed(TimeDelta::try_minutes(offset_minutes)?)?;
    Some(DateTime::from_naive_utc_and_offset(utc, Utc))
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn quoted(text: &str) -> String {
    let shown: String = text.chars().take(40).collect();
    format!("\"{shown}\"")
}

const DATE_EXPECTED: &str = "not a date (expected YYYY-MM-DD)";
const TIMESTAMP_EXPECTED: &str = "not a date and time (expected 2026-11-23T09:30:00Z)";

/// Reads one string with `parse`; the error is raised inside the string's visit, so the JSON
/// reader reports it at the string's position.
struct TextVisitor<T> {
    parse: fn(&str) -> Option<T>,
    expected: &'static str,
}

impl<T> de::Visitor<'_> for TextVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str(self.expected)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        (self.parse)(text).ok_or_else(|| E::custom(format!("{}: {}", self.expected, quoted(text))))
    }
}

/// The same, or `null`.
struct OptionalVisitor<T>(TextVisitor<T>);

impl<'de, T> de::Visitor<'de> for OptionalVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(formatter, "{} or null", self.0.expected)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self.0).map(Some)
    }
}

fn date_visitor() -> TextVisitor<NaiveDate> {
    TextVisitor {
        parse: parse_date,
        expected: DATE_EXPECTED,
    }
}

/// `NaiveDate` as `YYYY-MM-DD`.
pub mod date {
    use super::*;

    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(date)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        deserializer.deserialize_str(date_visitor())
    }
}

/// `Option<NaiveDate>` as `YYYY-MM-DD` or `null`.
pub mod optional_date {
    use super::*;

    pub fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serializer.collect_str(date),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        deserializer.deserialize_option(OptionalVisitor(date_visitor()))
    }
}

/// `DateTime<Utc>` as RFC 3339 in UTC.
pub mod timestamp {
    use super::*;

    pub fn serialize<S: Serializer>(
        time: &DateTime<Utc>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&time.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<DateTime<Utc>, D::Error> {
        deserializer.deserialize_str(TextVisitor {
            parse: parse_timestamp,
            expected: TIMESTAMP_EXPECTED,
        })
    }
}

/// A date written as year, month and day, for tests.
#[cfg(test)]
pub(crate) fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid test date")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_only_the_fixed_format() {
        assert_eq!(
            parse_date("2026-11-23"),
            NaiveDate::from_ymd_opt(2026, 11, 23)
        );
        for bad in [
            "2026-2-03",
            "31/02/2026",
            "2026-02-30",
            "2026-13-01",
            "+2026-01-01",
            "2026-01-0a",
            "2026-01-é",
            "2026-é-01",
            "é026-01-01",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn timestamps_read_utc_offsets_and_fractions() {
        let utc = |s| parse_timestamp(s).map(|t| t.to_rfc3339_opts(SecondsFormat::AutoSi, true));
        assert_eq!(
            utc("2026-11-23T09:30:00Z").as_deref(),
            Some("2026-11-23T09:30:00Z")
        );
        assert_eq!(
            utc("2026-11-23T09:30:00+01:00").as_deref(),
            Some("2026-11-23T08:30:00Z")
        );
        assert_eq!(
            utc("2026-11-23T23:30:00-01:30").as_deref(),
            Some("2026-11-24T01:00:00Z")
        );
        assert_eq!(
            utc("2026-11-23T09:30:00.25Z").as_deref(),
            Some("2026-11-23T09:30:00.250Z")
        );
        for bad in [
            "2026-11-23",
            "2026-11-23T09:30Z",
            "2026-11-23T25:00:00Z",
            "2026-11-23T09:30:00",
            "2026-11-23T09:30:00.Z",
            // Multi-byte characters where digits belong (found by fuzzing the importer).
            "2026-11-23T09:00:0éZ",
            "2026-11-23T09:0é:00Z",
            "2026-11-23T09:00:00.1éZ",
            "2026-11-23T09:00:00+0é:00",
            "2026-11-2éT09:00:00Z",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn errors_say_what_was_expected_and_what_was_found() {
        #[derive(Debug, serde::Deserialize)]
        struct Holder {
            #[serde(with = "date")]
            #[allow(dead_code)]
            on: NaiveDate,
        }
        let error = serde_json::from_str::<Holder>(r#"{"on":"31/02/2026"}"#)
            .expect_err("not a date")
            .to_string();
        assert!(
            error.starts_with("not a date (expected YYYY-MM-DD): \"31/02/2026\""),
            "{error}"
        );
    }
}
