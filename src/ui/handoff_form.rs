use crate::handoff::contact::{Contact, ContactError};
use crate::i18n::{Strings, fill};
use crate::web::widget::{Flow, Widget};
use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The contact step: a real `<form>` that asks only for what the destinations need (an
/// email for Zendesk and email, nothing the page already told us), the consent box when the
/// site owner configured one, and a preview of the summary the team will get. Enter submits;
/// errors are tied to their field and read out.
#[component]
pub fn HandoffForm() -> impl IntoView {
    let widget = expect_context::<Widget>();
    let open = move || widget.flow.with(|f| matches!(f, Flow::Form { .. }));
    view! {
        <Show when=open>
            <ContactForm/>
        </Show>
    }
}

fn message(strings: &'static Strings, error: ContactError) -> &'static str {
    match error {
        ContactError::EmailRequired => strings.email_required,
        ContactError::EmailInvalid => strings.email_invalid,
        ContactError::ConsentRequired => strings.consent_required,
    }
}

/// The form itself, built each time it opens, so it shows the summary as it is now.
#[component]
fn ContactForm() -> impl IntoView {
    let widget = expect_context::<Widget>();
    let strings = widget.strings();
    let rules = widget.contact_rules();
    let known_email = widget.known_email();
    let known_name = widget.snapshot.with_untracked(|s| s.visitor.name.clone());
    let consent_text = widget.settings.with_value(|s| s.config.consent.clone());
    let preview = widget.preview();
    let availability = widget.availability_note();

    let name = RwSignal::new(known_name.unwrap_or_default());
    let email = RwSignal::new(String::new());
    let consented = RwSignal::new(false);
    let email_error = RwSignal::new(None::<ContactError>);
    let consent_error = RwSignal::new(None::<ContactError>);
    let name_ref = NodeRef::<html::Input>::new();
    let email_ref = NodeRef::<html::Input>::new();
    let consent_ref = NodeRef::<html::Input>::new();
    let form_ref = NodeRef::<html::Form>::new();

    // The visitor asked for this: take them to the first field (unless focus is on the
    // page, where page code opened it).
    Effect::new(move |_| {
        let Some(form) = form_ref.get() else {
            return;
        };
        let in_widget = form
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()
            .is_some_and(|root| root.active_element().is_some());
        if in_widget && let Some(first) = name_ref.get_untracked() {
            let _ = first.focus();
        }
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let contact = Contact {
            name: name.get_untracked(),
            email: email.get_untracked(),
            consented: consented.get_untracked(),
        };
        if let Err((email_problem, consent_problem)) = widget.submit_handoff(contact) {
            email_error.set(email_problem);
            consent_error.set(consent_problem);
            let target = if email_problem.is_some() {
                email_ref.get_untracked()
            } else {
                consent_ref.get_untracked()
            };
            if let Some(field) = target {
                let _ = field.focus();
            }
        }
    };

    // Escape leaves the form, not the whole panel.
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" && !ev.is_composing() {
            ev.prevent_default();
            ev.stop_propagation();
            widget.close_form();
        }
    };

    let email_field = match known_email {
        Some(address) => view! {
            <p class="known">{fill(strings.known_email, &[("email", &address)])}</p>
        }
        .into_any(),
        None => {
            let required = rules.email_required;
            view! {
                <label class="field">
                    <span>
                        {strings.email_label}
                        {(!required).then(|| view! { <span class="optional">" ("{strings.optional}")"</span> })}
                    </span>
                    <input
                        type="email"
                        name="email"
                        autocomplete="email"
                        inputmode="email"
                        required=required
                        node_ref=email_ref
                        aria-invalid=move || email_error.get().is_some().to_string()
                        aria-describedby="handover-email-error"
                        prop:value=move || email.get()
                        on:input=move |ev| {
                            email.set(event_target_value(&ev));
                            email_error.set(None);
                        }
                    />
                </label>
                <p id="handover-email-error" class="field-error" aria-live="polite">
                    {move || email_error.get().map(|e| message(strings, e))}
                </p>
            }
            .into_any()
        }
    };

    let consent_field = consent_text.map(|text| {
        view! {
            <label class="consent">
                <input
                    type="checkbox"
                    name="consent"
                    node_ref=consent_ref
                    aria-invalid=move || consent_error.get().is_some().to_string()
                    aria-describedby="handover-consent-error"
                    prop:checked=move || consented.get()
                    on:change=move |ev| {
                        consented.set(event_target_checked(&ev));
                        consent_error.set(None);
                    }
                />
                <span>{text}</span>
            </label>
            <p id="handover-consent-error" class="field-error" aria-live="polite">
                {move || consent_error.get().map(|e| message(strings, e))}
            </p>
        }
    });

    let summary = preview.map(|payload| {
        let details: Vec<_> = payload
            .summary
            .details
            .iter()
            .map(|d| view! { <li><b>{d.kind.label()}</b>" "{d.value.clone()}</li> })
            .collect();
        view! {
            <div class="preview">
                <p>{strings.preview}</p>
                <blockquote>{payload.summary.headline.clone()}</blockquote>
                {(!details.is_empty()).then(|| view! { <ul>{details}</ul> })}
            </div>
        }
    });

    view! {
        <form
            part="handoff-form"
            class="handoff-form"
            aria-labelledby="handover-form-title"
            novalidate=true
            node_ref=form_ref
            on:submit=on_submit
            on:keydown=on_keydown
        >
            <h3 id="handover-form-title">{strings.form_title}</h3>
            {availability.map(|note| view! { <p class="hours">{note}</p> })}
            {summary}
            <label class="field">
                <span>{strings.name_label}<span class="optional">" ("{strings.optional}")"</span></span>
                <input
                    type="text"
                    name="name"
                    autocomplete="name"
                    node_ref=name_ref
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
            </label>
            {email_field}
            {consent_field}
            <div class="actions">
                <button type="submit" part="handoff-submit" class="primary">{strings.submit}</button>
                <button type="button" class="secondary" on:click=move |_| widget.close_form()>
                    {strings.cancel}
                </button>
            </div>
        </form>
    }
}
