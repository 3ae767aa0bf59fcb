use crate::web::widget::Widget;
use leptos::prelude::*;

/// Questions the visitor can send with one click: the FAQ's starters before the first
/// message, the bot's suggestions after it did not know.
#[component]
pub fn QuickReplies() -> impl IntoView {
    let widget = expect_context::<Widget>();
    let strings = widget.strings();
    let offered = move || {
        let chips = widget.chips.get();
        if !chips.is_empty() {
            return chips;
        }
        let fresh = widget.snapshot.with(|s| {
            s.conversation
                .messages
                .iter()
                .all(|m| m.role != crate::conversation::Role::Visitor)
        });
        if fresh {
            widget.bot_intro.with(|intro| {
                intro
                    .as_ref()
                    .map(|(_, starters)| starters.clone())
                    .unwrap_or_default()
            })
        } else {
            Vec::new()
        }
    };
    view! {
        <Show when=move || !offered().is_empty()>
            <div class="chips" role="group" aria-label=strings.suggestions>
                <For
                    each=offered
                    key=|question| question.clone()
                    children=move |question| {
                        let text = StoredValue::new(question.clone());
                        view! {
                            <button
                                type="button"
                                class="chip"
                                on:click=move |_| {
                                    let _ = widget.send(&text.get_value());
                                }
                            >
                                {question}
                            </button>
                        }
                    }
                />
            </div>
        </Show>
    }
}
