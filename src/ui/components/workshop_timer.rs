//! The current slide's timebox: a countdown both windows show alike, a bar that fills as time
//! is used, and a gentle end signal — "Time's up" in words, a changed shape, no sound. The
//! icons only repeat the words, so a font without them loses nothing.

use crate::domain::workshop::{clock, Phase, MAX_MINUTES};
use crate::ui::format;
use crate::ui::workshop::Workshop;
use leptos::prelude::*;

#[component]
pub fn WorkshopTimer(workshop: Workshop) -> impl IntoView {
    let timer = move || workshop.session.with(|s| s.timer);
    let phase = move || timer().phase(workshop.now.get());
    let text = move || clock(timer().remaining_ms(workshop.now.get()));
    let used = move || {
        format!(
            "{}%",
            format::tenths(100.0 * timer().used_share(workshop.now.get()))
        )
    };
    let state = move || match phase() {
        Phase::Ready => "Ready",
        Phase::Running => "Running",
        Phase::Paused => "Paused",
        Phase::Over => "Time's up",
    };
    let running = move || workshop.session.with(|s| s.timer.is_running());
    let minutes = move || workshop.session.with(|s| s.timer.minutes());
    view! {
        <div class="timer" class:timer-over=move || phase() == Phase::Over data-testid="timer">
            <div class="timer-readout">
                <span class="timer-clock" role="timer" aria-label="Time left on this slide">
                    {text}
                </span>
                <span class="timer-state" aria-live="polite">
                    <span class="timer-icon" aria-hidden="true">
                        {move || match phase() {
                            Phase::Over => "■",
                            Phase::Running => "▶",
                            Phase::Paused => "‖",
                            Phase::Ready => "○",
                        }}
                    </span>
                    {state}
                </span>
            </div>
            <span class="timer-bar" aria-hidden="true">
                <span class="timer-bar-fill" style:width=used></span>
            </span>
            <div class="timer-actions">
                <button
                    type="button"
                    class="button small"
                    aria-keyshortcuts="T"
                    on:click=move |_| workshop.toggle_timer()
                >
                    {move || if running() { "Pause timer" } else { "Start timer" }}
                </button>
                <button
                    type="button"
                    class="button small quiet"
                    aria-label="−1 minute"
                    on:click=move |_| workshop.adjust_minutes(-1)
                    disabled=move || { minutes() <= 1 }
                >
                    "−1"
                </button>
                <span class="timer-minutes">{move || format!("{} min", minutes())}</span>
                <button
                    type="button"
                    class="button small quiet"
                    aria-label="+1 minute"
                    on:click=move |_| workshop.adjust_minutes(1)
                    disabled=move || { minutes() >= MAX_MINUTES }
                >
                    "+1"
                </button>
            </div>
        </div>
    }
}
