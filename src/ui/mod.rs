//! The widget's components, one per file. Each reads the [`Widget`](crate::web::widget::Widget)
//! from context; none touches storage or the network itself.

mod app;
mod composer;
mod handoff_form;
mod handoff_status;
mod header;
mod human_button;
mod icons;
mod launcher;
mod message;
mod message_log;
mod offer;
mod panel;
mod quick_replies;
mod typing_indicator;

pub use app::App;
