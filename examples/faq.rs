//! The FAQ tester (DESIGN.md, "FAQ file and FAQ tester"): checks a FAQ file before it is
//! published, then answers questions with the widget's own matcher and threshold.
//!
//! ```text
//! cargo run --release --example faq -- FAQ.json < questions.txt
//! cargo run --release --example faq -- --threshold 0.4 FAQ.json < questions.txt
//! cargo run --release --example faq -- --check FAQ.json
//! ```
//!
//! An invalid file: every problem on stderr, naming the entry and the field; exit code 1.
//! A valid one: a summary on stderr, plus a warning for each question or phrasing that,
//! asked word for word, does not come back to its own entry. Then one JSON object per stdin
//! line, in order: `{"text":"...","answer":"shipping-time","confidence":0.83,
//! "suggestions":["returns"]}`, `answer` `null` when the bot would say it does not know.
//! Any line is fine (empty, huge, emoji, other scripts, invalid UTF-8).

use handover::bot::faq::Faq;
use handover::bot::lint::lint;
use handover::bot::matcher::Matcher;
use serde::Serialize;
use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: faq [--threshold T] [--check] FAQ.json < questions";

/// One answered line, fields in the contract's order.
#[derive(Serialize)]
struct Answered<'a> {
    text: &'a str,
    answer: Option<&'a str>,
    confidence: f64,
    suggestions: Vec<&'a str>,
}

fn main() -> ExitCode {
    let mut path = None;
    let mut threshold = None;
    let mut check_only = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--threshold" => match args.next().map(|t| t.parse::<f32>()) {
                Some(Ok(t)) if t > 0.0 && t <= 1.0 => threshold = Some(t),
                _ => {
                    eprintln!("--threshold needs a number above 0 and at most 1\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--check" => check_only = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other if path.is_none() && !other.starts_with("--") => path = Some(other.to_owned()),
            other => {
                eprintln!("unknown argument {other:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = path else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let text = match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(err) => {
            eprintln!("{path}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let faq = match Faq::parse(&text) {
        Ok(faq) => faq,
        Err(errors) => {
            eprintln!("{path}: {errors}");
            return ExitCode::FAILURE;
        }
    };
    let matcher = match threshold {
        Some(t) => Matcher::with_threshold(&faq, t),
        None => Matcher::new(&faq),
    };
    let phrasings: usize = faq.entries.iter().map(|e| 1 + e.phrasings.len()).sum();
    let lints = lint(&faq, &matcher);
    eprintln!(
        "{path}: valid, {} entries, {phrasings} questions and phrasings, threshold {:.2}{}",
        faq.entries.len(),
        matcher.threshold(),
        match lints.len() {
            0 => String::new(),
            n => format!(", {n} warning{}:", if n == 1 { "" } else { "s" }),
        }
    );
    for found in &lints {
        eprintln!("  - {}", found.describe(&faq, matcher.threshold()));
    }
    if check_only {
        return ExitCode::SUCCESS;
    }
    let mut out = BufWriter::new(io::stdout().lock());
    match answer_lines(&faq, &matcher, io::stdin().lock(), &mut out).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error worth a message.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("faq: {err}");
            ExitCode::FAILURE
        }
    }
}

/// One JSON line per input line; flushed per line at a terminal, so it answers as you type.
fn answer_lines(
    faq: &Faq,
    matcher: &Matcher,
    input: impl BufRead,
    out: &mut impl Write,
) -> io::Result<()> {
    let interactive = io::stdin().is_terminal();
    let id = |i: usize| faq.entries[i].id.as_str();
    for bytes in input.split(b'\n') {
        let mut bytes = bytes?;
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
        let text = String::from_utf8_lossy(&bytes);
        let found = matcher.ask(&text);
        let line = Answered {
            text: &text,
            answer: found.entry.map(id),
            confidence: (f64::from(found.confidence) * 1000.0).round() / 1000.0,
            suggestions: found.suggestions.iter().map(|i| id(*i)).collect(),
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
        if interactive {
            out.flush()?;
        }
    }
    Ok(())
}
