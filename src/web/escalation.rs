//! Runs the detector and the escalation policy on what the visitor sends, in the browser.
//!
//! Building the cue sets takes tens of milliseconds, so it happens once the page is idle
//! after boot (or at the first message, if that comes sooner), never during boot. The
//! policy's memory is the stored conversation: on that first build, earlier messages are
//! replayed through it silently, so a reload does not forget that the bot already failed
//! twice.

use crate::conversation::{Message, Role};
use crate::detect::{Analysis, Detector};
use crate::escalate::{Outcome, Policy, Thresholds};
use crate::i18n::Lang;

/// The detector and the policy of one conversation.
pub struct Escalation {
    phrases: Vec<String>,
    thresholds: Thresholds,
    lang: Lang,
    detector: Option<Detector>,
    policy: Policy,
}

impl Escalation {
    /// Prepares everything except the cue sets.
    pub fn new(phrases: Vec<String>, thresholds: Thresholds, lang: Lang) -> Escalation {
        Escalation {
            phrases,
            thresholds,
            lang,
            detector: None,
            policy: Policy::new(thresholds),
        }
    }

    /// Builds the cue sets if not done yet, replaying `history` through the policy.
    pub fn warm(&mut self, history: &[Message]) {
        self.built(history);
    }

    fn built(&mut self, history: &[Message]) -> &Detector {
        if self.detector.is_none() {
            // The phrases were compiled once already when the config was checked.
            let detector = Detector::builder()
                .human_phrases(self.phrases.iter().cloned())
                .default_language(self.lang)
                .build()
                .unwrap_or_default();
            let mut policy = Policy::new(self.thresholds);
            for message in history {
                match message.role {
                    Role::Visitor => {
                        let analysis = detector.analyze(&message.text);
                        policy.visitor(&message.text, &analysis, Some(message.at));
                    }
                    Role::Bot => {
                        policy.bot_replied(&message.text, !detector.is_bot_fallback(&message.text))
                    }
                    Role::Agent | Role::System => {}
                }
            }
            self.policy = policy;
            self.detector = Some(detector);
        }
        // Set just above when it was missing; the default is never built.
        self.detector.get_or_insert_with(Detector::default)
    }

    /// Observes a message the visitor just sent. `earlier` is the conversation before it,
    /// replayed if the cue sets were not built yet.
    pub fn visitor(&mut self, earlier: &[Message], text: &str, at_ms: u64) -> (Analysis, Outcome) {
        let analysis = self.built(earlier).analyze(text);
        let outcome = self.policy.visitor(text, &analysis, Some(at_ms));
        (analysis, outcome)
    }
}
