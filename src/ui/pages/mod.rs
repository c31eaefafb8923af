//! One file per route.

pub mod new_plan;
pub mod not_found;
pub mod plan;
pub mod portfolio;
