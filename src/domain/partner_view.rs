//! What the partner may see of a plan. Our partner notes are always internal, and so is every
//! log entry marked internal: neither leaves the device in anything meant for the partner (a
//! share link for the partner, the deck on a shared screen). A full backup keeps everything.

use super::plan::Plan;

/// What a plan holds that the partner does not get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Withheld {
    /// Our notes about the partner.
    pub notes: bool,
    /// Log entries marked internal.
    pub entries: usize,
}

impl Withheld {
    pub fn is_nothing(&self) -> bool {
        !self.notes && self.entries == 0
    }

    /// What the partner gets, in one sentence to read before sharing.
    pub fn sentence(&self) -> String {
        let entries = match self.entries {
            0 => None,
            1 => Some("1 internal history entry".to_string()),
            n => Some(format!("{n} internal history entries")),
        };
        let left_out = match (self.notes, entries) {
            (false, None) => {
                return "The partner gets the whole plan: nothing in it is marked internal."
                    .to_string()
            }
            (true, None) => "our notes about the partner".to_string(),
            (false, Some(entries)) => entries,
            (true, Some(entries)) => format!("our notes about the partner and {entries}"),
        };
        format!("The partner gets the whole plan except {left_out}, which stay on this device.")
    }
}

impl Plan {
    /// The plan as the partner may see it: without our partner notes and internal entries.
    pub fn for_partner(&self) -> Plan {
        let mut plan = self.clone();
        plan.partner.notes.clear();
        plan.log.retain(|entry| !entry.internal);
        plan
    }

    /// What [`Plan::for_partner`] leaves out.
    pub fn withheld(&self) -> Withheld {
        Withheld {
            notes: !self.partner.notes.trim().is_empty(),
            entries: self.log.iter().filter(|entry| entry.internal).count(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::ymd;
    use crate::domain::{LogEntry, LogKind, Partner, PartnerKind};
    use chrono::{TimeZone, Utc};

    fn plan() -> Plan {
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
        Plan::draft(
            "Pilot",
            Partner::named("Northwind", PartnerKind::Telco),
            now,
        )
    }

    #[test]
    fn the_partner_gets_everything_but_our_notes_and_internal_entries() {
        let mut plan = plan();
        plan.partner.notes = "Their VP is leaving in March.".into();
        let mut internal = LogEntry::new(LogKind::Note, ymd(2026, 12, 1), "Budget is tight");
        internal.internal = true;
        let shared = LogEntry::new(LogKind::Sync, ymd(2026, 12, 2), "Weekly sync");
        plan.log = vec![internal, shared.clone()];

        let theirs = plan.for_partner();
        assert_eq!(theirs.partner.notes, "");
        assert_eq!(theirs.log, vec![shared]);
        assert_eq!(theirs.name, plan.name);
        assert_eq!(
            plan.withheld().sentence(),
            "The partner gets the whole plan except our notes about the partner and 1 internal history entry, which stay on this device."
        );
    }

    #[test]
    fn the_sentence_says_so_when_nothing_is_withheld() {
        let plan = plan();
        assert!(plan.withheld().is_nothing());
        assert_eq!(plan.for_partner(), plan);
        assert_eq!(
            plan.withheld().sentence(),
            "The partner gets the whole plan: nothing in it is marked internal."
        );
        let two = Withheld {
            notes: false,
            entries: 2,
        };
        assert_eq!(
            two.sentence(),
            "The partner gets the whole plan except 2 internal history entries, which stay on this device."
        );
    }
}
