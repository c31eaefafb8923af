//! Several tabs on one device: what a value another tab just saved means for this tab.
//!
//! Each plan carries a revision, one more on every save. A tab takes another tab's newer plan
//! when it has nothing unsaved for that plan; when it does, the user chooses (take the newer
//! version, or keep mine as a copy) — a tab never silently overwrites a newer save. Plans kept
//! in step live by workshop mode's two windows are the exception: their edits already reached
//! each other, so only the revision is taken.

use super::keys::{plan_id_of, trash_id_of};
use super::record::{decode_plan, decode_trashed};
use crate::domain::{Plan, PlanId, Trashed};

/// What another tab's change to one key asks of this tab.
#[derive(Debug, Clone, PartialEq)]
pub enum External {
    /// A newer or new plan this tab has nothing unsaved for: show it.
    Take(Plan),
    /// A newer version of a plan this tab is changing: the user chooses.
    Conflict(Plan),
    /// A newer save of a plan this tab shares live with another window: keep this tab's
    /// content (it holds both windows' edits) and count from the newer revision.
    Revision(PlanId, u64),
    /// The plan was deleted (or moved to the trash) in another tab.
    Gone(PlanId),
    /// A deleted plan arrived in the trash, or left it.
    TrashAdded(Trashed),
    TrashRemoved(PlanId),
    /// Nothing to do: an older or identical save, a value this build cannot read (the next
    /// load sets it aside), or a key that holds no plan.
    Nothing,
}

/// What this tab holds for a plan another tab changed.
#[derive(Debug, Clone, Copy)]
pub struct Mine<'a> {
    pub plan: Option<&'a Plan>,
    /// This tab has a change to the plan that is not saved yet.
    pub unsaved: bool,
    /// The plan is kept in step live with another window (workshop mode).
    pub live: bool,
}

/// What the change of `key` to `new_value` (`None` when removed) means, given `mine`.
pub fn external_change(key: &str, new_value: Option<&str>, mine: Mine) -> External {
    if let Some(id) = trash_id_of(key) {
        return match new_value.map(|raw| decode_trashed(raw, &id)) {
            Some(Ok(trashed)) => External::TrashAdded(trashed),
            Some(Err(_)) => External::Nothing,
            None => External::TrashRemoved(id),
        };
    }
    let Some(id) = plan_id_of(key) else {
        return External::Nothing;
    };
    let Some(raw) = new_value else {
        // Deleted elsewhere while being changed here: this tab's next save keeps it.
        return if mine.plan.is_some() && !mine.unsaved {
            External::Gone(id)
        } else {
            External::Nothing
        };
    };
    let Ok(theirs) = decode_plan(raw, &id) else {
        return External::Nothing;
    };
    match mine.plan {
        None => External::Take(theirs),
        Some(plan) if theirs.rev <= plan.rev => External::Nothing,
        Some(_) if mine.live => External::Revision(id, theirs.rev),
        Some(_) if !mine.unsaved => External::Take(theirs),
        Some(plan) if crate::domain::import::same_content(plan, &theirs) => External::Take(theirs),
        Some(_) => External::Conflict(theirs),
    }
}

/// My version of a plan kept beside the newer one another tab saved: a new id and a name
/// that says whose it is.
pub fn my_copy(mine: Plan, id: PlanId) -> Plan {
    mine.copy_as(id, " (my copy)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Partner, PartnerKind};
    use crate::storage::keys::{plan_key, trash_key};
    use crate::storage::record::{encode_plan, encode_trashed};
    use chrono::{TimeZone, Utc};

    fn plan(rev: u64, name: &str) -> Plan {
        let now = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
        let partner = Partner::named("Northwind", PartnerKind::Telco);
        let mut plan = Plan::draft(name, partner, now);
        plan.id = PlanId("p1".into());
        plan.rev = rev;
        plan
    }

    fn mine(plan: &Plan, unsaved: bool, live: bool) -> Mine<'_> {
        Mine {
            plan: Some(plan),
            unsaved,
            live,
        }
    }

    #[test]
    fn a_newer_save_is_taken_when_nothing_here_is_unsaved() {
        let here = plan(3, "Pilot");
        let there = plan(4, "Pilot, renamed elsewhere");
        let key = plan_key(&here.id);
        let change = external_change(&key, Some(&encode_plan(&there)), mine(&here, false, false));
        assert_eq!(change, External::Take(there));
    }

    #[test]
    fn a_newer_save_of_a_plan_changed_here_asks_the_user() {
        let here = plan(3, "Pilot, renamed here");
        let there = plan(4, "Pilot, renamed elsewhere");
        let key = plan_key(&here.id);
        let raw = encode_plan(&there);
        assert_eq!(
            external_change(&key, Some(&raw), mine(&here, true, false)),
            External::Conflict(there.clone())
        );
        // The same content saved elsewhere is no conflict; an older save is nothing.
        let mut same = here.clone();
        same.rev = 4;
        assert_eq!(
            external_change(&key, Some(&encode_plan(&same)), mine(&here, true, false)),
            External::Take(same)
        );
        let older = plan(2, "Old");
        assert_eq!(
            external_change(&key, Some(&encode_plan(&older)), mine(&here, true, false)),
            External::Nothing
        );
        // A plan shared live with the other workshop window takes only the revision.
        assert_eq!(
            external_change(&key, Some(&raw), mine(&here, true, true)),
            External::Revision(here.id.clone(), 4)
        );
    }

    #[test]
    fn new_removed_trashed_and_unreadable_values() {
        let there = plan(1, "New elsewhere");
        let key = plan_key(&there.id);
        let nothing_here = Mine {
            plan: None,
            unsaved: false,
            live: false,
        };
        assert_eq!(
            external_change(&key, Some(&encode_plan(&there)), nothing_here),
            External::Take(there.clone())
        );
        assert_eq!(
            external_change(&key, None, mine(&there, false, false)),
            External::Gone(there.id.clone())
        );
        assert_eq!(
            external_change(&key, None, mine(&there, true, false)),
            External::Nothing
        );
        assert_eq!(
            external_change(&key, Some("{broken"), nothing_here),
            External::Nothing
        );
        assert_eq!(
            external_change("pilotdeck/v1/view", Some("{}"), nothing_here),
            External::Nothing
        );
        let trashed = Trashed {
            deleted_at: there.created_at,
            plan: there.clone(),
        };
        let tkey = trash_key(&there.id);
        assert_eq!(
            external_change(&tkey, Some(&encode_trashed(&trashed)), nothing_here),
            External::TrashAdded(trashed)
        );
        assert_eq!(
            external_change(&tkey, None, nothing_here),
            External::TrashRemoved(there.id.clone())
        );
    }

    #[test]
    fn my_copy_gets_a_new_id_and_says_whose_it_is() {
        let copy = my_copy(plan(5, "Pilot"), PlanId("p2".into()));
        assert_eq!(copy.name, "Pilot (my copy)");
        assert_eq!((copy.id.as_str(), copy.rev), ("p2", 0));
        let long = my_copy(plan(5, &"x".repeat(200)), PlanId("p3".into()));
        assert!(crate::domain::validate_plan(&long).is_empty());
    }
}
