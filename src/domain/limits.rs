//! How much a plan may hold: every size limit in one place, read by the model, the validator,
//! the forms (which hold no more than a field may take) and the file reader.

/// The longest plan name (and any other name: owners, sponsors, units), in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest free text (notes, priorities, log entries), in characters.
pub const MAX_TEXT_CHARS: usize = 4_000;
/// The longest id, in characters.
pub const MAX_ID_CHARS: usize = 64;
/// The most entries one list of a plan may hold.
pub const MAX_STEPS: usize = 500;
pub const MAX_LOG_ENTRIES: usize = 5_000;
pub const MAX_CYCLES: usize = 200;
pub const MAX_LIST_ITEMS: usize = 200;
/// The longest pilot, in days.
pub const MAX_PILOT_DAYS: u32 = 365;
/// The most key results a shared objective takes: more would dilute a narrow pilot.
pub const MAX_KEY_RESULTS: usize = 3;
