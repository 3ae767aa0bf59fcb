//! The bot before the human: the FAQ file, its matcher, the safe markup of answers, and
//! [`FaqBot`], the embedded bot that answers from them.

pub mod faq;
pub mod grams;
pub mod lint;
pub mod markup;
pub mod matcher;

use faq::Faq;
use matcher::Matcher;

/// What the bot says to one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The reply, in the safe markup.
    pub text: String,
    /// Whether it is an answer (false: "I don't know", a failure for the policy).
    pub answered: bool,
    /// Questions offered as quick replies, best first.
    pub suggestions: Vec<String>,
}

/// The embedded FAQ bot.
#[derive(Debug)]
pub struct FaqBot {
    faq: Faq,
    matcher: Matcher,
}

impl FaqBot {
    /// A bot answering from `faq`, with the matcher's default threshold.
    pub fn new(faq: Faq) -> FaqBot {
        let matcher = Matcher::new(&faq);
        FaqBot { faq, matcher }
    }

    /// The FAQ's greeting.
    pub fn greeting(&self) -> Option<&str> {
        self.faq.greeting.as_deref()
    }

    /// Product names the FAQ knows, for the handoff summary's details.
    pub fn products(&self) -> Vec<String> {
        self.faq.product_names()
    }

    /// Questions offered before the visitor types.
    pub fn starters(&self) -> &[String] {
        &self.faq.starters
    }

    /// Answers a question. Below the threshold it says `unknown` (the visitor's language)
    /// and offers the likeliest entries' questions as suggestions.
    pub fn answer(&self, question: &str, unknown: &str) -> Reply {
        let found = self.matcher.ask(question);
        let question_of = |i: usize| self.faq.entries[i].question.clone();
        match found.entry {
            Some(entry) => Reply {
                text: self.faq.entries[entry].answer.clone(),
                answered: true,
                suggestions: Vec::new(),
            },
            None => Reply {
                text: unknown.to_owned(),
                answered: false,
                suggestions: found.suggestions.into_iter().map(question_of).collect(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bot() -> FaqBot {
        let text = std::fs::read_to_string("examples/demo/faq.json").unwrap();
        FaqBot::new(Faq::parse(&text).unwrap())
    }

    #[test]
    fn answers_or_says_it_does_not_know_with_suggestions() {
        let bot = bot();
        let reply = bot.answer("how long does shipping take?", "?");
        assert!(reply.answered);
        assert!(reply.suggestions.is_empty());
        assert!(!reply.text.is_empty());
        let unknown = bot.answer("do you sell bicycles on mars", "Sorry, I don't know.");
        assert!(!unknown.answered);
        assert_eq!(unknown.text, "Sorry, I don't know.");
        assert!(bot.greeting().is_some());
        assert_eq!(
            bot.products(),
            ["Storm Shell Jacket", "Trail Runner 2", "Summit Backpack"]
        );
        assert!(!bot.starters().is_empty());
    }
}
