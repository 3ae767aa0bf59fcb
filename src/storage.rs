//! The versioned form of what the widget keeps between page loads.
//!
//! Pure: the shell reads and writes the strings. The stored JSON is
//! `{"v": 1, "conversation": {...}, "visitor": {...}, "context": {...}, "updated_at": ms}`.
//! A version newer than this build's is left untouched (a rolled-back CDN must not wipe what a
//! newer widget wrote), and anything unreadable is reported so the shell can set it aside.

use crate::conversation::Conversation;
use crate::visitor::Visitor;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The version this build writes.
pub const VERSION: u64 = 1;

/// The most messages kept in storage; older ones are dropped first.
pub const MAX_STORED_MESSAGES: usize = 500;

/// Everything that survives a page load.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Snapshot {
    /// The messages and read marker.
    pub conversation: Conversation,
    /// Who the visitor is, as far as the page said.
    pub visitor: Visitor,
    /// Page context for handoffs.
    pub context: Map<String, Value>,
    /// When visitor or context last changed (ms since epoch); the later one wins a merge.
    pub updated_at: u64,
    /// When the visitor turned down an offer of a person (ms since epoch): replayed into
    /// the policy after a reload, so a declined offer is not made again at once.
    pub declined_at: Vec<u64>,
}

/// What was found in storage.
#[derive(Debug, Clone, PartialEq)]
pub enum Stored {
    /// Nothing stored yet.
    Empty,
    /// A snapshot this build understands.
    Restored(Snapshot),
    /// Written by a newer widget; do not overwrite it.
    Newer {
        /// The version found.
        version: u64,
    },
    /// Not readable; the reason is for a debug log.
    Corrupt {
        /// What went wrong.
        reason: String,
    },
}

/// Reads a stored string (`None` when the key is absent).
pub fn decode(raw: Option<&str>) -> Stored {
    let Some(raw) = raw else {
        return Stored::Empty;
    };
    let value: Value = match serde_json::from_str(raw) {
        Ok(value) => value,
        Err(err) => {
            return Stored::Corrupt {
                reason: err.to_string(),
            };
        }
    };
    match value.get("v").and_then(Value::as_u64) {
        Some(VERSION) => match serde_json::from_value(value) {
            Ok(snapshot) => Stored::Restored(snapshot),
            Err(err) => Stored::Corrupt {
                reason: err.to_string(),
            },
        },
        Some(version) if version > VERSION => Stored::Newer { version },
        _ => Stored::Corrupt {
            reason: "missing or unknown version".into(),
        },
    }
}

/// Writes a snapshot, keeping the newest [`MAX_STORED_MESSAGES`] messages.
pub fn encode(snapshot: &Snapshot) -> String {
    let trimmed;
    let snapshot = if snapshot.conversation.messages.len() > MAX_STORED_MESSAGES {
        let mut copy = snapshot.clone();
        copy.conversation.truncate_oldest(MAX_STORED_MESSAGES);
        trimmed = copy;
        &trimmed
    } else {
        snapshot
    };
    // Plain data always serializes.
    let mut object = Map::new();
    object.insert("v".to_owned(), Value::from(VERSION));
    if let Ok(Value::Object(fields)) = serde_json::to_value(snapshot) {
        object.extend(fields);
    }
    Value::Object(object).to_string()
}

impl Snapshot {
    /// Takes in another tab's snapshot: messages are united, visitor and context come from
    /// whichever changed last. Returns whether anything changed here.
    pub fn merge(&mut self, other: &Snapshot) -> bool {
        let mut changed = self.conversation.merge(&other.conversation);
        for at in &other.declined_at {
            if !self.declined_at.contains(at) {
                self.declined_at.push(*at);
                self.declined_at.sort_unstable();
                changed = true;
            }
        }
        if other.updated_at > self.updated_at {
            self.visitor = other.visitor.clone();
            self.context = other.context.clone();
            self.updated_at = other.updated_at;
            changed = true;
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conversation::{Message, Role};
    use serde_json::json;

    fn snapshot_with(n: u64) -> Snapshot {
        let mut s = Snapshot::default();
        for i in 0..n {
            s.conversation.push(Message {
                id: format!("m{i:04}"),
                role: Role::Visitor,
                text: "hi".into(),
                at: i,
            });
        }
        s
    }

    #[test]
    fn round_trip() {
        let mut s = snapshot_with(3);
        s.visitor.name = Some("Ana".into());
        s.context.insert("plan".into(), json!("pro"));
        s.updated_at = 7;
        let raw = encode(&s);
        let value: Value = serde_json::from_str(&raw).unwrap();
        assert_eq!(value["v"], 1, "{raw}");
        assert_eq!(decode(Some(&raw)), Stored::Restored(s));
    }

    #[test]
    fn decoding_table() {
        let cases: &[(Option<&str>, &str)] = &[
            (None, "empty"),
            (Some(""), "corrupt"),
            (Some("{not json"), "corrupt"),
            (Some("[]"), "corrupt"),
            (Some(r#"{"conversation":{}}"#), "corrupt"),
            (Some(r#"{"v":0}"#), "corrupt"),
            (Some(r#"{"v":"1"}"#), "corrupt"),
            (Some(r#"{"v":1,"conversation":{"messages":5}}"#), "corrupt"),
            (Some(r#"{"v":2,"anything":true}"#), "newer"),
            (Some(r#"{"v":1}"#), "restored"),
            (Some(r#"{"v":1,"future_field":[1,2]}"#), "restored"),
        ];
        for (raw, expected) in cases {
            let kind = match decode(*raw) {
                Stored::Empty => "empty",
                Stored::Restored(_) => "restored",
                Stored::Newer { .. } => "newer",
                Stored::Corrupt { .. } => "corrupt",
            };
            assert_eq!(kind, *expected, "{raw:?}");
        }
    }

    #[test]
    fn encoding_keeps_the_newest_messages() {
        let s = snapshot_with(MAX_STORED_MESSAGES as u64 + 20);
        let Stored::Restored(back) = decode(Some(&encode(&s))) else {
            panic!("round trip");
        };
        assert_eq!(back.conversation.messages.len(), MAX_STORED_MESSAGES);
        assert_eq!(back.conversation.messages[0].id, "m0020");
    }

    #[test]
    fn merge_takes_the_later_visitor() {
        let mut mine = snapshot_with(1);
        mine.updated_at = 5;
        mine.visitor.name = Some("Old".into());
        let mut theirs = mine.clone();
        theirs.updated_at = 9;
        theirs.visitor.name = Some("New".into());
        assert!(mine.clone().merge(&theirs));
        let mut merged = mine.clone();
        merged.merge(&theirs);
        assert_eq!(merged.visitor.name.as_deref(), Some("New"));
        let mut stale = theirs.clone();
        assert!(!stale.merge(&mine), "an older snapshot changes nothing");
    }
}
