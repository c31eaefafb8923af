//! The JSON file format plans travel in: the envelope, its versions and migrations, and reading a
//! file with errors that name the place they were found. Pure, so it can be fuzzed natively.

pub mod broadcast;
pub mod calendar;
pub mod csv;
pub mod envelope;
pub mod error;
pub mod example;
pub mod export;
pub mod json;
pub mod locate;
pub mod markdown;
pub mod merge;
pub mod migrate;
pub mod problems;
pub mod share;
pub mod words;

pub use envelope::{parse_envelope, Envelope, FORMAT_NAME, MAX_FILE_BYTES, MAX_PLANS};
pub use error::ExchangeError;
pub use example::example_plans;
