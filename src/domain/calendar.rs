//! Calendar arithmetic the rules rely on: quarters and day offsets.

use chrono::{Datelike, NaiveDate};

/// A calendar quarter: the year and 1–4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Quarter {
    pub year: i32,
    pub number: u32,
}

impl Quarter {
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            number: date.month0() / 3 + 1,
        }
    }

    /// The first day of the next quarter: when a timing check goes stale.
    pub fn next_start(self) -> NaiveDate {
        let (year, month) = if self.number == 4 {
            (self.year + 1, 1)
        } else {
            (self.year, self.number * 3 + 1)
        };
        NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MAX)
    }

    pub fn label(self) -> String {
        format!("Q{} {}", self.number, self.year)
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date as people write it: "23 Nov 2026".
pub fn written(date: NaiveDate) -> String {
    format!("{} {}", written_short(date), date.year())
}

/// A date without its year: "23 Nov".
pub fn written_short(date: NaiveDate) -> String {
    format!("{} {}", date.day(), MONTHS[date.month0() as usize])
}

/// Whether two dates fall in the same calendar quarter.
pub fn same_quarter(a: NaiveDate, b: NaiveDate) -> bool {
    Quarter::of(a) == Quarter::of(b)
}

/// `date` moved by `days` (negative moves back), saturating at the calendar's ends.
pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    let delta = chrono::Days::new(days.unsigned_abs());
    let moved = if days >= 0 {
        date.checked_add_days(delta)
    } else {
        date.checked_sub_days(delta)
    };
    moved.unwrap_or(if days >= 0 {
        NaiveDate::MAX
    } else {
        NaiveDate::MIN
    })
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::dates::ymd as d;

    #[test]
    fn quarters_split_the_year_in_four() {
        assert_eq!(Quarter::of(d(2026, 1, 1)).number, 1);
        assert_eq!(Quarter::of(d(2026, 3, 31)).number, 1);
        assert_eq!(Quarter::of(d(2026, 4, 1)).number, 2);
        assert_eq!(Quarter::of(d(2026, 9, 30)).number, 3);
        assert_eq!(Quarter::of(d(2026, 12, 31)).number, 4);
    }

    #[test]
    fn same_quarter_is_false_across_a_boundary_and_across_years() {
        assert!(same_quarter(d(2026, 10, 1), d(2026, 12, 31)));
        assert!(!same_quarter(d(2026, 9, 30), d(2026, 10, 1)));
        assert!(!same_quarter(d(2025, 11, 1), d(2026, 11, 1)));
    }

    #[test]
    fn next_quarter_start_wraps_the_year() {
        assert_eq!(Quarter::of(d(2026, 11, 23)).next_start(), d(2027, 1, 1));
        assert_eq!(Quarter::of(d(2026, 2, 10)).next_start(), d(2026, 4, 1));
        assert_eq!(Quarter::of(d(2026, 11, 23)).label(), "Q4 2026");
    }

    #[test]
    fn dates_are_written_day_month_year() {
        assert_eq!(written(d(2026, 11, 3)), "3 Nov 2026");
        assert_eq!(written_short(d(2027, 1, 18)), "18 Jan");
    }

    #[test]
    fn add_days_moves_both_ways_and_saturates() {
        assert_eq!(add_days(d(2026, 2, 27), 2), d(2026, 3, 1));
        assert_eq!(add_days(d(2026, 3, 1), -1), d(2026, 2, 28));
        assert_eq!(add_days(NaiveDate::MAX, 1), NaiveDate::MAX);
        assert_eq!(add_days(NaiveDate::MIN, -1), NaiveDate::MIN);
        assert_eq!(days_between(d(2026, 1, 1), d(2026, 1, 31)), 30);
    }
}
