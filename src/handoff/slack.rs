//! Slack: an incoming-webhook message with Block Kit blocks, sent form-encoded as
//! `payload=<json>`. That is a "simple" request, so the browser sends it without a preflight
//! (Slack answers none); the answer has no CORS headers, so the widget can say "sent" but
//! not "delivered". An incoming-webhook URL in a public page can be used by anyone who reads
//! it: the README shows how to put a relay in front of it.

use super::{Destination, HttpRequest, Payload, form_encode};
use crate::config::DestinationKind;
use crate::summary::Priority;
use serde_json::{Value, json};

/// A Slack incoming webhook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slack {
    /// The webhook URL (`https://hooks.slack.com/services/...`), or a relay.
    pub endpoint: String,
}

/// Longest text of a section block.
const SECTION_CHARS: usize = 3000;
/// Longest text of a header block.
const HEADER_CHARS: usize = 150;

/// Escapes the three characters Slack's mrkdwn reserves.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Cuts text to `max` characters, marking the cut.
fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let kept: String = text.chars().take(max - 1).collect();
    format!("{kept}…")
}

fn section(text: &str) -> Value {
    json!({ "type": "section", "text": { "type": "mrkdwn", "text": fit(text, SECTION_CHARS) } })
}

/// The Block Kit message.
pub fn message(payload: &Payload) -> Value {
    let s = &payload.summary;
    let v = &payload.visitor;
    let flag = match payload.priority {
        Priority::Urgent => ":rotating_light: ",
        Priority::High => ":warning: ",
        Priority::Normal | Priority::Low => "",
    };
    let who = match (&v.name, &v.email) {
        (Some(name), Some(email)) => format!("{} <mailto:{email}|{}>", escape(name), escape(email)),
        (None, Some(email)) => format!("<mailto:{email}|{}>", escape(email)),
        (Some(name), None) => escape(name),
        (None, None) => "not given".to_owned(),
    };
    let page = &payload.page;
    let mut blocks = vec![
        json!({ "type": "header",
                "text": { "type": "plain_text", "text": fit(&s.headline, HEADER_CHARS), "emoji": true } }),
        json!({ "type": "section", "fields": [
            { "type": "mrkdwn", "text": format!("*Priority*\n{flag}{}", payload.priority.as_str()) },
            { "type": "mrkdwn", "text": format!("*Trigger*\n{}", payload.trigger.kind.as_str()) },
            { "type": "mrkdwn", "text": format!("*Visitor*\n{who}") },
            { "type": "mrkdwn", "text": format!("*Page*\n<{}|{}>", page.url, escape(&fit(&page.title, 80))) },
        ] }),
        section(&escape(&s.text)),
    ];
    if !s.details.is_empty() {
        let lines: Vec<String> = s
            .details
            .iter()
            .map(|d| format!("• {}: `{}`", d.kind.as_str(), escape(&d.value)))
            .collect();
        blocks.push(section(&format!("*Details*\n{}", lines.join("\n"))));
    }
    blocks.push(json!({ "type": "divider" }));
    // The newest lines matter most: keep them when the transcript is too long for a block.
    let mut transcript = Vec::new();
    let mut used = "*Transcript*\n".len();
    for line in payload.transcript.iter().rev() {
        let entry = format!("*{}* {}", line.role.as_str(), escape(&line.text));
        if used + entry.len() + 1 > SECTION_CHARS - 40 {
            transcript.push("_(earlier messages in the full payload)_".to_owned());
            break;
        }
        used += entry.len() + 1;
        transcript.push(entry);
    }
    transcript.reverse();
    blocks.push(section(&format!("*Transcript*\n{}", transcript.join("\n"))));
    blocks.push(json!({ "type": "context", "elements": [{
        "type": "mrkdwn",
        "text": format!("Handover `{}` · {} · {} secret(s) removed",
                        payload.id, payload.created_at, payload.redactions),
    }] }));
    json!({
        // Shown in notifications and where blocks cannot be.
        "text": format!("{flag}{}", s.headline),
        "blocks": blocks,
    })
}

impl Destination for Slack {
    fn kind(&self) -> DestinationKind {
        DestinationKind::Slack
    }

    fn render(&self, payload: &Payload) -> HttpRequest {
        HttpRequest {
            url: self.endpoint.clone(),
            headers: vec![(
                "Content-Type".to_owned(),
                "application/x-www-form-urlencoded".to_owned(),
            )],
            body: form_encode(&[("payload", &message(payload).to_string())]),
            readable: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conversation::Role;
    use crate::handoff::Line;
    use crate::handoff::tests::sample;

    #[test]
    fn renders_block_kit_form_encoded() {
        let request = Slack {
            endpoint: "https://hooks.slack.com/services/T0/B0/X".into(),
        }
        .render(&sample());
        let encoded = request.body.strip_prefix("payload=").unwrap();
        assert!(!encoded.contains(['{', '"', ' ']), "form-encoded");
        let decoded = crate::handoff::form_decode(&request.body).remove(0).1;
        let message: Value = serde_json::from_str(&decoded).unwrap();
        let blocks = message["blocks"].as_array().unwrap();
        let kinds: Vec<&str> = blocks.iter().map(|b| b["type"].as_str().unwrap()).collect();
        assert_eq!(
            kinds,
            [
                "header", "section", "section", "section", "divider", "section", "context"
            ]
        );
        assert!(
            message["text"]
                .as_str()
                .unwrap()
                .starts_with(":warning: Refund")
        );
        assert_eq!(
            blocks[1]["fields"][2]["text"],
            "*Visitor*\nAna <mailto:ana@example.com|ana@example.com>"
        );
        assert_eq!(
            blocks[3]["text"]["text"],
            "*Details*\n• order_number: `48213`"
        );
        assert!(!decoded.contains("4111"));
        assert!(!request.readable);
    }

    #[test]
    fn long_transcripts_keep_the_newest_lines_within_limits() {
        let mut payload = sample();
        payload.visitor.name = Some("<script>".into());
        for i in 0..300 {
            payload.transcript.push(Line {
                role: Role::Visitor,
                text: format!("message number {i} & more"),
                at: "2026-11-25T09:46:40Z".into(),
                sentiment: Some(0.0),
            });
        }
        let message = message(&payload);
        for block in message["blocks"].as_array().unwrap() {
            if let Some(text) = block["text"]["text"].as_str() {
                assert!(text.chars().count() <= SECTION_CHARS);
            }
        }
        let transcript = message["blocks"][5]["text"]["text"].as_str().unwrap();
        assert!(transcript.contains("message number 299 &amp; more"));
        assert!(!transcript.contains("message number 0 "));
        assert!(message.to_string().contains("&lt;script&gt;"));
    }
}
