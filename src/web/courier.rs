//! Sends what the outbox holds: one `fetch` per due delivery, judged by
//! [`delivery::judge`](crate::handoff::delivery::judge), under a Web Lock so that only one
//! of the site's open tabs sends at a time (the outbox's leases cover browsers without Web
//! Locks). It wakes when a retry is due, when the browser comes back online, and when a tab
//! adds a handoff.

use super::js;
use super::widget::Widget;
use crate::handoff::HttpRequest;
use crate::handoff::delivery::{Answer, TIMEOUT_MS, judge};
use std::cell::Cell;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestInit, RequestMode, Response, ResponseType};

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

/// Sends one request and reads what came back.
async fn send(request: &HttpRequest) -> Answer {
    let Some(window) = js::window() else {
        return Answer::Network("no window".into());
    };
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&request.body));
    // Endpoints that answer without CORS headers get a "simple" request whose answer is
    // opaque; the others a normal one, whose status tells delivered from failed.
    init.set_mode(if request.readable {
        RequestMode::Cors
    } else {
        RequestMode::NoCors
    });
    init.set_credentials(web_sys::RequestCredentials::Omit);
    if let Ok(headers) = Headers::new() {
        for (name, value) in &request.headers {
            let _ = headers.append(name, value);
        }
        init.set_headers(&headers);
    }
    let controller = AbortController::new().ok();
    if let Some(controller) = &controller {
        init.set_signal(Some(&controller.signal()));
    }
    let abort = controller
        .clone()
        .map(|controller| Closure::once_into_js(move || controller.abort()));
    let timer = abort.as_ref().and_then(|abort| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.unchecked_ref(),
                TIMEOUT_MS as i32,
            )
            .ok()
    });
    let outcome = JsFuture::from(window.fetch_with_str_and_init(&request.url, &init)).await;
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    match outcome {
        Ok(value) => {
            let Ok(response) = value.dyn_into::<Response>() else {
                return Answer::Network("not a response".into());
            };
            if response.type_() == ResponseType::Opaque {
                return Answer::Opaque;
            }
            Answer::Status {
                code: response.status(),
                retry_after: response.headers().get("Retry-After").ok().flatten(),
            }
        }
        Err(error) => {
            let name = js::get(&error, "name").as_string().unwrap_or_default();
            if name == "AbortError" {
                Answer::Timeout
            } else {
                let message = js::get(&error, "message")
                    .as_string()
                    .unwrap_or_else(|| "network error".into());
                Answer::Network(message)
            }
        }
    }
}
