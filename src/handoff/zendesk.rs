//! Zendesk: an anonymous request through the Requests API
//! (`POST https://SUBDOMAIN.zendesk.com/api/v2/requests.json`), which needs no credentials
//! when the account lets anyone submit tickets, and answers with CORS headers.

use super::{Destination, Extent, HttpRequest, Payload, plain_text, requester_name, subject};
use crate::config::DestinationKind;
use serde_json::json;

/// A Zendesk account's Requests API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zendesk {
    /// The `requests.json` URL (or a relay in front of it).
    pub endpoint: String,
}

/// Zendesk tags are lowercase words without spaces.
fn tag(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

impl Destination for Zendesk {
    fn kind(&self) -> DestinationKind {
        DestinationKind::Zendesk
    }

    fn render(&self, payload: &Payload) -> HttpRequest {
        let visitor = &payload.visitor;
        let mut requester = json!({ "name": requester_name(visitor) });
        if let Some(email) = &visitor.email {
            requester["email"] = json!(email);
        }
        let body = json!({
            "request": {
                "requester": requester,
                "subject": subject(payload),
                "comment": { "body": plain_text(payload, Extent::Full) },
                "tags": [
                    "handover".to_owned(),
                    tag(&format!("priority_{}", payload.priority.as_str())),
                    tag(payload.trigger.kind.as_str()),
                ],
            }
        });
        HttpRequest {
            url: self.endpoint.clone(),
            headers: vec![("Content-Type".to_owned(), "application/json".to_owned())],
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
    fn renders_an_anonymous_request() {
        let request = Zendesk {
            endpoint: "https://acme.zendesk.com/api/v2/requests.json".into(),
        }
        .render(&sample());
        let headline = sample().summary.headline;
        let body: Value = serde_json::from_str(&request.body).unwrap();
        let r = &body["request"];
        assert_eq!(
            r["requester"],
            json!({ "name": "Ana", "email": "ana@example.com" })
        );
        // The headline, marked with the priority.
        assert_eq!(r["subject"], format!("[high] {headline}"));
        assert!(headline.contains("48213"), "{headline}");
        assert_eq!(
            r["tags"],
            json!(["handover", "priority_high", "explicit_request"])
        );
        let comment = r["comment"]["body"].as_str().unwrap();
        assert!(comment.contains("- order_number: 48213"), "{comment}");
        assert!(
            comment.contains("visitor: let me talk to a real person"),
            "{comment}"
        );
        assert!(!comment.contains("4111"));
        assert_eq!(request.headers[0].1, "application/json");
    }
}
