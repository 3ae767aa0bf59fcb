//! Inline SVG icons. Decorative: hidden from assistive technology, named by their buttons.

use leptos::prelude::*;

/// A speech bubble.
#[component]
pub fn ChatIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/>
        </svg>
    }
}

/// A cross.
#[component]
pub fn CloseIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M6 6l12 12M18 6L6 18" class="stroke"/>
        </svg>
    }
}

/// A paper plane.
#[component]
pub fn SendIcon() -> impl IntoView {
    view! {
        <svg class="icon flip-rtl" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M2.5 20.5L22 12 2.5 3.5V10l13 2-13 2z"/>
        </svg>
    }
}

/// A person.
#[component]
pub fn PersonIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 8c0-3.3 3.1-6 7-6s7 2.7 7 6v1H5z"/>
        </svg>
    }
}
