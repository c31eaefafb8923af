//! Small components, one per file.

pub mod alert_list;
pub mod band_badge;
pub mod band_zones;
pub mod banners;
pub mod checklist;
pub mod field;
pub mod filters;
pub mod log_panel;
pub mod momentum_panel;
pub mod notices;
pub mod override_control;
pub mod overview;
pub mod plan_card;
pub mod plan_sections;
pub mod radar;
pub mod readiness_panel;
pub mod review_panel;
pub mod score_summary;
pub mod slide;
pub mod sparkline;
pub mod stage_badge;
pub mod steps_panel;
pub mod text_list;
pub mod trend_arrow;
pub mod trend_chart;
pub mod workshop_timer;
