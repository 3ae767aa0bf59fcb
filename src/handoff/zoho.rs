//! Zoho Desk: the Web-to-Case form. Zoho generates the form with hidden fields (`xnQsjsdp`,
//! `xmIwtLD`, `actionType`, …) that the site owner copies into the config; they are sent
//! unchanged beside the visible fields, named as Zoho's generated forms name them. The form
//! endpoint sends no CORS headers, so this is a simple form post whose answer the browser
//! cannot read.

use super::{
    Destination, Extent, HttpRequest, Payload, form_encode, plain_text, requester_name, subject,
};
use crate::config::DestinationKind;
use std::collections::BTreeMap;

/// A Zoho Desk Web-to-Case form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zoho {
    /// The form's action URL.
    pub endpoint: String,
    /// The form's hidden fields.
    pub fields: BTreeMap<String, String>,
}

impl Destination for Zoho {
    fn kind(&self) -> DestinationKind {
        DestinationKind::Zoho
    }

    fn render(&self, payload: &Payload) -> HttpRequest {
        let name = requester_name(&payload.visitor);
        let email = payload.visitor.email.clone().unwrap_or_default();
        let subject = subject(payload);
        let description = plain_text(payload, Extent::Full);
        let mut pairs: Vec<(&str, &str)> = self
            .fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        pairs.extend([
            ("Contact Name", name.as_str()),
            ("Email", email.as_str()),
            ("Subject", subject.as_str()),
            ("Description", description.as_str()),
        ]);
        HttpRequest {
            url: self.endpoint.clone(),
            headers: vec![(
                "Content-Type".to_owned(),
                "application/x-www-form-urlencoded".to_owned(),
            )],
            body: form_encode(&pairs),
            readable: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handoff::tests::sample;

    #[test]
    fn renders_the_web_to_case_form() {
        let zoho = Zoho {
            endpoint: "https://desk.zoho.eu/support/WebToCase".into(),
            fields: [
                ("xnQsjsdp".to_owned(), "abc123".to_owned()),
                ("xmIwtLD".to_owned(), "def456".to_owned()),
                ("actionType".to_owned(), "Q2FzZXM=".to_owned()),
            ]
            .into(),
        };
        let request = zoho.render(&sample());
        let fields: Vec<(&str, &str)> = request
            .body
            .split('&')
            .map(|pair| pair.split_once('=').unwrap())
            .collect();
        let names: Vec<&str> = fields.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            names,
            [
                "actionType",
                "xmIwtLD",
                "xnQsjsdp",
                "Contact+Name",
                "Email",
                "Subject",
                "Description"
            ]
        );
        assert_eq!(fields[2], ("xnQsjsdp", "abc123"));
        assert_eq!(fields[0], ("actionType", "Q2FzZXM%3D"));
        assert_eq!(fields[3].1, "Ana");
        assert_eq!(fields[4].1, "ana%40example.com");
        // The headline, marked with the priority, form-encoded.
        assert!(
            fields[5].1.starts_with("%5Bhigh%5D+Refund"),
            "{}",
            fields[5].1
        );
        assert!(fields[5].1.contains("48213"), "{}", fields[5].1);
        assert!(!request.body.contains("4111"));
        assert!(!request.readable);
    }
}
