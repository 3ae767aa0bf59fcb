//! The site owner's own bot behind a small JSON contract (README, "Your own bot").
//!
//! Request, `POST` with `Content-Type: application/json`:
//! `{"message": "...", "conversation": "<id>", "history": [{"role", "text", "at"}],
//! "visitor": {...}, "context": {...}}`.
//! Response: `{"reply": "...", "confident": true, "handoff": false, "suggestions": ["..."]}`;
//! only `reply` is required, and it may be left out when `handoff` is true (the bot hands
//! the visitor over without a word). `confident: false` marks a reply as a failure for the
//! escalation policy ("I'm not sure I understood"); `handoff: true` asks for a person.

use super::{
    Bot, BotError, Chip, Reply, Step, Turn, clip_reply, history_json, json_answer, json_request,
};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// Messages of history sent with each request, at most.
const HISTORY_LIMIT: usize = 50;
/// Suggestions shown, at most.
const MAX_SUGGESTIONS: usize = 6;

/// A bot at a JSON endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonBot {
    /// Where requests go.
    pub endpoint: String,
    /// Extra request headers (a key the endpoint expects).
    pub headers: BTreeMap<String, String>,
}

impl Bot for JsonBot {
    fn ask(&self, turn: &Turn<'_>, _unknown: &str) -> Step {
        let body = json!({
            "message": turn.message,
            "conversation": turn.conversation,
            "history": history_json(turn.history, HISTORY_LIMIT),
            "visitor": turn.visitor,
            "context": turn.context,
        });
        json_request(&self.endpoint, &self.headers, &body)
    }

    fn read(&self, status: u16, body: &str) -> Result<Reply, BotError> {
        let value = json_answer(status, body)?;
        let Value::Object(object) = value else {
            return Err(BotError::Malformed(
                "expected an object like {\"reply\": \"...\"}".into(),
            ));
        };
        let flag = |name: &str, default: bool| match object.get(name) {
            None | Some(Value::Null) => Ok(default),
            Some(Value::Bool(b)) => Ok(*b),
            Some(_) => Err(BotError::Malformed(format!(
                "`{name}` must be true or false"
            ))),
        };
        let handoff = flag("handoff", false)?;
        let confident = flag("confident", true)?;
        let texts = match object.get("reply") {
            Some(Value::String(text)) if !text.trim().is_empty() => vec![clip_reply(text)],
            None | Some(Value::Null) if handoff => Vec::new(),
            Some(Value::String(_)) if handoff => Vec::new(),
            Some(Value::String(_)) => {
                return Err(BotError::Malformed("`reply` is empty".into()));
            }
            None | Some(Value::Null) => {
                return Err(BotError::Malformed("`reply` is missing".into()));
            }
            Some(_) => return Err(BotError::Malformed("`reply` must be a string".into())),
        };
        let chips = match object.get("suggestions") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| match item {
                    Value::String(s) if !s.trim().is_empty() => Ok(Chip::plain(clip_reply(s))),
                    _ => Err(BotError::Malformed(
                        "`suggestions` must be a list of texts".into(),
                    )),
                })
                .take(MAX_SUGGESTIONS)
                .collect::<Result<_, _>>()?,
            Some(_) => {
                return Err(BotError::Malformed(
                    "`suggestions` must be a list of texts".into(),
                ));
            }
        };
        Ok(Reply {
            texts,
            answered: confident,
            chips,
            handoff,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conversation::{Message, Role};
    use crate::visitor::Visitor;
    use serde_json::Map;

    fn bot() -> JsonBot {
        JsonBot {
            endpoint: "https://bot.example/chat".into(),
            headers: BTreeMap::from([("X-Key".into(), "k1".into())]),
        }
    }

    #[test]
    fn the_request_carries_message_history_visitor_and_context() {
        let history: Vec<Message> = (0..60)
            .map(|i| Message {
                id: format!("m{i}"),
                role: if i % 2 == 0 { Role::Visitor } else { Role::Bot },
                text: format!("text {i}"),
                at: 1000 + i,
            })
            .collect();
        let visitor = Visitor {
            id: Some("v-1".into()),
            email: Some("ana@example.com".into()),
            ..Visitor::default()
        };
        let mut context = Map::new();
        context.insert("plan".into(), json!("pro"));
        let turn = Turn {
            message: "where is my order",
            conversation: "c-9",
            history: &history,
            visitor: &visitor,
            context: &context,
        };
        let Step::Fetch(request) = bot().ask(&turn, "?") else {
            panic!("a remote bot fetches");
        };
        assert_eq!(request.url, "https://bot.example/chat");
        assert_eq!(request.headers[0].1, "application/json");
        assert!(request.headers.contains(&("X-Key".into(), "k1".into())));
        assert!(request.readable);
        let body: Value = serde_json::from_str(&request.body).unwrap();
        assert_eq!(body["message"], "where is my order");
        assert_eq!(body["conversation"], "c-9");
        assert_eq!(body["history"].as_array().unwrap().len(), HISTORY_LIMIT);
        assert_eq!(body["history"][0]["text"], "text 10");
        assert_eq!(body["history"][0]["role"], "visitor");
        assert_eq!(body["visitor"]["id"], "v-1");
        assert_eq!(body["context"]["plan"], "pro");
    }

    /// Table of responses: status, body, and the reply or the error expected.
    #[test]
    fn responses_good_and_bad() {
        let ok = |texts: &[&str], answered, handoff, chips: &[&str]| {
            Ok(Reply {
                texts: texts.iter().map(|t| t.to_string()).collect(),
                answered,
                chips: chips.iter().map(|c| Chip::plain(*c)).collect(),
                handoff,
            })
        };
        let bad = |why: &str| Err(BotError::Malformed(why.into()));
        let cases: Vec<(u16, &str, Result<Reply, BotError>)> = vec![
            (200, r#"{"reply":"Hi!"}"#, ok(&["Hi!"], true, false, &[])),
            (
                200,
                r#"{"reply":"Not sure.","confident":false,"suggestions":["Orders","Returns"]}"#,
                ok(&["Not sure."], false, false, &["Orders", "Returns"]),
            ),
            (
                201,
                r#"{"reply":"Passing you on.","handoff":true}"#,
                ok(&["Passing you on."], true, true, &[]),
            ),
            (200, r#"{"handoff":true}"#, ok(&[], true, true, &[])),
            (
                200,
                r#"{"reply":"x","extra":1}"#,
                ok(&["x"], true, false, &[]),
            ),
            (500, "oops", Err(BotError::Status(500))),
            (404, r#"{"reply":"x"}"#, Err(BotError::Status(404))),
            (
                200,
                "",
                bad("not JSON (EOF while parsing a value at line 1 column 0)"),
            ),
            (
                200,
                "<html>",
                bad("not JSON (expected value at line 1 column 1)"),
            ),
            (
                200,
                r#"["Hi"]"#,
                bad("expected an object like {\"reply\": \"...\"}"),
            ),
            (200, r#"{}"#, bad("`reply` is missing")),
            (200, r#"{"reply":"  "}"#, bad("`reply` is empty")),
            (200, r#"{"reply":5}"#, bad("`reply` must be a string")),
            (
                200,
                r#"{"reply":"x","handoff":"yes"}"#,
                bad("`handoff` must be true or false"),
            ),
            (
                200,
                r#"{"reply":"x","confident":1}"#,
                bad("`confident` must be true or false"),
            ),
            (
                200,
                r#"{"reply":"x","suggestions":"a"}"#,
                bad("`suggestions` must be a list of texts"),
            ),
            (
                200,
                r#"{"reply":"x","suggestions":[1]}"#,
                bad("`suggestions` must be a list of texts"),
            ),
        ];
        for (status, body, expected) in cases {
            assert_eq!(bot().read(status, body), expected, "{status} {body}");
        }
    }
}
