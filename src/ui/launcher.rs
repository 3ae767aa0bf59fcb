use super::icons::{ChatIcon, CloseIcon};
use crate::i18n::fill;
use crate::web::widget::{Focus, Widget};
use leptos::prelude::*;

/// The round button that opens and closes the panel, with the unread badge.
///
/// Its accessible name is the widget's title (plus the unread count) and does not change
/// with the state: `aria-expanded` says whether the panel is open.
#[component]
pub fn Launcher() -> impl IntoView {
    let widget = expect_context::<Widget>();
    let strings = widget.strings();
    let title = widget.settings.with_value(|s| s.title());
    let unread = Memo::new(move |_| widget.snapshot.with(|s| s.conversation.unread()));
    let show_badge = move || unread.get() > 0 && !widget.open.get();
    let label = move || {
        if show_badge() {
            let count = unread.get().to_string();
            format!("{title}, {}", fill(strings.unread, &[("n", &count)]))
        } else {
            title.clone()
        }
    };
    view! {
        <button
            type="button"
            part="launcher"
            class="launcher"
            node_ref=widget.launcher
            aria-label=label
            aria-haspopup="dialog"
            aria-controls=move || widget.panel_built.get().then_some("handover-panel")
            aria-expanded=move || widget.open.get().to_string()
            on:click=move |_| widget.toggle(Focus::Move)
        >
            <Show when=move || widget.open.get() fallback=ChatIcon>
                <CloseIcon/>
            </Show>
            <Show when=show_badge>
                <span class="badge" aria-hidden="true">
                    {move || match unread.get() {
                        n if n > 99 => "99+".to_owned(),
                        n => n.to_string(),
                    }}
                </span>
            </Show>
        </button>
    }
}
