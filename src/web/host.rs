//! The `<handover-widget>` host element: an open shadow root with the widget's stylesheet
//! adopted into it, so the page's CSS cannot reach in and ours cannot leak out.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Document, HtmlElement, ShadowRootInit, ShadowRootMode};

/// The widget's CSS: `style/*.css`, joined and minified by `build.rs`.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

/// The host element and the inner root that Leptos mounts into.
pub struct Host {
    /// `<handover-widget>`, appended to `body`.
    pub element: HtmlElement,
    /// The element inside the shadow root that carries theme, direction and language.
    pub root: HtmlElement,
}

impl Host {
    /// Builds the host and appends it to `body`. The stylesheet is constructed and adopted,
    /// which a strict CSP without `'unsafe-inline'` allows, unlike a `<style>` element.
    pub fn create(document: &Document) -> Result<Host, JsValue> {
        let element: HtmlElement = document.create_element("handover-widget")?.unchecked_into();
        let shadow = element.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(CSS)?;
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        let root: HtmlElement = document.create_element("div")?.unchecked_into();
        shadow.append_child(&root)?;
        let body = document
            .body()
            .ok_or_else(|| JsValue::from_str("the page has no <body>"))?;
        body.append_child(&element)?;
        Ok(Host { element, root })
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        self.element.remove();
    }
}
