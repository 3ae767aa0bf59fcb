//! Prepares data compiled into the crate:
//! - the widget's stylesheets (one file per component family under `style/`), joined, with
//!   comments and layout whitespace stripped, so the CSS costs fewer bytes in the wasm;
//! - the VADER sentiment lexicon as two compact blobs (sorted words, one valence byte each),
//!   and a valence for each emoji derived from its description, as VADER does.

use std::{env, fs, path::Path};

/// The stylesheets, in cascade order.
const SHEETS: [&str; 6] = [
    "base", "launcher", "panel", "message", "composer", "handoff",
];

fn main() {
    let mut css = String::new();
    for sheet in SHEETS {
        let path = format!("style/{sheet}.css");
        println!("cargo::rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
        css.push_str(&minify(&text));
    }
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out_dir);
    fs::write(out.join("widget.css"), css).expect("writing widget.css");
    lexicon(out);
}

/// `vader_lexicon.tsv` (word, mean valence with one decimal) becomes `lexicon_words.txt`
/// (words sorted bytewise, one per line) and `lexicon_valence.bin` (valence × 10 as `i8`, in
/// the same order). `emoji_utf8_lexicon.txt` (emoji, description) becomes `emoji.bin`:
/// sorted entries of a little-endian `u32` code point and an `i8` valence × 10, the summed
/// valence of the description's words, for emoji whose description carries sentiment.
fn lexicon(out: &Path) {
    const LEXICON: &str = "src/detect/data/vader_lexicon.tsv";
    const EMOJI: &str = "src/detect/data/emoji_utf8_lexicon.txt";
    println!("cargo::rerun-if-changed={LEXICON}");
    println!("cargo::rerun-if-changed={EMOJI}");
    let text = fs::read_to_string(LEXICON).expect("reading the lexicon");
    let mut entries: Vec<(String, i8)> = text
        .lines()
        .filter_map(|line| {
            let (word, valence) = line.split_once('\t')?;
            let valence: f32 = valence.trim().parse().ok()?;
            Some((word.to_owned(), tenths(valence)))
        })
        .collect();
    entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    entries.dedup_by(|a, b| a.0 == b.0);
    let words: Vec<&str> = entries.iter().map(|(w, _)| w.as_str()).collect();
    fs::write(out.join("lexicon_words.txt"), words.join("\n")).expect("writing words");
    let valences: Vec<u8> = entries.iter().map(|(_, v)| *v as u8).collect();
    fs::write(out.join("lexicon_valence.bin"), valences).expect("writing valences");

    let valence_of = |word: &str| {
        entries
            .binary_search_by(|(w, _)| w.as_bytes().cmp(word.as_bytes()))
            .map_or(0i32, |i| i32::from(entries[i].1))
    };
    let emoji_text = fs::read_to_string(EMOJI).expect("reading the emoji lexicon");
    let mut emoji: Vec<(u32, i8)> = emoji_text
        .lines()
        .filter_map(|line| {
            let (symbol, description) = line.split_once('\t')?;
            let mut chars = symbol.chars();
            // VADER looks emoji up one character at a time: only single code points count.
            let (Some(c), None) = (chars.next(), chars.next()) else {
                return None;
            };
            let total: i32 = description
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .filter(|w| !w.is_empty())
                .map(|w| valence_of(&w.to_lowercase()))
                .sum();
            (total != 0).then(|| (u32::from(c), total.clamp(-40, 40) as i8))
        })
        .collect();
    emoji.sort_unstable();
    emoji.dedup_by_key(|(c, _)| *c);
    let mut bytes = Vec::with_capacity(emoji.len() * 5);
    for (c, v) in emoji {
        bytes.extend_from_slice(&c.to_le_bytes());
        bytes.push(v as u8);
    }
    fs::write(out.join("emoji.bin"), bytes).expect("writing emoji");
}

/// A valence with one decimal, as tenths.
fn tenths(valence: f32) -> i8 {
    (valence * 10.0).round().clamp(-127.0, 127.0) as i8
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
