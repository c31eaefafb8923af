//! When to remind the user to export: browser storage can be cleared (site data wiped, a
//! private window closed, a full disk), and a file is the only copy that survives that.

use super::plan::Plan;
use chrono::{DateTime, Utc};

/// Remind once the last export is older than this.
pub const REMIND_AFTER_DAYS: i64 = 14;
/// …or once this many plans changed since it.
pub const REMIND_AFTER_CHANGED_PLANS: usize = 10;

/// Why an export is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminder {
    /// Plans exist and none was ever exported from this browser.
    NeverExported,
    /// The last export is this many days old.
    Old { days: i64 },
    /// This many plans changed since the last export.
    ManyChanges { plans: usize },
}

/// Whether to remind the user to export, and why.
pub fn export_reminder(
    plans: &[Plan],
    last_export: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<Reminder> {
    if plans.is_empty() {
        return None;
    }
    let Some(last) = last_export else {
        return Some(Reminder::NeverExported);
    };
    let days = (now - last).num_days();
    if days > REMIND_AFTER_DAYS {
        return Some(Reminder::Old { days });
    }
    let changed = plans.iter().filter(|p| p.updated_at > last).count();
    (changed >= REMIND_AFTER_CHANGED_PLANS).then_some(Reminder::ManyChanges { plans: changed })
}

impl Reminder {
    pub fn message(self) -> String {
        match self {
            Reminder::NeverExported => "Your plans have never been exported from this browser. Browsers can clear their storage: keep a file as your backup.".into(),
            Reminder::Old { days } => format!("Your last export was {days} days ago. Browsers can clear their storage: export a fresh backup."),
            Reminder::ManyChanges { plans } => format!("{plans} plans changed since your last export. Export a fresh backup."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Partner, PartnerKind, PlanId};
    use chrono::{Duration, TimeZone};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).unwrap()
    }

    fn plans(n: usize, updated: DateTime<Utc>) -> Vec<Plan> {
        (0..n)
            .map(|i| {
                let partner = Partner::named("Northwind", PartnerKind::Telco);
                let mut plan = Plan::draft("Pilot", partner, updated);
                plan.id = PlanId(format!("p{i}"));
                plan
            })
            .collect()
    }

    #[test]
    fn no_plans_no_reminder_and_never_exported_plans_get_one() {
        assert_eq!(export_reminder(&[], None, now()), None);
        assert_eq!(
            export_reminder(&plans(1, now()), None, now()),
            Some(Reminder::NeverExported)
        );
    }

    #[test]
    fn an_export_older_than_fourteen_days_is_due_again() {
        let old = plans(1, now() - Duration::days(30));
        let fourteen = now() - Duration::days(14);
        assert_eq!(export_reminder(&old, Some(fourteen), now()), None);
        let fifteen = now() - Duration::days(15);
        assert_eq!(
            export_reminder(&old, Some(fifteen), now()),
            Some(Reminder::Old { days: 15 })
        );
    }

    #[test]
    fn many_changed_plans_since_the_export_are_due_too() {
        let exported = now() - Duration::days(1);
        let nine = plans(9, now());
        assert_eq!(export_reminder(&nine, Some(exported), now()), None);
        let ten = plans(10, now());
        assert_eq!(
            export_reminder(&ten, Some(exported), now()),
            Some(Reminder::ManyChanges { plans: 10 })
        );
        let unchanged = plans(20, exported - Duration::hours(1));
        assert_eq!(export_reminder(&unchanged, Some(exported), now()), None);
        assert!(Reminder::Old { days: 20 }.message().contains("20 days"));
    }
}
