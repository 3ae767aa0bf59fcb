use crate::web::widget::{Flow, Widget};
use leptos::prelude::*;

/// The offer of a person, in the conversation, when the policy sees it going badly: one
/// honest sentence, accept or "no thanks". Declining keeps the bot going.
#[component]
pub fn Offer() -> impl IntoView {
    let widget = expect_context::<Widget>();
    let strings = widget.strings();
    let offered = move || widget.flow.with(|f| matches!(f, Flow::Offer { .. }));
    view! {
        <Show when=offered>
            <div part="offer" class="offer">
                <p>{strings.offer}</p>
                <div class="actions">
                    <button
                        type="button"
                        part="offer-accept"
                        class="primary"
                        on:click=move |_| widget.accept_offer()
                    >
                        {strings.offer_accept}
                    </button>
                    <button
                        type="button"
                        part="offer-decline"
                        class="secondary"
                        on:click=move |_| widget.decline_offer()
                    >
                        {strings.offer_decline}
                    </button>
                </div>
            </div>
        </Show>
    }
}
