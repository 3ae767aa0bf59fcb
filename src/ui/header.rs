use super::icons::CloseIcon;
use crate::web::widget::{Focus, Widget};
use leptos::prelude::*;

/// Title bar with the close button.
#[component]
pub fn Header() -> impl IntoView {
    let widget = expect_context::<Widget>();
    let title = widget.settings.with_value(|s| s.title());
    view! {
        <header part="header" class="header">
            <h2 id="handover-title" class="title">{title}</h2>
            <button
                type="button"
                class="close"
                aria-label=widget.strings().close_chat
                on:click=move |_| widget.set_open(false, Focus::Move)
            >
                <CloseIcon/>
            </button>
        </header>
    }
}
