//! Partner-type templates: what the wizard suggests for each kind of partnership (use cases,
//! segments, metrics, fastest wins, scope, stop conditions, starter OKRs, cadence, risks, steps).
//!
//! Plain `static` data: nothing is allocated, and a telco pilot reads nothing like an affiliate one.

use super::limits::MAX_KEY_RESULTS;
use super::plan::{Cadence, Foundation, KeyResult, Metric, PartnerKind, Side};

/// A key result suggestion: what to measure, from where to where.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeyResultIdea {
    pub name: &'static str,
    pub baseline: f64,
    pub target: f64,
    pub unit: &'static str,
}

impl KeyResultIdea {
    const fn new(name: &'static str, baseline: f64, target: f64, unit: &'static str) -> Self {
        Self {
            name,
            baseline,
            target,
            unit,
        }
    }

    /// The idea as a pilot's primary metric.
    pub fn metric(&self) -> Metric {
        Metric {
            name: self.name.to_string(),
            baseline: Some(self.baseline),
            target: Some(self.target),
            unit: self.unit.to_string(),
        }
    }
}

/// What Pilotdeck suggests for one kind of partnership.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Template {
    pub kind: PartnerKind,
    /// One sentence on what makes this kind of pilot different, shown when the kind is chosen.
    pub summary: &'static str,
    /// Narrow, winnable use cases: a pilot picks one.
    pub use_cases: &'static [&'static str],
    /// Who the pilot is for.
    pub segments: &'static [&'static str],
    /// Ideas for the pilot's primary success metric.
    pub metrics: &'static [KeyResultIdea],
    /// The fastest joint wins this kind of partner can deliver.
    pub fastest_wins: &'static [&'static str],
    /// What to keep out of a first pilot.
    pub out_of_scope: &'static [&'static str],
    /// Pre-agreed, measurable stop conditions with a time box.
    pub stop_conditions: &'static [&'static str],
    /// A starter shared objective, one sentence.
    pub objective: &'static str,
    /// Two or three starter key results for the objective.
    pub key_results: &'static [KeyResultIdea],
    /// The default rhythm of collaboration for this kind.
    pub cadence: Cadence,
    /// Typical risks, each with what to do about it.
    pub risks: &'static [&'static str],
    /// Suggested next steps with the side that typically owns them.
    pub first_steps: &'static [(&'static str, Side)],
}

/// The template for a kind of partnership.
pub fn template(kind: PartnerKind) -> &'static Template {
    &BY_KIND[position(kind)]
}

impl Template {
    /// Fills a foundation with this kind's starters: the objective where none is written yet,
    /// and the starter key results in place of those there.
    pub fn use_starters(&self, foundation: &mut Foundation) {
        if foundation.objective.trim().is_empty() {
            foundation.objective = self.objective.to_string();
        }
        foundation.key_results = self
            .key_results
            .iter()
            .take(MAX_KEY_RESULTS)
            .map(|idea| KeyResult::new(idea.name, idea.baseline, idea.target, idea.unit))
            .collect();
    }
}

/// Where a kind sits in [`PartnerKind::ALL`] (and so in [`TEMPLATES`]).
const fn position(kind: PartnerKind) -> usize {
    match kind {
        PartnerKind::Telco => 0,
        PartnerKind::Agency => 1,
        PartnerKind::Affiliate => 2,
        PartnerKind::Reseller => 3,
        PartnerKind::TechIntegration => 4,
        PartnerKind::Distributor => 5,
        PartnerKind::StrategicAlliance => 6,
        PartnerKind::Other => 7,
    }
}

// Checked when compiling: each template sits at its kind's position, in `PartnerKind::ALL` order.
const _: () = {
    let mut i = 0;
    while i < TEMPLATES.len() {
        assert!(position(TEMPLATES[i].kind) == i);
        assert!(position(PartnerKind::ALL[i]) == i);
        i += 1;
    }
};

/// One place in memory for the templates, so [`template`] can hand out `&'static` references.
static BY_KIND: [Template; 8] = TEMPLATES;

/// One template per partner kind, in [`PartnerKind::ALL`] order.
pub const TEMPLATES: [Template; 8] = [
    TELCO,
    AGENCY,
    AFFILIATE,
    RESELLER,
    TECH_INTEGRATION,
    DISTRIBUTOR,
    STRATEGIC_ALLIANCE,
    OTHER,
];

const TELCO: Template = Template {
    kind: PartnerKind::Telco,
    summary: "Telcos buy slowly and sell at scale: procurement, legal and this quarter's board \
              priorities decide the timing, so confirm them before building anything.",
    use_cases: &[
        "Bundle our add-on into one business tariff for one SMB segment in one region",
        "Sell our product as a paid add-on in the telco's self-service portal for business customers",
        "Give their SMB field sales team one upsell offer to attach to new fibre or mobile contracts",
        "Include our app free for six months in one consumer mobile plan sold online",
        "Add our service as a retention perk for one churn-risk cohort their customer-value team flags",
        "Offer our service in the telco's consumer app or rewards programme to one customer group",
    ],
    segments: &[
        "SMBs with 1–10 lines on a business tariff in one region",
        "Business customers with a contract renewal due this quarter",
        "Consumers joining one postpaid mobile plan online",
        "Families on a multi-line plan in their first 90 days",
        "Sole traders who buy through the telco's online shop",
    ],
    metrics: &[
        KeyResultIdea::new("Activation rate of bundled lines", 0.0, 15.0, "%"),
        KeyResultIdea::new("Add-on attach rate at point of sale", 0.0, 5.0, "%"),
        KeyResultIdea::new("Paying add-on accounts", 0.0, 100.0, "accounts"),
        KeyResultIdea::new("Recurring revenue from the bundle", 0.0, 2_000.0, "€ MRR"),
    ],
    fastest_wins: &[
        "Our add-on live as a SKU in their ordering system for one tariff",
        "One shop or telesales team selling the bundle for two weeks, with a daily tally",
        "A one-page sales sheet approved by their product marketing and in the reps' hands",
        "The offer in their next scheduled email to existing business customers",
        "One real customer bill showing the add-on correctly, end to end",
    ],
    out_of_scope: &[
        "A national launch, or more than one tariff or region",
        "Billing or CRM integration beyond a manually provisioned SKU",
        "Consumer and prepaid plans",
        "Renegotiating the master agreement or the revenue share",
    ],
    stop_conditions: &[
        "Fewer than 5% of bundled lines activated after 30 days on sale",
        "No SKU orderable in their systems 45 days after signature",
        "Under 20 activations from the first 1,000 eligible customers within 6 weeks",
        "Their sponsor misses two exec syncs in a row in the first 60 days",
    ],
    objective: "Prove within one quarter that SMB customers in one region buy and activate our \
                add-on when it comes bundled with their business tariff.",
    key_results: &[
        KeyResultIdea::new("Bundled lines activated", 0.0, 150.0, "lines"),
        KeyResultIdea::new("Activation rate of bundled lines", 0.0, 15.0, "%"),
        KeyResultIdea::new("Days from order to activation", 14.0, 3.0, "days"),
    ],
    cadence: Cadence::Fortnightly,
    risks: &[
        "Procurement, security, legal and DPA reviews take months: start them in week one and \
         put the lead times in the plan",
        "The pilot drops off the board's priorities: tie it to one of this quarter's priorities \
         and re-confirm timing every quarter",
        "Frontline reps ignore a new SKU with no incentive: agree a target or spiff with their \
         sales lead before launch",
        "Provisioning or billing changes wait for an IT release: get the release calendar and \
         book the slot early",
    ],
    first_steps: &[
        ("Send our security questionnaire answers and DPA to their procurement", Side::Ours),
        ("Confirm the tariff, region and launch quarter with their product owner", Side::Theirs),
        ("Book fortnightly working syncs and a monthly exec sync with both sponsors", Side::Joint),
        ("Set up the add-on SKU in their ordering system", Side::Theirs),
        ("Write the one-page sales sheet and a 20-minute rep briefing", Side::Ours),
    ],
};

const AGENCY: Template = Template {
    kind: PartnerKind::Agency,
    summary: "Agencies sell their time, so the pilot lives or dies on one real client: agree the \
              money model (referral fee or white-label) and who owns the client.",
    use_cases: &[
        "Roll out our product for one joint client, with the agency running the rollout",
        "Add our tool to one of the agency's retainers as a billable line item",
        "Refer clients who outgrow the agency's current stack to us, for a referral fee",
        "White-label our reporting for the agency's clients under the agency's brand",
        "Co-produce one client case study with measured before-and-after results",
    ],
    segments: &[
        "Clients on a monthly retainer with the agency's performance team",
        "Mid-market e-commerce brands the agency onboarded this year",
        "Prospects in new-business pitches the agency expects to close this quarter",
    ],
    metrics: &[
        KeyResultIdea::new("Joint clients live", 0.0, 3.0, "customers"),
        KeyResultIdea::new("Qualified referrals from the agency", 0.0, 10.0, "leads"),
        KeyResultIdea::new("Referred deals closed", 0.0, 3.0, "deals"),
        KeyResultIdea::new("Days to onboard a client", 21.0, 7.0, "days"),
    ],
    fastest_wins: &[
        "One joint client live in 30 days, with the agency lead presenting the results to the client",
        "Two of the agency's account managers trained and using our product on a live account",
        "Our product in one real new-business pitch, on a co-branded slide",
        "The first referral fee paid within 30 days of the deal closing",
    ],
    out_of_scope: &[
        "A network-wide rollout across all the agency's offices",
        "Custom development for a single client",
        "Exclusivity in either direction",
        "Co-marketing campaigns before the first client result",
    ],
    stop_conditions: &[
        "No joint client signed 45 days after kick-off",
        "Fewer than 3 qualified referrals in the first 60 days",
        "The joint client's main KPI has not moved after 30 days live",
    ],
    objective: "Show with one joint client within 60 days that the agency gets better results, \
                and earns more, with our product than without it.",
    key_results: &[
        KeyResultIdea::new("Joint clients live on our product", 0.0, 2.0, "customers"),
        KeyResultIdea::new("Qualified referrals from the agency", 0.0, 5.0, "leads"),
        KeyResultIdea::new("Joint case studies published", 0.0, 1.0, "case studies"),
    ],
    cadence: Cadence::Weekly,
    risks: &[
        "Billable client work always wins over partner work: fund the enablement hours or tie \
         the pilot to a paying retainer",
        "Conflict over who owns the client: write down account ownership and the fee model \
         before the first introduction",
        "The one keen account manager leaves: enable at least two people and keep the agency's \
         MD as sponsor",
        "Referral fee or white-label left vague: pick one model for the pilot and put the fee \
         and payment terms in writing",
    ],
    first_steps: &[
        ("Pick the joint client and get its agreement to take part", Side::Theirs),
        ("Agree the money model, referral fee or white-label, in a one-page letter", Side::Joint),
        ("Give two account managers a trial workspace and a one-hour training", Side::Ours),
        ("Record the client's baseline for the metric the case study will report", Side::Joint),
        ("Draft the case-study outline and the client's approval steps", Side::Ours),
    ],
};

const AFFILIATE: Template = Template {
    kind: PartnerKind::Affiliate,
    summary: "Affiliates promote what pays reliably: sort out tracking and payout terms first, \
              then test one placement and read the numbers, not the enthusiasm.",
    use_cases: &[
        "One dedicated send to the affiliate's newsletter list, with tracked links",
        "One evergreen review or comparison article with our offer above the fold",
        "A time-limited discount code for the affiliate's audience, tracked per code",
        "A free-trial landing page built for one affiliate's traffic",
        "One sponsored slot in the affiliate's video or podcast, with a vanity URL",
    ],
    segments: &[
        "Newsletter subscribers of one niche publisher",
        "Readers of review and comparison content in our category",
        "Deal-seekers on one cashback or voucher site",
        "Followers of one creator who already uses our product",
    ],
    metrics: &[
        KeyResultIdea::new("Conversion rate from click to paid", 1.2, 2.5, "%"),
        KeyResultIdea::new("Earnings per click (EPC)", 0.25, 0.5, "€ per click"),
        KeyResultIdea::new("Trials started from affiliate traffic", 0.0, 200.0, "trials"),
        KeyResultIdea::new("Conversions attributed on both sides", 85.0, 98.0, "%"),
    ],
    fastest_wins: &[
        "A test conversion tracked end to end: click, sign-up, postback, commission in their dashboard",
        "One placement in the affiliate's next newsletter issue, with tracked links and a code",
        "The first commission paid on the date the terms say, without a chase",
        "A creative pack (copy, banners, screenshots) approved and delivered within 48 hours",
    ],
    out_of_scope: &[
        "Recruiting more affiliates before this one converts",
        "Paid-search bidding on our brand terms",
        "Bonus tiers or custom commissions before the base rate is proven",
        "Sub-affiliate networks and incentivised traffic",
    ],
    stop_conditions: &[
        "EPC below €0.10 after 1,000 tracked clicks",
        "Conversion rate under half our programme average after 30 days",
        "Tracking gap above 10% between our records and theirs after two weekly reconciliations",
        "Refunds or chargebacks above 15% of affiliate sales in the first 60 days",
    ],
    objective: "Prove in 30 days that one affiliate placement brings paying customers at a cost \
                per acquisition we would gladly pay at ten times the volume.",
    key_results: &[
        KeyResultIdea::new("Paying customers from the affiliate", 0.0, 40.0, "customers"),
        KeyResultIdea::new("Conversion rate from click to paid", 1.2, 2.5, "%"),
        KeyResultIdea::new("Conversions attributed on both sides", 85.0, 98.0, "%"),
    ],
    cadence: Cadence::Weekly,
    risks: &[
        "Broken tracking kills trust fast: test the postback end to end before any traffic and \
         reconcile weekly",
        "Late or disputed payouts: put payout dates, lock period and refund rules in writing, \
         then pay on time",
        "Brand bidding or misleading claims: share brand rules and approve copy before it goes out",
        "Low-quality or incentivised traffic: watch refunds and churn by source and hold \
         commission until the lock period ends",
    ],
    first_steps: &[
        ("Set up tracking links and the postback, and fire a test conversion", Side::Ours),
        ("Confirm the send date and placement in the affiliate's content calendar", Side::Theirs),
        ("Agree commission, cookie window, lock period and payout date in writing", Side::Joint),
        ("Send the creative pack and brand rules", Side::Ours),
        ("Reconcile conversions on both sides a week after the first send", Side::Joint),
    ],
};

const RESELLER: Template = Template {
    kind: PartnerKind::Reseller,
    summary: "Resellers sell what they know and what earns margin: certify their reps, protect \
              their deals with registration and aim for the first three deals registered.",
    use_cases: &[
        "Certify two of the reseller's reps and co-sell the first three deals together",
        "Add our product to the reseller's line card for one customer segment",
        "Attach our product to the reseller's managed-service contracts at renewal",
        "One campaign to the reseller's installed base, with a pilot price",
        "Let the reseller quote our annual plan from its own quoting tool",
    ],
    segments: &[
        "The reseller's installed base of 50–500-seat customers",
        "Customers with a contract renewal in the next two quarters",
        "Public-sector buyers on the reseller's framework agreements",
        "The one vertical where the reseller has its strongest references",
    ],
    metrics: &[
        KeyResultIdea::new("Deals registered by the reseller", 0.0, 5.0, "deals"),
        KeyResultIdea::new("Certified reseller reps", 0.0, 4.0, "reps"),
        KeyResultIdea::new(
            "Pipeline sourced by the reseller",
            0.0,
            50_000.0,
            "€ pipeline",
        ),
        KeyResultIdea::new("Deals closed through the reseller", 0.0, 2.0, "deals"),
    ],
    fastest_wins: &[
        "Two reps certified in week two, with our product on their price list",
        "The first deal registered and approved within 48 hours",
        "One joint call on a live opportunity, our sales engineer backing their rep",
        "Five named renewal accounts from their installed base, each with an owner",
    ],
    out_of_scope: &[
        "Partner tiers, MDF and rebates before the first deals close",
        "A rollout across all the reseller's branches",
        "White-labelling or custom packaging of our product",
        "Selling into accounts our direct team already owns",
    ],
    stop_conditions: &[
        "No certified rep 30 days after signature",
        "Fewer than 3 deals registered 60 days after certification",
        "Registered pipeline under €20,000 at the 30-day review",
    ],
    objective: "Show within 90 days that the reseller's reps can find, register and close deals \
                for our product at a margin that makes it worth their time.",
    key_results: &[
        KeyResultIdea::new("Certified reseller reps", 0.0, 4.0, "reps"),
        KeyResultIdea::new("Deals registered", 0.0, 3.0, "deals"),
        KeyResultIdea::new("Deals closed through the reseller", 0.0, 1.0, "deals"),
    ],
    cadence: Cadence::Fortnightly,
    risks: &[
        "Reps ignore a product with thin margin: show margin per deal on the price list and pay \
         any spiff promptly",
        "Channel conflict with our direct team: enforce deal registration and honour it, even \
         when our reps found the account too",
        "Enablement never finishes: keep certification to two hours, run it live, not as \
         self-paced videos",
        "The product sits on their line card unsold: agree five named target accounts before \
         launch",
    ],
    first_steps: &[
        (
            "Send the partner price list, margins and deal registration rules",
            Side::Ours,
        ),
        (
            "Nominate two reps for certification and book the session",
            Side::Theirs,
        ),
        (
            "Run the two-hour certification and a first pipeline review",
            Side::Ours,
        ),
        (
            "Pick five named accounts from their installed base",
            Side::Joint,
        ),
        (
            "Register the first opportunity through deal registration",
            Side::Theirs,
        ),
    ],
};

const TECH_INTEGRATION: Template = Template {
    kind: PartnerKind::TechIntegration,
    summary: "An integration is only real when a customer uses it: get one joint customer live \
              on it first, and leave the marketplace listing for later.",
    use_cases: &[
        "Sync one object (contacts or orders) one way between the two products for one joint customer",
        "Trigger one workflow in our product from one event in theirs",
        "Embed one of our features in their app through a single API endpoint for beta customers",
        "Single sign-on and account linking for customers of both products",
        "One-click import of their data into our product, replacing a CSV export",
    ],
    segments: &[
        "Customers who already pay for both products",
        "Customers in their beta programme who opted in to new integrations",
        "Our customers who asked for this integration in support tickets",
        "New sign-ups in one vertical both products serve",
    ],
    metrics: &[
        KeyResultIdea::new("Joint customers live on the integration", 0.0, 5.0, "customers"),
        KeyResultIdea::new("Weekly active accounts using the integration", 0.0, 20.0, "accounts"),
        KeyResultIdea::new("Days from connecting to first synced record", 14.0, 1.0, "days"),
        KeyResultIdea::new("Records failing to sync", 5.0, 1.0, "%"),
    ],
    fastest_wins: &[
        "One joint customer live on the integration, syncing real data, within 30 days",
        "Sandbox access and API keys for both teams in week one",
        "A working demo on test data shown to both product leads",
        "Five joint customers who asked for it, with one ready to go first",
    ],
    out_of_scope: &[
        "A marketplace listing or public launch before a customer is live",
        "Two-way sync and every object type",
        "Custom fields and edge cases for one large customer",
        "Joint pricing or bundling",
    ],
    stop_conditions: &[
        "No joint customer live 45 days after sandbox access",
        "Fewer than 3 of 10 invited customers connected 30 days into the beta",
        "More than 5% of records failing to sync for two weeks running",
    ],
    objective: "Get joint customers live on a narrow integration within 45 days and prove they \
                use it every week, before any marketplace launch.",
    key_results: &[
        KeyResultIdea::new("Joint customers live on the integration", 0.0, 3.0, "customers"),
        KeyResultIdea::new("Weekly active accounts using the integration", 0.0, 10.0, "accounts"),
        KeyResultIdea::new("Records failing to sync", 5.0, 1.0, "%"),
    ],
    cadence: Cadence::Weekly,
    risks: &[
        "Their roadmap slot slips: get the engineering lead's commitment and a named developer, \
         not only a partner manager",
        "Missing endpoints or rate limits found late: test the exact API calls in the sandbox in \
         week one",
        "Built but unused: line up the first joint customer before anyone writes code",
        "Support ping-pong between the two companies: agree who takes first-line tickets and a \
         shared escalation channel",
    ],
    first_steps: &[
        ("Request sandbox access and API keys", Side::Ours),
        ("Name a developer and confirm the API's rate limits and auth method", Side::Theirs),
        ("Write a one-page spec: one object, one direction, one trigger", Side::Ours),
        ("Pick the first joint customer and book its kick-off", Side::Joint),
        ("Agree who takes first-line support and the escalation channel", Side::Joint),
    ],
};

const DISTRIBUTOR: Template = Template {
    kind: PartnerKind::Distributor,
    summary: "Distributors move volume, not understanding: start with one region and one \
              product line, and judge the pilot on sell-through, not sell-in.",
    use_cases: &[
        "List one product line with the distributor in one region",
        "Brief the distributor's inside-sales reps to pitch one product line to their top resellers",
        "One promotion on one product line to the distributor's reseller base",
        "A starter stock in one warehouse, with sell-through tracked weekly",
        "One product line orderable in the distributor's online portal for one country",
    ],
    segments: &[
        "The distributor's top 20 resellers in one region",
        "Resellers who already buy an adjacent category from the distributor",
        "Trade customers who order through the distributor's web portal",
    ],
    metrics: &[
        KeyResultIdea::new("Units sold through to resellers", 0.0, 500.0, "units"),
        KeyResultIdea::new("Resellers ordering", 0.0, 15.0, "accounts"),
        KeyResultIdea::new("Sell-through revenue", 0.0, 25_000.0, "€"),
        KeyResultIdea::new("Weeks of stock on hand", 12.0, 6.0, "weeks"),
    ],
    fastest_wins: &[
        "The product line listed and orderable in their system for one region",
        "A 30-minute briefing for their inside-sales team, with a one-page battlecard",
        "The first five resellers ordering within the first month",
        "A weekly sell-through report that arrives without anyone asking",
    ],
    out_of_scope: &[
        "Listing the full catalogue",
        "More than one region or country",
        "Rebate tiers and volume pricing before there is sell-through data",
        "Exclusive distribution rights",
    ],
    stop_conditions: &[
        "No sell-through data shared by day 30",
        "Fewer than 5 resellers ordering within 45 days of listing",
        "Sell-through below 30% of sell-in after 60 days",
    ],
    objective: "Prove in one region that the distributor's resellers reorder one product line, \
                so sell-through, not sell-in, earns a wider listing.",
    key_results: &[
        KeyResultIdea::new("Resellers who have reordered", 0.0, 5.0, "accounts"),
        KeyResultIdea::new("Sell-through as a share of sell-in", 0.0, 60.0, "%"),
        KeyResultIdea::new("Distributor reps briefed", 0.0, 10.0, "reps"),
    ],
    cadence: Cadence::Fortnightly,
    risks: &[
        "Stock sits in their warehouse: measure sell-through, not sell-in, and ask for weekly \
         order data by reseller",
        "Their reps push what they already know: keep enablement short and add a spiff on the \
         pilot line",
        "Vendor setup and credit checks are slow: start the forms and credit terms in week one",
        "Price conflict with our direct or online channel: publish one price list and \
         advertised-price rules",
    ],
    first_steps: &[
        ("Complete the vendor setup form and credit terms", Side::Ours),
        ("Create item codes and pricing for the product line in their system", Side::Theirs),
        ("Agree the region, the product line and a weekly sell-through report", Side::Joint),
        ("Run the inside-sales briefing and send the battlecard", Side::Ours),
        ("Nominate the first 20 resellers to approach", Side::Theirs),
    ],
};

const STRATEGIC_ALLIANCE: Template = Template {
    kind: PartnerKind::StrategicAlliance,
    summary: "Alliances stall in slides: name an exec sponsor on each side, then prove the idea \
              with one joint offer to one segment before any grand plan.",
    use_cases: &[
        "One joint offer combining both products for one segment, sold by both teams",
        "A joint account plan for ten shared target accounts",
        "A co-developed solution to one industry problem, with one lighthouse customer",
        "Joint go-to-market in one country where one side is already strong",
        "A co-hosted executive round-table for named target accounts",
    ],
    segments: &[
        "Ten named enterprise accounts where both sides have a relationship",
        "One industry vertical where both sides have references",
        "Customers of one side where the other has no footprint yet",
    ],
    metrics: &[
        KeyResultIdea::new("Joint opportunities created", 0.0, 10.0, "opportunities"),
        KeyResultIdea::new("Joint pipeline", 0.0, 250_000.0, "€ pipeline"),
        KeyResultIdea::new(
            "Target accounts with a joint meeting held",
            0.0,
            5.0,
            "accounts",
        ),
        KeyResultIdea::new("Joint deals closed", 0.0, 1.0, "deals"),
    ],
    fastest_wins: &[
        "Both exec sponsors in the same room for a 45-minute kick-off",
        "A joint account plan for three named accounts, with owners on both sides",
        "One customer meeting held with both account teams present",
        "A one-page joint offer that both sales teams can send",
    ],
    out_of_scope: &[
        "Equity, a joint venture or exclusivity",
        "A global launch or more than one segment",
        "Co-developing new products before the joint offer sells",
        "A big-budget co-marketing campaign",
    ],
    stop_conditions: &[
        "Either exec sponsor misses two exec syncs in a row",
        "Fewer than 3 joint customer meetings held within 60 days",
        "No joint opportunity in either side's pipeline after 90 days",
    ],
    objective: "Show within one quarter that our joint offer opens doors neither of us opens \
                alone, measured in joint meetings and pipeline in one segment.",
    key_results: &[
        KeyResultIdea::new("Joint customer meetings held", 0.0, 5.0, "meetings"),
        KeyResultIdea::new("Joint pipeline created", 0.0, 250_000.0, "€ pipeline"),
        KeyResultIdea::new("Exec syncs with both sponsors present", 0.0, 3.0, "syncs"),
    ],
    cadence: Cadence::Fortnightly,
    risks: &[
        "Sponsor fatigue or a reorg: hold a monthly exec sync with both sponsors and brief a \
         deputy on each side",
        "Scope creep into a grand plan: keep one offer, one segment and one quarter until the \
         review",
        "Account teams won't share pipeline: agree rules of engagement and a joint account plan \
         with named owners",
        "Legal and PR sign-off stalls announcements: keep the pilot unannounced and under the \
         existing agreement",
    ],
    first_steps: &[
        (
            "Confirm their exec sponsor and book the kick-off",
            Side::Theirs,
        ),
        (
            "Draft the one-page joint offer and the target segment",
            Side::Ours,
        ),
        (
            "Build the joint account plan for the named accounts",
            Side::Joint,
        ),
        ("Agree rules of engagement for shared accounts", Side::Joint),
        (
            "Schedule a monthly exec sync with both sponsors",
            Side::Ours,
        ),
    ],
};

const OTHER: Template = Template {
    kind: PartnerKind::Other,
    summary: "Universities, non-profits, associations and communities run on terms, committees \
              and volunteers: fit the pilot to their calendar and one programme.",
    use_cases: &[
        "Our product free for one university course or student society for one term",
        "A member benefit for one professional association, with a members-only code",
        "A sponsored challenge or hackathon track in one community",
        "Donated licences for one non-profit programme, measured on the outcome it cares about",
        "A co-hosted learning session for an association's members, followed by trials",
    ],
    segments: &[
        "Students on one course or in one society",
        "Members of one association chapter or special-interest group",
        "Staff and volunteers of one non-profit programme",
        "Members of one online community active in our category",
    ],
    metrics: &[
        KeyResultIdea::new("Members who activated the offer", 0.0, 100.0, "accounts"),
        KeyResultIdea::new("Trials started from the community", 0.0, 50.0, "trials"),
        KeyResultIdea::new("Leads from the partnership", 0.0, 30.0, "leads"),
        KeyResultIdea::new("Invited participants using it weekly", 0.0, 40.0, "%"),
    ],
    fastest_wins: &[
        "A mention in the association's next member newsletter, with a tracked sign-up link",
        "One lecture, workshop or meet-up session run with our product in it",
        "Ten members or students active in the first two weeks",
        "A short quote from the partner's lead that both sides can share",
    ],
    out_of_scope: &[
        "Sponsorship packages or paid membership of the organisation",
        "Every chapter, faculty or programme at once",
        "Formal research collaborations or grant applications",
        "Custom features for the partner",
    ],
    stop_conditions: &[
        "No announcement sent 45 days after agreement",
        "Fewer than 20 activations 30 days after the announcement",
        "Under 10% of invited members active 60 days after launch",
    ],
    objective: "Prove in one term or programme cycle that the organisation's members use our \
                product, and that it helps the mission they care about.",
    key_results: &[
        KeyResultIdea::new("Members who activated the offer", 0.0, 100.0, "accounts"),
        KeyResultIdea::new("Members active weekly", 0.0, 30.0, "accounts"),
        KeyResultIdea::new("Leads from the partnership", 0.0, 20.0, "leads"),
    ],
    cadence: Cadence::Monthly,
    risks: &[
        "Decisions wait for committee or board meetings: get the dates and put your asks on the \
         agenda early",
        "The champion is a volunteer or student who moves on: involve a staff member and write \
         down who owns what",
        "Rules on endorsements, member data and commercial offers: read their sponsorship and \
         data policies first",
        "The term or season closes the window: launch before it starts, or park the pilot until \
         the next one",
    ],
    first_steps: &[
        (
            "Share the term, committee and newsletter dates for the next three months",
            Side::Theirs,
        ),
        (
            "Check their policy on commercial offers and member data",
            Side::Theirs,
        ),
        (
            "Write the member offer and a tracked sign-up link",
            Side::Ours,
        ),
        (
            "Agree the outcome the organisation cares about and how to measure it",
            Side::Joint,
        ),
        (
            "Book the announcement in their newsletter or at a session",
            Side::Theirs,
        ),
    ],
};
