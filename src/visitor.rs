//! Who the visitor is (from `Handover('identify', …)`) and the page context attached to every
//! handoff (from `Handover('context', …)`).

use crate::config::is_email;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// Longest accepted name, id or attribute value from page code, in characters.
const MAX_FIELD_CHARS: usize = 200;

/// What the host page told the widget about the visitor.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Visitor {
    /// The site's own id for the visitor.
    pub id: Option<String>,
    /// Display name.
    pub name: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Anything else the site wants the agent to see.
    pub attributes: Map<String, Value>,
}

/// Why an `identify` or `context` call was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdentifyError {
    /// The argument was not an object.
    NotAnObject,
    /// A field had the wrong type or was too long.
    BadField {
        /// The field.
        field: &'static str,
        /// What it should be.
        expected: &'static str,
    },
    /// `email` is not an email address.
    BadEmail(String),
}

impl fmt::Display for IdentifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAnObject => write!(f, "expected an object"),
            Self::BadField { field, expected } => write!(f, "`{field}` must be {expected}"),
            Self::BadEmail(email) => write!(f, "`email` \"{email}\" is not an email address"),
        }
    }
}

impl std::error::Error for IdentifyError {}

impl Visitor {
    /// Applies an `identify` call: fields present replace the known ones (`null` clears one),
    /// attributes are merged. Nothing changes when any field is bad.
    pub fn identify(&mut self, value: &Value) -> Result<(), IdentifyError> {
        let Value::Object(map) = value else {
            return Err(IdentifyError::NotAnObject);
        };
        let mut next = self.clone();
        for (field, slot) in [
            ("id", &mut next.id),
            ("name", &mut next.name),
            ("email", &mut next.email),
        ] {
            match map.get(field) {
                None => {}
                Some(Value::Null) => *slot = None,
                Some(Value::String(s)) if s.chars().count() <= MAX_FIELD_CHARS => {
                    *slot = (!s.trim().is_empty()).then(|| s.trim().to_owned());
                }
                // Numeric ids are common in page code; keep them as text.
                Some(Value::Number(n)) if field == "id" => *slot = Some(n.to_string()),
                Some(_) => {
                    return Err(IdentifyError::BadField {
                        field: match field {
                            "id" => "id",
                            "name" => "name",
                            _ => "email",
                        },
                        expected: "a string of at most 200 characters",
                    });
                }
            }
        }
        if let Some(email) = &next.email
            && !is_email(email)
        {
            return Err(IdentifyError::BadEmail(email.clone()));
        }
        match map.get("attributes") {
            None | Some(Value::Null) => {}
            Some(Value::Object(attributes)) => next
                .attributes
                .extend(attributes.iter().map(|(k, v)| (k.clone(), v.clone()))),
            Some(_) => {
                return Err(IdentifyError::BadField {
                    field: "attributes",
                    expected: "an object",
                });
            }
        }
        *self = next;
        Ok(())
    }
}

/// Applies a `context` call: keys are merged into the context, `null` removes one.
pub fn merge_context(context: &mut Map<String, Value>, value: &Value) -> Result<(), IdentifyError> {
    let Value::Object(map) = value else {
        return Err(IdentifyError::NotAnObject);
    };
    for (key, value) in map {
        if value.is_null() {
            context.remove(key);
        } else {
            context.insert(key.clone(), value.clone());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn identify_merges_and_validates() {
        let mut v = Visitor::default();
        v.identify(
            &json!({ "id": 42, "name": " Ana ", "email": "ana@example.com",
                            "attributes": { "plan": "pro" } }),
        )
        .unwrap();
        assert_eq!(v.id.as_deref(), Some("42"));
        assert_eq!(v.name.as_deref(), Some("Ana"));
        assert_eq!(v.attributes["plan"], "pro");

        v.identify(&json!({ "name": null, "attributes": { "seats": 3 } }))
            .unwrap();
        assert_eq!(v.name, None);
        assert_eq!(v.email.as_deref(), Some("ana@example.com"));
        assert_eq!(v.attributes.len(), 2);

        let before = v.clone();
        let cases = [
            (json!("ana"), IdentifyError::NotAnObject),
            (
                json!({ "name": ["x"] }),
                IdentifyError::BadField {
                    field: "name",
                    expected: "a string of at most 200 characters",
                },
            ),
            (
                json!({ "email": "nope" }),
                IdentifyError::BadEmail("nope".into()),
            ),
            (
                json!({ "name": "Bo", "attributes": 5 }),
                IdentifyError::BadField {
                    field: "attributes",
                    expected: "an object",
                },
            ),
            (
                json!({ "id": "x".repeat(201) }),
                IdentifyError::BadField {
                    field: "id",
                    expected: "a string of at most 200 characters",
                },
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(v.identify(&input), Err(expected), "{input}");
            assert_eq!(v, before, "a refused call changes nothing");
        }
    }

    #[test]
    fn context_merges_and_removes() {
        let mut context = Map::new();
        merge_context(&mut context, &json!({ "plan": "pro", "cart_total": 120 })).unwrap();
        merge_context(&mut context, &json!({ "plan": null, "coupon": "X" })).unwrap();
        assert_eq!(
            Value::Object(context.clone()),
            json!({ "cart_total": 120, "coupon": "X" })
        );
        assert_eq!(
            merge_context(&mut context, &json!([1])),
            Err(IdentifyError::NotAnObject)
        );
    }
}
