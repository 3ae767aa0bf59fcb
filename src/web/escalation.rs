//! Runs the detector and the escalation policy on what the visitor sends, in the browser.
//!
//! Building the cue sets takes tens of milliseconds, so it happens in slices of a few
//! milliseconds while the page is idle after boot (or all at once at the first message, if
//! that comes sooner), never during boot. The
//! policy's memory is the stored conversation: on that first build, earlier messages are
//! replayed through it silently, so a reload does not forget that the bot already failed
//! twice.

use crate::conversation::{Message, Role};
use crate::detect::{Analysis, Detector, StagedBuild};
use crate::escalate::{Outcome, Policy, Thresholds};
use crate::i18n::{Lang, is_bot_unknown};

/// The detector and the policy of one conversation.
pub struct Escalation {
    phrases: Vec<String>,
    thresholds: Thresholds,
    lang: Lang,
    warming: Option<StagedBuild>,
    detector: Option<Detector>,
    policy: Policy,
    /// When offers were declined, for the replay.
    declined: Vec<u64>,
}

impl Escalation {
    /// Prepares everything except the cue sets.
    pub fn new(
        phrases: Vec<String>,
        thresholds: Thresholds,
        lang: Lang,
        declined: Vec<u64>,
    ) -> Escalation {
        Escalation {
            phrases,
            thresholds,
            lang,
            warming: None,
            detector: None,
            policy: Policy::new(thresholds),
            declined,
        }
    }

    fn staged(&self) -> StagedBuild {
        Detector::builder()
            .human_phrases(self.phrases.iter().cloned())
            .default_language(self.lang)
            .staged()
    }

    /// Does one slice of the preparation (a few milliseconds). Returns whether more remains.
    pub fn warm_step(&mut self, history: &[Message]) -> bool {
        if self.detector.is_some() {
            return false;
        }
        let staged = match self.warming.take() {
            Some(staged) => staged,
            None => self.staged(),
        };
        let mut staged = staged;
        if staged.step() {
            self.install(staged, history);
            false
        } else {
            self.warming = Some(staged);
            true
        }
    }

    /// Finishes the build and replays `history` through a fresh policy.
    fn install(&mut self, staged: StagedBuild, history: &[Message]) {
        let declined = std::mem::take(&mut self.declined);
        // The phrases were compiled once already when the config was checked.
        let detector = staged.finish().unwrap_or_default();
        let mut policy = Policy::new(self.thresholds);
        let mut declines = declined.iter().peekable();
        for message in history {
            while declines.next_if(|at| **at < message.at).is_some() {
                policy.declined();
            }
            match message.role {
                Role::Visitor => {
                    let analysis = detector.analyze(&message.text);
                    policy.visitor(&message.text, &analysis, Some(message.at));
                }
                Role::Bot => {
                    let failed =
                        is_bot_unknown(&message.text) || detector.is_bot_fallback(&message.text);
                    policy.bot_replied(&message.text, !failed)
                }
                Role::Agent | Role::System => {}
            }
        }
        if declines.next().is_some() {
            policy.declined();
        }
        self.policy = policy;
        self.detector = Some(detector);
        self.declined = declined;
    }

    /// Records that the visitor turned an offer down at `at_ms`.
    pub fn declined(&mut self, at_ms: u64) {
        self.declined.push(at_ms);
        self.policy.declined();
    }

    /// Records a bot reply (`answered`: whether it was an answer rather than "I don't know").
    pub fn bot(&mut self, history: &[Message], text: &str, answered: bool) {
        self.built(history);
        self.policy.bot_replied(text, answered);
    }

    /// The detector, finishing its build at once if the idle slices have not.
    pub fn built(&mut self, history: &[Message]) -> &Detector {
        if self.detector.is_none() {
            let staged = match self.warming.take() {
                Some(staged) => staged,
                None => self.staged(),
            };
            self.install(staged, history);
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
