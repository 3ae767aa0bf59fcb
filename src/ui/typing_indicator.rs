use crate::web::widget::Widget;
use leptos::prelude::*;

/// Three dots while the bot works on a reply; read out once as "Typing…".
#[component]
pub fn TypingIndicator() -> impl IntoView {
    let widget = expect_context::<Widget>();
    let label = widget.strings().typing;
    view! {
        <Show when=move || widget.typing.get()>
            <div class="typing">
                <span class="sr-only">{label}</span>
                <span class="dots" aria-hidden="true"><i></i><i></i><i></i></span>
            </div>
        </Show>
    }
}
