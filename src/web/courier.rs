//! Sends what the outbox holds: one `fetch` per due delivery, judged by
//! [`delivery::judge`](crate::handoff::delivery::judge), under a Web Lock so that only one
//! of the site's open tabs sends at a time (the outbox's leases cover browsers without Web
//! Locks). It wakes when a retry is due, when the browser comes back online, and when a tab
//! adds a handoff.

use super::http::{self, Posted};
use super::js;
use super::widget::Widget;
use crate::handoff::HttpRequest;
use crate::handoff::delivery::{Answer, TIMEOUT_MS, judge};
use std::cell::Cell;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;

/// Name of the Web Lock the sending tab holds.
const LOCK_NAME: &str = "handover.outbox";
/// When another tab holds the lock, look again after this long (ms).
const BUSY_RECHECK_MS: u64 = 3_000;

thread_local! {
    /// Whether this tab is in the middle of a sending round.
    static SENDING: Cell<bool> = const { Cell::new(false) };
    /// The pending wake-up timer.
    static TIMER: Cell<Option<i32>> = const { Cell::new(None) };
    /// Counts `stop`s: a round that began before the widget was destroyed finds it changed
    /// after each await and touches nothing (the widget's state is gone).
    static EPOCH: Cell<u32> = const { Cell::new(0) };
}

fn alive(epoch: u32) -> bool {
    EPOCH.with(Cell::get) == epoch
}

/// Sends every due delivery now (if this tab gets the lock), then sets a timer for the next.
pub fn pump(widget: Widget) {
    if SENDING.with(Cell::get) {
        return;
    }
    widget.sync_outbox();
    if widget.due_deliveries().is_empty() {
        schedule(widget, None);
        return;
    }
    SENDING.with(|s| s.set(true));
    let epoch = EPOCH.with(Cell::get);
    let round = move |holding: bool| async move {
        if holding && alive(epoch) {
            send_due(widget, epoch).await;
        }
        SENDING.with(|s| s.set(false));
        if alive(epoch) {
            schedule(widget, (!holding).then_some(BUSY_RECHECK_MS));
        }
    };
    if !with_lock(round) {
        // No Web Locks here: the leases alone keep tabs from sending the same delivery.
        leptos::task::spawn_local(round(true));
    }
}

/// Runs `round(true)` while holding the outbox lock, or `round(false)` if another tab holds
/// it. Returns false when the browser has no Web Locks.
fn with_lock<F, Fut>(round: F) -> bool
where
    F: FnOnce(bool) -> Fut + 'static,
    Fut: std::future::Future<Output = ()> + 'static,
{
    let Some(window) = js::window() else {
        return false;
    };
    let locks = js::get(&window.navigator(), "locks");
    let Some(request) = js::get(&locks, "request")
        .dyn_into::<js_sys::Function>()
        .ok()
    else {
        return false;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
    let callback = Closure::once_into_js(move |lock: JsValue| {
        // The lock is held until the returned promise settles.
        wasm_bindgen_futures::future_to_promise(async move {
            round(!lock.is_null()).await;
            Ok(JsValue::UNDEFINED)
        })
    });
    request
        .call3(&locks, &LOCK_NAME.into(), &options, &callback)
        .is_ok()
}

/// Attempts each due delivery in turn, each under a fresh lease.
async fn send_due(widget: Widget, epoch: u32) {
    for slot in widget.due_deliveries() {
        let Some((request, attempt)) = widget.lease(&slot) else {
            continue;
        };
        let answer = send(&request).await;
        if !alive(epoch) {
            // Destroyed meanwhile: the lease runs out and the next page sends it again.
            return;
        }
        let verdict = judge(&answer, attempt, js::now_ms(), js_sys::Math::random());
        widget.record(&slot, verdict);
    }
}

/// Sets the wake-up timer: after `delay_ms`, or when the next retry is due.
fn schedule(widget: Widget, delay_ms: Option<u64>) {
    let Some(window) = js::window() else {
        return;
    };
    if let Some(timer) = TIMER.with(|t| t.take()) {
        window.clear_timeout_with_handle(timer);
    }
    let wait = match delay_ms {
        Some(ms) => ms,
        None => match widget.next_wake() {
            Some(at) => at.saturating_sub(js::now_ms()),
            None => return,
        },
    };
    let callback = Closure::once_into_js(move || {
        TIMER.with(|t| t.set(None));
        pump(widget);
    });
    // setTimeout takes an i32 of milliseconds; a day is far below it.
    let wait = wait.min(86_400_000) as i32;
    if let Ok(id) =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), wait)
    {
        TIMER.with(|t| t.set(Some(id)));
    }
}

/// Stops the wake-up timer and any round under way (on `destroy`).
pub fn stop() {
    EPOCH.with(|e| e.set(e.get().wrapping_add(1)));
    if let (Some(window), Some(timer)) = (js::window(), TIMER.with(|t| t.take())) {
        window.clear_timeout_with_handle(timer);
    }
}

/// Sends one delivery and says what came of it, in the delivery rules' terms.
async fn send(request: &HttpRequest) -> Answer {
    match http::post(request, TIMEOUT_MS as u32, false).await {
        Posted::Answered {
            status,
            retry_after,
            ..
        } => Answer::Status {
            code: status,
            retry_after,
        },
        Posted::Opaque => Answer::Opaque,
        Posted::Timeout => Answer::Timeout,
        Posted::Failed(why) => Answer::Network(why),
    }
}
