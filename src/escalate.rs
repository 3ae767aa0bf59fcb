//! The conversation-level policy: from each visitor message's [`Analysis`] and what the bot
//! managed, decide whether to do nothing, offer a human, or go straight to the handoff.
//!
//! An explicit request for a person goes straight to the handoff. Otherwise signals add up:
//! frustration, confusion after an answer, the bot failing turn after turn, the visitor
//! repeating an earlier question, a mood that keeps sinking, and bursts of messages with no
//! reply. Each signal is a weight in [0, 1] with a reason; they combine as 1 − Π(1 − wᵢ), and
//! an offer is made when the score reaches [`Thresholds::offer_score`]. A declined offer is
//! not repeated for [`Thresholds::cooldown_turns`] visitor turns.

use crate::detect::Analysis;
use crate::detect::text::{Words, fixed};
use serde::{Deserialize, Serialize};

/// Tunable thresholds. The defaults were chosen on the test conversations in
/// `tests/data/conversations.jsonl` (see the README for the figures).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// Score from which a human is offered.
    pub offer_score: f32,
    /// Bot failures in a row that alone justify an offer.
    pub failures_for_offer: u32,
    /// Word overlap (Jaccard, 0–1) from which a message repeats an earlier one.
    pub repeat_similarity: f32,
    /// Visitor turns during which a declined (or still open) offer is not made again.
    pub cooldown_turns: u32,
    /// Messages within [`burst_window_ms`](Self::burst_window_ms) with no reply that count as
    /// a burst of impatience.
    pub burst_messages: u32,
    /// The window for a burst, in milliseconds.
    pub burst_window_ms: u64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            offer_score: 0.6,
            failures_for_offer: 2,
            repeat_similarity: 0.6,
            cooldown_turns: 4,
            burst_messages: 3,
            burst_window_ms: 30_000,
        }
    }
}

/// What to do after a visitor message.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Carry on with the bot.
    None,
    /// Offer a human, for these reasons.
    Offer(Vec<String>),
    /// Go to the handoff flow now (the visitor asked for a person).
    Handoff(Vec<String>),
}

impl Decision {
    /// `none`, `offer` or `handoff`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Decision::None => "none",
            Decision::Offer(_) => "offer",
            Decision::Handoff(_) => "handoff",
        }
    }

    /// The reasons (empty for `None`).
    pub fn reasons(&self) -> &[String] {
        match self {
            Decision::None => &[],
            Decision::Offer(r) | Decision::Handoff(r) => r,
        }
    }
}

/// What mainly set a decision off: the `trigger.kind` of a handoff (DESIGN.md, payload v1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// The visitor asked for a person.
    ExplicitRequest,
    /// Frustration: tone, repeated questions, sinking mood, bursts.
    Frustration,
    /// Confusion after the bot's answers.
    Confusion,
    /// The bot failing, or going round in circles.
    BotFailures,
}

impl Trigger {
    /// The name used in payloads and events.
    pub fn as_str(self) -> &'static str {
        match self {
            Trigger::ExplicitRequest => "explicit_request",
            Trigger::Frustration => "frustration",
            Trigger::Confusion => "confusion",
            Trigger::BotFailures => "bot_failures",
        }
    }
}

/// A decision with the score behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// What to do.
    pub decision: Decision,
    /// The combined escalation score, 0 to 1 (1 for an explicit request).
    pub score: f32,
    /// Every signal seen on this turn, strongest first, whether or not it led anywhere:
    /// what a site owner reads when tuning thresholds.
    pub signals: Vec<String>,
    /// The kind of the strongest signal (`None` when there was none).
    pub trigger: Option<Trigger>,
}

/// What the policy remembers of one visitor message.
#[derive(Debug, Clone)]
struct Seen {
    content: Vec<String>,
    compound: f32,
    frustration: f32,
    at_ms: Option<u64>,
    /// Whether the bot replied after it.
    answered_after: bool,
}

/// The policy for one conversation.
#[derive(Debug, Clone)]
pub struct Policy {
    thresholds: Thresholds,
    failures_in_row: u32,
    history: Vec<Seen>,
    last_offer_turn: Option<usize>,
    /// The bot's last reply, as content words, to notice it going round in circles.
    last_reply: Vec<String>,
    /// Whether the bot's last reply repeated the one before.
    bot_repeated: bool,
}

/// Words too common to say whether two questions are the same.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "i", "my", "me", "you", "your", "is", "are", "was", "it", "to", "of", "in",
    "on", "for", "and", "or", "do", "does", "did", "can", "how", "what", "when", "where", "why",
    "please", "pls", "this", "that", "have", "has", "be", "with", "im", "so", "just", "again",
    "still", "el", "la", "de", "que", "y", "en", "mi", "le", "les", "je", "et", "der", "die",
    "das", "und", "ich", "o", "um", "il", "di", "het", "een", "ik",
];

impl Policy {
    /// A policy with these thresholds.
    pub fn new(thresholds: Thresholds) -> Policy {
        Policy {
            thresholds,
            failures_in_row: 0,
            history: Vec::new(),
            last_offer_turn: None,
            last_reply: Vec::new(),
            bot_repeated: false,
        }
    }

    /// The thresholds in use.
    pub fn thresholds(&self) -> &Thresholds {
        &self.thresholds
    }

    /// Records a bot reply: `answered` is false when the bot had no answer. A reply that
    /// repeats the previous one almost word for word counts as a failure too: the bot is
    /// going round in circles.
    pub fn bot_replied(&mut self, reply: &str, answered: bool) {
        let words = content_words(reply);
        self.bot_repeated = words.len() >= 3 && jaccard(&words, &self.last_reply) >= 0.8;
        self.last_reply = words;
        let failed = !answered || self.bot_repeated;
        self.failures_in_row = if failed { self.failures_in_row + 1 } else { 0 };
        if let Some(last) = self.history.last_mut() {
            last.answered_after = true;
        }
    }

    /// Records that the visitor turned an offer down: no new offer for a while.
    pub fn declined(&mut self) {
        self.last_offer_turn = Some(self.history.len());
    }

    /// Observes a visitor message and decides. `at_ms` is when it was sent, if known.
    pub fn visitor(&mut self, text: &str, analysis: &Analysis, at_ms: Option<u64>) -> Outcome {
        let content = content_words(text);
        let mut signals: Vec<(f32, Trigger, String)> = Vec::new();

        if analysis.frustration > 0.0 {
            let why: Vec<&str> = analysis
                .reasons
                .iter()
                .filter_map(|r| r.strip_prefix("frustration: "))
                .take(2)
                .collect();
            signals.push((
                analysis.frustration,
                Trigger::Frustration,
                format!(
                    "frustration {} ({})",
                    fixed(analysis.frustration, 2, false),
                    why.join(", ")
                ),
            ));
        }
        let after_answer = self.history.last().is_some_and(|s| s.answered_after);
        if analysis.confusion > 0.0 && after_answer {
            signals.push((
                analysis.confusion * 0.6,
                Trigger::Confusion,
                format!(
                    "confused by the last answer ({})",
                    fixed(analysis.confusion, 2, false)
                ),
            ));
        }
        if self.failures_in_row > 0 {
            let weight = match self.failures_in_row {
                1 => 0.25,
                n if n >= self.thresholds.failures_for_offer => {
                    self.thresholds.offer_score.max(0.6)
                        + 0.1 * (n - self.thresholds.failures_for_offer) as f32
                }
                _ => 0.45,
            };
            signals.push((
                weight.min(0.95),
                Trigger::BotFailures,
                format!(
                    "the bot could not answer {} time(s) in a row",
                    self.failures_in_row
                ),
            ));
        }
        if self.bot_repeated {
            signals.push((
                0.2,
                Trigger::BotFailures,
                "the bot repeated its last answer".into(),
            ));
        }
        if let Some(similarity) = self.repeats(&content) {
            signals.push((
                0.45 + 0.3 * similarity,
                Trigger::Frustration,
                format!(
                    "repeated an earlier question ({}% the same words)",
                    fixed(similarity * 100.0, 0, false)
                ),
            ));
        }
        if let Some(drop) = self.sinking(analysis.sentiment.compound) {
            signals.push((
                0.35,
                Trigger::Frustration,
                format!(
                    "mood getting worse (down {} over three messages)",
                    fixed(drop, 2, false)
                ),
            ));
        }
        let recent: Vec<f32> = self
            .history
            .iter()
            .rev()
            .take(2)
            .map(|s| s.frustration)
            .chain([analysis.frustration])
            .collect();
        let building = recent.iter().sum::<f32>() / recent.len() as f32;
        if recent.len() >= 3 && building >= 0.35 {
            signals.push((
                0.3,
                Trigger::Frustration,
                format!(
                    "frustration building up (average {})",
                    fixed(building, 2, false)
                ),
            ));
        }
        if self.burst(at_ms) {
            signals.push((
                0.3,
                Trigger::Frustration,
                "several messages in quick succession with no reply".into(),
            ));
        }

        let score = combine(signals.iter().map(|(w, ..)| *w));
        crate::detect::strongest_first(&mut signals, |s| s.0);
        let strongest = signals.first().map(|(_, trigger, _)| *trigger);
        let reasons: Vec<String> = signals.into_iter().map(|(.., r)| r).collect();
        self.history.push(Seen {
            content,
            compound: analysis.sentiment.compound,
            frustration: analysis.frustration,
            at_ms,
            answered_after: false,
        });
        let turn = self.history.len();

        if analysis.human_request {
            let mut why: Vec<String> = analysis
                .reasons
                .iter()
                .filter(|r| r.starts_with("asked for a human"))
                .cloned()
                .collect();
            why.extend(reasons);
            self.last_offer_turn = Some(turn);
            return Outcome {
                decision: Decision::Handoff(why.clone()),
                score: 1.0,
                signals: why,
                trigger: Some(Trigger::ExplicitRequest),
            };
        }
        let cooling = self
            .last_offer_turn
            .is_some_and(|t| turn - t < self.thresholds.cooldown_turns as usize);
        let decision = if score >= self.thresholds.offer_score && !cooling {
            self.last_offer_turn = Some(turn);
            Decision::Offer(reasons.clone())
        } else {
            Decision::None
        };
        Outcome {
            decision,
            score,
            signals: reasons,
            trigger: strongest,
        }
    }

    /// The highest word overlap with one of the last five visitor messages, if it reaches
    /// the threshold.
    fn repeats(&self, content: &[String]) -> Option<f32> {
        if content.len() < 2 {
            return None;
        }
        self.history
            .iter()
            .rev()
            .take(5)
            .map(|seen| jaccard(content, &seen.content))
            .fold(None, |best: Option<f32>, s| {
                Some(best.map_or(s, |b| b.max(s)))
            })
            .filter(|s| *s >= self.thresholds.repeat_similarity)
    }

    /// How far the mood fell over the last three messages, if it fell each time and ended
    /// clearly negative.
    fn sinking(&self, compound: f32) -> Option<f32> {
        let n = self.history.len();
        if n < 2 {
            return None;
        }
        let (a, b) = (self.history[n - 2].compound, self.history[n - 1].compound);
        (a > b && b > compound && compound <= -0.3).then_some(a - compound)
    }

    /// Whether this message ends a burst: enough visitor messages inside the window, none
    /// of them answered.
    fn burst(&self, at_ms: Option<u64>) -> bool {
        let (Some(now), needed) = (at_ms, self.thresholds.burst_messages as usize) else {
            return false;
        };
        if needed < 2 || self.history.len() + 1 < needed {
            return false;
        }
        let earlier = &self.history[self.history.len() + 1 - needed..];
        earlier.iter().all(|s| {
            !s.answered_after
                && s.at_ms
                    .is_some_and(|t| now.saturating_sub(t) <= self.thresholds.burst_window_ms)
        })
    }
}

impl Default for Policy {
    fn default() -> Self {
        Policy::new(Thresholds::default())
    }
}

/// 1 − Π(1 − wᵢ), rounded to three decimals.
fn combine(weights: impl Iterator<Item = f32>) -> f32 {
    let none = weights.fold(1.0f32, |rest, w| rest * (1.0 - w.clamp(0.0, 1.0)));
    ((1.0 - none) * 1000.0).round() / 1000.0
}

/// Folded words that carry meaning, for comparing questions.
fn content_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Words::new(text)
        .plain()
        .filter(|w| w.chars().count() > 1 && !STOPWORDS.contains(w))
        .map(str::to_owned)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

fn jaccard(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    shared as f32 / (a.len() + b.len() - shared) as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::shared;

    fn say(policy: &mut Policy, text: &str) -> Outcome {
        policy.visitor(text, &shared().analyze(text), None)
    }

    #[test]
    fn explicit_request_hands_off_at_once() {
        let mut p = Policy::default();
        let out = say(&mut p, "let me talk to a real person");
        assert_eq!(out.decision.as_str(), "handoff");
        assert_eq!(out.score, 1.0);
        assert!(out.decision.reasons()[0].starts_with("asked for a human"));
        assert_eq!(out.trigger.map(Trigger::as_str), Some("explicit_request"));
    }

    #[test]
    fn two_failures_in_a_row_lead_to_an_offer() {
        let mut p = Policy::default();
        assert_eq!(
            say(&mut p, "can I pay with crypto?").decision,
            Decision::None
        );
        p.bot_replied("Sorry, I don't know.", false);
        assert_eq!(
            say(&mut p, "what about bitcoin payments").decision,
            Decision::None
        );
        p.bot_replied("I'm not sure what you mean.", false);
        let out = say(&mut p, "do you accept ethereum");
        assert_eq!(out.decision.as_str(), "offer", "{out:?}");
        assert!(
            out.decision
                .reasons()
                .iter()
                .any(|r| r.contains("2 time(s) in a row"))
        );
    }

    #[test]
    fn repeating_a_question_after_an_answer_raises_the_score() {
        let mut p = Policy::default();
        say(&mut p, "how do I change the delivery address on my order");
        p.bot_replied("From the Orders page, before it ships.", true);
        let out = say(&mut p, "how do I change the delivery address on my order??");
        assert!(out.score >= 0.6, "{out:?}");
        assert!(
            out.decision
                .reasons()
                .iter()
                .any(|r| r.starts_with("repeated"))
        );
    }

    #[test]
    fn a_declined_offer_is_not_repeated_at_once() {
        let mut p = Policy::default();
        let angry = "this is useless, worst service ever, I'm fed up!!!";
        assert_eq!(say(&mut p, angry).decision.as_str(), "offer");
        p.declined();
        for _ in 0..3 {
            assert_eq!(say(&mut p, angry).decision, Decision::None);
        }
        assert_eq!(
            say(&mut p, angry).decision.as_str(),
            "offer",
            "after the cool-down"
        );
    }

    #[test]
    fn calm_conversation_stays_calm() {
        let mut p = Policy::default();
        for text in [
            "hi",
            "where is my order 48213?",
            "ok thanks",
            "and when will it arrive?",
            "great, thank you!",
        ] {
            let out = say(&mut p, text);
            assert_eq!(out.decision, Decision::None, "{text}: {out:?}");
            p.bot_replied(&format!("answer to {text}"), true);
        }
    }

    #[test]
    fn a_bot_going_round_in_circles_counts_as_failing() {
        let mut p = Policy::default();
        let same = "You can track your order from the Orders page.";
        say(&mut p, "my order hasn't arrived");
        p.bot_replied(same, true);
        say(&mut p, "the tracking has not moved in ten days");
        p.bot_replied(same, true);
        let out = say(&mut p, "and now?");
        assert!(
            out.signals
                .iter()
                .any(|s| s.contains("repeated its last answer")),
            "{out:?}"
        );
        assert!(
            out.signals.iter().any(|s| s.contains("1 time(s)")),
            "{out:?}"
        );
    }

    #[test]
    fn bursts_need_timestamps_inside_the_window() {
        let mut p = Policy::default();
        let a = shared().analyze("hello?");
        p.visitor("hello?", &a, Some(0));
        p.visitor("anyone?", &a, Some(5_000));
        let out = p.visitor("hello??", &a, Some(9_000));
        assert!(
            out.signals.iter().any(|r| r.contains("quick succession")),
            "{out:?}"
        );
        let mut slow = Policy::default();
        slow.visitor("hello?", &a, Some(0));
        slow.visitor("anyone?", &a, Some(50_000));
        let out = slow.visitor("hello??", &a, Some(100_000));
        assert!(!out.signals.iter().any(|r| r.contains("quick succession")));
    }

    #[test]
    fn thresholds_deserialize_with_defaults() {
        let t: Thresholds = serde_json::from_str(r#"{"offer_score":0.7}"#).unwrap();
        assert_eq!(t.offer_score, 0.7);
        assert_eq!(t.failures_for_offer, 2);
        assert!(serde_json::from_str::<Thresholds>(r#"{"offer":1}"#).is_err());
    }
}
