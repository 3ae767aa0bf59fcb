use super::launcher::Launcher;
use super::panel::Panel;
use crate::web::widget::Widget;
use leptos::prelude::*;

/// The whole widget: the launcher, and the panel it opens (built on first open, then kept).
#[component]
pub fn App() -> impl IntoView {
    let widget = expect_context::<Widget>();
    view! {
        <Show when=move || widget.panel_built.get()>
            <Panel/>
        </Show>
        <Launcher/>
    }
}
