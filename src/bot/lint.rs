//! Checks of a FAQ that parse cleanly but would still let visitors down: a question or
//! phrasing that, asked word for word, does not come back to its own entry (another entry
//! wins, or the matcher is not confident), or that has no word the matcher can use. The FAQ
//! tester prints them; the widget does not need them.

use super::faq::Faq;
use super::matcher::{Matcher, terms};

/// One problem found by [`lint`].
#[derive(Debug, Clone, PartialEq)]
pub struct Lint {
    /// Index of the entry.
    pub entry: usize,
    /// The field: `question` or `phrasings[i]`.
    pub field: String,
    /// What happens when a visitor asks that text.
    pub problem: Problem,
}

/// What goes wrong with one text of an entry.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Only common words ("how", "my", "please"): nothing to match on.
    NoWords,
    /// Another entry answers it (index and confidence).
    AnsweredBy(usize, f32),
    /// The matcher says it does not know (best confidence below the threshold).
    NotConfident(f32),
}

/// Every text of every entry that does not find its own entry.
pub fn lint(faq: &Faq, matcher: &Matcher) -> Vec<Lint> {
    let mut found = Vec::new();
    for (entry, item) in faq.entries.iter().enumerate() {
        let texts = std::iter::once(("question".to_owned(), &item.question)).chain(
            item.phrasings
                .iter()
                .enumerate()
                .map(|(i, p)| (format!("phrasings[{i}]"), p)),
        );
        for (field, text) in texts {
            let problem = if terms(text).is_empty() {
                Problem::NoWords
            } else {
                let result = matcher.ask(text);
                match result.entry {
                    Some(got) if got == entry => continue,
                    Some(got) => Problem::AnsweredBy(got, result.confidence),
                    None => Problem::NotConfident(result.confidence),
                }
            };
            found.push(Lint {
                entry,
                field,
                problem,
            });
        }
    }
    found
}

impl Lint {
    /// The lint as one line naming the entry and field, for a site owner.
    pub fn describe(&self, faq: &Faq, threshold: f32) -> String {
        let entry = &faq.entries[self.entry];
        let what = match &self.problem {
            Problem::NoWords => {
                "has only common words (how, my, please...): the matcher cannot use it".to_owned()
            }
            Problem::AnsweredBy(other, confidence) => format!(
                "asked as written, is answered by \"{}\" ({confidence:.2}): make the two entries' wording differ",
                faq.entries[*other].id
            ),
            Problem::NotConfident(confidence) => format!(
                "asked as written, gets \"I don't know\" ({confidence:.2} < threshold {threshold:.2}): another entry shares its words"
            ),
        };
        format!(
            "entries[{}] (id \"{}\"), `{}`: {what}",
            self.entry, entry.id, self.field
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_texts_that_miss_their_own_entry() {
        let faq = Faq::parse(
            r#"{"version":1,"entries":[
              {"id":"ship","question":"How long does shipping take?","phrasings":["can you do it please"],"answer":"3 days"},
              {"id":"ship-cost","question":"How much does shipping cost?","phrasings":["shipping"],"answer":"Free"},
              {"id":"returns","question":"How do I return an item?","answer":"Send it back"}]}"#,
        )
        .unwrap();
        let matcher = Matcher::new(&faq);
        let lints = lint(&faq, &matcher);
        let fields: Vec<(usize, &str)> =
            lints.iter().map(|l| (l.entry, l.field.as_str())).collect();
        assert!(fields.contains(&(0, "phrasings[0]")), "{lints:?}");
        assert_eq!(lints[0].problem, Problem::NoWords);
        assert!(!fields.contains(&(2, "question")), "{lints:?}");
        let text = lints[0].describe(&faq, matcher.threshold());
        assert!(
            text.starts_with("entries[0] (id \"ship\"), `phrasings[0]`"),
            "{text}"
        );
    }
}
