//! The bot before the human. [`Bot`] is what the widget talks to; there is one
//! implementation per kind of bot:
//!
//! - [`FaqBot`], the embedded one, answering from the site owner's FAQ ([`faq`], [`matcher`]);
//! - [`json_endpoint::JsonBot`], the site owner's own bot behind a small JSON contract;
//! - [`rasa::RasaBot`], a Rasa assistant through its REST channel.
//!
//! The embedded bot answers at once. A remote one is pure here too: it renders the request
//! and reads the response, and the browser shell does the fetch in between (with a timeout),
//! so every adapter is tested natively, bad responses included.

pub mod faq;
pub mod grams;
pub mod json_endpoint;
pub mod lint;
pub mod markup;
pub mod matcher;
pub mod rasa;

use crate::conversation::Message;
use crate::handoff::HttpRequest;
use crate::visitor::Visitor;
use faq::Faq;
use matcher::Matcher;
use serde_json::{Map, Value};
use std::fmt;

/// A quick reply offered under the bot's message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Chip {
    /// What the visitor reads, and what the transcript shows when it is picked.
    pub label: String,
    /// What the bot receives instead of the label, when it differs (a Rasa button's
    /// payload, such as `/check_order`).
    pub message: Option<String>,
}

impl Chip {
    /// A chip that sends its own label.
    pub fn plain(label: impl Into<String>) -> Chip {
        Chip {
            label: label.into(),
            message: None,
        }
    }

    /// What the bot is sent when the chip is picked.
    pub fn message(&self) -> &str {
        self.message.as_deref().unwrap_or(&self.label)
    }
}

/// What the bot says to one visitor message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The bot's messages, in the safe markup, in order (usually one).
    pub texts: Vec<String>,
    /// Whether it is an answer. False: "I don't know", a failure for the escalation policy.
    pub answered: bool,
    /// Quick replies, best first.
    pub chips: Vec<Chip>,
    /// The bot itself asks for a person: the widget opens the handoff.
    pub handoff: bool,
}

/// One visitor message and what a remote bot may want to know with it.
#[derive(Debug, Clone, Copy)]
pub struct Turn<'a> {
    /// What the bot is asked (the visitor's text, or a picked chip's message).
    pub message: &'a str,
    /// A stable id of the conversation, the same in every tab and after reloads; a new
    /// conversation gets a new one.
    pub conversation: &'a str,
    /// The conversation before this message.
    pub history: &'a [Message],
    /// What the page told the widget about the visitor.
    pub visitor: &'a Visitor,
    /// The page's context (`Handover('context', …)`) and the page itself.
    pub context: &'a Map<String, Value>,
}

/// What the bot does with a message: answer now, or ask its endpoint.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// The answer, at once.
    Answer(Reply),
    /// Send this request, then hand the response to [`Bot::read`].
    Fetch(HttpRequest),
}

/// Why a remote bot gave no usable reply. Each is shown to the visitor as the same calm
/// line and counts as a bot failure; the console gets this, for the site owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BotError {
    /// No response within the configured time.
    Timeout(u32),
    /// The request did not get through (network down, CORS refused, DNS).
    Network(String),
    /// The endpoint answered with a status other than 2xx.
    Status(u16),
    /// The response body is not what the adapter's contract says.
    Malformed(String),
}

impl fmt::Display for BotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BotError::Timeout(ms) => write!(f, "no answer within {ms} ms"),
            BotError::Network(why) => write!(f, "the request failed ({why})"),
            BotError::Status(status) => write!(f, "it answered with HTTP {status}"),
            BotError::Malformed(why) => write!(f, "its answer cannot be read: {why}"),
        }
    }
}

/// A bot the widget can talk to.
pub trait Bot {
    /// The bot's first message in an empty conversation, if it has one.
    fn greeting(&self) -> Option<&str> {
        None
    }
    /// Questions offered before the visitor types.
    fn starters(&self) -> &[String] {
        &[]
    }
    /// Product names it knows, for the handoff summary's details.
    fn products(&self) -> Vec<String> {
        Vec::new()
    }
    /// What to do with a message. `unknown` is "I don't know" in the visitor's language.
    fn ask(&self, turn: &Turn<'_>, unknown: &str) -> Step;
    /// Reads the endpoint's response to a [`Step::Fetch`]. Bots that never fetch keep the
    /// default, which refuses.
    fn read(&self, status: u16, body: &str) -> Result<Reply, BotError> {
        let _ = body;
        Err(BotError::Status(status))
    }
}

/// The embedded FAQ bot.
#[derive(Debug)]
pub struct FaqBot {
    faq: Faq,
    matcher: Matcher,
}

impl FaqBot {
    /// A bot answering from `faq`, with the FAQ's threshold or the matcher's default.
    pub fn new(faq: Faq) -> FaqBot {
        let matcher = Matcher::new(&faq);
        FaqBot { faq, matcher }
    }

    /// Answers a question. Below the threshold it says `unknown` and offers the likeliest
    /// entries' questions as chips.
    pub fn answer(&self, question: &str, unknown: &str) -> Reply {
        let found = self.matcher.ask(question);
        match found.entry {
            Some(entry) => Reply {
                texts: vec![self.faq.entries[entry].answer.clone()],
                answered: true,
                chips: Vec::new(),
                handoff: false,
            },
            None => Reply {
                texts: vec![unknown.to_owned()],
                answered: false,
                chips: found
                    .suggestions
                    .into_iter()
                    .map(|i| Chip::plain(self.faq.entries[i].question.clone()))
                    .collect(),
                handoff: false,
            },
        }
    }
}

impl Bot for FaqBot {
    fn greeting(&self) -> Option<&str> {
        self.faq.greeting.as_deref()
    }

    fn starters(&self) -> &[String] {
        &self.faq.starters
    }

    fn products(&self) -> Vec<String> {
        self.faq.product_names()
    }

    fn ask(&self, turn: &Turn<'_>, unknown: &str) -> Step {
        Step::Answer(self.answer(turn.message, unknown))
    }
}

/// The site owner's own bot that the config names, if any.
pub fn own_bot(config: &crate::config::Config) -> Option<Box<dyn Bot>> {
    let endpoint = config.bot_endpoint.clone()?;
    let headers = config.bot_headers.clone();
    Some(match config.bot? {
        crate::config::BotKind::Json => Box::new(json_endpoint::JsonBot { endpoint, headers }),
        crate::config::BotKind::Rasa => Box::new(rasa::RasaBot { endpoint, headers }),
    })
}

/// The history a remote bot receives: role and text of each message, oldest first, at most
/// the last `limit` (a long conversation must not make every request heavier).
pub(crate) fn history_json(history: &[Message], limit: usize) -> Value {
    let start = history.len().saturating_sub(limit);
    Value::Array(
        history[start..]
            .iter()
            .map(|m| serde_json::json!({ "role": m.role.as_str(), "text": m.text, "at": m.at }))
            .collect(),
    )
}

/// The request a remote bot is asked with: `body` as JSON to `endpoint`, with the site
/// owner's extra headers after `Content-Type`, readable (the endpoint answers with CORS).
pub(crate) fn json_request(
    endpoint: &str,
    headers: &std::collections::BTreeMap<String, String>,
    body: &Value,
) -> Step {
    let mut all = vec![("Content-Type".to_owned(), "application/json".to_owned())];
    all.extend(headers.iter().map(|(k, v)| (k.clone(), v.clone())));
    Step::Fetch(HttpRequest {
        url: endpoint.to_owned(),
        headers: all,
        body: body.to_string(),
        readable: true,
    })
}

/// A remote bot's response body as JSON, when the status says it is an answer.
pub(crate) fn json_answer(status: u16, body: &str) -> Result<Value, BotError> {
    if !(200..300).contains(&status) {
        return Err(BotError::Status(status));
    }
    serde_json::from_str(body).map_err(|e| BotError::Malformed(format!("not JSON ({e})")))
}

/// A reply's text as a remote bot sent it: trimmed, at most this many characters (the rest is
/// cut at a character boundary), so one runaway response cannot flood the conversation.
pub(crate) const MAX_REPLY_CHARS: usize = 4000;

pub(crate) fn clip_reply(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(MAX_REPLY_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bot() -> FaqBot {
        let text = std::fs::read_to_string("examples/demo/faq.json").unwrap();
        FaqBot::new(Faq::parse(&text).unwrap())
    }

    #[test]
    fn answers_or_says_it_does_not_know_with_suggestions() {
        let bot = bot();
        let reply = bot.answer("how long does shipping take?", "?");
        assert!(reply.answered && !reply.handoff);
        assert!(reply.chips.is_empty());
        assert_eq!(reply.texts.len(), 1);
        let unknown = bot.answer("do you sell bicycles on mars", "Sorry, I don't know.");
        assert!(!unknown.answered);
        assert_eq!(unknown.texts, ["Sorry, I don't know."]);
        assert!(bot.greeting().is_some());
        assert_eq!(
            bot.products(),
            ["Storm Shell Jacket", "Trail Runner 2", "Summit Backpack"]
        );
        assert!(!bot.starters().is_empty());
        let turn = Turn {
            message: "where is my parcel",
            conversation: "c-1",
            history: &[],
            visitor: &Visitor::default(),
            context: &Map::new(),
        };
        assert!(matches!(bot.ask(&turn, "?"), Step::Answer(r) if r.answered));
        assert_eq!(bot.read(200, "{}"), Err(BotError::Status(200)));
    }

    #[test]
    fn replies_are_clipped_and_chips_know_what_to_send() {
        assert_eq!(clip_reply("  hi  "), "hi");
        let long = "é".repeat(MAX_REPLY_CHARS + 10);
        assert_eq!(clip_reply(&long).chars().count(), MAX_REPLY_CHARS + 1);
        let chip = Chip {
            label: "Track it".into(),
            message: Some("/track".into()),
        };
        assert_eq!(chip.message(), "/track");
        assert_eq!(Chip::plain("Hi").message(), "Hi");
    }
}
