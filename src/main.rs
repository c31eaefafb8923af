//! The browser entry point: install the panic hook and mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    pilotdeck::ui::timing::mark(pilotdeck::ui::timing::START);
    leptos::mount::mount_to_body(pilotdeck::ui::App);
    // The page painted before the app had loaded gives way to it.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Pilotdeck runs in the browser: serve it with scripts/serve (see the README).");
}
