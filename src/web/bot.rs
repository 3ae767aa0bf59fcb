//! The bot in the page: the embedded FAQ bot (its FAQ inline or fetched from a URL) or the
//! site owner's own bot at an endpoint. Each visitor message gets its answer after the
//! typing indicator: a short pause for the FAQ bot, so the reply reads as a reply, and the
//! request's time for a remote one, never longer than `bot_timeout_ms`. A remote bot that
//! times out, fails or answers with something unreadable gets one calm line in the
//! conversation and one console warning for the site owner, and counts as a bot failure for
//! the escalation policy, like an "I don't know".

use super::http::{self, Posted};
use super::js;
use super::widget::Widget;
use crate::bot::faq::Faq;
use crate::bot::{Bot, BotError, FaqBot, Reply, Step, Turn};
use crate::config::FaqSource;
use crate::conversation::Role;
use crate::handoff::{self, TriggerKind};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// How long the typing indicator shows before an embedded answer, in milliseconds.
const THINKING_MS: i32 = 450;

impl Widget {
    /// Loads the FAQ the config names. An inline one was checked with the config; one at a
    /// URL is fetched now, and a problem with it is one console error (the widget goes on,
    /// with people only).
    pub fn load_bot(&self, source: FaqSource) {
        let widget = *self;
        match source {
            FaqSource::Inline(value) => {
                if let Ok(faq) = Faq::parse(&value.to_string()) {
                    widget.install_bot(Box::new(FaqBot::new(faq)));
                }
            }
            FaqSource::Url(url) => leptos::task::spawn_local(async move {
                let loaded = js::fetch_text(&url)
                    .await
                    .and_then(|text| Faq::parse(&text).map_err(|errors| errors.to_string()));
                match loaded {
                    Ok(faq) => widget.install_bot(Box::new(FaqBot::new(faq))),
                    Err(why) => js::error(&format!(
                        "Handover: the FAQ at {url} cannot be used, so the bot is off: {why}"
                    )),
                }
            }),
        }
    }

    /// Makes `bot` the one that answers.
    pub fn install_bot(&self, bot: Box<dyn Bot>) {
        let intro = (bot.greeting().map(str::to_owned), bot.starters().to_vec());
        // Harmless after destroy: the FAQ may arrive after the widget is gone.
        if self
            .bot
            .try_update_value(|slot| *slot = Some(bot))
            .is_some()
        {
            self.bot_intro.try_set(Some(intro));
        }
    }

    /// Asks the bot, if there is one, about `message` (what the visitor typed, or the
    /// message of the chip they picked).
    pub fn bot_reply(&self, message: String) {
        let Some(step) = self.ask_bot(&message) else {
            return;
        };
        self.bot_pending.update_value(|n| *n += 1);
        self.typing.set(true);
        let widget = *self;
        match step {
            Step::Answer(reply) => {
                let answer = Closure::once_into_js(move || widget.take_reply(Ok(reply), false));
                let scheduled = js::window().and_then(|w| {
                    w.set_timeout_with_callback_and_timeout_and_arguments_0(
                        answer.unchecked_ref(),
                        THINKING_MS,
                    )
                    .ok()
                });
                if scheduled.is_none() {
                    self.take_reply(Err(BotError::Network("no timers".into())), false);
                }
            }
            Step::Fetch(request) => {
                let timeout = self.settings.with_value(|s| s.config.bot_timeout_ms);
                leptos::task::spawn_local(async move {
                    let posted = http::post(&request, timeout, true).await;
                    let reply = match posted {
                        Posted::Answered { status, body, .. } => {
                            // The widget may be gone; then nobody reads the reply.
                            let read = widget.bot.try_with_value(|bot| {
                                bot.as_ref()
                                    .map(|b| b.read(status, body.as_deref().unwrap_or("")))
                            });
                            match read.flatten() {
                                Some(reply) => reply,
                                None => return,
                            }
                        }
                        Posted::Timeout => Err(BotError::Timeout(timeout)),
                        Posted::Failed(why) => Err(BotError::Network(why)),
                        Posted::Opaque => Err(BotError::Network("opaque response".into())),
                    };
                    widget.take_reply(reply, true);
                });
            }
        }
    }

    /// What the bot does with `message`, given the conversation so far.
    fn ask_bot(&self, message: &str) -> Option<Step> {
        let unknown = self.strings().bot_unknown;
        self.snapshot.with_untracked(|snapshot| {
            let messages = &snapshot.conversation.messages;
            // The visitor's message is already posted: the history is what came before.
            let history = &messages[..messages.len().saturating_sub(1)];
            let conversation = messages.first().map_or("", |m| m.id.as_str());
            let turn = Turn {
                message,
                conversation,
                history,
                visitor: &snapshot.visitor,
                context: &snapshot.context,
            };
            self.bot
                .with_value(|bot| bot.as_ref().map(|b| b.ask(&turn, unknown)))
        })
    }

    /// Posts what the bot said (or the calm line when it could not say anything), tells the
    /// policy, offers its chips, and opens the handoff when the bot asked for a person.
    /// `remote`: the reply came from an endpoint, whose own "Sorry, I didn't get that" is a
    /// failure too (the FAQ bot knows when it does not know).
    fn take_reply(&self, reply: Result<Reply, BotError>, remote: bool) {
        // The widget may have been destroyed while the bot was thinking.
        let Some(strings) = self.settings.try_with_value(|s| s.strings()) else {
            return;
        };
        if self
            .bot_pending
            .try_update_value(|n| {
                *n = n.saturating_sub(1);
                *n
            })
            .is_some_and(|left| left == 0)
        {
            self.typing.set(false);
        }
        let reply = reply.unwrap_or_else(|error| {
            let endpoint = self
                .settings
                .with_value(|s| s.config.bot_endpoint.clone().unwrap_or_default());
            js::warn(&format!(
                "Handover: the bot at {endpoint} gave no usable reply: {error}"
            ));
            Reply {
                texts: vec![strings.bot_unavailable.to_owned()],
                answered: false,
                chips: Vec::new(),
                handoff: false,
            }
        });
        let mut texts = reply.texts;
        if texts.is_empty() && !reply.handoff {
            texts.push(strings.bot_unknown.to_owned());
        }
        let history = self
            .snapshot
            .with_untracked(|s| s.conversation.messages.clone());
        let said = texts.join("\n");
        self.escalation.update_value(|e| {
            let answered = reply.answered && !(remote && e.built(&history).is_bot_fallback(&said));
            e.bot(&history, &said, answered);
        });
        for text in texts {
            self.post(Role::Bot, text);
        }
        self.chips.set(reply.chips);
        if reply.handoff {
            self.open_form(TriggerKind::Api, vec![handoff::BOT_REASON.to_owned()]);
        }
    }
}
