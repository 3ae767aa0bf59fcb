use crate::bot::Chip;
use crate::web::widget::Widget;
use leptos::prelude::*;

/// Questions the visitor can send with one click: the FAQ's starters before the first
/// message, the bot's suggestions after it did not know, a remote bot's buttons.
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
                    .map(|(_, starters)| starters.iter().cloned().map(Chip::plain).collect())
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
                    key=|chip| chip.clone()
                    children=move |chip| {
                        let label = chip.label.clone();
                        let chip = StoredValue::new(chip);
                        view! {
                            <button
                                type="button"
                                class="chip"
                                on:click=move |_| chip.with_value(|c| widget.pick(c))
                            >
                                {label}
                            </button>
                        }
                    }
                />
            </div>
        </Show>
    }
}
