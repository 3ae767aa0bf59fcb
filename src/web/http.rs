//! One `POST` with a timeout, for the courier (handoffs) and for remote bots: the request
//! is aborted when the time is up, whether the response has not started or its body is
//! still arriving.

use super::js;
use crate::handoff::HttpRequest;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestInit, RequestMode, Response, ResponseType};

/// What came of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Posted {
    /// The endpoint answered.
    Answered {
        /// HTTP status.
        status: u16,
        /// The `Retry-After` header, if any.
        retry_after: Option<String>,
        /// The body, when it was asked for and could be read.
        body: Option<String>,
    },
    /// A `no-cors` request went out; its answer cannot be read.
    Opaque,
    /// No complete answer within the time.
    Timeout,
    /// It did not get through; the browser's reason.
    Failed(String),
}

/// Sends `request`, waiting at most `timeout_ms` for the answer (and its body, with
/// `read_body`).
pub async fn post(request: &HttpRequest, timeout_ms: u32, read_body: bool) -> Posted {
    let Some(window) = js::window() else {
        return Posted::Failed("no window".into());
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
                timeout_ms.min(i32::MAX as u32) as i32,
            )
            .ok()
    });
    let outcome = answer(&window, request, &init, read_body).await;
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    outcome.unwrap_or_else(|error| {
        if js::get(&error, "name").as_string().as_deref() == Some("AbortError") {
            Posted::Timeout
        } else {
            Posted::Failed(
                js::get(&error, "message")
                    .as_string()
                    .unwrap_or_else(|| "network error".into()),
            )
        }
    })
}

async fn answer(
    window: &web_sys::Window,
    request: &HttpRequest,
    init: &RequestInit,
    read_body: bool,
) -> Result<Posted, JsValue> {
    let value = JsFuture::from(window.fetch_with_str_and_init(&request.url, init)).await?;
    let Ok(response) = value.dyn_into::<Response>() else {
        return Ok(Posted::Failed("not a response".into()));
    };
    if response.type_() == ResponseType::Opaque {
        return Ok(Posted::Opaque);
    }
    let body = if read_body {
        JsFuture::from(response.text()?).await?.as_string()
    } else {
        None
    };
    Ok(Posted::Answered {
        status: response.status(),
        retry_after: response.headers().get("Retry-After").ok().flatten(),
        body,
    })
}
