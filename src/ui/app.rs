use super::launcher::Launcher;
use super::panel::Panel;
use leptos::prelude::*;

/// The whole widget: the launcher and the panel it opens.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Panel/>
        <Launcher/>
    }
}
