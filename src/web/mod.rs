//! The browser shell: boots the widget from the embed script, and takes it down again.
//!
//! `embed.js` calls [`start`] once the host page has loaded. Boot reads the config, picks the
//! language, opens storage, builds the host element and mounts the Leptos view into its shadow
//! root, installs the JS API, and announces `handover:ready`. Any failure is printed once to
//! the console and leaves the page as it was.

pub mod bot;
pub mod courier;
pub mod escalation;
pub mod events;
pub mod handoff;
pub mod host;
pub mod http;
pub mod js;
pub mod listener;
pub mod store;
pub mod widget;

use crate::api::Api;
use crate::config::{Config, Position, Theme, attribute_key};
use crate::i18n::negotiate;
use crate::ui::App;
use host::Host;
use leptos::prelude::*;
use listener::Listener;
use serde_json::json;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use store::Store;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use web_sys::{Element, StorageEvent};
use widget::{Settings, Widget};

/// What a running widget added to the page, in the order it is taken down.
struct Runtime {
    _api: Api,
    _listeners: Vec<Listener>,
    _view: Box<dyn Any>,
    _host: Host,
}

thread_local! {
    static RUNTIME: RefCell<Option<Runtime>> = const { RefCell::new(None) };
}

/// Starts the widget. `script` is the embed's `<script>` element (its `data-*` attributes
/// are config); anything else means "config from `window.HandoverConfig` only".
///
/// Runs once per page: a second call (the tag pasted twice) prints a warning and does
/// nothing. Never throws.
#[wasm_bindgen]
pub fn start(script: JsValue) {
    if RUNTIME.with(|runtime| runtime.borrow().is_some()) {
        js::warn(
            "Handover: the widget is already running on this page; the second start was ignored (is the embed script included twice?)",
        );
        return;
    }
    match boot(&script) {
        Ok(runtime) => {
            RUNTIME.with(|slot| *slot.borrow_mut() = Some(runtime));
            events::emit(
                "handover:ready",
                json!({ "version": env!("CARGO_PKG_VERSION") }),
            );
        }
        Err(message) => js::error(&message),
    }
}

/// Removes everything the widget added: the element, its listeners and the live
/// `window.Handover` (the page's queue stub is put back). The stored conversation stays.
#[wasm_bindgen]
pub fn destroy() {
    let runtime = RUNTIME.with(|slot| slot.borrow_mut().take());
    courier::stop();
    drop(runtime);
}

fn boot(script: &JsValue) -> Result<Runtime, String> {
    let window = js::window().ok_or("Handover: needs a browser window")?;
    let document = window.document().ok_or("Handover: needs a document")?;

    let attributes = script
        .dyn_ref::<Element>()
        .map(script_attributes)
        .unwrap_or_default();
    let global = match js::to_json(&js::get(&window, "HandoverConfig")) {
        Ok(value) => Some(value),
        Err(js::JsonError::Absent) => None,
        Err(why) => {
            return Err(format!(
                "Handover: window.HandoverConfig cannot be read: {why}"
            ));
        }
    };
    let loaded = Config::from_sources(global.as_ref(), &attributes).map_err(|e| e.to_string())?;
    for warning in &loaded.warnings {
        js::warn(&warning.to_string());
    }
    let config = loaded.config;
    if let Some(hours) = &config.office_hours
        && js::zone_offset_minutes(&hours.timezone, js::now_ms()).is_none()
    {
        return Err(format!(
            "Handover: the widget is not shown because its configuration is invalid:\n  - `office_hours.timezone`: \"{}\" is not a time zone this browser knows (use an IANA name such as \"Europe/Lisbon\")",
            hours.timezone
        ));
    }

    let page_lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"));
    let browser_langs: Vec<String> = window
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    let locale = negotiate(
        config
            .locale
            .iter()
            .chain(page_lang.iter())
            .chain(browser_langs.iter())
            .map(String::as_str),
    );

    let host = Host::create(&document).map_err(|e| {
        let why = e
            .as_string()
            .unwrap_or_else(|| "a DOM call was refused".into());
        format!("Handover: could not create the widget element: {why}")
    })?;
    set_root_attributes(&host, &config, &locale);

    let faq = config.faq.clone();
    let own_bot = crate::bot::own_bot(&config);
    let store = Store::open(config.storage);
    // Checked with the config (shape) and just above (the zone), so this is `Some` whenever
    // office hours are set.
    let office_hours = config
        .office_hours
        .as_ref()
        .and_then(|hours| crate::hours::OfficeHours::new(hours).ok());
    let settings = Settings {
        config,
        locale,
        office_hours,
    };
    let created: Rc<Cell<Option<Widget>>> = Rc::new(Cell::new(None));
    let slot = Rc::clone(&created);
    let view = leptos::mount::mount_to(host.root.clone(), move || {
        let widget = Widget::new(settings, store);
        slot.set(Some(widget));
        provide_context(widget);
        view! { <App/> }
    });
    let widget = created
        .take()
        .ok_or("Handover: the view did not build its state")?;

    let on_storage = Listener::new(&window, "storage", move |event| {
        if let Some(event) = event.dyn_ref::<StorageEvent>() {
            widget.take_foreign(event.key(), event.new_value());
        }
    });
    // Back online: whatever waited in the outbox goes now, not at its next retry.
    let on_online = Listener::new(&window, "online", move |_| {
        widget.online.set(true);
        courier::pump(widget);
    });
    let on_offline = Listener::new(&window, "offline", move |_| widget.online.set(false));
    if let Some(faq) = faq {
        widget.load_bot(faq);
    } else if let Some(bot) = own_bot {
        widget.install_bot(bot);
    }
    let api = Api::install(widget);
    warm_when_idle(widget);
    // Handoffs left by an earlier page (or another tab) go on being delivered.
    courier::pump(widget);
    Ok(Runtime {
        _api: api,
        _listeners: vec![on_storage, on_online, on_offline],
        _view: Box::new(view),
        _host: host,
    })
}

/// Prepares the detector in idle time (`requestIdleCallback`; a timer where it is missing),
/// a slice at a time, asking again until done: no task of the widget's ever holds the page's
/// main thread for long.
fn warm_when_idle(widget: Widget) {
    let Some(window) = js::window() else {
        return;
    };
    let callback = Closure::once_into_js(move |deadline: JsValue| {
        // Idle periods can last 50 ms; the widget keeps to a fifth of that, so a slice that
        // runs long still ends well inside the page's budget for a task.
        let started = js::now_precise();
        let time_left = || {
            let idle = js::get(&deadline, "timeRemaining")
                .dyn_ref::<js_sys::Function>()
                .and_then(|f| f.call0(&deadline).ok())
                .and_then(|t| t.as_f64())
                // Without a deadline (the timer fallback), one slice per call.
                .unwrap_or(0.0);
            idle.min(10.0 - (js::now_precise() - started))
        };
        if widget.warm(&time_left) {
            warm_when_idle(widget);
        }
    });
    let idle = js::get(&window, "requestIdleCallback");
    let scheduled = idle
        .dyn_ref::<js_sys::Function>()
        .and_then(|request| request.call1(&window, &callback).ok());
    if scheduled.is_none() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 50);
    }
}

/// The script tag's attributes as `(name, value)` pairs; only `data-*` ones are config.
fn script_attributes(script: &Element) -> Vec<(String, String)> {
    let attributes = script.attributes();
    (0..attributes.length())
        .filter_map(|index| attributes.item(index))
        .filter(|attr| attribute_key(&attr.name()).is_some())
        .map(|attr| (attr.name(), attr.value()))
        .collect()
}

/// Theme, side, direction and language live on the inner root: CSS selects on them, and
/// `dir`/`lang` there give screen readers and text layout the widget's own language.
fn set_root_attributes(host: &Host, config: &Config, locale: &crate::i18n::Locale) {
    let root = &host.root;
    let theme = match config.theme {
        Theme::Auto => "auto",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    let position = match config.position {
        Position::Right => "right",
        Position::Left => "left",
    };
    for (name, value) in [
        ("class", "root"),
        ("data-theme", theme),
        ("data-position", position),
        ("dir", if locale.lang.is_rtl() { "rtl" } else { "ltr" }),
        ("lang", locale.tag.as_str()),
    ] {
        let _ = root.set_attribute(name, value);
    }
}
