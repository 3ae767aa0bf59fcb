use super::icons::SendIcon;
use crate::conversation::MAX_MESSAGE_CHARS;
use crate::i18n::fill;
use crate::web::widget::Widget;
use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::prelude::*;

/// The message box and send button. Enter sends, Shift+Enter starts a new line, and a key
/// pressed while an input method is composing (Japanese, Chinese…) is left to the IME.
/// A paste over the limit stays in the box with a message, rather than being cut silently.
#[component]
pub fn Composer() -> impl IntoView {
    let widget = expect_context::<Widget>();
    let strings = widget.strings();
    let draft = RwSignal::new(String::new());
    let length = Memo::new(move |_| draft.with(|d| d.trim().chars().count()));
    let too_long = move || length.get() > MAX_MESSAGE_CHARS;
    let can_send = move || length.get() > 0 && !too_long();
    let submit = move || {
        if widget.send(&draft.get_untracked()).is_ok() {
            draft.set(String::new());
        }
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Enter" && !ev.shift_key() && !ev.is_composing() {
            ev.prevent_default();
            submit();
        }
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        submit();
    };
    let error = move || {
        too_long().then(|| {
            let (count, max) = (length.get().to_string(), MAX_MESSAGE_CHARS.to_string());
            fill(strings.too_long, &[("n", &count), ("max", &max)])
        })
    };
    view! {
        <form part="composer" class="composer" on:submit=on_submit>
            <textarea
                part="input"
                class="input"
                rows="1"
                node_ref=widget.input
                aria-label=strings.message
                aria-describedby="handover-draft-error handover-hint"
                aria-invalid=move || too_long().to_string()
                placeholder=strings.placeholder
                prop:value=move || draft.get()
                on:input=move |ev| draft.set(event_target_value(&ev))
                on:keydown=on_keydown
            ></textarea>
            <button
                type="submit"
                part="send"
                class="send"
                aria-label=strings.send
                disabled=move || !can_send()
            >
                <SendIcon/>
            </button>
            <p id="handover-draft-error" class="draft-error" aria-live="polite">{error}</p>
            <p id="handover-hint" class="sr-only">{strings.composer_hint}</p>
        </form>
    }
}
