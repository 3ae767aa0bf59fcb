//! The widget's state and the actions that change it. Components and the JS API both go
//! through [`Widget`], so a click and `Handover('open')` do exactly the same thing.

use super::escalation::Escalation;
use super::events::emit;
use super::js;
use super::store::Store;
use crate::bot::{Bot, Chip};
use crate::config::Config;
use crate::conversation::{DraftError, Message, Role, prepare_draft};
use crate::escalate::{Decision, Trigger};
use crate::handoff::outbox::Outbox;
use crate::handoff::{self, TriggerKind};
use crate::hours::OfficeHours;
use crate::i18n::{Locale, Strings};
use crate::redact::Redactor;
use crate::storage::Snapshot;
use crate::visitor::{IdentifyError, merge_context};
use leptos::html;
use leptos::prelude::*;
use serde_json::{Value, json};
use wasm_bindgen::JsCast;

/// Everything decided at boot and never changed afterwards.
pub struct Settings {
    /// The validated config.
    pub config: Config,
    /// The UI language.
    pub locale: Locale,
    /// The office hours of the config, validated once at boot.
    pub office_hours: Option<OfficeHours>,
}

impl Settings {
    /// The UI strings in the chosen language.
    pub fn strings(&self) -> &'static Strings {
        self.locale.lang.strings()
    }

    /// The header title: the site owner's, or "Support" in the visitor's language.
    pub fn title(&self) -> String {
        self.config
            .title
            .clone()
            .unwrap_or_else(|| self.strings().default_title.to_owned())
    }
}

/// Where keyboard focus goes when the panel opens or closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// Move focus into the widget (the message box on open, the launcher on close): the
    /// visitor asked for it with a click or a key.
    Move,
    /// Leave focus where it is: the page or the config opened the panel, and stealing focus
    /// from the page would lose the visitor's place.
    Keep,
}

/// Why the visitor or the page asked for a human.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HumanRequest {
    /// The "talk to a human" button.
    Button,
    /// `Handover('handoff', …)` from page code.
    Api,
}

/// Handle to the widget's state; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Widget {
    /// Whether the panel is open.
    pub open: RwSignal<bool>,
    /// Whether the panel has ever been open on this page. The panel's DOM is only built on
    /// first open, which keeps the boot task short and the idle widget small.
    pub panel_built: RwSignal<bool>,
    /// The conversation, visitor and context, as persisted.
    pub snapshot: RwSignal<Snapshot>,
    /// Whether the bot is working on a reply.
    pub typing: RwSignal<bool>,
    /// Quick replies on offer: the bot's suggestions after an "I don't know", or a remote
    /// bot's buttons.
    pub chips: RwSignal<Vec<Chip>>,
    /// The embedded FAQ bot's greeting and starters, once its FAQ is loaded.
    pub bot_intro: RwSignal<Option<(Option<String>, Vec<String>)>>,
    /// Boot-time settings.
    pub settings: StoredValue<Settings>,
    /// The launcher button, to return focus to it.
    pub launcher: NodeRef<html::Button>,
    /// The message box, to focus it on open.
    pub input: NodeRef<html::Textarea>,
    /// Where the talk-to-a-human flow stands.
    pub flow: RwSignal<Flow>,
    /// Every handoff not yet forgotten, as this tab last saw it.
    pub outbox: RwSignal<Outbox>,
    /// Whether the browser says it is online (`navigator.onLine`, then its events).
    pub online: RwSignal<bool>,
    pub(super) store: StoredValue<Store, LocalStorage>,
    pub(super) escalation: StoredValue<Escalation, LocalStorage>,
    pub(super) redactor: StoredValue<Redactor, LocalStorage>,
    pub(super) bot: StoredValue<Option<Box<dyn Bot>>, LocalStorage>,
    /// Bot replies on their way; the typing indicator shows while there are any.
    pub(super) bot_pending: StoredValue<u32, LocalStorage>,
}

/// The talk-to-a-human flow.
#[derive(Debug, Clone, PartialEq)]
pub enum Flow {
    /// Nothing to show.
    Idle,
    /// A person is offered; the visitor may accept or decline.
    Offer {
        /// What the offer is about.
        kind: TriggerKind,
        /// The policy's reasons.
        reasons: Vec<String>,
    },
    /// The contact form is open.
    Form {
        /// What started it.
        kind: TriggerKind,
        /// Why.
        reasons: Vec<String>,
    },
}

impl Widget {
    /// Creates the state from boot settings and storage. Must run inside the mount's owner,
    /// so that unmounting disposes of it.
    pub fn new(settings: Settings, mut store: Store) -> Widget {
        let snapshot = store.load();
        let escalation = Escalation::new(
            settings.config.human_phrases.clone(),
            settings.config.escalation,
            settings.locale.lang,
            snapshot.declined_at.clone(),
        );
        let redactor = settings
            .config
            .redact_patterns
            .iter()
            .try_fold(Redactor::builder(), |builder, pattern| {
                builder.pattern(pattern)
            })
            // The patterns were checked with the config; this cannot fail.
            .map(|builder| builder.build())
            .unwrap_or_default();
        let mut outbox = Outbox::default();
        store.load_outbox(&mut outbox);
        let open = store.was_open().unwrap_or(settings.config.open);
        store.remember_open(open);
        Widget {
            open: RwSignal::new(open),
            panel_built: RwSignal::new(open),
            snapshot: RwSignal::new(snapshot),
            typing: RwSignal::new(false),
            chips: RwSignal::new(Vec::new()),
            bot_intro: RwSignal::new(None),
            settings: StoredValue::new(settings),
            launcher: NodeRef::new(),
            input: NodeRef::new(),
            flow: RwSignal::new(Flow::Idle),
            outbox: RwSignal::new(outbox),
            online: RwSignal::new(js::window().is_none_or(|w| w.navigator().on_line())),
            store: StoredValue::new_local(store),
            escalation: StoredValue::new_local(escalation),
            redactor: StoredValue::new_local(redactor),
            bot: StoredValue::new_local(None),
            bot_pending: StoredValue::new_local(0),
        }
    }

    /// Prepares the detector ahead of the first message, one slice at a time while
    /// `time_left()` (milliseconds of idle time) allows. Returns whether more remains.
    /// Harmless after `destroy`.
    pub fn warm(&self, time_left: &dyn Fn() -> f64) -> bool {
        let escalation = self.escalation;
        self.snapshot
            .try_with_untracked(|snapshot| {
                escalation.try_update_value(|e| {
                    loop {
                        let more = e.warm_step(&snapshot.conversation.messages);
                        if !more || time_left() < 4.0 {
                            break more;
                        }
                    }
                })
            })
            .flatten()
            .unwrap_or(false)
    }

    /// The UI strings.
    pub fn strings(&self) -> &'static Strings {
        self.settings.with_value(Settings::strings)
    }

    /// Opens or closes the panel, announcing the change with `handover:open` / `:close`.
    pub fn set_open(&self, open: bool, focus: Focus) {
        if open && !self.panel_built.get_untracked() {
            self.panel_built.set(true);
        }
        if self.open.get_untracked() != open {
            self.open.set(open);
            self.store.with_value(|store| store.remember_open(open));
            emit(
                if open {
                    "handover:open"
                } else {
                    "handover:close"
                },
                json!({}),
            );
            if open {
                self.mark_read();
            }
        }
        // Closing must not strand focus on a hidden element, whoever closed the panel.
        let move_focus = focus == Focus::Move || (!open && self.has_focus());
        if move_focus {
            let (launcher, input) = (self.launcher, self.input);
            // The panel is only focusable once the `hidden` attribute is gone from the DOM.
            leptos::task::spawn_local(async move {
                leptos::task::tick().await;
                let _ = if open {
                    input.get_untracked().map(|el| el.focus())
                } else {
                    launcher.get_untracked().map(|el| el.focus())
                };
            });
        }
    }

    /// Whether keyboard focus is somewhere inside the widget.
    fn has_focus(&self) -> bool {
        self.launcher
            .get_untracked()
            .and_then(|launcher| {
                launcher
                    .get_root_node()
                    .dyn_into::<web_sys::ShadowRoot>()
                    .ok()
            })
            .is_some_and(|shadow| shadow.active_element().is_some())
    }

    /// Flips the panel.
    pub fn toggle(&self, focus: Focus) {
        self.set_open(!self.open.get_untracked(), focus);
    }

    /// Sends what the visitor typed. On error nothing is sent and the draft stays as it is.
    pub fn send(&self, draft: &str) -> Result<(), DraftError> {
        let text = prepare_draft(draft)?;
        self.say(text.clone(), text);
        Ok(())
    }

    /// Sends a quick reply: the transcript shows its label, the bot gets its message.
    pub fn pick(&self, chip: &Chip) {
        if let Ok(label) = prepare_draft(&chip.label) {
            self.say(label, chip.message().to_owned());
        }
    }

    fn say(&self, text: String, to_bot: String) {
        self.chips.set(Vec::new());
        let at = self.post(Role::Visitor, text.clone());
        self.escalate(&text, at);
        // A visitor on the way to a person is not answered by the bot meanwhile.
        if self
            .flow
            .with_untracked(|f| !matches!(f, Flow::Form { .. }))
        {
            self.bot_reply(to_bot);
        }
    }

    /// Runs the detector and the policy on a visitor message, and announces an offer or a
    /// handoff with `handover:escalation` (the handoff flow acts on it).
    fn escalate(&self, text: &str, at: u64) {
        let escalation = self.escalation;
        let observed = self.snapshot.try_with_untracked(|snapshot| {
            let messages = &snapshot.conversation.messages;
            let earlier = &messages[..messages.len().saturating_sub(1)];
            escalation.try_update_value(|e| e.visitor(earlier, text, at))
        });
        let Some(Some((analysis, outcome))) = observed else {
            return;
        };
        if outcome.decision == Decision::None {
            return;
        }
        let trigger = outcome.trigger.unwrap_or(Trigger::Frustration);
        let round = |x: f32| (f64::from(x) * 1000.0).round() / 1000.0;
        emit(
            "handover:escalation",
            json!({
                "decision": outcome.decision.as_str(),
                "kind": trigger.as_str(),
                "reasons": outcome.decision.reasons(),
                "scores": {
                    "escalation": round(outcome.score),
                    "frustration": round(analysis.frustration),
                    "confusion": round(analysis.confusion),
                    "sentiment": round(analysis.sentiment.compound),
                },
                "language": analysis.language.code(),
            }),
        );
        let kind = TriggerKind::from(trigger);
        match outcome.decision {
            Decision::Offer(reasons) => self.offer(kind, reasons),
            Decision::Handoff(reasons) => self.open_form(kind, reasons),
            Decision::None => {}
        }
    }

    /// Adds a message to the conversation, stores it and emits `handover:message`. Returns
    /// the message's time.
    pub fn post(&self, role: Role, text: String) -> u64 {
        emit(
            "handover:message",
            json!({ "role": role.as_str(), "text": &text }),
        );
        let open = self.open.get_untracked();
        let mut at = 0;
        self.change(|snapshot| {
            // Strictly after the last message: several posted in one millisecond (a remote
            // bot's replies) keep their order, which ties would leave to their random ids.
            at = js::now_ms().max(
                snapshot
                    .conversation
                    .messages
                    .last()
                    .map_or(0, |m| m.at + 1),
            );
            snapshot.conversation.push(Message {
                id: js::random_id(),
                role,
                text,
                at,
            });
            if open {
                snapshot.conversation.mark_read();
            }
        });
        at
    }

    /// Asks for a human: announces it with `handover:escalation` and opens the contact form
    /// (opening the panel, for page code).
    pub fn request_human(&self, kind: HumanRequest, reason: Option<String>) {
        let (kind, default_reason) = match kind {
            HumanRequest::Button => (TriggerKind::Button, handoff::BUTTON_REASON),
            HumanRequest::Api => (TriggerKind::Api, handoff::API_REASON),
        };
        let reason = reason.unwrap_or_else(|| default_reason.to_owned());
        emit(
            "handover:escalation",
            json!({ "decision": "handoff", "kind": kind.as_str(), "reasons": [&reason], "scores": {} }),
        );
        if kind == TriggerKind::Api {
            self.set_open(true, Focus::Keep);
        }
        self.open_form(kind, vec![reason]);
    }

    /// Applies `Handover('identify', …)`.
    pub fn identify(&self, value: &Value) -> Result<(), IdentifyError> {
        let mut visitor = self.snapshot.with_untracked(|s| s.visitor.clone());
        visitor.identify(value)?;
        self.change(|snapshot| {
            snapshot.visitor = visitor;
            snapshot.updated_at = js::now_ms();
        });
        Ok(())
    }

    /// Applies `Handover('context', …)`.
    pub fn set_context(&self, value: &Value) -> Result<(), IdentifyError> {
        let mut context = self.snapshot.with_untracked(|s| s.context.clone());
        merge_context(&mut context, value)?;
        self.change(|snapshot| {
            snapshot.context = context;
            snapshot.updated_at = js::now_ms();
        });
        Ok(())
    }

    /// Takes in what another tab stored (from a `storage` event).
    pub fn take_foreign(&self, key: Option<String>, value: Option<String>) {
        if let Some(theirs) = self
            .store
            .with_value(|s| s.decode_foreign_outbox(key.as_deref(), value.as_deref()))
        {
            self.take_foreign_outbox(&theirs);
            return;
        }
        let Some(theirs) = self.store.with_value(|s| s.decode_foreign(key, value)) else {
            return;
        };
        let open = self.open.get_untracked();
        self.snapshot.update(|snapshot| {
            snapshot.merge(&theirs);
            if open {
                snapshot.conversation.mark_read();
            }
        });
    }

    /// Marks everything read (the panel is open) and stores the marker.
    fn mark_read(&self) {
        if self.snapshot.with_untracked(|s| s.conversation.unread()) > 0 {
            self.change(|snapshot| {
                snapshot.conversation.mark_read();
            });
        }
    }

    /// Changes the snapshot and stores it, taking in other tabs' writes on the way.
    pub(super) fn change(&self, edit: impl FnOnce(&mut Snapshot)) {
        let store = self.store;
        self.snapshot.update(|snapshot| {
            edit(snapshot);
            store.update_value(|store| {
                store.save(snapshot);
            });
        });
    }
}
