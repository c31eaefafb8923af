//! One file per route.

pub mod join;
pub mod not_found;
pub mod plan;
pub mod portfolio;
pub mod presenter;
pub mod report;
pub mod settings;
pub mod share;
pub mod wizard;
pub mod workshop;
