//! Small bridges between JavaScript values and the pure core's JSON, and console output.
//!
//! Values cross as JSON text (`JSON.stringify` / `JSON.parse`): the core already speaks
//! serde_json, and this costs far fewer bytes than a second serializer.

use crate::json_guard::{MAX_DEPTH, nesting_depth};
use serde_json::Value;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// Why a JavaScript value could not be read as JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonError {
    /// `undefined` or a function: nothing was given.
    Absent,
    /// `JSON.stringify` refused it (a cycle, a BigInt, a throwing getter).
    NotSerializable,
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Absent => write!(f, "no value was given"),
            Self::NotSerializable => write!(f, "the value cannot be turned into JSON"),
            Self::TooDeep => write!(f, "the value is nested more than {MAX_DEPTH} levels deep"),
        }
    }
}

/// Reads a JavaScript value as JSON, through `JSON.stringify`.
pub fn to_json(value: &JsValue) -> Result<Value, JsonError> {
    if value.is_undefined() || value.is_function() {
        return Err(JsonError::Absent);
    }
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or(JsonError::NotSerializable)?;
    if nesting_depth(&text) > MAX_DEPTH {
        return Err(JsonError::TooDeep);
    }
    serde_json::from_str(&text).map_err(|_| JsonError::NotSerializable)
}

/// Builds a JavaScript value from JSON.
pub fn from_json(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}

/// Reads `object[key]` without throwing (a hostile getter becomes `undefined`).
pub fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The page's `window`. Every shell function runs in a window context, but the embed must
/// not trap if it is ever evaluated elsewhere, so callers handle `None`.
pub fn window() -> Option<web_sys::Window> {
    js_sys::global().dyn_into::<web_sys::Window>().ok()
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// `performance.now()`, in milliseconds with a fraction; `Date.now()` where it is missing.
pub fn now_precise() -> f64 {
    let performance = js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .unwrap_or(JsValue::UNDEFINED);
    get(&performance, "now")
        .dyn_ref::<js_sys::Function>()
        .and_then(|now| now.call0(&performance).ok())
        .and_then(|t| t.as_f64())
        .unwrap_or_else(js_sys::Date::now)
}

/// A random id, unique enough to tell messages apart across tabs.
pub fn random_id() -> String {
    let part = || (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    format!("{:x}{:013x}", now_ms(), part())
}

/// `console.error`: for problems the site owner must fix.
pub fn error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
}

/// `console.warn`: for mistakes that do not stop the widget.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// `console.debug`: for things only someone debugging wants to see.
pub fn debug(message: &str) {
    web_sys::console::debug_1(&JsValue::from_str(message));
}

/// The UTC offset (minutes east of UTC) of an IANA time zone at `at_ms`, read from the
/// browser's `Intl`; `None` when the browser does not know the zone.
pub fn zone_offset_minutes(zone: &str, at_ms: u64) -> Option<i32> {
    let options = js_sys::Object::new();
    for (key, value) in [
        ("timeZone", zone),
        ("hourCycle", "h23"),
        ("year", "numeric"),
        ("month", "numeric"),
        ("day", "numeric"),
        ("hour", "numeric"),
        ("minute", "numeric"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let args = js_sys::Array::of2(&"en-US".into(), &options);
    // `new Intl.DateTimeFormat` throws a RangeError for an unknown zone: construct it
    // through Reflect, which turns the throw into an Err.
    let constructor: js_sys::Function = get(&get(&js_sys::global(), "Intl"), "DateTimeFormat")
        .dyn_into()
        .ok()?;
    let format = js_sys::Reflect::construct(&constructor, &args).ok()?;
    let format: js_sys::Intl::DateTimeFormat = format.unchecked_into();
    let minute_ms = at_ms / 60_000 * 60_000;
    let parts = format.format_to_parts(&js_sys::Date::new(&JsValue::from_f64(minute_ms as f64)));
    let mut fields = [0f64; 5];
    for part in parts.iter() {
        let slot = match get(&part, "type").as_string()?.as_str() {
            "year" => 0,
            "month" => 1,
            "day" => 2,
            "hour" => 3,
            "minute" => 4,
            _ => continue,
        };
        fields[slot] = get(&part, "value").as_string()?.parse().ok()?;
    }
    let [year, month, day, hour, minute] = fields;
    let wall = js_sys::Date::utc(year, month - 1.0)
        + (day - 1.0) * 86_400_000.0
        + hour * 3_600_000.0
        + minute * 60_000.0;
    Some(((wall - minute_ms as f64) / 60_000.0).round() as i32)
}

/// A moment in the visitor's own time zone and language ("Monday 09:00").
pub fn local_time(at_ms: u64, locale: &str) -> String {
    let options = js_sys::Object::new();
    for (key, value) in [
        ("weekday", "long"),
        ("hour", "numeric"),
        ("minute", "2-digit"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    js_sys::Date::new(&JsValue::from_f64(at_ms as f64))
        .to_locale_string(locale, &options)
        .into()
}

/// Fetches a text file (the FAQ): its body, or why not.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = window().ok_or("no window")?;
    let promise = window.fetch_with_str(url);
    let response: web_sys::Response = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| {
            get(&e, "message")
                .as_string()
                .unwrap_or_else(|| "network error".into())
        })?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = response.text().map_err(|_| "the body cannot be read")?;
    wasm_bindgen_futures::JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "the body is not text".into())
}
