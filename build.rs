//! Joins the widget's stylesheets (one file per component family under `style/`) and strips
//! comments and layout whitespace, so the CSS compiled into the wasm costs fewer bytes.

use std::{env, fs, path::Path};

/// The stylesheets, in cascade order.
const SHEETS: [&str; 5] = ["base", "launcher", "panel", "message", "composer"];

fn main() {
    let mut css = String::new();
    for sheet in SHEETS {
        let path = format!("style/{sheet}.css");
        println!("cargo::rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
        css.push_str(&minify(&text));
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("widget.css");
    fs::write(out, css).expect("writing widget.css");
}

/// Drops comments, collapses whitespace runs to one space, and removes spaces next to
/// `{ } ; ,` and after `:`, where CSS never needs them. Spaces elsewhere (descendant
/// combinators, `calc(a - b)`) stay.
fn minify(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    without_comments.push_str(rest);

    let mut out = String::with_capacity(without_comments.len());
    let mut pending_space = false;
    for c in without_comments.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        let tight = |c: char| matches!(c, '{' | '}' | ';' | ',');
        if pending_space && !tight(c) && !out.ends_with(|p: char| tight(p) || p == ':') {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}
