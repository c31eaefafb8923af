//! Small components, one per file.

pub mod banners;
pub mod plan_card;
pub mod score_summary;
pub mod stage_badge;
