//! The generic webhook: payload v1 as JSON, with `Idempotency-Key` so that a retry after a
//! lost answer is recognised by the receiver, and the site owner's extra headers (a shared
//! secret for a relay, say).

use super::{Destination, HttpRequest, Payload};
use crate::config::DestinationKind;
use std::collections::BTreeMap;

/// A JSON webhook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Webhook {
    /// The URL payloads are posted to.
    pub endpoint: String,
    /// Extra headers from the config.
    pub headers: BTreeMap<String, String>,
}

impl Destination for Webhook {
    fn kind(&self) -> DestinationKind {
        DestinationKind::Webhook
    }

    fn render(&self, payload: &Payload) -> HttpRequest {
        let mut headers = vec![
            ("Content-Type".to_owned(), "application/json".to_owned()),
            ("Idempotency-Key".to_owned(), payload.id.clone()),
        ];
        headers.extend(
            self.headers
                .iter()
                .filter(|(name, _)| {
                    // The two above are the contract; config cannot replace them.
                    !name.eq_ignore_ascii_case("content-type")
                        && !name.eq_ignore_ascii_case("idempotency-key")
                })
                .map(|(k, v)| (k.clone(), v.clone())),
        );
        HttpRequest {
            url: self.endpoint.clone(),
            headers,
            body: serde_json::to_string(payload).unwrap_or_default(),
            readable: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handoff::tests::sample;

    #[test]
    fn renders_payload_v1_with_the_key() {
        let payload = sample();
        let webhook = Webhook {
            endpoint: "https://example.com/api/handoff".into(),
            headers: [
                ("X-Relay-Secret".to_owned(), "s3".to_owned()),
                ("Idempotency-Key".to_owned(), "forged".to_owned()),
            ]
            .into(),
        };
        let request = webhook.render(&payload);
        assert_eq!(request.url, "https://example.com/api/handoff");
        assert_eq!(
            request.headers,
            [
                ("Content-Type".to_owned(), "application/json".to_owned()),
                ("Idempotency-Key".to_owned(), "b3f1c2d4e5f60718".to_owned()),
                ("X-Relay-Secret".to_owned(), "s3".to_owned()),
            ]
        );
        let back: Payload = serde_json::from_str(&request.body).unwrap();
        assert_eq!(back, payload);
        assert!(request.readable);
    }
}
