//! The talk-to-a-human flow on [`Widget`]: the offer, the contact form, building the
//! payload, and the outbox the courier sends from. The decisions are in the pure core
//! (`handoff`, `summary`, `redact`); this file wires them to the page.

use super::courier;
use super::events::emit;
use super::js;
use super::widget::{Flow, Widget};
use crate::handoff::contact::{self, Contact, ContactError, ContactRules};
use crate::handoff::delivery::Verdict;
use crate::handoff::outbox::{Entry, Outbox, Slot, State};
use crate::handoff::{self, HttpRequest, Page, Payload, Request, TriggerKind};
use crate::hours::Availability;
use crate::i18n::fill;
use leptos::prelude::*;
use serde_json::json;
use wasm_bindgen::JsValue;

impl Widget {
    /// Offers a person, unless the visitor is already on the way to one.
    pub fn offer(&self, kind: TriggerKind, reasons: Vec<String>) {
        if self.flow.with_untracked(|f| *f == Flow::Idle) && !self.handoff_pending() {
            self.flow.set(Flow::Offer { kind, reasons });
        }
    }

    /// The visitor said yes to the offer.
    pub fn accept_offer(&self) {
        if let Flow::Offer { kind, reasons } = self.flow.get_untracked() {
            self.open_form(kind, reasons);
        }
    }

    /// The visitor said no: the bot carries on, and the policy holds back further offers for
    /// a while (remembered across reloads).
    pub fn decline_offer(&self) {
        let at = js::now_ms();
        self.escalation.update_value(|e| e.declined(at));
        self.change(|snapshot| snapshot.declined_at.push(at));
        self.flow.set(Flow::Idle);
        self.focus_input();
    }

    /// Opens the contact form. A handoff still being sent is not doubled: its status is
    /// already in view.
    pub fn open_form(&self, kind: TriggerKind, reasons: Vec<String>) {
        if self.handoff_pending() {
            return;
        }
        self.flow.set(Flow::Form { kind, reasons });
    }

    /// Closes the form without sending.
    pub fn close_form(&self) {
        self.flow.set(Flow::Idle);
        self.focus_input();
    }

    fn focus_input(&self) {
        if let Some(input) = self.input.get_untracked() {
            let _ = input.focus();
        }
    }

    /// Whether a handoff of this conversation is still waiting to go out.
    fn handoff_pending(&self) -> bool {
        self.outbox
            .with_untracked(|o| o.entries.iter().any(|e| e.state() == State::Queued))
    }

    /// What the form asks for: an email only when a destination needs one, or nobody is in
    /// to answer here, and the page has not identified the visitor with one; the consent
    /// box when configured.
    pub fn contact_rules(&self) -> ContactRules {
        let known = self.known_email().is_some();
        let away = matches!(self.availability(), Some(Availability::Closed { .. }));
        self.settings.with_value(|s| ContactRules {
            email_required: (s.config.needs_email() || away) && !known,
            consent: s.config.consent.is_some(),
        })
    }

    /// Whether the office is open now, when office hours are configured.
    pub fn availability(&self) -> Option<Availability> {
        self.settings.with_value(|s| {
            let hours = s.office_hours.as_ref()?;
            let zone = &s.config.office_hours.as_ref()?.timezone;
            let offset = |at: u64| js::zone_offset_minutes(zone, at).unwrap_or(0);
            Some(hours.availability(js::now_ms(), &offset))
        })
    }

    /// What the form says about who will answer, and how: here or by email now, or by email
    /// from the next opening, in the visitor's own time and language.
    pub fn availability_note(&self) -> Option<String> {
        let strings = self.strings();
        Some(match self.availability()? {
            Availability::Open => strings.reply_here.to_owned(),
            Availability::Closed {
                next_open_ms: Some(at),
            } => {
                let locale = self.settings.with_value(|s| s.locale.tag.clone());
                fill(strings.away, &[("when", &js::local_time(at, &locale))])
            }
            Availability::Closed { next_open_ms: None } => strings.away_later.to_owned(),
        })
    }

    /// The email `identify` gave, if any.
    pub fn known_email(&self) -> Option<String> {
        self.snapshot.with_untracked(|s| s.visitor.email.clone())
    }

    /// The payload as it would be sent now, for the form's preview.
    pub fn preview(&self) -> Option<Payload> {
        let Flow::Form { kind, reasons } = self.flow.get_untracked() else {
            return None;
        };
        self.payload(kind, reasons, Contact::default(), "preview".into())
    }

    fn payload(
        &self,
        kind: TriggerKind,
        reasons: Vec<String>,
        contact: Contact,
        id: String,
    ) -> Option<Payload> {
        let (messages, mut visitor, context) = self.snapshot.with_untracked(|s| {
            (
                s.conversation.messages.clone(),
                s.visitor.clone(),
                s.context.clone(),
            )
        });
        if !contact.name.trim().is_empty() {
            visitor.name = Some(contact.name.trim().to_owned());
        }
        if !contact.email.trim().is_empty() {
            visitor.email = Some(contact.email.trim().to_owned());
        }
        let locale = self.settings.with_value(|s| s.locale.tag.clone());
        let page = page(locale);
        let products = self
            .bot
            .with_value(|bot| bot.as_ref().map(|b| b.products()).unwrap_or_default());
        let redactor = self.redactor;
        // `None` only once the widget is torn down.
        self.escalation.try_update_value(|e| {
            let detector = e.built(&messages);
            redactor.with_value(|redactor| {
                handoff::build(
                    Request {
                        id,
                        now_ms: js::now_ms(),
                        messages: &messages,
                        kind,
                        reasons,
                        visitor,
                        page,
                        context,
                        products: &products,
                    },
                    detector,
                    redactor,
                )
            })
        })
    }

    /// Checks the contact form and, when it is complete, queues the handoff for every
    /// destination. Returns the problems to show otherwise: `(email, consent)`.
    pub fn submit_handoff(
        &self,
        contact: Contact,
    ) -> Result<(), (Option<ContactError>, Option<ContactError>)> {
        let Flow::Form { kind, reasons } = self.flow.get_untracked() else {
            return Ok(());
        };
        let problems = contact::check(&self.contact_rules(), &contact);
        if problems != (None, None) {
            return Err(problems);
        }
        let id = js::random_id();
        let Some(payload) = self.payload(kind, reasons, contact, id.clone()) else {
            return Ok(());
        };
        // The visitor is not asked again next time.
        let visitor = payload.visitor.clone();
        self.change(|snapshot| {
            snapshot.visitor = visitor;
            snapshot.updated_at = js::now_ms();
        });
        let (destinations, mailto_to) = self
            .settings
            .with_value(|s| (s.config.all_destinations(), s.config.mailto_address()));
        let requests: Vec<_> = destinations
            .iter()
            .map(|d| {
                let destination = handoff::destination(d);
                (destination.kind(), destination.render(&payload))
            })
            .collect();
        if requests.is_empty() {
            js::warn(
                "Handover: no destination is configured; the visitor was offered email instead",
            );
        }
        let entry = Entry::new(
            id,
            js::now_ms(),
            handoff::mailto(&mailto_to, &payload),
            requests,
        );
        self.edit_outbox(|outbox| outbox.add(entry.clone()));
        announce(&entry);
        self.flow.set(Flow::Idle);
        self.focus_input();
        courier::pump(*self);
        Ok(())
    }

    /// Cancels a handoff that has not gone out yet.
    pub fn cancel_handoff(&self, id: &str) {
        let mut cancelled = false;
        self.edit_outbox(|outbox| cancelled = outbox.cancel(id));
        if cancelled && let Some(entry) = self.outbox.with_untracked(|o| o.get(id).cloned()) {
            announce(&entry);
        }
    }

    /// Tries a failed handoff again.
    pub fn retry_handoff(&self, id: &str) {
        let mut queued = false;
        self.edit_outbox(|outbox| queued = outbox.retry(id, js::now_ms()));
        if queued {
            if let Some(entry) = self.outbox.with_untracked(|o| o.get(id).cloned()) {
                announce(&entry);
            }
            courier::pump(*self);
        }
    }

    /// Changes the outbox under a fresh read of storage, and stores it.
    fn edit_outbox(&self, edit: impl FnOnce(&mut Outbox)) {
        let store = self.store;
        self.outbox.update(|outbox| {
            store.with_value(|s| s.load_outbox(outbox));
            edit(outbox);
            store.update_value(|s| {
                s.save_outbox(outbox);
            });
        });
    }

    /// Takes in the outbox as stored (another tab may have sent something), and gives up
    /// on deliveries older than the configured age.
    pub fn sync_outbox(&self) {
        let max_age = self.max_age_ms();
        let before = self.outbox.get_untracked();
        self.edit_outbox(|outbox| {
            outbox.expire(js::now_ms(), max_age);
        });
        self.announce_changes(&before);
    }

    /// Takes in another tab's outbox from a `storage` event.
    pub fn take_foreign_outbox(&self, theirs: &Outbox) {
        let before = self.outbox.get_untracked();
        let mut merged = before.clone();
        if merged.merge(theirs) {
            self.outbox.set(merged);
            self.announce_changes(&before);
            courier::pump(*self);
        }
    }

    /// Announces every delivery whose state differs from `before`.
    fn announce_changes(&self, before: &Outbox) {
        self.outbox.with_untracked(|now| {
            for entry in &now.entries {
                let old = before.get(&entry.id);
                for (index, d) in entry.deliveries.iter().enumerate() {
                    let was = old.and_then(|e| e.deliveries.get(index)).map(|d| d.state);
                    if was != Some(d.state) {
                        emit_delivery(&entry.id, d.state, d.kind.as_str());
                    }
                }
            }
        });
    }

    fn max_age_ms(&self) -> u64 {
        self.settings
            .with_value(|s| u64::from(s.config.delivery_max_age_minutes) * 60_000)
    }

    /// Deliveries due now.
    pub fn due_deliveries(&self) -> Vec<Slot> {
        self.outbox.with_untracked(|o| o.due(js::now_ms()))
    }

    /// When the courier should wake next (ms).
    pub fn next_wake(&self) -> Option<u64> {
        self.outbox.with_untracked(Outbox::next_wake)
    }

    /// Reserves a delivery for an attempt, under a fresh read of storage.
    pub fn lease(&self, slot: &Slot) -> Option<(HttpRequest, u32)> {
        let mut leased = None;
        self.edit_outbox(|outbox| leased = outbox.lease(slot, js::now_ms()));
        leased
    }

    /// Records an attempt's verdict and announces a change of state.
    pub fn record(&self, slot: &Slot, verdict: Verdict) {
        let max_age = self.max_age_ms();
        let before = self.outbox.get_untracked();
        if let Verdict::Retry { why, .. } | Verdict::Failed { why } = &verdict {
            js::debug(&format!(
                "Handover: handoff {} not delivered yet: {why}",
                slot.id
            ));
        }
        self.edit_outbox(|outbox| {
            outbox.record(slot, verdict, js::now_ms(), max_age);
        });
        self.announce_changes(&before);
    }
}

/// `handover:handoff` for each of an entry's deliveries.
fn announce(entry: &Entry) {
    if entry.deliveries.is_empty() {
        emit_delivery(&entry.id, State::Failed, "none");
    }
    for d in &entry.deliveries {
        emit_delivery(&entry.id, d.state, d.kind.as_str());
    }
}

fn emit_delivery(id: &str, state: State, destination: &str) {
    emit(
        "handover:handoff",
        json!({ "id": id, "state": state.as_str(), "destination": destination }),
    );
}

/// Where the visitor is: the page's address, title and referrer, the widget's locale, the
/// browser's time zone and user agent.
fn page(locale: String) -> Page {
    let window = js::window();
    let document = window.as_ref().and_then(|w| w.document());
    let timezone = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    Page {
        url: window
            .as_ref()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default(),
        referrer: document
            .as_ref()
            .map(|d| d.referrer())
            .filter(|r| !r.is_empty()),
        title: document.as_ref().map(|d| d.title()).unwrap_or_default(),
        locale,
        timezone: js::get(&JsValue::from(timezone), "timeZone")
            .as_string()
            .unwrap_or_else(|| "UTC".into()),
        user_agent: window
            .and_then(|w| w.navigator().user_agent().ok())
            .unwrap_or_default(),
    }
}
