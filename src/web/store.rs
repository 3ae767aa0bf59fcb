//! Keeps the [`Snapshot`] in `localStorage` (or `sessionStorage`), falls back to memory when
//! storage is missing or full, and merges what other tabs write.

use super::js;
use crate::config::StorageMode;
use crate::handoff::outbox::Outbox;
use crate::storage::{self, Snapshot, Stored};
use web_sys::Storage;

/// Key of the conversation snapshot.
pub const STATE_KEY: &str = "handover.state";
/// Key of the handoff outbox, shared by the site's tabs.
pub const OUTBOX_KEY: &str = "handover.outbox";
/// Key under which an unreadable snapshot is set aside (kept for debugging, not lost).
const CORRUPT_KEY: &str = "handover.state.unreadable";
/// Per-tab key remembering whether the panel was open, so it stays open across navigation.
const OPEN_KEY: &str = "handover.open";

/// Where snapshots go. `backend: None` means memory only.
pub struct Store {
    backend: Option<Storage>,
    /// Per-tab storage for UI state; `None` in memory mode or when unavailable.
    session: Option<Storage>,
}

impl Store {
    /// Opens the configured storage. Storage that is blocked (privacy settings), missing, or
    /// refuses a write (Safari's old private mode) silently means memory only: the visitor can
    /// still chat, and nothing alarming is printed.
    pub fn open(mode: StorageMode) -> Store {
        let window = js::window();
        let local = || window.as_ref()?.local_storage().ok().flatten();
        let session = || window.as_ref()?.session_storage().ok().flatten();
        let backend = match mode {
            StorageMode::Local => local(),
            StorageMode::Session => session(),
            StorageMode::Memory => None,
        }
        .filter(writable);
        let session = match mode {
            StorageMode::Memory => None,
            _ => session().filter(writable),
        };
        if backend.is_none() && mode != StorageMode::Memory {
            js::debug(
                "Handover: browser storage is unavailable; the conversation is kept in memory",
            );
        }
        Store { backend, session }
    }

    /// The stored snapshot, or a fresh one.
    pub fn load(&mut self) -> Snapshot {
        let Some(backend) = &self.backend else {
            return Snapshot::default();
        };
        let raw = backend.get_item(STATE_KEY).ok().flatten();
        match storage::decode(raw.as_deref()) {
            Stored::Empty => Snapshot::default(),
            Stored::Restored(snapshot) => snapshot,
            Stored::Newer { version } => {
                js::debug(&format!(
                    "Handover: stored state has version {version}, newer than this widget; \
                     this page keeps its conversation in memory"
                ));
                self.backend = None;
                Snapshot::default()
            }
            Stored::Corrupt { reason } => {
                js::debug(&format!(
                    "Handover: stored state was unreadable ({reason}); it was moved to {CORRUPT_KEY}"
                ));
                if let Some(raw) = raw {
                    let _ = backend.set_item(CORRUPT_KEY, &raw);
                }
                let _ = backend.remove_item(STATE_KEY);
                Snapshot::default()
            }
        }
    }

    /// Writes the snapshot after taking in whatever another tab wrote since, so two tabs
    /// writing at once never drop each other's messages. Returns whether `snapshot` changed.
    pub fn save(&mut self, snapshot: &mut Snapshot) -> bool {
        let Some(backend) = &self.backend else {
            return false;
        };
        let raw = backend.get_item(STATE_KEY).ok().flatten();
        let changed = match storage::decode(raw.as_deref()) {
            Stored::Restored(theirs) => snapshot.merge(&theirs),
            _ => false,
        };
        if backend
            .set_item(STATE_KEY, &storage::encode(snapshot))
            .is_err()
        {
            js::debug("Handover: browser storage is full; the conversation is kept in memory");
            self.backend = None;
        }
        changed
    }

    /// Reads a snapshot another tab wrote (from a `storage` event's new value).
    pub fn decode_foreign(&self, key: Option<String>, value: Option<String>) -> Option<Snapshot> {
        if self.backend.is_none() || key.as_deref() != Some(STATE_KEY) {
            return None;
        }
        match storage::decode(value.as_deref()) {
            Stored::Restored(snapshot) => Some(snapshot),
            _ => None,
        }
    }

    /// The stored outbox, merged into `outbox`. Returns whether `outbox` changed.
    pub fn load_outbox(&self, outbox: &mut Outbox) -> bool {
        let Some(backend) = &self.backend else {
            return false;
        };
        let raw = backend.get_item(OUTBOX_KEY).ok().flatten();
        outbox.merge(&Outbox::decode(raw.as_deref()))
    }

    /// Writes the outbox after taking in what another tab wrote since. Returns whether
    /// `outbox` changed by the merge.
    pub fn save_outbox(&mut self, outbox: &mut Outbox) -> bool {
        let changed = self.load_outbox(outbox);
        if let Some(backend) = &self.backend
            && backend.set_item(OUTBOX_KEY, &outbox.encode()).is_err()
        {
            js::debug("Handover: browser storage is full; handoffs are kept in memory");
            self.backend = None;
        }
        changed
    }

    /// Reads an outbox another tab wrote (from a `storage` event).
    pub fn decode_foreign_outbox(&self, key: Option<&str>, value: Option<&str>) -> Option<Outbox> {
        (self.backend.is_some() && key == Some(OUTBOX_KEY)).then(|| Outbox::decode(value))
    }

    /// Whether the panel was open in this tab before the last navigation.
    pub fn was_open(&self) -> Option<bool> {
        let raw = self.session.as_ref()?.get_item(OPEN_KEY).ok().flatten()?;
        Some(raw == "1")
    }

    /// Remembers, for this tab only, whether the panel is open.
    pub fn remember_open(&self, open: bool) {
        if let Some(session) = &self.session {
            let _ = session.set_item(OPEN_KEY, if open { "1" } else { "0" });
        }
    }
}

/// Whether a storage area accepts a write (it can exist and still refuse every write).
fn writable(storage: &Storage) -> bool {
    const PROBE: &str = "handover.probe";
    let ok = storage.set_item(PROBE, "1").is_ok();
    let _ = storage.remove_item(PROBE);
    ok
}
