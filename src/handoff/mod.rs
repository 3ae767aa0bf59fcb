//! The handoff: payload v1 (DESIGN.md), built from the conversation with secrets removed,
//! and rendered for each destination as an HTTP request the browser shell only has to send.
//!
//! Everything here is pure. The shell supplies the id, the clock, the page and the visitor;
//! [`build`] redacts the transcript, summarises it and fills the payload; a [`Destination`]
//! turns the payload into an [`HttpRequest`]; [`delivery`] judges the answer and [`outbox`]
//! keeps track of every delivery until it is done.

pub mod contact;
pub mod delivery;
pub mod email;
pub mod outbox;
pub mod slack;
pub mod webhook;
pub mod zendesk;
pub mod zoho;

use crate::config::{self, DestinationKind};
use crate::conversation::{Message, Role};
use crate::detect::Detector;
use crate::escalate::Trigger;
use crate::redact::Redactor;
use crate::summary::{self, Cause, Priority, Summary};
use crate::time::iso8601;
use crate::visitor::Visitor;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The reason given when the visitor pressed "talk to a human".
pub const BUTTON_REASON: &str = "the visitor pressed “talk to a human”";
/// The reason given when page code called `Handover('handoff')` without one.
pub const API_REASON: &str = "the page asked for a handoff";
/// Reason of a handoff the site's own bot asked for.
pub const BOT_REASON: &str = "the site's bot handed the conversation over";

/// The `schema` value of this payload version.
pub const SCHEMA: &str = "handover.handoff/v1";

/// What started a handoff: `trigger.kind` of payload v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerKind {
    /// The visitor asked for a person in so many words.
    ExplicitRequest,
    /// The visitor accepted an offer made because of frustration.
    Frustration,
    /// The visitor accepted an offer made because of confusion.
    Confusion,
    /// The visitor accepted an offer made because the bot kept failing.
    BotFailures,
    /// The visitor pressed "talk to a human".
    Button,
    /// Page code called `Handover('handoff')`.
    Api,
}

impl TriggerKind {
    /// The name used in payloads and events.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ExplicitRequest => "explicit_request",
            Self::Frustration => "frustration",
            Self::Confusion => "confusion",
            Self::BotFailures => "bot_failures",
            Self::Button => "button",
            Self::Api => "api",
        }
    }
}

impl From<Trigger> for TriggerKind {
    fn from(trigger: Trigger) -> Self {
        match trigger {
            Trigger::ExplicitRequest => Self::ExplicitRequest,
            Trigger::Frustration => Self::Frustration,
            Trigger::Confusion => Self::Confusion,
            Trigger::BotFailures => Self::BotFailures,
        }
    }
}

/// Scores at the time of the handoff.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    /// The highest frustration of any visitor message, 0 to 1.
    pub frustration: f64,
    /// The last visitor message's compound sentiment, −1 to 1.
    pub sentiment: f64,
}

/// `trigger` of payload v1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TriggerInfo {
    /// What started it.
    pub kind: TriggerKind,
    /// Why, in plain words.
    pub reasons: Vec<String>,
    /// The scores behind it.
    pub scores: Scores,
}

/// `page` of payload v1: where the visitor was.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// The page's URL.
    pub url: String,
    /// `document.referrer`, when there is one.
    pub referrer: Option<String>,
    /// `document.title`.
    pub title: String,
    /// The widget's UI locale (`en-US`).
    pub locale: String,
    /// The visitor's IANA time zone (`Europe/Lisbon`).
    pub timezone: String,
    /// `navigator.userAgent`.
    pub user_agent: String,
}

/// One line of the transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// Who wrote it.
    pub role: Role,
    /// What was written, secrets removed.
    pub text: String,
    /// When, as a UTC timestamp.
    pub at: String,
    /// Compound sentiment (visitor lines only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<f64>,
}

/// Payload v1, exactly as DESIGN.md describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Payload {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The handoff's id; also the `Idempotency-Key` of every delivery attempt.
    pub id: String,
    /// When the handoff was made, UTC.
    pub created_at: String,
    /// What started it.
    pub trigger: TriggerInfo,
    /// How urgent it is.
    pub priority: Priority,
    /// What the agent reads first.
    pub summary: Summary,
    /// Who the visitor is.
    pub visitor: Visitor,
    /// Where the visitor was.
    pub page: Page,
    /// What the page attached with `Handover('context', …)`.
    pub context: Map<String, Value>,
    /// The whole conversation, secrets removed.
    pub transcript: Vec<Line>,
    /// How many secrets were removed from the transcript and the summary.
    pub redactions: usize,
}

/// Everything [`build`] needs from the shell.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// A fresh random id.
    pub id: String,
    /// Now, in Unix milliseconds.
    pub now_ms: u64,
    /// The conversation.
    pub messages: &'a [Message],
    /// What started the handoff.
    pub kind: TriggerKind,
    /// Why, in plain words (the policy's reasons, or the page's).
    pub reasons: Vec<String>,
    /// Who the visitor is, with what the contact form added.
    pub visitor: Visitor,
    /// Where the visitor is.
    pub page: Page,
    /// The page's context.
    pub context: Map<String, Value>,
    /// Product names the FAQ knows, for the summary's details.
    pub products: &'a [String],
}

/// Scores go out with two decimals: more is noise, and an `f64` prints as written.
pub fn round2(x: f32) -> f64 {
    (f64::from(x) * 100.0).round() / 100.0
}

/// Builds payload v1: redacts every message (and the reasons, which may quote the visitor),
/// then summarises the redacted conversation, so a secret reaches neither.
pub fn build(request: Request<'_>, detector: &Detector, redactor: &Redactor) -> Payload {
    let mut redactions = 0;
    let mut clean = |text: &str| {
        let out = redactor.apply(text);
        redactions += out.count;
        out.text
    };
    let messages: Vec<Message> = request
        .messages
        .iter()
        .map(|m| Message {
            text: clean(&m.text),
            ..m.clone()
        })
        .collect();
    let reasons: Vec<String> = request.reasons.iter().map(|r| clean(r)).collect();
    let cause = Cause {
        explicit: request.kind == TriggerKind::ExplicitRequest,
        reasons: reasons.clone(),
    };
    let built = summary::build(&messages, &cause, detector, request.products);
    // The summary analysed every visitor message already; its sentiments go with them.
    let mut sentiments = built.sentiments.iter().copied();
    let transcript = messages
        .iter()
        .map(|m| Line {
            role: m.role,
            sentiment: (m.role == Role::Visitor).then(|| sentiments.next().unwrap_or(0.0)),
            text: m.text.clone(),
            at: iso8601(m.at),
        })
        .collect();
    Payload {
        schema: SCHEMA.to_owned(),
        id: request.id,
        created_at: iso8601(request.now_ms),
        trigger: TriggerInfo {
            kind: request.kind,
            reasons,
            scores: Scores {
                frustration: round2(built.peak_frustration),
                sentiment: built.sentiments.last().copied().unwrap_or(0.0),
            },
        },
        priority: built.priority,
        summary: built.summary,
        visitor: request.visitor,
        page: request.page,
        context: request.context,
        transcript,
        redactions,
    }
}

/// An HTTP request ready for `fetch`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpRequest {
    /// Where it goes.
    pub url: String,
    /// Headers, `Content-Type` first.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: String,
    /// Whether the endpoint answers with CORS headers, so the browser can read the status.
    /// When it does not (Slack's and Zoho's form endpoints), the request is sent as a
    /// "simple" `no-cors` request and the best the widget can say is "sent".
    pub readable: bool,
}

/// One place a handoff goes: renders payload v1 in the form the endpoint takes.
pub trait Destination {
    /// The kind, for events and status.
    fn kind(&self) -> DestinationKind;
    /// The request that delivers `payload`.
    fn render(&self, payload: &Payload) -> HttpRequest;
}

/// The destination a config entry describes.
pub fn destination(config: &config::Destination) -> Box<dyn Destination> {
    match config.kind {
        DestinationKind::Webhook => Box::new(webhook::Webhook {
            endpoint: config.endpoint.clone(),
            headers: config.headers.clone(),
        }),
        DestinationKind::Slack => Box::new(slack::Slack {
            endpoint: config.endpoint.clone(),
        }),
        DestinationKind::Zendesk => Box::new(zendesk::Zendesk {
            endpoint: config.endpoint.clone(),
        }),
        DestinationKind::Zoho => Box::new(zoho::Zoho {
            endpoint: config.endpoint.clone(),
            fields: config.fields.clone(),
        }),
        DestinationKind::Email => Box::new(email::Email {
            endpoint: config.endpoint.clone(),
            to: config.to.clone().unwrap_or_default(),
        }),
    }
}

/// The visitor's name for a ticket: the one given, or the email's local part, or a neutral
/// stand-in (ticketing systems insist on a name).
pub fn requester_name(visitor: &Visitor) -> String {
    visitor
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .or_else(|| {
            visitor
                .email
                .as_deref()
                .and_then(|e| e.split('@').next())
                .map(str::to_owned)
        })
        .unwrap_or_else(|| "Website visitor".to_owned())
}

/// The subject line of a ticket or an email.
pub fn subject(payload: &Payload) -> String {
    let marker = match payload.priority {
        Priority::Urgent => "[URGENT] ",
        Priority::High => "[high] ",
        Priority::Normal | Priority::Low => "",
    };
    format!("{marker}{}", payload.summary.headline)
}

/// Which parts of the payload a plain-text rendering carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extent {
    /// Everything: summary, details, visitor, page, context, the whole transcript.
    Full,
    /// Summary, details and visitor only: fits a `mailto:` link.
    Brief,
}

/// Payload v1 as plain text, for tickets and emails: the summary first, then the details,
/// who and where, and the transcript.
pub fn plain_text(payload: &Payload, extent: Extent) -> String {
    let s = &payload.summary;
    let mut out = format!(
        "{}\n\n{}\n\nPriority: {} · Trigger: {}\n",
        s.headline,
        s.text,
        payload.priority.as_str(),
        payload.trigger.kind.as_str()
    );
    if !s.details.is_empty() {
        out.push_str("\nDetails:\n");
        for d in &s.details {
            out.push_str(&format!("- {}: {}\n", d.kind.as_str(), d.value));
        }
    }
    let v = &payload.visitor;
    out.push_str(&format!(
        "\nVisitor: {}{}{}\n",
        requester_name(v),
        v.email
            .as_deref()
            .map(|e| format!(" <{e}>"))
            .unwrap_or_default(),
        v.id.as_deref()
            .map(|id| format!(" (id {id})"))
            .unwrap_or_default()
    ));
    if extent == Extent::Brief {
        return out;
    }
    let p = &payload.page;
    out.push_str(&format!("Page: {} ({})\n", p.url, p.title));
    out.push_str(&format!(
        "Locale: {} · Time zone: {}\n",
        p.locale, p.timezone
    ));
    if !payload.context.is_empty() {
        out.push_str(&format!(
            "Context: {}\n",
            Value::Object(payload.context.clone())
        ));
    }
    out.push_str("\nTranscript:\n");
    for line in &payload.transcript {
        out.push_str(&format!(
            "[{}] {}: {}\n",
            line.at,
            line.role.as_str(),
            line.text
        ));
    }
    out.push_str(&format!(
        "\nHandoff {} · {} · {} secret(s) removed\n",
        payload.id, payload.created_at, payload.redactions
    ));
    out
}

/// Percent-encodes for a URL component (RFC 3986 unreserved characters stay).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// An `application/x-www-form-urlencoded` body.
pub fn form_encode(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            let encode = |s: &str| percent_encode(s).replace("%20", "+");
            format!("{}={}", encode(k), encode(v))
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Reads an `application/x-www-form-urlencoded` body back into its pairs (the local inbox
/// reads Slack and Zoho posts with it). Malformed escapes are kept as written.
pub fn form_decode(body: &str) -> Vec<(String, String)> {
    let decode = |s: &str| {
        let bytes = s.replace('+', " ").into_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match (bytes[i], hex) {
                (b'%', Some(byte)) => {
                    out.push(byte);
                    i += 3;
                }
                (b, _) => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    };
    body.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Longest `mailto:` link, in bytes: mail clients and browsers cut longer ones.
pub const MAX_MAILTO_BYTES: usize = 1900;

/// A `mailto:` link prefilled with the summary, for when delivery failed. `to` may be empty:
/// the visitor's mail client then asks for the address.
pub fn mailto(to: &str, payload: &Payload) -> String {
    let head = format!(
        "mailto:{}?subject={}&body=",
        percent_encode(to).replace("%40", "@"),
        percent_encode(&subject(payload))
    );
    let mut body = plain_text(payload, Extent::Brief);
    loop {
        let encoded = percent_encode(&body);
        if head.len() + encoded.len() <= MAX_MAILTO_BYTES || body.is_empty() {
            return format!("{head}{encoded}");
        }
        // Cut at a character boundary, about a tenth at a time.
        let keep = body.len() * 9 / 10;
        let cut = (0..=keep)
            .rev()
            .find(|&i| body.is_char_boundary(i))
            .unwrap_or(0);
        body.truncate(cut);
        body.push('…');
        if cut == 0 {
            body.clear();
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::detect::shared;

    /// A realistic conversation with a card number in it, for the destination tests.
    pub(crate) fn sample() -> Payload {
        let lines = [
            (Role::Bot, "Hi! Ask me about orders, shipping or returns."),
            (
                Role::Visitor,
                "My refund for order 48213 never came, it's been two weeks",
            ),
            (Role::Bot, "Sorry, I don't know the answer to that."),
            (Role::Visitor, "I paid with 4111 1111 1111 1111, check it!!"),
            (Role::Visitor, "let me talk to a real person"),
        ];
        let messages: Vec<Message> = lines
            .iter()
            .enumerate()
            .map(|(i, (role, text))| Message {
                id: format!("m{i}"),
                role: *role,
                text: (*text).to_owned(),
                at: 1_795_600_000_000 + 60_000 * i as u64,
            })
            .collect();
        let mut context = Map::new();
        context.insert("plan".into(), Value::from("pro"));
        build(
            Request {
                id: "b3f1c2d4e5f60718".into(),
                now_ms: 1_795_600_400_000,
                messages: &messages,
                kind: TriggerKind::ExplicitRequest,
                reasons: vec!["asked for a human: 'let me talk to a real person'".into()],
                visitor: Visitor {
                    name: Some("Ana".into()),
                    email: Some("ana@example.com".into()),
                    ..Visitor::default()
                },
                page: Page {
                    url: "https://shop.example/orders".into(),
                    referrer: None,
                    title: "Orders".into(),
                    locale: "en-US".into(),
                    timezone: "Europe/Lisbon".into(),
                    user_agent: "Test/1.0".into(),
                },
                context,
                products: &[],
            },
            shared(),
            &Redactor::default(),
        )
    }

    #[test]
    fn payload_has_every_field_and_no_secret() {
        let payload = sample();
        let json = serde_json::to_value(&payload).unwrap();
        for key in [
            "schema",
            "id",
            "created_at",
            "trigger",
            "priority",
            "summary",
            "visitor",
            "page",
            "context",
            "transcript",
            "redactions",
        ] {
            assert!(json.get(key).is_some(), "{key}");
        }
        assert_eq!(json["schema"], SCHEMA);
        assert_eq!(json["created_at"], "2026-11-25T09:53:20Z");
        assert_eq!(json["trigger"]["kind"], "explicit_request");
        assert_eq!(json["priority"], "high");
        assert_eq!(json["redactions"], 1);
        assert_eq!(json["visitor"]["id"], Value::Null);
        assert_eq!(json["transcript"][0]["role"], "bot");
        assert!(json["transcript"][0].get("sentiment").is_none());
        assert!(json["transcript"][1]["sentiment"].is_number());
        let text = json.to_string();
        assert!(!text.contains("4111"), "{text}");
        assert!(text.contains("[card number removed]"));
        assert_eq!(
            json["summary"]["details"],
            serde_json::json!([{ "kind": "order_number", "value": "48213" }])
        );
    }

    #[test]
    fn mailto_is_bounded_and_prefilled() {
        let payload = sample();
        let link = mailto("help@shop.example", &payload);
        assert!(link.starts_with("mailto:help@shop.example?subject=%5Bhigh%5D%20Refund"));
        assert!(link.len() <= MAX_MAILTO_BYTES);
        assert!(link.contains("48213"));
        let mut long = payload.clone();
        long.summary.text = "é".repeat(5000);
        assert!(mailto("", &long).len() <= MAX_MAILTO_BYTES);
    }

    #[test]
    fn encodings() {
        assert_eq!(percent_encode("a b&c/é"), "a%20b%26c%2F%C3%A9");
        assert_eq!(
            form_encode(&[("Contact Name", "Ana & co")]),
            "Contact+Name=Ana+%26+co"
        );
    }
}
