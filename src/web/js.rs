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
