//! The FAQ file (DESIGN.md, "FAQ file and FAQ tester"): one validated type, read by the widget
//! and by the FAQ tester alike. A bad file gives errors that name the entry and the field.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt;

/// The format version this build reads.
pub const VERSION: u32 = 1;

/// A FAQ, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Faq {
    /// Language of the entries (BCP 47), used for stemming and stopwords.
    pub locale: String,
    /// First message of an empty conversation.
    pub greeting: Option<String>,
    /// Questions offered as chips before the visitor types.
    pub starters: Vec<String>,
    /// Confidence from which the bot answers, when the file sets its own (tuned with the FAQ
    /// tester); `None` is the matcher's default.
    pub threshold: Option<f32>,
    /// The entries, in file order.
    pub entries: Vec<Entry>,
}

/// One question and its answer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    // `default` on the required fields only lets validation go on past a missing one and
    // report it by name; a parsed `Faq` never has them empty.
    /// Stable id (letters, digits, `-`, `_`), reported by the tester and in handoffs.
    #[serde(default)]
    pub id: String,
    /// The question as the site owner would ask it.
    #[serde(default)]
    pub question: String,
    /// Other ways visitors ask it.
    #[serde(default)]
    pub phrasings: Vec<String>,
    /// The answer, in the small safe markup (links, bold, lists, line breaks).
    #[serde(default)]
    pub answer: String,
    /// Topics, for suggestions. Tags written as names (a capital letter first, as in
    /// "Storm Shell Jacket", or with a digit, as in "trail runner 2") are product names: a
    /// handoff's summary lists the ones the visitor mentions.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// The file as written, before validation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFaq {
    version: u32,
    #[serde(default)]
    locale: Option<String>,
    #[serde(default)]
    greeting: Option<String>,
    #[serde(default)]
    starters: Vec<String>,
    #[serde(default)]
    threshold: Option<f64>,
    entries: Vec<serde_json::Value>,
}

/// Where a problem is: the file as a whole, or an entry (by position and id) and field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaqError {
    /// 0-based position of the entry, if the problem is in one.
    pub entry: Option<usize>,
    /// The entry's id, when it has one.
    pub id: Option<String>,
    /// The field (`answer`, `phrasings[2]`, `version`...).
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for FaqError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.entry, &self.id) {
            (Some(n), Some(id)) => write!(
                f,
                "entries[{n}] (id \"{id}\"), `{}`: {}",
                self.field, self.message
            ),
            (Some(n), None) => write!(f, "entries[{n}], `{}`: {}", self.field, self.message),
            _ => write!(f, "`{}`: {}", self.field, self.message),
        }
    }
}

/// Every problem of a FAQ file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaqErrors(pub Vec<FaqError>);

impl fmt::Display for FaqErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the FAQ file is invalid:")?;
        for error in &self.0 {
            write!(f, "\n  - {error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for FaqErrors {}

fn file_error(field: &str, message: impl Into<String>) -> FaqError {
    FaqError {
        entry: None,
        id: None,
        field: field.into(),
        message: message.into(),
    }
}

/// Longest accepted question, phrasing or starter, in characters.
const MAX_QUESTION_CHARS: usize = 300;
/// Longest accepted answer, in characters.
const MAX_ANSWER_CHARS: usize = 4000;

impl Faq {
    /// The product names among the entries' tags (see [`Entry::tags`]), each once, in file
    /// order.
    pub fn product_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let is_name = |tag: &str| {
            tag.chars().next().is_some_and(char::is_uppercase)
                || tag.chars().any(|c| c.is_ascii_digit())
        };
        for tag in self.entries.iter().flat_map(|e| &e.tags) {
            let tag = tag.trim();
            if is_name(tag) && !names.iter().any(|n| n.eq_ignore_ascii_case(tag)) {
                names.push(tag.to_owned());
            }
        }
        names
    }

    /// Reads and validates a FAQ file.
    pub fn parse(text: &str) -> Result<Faq, FaqErrors> {
        let raw: RawFaq = serde_json::from_str(text)
            .map_err(|e| FaqErrors(vec![file_error("(file)", format!("not a FAQ file: {e}"))]))?;
        let mut errors = Vec::new();
        if raw.version != VERSION {
            errors.push(file_error(
                "version",
                format!("must be {VERSION}, found {}", raw.version),
            ));
        }
        if raw.entries.is_empty() {
            errors.push(file_error("entries", "needs at least one entry"));
        }
        for (i, starter) in raw.starters.iter().enumerate() {
            if let Some(why) = check_text(starter, MAX_QUESTION_CHARS) {
                errors.push(file_error(&format!("starters[{i}]"), why));
            }
        }
        if let Some(greeting) = &raw.greeting
            && let Some(why) = check_text(greeting, MAX_ANSWER_CHARS)
        {
            errors.push(file_error("greeting", why));
        }
        if let Some(threshold) = raw.threshold
            && !(threshold > 0.0 && threshold <= 1.0)
        {
            errors.push(file_error(
                "threshold",
                format!("must be above 0 and at most 1, found {threshold}"),
            ));
        }
        let locale = raw.locale.unwrap_or_else(|| "en".into());
        if !crate::config::is_language_tag(&locale) {
            errors.push(file_error(
                "locale",
                format!("\"{locale}\" is not a language tag"),
            ));
        }

        let mut entries = Vec::new();
        let mut seen = BTreeSet::new();
        for (n, value) in raw.entries.into_iter().enumerate() {
            let id = value.get("id").and_then(|v| v.as_str()).map(str::to_owned);
            let at = |field: &str, message: String| FaqError {
                entry: Some(n),
                id: id.clone(),
                field: field.into(),
                message,
            };
            // A missing required field is reported once, and the rest of the entry is
            // still checked, so one run of the tester shows every problem.
            let missing: Vec<&str> = ["id", "question", "answer"]
                .into_iter()
                .filter(|field| value.get(field).is_none())
                .collect();
            for field in &missing {
                errors.push(at(field, "is required".into()));
            }
            let entry: Entry = match serde_json::from_value(value) {
                Ok(entry) => entry,
                Err(e) => {
                    errors.push(at("(entry)", e.to_string()));
                    continue;
                }
            };
            let given = |field: &str| !missing.contains(&field);
            let id_chars = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
            if given("id") && (entry.id.is_empty() || !entry.id.chars().all(id_chars)) {
                errors.push(at("id", "use letters, digits, - and _ only".into()));
            } else if given("id") && !seen.insert(entry.id.clone()) {
                errors.push(at("id", "is used by an earlier entry too".into()));
            }
            if given("question")
                && let Some(why) = check_text(&entry.question, MAX_QUESTION_CHARS)
            {
                errors.push(at("question", why));
            }
            for (i, phrasing) in entry.phrasings.iter().enumerate() {
                if let Some(why) = check_text(phrasing, MAX_QUESTION_CHARS) {
                    errors.push(at(&format!("phrasings[{i}]"), why));
                }
            }
            if !given("answer") {
                // Reported above.
            } else if let Some(why) = check_text(&entry.answer, MAX_ANSWER_CHARS) {
                errors.push(at("answer", why));
            } else if let Err(why) = crate::bot::markup::parse(&entry.answer) {
                errors.push(at("answer", why.to_string()));
            }
            entries.push(entry);
        }
        if errors.is_empty() {
            Ok(Faq {
                locale,
                greeting: raw.greeting,
                starters: raw.starters,
                threshold: raw.threshold.map(|t| t as f32),
                entries,
            })
        } else {
            Err(FaqErrors(errors))
        }
    }
}

fn check_text(text: &str, max: usize) -> Option<String> {
    if text.trim().is_empty() {
        Some("must not be empty".into())
    } else if text.chars().count() > max {
        Some(format!("is longer than {max} characters"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{ "version": 1, "locale": "en", "greeting": "Hi!",
        "starters": ["Where is my order?"],
        "entries": [ { "id": "shipping-time", "question": "How long does shipping take?",
                       "phrasings": ["when will my package arrive"],
                       "answer": "Usually 3 to 5 working days. [Track your order](/orders)",
                       "tags": ["shipping"] } ] }"#;

    #[test]
    fn a_good_file() {
        let faq = Faq::parse(GOOD).unwrap();
        assert_eq!(faq.entries[0].id, "shipping-time");
        assert_eq!(faq.locale, "en");
        assert_eq!(faq.starters.len(), 1);
    }

    /// Table of bad files: the fragments the errors must contain.
    #[test]
    fn bad_files_name_the_entry_and_the_field() {
        let cases: &[(&str, &[&str])] = &[
            ("not json", &["not a FAQ file"]),
            (
                r#"{"version": 2, "entries": []}"#,
                &["`version`: must be 1", "`entries`: needs at least one"],
            ),
            (
                r#"{"version":1,"entries":[{"id":"a","question":"q?"}]}"#,
                &["entries[0] (id \"a\"), `answer`: is required"],
            ),
            (
                r#"{"version":1,"entries":[{"question":"q?","answer":"a"}]}"#,
                &["entries[0], `id`: is required"],
            ),
            (
                r#"{"version":1,"entries":[{"id":"a b","question":""}]}"#,
                &[
                    "`answer`: is required",
                    "`id`: use letters",
                    "`question`: must not be empty",
                ],
            ),
            (
                r#"{"version":1,"entries":[{"id":"a","question":"q","answer":"x","tags":"t"}]}"#,
                &["entries[0] (id \"a\"), `(entry)`: invalid type"],
            ),
            (
                r#"{"version":1,"entries":[{"id":"a","question":"q","answer":"x"},{"id":"a","question":"r","answer":"y"}]}"#,
                &["entries[1] (id \"a\"), `id`: is used by an earlier entry"],
            ),
            (
                r#"{"version":1,"entries":[{"id":"a b","question":"q","answer":"x"}]}"#,
                &["`id`: use letters"],
            ),
            (
                r#"{"version":1,"entries":[{"id":"a","question":"  ","answer":"x","phrasings":["ok",""]}]}"#,
                &[
                    "`question`: must not be empty",
                    "`phrasings[1]`: must not be empty",
                ],
            ),
            (
                r#"{"version":1,"entries":[{"id":"a","question":"q","answer":"[x](javascript:alert(1))"}]}"#,
                &["`answer`", "javascript"],
            ),
            (
                r#"{"version":1,"entries":[{"id":"a","question":"q","answer":"x","colour":"red"}]}"#,
                &["unknown field `colour`"],
            ),
            (
                r#"{"version":1,"threshold":1.5,"entries":[{"id":"a","question":"q","answer":"x"}]}"#,
                &["`threshold`: must be above 0 and at most 1, found 1.5"],
            ),
            (
                r#"{"version":1,"locale":"english","entries":[{"id":"a","question":"q","answer":"x"}]}"#,
                &["`locale`"],
            ),
        ];
        for (text, fragments) in cases {
            let err = Faq::parse(text).unwrap_err().to_string();
            for fragment in *fragments {
                assert!(err.contains(fragment), "{fragment:?} not in {err}");
            }
        }
    }
}
