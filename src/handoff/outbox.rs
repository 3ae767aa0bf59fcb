//! The outbox: every handoff's deliveries, kept in local storage until each is done, so a
//! reload, a navigation or a dead network loses nothing.
//!
//! Pure state; the shell stores it and sends. Several tabs share one outbox, so changes are
//! made to a fresh copy read under a lock, and two copies merge by taking, for each delivery,
//! the one further along. A delivery being sent carries a lease: another tab (or this one
//! after a reload) only picks it up once the lease has run out, which is longer than the
//! request timeout. The same request, with the same idempotency key, is sent on every
//! attempt, so an endpoint that honours the key gets it exactly once.

use super::HttpRequest;
use super::delivery::{TIMEOUT_MS, Verdict};
use crate::config::DestinationKind;
use serde::{Deserialize, Serialize};

/// How long a delivery is reserved by the tab sending it.
pub const LEASE_MS: u64 = TIMEOUT_MS + 5_000;
/// Finished handoffs kept for the status display; older ones are dropped.
pub const KEEP_FINISHED: usize = 10;

/// Where one delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Waiting to be sent or retried.
    Queued,
    /// Sent; the endpoint's answer cannot be read.
    Sent,
    /// The endpoint confirmed it.
    Delivered,
    /// Given up: refused, or too old.
    Failed,
    /// The visitor cancelled it before it went out.
    Cancelled,
}

impl State {
    /// The name used in `handover:handoff` events.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Queued => "queued",
            State::Sent => "sent",
            State::Delivered => "delivered",
            State::Failed => "failed",
            State::Cancelled => "cancelled",
        }
    }

    /// Whether nothing more will happen to it (unless the visitor retries a failure).
    pub fn is_final(self) -> bool {
        self != State::Queued
    }
}

/// One destination's delivery of a handoff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    /// The destination's kind.
    pub kind: DestinationKind,
    /// The request, rendered once: every attempt sends exactly this.
    pub request: HttpRequest,
    /// Where it stands.
    pub state: State,
    /// Attempts started so far.
    pub attempts: u32,
    /// Not to be tried before this time (ms).
    pub next_at_ms: u64,
    /// Reserved by a sending tab until this time (ms).
    pub lease_until_ms: u64,
    /// When it was (re)queued, for giving up after the configured age.
    pub queued_at_ms: u64,
    /// What went wrong last, for the status line.
    pub last_error: Option<String>,
    /// Counts the changes made to this delivery. Every change is made to a fresh copy read
    /// from storage, so of two tabs' copies the one with more changes is the newer.
    #[serde(default)]
    pub revision: u32,
}

/// One handoff in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The handoff's id (its idempotency key).
    pub id: String,
    /// When it was made (ms).
    pub created_at_ms: u64,
    /// The `mailto:` fallback, prefilled with the summary.
    pub mailto: String,
    /// One delivery per destination.
    pub deliveries: Vec<Delivery>,
}

impl Entry {
    /// A new entry with every delivery queued for now.
    pub fn new(
        id: String,
        now_ms: u64,
        mailto: String,
        requests: Vec<(DestinationKind, HttpRequest)>,
    ) -> Entry {
        Entry {
            id,
            created_at_ms: now_ms,
            mailto,
            deliveries: requests
                .into_iter()
                .map(|(kind, request)| Delivery {
                    kind,
                    request,
                    state: State::Queued,
                    attempts: 0,
                    next_at_ms: now_ms,
                    lease_until_ms: 0,
                    queued_at_ms: now_ms,
                    last_error: None,
                    revision: 0,
                })
                .collect(),
        }
    }

    /// The state shown to the visitor: delivered if any destination confirmed it, sent if
    /// any took it, queued while any is still trying, then failed or cancelled.
    pub fn state(&self) -> State {
        if self.deliveries.is_empty() {
            // Nowhere to send it: only the visitor's own email can carry it.
            return State::Failed;
        }
        let has = |s: State| self.deliveries.iter().any(|d| d.state == s);
        if has(State::Delivered) {
            State::Delivered
        } else if has(State::Sent) {
            State::Sent
        } else if has(State::Queued) {
            State::Queued
        } else if has(State::Failed) {
            State::Failed
        } else {
            State::Cancelled
        }
    }

    /// Whether every delivery is final.
    pub fn is_finished(&self) -> bool {
        self.deliveries.iter().all(|d| d.state.is_final())
    }
}

/// Every handoff not yet forgotten, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Outbox {
    /// The entries.
    pub entries: Vec<Entry>,
}

/// Names one delivery: the entry's id and the delivery's position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// The handoff's id.
    pub id: String,
    /// The delivery's index in the entry.
    pub index: usize,
}

/// Which of two copies of a delivery is newer: more changes, and of equally many, a final
/// one (two tabs without Web Locks can both record an attempt).
fn newer(d: &Delivery) -> (u32, bool) {
    (d.revision, d.state.is_final())
}

impl Outbox {
    /// Reads a stored outbox; anything unreadable is an empty one.
    pub fn decode(raw: Option<&str>) -> Outbox {
        raw.and_then(|raw| serde_json::from_str(raw).ok())
            .unwrap_or_default()
    }

    /// The stored form.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    fn delivery_mut(&mut self, slot: &Slot) -> Option<&mut Delivery> {
        self.entries
            .iter_mut()
            .find(|e| e.id == slot.id)
            .and_then(|e| e.deliveries.get_mut(slot.index))
    }

    /// Adds a handoff, forgetting the oldest finished ones beyond [`KEEP_FINISHED`].
    pub fn add(&mut self, entry: Entry) {
        if self.get(&entry.id).is_none() {
            self.entries.push(entry);
        }
        let finished = self.entries.iter().filter(|e| e.is_finished()).count();
        let mut excess = finished.saturating_sub(KEEP_FINISHED);
        self.entries.retain(|e| {
            let drop = excess > 0 && e.is_finished();
            excess -= usize::from(drop);
            !drop
        });
    }

    /// Deliveries that may be attempted now: queued, due, and not leased by a tab.
    pub fn due(&self, now_ms: u64) -> Vec<Slot> {
        let mut due = Vec::new();
        for entry in &self.entries {
            for (index, d) in entry.deliveries.iter().enumerate() {
                if d.state == State::Queued && d.next_at_ms <= now_ms && d.lease_until_ms <= now_ms
                {
                    due.push(Slot {
                        id: entry.id.clone(),
                        index,
                    });
                }
            }
        }
        due
    }

    /// When the next queued delivery becomes due (ms), if any is waiting.
    pub fn next_wake(&self) -> Option<u64> {
        self.entries
            .iter()
            .flat_map(|e| &e.deliveries)
            .filter(|d| d.state == State::Queued)
            .map(|d| d.next_at_ms.max(d.lease_until_ms))
            .min()
    }

    /// Reserves a due delivery for an attempt and counts it. Returns the request to send,
    /// or `None` if it is no longer due (another tab took it, or it was cancelled).
    pub fn lease(&mut self, slot: &Slot, now_ms: u64) -> Option<(HttpRequest, u32)> {
        let d = self.delivery_mut(slot)?;
        if d.state != State::Queued || d.next_at_ms > now_ms || d.lease_until_ms > now_ms {
            return None;
        }
        d.attempts += 1;
        d.lease_until_ms = now_ms + LEASE_MS;
        d.revision += 1;
        Some((d.request.clone(), d.attempts))
    }

    /// Records how an attempt went. A retry that would come after `max_age_ms` from when it
    /// was queued gives up instead. Returns the delivery's new state.
    pub fn record(
        &mut self,
        slot: &Slot,
        verdict: Verdict,
        now_ms: u64,
        max_age_ms: u64,
    ) -> Option<State> {
        let d = self.delivery_mut(slot)?;
        if d.state.is_final() {
            // Cancelled meanwhile, or finished by another tab: keep what is there.
            return Some(d.state);
        }
        d.lease_until_ms = 0;
        d.revision += 1;
        match verdict {
            Verdict::Delivered => {
                d.state = State::Delivered;
                d.last_error = None;
            }
            Verdict::Sent => {
                d.state = State::Sent;
                d.last_error = None;
            }
            Verdict::Failed { why } => {
                d.state = State::Failed;
                d.last_error = Some(why);
            }
            Verdict::Retry { delay_ms, why } => {
                if now_ms + delay_ms > d.queued_at_ms + max_age_ms {
                    d.state = State::Failed;
                    d.last_error = Some(format!("gave up: {why}"));
                } else {
                    d.next_at_ms = now_ms + delay_ms;
                    d.last_error = Some(why);
                }
            }
        }
        Some(d.state)
    }

    /// Gives up on queued deliveries older than `max_age_ms` (a tab that was closed for a
    /// day comes back to this). Returns the ids of the entries that changed.
    pub fn expire(&mut self, now_ms: u64, max_age_ms: u64) -> Vec<String> {
        let mut changed = Vec::new();
        for entry in &mut self.entries {
            for d in &mut entry.deliveries {
                if d.state == State::Queued && now_ms > d.queued_at_ms + max_age_ms {
                    d.state = State::Failed;
                    d.revision += 1;
                    d.last_error = Some("gave up: it could not be delivered in time".to_owned());
                    if !changed.contains(&entry.id) {
                        changed.push(entry.id.clone());
                    }
                }
            }
        }
        changed
    }

    /// Cancels a handoff's deliveries that have not gone out yet. Nothing is cancelled once
    /// any destination has it. Returns whether anything was cancelled.
    pub fn cancel(&mut self, id: &str) -> bool {
        let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) else {
            return false;
        };
        if matches!(entry.state(), State::Delivered | State::Sent) {
            return false;
        }
        let mut cancelled = false;
        for d in &mut entry.deliveries {
            if d.state == State::Queued {
                d.state = State::Cancelled;
                d.revision += 1;
                cancelled = true;
            }
        }
        cancelled
    }

    /// Queues a handoff's failed deliveries again (the visitor's "retry"), with a fresh age.
    /// Returns whether anything was queued.
    pub fn retry(&mut self, id: &str, now_ms: u64) -> bool {
        let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) else {
            return false;
        };
        let mut queued = false;
        for d in &mut entry.deliveries {
            if d.state == State::Failed {
                d.state = State::Queued;
                d.next_at_ms = now_ms;
                d.queued_at_ms = now_ms;
                d.lease_until_ms = 0;
                d.revision += 1;
                queued = true;
            }
        }
        queued
    }

    /// Takes in another tab's copy: entries are united, and of two copies of a delivery the
    /// one further along wins. Returns whether this copy changed.
    pub fn merge(&mut self, other: &Outbox) -> bool {
        let before = self.clone();
        for theirs in &other.entries {
            match self.entries.iter_mut().find(|e| e.id == theirs.id) {
                None => self.entries.push(theirs.clone()),
                Some(ours) => {
                    for (mine, their) in ours.deliveries.iter_mut().zip(&theirs.deliveries) {
                        if newer(their) > newer(mine) {
                            *mine = their.clone();
                        }
                    }
                }
            }
        }
        self.entries.sort_by_key(|e| e.created_at_ms);
        *self != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: u64 = 24 * 60 * 60 * 1000;

    fn request() -> HttpRequest {
        HttpRequest {
            url: "https://example.com/hook".into(),
            headers: vec![("Idempotency-Key".into(), "h1".into())],
            body: "{}".into(),
            readable: true,
        }
    }

    fn outbox() -> Outbox {
        let mut outbox = Outbox::default();
        outbox.add(Entry::new(
            "h1".into(),
            1_000,
            "mailto:?subject=x".into(),
            vec![
                (DestinationKind::Webhook, request()),
                (DestinationKind::Slack, request()),
            ],
        ));
        outbox
    }

    fn slot(index: usize) -> Slot {
        Slot {
            id: "h1".into(),
            index,
        }
    }

    fn retry(delay_ms: u64) -> Verdict {
        Verdict::Retry {
            delay_ms,
            why: "the endpoint answered 503".into(),
        }
    }

    #[test]
    fn a_delivery_goes_through_retries_to_delivered() {
        let mut o = outbox();
        assert_eq!(o.due(1_000).len(), 2);
        let (sent, attempt) = o.lease(&slot(0), 1_000).unwrap();
        assert_eq!(sent, request());
        assert_eq!(attempt, 1);
        // Leased: not due again, for this tab or another, until the lease runs out.
        assert_eq!(o.due(1_000), vec![slot(1)]);
        assert!(o.lease(&slot(0), 1_000).is_none());
        assert_eq!(
            o.record(&slot(0), retry(2_000), 1_500, DAY),
            Some(State::Queued)
        );
        assert!(o.due(3_000).iter().all(|s| s.index != 0));
        assert!(o.due(3_500).contains(&slot(0)));
        assert_eq!(o.next_wake(), Some(1_000));
        o.lease(&slot(0), 3_500).unwrap();
        assert_eq!(
            o.record(&slot(0), Verdict::Delivered, 3_600, DAY),
            Some(State::Delivered)
        );
        assert_eq!(o.get("h1").unwrap().state(), State::Delivered);
        assert_eq!(o.get("h1").unwrap().deliveries[0].attempts, 2);
    }

    #[test]
    fn a_lease_left_by_a_closed_tab_runs_out() {
        let mut o = outbox();
        o.lease(&slot(0), 1_000).unwrap();
        assert!(!o.due(1_000 + LEASE_MS - 1).contains(&slot(0)));
        assert!(o.due(1_000 + LEASE_MS).contains(&slot(0)));
        let (_, attempt) = o.lease(&slot(0), 1_000 + LEASE_MS).unwrap();
        assert_eq!(attempt, 2);
    }

    #[test]
    fn giving_up_and_retrying() {
        let mut o = outbox();
        o.lease(&slot(0), 1_000).unwrap();
        // A retry that would land after the age limit gives up instead.
        assert_eq!(
            o.record(&slot(0), retry(60_000), 2_000, 30_000),
            Some(State::Failed)
        );
        let failed = &o.get("h1").unwrap().deliveries[0];
        assert_eq!(
            failed.last_error.as_deref(),
            Some("gave up: the endpoint answered 503")
        );
        assert_eq!(o.expire(1_000 + DAY + 1, DAY), vec!["h1".to_owned()]);
        assert_eq!(o.get("h1").unwrap().state(), State::Failed);
        assert!(o.retry("h1", 5 * DAY));
        assert_eq!(o.due(5 * DAY).len(), 2);
        assert_eq!(o.expire(5 * DAY + 1, DAY), Vec::<String>::new());
    }

    #[test]
    fn refused_fails_at_once_and_cancel_only_before_sending() {
        let mut o = outbox();
        o.lease(&slot(0), 1_000).unwrap();
        let refused = Verdict::Failed {
            why: "the endpoint refused it (400)".into(),
        };
        assert_eq!(o.record(&slot(0), refused, 1_100, DAY), Some(State::Failed));
        assert!(o.cancel("h1"));
        assert_eq!(o.get("h1").unwrap().deliveries[1].state, State::Cancelled);
        // A cancelled delivery's late answer does not revive it.
        assert_eq!(
            o.record(&slot(1), Verdict::Delivered, 1_200, DAY),
            Some(State::Cancelled)
        );

        let mut sent = outbox();
        sent.lease(&slot(1), 1_000).unwrap();
        sent.record(&slot(1), Verdict::Sent, 1_100, DAY);
        assert!(!sent.cancel("h1"), "one destination has it already");
        assert!(!sent.cancel("nope"));
    }

    #[test]
    fn two_tabs_merge_to_the_furthest_copy() {
        let base = outbox();
        let mut tab_a = base.clone();
        let mut tab_b = base.clone();
        tab_a.lease(&slot(0), 1_000).unwrap();
        tab_a.record(&slot(0), Verdict::Delivered, 1_100, DAY);
        tab_b.add(Entry::new("h2".into(), 2_000, String::new(), vec![]));
        let mut merged_b = tab_b.clone();
        assert!(merged_b.merge(&tab_a));
        assert_eq!(
            merged_b.get("h1").unwrap().deliveries[0].state,
            State::Delivered
        );
        assert!(merged_b.get("h2").is_some());
        // The stale copy does not undo it.
        let mut merged_a = tab_a.clone();
        merged_a.merge(&base);
        assert_eq!(
            merged_a.get("h1").unwrap().deliveries[0].state,
            State::Delivered
        );
        assert!(!merged_b.clone().merge(&merged_b));

        // The copy stored while the attempt was under way (leased) must not undo its result.
        let mut leased = outbox();
        leased.lease(&slot(0), 1_000).unwrap();
        let mut recorded = leased.clone();
        recorded.record(&slot(0), retry(1_000), 1_200, DAY);
        assert!(!recorded.merge(&leased));
        assert_eq!(recorded.get("h1").unwrap().deliveries[0].next_at_ms, 2_200);
        assert!(leased.merge(&recorded));
        assert_eq!(leased.get("h1").unwrap().deliveries[0].lease_until_ms, 0);
        // A visitor's retry after a failure wins over the failed copy.
        let mut failed = recorded.clone();
        failed.expire(10 * DAY, DAY);
        let mut retried = failed.clone();
        retried.retry("h1", 11 * DAY);
        assert!(failed.merge(&retried));
        assert_eq!(failed.get("h1").unwrap().deliveries[0].state, State::Queued);
    }

    #[test]
    fn storage_round_trip_and_garbage() {
        let o = outbox();
        assert_eq!(Outbox::decode(Some(&o.encode())), o);
        assert_eq!(Outbox::decode(Some("{not json")), Outbox::default());
        assert_eq!(Outbox::decode(None), Outbox::default());
    }

    #[test]
    fn finished_entries_are_forgotten_beyond_the_limit() {
        let mut o = Outbox::default();
        for i in 0..(KEEP_FINISHED as u64 + 5) {
            o.add(Entry::new(format!("x{i}"), i, String::new(), vec![]));
        }
        assert_eq!(o.entries.len(), KEEP_FINISHED);
        assert_eq!(o.entries[0].id, "x5");
    }
}
