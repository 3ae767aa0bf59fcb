use super::handoff_status::HandoffStatus;
use super::message::MessageBubble;
use super::offer::Offer;
use super::typing_indicator::TypingIndicator;
use crate::conversation::{Message, Role};
use crate::web::widget::Widget;
use leptos::html;
use leptos::prelude::*;

/// The conversation: a polite live region, so screen readers announce new messages without
/// interrupting. Keeps the newest message in view.
#[component]
pub fn MessageLog() -> impl IntoView {
    let widget = expect_context::<Widget>();
    let strings = widget.strings();
    let log = NodeRef::<html::Div>::new();
    let greeting = widget.settings.with_value(|s| s.config.greeting.clone());
    let messages = move || widget.snapshot.with(|s| s.conversation.messages.clone());

    Effect::new(move |_| {
        // Re-run on every new message, on the typing indicator, and on opening the panel.
        let _ = widget.snapshot.with(|s| s.conversation.messages.len());
        let _ = widget.typing.get();
        widget.flow.track();
        let _ = widget.outbox.with(|o| o.entries.len());
        let _ = widget.open.get();
        if let Some(log) = log.get_untracked() {
            log.set_scroll_top(log.scroll_height());
        }
    });

    view! {
        <div
            part="log"
            class="log"
            role="log"
            aria-live="polite"
            aria-label=strings.conversation
            tabindex="0"
            node_ref=log
        >
            {greeting.map(|text| {
                let message = Message { id: "greeting".into(), role: Role::Bot, text, at: 0 };
                view! { <MessageBubble message/> }
            })}
            <For
                each=messages
                key=|message| message.id.clone()
                children=|message| view! { <MessageBubble message/> }
            />
            <TypingIndicator/>
            <Offer/>
            <HandoffStatus/>
        </div>
    }
}
