//! Performance marks the benchmark reads (`performance.getEntriesByName(...)`): when the app
//! started and when its first screen was on the glass, and measures around the work it times
//! (scoring, saving, importing).

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub const START: &str = "pilotdeck:start";
/// The app mounted: at once, or on a device with plans once their module has arrived
/// (`screens::mount_with_plans`).
pub const MOUNTED: &str = "pilotdeck:mounted";
/// Storage read and checked, before the first render.
pub const LOADED: &str = "pilotdeck:loaded";
pub const READY: &str = "pilotdeck:ready";
/// Scoring every plan for the portfolio's filters and order.
pub const SCORE: &str = "pilotdeck:score";
/// Gathering every plan's alerts for "Needs attention".
pub const ATTENTION: &str = "pilotdeck:attention";
/// Placing every running plan on the radar.
pub const RADAR: &str = "pilotdeck:radar";
/// Writing what is pending to storage (after one edit: that plan's key).
pub const SAVE: &str = "pilotdeck:save";
/// Parsing an imported file, checking every plan in it, and building the preview.
pub const IMPORT: &str = "pilotdeck:import";

/// Runs `work` between two marks and records a measure named `name`.
pub fn measure<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(performance) = &performance {
        let _ = performance.mark(&start);
    }
    let result = work();
    if let Some(performance) = &performance {
        let _ = performance.measure_with_start_mark(name, &start);
    }
    result
}

/// Records a mark now; does nothing where the browser has no Performance API.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Records a mark once the next frame has been painted.
pub fn mark_after_next_frame(name: &'static str) {
    after_next_frame(move || mark(name));
}

/// Work put off until the first screen is complete.
type PutOff = Vec<Box<dyn FnOnce()>>;

thread_local! {
    /// The work put off until the first screen is complete: `None` once it has run.
    static AFTER_FIRST_SCREEN: RefCell<Option<PutOff>> = RefCell::new(Some(Vec::new()));
}

/// Marks [`READY`] after the next frame, once a visit, then runs the work put off until then
/// ([`after_first_screen`]): called where the first screen is complete (the shell's first
/// render; the portfolio's plans, once their module has arrived or could not be fetched).
pub fn first_screen_shown() {
    static SHOWN: AtomicBool = AtomicBool::new(false);
    if SHOWN.swap(true, Ordering::Relaxed) {
        return;
    }
    after_next_frame(|| {
        mark(READY);
        let put_off = AFTER_FIRST_SCREEN.with(|queue| queue.borrow_mut().take());
        for work in put_off.into_iter().flatten() {
            work();
        }
    });
}

/// Runs `work` once the first screen is complete and painted (at once if it has been), so that
/// it neither delays that screen nor competes with its loading: registering the service
/// worker, fetching the other screens' modules, asking for persistent storage.
pub fn after_first_screen(work: impl FnOnce() + 'static) {
    let work: Box<dyn FnOnce()> = Box::new(work);
    let now = AFTER_FIRST_SCREEN.with(|queue| match queue.borrow_mut().as_mut() {
        Some(put_off) => {
            put_off.push(work);
            None
        }
        None => Some(work),
    });
    if let Some(work) = now {
        work();
    }
}

/// Runs `work` once the next frame has been painted: a task queued from the frame callback runs
/// after that frame's paint. Does nothing where there is no window.
pub fn after_next_frame(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let after_paint = Closure::once_into_js(work);
    let frame = Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(after_paint.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

/// Runs `work` when the browser is next idle, and within `at_most_ms` whatever happens; where
/// there is no `requestIdleCallback` (Safari), after `at_most_ms`.
pub fn when_idle(at_most_ms: u32, work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let work = Closure::once_into_js(work);
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let asked = idle.is_some_and(|idle| {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"timeout".into(), &at_most_ms.into());
        idle.call2(&window, &work, &options).is_ok()
    });
    if !asked {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            work.unchecked_ref(),
            i32::try_from(at_most_ms).unwrap_or(i32::MAX),
        );
    }
}
