//! Share links: one plan in the address's fragment (`share#<data>`), so a plan can travel in a
//! message and open in the same app without an account. Nothing is sent anywhere: browsers do not
//! send the fragment to the server.
//!
//! The data is the plan's Pilotdeck file, deflated and written in URL-safe base64. Reading it
//! back goes through every check an imported file gets, with limits on both the link and what
//! it unpacks to, so a damaged or hostile link is refused with a clear reason.

use super::envelope::parse_envelope;
use super::error::ExchangeError;
use super::export::envelope_text;
use super::json::Layout;
use crate::domain::scoring::ScoreModel;
use crate::domain::Plan;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};

/// The longest share data read, in characters: far above a real plan (a busy plan packs to a
/// few kilobytes), and within what browsers keep in an address.
pub const MAX_LINK_CHARS: usize = 64 * 1024;
/// The most a share link may unpack to, in bytes.
pub const MAX_UNPACKED_BYTES: usize = 1024 * 1024;
/// How hard to compress: the best ratio; a plan is small.
const LEVEL: u8 = 9;

/// Why a share link could not be opened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ShareError {
    #[error("This link holds no plan: its part after # is empty.")]
    Empty,
    #[error("This link is too long ({chars} characters; at most {max}). Share the plan as a file instead.")]
    TooLong { chars: usize, max: usize },
    #[error("This link is damaged: it has characters a share link never has. Ask for the link again, copied whole.")]
    NotBase64,
    #[error("This link is damaged or cut short: its data does not unpack. Ask for the link again, copied whole.")]
    NotDeflate,
    #[error("This link unpacks to more than {}, more than any plan needs.", super::words::size(*.max))]
    TooLarge { max: usize },
    #[error("This link's plan could not be read. {0}")]
    File(ExchangeError),
    #[error("A share link holds exactly one plan; this one holds {0}.")]
    NotOnePlan(usize),
}

/// The share data for `plan` (what follows `#` in the link).
pub fn encode(plan: &Plan, now: DateTime<Utc>, model: &ScoreModel) -> String {
    // Compact: it packs smaller than the indented file a download saves.
    let json = envelope_text(std::slice::from_ref(plan), now, model, Layout::Compact);
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), LEVEL);
    URL_SAFE_NO_PAD.encode(packed)
}

/// The plan in share data, checked like an imported file.
pub fn decode(data: &str) -> Result<Plan, ShareError> {
    let data = data.trim().trim_start_matches('#');
    if data.is_empty() {
        return Err(ShareError::Empty);
    }
    let chars = data.chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(ShareError::TooLong {
            chars,
            max: MAX_LINK_CHARS,
        });
    }
    // A link cut short ends on a broken group of characters; a character no link holds is
    // damage of another kind.
    let packed = URL_SAFE_NO_PAD.decode(data).map_err(|error| match error {
        base64::DecodeError::InvalidByte(..) => ShareError::NotBase64,
        _ => ShareError::NotDeflate,
    })?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_UNPACKED_BYTES)
        .map_err(|error| match error.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge {
                max: MAX_UNPACKED_BYTES,
            },
            _ => ShareError::NotDeflate,
        })?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::NotDeflate)?;
    let envelope = parse_envelope(&text).map_err(ShareError::File)?;
    let count = envelope.plans.len();
    let mut plans = envelope.plans.into_iter();
    match (plans.next(), count) {
        (Some(plan), 1) => Ok(plan),
        _ => Err(ShareError::NotOnePlan(count)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::MODEL;
    use crate::exchange::export::envelope_json;
    use chrono::{NaiveDate, TimeZone};

    fn example() -> Vec<Plan> {
        let text = include_str!("../../public/examples/portfolio.json");
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        crate::exchange::example_plans(text, today).unwrap()
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
    }

    #[test]
    fn every_example_plan_survives_a_link_and_packs_small() {
        for plan in example() {
            let data = encode(&plan, now(), &MODEL);
            assert!(
                data.len() < 8_000,
                "{} packs to {} characters",
                plan.name,
                data.len()
            );
            assert!(data
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
            assert_eq!(decode(&data), Ok(plan.clone()));
            assert_eq!(decode(&format!("#{data}")), Ok(plan.clone()));
            // The compact file: no indentation travels in the link.
            let packed = URL_SAFE_NO_PAD.decode(&data).expect("base64");
            let unpacked = miniz_oxide::inflate::decompress_to_vec(&packed).expect("deflate");
            let text = String::from_utf8(unpacked).expect("UTF-8");
            let file = envelope_json(std::slice::from_ref(&plan), now(), &MODEL);
            assert!(!text.contains("\n  "), "{}", plan.name);
            assert_eq!(
                serde_json::from_str::<serde_json::Value>(&text).expect("JSON"),
                serde_json::from_str::<serde_json::Value>(&file).expect("JSON"),
            );
        }
    }

    #[test]
    fn damaged_links_say_what_is_wrong() {
        let plan = &example()[0];
        let data = encode(plan, now(), &MODEL);
        assert_eq!(decode(""), Err(ShareError::Empty));
        assert_eq!(decode("#"), Err(ShareError::Empty));
        assert_eq!(decode("not base64!"), Err(ShareError::NotBase64));
        // Cut short, on a whole base64 group, so only the deflate stream is broken.
        let cut = data.len() / 2 / 4 * 4;
        assert_eq!(decode(&data[..cut]), Err(ShareError::NotDeflate));
        // Cut anywhere: it says the link is damaged or cut short.
        for cut in [cut + 1, cut + 2, cut + 3, data.len() - 1] {
            let error = decode(&data[..cut]).expect_err("cut short");
            assert_eq!(error, ShareError::NotDeflate, "cut at {cut}");
            assert!(error.to_string().contains("damaged or cut short"));
        }
        assert_eq!(decode("AAAA"), Err(ShareError::NotDeflate));
        let long = "A".repeat(MAX_LINK_CHARS + 1);
        assert!(matches!(decode(&long), Err(ShareError::TooLong { .. })));
    }

    #[test]
    fn a_link_that_unpacks_to_too_much_is_refused() {
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; MAX_UNPACKED_BYTES + 10], 9);
        let data = URL_SAFE_NO_PAD.encode(bomb);
        assert!(data.len() < MAX_LINK_CHARS);
        assert_eq!(
            decode(&data),
            Err(ShareError::TooLarge {
                max: MAX_UNPACKED_BYTES
            })
        );
    }

    #[test]
    fn a_link_is_read_like_a_file() {
        let pack = |text: &str| {
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9))
        };
        assert!(matches!(decode(&pack("[1, 2]")), Err(ShareError::File(_))));
        let two = envelope_json(&example()[..2], now(), &MODEL);
        assert_eq!(decode(&pack(&two)), Err(ShareError::NotOnePlan(2)));
        let none = envelope_json(&[], now(), &MODEL);
        assert_eq!(decode(&pack(&none)), Err(ShareError::NotOnePlan(0)));
    }
}
