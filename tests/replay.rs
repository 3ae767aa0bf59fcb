//! The scoring CLI against the library it wraps. Its `--conversation --summary` output on
//! the test conversations is exactly `tests/data/conversations.summaries.jsonl`;
//! `tests/web.rs` checks the wasm build against the same file, so the CLI and the widget
//! cannot drift apart. After a deliberate change to the summary,
//! `HANDOVER_BLESS=1 cargo test --test replay` rewrites the file. Line mode's hand-written
//! JSON is checked byte for byte against serde_json's.
#![cfg(not(target_arch = "wasm32"))]

use handover::detect::shared;
use handover::replay::summary_lines;
use serde::Serialize;
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

const CONVERSATIONS: &str = "tests/data/conversations.jsonl";
const EXPECTED: &str = "tests/data/conversations.summaries.jsonl";

/// What the `score` example prints for `input`, run with `args`.
fn run_cli(args: &[&str], input: Vec<u8>) -> String {
    let exe = std::env::current_exe().unwrap();
    let profile = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let cli = profile
        .join("examples")
        .join(format!("score{}", std::env::consts::EXE_SUFFIX));
    let mut child = Command::new(cli)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the score example is built by cargo test");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

fn cli_summaries() -> Vec<Value> {
    let input = std::fs::read(CONVERSATIONS).unwrap();
    run_cli(&["--conversation", "--summary"], input)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v.get("summary").is_some())
        .collect()
}

/// Line mode's fields as the contract orders them, for serde_json to print.
#[derive(Serialize)]
struct Scored<'a> {
    text: &'a str,
    sentiment: Sentiment,
    frustration: f64,
    confusion: f64,
    human_request: bool,
    language: &'static str,
    reasons: &'a [String],
}

#[derive(Serialize)]
struct Sentiment {
    compound: f64,
    label: &'static str,
    pos: f64,
    neu: f64,
    neg: f64,
}

fn rounded(value: f32, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (f64::from(value) * scale).round() / scale
}

#[test]
fn line_mode_prints_what_serde_json_would() {
    let mut lines: Vec<String> = [
        "",
        "plain words",
        "a \"quoted\" word and a back\\slash",
        "tab\there, bell\u{7}, escape\u{1b}, unit separator\u{1f}, delete\u{7f}",
        "backspace\u{8} form feed\u{c}",
        "ünïcödé, 中文, العربية, emoji 😡🙂, zero width\u{200b}, line separator\u{2028}",
        "I want to talk to a real person!!! This is USELESS",
        "hmm",
        "not bad at all",
        "what??",
    ]
    .map(str::to_owned)
    .to_vec();
    // Every escaped byte at every place in an eight-byte run, after ASCII and after UTF-8:
    // the CLI scans eight bytes at a time.
    for special in ['"', '\\', '\t', '\u{1}', '\u{8}', '\u{1f}'] {
        for lead in ["", "é"] {
            for at in 0..17 {
                lines.push(format!(
                    "{lead}{}{special}{}",
                    "x".repeat(at),
                    "y".repeat(9)
                ));
            }
        }
    }
    // Hundreds of ordinary messages, where every kind of rounding shows (trailing zeros,
    // -0.0, 1.0).
    let messages = std::fs::read_to_string("tests/data/support_messages.txt").unwrap();
    lines.extend(messages.lines().map(str::to_owned));
    let input = lines.join("\n") + "\n";
    let printed = run_cli(&[], input.into_bytes());
    let printed: Vec<&str> = printed.lines().collect();
    assert_eq!(printed.len(), lines.len());
    for (line, got) in lines.iter().zip(printed) {
        let a = shared().analyze(line);
        let want = serde_json::to_string(&Scored {
            text: line,
            sentiment: Sentiment {
                compound: rounded(a.sentiment.compound, 4),
                label: a.sentiment.label().as_str(),
                pos: rounded(a.sentiment.pos, 3),
                neu: rounded(a.sentiment.neu, 3),
                neg: rounded(a.sentiment.neg, 3),
            },
            frustration: rounded(a.frustration, 3),
            confusion: rounded(a.confusion, 3),
            human_request: a.human_request,
            language: a.language.code(),
            reasons: &a.reasons,
        })
        .unwrap();
        assert_eq!(got, want, "{line:?}");
    }
}

#[test]
fn line_mode_reads_any_line_ending_and_bad_bytes() {
    // CRLF, invalid UTF-8, an empty line, and a last line without a line break; more lines
    // than one batch, so that a batch boundary falls inside the input.
    let mut input = b"one\r\ntwo \xff\xfe words\n\nthree".to_vec();
    input.extend(b"\nfour".repeat(5000));
    let printed = run_cli(&[], input);
    let texts: Vec<String> = printed
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["text"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(texts.len(), 5004);
    assert_eq!(
        texts[..4],
        ["one", "two \u{FFFD}\u{FFFD} words", "", "three"]
    );
    assert!(texts[4..].iter().all(|t| t == "four"));
}

#[test]
fn the_cli_prints_the_expected_summaries() {
    let cli = cli_summaries();
    let library = summary_lines(
        shared(),
        &std::fs::read_to_string(CONVERSATIONS).unwrap(),
        &[],
    );
    assert_eq!(cli, library, "the CLI and the library disagree");
    if std::env::var_os("HANDOVER_BLESS").is_some() {
        let text: String = cli.iter().map(|v| format!("{v}\n")).collect();
        std::fs::write(EXPECTED, text).unwrap();
    }
    let expected: Vec<Value> = std::fs::read_to_string(EXPECTED)
        .expect("run once with HANDOVER_BLESS=1 to write the expected summaries")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(cli.len(), expected.len());
    for (got, want) in cli.iter().zip(&expected) {
        assert_eq!(got, want, "conversation {}", want["conversation"]);
    }
}
