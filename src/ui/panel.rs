use super::composer::Composer;
use super::handoff_form::HandoffForm;
use super::header::Header;
use super::human_button::HumanButton;
use super::message_log::MessageLog;
use crate::web::widget::{Focus, Widget};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// The chat window: a non-modal dialog (the page stays usable beside it). Escape anywhere in
/// it closes it and puts focus back on the launcher.
#[component]
pub fn Panel() -> impl IntoView {
    let widget = expect_context::<Widget>();
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" && !ev.is_composing() {
            ev.prevent_default();
            widget.set_open(false, Focus::Move);
        }
    };
    view! {
        <section
            part="panel"
            class="panel"
            id="handover-panel"
            role="dialog"
            aria-labelledby="handover-title"
            hidden=move || !widget.open.get()
            on:keydown=on_keydown
        >
            <Header/>
            <MessageLog/>
            <HandoffForm/>
            <footer class="footer">
                <HumanButton/>
                <Composer/>
            </footer>
        </section>
    }
}
