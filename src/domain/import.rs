//! Bringing plans from a file into the portfolio: which are new, which are already here as
//! they are, and which differ from the stored ones, with what differs; the user's choice for each
//! difference (keep mine, take theirs, keep both, or combine them); and what is needed to undo
//! the whole import.
//!
//! Nothing here touches storage: the import is worked out in full first, then applied at once.

use super::plan::{Plan, PlanId};
use super::portfolio::Portfolio;

/// How an incoming plan compares with what is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// No plan with its id is here.
    New,
    /// The same plan is here with the same content.
    Identical,
    /// A plan with its id is here with other content: the user chooses.
    Differs,
}

/// What to do with an incoming plan whose id is here with other content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    KeepMine,
    TakeTheirs,
    KeepBoth,
    /// Lists united, each differing field from the side changed later.
    Combine,
}

impl Choice {
    pub const ALL: [Choice; 4] = [
        Choice::KeepMine,
        Choice::TakeTheirs,
        Choice::KeepBoth,
        Choice::Combine,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Choice::KeepMine => "Keep mine",
            Choice::TakeTheirs => "Take theirs",
            Choice::KeepBoth => "Keep both",
            Choice::Combine => "Combine",
        }
    }
}

/// Which side a combined value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    Mine,
    Theirs,
    /// An item only one side had: kept, since a list is united.
    Kept,
}

/// One thing that differs between my version and theirs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Where, in words: "partner › our owner", "steps › “Send the deck” › due on".
    pub place: String,
    /// My value as shown, or `None` when I do not have it.
    pub mine: Option<String>,
    /// Their value as shown, or `None` when they do not have it.
    pub theirs: Option<String>,
    /// What combining takes.
    pub taken: Taken,
}

/// The two versions compared, and combined.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Everything that differs, in the plan's order.
    pub differences: Vec<Difference>,
    /// Both versions in one: lists united, a differing field from the side changed later, our
    /// notes about the partner kept (a partner's copy never has them). `None` when the two
    /// cannot be combined into a sound plan (a list would pass its limit, say).
    pub combined: Option<Plan>,
    /// Whether their version was changed later than mine.
    pub theirs_later: bool,
}

/// One plan of the file, as the preview shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    pub plan: Plan,
    pub status: Status,
    /// For a plan that differs: what differs, and the two combined.
    pub comparison: Option<Comparison>,
}

impl Incoming {
    /// The choice offered first: the side changed later (mine when neither is later).
    pub fn suggested(&self) -> Choice {
        match &self.comparison {
            Some(c) if c.theirs_later => Choice::TakeTheirs,
            _ => Choice::KeepMine,
        }
    }
}

/// The preview of an import: every plan of the file, in the file's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub incoming: Vec<Incoming>,
}

/// Whether two plans say the same thing. The revision counts saves on one device, so it is
/// left out: a plan exported and imported back unchanged is identical.
pub fn same_content(a: &Plan, b: &Plan) -> bool {
    a.id == b.id && {
        let mut b = b.clone();
        b.rev = a.rev;
        *a == b
    }
}

impl Preview {
    /// The preview of `plans` against `portfolio`; `compare` says what differs between my
    /// version and theirs of a plan that differs (the file format's `exchange::merge::compare`).
    pub fn of(
        portfolio: &Portfolio,
        plans: Vec<Plan>,
        compare: impl Fn(&Plan, &Plan) -> Comparison,
    ) -> Self {
        let incoming = plans
            .into_iter()
            .map(|plan| {
                let (status, comparison) = match portfolio.get(&plan.id) {
                    None => (Status::New, None),
                    Some(mine) if same_content(mine, &plan) => (Status::Identical, None),
                    Some(mine) => (Status::Differs, Some(compare(mine, &plan))),
                };
                Incoming {
                    plan,
                    status,
                    comparison,
                }
            })
            .collect();
        Self { incoming }
    }

    pub fn count(&self, status: Status) -> usize {
        self.incoming.iter().filter(|i| i.status == status).count()
    }

    /// Whether importing would change anything whatever is chosen.
    pub fn changes_nothing(&self) -> bool {
        self.incoming.iter().all(|i| i.status == Status::Identical)
    }

    /// The import with `choose` deciding each difference. `new_id` gives the id of a kept-both
    /// copy; it is called once per such copy and must return ids not in use.
    pub fn resolve(
        &self,
        choose: impl Fn(&PlanId) -> Choice,
        mut new_id: impl FnMut() -> PlanId,
    ) -> Import {
        let mut import = Import::default();
        for incoming in &self.incoming {
            let plan = incoming.plan.clone();
            match incoming.status {
                Status::Identical => {}
                Status::New => import.add.push(plan),
                Status::Differs => match choose(&plan.id) {
                    Choice::KeepMine => {}
                    Choice::TakeTheirs => import.replace.push(plan),
                    Choice::KeepBoth => import.add.push(copy_of(plan, new_id())),
                    // Offered only when the two combine into a sound plan.
                    Choice::Combine => {
                        if let Some(combined) = incoming
                            .comparison
                            .as_ref()
                            .and_then(|c| c.combined.clone())
                        {
                            import.replace.push(combined);
                        }
                    }
                },
            }
        }
        import
    }
}

/// Their version of a plan kept beside mine: a new id, and a name that tells them apart.
fn copy_of(plan: Plan, id: PlanId) -> Plan {
    plan.copy_as(id, " (imported)")
}

/// What an import does: plans added, and stored plans replaced by the file's version.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Import {
    pub add: Vec<Plan>,
    pub replace: Vec<Plan>,
}

/// What is needed to put the portfolio back as it was before an import.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snapshot {
    /// The stored plans the import replaced, as they were.
    pub replaced: Vec<Plan>,
    /// The ids the import added.
    pub added: Vec<PlanId>,
}

impl Import {
    pub fn is_empty(&self) -> bool {
        self.add.is_empty() && self.replace.is_empty()
    }

    /// Applies the import to `portfolio`, all of it; returns how to undo it.
    pub fn apply(self, portfolio: &mut Portfolio) -> Snapshot {
        let mut snapshot = Snapshot::default();
        for plan in self.replace {
            let rev = portfolio.get(&plan.id).map(|mine| mine.rev);
            if let Some(mine) = portfolio.get(&plan.id).cloned() {
                snapshot.replaced.push(mine);
            }
            // Their content, counted from my revision: the next save writes it as the newer one.
            let mut plan = plan;
            plan.rev = rev.unwrap_or(plan.rev);
            portfolio.replace(plan);
        }
        let added = portfolio.add_new(self.add);
        snapshot.added = added.added;
        snapshot
    }
}

impl Snapshot {
    /// Puts the portfolio back as it was before the import: the added plans go, the replaced
    /// ones return as they were. Edits made since to those plans are undone with it. A restored
    /// plan counts from the revision it replaces, so saving it is a newer save, not an old copy.
    pub fn undo(&self, portfolio: &mut Portfolio) {
        for id in &self.added {
            portfolio.remove(id);
        }
        for plan in &self.replaced {
            let mut plan = plan.clone();
            if let Some(now) = portfolio.get(&plan.id) {
                plan.rev = plan.rev.max(now.rev);
            }
            portfolio.replace(plan);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A comparison that combines into my version: what these tests need of one.
    fn keeps_mine(mine: &Plan, _theirs: &Plan) -> Comparison {
        Comparison {
            differences: Vec::new(),
            combined: Some(mine.clone()),
            theirs_later: false,
        }
    }
    use crate::domain::limits::MAX_NAME_CHARS;
    use crate::domain::{Partner, PartnerKind};
    use chrono::{TimeZone, Utc};

    fn plan(id: &str, name: &str) -> Plan {
        let now = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
        let partner = Partner::named("Northwind Mobile", PartnerKind::Telco);
        let mut plan = Plan::draft(name, partner, now);
        plan.id = PlanId(id.into());
        plan
    }

    fn ids(plans: &Portfolio) -> Vec<String> {
        plans.plans().iter().map(|p| p.id.0.clone()).collect()
    }

    #[test]
    fn the_preview_sorts_plans_into_new_identical_and_different() {
        let mut stored = plan("a", "Alpha");
        stored.rev = 7;
        let portfolio = Portfolio::new(vec![stored.clone(), plan("b", "Beta")]);
        let mut same = stored.clone();
        same.rev = 1;
        let preview = Preview::of(
            &portfolio,
            vec![same, plan("b", "Beta, renamed"), plan("c", "Gamma")],
            keeps_mine,
        );
        let statuses: Vec<Status> = preview.incoming.iter().map(|i| i.status).collect();
        assert_eq!(statuses, [Status::Identical, Status::Differs, Status::New]);
        assert_eq!(preview.count(Status::Differs), 1);
        assert!(!preview.changes_nothing());
    }

    #[test]
    fn each_choice_does_what_it_says_and_undo_puts_everything_back() {
        let original = Portfolio::new(vec![plan("a", "Alpha"), plan("b", "Beta")]);
        let file = vec![
            plan("a", "Alpha (theirs)"),
            plan("b", "Beta (theirs)"),
            plan("c", "Gamma"),
        ];
        for (a, b) in [
            (Choice::KeepMine, Choice::KeepMine),
            (Choice::TakeTheirs, Choice::KeepBoth),
            (Choice::KeepBoth, Choice::TakeTheirs),
            (Choice::Combine, Choice::KeepMine),
        ] {
            let mut portfolio = original.clone();
            let preview = Preview::of(&portfolio, file.clone(), keeps_mine);
            let mut next = 0;
            let import = preview.resolve(
                |id| if id.0 == "a" { a } else { b },
                || {
                    next += 1;
                    PlanId(format!("copy-{next}"))
                },
            );
            let snapshot = import.apply(&mut portfolio);
            let name = |id: &str| portfolio.get(&PlanId(id.into())).map(|p| p.name.clone());
            for (id, choice) in [("a", a), ("b", b)] {
                let mine = original.get(&PlanId(id.into())).unwrap().name.clone();
                match choice {
                    Choice::KeepMine => assert_eq!(name(id), Some(mine)),
                    Choice::TakeTheirs => assert_eq!(name(id), Some(format!("{mine} (theirs)"))),
                    Choice::KeepBoth => {
                        assert_eq!(name(id), Some(mine.clone()));
                        assert_eq!(name("copy-1"), Some(format!("{mine} (theirs) (imported)")));
                    }
                    // Both changed on the same day: the name differs, and mine is kept.
                    Choice::Combine => assert_eq!(name(id), Some(mine)),
                }
            }
            assert_eq!(name("c"), Some("Gamma".into()));
            snapshot.undo(&mut portfolio);
            assert_eq!(portfolio.len(), original.len(), "undo after {a:?}/{b:?}");
            for plan in original.plans() {
                let back = portfolio.get(&plan.id).expect("back");
                assert!(same_content(back, plan), "undo after {a:?}/{b:?}");
            }
        }
    }

    #[test]
    fn an_undone_import_saves_as_the_newest_revision() {
        let mut mine = plan("a", "Alpha");
        mine.rev = 64;
        let mut portfolio = Portfolio::new(vec![mine]);
        let preview = Preview::of(&portfolio, vec![plan("a", "Alpha (theirs)")], keeps_mine);
        let snapshot = preview
            .resolve(|_| Choice::TakeTheirs, || PlanId("unused".into()))
            .apply(&mut portfolio);
        // The import was saved: storage now holds revision 65.
        portfolio.set_rev(&PlanId("a".into()), 65);
        snapshot.undo(&mut portfolio);
        let back = portfolio.get(&PlanId("a".into())).expect("back");
        assert_eq!((back.name.as_str(), back.rev), ("Alpha", 65));
    }

    #[test]
    fn importing_the_same_file_twice_changes_nothing_the_second_time() {
        let mut portfolio = Portfolio::new(vec![plan("a", "Alpha")]);
        let file = vec![plan("a", "Alpha, renamed"), plan("b", "Beta")];
        let preview = Preview::of(&portfolio, file.clone(), keeps_mine);
        preview
            .resolve(|_| Choice::TakeTheirs, || PlanId("unused".into()))
            .apply(&mut portfolio);
        let again = Preview::of(&portfolio, file, keeps_mine);
        assert!(again.changes_nothing());
        assert!(again
            .resolve(|_| Choice::KeepBoth, || PlanId("unused".into()))
            .is_empty());
        assert_eq!(ids(&portfolio), ["a", "b"]);
    }

    #[test]
    fn a_kept_copy_stays_within_the_name_limit() {
        let long = "N".repeat(MAX_NAME_CHARS);
        let copy = copy_of(plan("a", &long), PlanId("b".into()));
        assert_eq!(copy.name.chars().count(), MAX_NAME_CHARS);
        assert!(copy.name.ends_with(" (imported)"));
        assert!(crate::domain::validate_plan(&copy).is_empty());
    }
}
