use super::icons::PersonIcon;
use crate::web::widget::{HumanRequest, Widget};
use leptos::prelude::*;

/// "Talk to a human": always in the footer, whatever the bot is doing, so no visitor is
/// ever stuck with the bot.
#[component]
pub fn HumanButton() -> impl IntoView {
    let widget = expect_context::<Widget>();
    view! {
        <button
            type="button"
            part="human-button"
            class="human"
            on:click=move |_| widget.request_human(HumanRequest::Button, None)
        >
            <PersonIcon/>
            <span>{widget.strings().talk_to_human}</span>
        </button>
    }
}
