use super::handoff_status::HandoffStatus;
use super::message::MessageBubble;
use super::offer::Offer;
use super::quick_replies::QuickReplies;
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
    let configured = widget.settings.with_value(|s| s.config.greeting.clone());
    // The site owner's greeting, else the FAQ's once it has loaded.
    let greeting = move || {
        configured.clone().or_else(|| {
            widget
                .bot_intro
                .with(|intro| intro.as_ref().and_then(|(greeting, _)| greeting.clone()))
        })
    };
    let messages = move || widget.snapshot.with(|s| s.conversation.messages.clone());

    Effect::new(move |_| {
        // Re-run on every new message, on the typing indicator, and on opening the panel.
        let _ = widget.snapshot.with(|s| s.conversation.messages.len());
        let _ = widget.typing.get();
        let _ = widget.chips.with(Vec::len);
        widget.flow.track();
        let _ = widget.outbox.with(|o| o.entries.len());
        let _ = widget.open.get();
        // After the views that changed have rendered (an offer or a status is built by its
        // own effect, which may run after this one).
        leptos::task::spawn_local(async move {
            leptos::task::tick().await;
            if let Some(log) = log.get_untracked() {
                log.set_scroll_top(log.scroll_height());
            }
        });
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
            {move || greeting().map(|text| {
                let message = Message { id: "greeting".into(), role: Role::Bot, text, at: 0 };
                view! { <MessageBubble message/> }
            })}
            <For
                each=messages
                key=|message| message.id.clone()
                children=|message| view! { <MessageBubble message/> }
            />
            <TypingIndicator/>
            <QuickReplies/>
            <Offer/>
            <HandoffStatus/>
        </div>
    }
}
