//! The Leptos screens: the router and state in `app`, one file per route in `pages`, and one
//! small component per file in `components`.

pub mod app;
pub mod browser;
pub mod components;
pub mod editor;
pub mod format;
pub mod forms;
pub mod install;
pub mod live;
pub mod offline;
pub mod pages;
pub mod router;
pub mod screens;
pub mod state;
pub mod theme;
pub mod timing;
pub mod workshop;

pub use app::App;
