//! Browser tests of the shell and components, in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown`, runner `wasm-bindgen-test-runner`).
//!
//! Each test boots the real widget through `handover::web::start`, as `embed.js` does, drives
//! it with real DOM events, and takes it down with `destroy`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Object, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{
    CustomEvent, Document, Element, Event, HtmlElement, HtmlTextAreaElement, KeyboardEvent,
    KeyboardEventInit, ShadowRoot, StorageEvent, StorageEventInit,
};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets Leptos flush its scheduled DOM updates (they run after a microtask).
async fn settle() {
    for _ in 0..2 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .unwrap();
        });
        JsFuture::from(promise).await.unwrap();
    }
}

/// A running widget; destroyed when dropped, so one test cannot leak into the next.
struct Booted {
    shadow: ShadowRoot,
}

impl Booted {
    fn start(attributes: &[(&str, &str)]) -> Option<Booted> {
        // A test that failed half-way left its widget behind; do not let it fail the next.
        handover::web::destroy();
        let script = document().create_element("script").unwrap();
        script
            .set_attribute("src", "https://cdn.example/embed.js")
            .unwrap();
        for (name, value) in attributes {
            script.set_attribute(name, value).unwrap();
        }
        handover::web::start(script.into());
        let host = document().query_selector("handover-widget").unwrap()?;
        Some(Booted {
            shadow: host.shadow_root().expect("open shadow root"),
        })
    }

    /// Opens the panel with a click, as a visitor would (it is built on first open).
    async fn open(&self) {
        if self
            .find("[part~='panel']")
            .is_none_or(|panel| panel.hidden())
        {
            self.part("launcher").click();
            settle().await;
        }
    }

    fn part(&self, name: &str) -> HtmlElement {
        self.find(&format!("[part~='{name}']"))
            .unwrap_or_else(|| panic!("no part {name} in {}", self.shadow.inner_html()))
    }

    fn find(&self, selector: &str) -> Option<HtmlElement> {
        self.shadow
            .query_selector(selector)
            .unwrap()
            .map(|e| e.unchecked_into())
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.shadow.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.unchecked_into())
            .collect()
    }

    fn input(&self) -> HtmlTextAreaElement {
        self.part("input").unchecked_into()
    }

    fn active(&self) -> Option<Element> {
        self.shadow.active_element()
    }

    async fn type_text(&self, text: &str) {
        let input = self.input();
        input.set_value(text);
        // A plain, non-bubbling input event: reaches the handler because Leptos's event
        // delegation is off (it must stay off inside a shadow root).
        input.dispatch_event(&Event::new("input").unwrap()).unwrap();
        settle().await;
    }

    async fn key(&self, target: &HtmlElement, key: &str, shift: bool) {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_shift_key(shift);
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_composed(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        target.dispatch_event(&event).unwrap();
        settle().await;
    }

    fn messages(&self) -> Vec<(String, String)> {
        self.all("[part~='message']")
            .into_iter()
            .map(|m| {
                let part = m.get_attribute("part").unwrap();
                let text = m.text_content().unwrap_or_default();
                (part, text)
            })
            .collect()
    }
}

impl Drop for Booted {
    fn drop(&mut self) {
        handover::web::destroy();
        assert!(
            document()
                .query_selector("handover-widget")
                .unwrap()
                .is_none()
        );
    }
}

/// Records the `detail` of every `name` event on window while alive.
struct Recorder {
    name: &'static str,
    seen: Rc<RefCell<Vec<JsValue>>>,
    callback: Closure<dyn FnMut(Event)>,
}

impl Recorder {
    fn new(name: &'static str) -> Recorder {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let sink = Rc::clone(&seen);
        let callback = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            let detail = event
                .dyn_ref::<CustomEvent>()
                .map(|e| e.detail())
                .unwrap_or(JsValue::UNDEFINED);
            sink.borrow_mut().push(detail);
        });
        web_sys::window()
            .unwrap()
            .add_event_listener_with_callback(name, callback.as_ref().unchecked_ref())
            .unwrap();
        Recorder {
            name,
            seen,
            callback,
        }
    }

    fn details(&self) -> Vec<JsValue> {
        self.seen.borrow().clone()
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        let _ = web_sys::window()
            .unwrap()
            .remove_event_listener_with_callback(self.name, self.callback.as_ref().unchecked_ref());
    }
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

fn call_api(args: &[JsValue]) {
    let api: Function = get(&web_sys::window().unwrap().into(), "Handover").unchecked_into();
    api.apply(&JsValue::NULL, &args.iter().collect::<Array>())
        .unwrap();
}

#[wasm_bindgen_test]
async fn renders_every_part_with_accessible_names() {
    let w = Booted::start(&[("data-title", "Test shop"), ("data-storage", "memory")]).unwrap();
    settle().await;
    let launcher = w.part("launcher");
    assert_eq!(launcher.tag_name(), "BUTTON");
    assert_eq!(
        launcher.get_attribute("aria-label").as_deref(),
        Some("Test shop")
    );
    assert_eq!(
        launcher.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    // The panel is built on first open; until then nothing refers to it.
    assert!(w.find("[part~='panel']").is_none());
    assert_eq!(launcher.get_attribute("aria-controls"), None);
    launcher.click();
    settle().await;
    launcher.click();
    settle().await;
    let panel = w.part("panel");
    assert_eq!(
        launcher.get_attribute("aria-controls").as_deref(),
        Some("handover-panel")
    );
    assert_eq!(panel.get_attribute("role").as_deref(), Some("dialog"));
    assert!(panel.hidden(), "closed again, but kept");
    let title_id = panel.get_attribute("aria-labelledby").unwrap();
    let title = w.find(&format!("#{title_id}")).unwrap();
    assert_eq!(title.text_content().as_deref(), Some("Test shop"));
    let log = w.part("log");
    assert_eq!(log.get_attribute("role").as_deref(), Some("log"));
    assert_eq!(log.get_attribute("aria-live").as_deref(), Some("polite"));
    for part in ["header", "composer", "input", "send", "human-button"] {
        w.part(part);
    }
    assert_eq!(w.part("composer").tag_name(), "FORM");
    assert!(w.input().get_attribute("aria-label").is_some());
    let root = w.find(".root").unwrap();
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("auto"));
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));
}

#[wasm_bindgen_test]
async fn launcher_opens_focuses_the_input_and_escape_returns_focus() {
    let opened = Recorder::new("handover:open");
    let closed = Recorder::new("handover:close");
    let w = Booted::start(&[("data-storage", "memory")]).unwrap();
    let launcher = w.part("launcher");
    launcher.click();
    settle().await;
    assert_eq!(
        launcher.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(!w.part("panel").hidden());
    assert_eq!(
        w.active().map(|e| e.get_attribute("part")),
        Some(Some("input".into()))
    );
    assert_eq!(opened.details().len(), 1);

    w.key(&w.input().unchecked_into(), "Escape", false).await;
    assert!(w.part("panel").hidden());
    assert_eq!(
        w.active().map(|e| e.get_attribute("part")),
        Some(Some("launcher".into()))
    );
    assert_eq!(closed.details().len(), 1);

    // The close button does the same.
    launcher.click();
    settle().await;
    w.find("button.close").unwrap().click();
    settle().await;
    assert!(w.part("panel").hidden());
    assert_eq!(closed.details().len(), 2);
}

#[wasm_bindgen_test]
async fn enter_sends_shift_enter_does_not_and_text_stays_text() {
    let sent = Recorder::new("handover:message");
    let w = Booted::start(&[("data-storage", "memory"), ("data-open", "")]).unwrap();
    settle().await;
    let send: web_sys::HtmlButtonElement = w.part("send").unchecked_into();
    assert!(send.disabled(), "send is disabled while the box is empty");

    w.type_text("first line").await;
    assert!(!send.disabled());
    w.key(&w.input().unchecked_into(), "Enter", true).await;
    assert!(w.messages().is_empty(), "Shift+Enter must not send");

    w.type_text("<img src=x onerror=alert(1)> where is my order?")
        .await;
    w.key(&w.input().unchecked_into(), "Enter", false).await;
    assert_eq!(
        w.messages(),
        [(
            "message visitor".to_owned(),
            "You: <img src=x onerror=alert(1)> where is my order?".to_owned()
        )]
    );
    assert!(
        w.all("img").is_empty(),
        "message text must never become HTML"
    );
    assert_eq!(w.input().value(), "", "the box is cleared after sending");
    let details = sent.details();
    assert_eq!(details.len(), 1);
    assert_eq!(
        get(&details[0], "role").as_string().as_deref(),
        Some("visitor")
    );

    // Whitespace only: nothing is sent.
    w.type_text("   \n ").await;
    w.key(&w.input().unchecked_into(), "Enter", false).await;
    assert_eq!(w.messages().len(), 1);
}

#[wasm_bindgen_test]
async fn a_paste_over_the_limit_is_kept_and_explained() {
    let w = Booted::start(&[("data-storage", "memory"), ("data-open", "")]).unwrap();
    let long = "x".repeat(handover::conversation::MAX_MESSAGE_CHARS + 5);
    w.type_text(&long).await;
    let send: web_sys::HtmlButtonElement = w.part("send").unchecked_into();
    assert!(send.disabled());
    assert_eq!(
        w.input().get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    let error = w
        .find("#handover-draft-error")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(error.contains("4005") && error.contains("4000"), "{error}");
    w.key(&w.input().unchecked_into(), "Enter", false).await;
    assert!(w.messages().is_empty());
    assert_eq!(
        w.input().value().len(),
        long.len(),
        "nothing of the paste is lost"
    );
}

#[wasm_bindgen_test]
async fn human_button_emits_an_escalation() {
    let escalations = Recorder::new("handover:escalation");
    let w = Booted::start(&[("data-storage", "memory"), ("data-open", "")]).unwrap();
    w.part("human-button").click();
    settle().await;
    let details = escalations.details();
    assert_eq!(details.len(), 1);
    assert_eq!(
        get(&details[0], "kind").as_string().as_deref(),
        Some("button")
    );
    assert_eq!(
        get(&details[0], "decision").as_string().as_deref(),
        Some("handoff")
    );
    assert!(Array::is_array(&get(&details[0], "reasons")));
}

#[wasm_bindgen_test]
async fn invalid_config_shows_nothing() {
    assert!(Booted::start(&[("data-position", "middle")]).is_none());
    // The page is left as it was, and a valid start afterwards works.
    let w = Booted::start(&[("data-storage", "memory")]);
    assert!(w.is_some());
}

#[wasm_bindgen_test]
async fn a_second_start_is_ignored() {
    let _w = Booted::start(&[("data-storage", "memory")]).unwrap();
    let script = document().create_element("script").unwrap();
    handover::web::start(script.into());
    assert_eq!(
        document()
            .query_selector_all("handover-widget")
            .unwrap()
            .length(),
        1
    );
}

#[wasm_bindgen_test]
async fn queued_commands_run_then_the_api_is_live_and_destroy_restores_the_stub() {
    let window: JsValue = web_sys::window().unwrap().into();
    let stub =
        Function::new_no_args("(window.Handover.q = window.Handover.q || []).push(arguments)");
    Reflect::set(&window, &"Handover".into(), &stub).unwrap();
    let queue = Array::new();
    let call = |args: &[JsValue]| {
        let arguments = args.iter().collect::<Array>();
        queue.push(&arguments);
    };
    call(&[
        "identify".into(),
        js_sys::JSON::parse(r#"{"name":"Ana"}"#).unwrap(),
    ]);
    call(&["open".into()]);
    Reflect::set(&stub, &"q".into(), &queue).unwrap();

    let w = Booted::start(&[("data-storage", "memory")]).unwrap();
    settle().await;
    assert!(!w.part("panel").hidden(), "queued open ran");
    let live = get(&window, "Handover");
    assert!(!Object::is(&live, &stub), "window.Handover is live");

    call_api(&["close".into()]);
    settle().await;
    assert!(w.part("panel").hidden());
    call_api(&["toggle".into()]);
    settle().await;
    assert!(!w.part("panel").hidden());
    // Bad calls warn and change nothing; they never throw into the page.
    call_api(&["no-such-command".into()]);
    call_api(&[JsValue::from(5)]);
    call_api(&["identify".into(), "not an object".into()]);

    drop(w);
    let restored = get(&window, "Handover");
    assert!(Object::is(&restored, &stub), "the page's stub is back");
    assert!(get(&restored, "q").is_undefined(), "its queue is emptied");
    Reflect::delete_property(&window.unchecked_into::<Object>(), &"Handover".into()).unwrap();
}

#[wasm_bindgen_test]
async fn destroy_from_the_api_removes_everything() {
    let w = Booted::start(&[("data-storage", "memory")]).unwrap();
    call_api(&["destroy".into()]);
    settle().await;
    assert!(
        document()
            .query_selector("handover-widget")
            .unwrap()
            .is_none()
    );
    assert!(get(&web_sys::window().unwrap().into(), "Handover").is_undefined());
    std::mem::forget(w); // already destroyed
}

#[wasm_bindgen_test]
async fn right_to_left_locales() {
    let w = Booted::start(&[("data-storage", "memory"), ("data-locale", "ar-EG")]).unwrap();
    w.open().await;
    let root = w.find(".root").unwrap();
    assert_eq!(root.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(root.get_attribute("lang").as_deref(), Some("ar-EG"));
    assert_eq!(
        w.part("human-button").text_content().as_deref(),
        Some("التحدث مع موظف")
    );
}

#[wasm_bindgen_test]
async fn ui_language_follows_the_page() {
    let html = document().document_element().unwrap();
    html.set_attribute("lang", "de-AT").unwrap();
    let w = Booted::start(&[("data-storage", "memory")]).unwrap();
    html.remove_attribute("lang").unwrap();
    w.open().await;
    assert_eq!(
        w.part("launcher").get_attribute("aria-label").as_deref(),
        Some("Support")
    );
    assert_eq!(
        w.part("human-button").text_content().as_deref(),
        Some("Mit einem Menschen sprechen")
    );
}

#[wasm_bindgen_test]
async fn another_tabs_messages_arrive_and_count_as_unread() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("handover.state").unwrap();
    let w = Booted::start(&[("data-title", "Shop")]).unwrap();
    w.open().await;
    w.type_text("hello from this tab").await;
    w.key(&w.input().unchecked_into(), "Enter", false).await;
    w.part("launcher").click();
    settle().await;

    // Another tab adds a bot reply: it writes storage, and this tab gets a storage event.
    let mut stored: serde_json::Value =
        serde_json::from_str(&storage.get_item("handover.state").unwrap().unwrap()).unwrap();
    stored["conversation"]["messages"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "zz-other-tab", "role": "bot", "text": "Reply from the other tab",
            "at": js_sys::Date::now() as u64 + 1000
        }));
    let raw = stored.to_string();
    storage.set_item("handover.state", &raw).unwrap();
    let init = StorageEventInit::new();
    init.set_key(Some("handover.state"));
    init.set_new_value(Some(&raw));
    let event = StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    settle().await;

    assert_eq!(w.messages().len(), 2);
    assert_eq!(w.messages()[1].1, "Assistant: Reply from the other tab");
    let launcher = w.part("launcher");
    assert_eq!(
        launcher.get_attribute("aria-label").as_deref(),
        Some("Shop, 1 unread")
    );
    assert_eq!(
        w.find(".badge").unwrap().text_content().as_deref(),
        Some("1")
    );

    // Opening reads it; the marker is stored for the other tabs.
    launcher.click();
    settle().await;
    assert!(w.find(".badge").is_none());
    let stored = storage.get_item("handover.state").unwrap().unwrap();
    assert!(stored.contains("\"read_up_to\""));
    drop(w);

    // A reload restores the conversation.
    let w = Booted::start(&[]).unwrap();
    settle().await;
    assert_eq!(w.messages().len(), 2);
    drop(w);
    storage.remove_item("handover.state").unwrap();
}

#[wasm_bindgen_test]
async fn unreadable_storage_is_set_aside_not_fatal() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item("handover.state", "{broken").unwrap();
    let w = Booted::start(&[]).unwrap();
    assert!(w.messages().is_empty());
    assert_eq!(
        storage
            .get_item("handover.state.unreadable")
            .unwrap()
            .as_deref(),
        Some("{broken")
    );
    drop(w);
    storage.remove_item("handover.state.unreadable").unwrap();
    storage.remove_item("handover.state").unwrap();
}

#[wasm_bindgen_test]
async fn panel_state_survives_navigation_in_the_same_tab() {
    let session = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    session.remove_item("handover.open").unwrap();
    let w = Booted::start(&[]).unwrap();
    w.part("launcher").click();
    settle().await;
    drop(w);
    let w = Booted::start(&[]).unwrap();
    assert!(!w.part("panel").hidden(), "open again after a 'navigation'");
    drop(w);
    session.remove_item("handover.open").unwrap();
}

#[wasm_bindgen_test]
async fn deeply_nested_page_data_neither_overflows_nor_throws() {
    let w = Booted::start(&[("data-storage", "memory")]).unwrap();
    for depth in [31, 32, 33, 127, 5000] {
        let nested = format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
        let value = js_sys::JSON::parse(&nested).unwrap();
        call_api(&["context".into(), value]);
    }
    settle().await;
    w.open().await;
    assert!(!w.part("panel").hidden(), "the widget still works");
}

#[wasm_bindgen_test]
async fn messages_are_analysed_and_escalations_announced() {
    let escalations = Recorder::new("handover:escalation");
    let w = Booted::start(&[("data-storage", "memory"), ("data-open", "")]).unwrap();
    settle().await;
    w.type_text("where is my order?").await;
    w.key(&w.input().unchecked_into(), "Enter", false).await;
    assert!(
        escalations.details().is_empty(),
        "a calm question escalates nothing"
    );

    w.type_text("This is the THIRD time!!! Let me talk to a real person")
        .await;
    w.key(&w.input().unchecked_into(), "Enter", false).await;
    let details = escalations.details();
    assert_eq!(details.len(), 1);
    assert_eq!(
        get(&details[0], "decision").as_string().as_deref(),
        Some("handoff")
    );
    assert_eq!(
        get(&details[0], "kind").as_string().as_deref(),
        Some("explicit_request")
    );
    let scores = get(&details[0], "scores");
    assert!(get(&scores, "frustration").as_f64().unwrap() > 0.3);
    let reasons: Array = get(&details[0], "reasons").unchecked_into();
    assert!(
        reasons
            .get(0)
            .as_string()
            .unwrap()
            .starts_with("asked for a human")
    );
}

#[wasm_bindgen_test]
async fn site_owner_phrases_count_as_requests() {
    let escalations = Recorder::new("handover:escalation");
    let w = Booted::start(&[
        ("data-storage", "memory"),
        ("data-open", ""),
        ("data-human-phrases", r#"["ask|call Maria"]"#),
    ])
    .unwrap();
    w.type_text("can I ask Maria about this?").await;
    w.key(&w.input().unchecked_into(), "Enter", false).await;
    assert_eq!(escalations.details().len(), 1);
}

/// Submits the handoff form with a real `submit` event, as Enter in a field does.
async fn submit_form(w: &Booted) {
    let form = w.part("handoff-form");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = Event::new_with_event_init_dict("submit", &init).unwrap();
    form.dispatch_event(&event).unwrap();
    settle().await;
}

fn set_field(w: &Booted, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = w.find(selector).unwrap().unchecked_into();
    input.set_value(value);
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn the_contact_form_asks_only_what_is_needed_and_explains_errors() {
    let handoffs = Recorder::new("handover:handoff");
    let w = Booted::start(&[
        ("data-storage", "memory"),
        ("data-open", ""),
        ("data-locale", "fr"),
        ("data-destination", "zendesk"),
        ("data-endpoint", "http://127.0.0.1:9/api/v2/requests.json"),
        (
            "data-consent",
            "J’accepte que cette conversation soit transmise.",
        ),
    ])
    .unwrap();
    w.part("human-button").click();
    settle().await;
    let form = w.part("handoff-form");
    assert_eq!(form.tag_name(), "FORM");
    // Visible labels wrap each field; the email field is typed and autocompletes.
    let email = w.find("input[name=email]").expect("Zendesk needs an email");
    assert_eq!(email.get_attribute("type").as_deref(), Some("email"));
    assert_eq!(
        email.get_attribute("autocomplete").as_deref(),
        Some("email")
    );
    assert!(email.has_attribute("required"));
    let name = w.find("input[name=name]").unwrap();
    assert_eq!(name.get_attribute("autocomplete").as_deref(), Some("name"));
    for field in [&email, &name] {
        assert_eq!(field.parent_element().unwrap().tag_name(), "LABEL");
    }
    assert!(w.find("input[name=consent]").is_some());
    assert!(
        w.part("handoff-submit")
            .text_content()
            .unwrap()
            .contains("Envoyer")
    );

    // Empty: both errors, in French, tied to their fields; nothing is queued.
    submit_form(&w).await;
    let described = email.get_attribute("aria-describedby").unwrap();
    let error = w.find(&format!("#{described}")).unwrap();
    assert_eq!(
        error.text_content().unwrap(),
        "Indiquez votre e-mail pour que l’équipe puisse vous répondre."
    );
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        w.active().unwrap().get_attribute("name").as_deref(),
        Some("email")
    );
    let consent_error = w.find("#handover-consent-error").unwrap();
    assert_eq!(
        consent_error.text_content().unwrap(),
        "Cochez la case pour continuer."
    );
    assert!(handoffs.details().is_empty());

    set_field(&w, "input[name=email]", "pas une adresse");
    submit_form(&w).await;
    assert_eq!(
        error.text_content().unwrap(),
        "Cette adresse e-mail ne semble pas valide."
    );

    // Complete: queued for Zendesk, the form closes, a status appears.
    set_field(&w, "input[name=email]", "ana@example.com");
    let consent: web_sys::HtmlInputElement =
        w.find("input[name=consent]").unwrap().unchecked_into();
    consent.set_checked(true);
    consent
        .dispatch_event(&Event::new("change").unwrap())
        .unwrap();
    submit_form(&w).await;
    assert!(w.find("[part~='handoff-form']").is_none());
    let details = handoffs.details();
    assert_eq!(
        get(&details[0], "state").as_string().as_deref(),
        Some("queued")
    );
    assert_eq!(
        get(&details[0], "destination").as_string().as_deref(),
        Some("zendesk")
    );
    assert_eq!(
        w.part("status").get_attribute("role").as_deref(),
        Some("status")
    );
}

#[wasm_bindgen_test]
async fn a_known_visitor_is_not_asked_again_and_escape_leaves_the_form() {
    let w = Booted::start(&[
        ("data-storage", "memory"),
        ("data-open", ""),
        ("data-destination", "zendesk"),
        ("data-endpoint", "http://127.0.0.1:9/api/v2/requests.json"),
    ])
    .unwrap();
    call_api(&[
        "identify".into(),
        js_sys::JSON::parse(r#"{"name":"Ana","email":"ana@example.com"}"#).unwrap(),
    ]);
    call_api(&["handoff".into(), JsValue::UNDEFINED]);
    settle().await;
    assert!(
        w.find("input[name=email]").is_none(),
        "asked for a known email"
    );
    let form = w.part("handoff-form");
    assert!(
        form.text_content()
            .unwrap()
            .contains("We'll reply to ana@example.com.")
    );
    let name: web_sys::HtmlInputElement = w.find("input[name=name]").unwrap().unchecked_into();
    assert_eq!(name.value(), "Ana");
    // No consent configured: no checkbox.
    assert!(w.find("input[type=checkbox]").is_none());
    w.key(&name.unchecked_into(), "Escape", false).await;
    assert!(w.find("[part~='handoff-form']").is_none());
    assert!(
        !w.part("panel").hidden(),
        "Escape in the form closed the whole panel"
    );
}

#[wasm_bindgen_test]
async fn office_hours_say_who_answers_and_when() {
    let open = Booted::start(&[
        ("data-storage", "memory"),
        ("data-open", ""),
        ("data-endpoint", "/api/handoff"),
        (
            "data-office-hours",
            r#"{"timezone":"UTC","hours":{"daily":"00:00-24:00"}}"#,
        ),
    ])
    .unwrap();
    open.part("human-button").click();
    settle().await;
    let note = open.find(".hours").unwrap().text_content().unwrap();
    assert_eq!(note, "A person will reply here or by email.");
    let email = open.find("input[name=email]").unwrap();
    assert!(
        !email.has_attribute("required"),
        "a webhook needs no email while open"
    );
    drop(open);

    // Closed all week but one minute on Sunday night in Tokyo: email is required, and the
    // next opening is named in the visitor's language.
    let closed = Booted::start(&[
        ("data-storage", "memory"),
        ("data-open", ""),
        ("data-locale", "de"),
        ("data-endpoint", "/api/handoff"),
        (
            "data-office-hours",
            r#"{"timezone":"Asia/Tokyo","hours":{"sun":"23:58-23:59"}}"#,
        ),
    ])
    .unwrap();
    closed.part("human-button").click();
    settle().await;
    let note = closed.find(".hours").unwrap().text_content().unwrap();
    assert!(
        note.starts_with("Wir sind gerade nicht da. Ein Mensch antwortet per E-Mail ab "),
        "{note}"
    );
    assert!(
        closed
            .find("input[name=email]")
            .unwrap()
            .has_attribute("required")
    );
    drop(closed);

    // A zone the browser does not know is a config error: no widget.
    assert!(
        Booted::start(&[
            ("data-storage", "memory"),
            (
                "data-office-hours",
                r#"{"timezone":"Mars/Olympus_Mons","hours":{}}"#
            ),
        ])
        .is_none()
    );
}

/// The summaries the wasm build makes of the test conversations are exactly the scoring
/// CLI's (`tests/replay.rs` checks the CLI against the same file): same detector, policy,
/// summary and redaction code, and no platform difference in between (float formatting,
/// hashing, time).
#[wasm_bindgen_test]
fn the_wasm_build_summarises_like_the_cli() {
    let expected: Vec<serde_json::Value> = include_str!("data/conversations.summaries.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got = handover::replay::summary_lines(
        handover::detect::shared(),
        include_str!("data/conversations.jsonl"),
        &[],
    );
    assert_eq!(got.len(), expected.len());
    for (got, want) in got.iter().zip(&expected) {
        assert_eq!(got, want, "conversation {}", want["conversation"]);
    }
}
