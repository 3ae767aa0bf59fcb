//! Email through a form-to-email relay: JSON `{to, reply_to, subject, text}`, the subject
//! carrying the headline. When the relay cannot be reached the visitor still has the
//! `mailto:` fallback ([`super::mailto`]) with the same summary.

use super::{Destination, Extent, HttpRequest, Payload, plain_text, subject};
use crate::config::DestinationKind;
use serde_json::json;

/// A form-to-email relay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    /// The relay's URL.
    pub endpoint: String,
    /// The support address the relay sends to.
    pub to: String,
}

impl Destination for Email {
    fn kind(&self) -> DestinationKind {
        DestinationKind::Email
    }

    fn render(&self, payload: &Payload) -> HttpRequest {
        let body = json!({
            "to": self.to,
            "reply_to": payload.visitor.email,
            "subject": subject(payload),
            "text": plain_text(payload, Extent::Full),
        });
        HttpRequest {
            url: self.endpoint.clone(),
            headers: vec![
                ("Content-Type".to_owned(), "application/json".to_owned()),
                ("Idempotency-Key".to_owned(), payload.id.clone()),
            ],
            body: body.to_string(),
            readable: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handoff::tests::sample;
    use serde_json::Value;

    #[test]
    fn renders_the_relay_message() {
        let request = Email {
            endpoint: "https://relay.example/send".into(),
            to: "help@shop.example".into(),
        }
        .render(&sample());
        let body: Value = serde_json::from_str(&request.body).unwrap();
        assert_eq!(body["to"], "help@shop.example");
        assert_eq!(body["reply_to"], "ana@example.com");
        assert!(body["subject"].as_str().unwrap().contains("order 48213"));
        let text = body["text"].as_str().unwrap();
        assert!(text.contains("Transcript:"), "{text}");
        assert!(text.contains("[card number removed]"));
        assert_eq!(request.headers[1].0, "Idempotency-Key");
    }
}
