//! The conversation: who said what and when, what the visitor has read, and the rules for a
//! message the visitor is about to send.

use serde::{Deserialize, Serialize};

/// Longest message a visitor can send, in characters. Long enough for a pasted error log,
/// short enough that a stuck paste of a whole file does not travel in a handoff.
pub const MAX_MESSAGE_CHARS: usize = 4000;

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The person on the site.
    Visitor,
    /// The bot (embedded FAQ or remote).
    Bot,
    /// A human agent.
    Agent,
    /// The widget itself (status notes).
    System,
}

impl Role {
    /// The name used in events and payloads.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Visitor => "visitor",
            Role::Bot => "bot",
            Role::Agent => "agent",
            Role::System => "system",
        }
    }
}

/// One message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// Unique within the conversation, stable across tabs (used to merge them).
    pub id: String,
    /// Who wrote it.
    pub role: Role,
    /// Plain text; never interpreted as HTML.
    pub text: String,
    /// Milliseconds since the Unix epoch.
    pub at: u64,
}

/// Why a draft cannot be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftError {
    /// Nothing but whitespace.
    Empty,
    /// Over [`MAX_MESSAGE_CHARS`].
    TooLong {
        /// Characters in the draft after clean-up.
        chars: usize,
    },
}

/// Cleans what the visitor typed or pasted: Windows and old Mac line ends become `\n`, control
/// characters other than newline and tab go, runs of more than two blank lines shrink, and the
/// ends are trimmed. Returns the text to send, or why it cannot be sent.
pub fn prepare_draft(raw: &str) -> Result<String, DraftError> {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    let mut text = String::with_capacity(unified.len());
    let mut newlines = 0;
    for c in unified.chars() {
        if c == '\n' {
            newlines += 1;
            if newlines <= 3 {
                text.push(c);
            }
        } else if c == '\t' || !c.is_control() {
            newlines = 0;
            text.push(c);
        }
    }
    let text = text.trim();
    let chars = text.chars().count();
    if chars == 0 {
        Err(DraftError::Empty)
    } else if chars > MAX_MESSAGE_CHARS {
        Err(DraftError::TooLong { chars })
    } else {
        Ok(text.to_owned())
    }
}

/// The messages so far and the visitor's read marker.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Conversation {
    /// In order of time (ties broken by id, so every tab agrees).
    pub messages: Vec<Message>,
    /// Time of the newest message the visitor has seen with the panel open.
    pub read_up_to: u64,
}

impl Conversation {
    /// Adds a message in its place by time (almost always at the end).
    pub fn push(&mut self, message: Message) {
        let at = self
            .messages
            .partition_point(|m| (m.at, &m.id) <= (message.at, &message.id));
        self.messages.insert(at, message);
    }

    /// Messages not written by the visitor that arrived after the read marker.
    pub fn unread(&self) -> usize {
        self.messages
            .iter()
            .filter(|m| m.role != Role::Visitor && m.at > self.read_up_to)
            .count()
    }

    /// Marks everything up to the newest message as read. Returns whether anything changed.
    pub fn mark_read(&mut self) -> bool {
        let newest = self.messages.last().map_or(0, |m| m.at);
        let changed = newest > self.read_up_to;
        self.read_up_to = self.read_up_to.max(newest);
        changed
    }

    /// Takes in what another tab wrote: the union of both message lists (by id) and the
    /// later read marker. Returns whether this conversation changed.
    pub fn merge(&mut self, other: &Conversation) -> bool {
        let before = (self.messages.len(), self.read_up_to);
        let known: std::collections::BTreeSet<&str> =
            self.messages.iter().map(|m| m.id.as_str()).collect();
        let fresh: Vec<Message> = other
            .messages
            .iter()
            .filter(|m| !known.contains(m.id.as_str()))
            .cloned()
            .collect();
        for message in fresh {
            self.push(message);
        }
        self.read_up_to = self.read_up_to.max(other.read_up_to);
        before != (self.messages.len(), self.read_up_to)
    }

    /// Keeps only the newest `max` messages.
    pub fn truncate_oldest(&mut self, max: usize) {
        let excess = self.messages.len().saturating_sub(max);
        self.messages.drain(..excess);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(id: &str, role: Role, at: u64) -> Message {
        Message {
            id: id.into(),
            role,
            text: format!("text {id}"),
            at,
        }
    }

    #[test]
    fn drafts() {
        let long = "a".repeat(MAX_MESSAGE_CHARS + 1);
        let cases: &[(&str, Result<&str, DraftError>)] = &[
            ("", Err(DraftError::Empty)),
            ("  \n\t \r\n ", Err(DraftError::Empty)),
            ("  hello  ", Ok("hello")),
            (
                "line one\r\nline two\rthree",
                Ok("line one\nline two\nthree"),
            ),
            ("a\n\n\n\n\n\nb", Ok("a\n\n\nb")),
            ("bell\u{7}and\u{0}nul", Ok("bellandnul")),
            ("tab\there", Ok("tab\there")),
            ("<b>not html</b>", Ok("<b>not html</b>")),
            ("\u{202e}rtl override kept", Ok("\u{202e}rtl override kept")),
            (
                long.as_str(),
                Err(DraftError::TooLong {
                    chars: MAX_MESSAGE_CHARS + 1,
                }),
            ),
        ];
        for (raw, expected) in cases {
            assert_eq!(
                prepare_draft(raw).as_deref(),
                expected.as_deref(),
                "{raw:?}"
            );
        }
        // The limit counts characters, not bytes.
        assert!(prepare_draft(&"é".repeat(MAX_MESSAGE_CHARS)).is_ok());
    }

    #[test]
    fn unread_counts_only_others_after_the_marker() {
        let mut c = Conversation::default();
        c.push(msg("a", Role::Visitor, 1));
        c.push(msg("b", Role::Bot, 2));
        c.push(msg("c", Role::Agent, 3));
        assert_eq!(c.unread(), 2);
        assert!(c.mark_read());
        assert_eq!(c.unread(), 0);
        assert!(!c.mark_read());
        c.push(msg("d", Role::System, 4));
        assert_eq!(c.unread(), 1);
    }

    #[test]
    fn push_keeps_time_order() {
        let mut c = Conversation::default();
        c.push(msg("b", Role::Bot, 5));
        c.push(msg("a", Role::Visitor, 3));
        c.push(msg("c", Role::Visitor, 5));
        let ids: Vec<&str> = c.messages.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[test]
    fn merging_two_tabs_loses_nothing_and_agrees() {
        let mut base = Conversation::default();
        base.push(msg("a", Role::Visitor, 1));
        let mut tab1 = base.clone();
        let mut tab2 = base.clone();
        tab1.push(msg("x", Role::Visitor, 10));
        tab2.push(msg("y", Role::Bot, 10));
        tab2.read_up_to = 10;

        let mut merged1 = tab1.clone();
        assert!(merged1.merge(&tab2));
        let mut merged2 = tab2.clone();
        assert!(merged2.merge(&tab1));
        assert_eq!(merged1, merged2);
        assert_eq!(merged1.messages.len(), 3);
        assert_eq!(merged1.read_up_to, 10);
        assert!(
            !merged1.clone().merge(&merged2),
            "merging again changes nothing"
        );
    }

    #[test]
    fn truncation_drops_the_oldest() {
        let mut c = Conversation::default();
        for i in 0..10 {
            c.push(msg(&i.to_string(), Role::Visitor, i));
        }
        c.truncate_oldest(3);
        let ids: Vec<&str> = c.messages.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["7", "8", "9"]);
        c.truncate_oldest(10);
        assert_eq!(c.messages.len(), 3);
    }
}
