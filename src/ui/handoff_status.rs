use crate::handoff::outbox::{Entry, State};
use crate::web::widget::Widget;
use leptos::prelude::*;

/// How many handoffs' statuses are shown (the newest).
const SHOWN: usize = 3;

/// Where each handoff stands, in the conversation: waiting (with cancel), sent, delivered,
/// or failed with a retry button and an email link prefilled with the summary.
#[component]
pub fn HandoffStatus() -> impl IntoView {
    let widget = expect_context::<Widget>();
    let entries = move || {
        widget.outbox.with(|o| {
            let skip = o.entries.len().saturating_sub(SHOWN);
            o.entries[skip..].to_vec()
        })
    };
    view! {
        <For
            each=entries
            key=|entry| (entry.id.clone(), entry.state())
            children=move |entry| view! { <StatusLine entry/> }
        />
    }
}

/// One handoff's status.
#[component]
fn StatusLine(
    /// The handoff.
    entry: Entry,
) -> impl IntoView {
    let widget = expect_context::<Widget>();
    let strings = widget.strings();
    let state = entry.state();
    let text = move || match state {
        State::Queued if !widget.online.get() => strings.offline,
        State::Queued => strings.queued,
        State::Sent => strings.sent,
        State::Delivered => strings.delivered,
        State::Failed => strings.failed,
        State::Cancelled => strings.cancelled,
    };
    let id = StoredValue::new(entry.id.clone());
    let can_cancel = state == State::Queued;
    let after = matches!(state, State::Sent | State::Delivered).then_some(strings.reply_here);
    view! {
        <div part="status" class=format!("status {}", state.as_str()) role="status" data-state=state.as_str()>
            <p>{text}{after.map(|t| view! { " " {t} })}</p>
            {can_cancel.then(|| view! {
                <button type="button" class="secondary" on:click=move |_| widget.cancel_handoff(&id.get_value())>
                    {strings.cancel}
                </button>
            })}
            {(state == State::Failed).then(|| view! {
                <div class="actions">
                    {(!entry.deliveries.is_empty()).then(|| view! {
                        <button type="button" class="primary" on:click=move |_| widget.retry_handoff(&id.get_value())>
                            {strings.retry}
                        </button>
                    })}
                    <a class="mail" href=entry.mailto.clone() rel="noopener noreferrer">{strings.email_us}</a>
                </div>
            })}
        </div>
    }
}
