//! A workshop on a plan shared live, across devices: who is here now, and "Follow the
//! facilitator". The deck that leads says its slide, timeboxes and timer in its presence; a
//! participant's deck follows it while the box is ticked (ticked by default for those who
//! joined from a link), so the remote
//! side needs no screen share. Moving a slide or the timer oneself stops following, and that
//! deck leads from then on; tick the box to follow again.

use crate::domain::PlanId;
use crate::ui::live::Live;
use crate::ui::workshop::Workshop;
use leptos::prelude::*;

#[component]
pub fn RemoteWorkshop(workshop: Workshop, id: PlanId) -> impl IntoView {
    let live = expect_context::<Live>();
    let id = StoredValue::new(id);
    // Those who joined from a link follow by default; whoever shared the plan leads.
    let follow = RwSignal::new(live.joined_here(&id.get_value()));
    // The first other deck that leads, in the order peers are listed (by name).
    let facilitator = Memo::new(move |_| {
        live.peers_of(&id.get_value())
            .into_iter()
            .find_map(|peer| peer.workshop.map(|session| (peer.name, session)))
    });
    let following = move || follow.get() && facilitator.with(Option::is_some);

    // Follow the facilitator's slide and timer as they change.
    Effect::new(move |_| {
        if follow.get() {
            if let Some((_, session)) = facilitator.get() {
                workshop.follow(session);
            }
        }
    });
    // A slide or timer moved here, by hand, leads instead of following.
    Effect::new(move |seen: Option<u32>| {
        let moves = workshop.own_moves.get();
        if seen.is_some_and(|seen| seen != moves) {
            follow.set(false);
        }
        moves
    });
    // A deck that does not follow anyone leads: the others see its slide and timer.
    Effect::new(move |_| {
        let session = workshop.session.get();
        let leads = !following();
        live.present(&id.get_value(), leads.then_some(session));
    });
    on_cleanup(move || live.present(&id.get_value(), None));

    let here = move || live.here_text(&id.get_value());
    let leader = move || {
        facilitator.with(|f| match f {
            Some((name, _)) if !name.is_empty() => format!("Follow the facilitator ({name})"),
            _ => "Follow the facilitator".to_string(),
        })
    };
    view! {
        <div class="deck-presence">
            <span data-testid="presence">{here}</span>
            <Show when=move || facilitator.with(Option::is_some)>
                <label class="deck-follow">
                    <input
                        type="checkbox"
                        prop:checked=move || follow.get()
                        on:change=move |ev| follow.set(event_target_checked(&ev))
                    />
                    {leader}
                </label>
            </Show>
        </div>
    }
}
