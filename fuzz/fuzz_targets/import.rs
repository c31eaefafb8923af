//! Fuzzes reading an imported file: any bytes go to `parse_envelope` (as the browser's file
//! reader would hand them over, with invalid UTF-8 replaced), and a file that is accepted must
//! survive export: writing its plans out and reading them back gives the same plans.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pilotdeck::domain::scoring::MODEL;
use pilotdeck::exchange::export::envelope_json;
use pilotdeck::exchange::parse_envelope;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(envelope) = parse_envelope(&text) else {
        return;
    };
    let exported = envelope_json(&envelope.plans, envelope.exported_at, &MODEL);
    let again = match parse_envelope(&exported) {
        Ok(again) => again,
        Err(error) => panic!("an accepted file's export is refused: {error}\n{exported}"),
    };
    assert_eq!(
        again.plans, envelope.plans,
        "plans changed on export\n{exported}"
    );
    assert_eq!(
        again.exported_at, envelope.exported_at,
        "exported_at changed on export"
    );
});
