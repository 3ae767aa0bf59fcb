//! The embedded FAQ bot in the page: loading its FAQ (inline or from a URL) and answering
//! each visitor message after a short pause with the typing indicator, so the reply reads as
//! a reply. Its "I don't know" counts as a failure for the escalation policy.

use super::js;
use super::widget::Widget;
use crate::bot::FaqBot;
use crate::bot::faq::Faq;
use crate::config::FaqSource;
use crate::conversation::Role;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// How long the typing indicator shows before an answer, in milliseconds.
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
                    widget.install_bot(faq);
                }
            }
            FaqSource::Url(url) => leptos::task::spawn_local(async move {
                let loaded = js::fetch_text(&url)
                    .await
                    .and_then(|text| Faq::parse(&text).map_err(|errors| errors.to_string()));
                match loaded {
                    Ok(faq) => widget.install_bot(faq),
                    Err(why) => js::error(&format!(
                        "Handover: the FAQ at {url} cannot be used, so the bot is off: {why}"
                    )),
                }
            }),
        }
    }

    fn install_bot(&self, faq: Faq) {
        let bot = FaqBot::new(faq);
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

    /// Answers a visitor message with the FAQ bot, if there is one.
    pub fn bot_reply(&self, question: String) {
        if self.bot.with_value(Option::is_none) {
            return;
        }
        self.typing.set(true);
        let widget = *self;
        let answer = Closure::once_into_js(move || {
            // The widget may have been destroyed during the pause.
            let Some(unknown) = widget.settings.try_with_value(|s| s.strings().bot_unknown) else {
                return;
            };
            let Some(Some(reply)) = widget
                .bot
                .try_with_value(|bot| bot.as_ref().map(|b| b.answer(&question, unknown)))
            else {
                return;
            };
            let history = widget
                .snapshot
                .with_untracked(|s| s.conversation.messages.clone());
            widget
                .escalation
                .update_value(|e| e.bot(&history, &reply.text, reply.answered));
            widget.post(Role::Bot, reply.text);
            widget.chips.set(reply.suggestions);
            widget.typing.set(false);
        });
        let scheduled = js::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                answer.unchecked_ref(),
                THINKING_MS,
            )
            .ok()
        });
        if scheduled.is_none() {
            self.typing.set(false);
        }
    }
}
