//! The `handover:*` events on `window` (DESIGN.md, "JS API").

use super::js;
use serde_json::Value;
use web_sys::{CustomEvent, CustomEventInit};

/// Dispatches `CustomEvent(name, { detail })` on `window`. A listener that throws is reported
/// by the browser against the listener, never against the widget's own call.
pub fn emit(name: &str, detail: Value) {
    let Some(window) = js::window() else {
        return;
    };
    let init = CustomEventInit::new();
    init.set_detail(&js::from_json(&detail));
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = window.dispatch_event(&event);
    }
}
