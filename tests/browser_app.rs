//! The app itself in headless Chromium: it opens on damaged storage with a banner instead of a
//! blank page, and its state keeps every edit in memory when the browser refuses to save.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use pilotdeck::exchange::parse_envelope;
use pilotdeck::storage::keys::plan_key;
use pilotdeck::ui::state::AppState;
use pilotdeck::ui::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const EXAMPLE: &str = include_str!("../public/examples/portfolio.json");

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

fn local_storage() -> web_sys::Storage {
    window()
        .local_storage()
        .expect("localStorage is allowed")
        .expect("localStorage exists")
}

/// Waits for the next animation frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits until `condition` holds, for at most about five seconds of frames.
async fn until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..300 {
        if condition() {
            return;
        }
        next_frame().await;
    }
    panic!("timed out waiting until {what}");
}

fn text_of(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let found = root.query_selector_all(selector).expect("a valid selector");
    (0..found.length())
        .filter_map(|i| found.item(i))
        .map(|node| node.text_content().unwrap_or_default())
        .collect()
}

/// Stores the example plans the way the app does, then damages one of them.
fn store_example_with_one_damaged() -> (usize, String) {
    let storage = local_storage();
    storage.clear().expect("clear");
    let plans = parse_envelope(EXAMPLE).expect("parses").plans;
    let store = pilotdeck::storage::BrowserStore::open().expect("opens");
    let portfolio = pilotdeck::domain::Portfolio::new(plans.clone());
    let mut autosave = pilotdeck::storage::Autosave::default();
    for id in portfolio.ids() {
        autosave.plan_added(&id);
    }
    assert_eq!(autosave.flush(&store, &portfolio, &[]).error, None);
    let damaged = plan_key(&plans[2].id);
    storage
        .set_item(&damaged, "not json at all")
        .expect("damage");
    (plans.len(), damaged)
}

#[wasm_bindgen_test]
async fn the_app_opens_on_damaged_storage_with_a_banner_and_the_other_plans() {
    let (count, damaged) = store_example_with_one_damaged();
    let history = window().history().expect("history");
    history
        .replace_state_with_url(&JsValue::NULL, "", Some("/"))
        .expect("start at the portfolio");
    let document = window().document().expect("a document");
    let container = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&container)
        .expect("attach");
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), App);

    until("the portfolio shows", || {
        text_of(&container, "h1") == vec!["Portfolio".to_string()]
    })
    .await;
    until("every readable plan shows", || {
        text_of(&container, "[data-testid=plan-card]").len() == count - 1
    })
    .await;
    let banner = text_of(&container, "[data-testid=storage-banner]").join(" ");
    assert!(
        banner.contains("One stored value could not be read"),
        "{banner}"
    );
    assert!(
        banner.contains(&damaged),
        "the banner names the key: {banner}"
    );
    assert_eq!(
        local_storage().get_item(&damaged).expect("get"),
        None,
        "the damaged value was moved aside"
    );

    drop(handle);
    container.remove();
}

#[wasm_bindgen_test]
async fn refused_writes_keep_the_edit_in_memory_and_report_it() {
    local_storage().clear().expect("clear");
    let owner = Owner::new();
    let state = owner.with(|| AppState::load(pilotdeck::ui::router::Router::provide()));
    let plans = parse_envelope(EXAMPLE).expect("parses").plans;

    let prototype = js_sys::Reflect::get(
        &js_sys::Reflect::get(&js_sys::global(), &"Storage".into()).expect("Storage"),
        &"prototype".into(),
    )
    .expect("prototype");
    let original = js_sys::Reflect::get(&prototype, &"setItem".into()).expect("setItem");
    let throwing = js_sys::Function::new_no_args(
        "throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');",
    );
    js_sys::Reflect::set(&prototype, &"setItem".into(), throwing.unchecked_ref()).expect("patch");

    owner.with(|| {
        state.add_plans(plans.clone());
        let first = plans[0].id.clone();
        state.edit_plan(&first, |p| p.name = "Renamed while storage is full".into());
        state.save_now();
    });
    js_sys::Reflect::set(&prototype, &"setItem".into(), &original).expect("restore");

    let report = state.storage.get_untracked();
    let message = report.save_error.expect("the failed save is reported");
    assert!(message.contains("Browser storage is full"), "{message}");
    let in_memory = state.portfolio.get_untracked();
    assert_eq!(in_memory.len(), plans.len());
    assert_eq!(in_memory.plans()[0].name, "Renamed while storage is full");
    assert_eq!(local_storage().length().expect("length"), 0);

    // The next save, once storage accepts writes again, writes the edit and clears the banner.
    owner.with(|| state.save_now());
    assert_eq!(state.storage.get_untracked().save_error, None);
    let store = pilotdeck::storage::BrowserStore::open().expect("opens");
    let stored = pilotdeck::storage::load(&store).expect("loads");
    assert_eq!(stored.plans[0].name, "Renamed while storage is full");
    assert_eq!(stored.plans.len(), plans.len());
}

#[wasm_bindgen_test]
async fn a_deleted_plan_goes_to_the_trash_and_undo_brings_it_back() {
    local_storage().clear().expect("clear");
    let owner = Owner::new();
    let state = owner.with(|| AppState::load(pilotdeck::ui::router::Router::provide()));
    let plans = parse_envelope(EXAMPLE).expect("parses").plans;
    let victim = plans[1].id.clone();
    owner.with(|| {
        state.add_plans(plans.clone());
        state.save_now();
        state.delete_plan(&victim);
    });
    let trash_key = format!("pilotdeck/v1/trash/{victim}");
    assert!(local_storage().get_item(&trash_key).expect("get").is_some());
    assert_eq!(
        local_storage().get_item(&plan_key(&victim)).expect("get"),
        None
    );
    let notice = state.notice.get_untracked().expect("a notice");
    assert_eq!(notice.undo, Some(victim.clone()), "the notice offers Undo");
    assert!(!state.portfolio.get_untracked().contains(&victim));

    owner.with(|| state.restore_plan(&victim));
    assert!(state.portfolio.get_untracked().contains(&victim));
    assert!(state.trash.get_untracked().is_empty());
    assert_eq!(local_storage().get_item(&trash_key).expect("get"), None);
    let store = pilotdeck::storage::BrowserStore::open().expect("opens");
    let stored = pilotdeck::storage::load(&store).expect("loads");
    assert_eq!(stored.plans.len(), plans.len());
    assert!(stored.trash.is_empty());
}
