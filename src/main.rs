//! The browser entry point: install the panic hook and mount the app (once the portfolio's
//! plans can be drawn with it, on a device that has plans).

/// What a portfolio of a thousand plans needs at its peak, with some room.
#[cfg(target_arch = "wasm32")]
const HEAP_RESERVE: usize = 8 << 20;

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    pilotdeck::ui::timing::mark(pilotdeck::ui::timing::START);
    // The heap is reserved in one step: left to grow as plans are read, the wasm memory grows
    // about 80 times on the way to a thousand plans, each grow a pause. Pages that are never
    // written cost no physical memory.
    std::hint::black_box(Vec::<u8>::with_capacity(HEAP_RESERVE));
    // A device with plans opens on them: the app waits for their module before it reads them.
    pilotdeck::ui::screens::mount_with_plans(|| {
        pilotdeck::ui::timing::mark(pilotdeck::ui::timing::MOUNTED);
        leptos::mount::mount_to_body(pilotdeck::ui::App);
        // The page painted before the app had loaded gives way to it.
        if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
            boot.remove();
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Pilotdeck runs in the browser: serve it with scripts/serve (see the README).");
}
