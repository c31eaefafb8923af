//! The product's rules, free of any browser API: the plan model, calendars, validation and the
//! portfolio. Time is always a parameter (`today`), never read here.

pub mod backup;
pub mod calendar;
pub mod dates;
pub mod import;
pub mod limits;
pub mod numbers;
pub mod order;
pub mod overview;
pub mod partner_view;
pub mod plan;
pub mod portfolio;
pub mod prompts;
pub mod report;
pub mod run;
pub mod scoring;
pub mod shift;
pub mod templates;
pub mod validate;
pub mod wizard;
pub mod workshop;
pub mod written;

pub use plan::*;
pub use portfolio::{Added, Portfolio, Trashed};
pub use validate::{validate_plan, Problem};
