//! Storage against the browser's real localStorage, in headless Chromium: damaged and newer
//! values are set aside and never overwritten, and a store that refuses writes loses nothing.
#![cfg(target_arch = "wasm32")]

use pilotdeck::domain::{Plan, Portfolio};
use pilotdeck::exchange::parse_envelope;
use pilotdeck::storage::keys::{plan_key, quarantine_key, INDEX_KEY};
use pilotdeck::storage::{load, Autosave, BrowserStore, KeyValueStore, StorageError};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const EXAMPLE: &str = include_str!("../public/examples/portfolio.json");

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .expect("a window")
        .local_storage()
        .expect("localStorage is allowed")
        .expect("localStorage exists")
}

fn example_plans() -> Vec<Plan> {
    parse_envelope(EXAMPLE).expect("the example parses").plans
}

/// Empties localStorage and saves `plans` through the app's own save path.
fn saved(plans: Vec<Plan>) -> (BrowserStore, Portfolio) {
    local_storage().clear().expect("clear");
    let store = BrowserStore::open().expect("storage opens");
    let portfolio = Portfolio::new(plans);
    let mut autosave = Autosave::default();
    for id in portfolio.ids() {
        autosave.plan_added(&id);
    }
    let flushed = autosave.flush(&store, &portfolio, &[]);
    assert_eq!(flushed.error, None);
    assert_eq!(flushed.saved.len(), portfolio.len());
    (store, portfolio)
}

fn snapshot() -> Vec<(String, String)> {
    let storage = local_storage();
    let mut all = Vec::new();
    for i in 0..storage.length().expect("length") {
        let key = storage.key(i).expect("key").expect("a key at i");
        let value = storage.get_item(&key).expect("get").expect("a value");
        all.push((key, value));
    }
    all.sort();
    all
}

#[wasm_bindgen_test]
fn a_corrupted_plan_is_quarantined_not_overwritten_and_the_others_still_load() {
    let plans = example_plans();
    let (store, _) = saved(plans.clone());
    let victim = &plans[1].id;
    let garbage = "{\"schema_version\":1,\"plan\":{\"id\":";
    local_storage()
        .set_item(&plan_key(victim), garbage)
        .expect("corrupt one plan");

    let loaded = load(&store).expect("loads");
    assert_eq!(loaded.plans.len(), plans.len() - 1);
    assert!(loaded.plans.iter().all(|p| &p.id != victim));
    assert_eq!(loaded.quarantined.len(), 1);
    let aside = quarantine_key(&plan_key(victim), 0);
    assert_eq!(loaded.quarantined[0].kept_at, aside);
    assert_eq!(
        local_storage().get_item(&aside).expect("get"),
        Some(garbage.to_string()),
        "the damaged value is kept byte for byte"
    );
    assert_eq!(
        local_storage().get_item(&plan_key(victim)).expect("get"),
        None
    );

    // Saving the other plans again leaves the quarantined value alone.
    let mut portfolio = Portfolio::new(loaded.plans);
    let mut autosave = Autosave::new(loaded.protected, loaded.read_only);
    let first = portfolio.ids()[0].clone();
    portfolio.edit(&first, chrono::Utc::now(), |p| p.name.push_str(" (edited)"));
    autosave.plan_changed(&first);
    assert_eq!(autosave.flush(&store, &portfolio, &[]).error, None);
    assert_eq!(
        local_storage().get_item(&aside).expect("get"),
        Some(garbage.to_string())
    );
    let reloaded = load(&store).expect("loads again");
    assert_eq!(reloaded.plans.len(), plans.len() - 1);
    assert!(reloaded.quarantined.is_empty());
    assert_eq!(reloaded.kept_aside, vec![aside]);
}

#[wasm_bindgen_test]
fn a_plan_from_a_future_schema_version_is_kept_as_it_is() {
    let plans = example_plans();
    let (store, _) = saved(plans.clone());
    let newer = &plans[0].id;
    let future = format!(
        "{{\"schema_version\":3,\"plan\":{{\"id\":\"{newer}\",\"shape\":\"from the future\"}}}}"
    );
    local_storage()
        .set_item(&plan_key(newer), &future)
        .expect("store a newer value");

    let loaded = load(&store).expect("loads");
    assert_eq!(loaded.plans.len(), plans.len() - 1);
    assert!(loaded.quarantined[0].reason.contains("newer Pilotdeck"));
    let kept = local_storage()
        .get_item(&loaded.quarantined[0].kept_at)
        .expect("get");
    assert_eq!(kept, Some(future), "the newer value is not rewritten");
}

#[wasm_bindgen_test]
fn data_from_a_newer_version_is_read_only_and_nothing_is_written() {
    let plans = example_plans();
    let (store, _) = saved(plans.clone());
    local_storage()
        .set_item(
            INDEX_KEY,
            "{\"schema_version\":7,\"plan_ids\":[],\"more\":true}",
        )
        .expect("store a newer index");
    let before = snapshot();

    let loaded = load(&store).expect("loads");
    assert!(loaded.read_only);
    assert_eq!(loaded.plans.len(), plans.len(), "readable plans are shown");
    let mut portfolio = Portfolio::new(loaded.plans);
    let mut autosave = Autosave::new(loaded.protected, loaded.read_only);
    let first = portfolio.ids()[0].clone();
    portfolio.edit(&first, chrono::Utc::now(), |p| p.name = "Changed".into());
    autosave.plan_changed(&first);
    assert_eq!(
        autosave.flush(&store, &portfolio, &[]).error,
        Some(StorageError::ReadOnly)
    );
    assert_eq!(snapshot(), before, "not a byte was written");
}

/// Makes `Storage.prototype.setItem` throw a QuotaExceededError until the guard is dropped.
struct RefuseWrites {
    prototype: JsValue,
    original: JsValue,
}

impl RefuseWrites {
    fn start() -> Self {
        let storage_class =
            js_sys::Reflect::get(&js_sys::global(), &"Storage".into()).expect("Storage exists");
        let prototype =
            js_sys::Reflect::get(&storage_class, &"prototype".into()).expect("a prototype");
        let original = js_sys::Reflect::get(&prototype, &"setItem".into()).expect("setItem");
        let throwing = js_sys::Function::new_no_args(
            "throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');",
        );
        js_sys::Reflect::set(&prototype, &"setItem".into(), throwing.unchecked_ref())
            .expect("replace setItem");
        Self {
            prototype,
            original,
        }
    }
}

impl Drop for RefuseWrites {
    fn drop(&mut self) {
        let _ = js_sys::Reflect::set(&self.prototype, &"setItem".into(), &self.original);
    }
}

#[wasm_bindgen_test]
fn storage_that_throws_on_write_keeps_everything_pending_and_reports_quota() {
    local_storage().clear().expect("clear");
    let store = BrowserStore::open().expect("storage opens");
    let portfolio = Portfolio::new(example_plans());
    let before = portfolio.clone();
    let mut autosave = Autosave::default();
    for id in portfolio.ids() {
        autosave.plan_added(&id);
    }

    let refused = {
        let _guard = RefuseWrites::start();
        autosave.flush(&store, &portfolio, &[])
    };
    assert_eq!(refused.error, Some(StorageError::QuotaExceeded));
    assert!(refused.saved.is_empty());
    assert!(autosave.is_pending(), "nothing is forgotten");
    assert_eq!(portfolio, before, "the plans in memory are untouched");
    assert_eq!(local_storage().length().expect("length"), 0);

    // Once writes work again, the next save writes everything.
    let retried = autosave.flush(&store, &portfolio, &[]);
    assert_eq!(retried.error, None);
    assert_eq!(retried.saved.len(), portfolio.len());
    let loaded = load(&store).expect("loads");
    let names: Vec<_> = loaded.plans.iter().map(|p| p.name.clone()).collect();
    let expected: Vec<_> = portfolio.plans().iter().map(|p| p.name.clone()).collect();
    assert_eq!(names, expected);
}

#[wasm_bindgen_test]
fn every_kind_of_damaged_value_is_set_aside_untouched() {
    let plans = example_plans();
    let ids: Vec<_> = plans.iter().map(|p| p.id.clone()).collect();
    let damaged = [
        (plan_key(&ids[0]), "not json at all".to_string()),
        (plan_key(&ids[1]), String::new()),
        (plan_key(&ids[2]), "[1, 2, 3]".to_string()),
        (
            plan_key(&ids[3]),
            format!(
                "{{\"schema_version\":1,\"plan\":{{\"id\":\"{}\",\"name\":42}}}}",
                ids[3]
            ),
        ),
        (plan_key(&ids[4]), encode_plan_under_other_id(&plans[5])),
        (plan_key(&ids[6]), "{\"plan\":{}}".to_string()),
        (
            format!("pilotdeck/v1/trash/{}", ids[7]),
            "{\"schema_version\":1,\"deleted_at\":\"yesterday\"}".to_string(),
        ),
    ];
    let (store, _) = saved(plans.clone());
    for (key, value) in &damaged {
        local_storage().set_item(key, value).expect("damage");
    }

    let loaded = load(&store).expect("loads");
    assert_eq!(loaded.plans.len(), plans.len() - 6, "the sound plans load");
    assert_eq!(
        loaded.quarantined.len(),
        damaged.len(),
        "{:#?}",
        loaded.quarantined
    );
    for (key, value) in &damaged {
        let found = loaded
            .quarantined
            .iter()
            .find(|q| &q.key == key)
            .unwrap_or_else(|| panic!("{key} is reported"));
        assert!(!found.reason.is_empty());
        assert_eq!(
            local_storage()
                .get_item(&found.kept_at)
                .expect("get")
                .as_deref(),
            Some(value.as_str()),
            "{key} is kept byte for byte"
        );
        assert_eq!(local_storage().get_item(key).expect("get"), None);
    }
    // Loading again reports nothing new and keeps the values aside.
    let again = load(&store).expect("loads again");
    assert!(again.quarantined.is_empty());
    assert_eq!(again.kept_aside.len(), damaged.len());
}

/// A sound stored plan, put under another plan's key.
fn encode_plan_under_other_id(plan: &Plan) -> String {
    pilotdeck::storage::record::encode_plan(plan)
}

#[wasm_bindgen_test]
fn values_come_back_as_they_were_stored_in_any_script() {
    local_storage().clear().expect("clear");
    let store = BrowserStore::open().expect("storage opens");
    let values = [
        "",
        "plain ASCII {\"a\":1}",
        "Latin-1: café, naïve, ÿ",
        "dashes — and quotes “like these”",
        "Ελληνικά, Кириллица, 中文, العربية",
        "beyond the BMP: 🚀 𝄞",
    ];
    for (i, value) in values.iter().enumerate() {
        let key = format!("pilotdeck/test/{i}");
        store.set(&key, value).expect("set");
        assert_eq!(store.get(&key).expect("get").as_deref(), Some(*value));
        // What the browser holds is the same text, character for character.
        assert_eq!(
            local_storage().get_item(&key).expect("get_item").as_deref(),
            Some(*value)
        );
    }
    assert_eq!(store.get("pilotdeck/test/missing").expect("get"), None);
}
