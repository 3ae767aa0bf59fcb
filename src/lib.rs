//! Handover: an embeddable chat widget whose core job is handing a struggling visitor over to a
//! human, with the whole context.
//!
//! The crate is a pure core (config, i18n, conversation, storage format, visitor) that builds
//! and is tested on the host, plus a browser shell (`ui`, `api`, `web`) compiled only for
//! `wasm32`. The shell is the only place that touches Leptos or web-sys.
#![deny(missing_docs)]

pub mod bot;
pub mod config;
pub mod conversation;
pub mod detect;
pub mod escalate;
pub mod handoff;
pub mod hours;
pub mod i18n;
pub mod json_guard;
pub mod redact;
pub mod replay;
pub mod storage;
pub mod summary;
pub mod time;
pub mod visitor;

#[cfg(target_arch = "wasm32")]
mod api;
#[cfg(target_arch = "wasm32")]
mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
