//! Fuzzes opening a share link: any text goes to `share::decode`, and a link that opens must
//! survive being shared again: encoding its plan and decoding that gives the same plan.
#![no_main]

use chrono::{TimeZone, Utc};
use libfuzzer_sys::fuzz_target;
use pilotdeck::domain::scoring::MODEL;
use pilotdeck::exchange::share;

fuzz_target!(|data: &[u8]| {
    // The fragment reaches the app as a JS string; wasm-bindgen replaces what is not UTF-8.
    let link = String::from_utf8_lossy(data);
    let Ok(plan) = share::decode(&link) else {
        return;
    };
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let again = share::encode(&plan, now, &MODEL);
    match share::decode(&again) {
        Ok(back) => assert_eq!(back, plan, "plan changed when shared again"),
        Err(error) => panic!("an opened link's plan makes a link that does not open: {error}"),
    }
});
