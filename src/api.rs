//! The JS API: `Handover('open')`, `Handover('identify', {...})` and the rest (DESIGN.md).
//!
//! The embed snippet defines `window.Handover` as a queue before the widget loads. On boot the
//! queue is replayed in order and `window.Handover` becomes a live function. Nothing here
//! throws into the page: a bad call prints one warning naming the command.

use crate::web::js;
use crate::web::widget::{Focus, HumanRequest, Widget};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;

/// The commands `window.Handover` understands.
const COMMANDS: &str = "open, close, toggle, identify, context, handoff, destroy";

/// The installed API; dropping it puts back what `window.Handover` was before.
pub struct Api {
    previous: JsValue,
    _live: Closure<dyn Fn(JsValue, JsValue)>,
}

impl Api {
    /// Replays the queued commands, then makes `window.Handover` live.
    pub fn install(widget: Widget) -> Api {
        let window: JsValue = js::window().map(Into::into).unwrap_or(JsValue::UNDEFINED);
        let previous = js::get(&window, "Handover");
        let live =
            Closure::<dyn Fn(JsValue, JsValue)>::new(move |command: JsValue, arg: JsValue| {
                run(widget, &command, &arg, Focus::Move);
            });
        let _ = js_sys::Reflect::set(&window, &"Handover".into(), live.as_ref());
        let queue = js::get(&previous, "q");
        if let Some(queue) = queue.dyn_ref::<js_sys::Array>() {
            // Queued calls ran while the page loaded, not in answer to the visitor: they may
            // open the panel but must not pull focus away from the page.
            for call in queue.iter() {
                run(
                    widget,
                    &js::get(&call, "0"),
                    &js::get(&call, "1"),
                    Focus::Keep,
                );
            }
        }
        Api {
            previous,
            _live: live,
        }
    }
}

impl Drop for Api {
    fn drop(&mut self) {
        let Some(window) = js::window() else {
            return;
        };
        // The page's queue stub goes back, emptied, so later calls queue up harmlessly
        // instead of throwing.
        if self.previous.is_function() {
            let _ = js_sys::Reflect::delete_property::<JsValue>(
                self.previous.unchecked_ref(),
                &"q".into(),
            );
            let _ = js_sys::Reflect::set(&window, &"Handover".into(), &self.previous);
        } else {
            let _ = js_sys::Reflect::delete_property::<JsValue>(
                window.unchecked_ref(),
                &"Handover".into(),
            );
        }
    }
}

/// Runs one command; `focus` says whether opening or toggling may move keyboard focus.
fn run(widget: Widget, command: &JsValue, arg: &JsValue, focus: Focus) {
    let Some(name) = command.as_string() else {
        js::warn(&format!(
            "Handover: the first argument must be a command name ({COMMANDS})"
        ));
        return;
    };
    let with_object =
        |label: &str,
         apply: &dyn Fn(&serde_json::Value) -> Result<(), crate::visitor::IdentifyError>| {
            let value = js::to_json(arg).unwrap_or(serde_json::Value::Null);
            if let Err(err) = apply(&value) {
                js::warn(&format!("Handover('{label}', …) was ignored: {err}"));
            }
        };
    match name.as_str() {
        "open" => widget.set_open(true, focus),
        "close" => widget.set_open(false, Focus::Keep),
        "toggle" => widget.toggle(focus),
        "identify" => with_object("identify", &|value| widget.identify(value)),
        "context" => with_object("context", &|value| widget.set_context(value)),
        "handoff" => {
            let reason = js::to_json(arg)
                .ok()
                .as_ref()
                .and_then(|v| v.get("reason"))
                .and_then(|v| v.as_str())
                .map(str::to_owned);
            widget.request_human(HumanRequest::Api, reason);
        }
        // Unmounting from inside this call would free the closure that is running; do it
        // once the call has returned.
        "destroy" => leptos::task::spawn_local(async { crate::web::destroy() }),
        other => js::warn(&format!(
            "Handover: unknown command \"{other}\"; known commands: {COMMANDS}"
        )),
    }
}
