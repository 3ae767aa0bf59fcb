//! A Rasa assistant through its REST channel (`rest:` in Rasa's `credentials.yml`).
//!
//! Request: `POST …/webhooks/rest/webhook` with `{"sender": "<conversation id>", "message":
//! "..."}`. Response: a list of bot messages `{"recipient_id", "text"?, "image"?,
//! "buttons"?: [{"title", "payload"}], "custom"?}`. Texts become messages, an image a link to
//! it, buttons quick replies (the visitor sees the title, Rasa receives the payload), and a
//! `custom` object with `"handoff": true` asks for a person. An empty list (no rule or story
//! answered) is "I don't know".

use super::{Bot, BotError, Chip, Reply, Step, Turn, clip_reply, json_answer, json_request};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// Quick replies shown, at most.
const MAX_BUTTONS: usize = 6;

/// A Rasa assistant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RasaBot {
    /// The REST channel's URL, `https://…/webhooks/rest/webhook`.
    pub endpoint: String,
    /// Extra request headers (a proxy in front of Rasa may want a key).
    pub headers: BTreeMap<String, String>,
}

impl Bot for RasaBot {
    fn ask(&self, turn: &Turn<'_>, _unknown: &str) -> Step {
        // Rasa keeps one tracker per sender: the conversation is the sender, so two tabs of
        // one conversation share it and a new conversation starts afresh.
        let body = json!({ "sender": turn.conversation, "message": turn.message });
        json_request(&self.endpoint, &self.headers, &body)
    }

    fn read(&self, status: u16, body: &str) -> Result<Reply, BotError> {
        let value = json_answer(status, body)?;
        let Value::Array(messages) = value else {
            return Err(BotError::Malformed(
                "expected a list of messages like [{\"text\": \"...\"}]".into(),
            ));
        };
        let mut reply = Reply {
            texts: Vec::new(),
            answered: true,
            chips: Vec::new(),
            handoff: false,
        };
        for message in &messages {
            let Value::Object(message) = message else {
                return Err(BotError::Malformed("a message is not an object".into()));
            };
            if let Some(Value::String(text)) = message.get("text")
                && !text.trim().is_empty()
            {
                reply.texts.push(clip_reply(text));
            }
            if let Some(Value::String(url)) = message.get("image")
                && (url.starts_with("https://") || url.starts_with("http://"))
                && !url.contains([')', ' '])
            {
                reply.texts.push(format!("[Image]({url})"));
            }
            for button in message
                .get("buttons")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                // A button without a title cannot be shown; the others still can.
                let Some(title) = button.get("title").and_then(Value::as_str) else {
                    continue;
                };
                if title.trim().is_empty() || reply.chips.len() == MAX_BUTTONS {
                    continue;
                }
                let payload = button.get("payload").and_then(Value::as_str);
                reply.chips.push(Chip {
                    label: clip_reply(title),
                    message: payload.filter(|p| *p != title).map(str::to_owned),
                });
            }
            if message
                .get("custom")
                .and_then(|c| c.get("handoff"))
                .and_then(Value::as_bool)
                == Some(true)
            {
                reply.handoff = true;
            }
        }
        reply.answered = !reply.texts.is_empty() || !reply.chips.is_empty();
        Ok(reply)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::visitor::Visitor;
    use serde_json::Map;

    fn bot() -> RasaBot {
        RasaBot {
            endpoint: "http://127.0.0.1:5005/webhooks/rest/webhook".into(),
            headers: BTreeMap::new(),
        }
    }

    #[test]
    fn the_request_is_sender_and_message() {
        let turn = Turn {
            message: "/check_order",
            conversation: "c-42",
            history: &[],
            visitor: &Visitor::default(),
            context: &Map::new(),
        };
        let Step::Fetch(request) = bot().ask(&turn, "?") else {
            panic!("Rasa is fetched");
        };
        let body: Value = serde_json::from_str(&request.body).unwrap();
        assert_eq!(body, json!({ "sender": "c-42", "message": "/check_order" }));
        assert_eq!(request.url, "http://127.0.0.1:5005/webhooks/rest/webhook");
    }

    #[test]
    fn responses_good_and_bad() {
        let read = |body: &str| bot().read(200, body);
        let reply = read(
            r#"[{"recipient_id":"c-42","text":"Which order?"},
                {"recipient_id":"c-42","text":"Pick one:","buttons":[
                    {"title":"Latest order","payload":"/order{\"which\":\"latest\"}"},
                    {"title":"Same","payload":"Same"},
                    {"payload":"/no_title"}]},
                {"recipient_id":"c-42","image":"https://cdn.example/map.png"}]"#,
        )
        .unwrap();
        assert_eq!(
            reply.texts,
            [
                "Which order?",
                "Pick one:",
                "[Image](https://cdn.example/map.png)"
            ]
        );
        assert_eq!(reply.chips.len(), 2);
        assert_eq!(reply.chips[0].message(), "/order{\"which\":\"latest\"}");
        assert_eq!(reply.chips[1], Chip::plain("Same"));
        assert!(reply.answered && !reply.handoff);

        let silent = read("[]").unwrap();
        assert!(!silent.answered && silent.texts.is_empty());

        let handoff = read(r#"[{"text":"A colleague will help.","custom":{"handoff":true}}]"#);
        assert!(handoff.unwrap().handoff);

        assert_eq!(bot().read(502, "Bad gateway"), Err(BotError::Status(502)));
        for body in ["{\"text\":\"hi\"}", "nope", "[1]", "[\"hi\"]"] {
            assert!(
                matches!(read(body), Err(BotError::Malformed(_))),
                "{body}: {:?}",
                read(body)
            );
        }
        // An image that would break out of the link markup is dropped, not rendered.
        let odd = read(r#"[{"image":"javascript:alert(1)"},{"image":"https://x.io/a b)"}]"#);
        assert!(odd.unwrap().texts.is_empty());
    }
}
