//! Replaying a written conversation through the widget's own policy and handoff code: what
//! the scoring CLI prints (DESIGN.md, "Scoring CLI"), available to tests in the wasm build
//! too, so the CLI and the widget are checked against the same expected output and never
//! drift apart.

use crate::conversation::{Message, Role};
use crate::detect::Detector;
use crate::escalate::{Decision, Outcome, Policy, Thresholds};
use crate::handoff::{self, Page, TriggerKind};
use crate::redact::Redactor;
use crate::visitor::Visitor;
use serde_json::{Value, json};

/// One conversation being replayed.
#[derive(Debug)]
pub struct Replay<'d> {
    detector: &'d Detector,
    policy: Policy,
    messages: Vec<Message>,
    /// What set off the latest offer or handoff.
    trigger: Option<(TriggerKind, Vec<String>)>,
}

impl<'d> Replay<'d> {
    /// A fresh conversation under `thresholds`.
    pub fn new(detector: &'d Detector, thresholds: Thresholds) -> Replay<'d> {
        Replay {
            detector,
            policy: Policy::new(thresholds),
            messages: Vec::new(),
            trigger: None,
        }
    }

    /// A visitor message: the policy's outcome for it.
    pub fn visitor(&mut self, text: &str) -> Outcome {
        self.record(Role::Visitor, text);
        let analysis = self.detector.analyze(text);
        let outcome = self.policy.visitor(text, &analysis, None);
        if let (Decision::Offer(reasons) | Decision::Handoff(reasons), Some(trigger)) =
            (&outcome.decision, outcome.trigger)
        {
            self.trigger = Some((trigger.into(), reasons.clone()));
        }
        outcome
    }

    /// A bot message. `answered: None` reads it: "Sorry, I don't know" is a failure.
    pub fn bot(&mut self, text: &str, answered: Option<bool>) {
        self.record(Role::Bot, text);
        let answered = answered.unwrap_or_else(|| !self.detector.is_bot_fallback(text));
        self.policy.bot_replied(text, answered);
    }

    /// An agent's or a system message: in the transcript, unseen by the policy.
    pub fn other(&mut self, role: Role, text: &str) {
        self.record(role, text);
    }

    fn record(&mut self, role: Role, text: &str) {
        let n = self.messages.len();
        self.messages.push(Message {
            id: format!("m{n}"),
            role,
            text: text.to_owned(),
            at: 1_000 * n as u64,
        });
    }

    /// What the agent would receive if the visitor asked for a person now (accepting the
    /// latest offer, or pressing the button when nothing was offered): the `--summary` line.
    pub fn summary_line(&self, conversation: usize, products: &[String]) -> Value {
        let (kind, reasons) = self
            .trigger
            .clone()
            .unwrap_or((TriggerKind::Button, vec![handoff::BUTTON_REASON.to_owned()]));
        let payload = handoff::build(
            handoff::Request {
                id: format!("conversation-{conversation}"),
                now_ms: self.messages.last().map_or(0, |m| m.at),
                messages: &self.messages,
                kind,
                reasons,
                visitor: Visitor::default(),
                page: Page::default(),
                context: Default::default(),
                products,
            },
            self.detector,
            &Redactor::default(),
        );
        json!({
            "conversation": conversation,
            "summary": payload.summary,
            "priority": payload.priority,
            "trigger": payload.trigger,
            "redactions": payload.redactions,
        })
    }
}

/// The `--summary` line of every conversation in `jsonl` (the CLI's input format: one
/// `{"role", "text", "answered"?}` per line, a blank line between conversations), with the
/// default thresholds. Lines that cannot be read are skipped, as the CLI skips them.
pub fn summary_lines(detector: &Detector, jsonl: &str, products: &[String]) -> Vec<Value> {
    let mut lines = Vec::new();
    let mut replay = Replay::new(detector, Thresholds::default());
    let mut started = false;
    for line in jsonl.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if started {
                lines.push(replay.summary_line(lines.len(), products));
                replay = Replay::new(detector, Thresholds::default());
                started = false;
            }
            continue;
        }
        let Ok(turn) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        started = true;
        let text = turn["text"].as_str().unwrap_or_default();
        match turn["role"].as_str() {
            Some("visitor") => {
                replay.visitor(text);
            }
            Some("bot") => replay.bot(text, turn["answered"].as_bool()),
            Some("agent") => replay.other(Role::Agent, text),
            Some("system") => replay.other(Role::System, text),
            _ => {}
        }
    }
    lines
}
