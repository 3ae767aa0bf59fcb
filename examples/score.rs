//! The scoring CLI (DESIGN.md, "Scoring CLI"): the widget's own analysis and escalation
//! policy on the command line, for site owners tuning thresholds and for tests and benches.
//!
//! ```text
//! cargo run --release --example score < messages.txt
//! cargo run --release --example score -- --conversation < conversations.jsonl
//! cargo run --release --example score -- --conversation --thresholds '{"offer_score":0.7}'
//! cargo run --release --example score -- --conversation --summary < conversations.jsonl
//! cargo run --release --example score -- --conversation --summary --faq faq.json < c.jsonl
//! ```
//!
//! Line mode: one message per input line, one JSON object per output line, in order.
//! Conversation mode: JSON lines `{"role":"visitor"|"bot","text":"..."}` (a bot line may say
//! `"answered": false`; otherwise a reply like "Sorry, I don't know" counts as a failure), a
//! blank line between conversations, one decision per visitor turn. With `--summary`, after
//! each conversation's decisions, what the agent would receive if the visitor asked for a
//! person after the last turn: `summary`, `priority`, `trigger` and `redactions` of payload
//! v1, built by the widget's own code (roles `agent` and `system` are accepted too); with
//! `--faq`, the product names that FAQ knows are found in the details, as in the widget.
//! Bad input lines are reported on stderr with their line number and skipped.

use handover::bot::faq::Faq;
use handover::conversation::Role;
use handover::detect::{Analysis, Detector, WordMemo, shared};
use handover::escalate::Thresholds;
use handover::replay::Replay;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

/// The CLI allocates a few short strings per line; mimalloc serves them in about half the
/// instructions of the system allocator (callgrind on 3,000 VADER lines: 7% fewer in all).
/// (Native builds only: the crate is C, and the CLI is not meant for the browser.)
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str =
    "usage: score [--conversation [--summary [--faq FAQ.json]]] [--thresholds JSON] < input";

fn main() -> ExitCode {
    let mut conversation = false;
    let mut summary = false;
    let mut thresholds = Thresholds::default();
    let mut products = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--conversation" => conversation = true,
            "--summary" => summary = true,
            "--thresholds" => {
                let Some(text) = args.next() else {
                    eprintln!("--thresholds needs a JSON object\n{USAGE}");
                    return ExitCode::from(2);
                };
                match serde_json::from_str(&text) {
                    Ok(parsed) => thresholds = parsed,
                    Err(err) => {
                        eprintln!("--thresholds: {err}\n{USAGE}");
                        return ExitCode::from(2);
                    }
                }
            }
            "--faq" => {
                let faq = args
                    .next()
                    .ok_or_else(|| "--faq needs a file".to_owned())
                    .and_then(|path| {
                        let text =
                            std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
                        Faq::parse(&text).map_err(|e| format!("{path}: {e}"))
                    });
                match faq {
                    Ok(faq) => products = faq.product_names(),
                    Err(why) => {
                        eprintln!("{why}\n{USAGE}");
                        return ExitCode::from(2);
                    }
                }
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("unknown argument {other:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    if summary && !conversation {
        eprintln!("--summary needs --conversation\n{USAGE}");
        return ExitCode::from(2);
    }
    let stdin = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let result = if conversation {
        conversations(
            stdin,
            &mut out,
            thresholds,
            summary.then_some(&products[..]),
        )
    } else {
        messages(stdin, &mut out)
    };
    match result.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error worth a message.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("score: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Rounds for output: f32 values printed through f64 would show conversion noise.
fn round(value: f32, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (f64::from(value) * scale).round() / scale
}

/// Appends one line of line mode, fields in the contract's order. Written by hand rather
/// than through serde: line mode is what throughput is measured on, and this is several times
/// faster while printing exactly what serde_json would.
fn write_scored(out: &mut Vec<u8>, text: &str, a: &Analysis) {
    out.extend_from_slice(b"{\"text\":");
    json_string(out, text);
    out.extend_from_slice(b",\"sentiment\":{\"compound\":");
    json_rounded(out, a.sentiment.compound, 4);
    out.extend_from_slice(b",\"label\":\"");
    out.extend_from_slice(a.sentiment.label().as_str().as_bytes());
    out.extend_from_slice(b"\",\"pos\":");
    json_rounded(out, a.sentiment.pos, 3);
    out.extend_from_slice(b",\"neu\":");
    json_rounded(out, a.sentiment.neu, 3);
    out.extend_from_slice(b",\"neg\":");
    json_rounded(out, a.sentiment.neg, 3);
    out.extend_from_slice(b"},\"frustration\":");
    json_rounded(out, a.frustration, 3);
    out.extend_from_slice(b",\"confusion\":");
    json_rounded(out, a.confusion, 3);
    out.extend_from_slice(if a.human_request {
        b",\"human_request\":true,\"language\":\""
    } else {
        b",\"human_request\":false,\"language\":\""
    });
    out.extend_from_slice(a.language.code().as_bytes());
    out.extend_from_slice(b"\",\"reasons\":[");
    for (i, reason) in a.reasons.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        json_string(out, reason);
    }
    out.extend_from_slice(b"]}\n");
}

/// A JSON string, escaped as serde_json escapes it: quotes, backslashes and control
/// characters; everything else, UTF-8 included, copied in runs.
fn json_string(out: &mut Vec<u8>, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut at = 0;
    while at < bytes.len() {
        // Eight bytes at a time while none needs escaping: that is most of every line.
        if let Some(chunk) = bytes.get(at..at + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            if !needs_escape(word) {
                at += 8;
                continue;
            }
        }
        let byte = bytes[at];
        at += 1;
        if byte >= 0x20 && byte != b'"' && byte != b'\\' {
            continue;
        }
        out.extend_from_slice(&bytes[run..at - 1]);
        run = at;
        match byte {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 15)],
            ]),
        }
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// Whether any of the eight bytes in `word` is a control character, `"` or a backslash.
/// The usual bit trick: `x - 0x01…01` borrows into the top bit of a byte that was zero in
/// `x` (and perhaps of bytes above it, which does not change the answer: only whether any
/// is marked is used). Bytes of 0x80 and up, the UTF-8 ones, are masked out.
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOPS: u64 = 0x8080_8080_8080_8080;
    let below_space = word.wrapping_sub(ONES * 0x20);
    let quote = (word ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES);
    let backslash = (word ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES);
    (below_space | quote | backslash) & !word & TOPS != 0
}

/// `value` rounded to `decimals` places, as serde_json prints the rounded `f64`: the
/// shortest decimal that reads back as it, which for a number with a few decimals is that
/// number without trailing zeros ("0.5", "1.0", "-0.0").
fn json_rounded(out: &mut Vec<u8>, value: f32, decimals: u32) {
    const POWERS: [f64; 5] = [1.0, 10.0, 100.0, 1000.0, 10_000.0];
    let mut places = decimals.min(4);
    let scaled = f64::from(value) * POWERS[places as usize];
    // Rounded half away from zero, as `f64::round` does, without its library call: an
    // `f32` times 10⁴ is exact in an `f64`, and so is adding one half to it.
    let mut digits = (scaled.abs() + 0.5) as u64;
    while places > 1 && digits.is_multiple_of(10) {
        digits /= 10;
        places -= 1;
    }
    // Written from the last digit back into a buffer, then copied out once: the decimals,
    // the point, the whole part (20 digits at most) and the sign.
    let mut buffer = [0u8; 32];
    let mut at = buffer.len();
    let mut push = |byte: u8| {
        at -= 1;
        buffer[at] = byte;
    };
    for _ in 0..places {
        push(b'0' + (digits % 10) as u8);
        digits /= 10;
    }
    push(b'.');
    loop {
        push(b'0' + (digits % 10) as u8);
        digits /= 10;
        if digits == 0 {
            break;
        }
    }
    if scaled.is_sign_negative() {
        push(b'-');
    }
    out.extend_from_slice(&buffer[at..]);
}

/// One decision of conversation mode.
#[derive(Serialize)]
struct Decided<'a> {
    conversation: usize,
    turn: usize,
    decision: &'static str,
    score: f64,
    reasons: &'a [String],
}

/// Input lines, read as bytes so that invalid UTF-8 is replaced instead of stopping the run.
fn lines(input: impl BufRead) -> impl Iterator<Item = io::Result<String>> {
    input
        .split(b'\n')
        .map(|bytes| bytes.map(|bytes| line_text(&bytes).into_owned()))
}

/// The text of one input line (its `\n` already gone): without a `\r` before it, and with
/// invalid UTF-8 replaced. Valid UTF-8, nearly every line, is borrowed as it is.
fn line_text(bytes: &[u8]) -> Cow<'_, str> {
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// Line mode. Typed at a terminal, each line is answered at once; piped, lines are read in
/// batches and scored on every core, printed in input order.
fn messages(mut input: impl BufRead, out: &mut impl Write) -> io::Result<()> {
    let detector = shared();
    let interactive = io::stdin().is_terminal();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let batch = if interactive { 1 } else { 4096 };
    // One memo per thread, kept from batch to batch: words seen once are looked up fast.
    let mut memos: Vec<WordMemo> = (0..threads).map(|_| WordMemo::default()).collect();
    // A batch is read into one buffer, and its lines are borrowed from it.
    let (mut block, mut ends) = (Vec::new(), Vec::with_capacity(batch));
    loop {
        block.clear();
        ends.clear();
        while ends.len() < batch && input.read_until(b'\n', &mut block)? > 0 {
            ends.push(block.len());
        }
        if ends.is_empty() {
            return Ok(());
        }
        let mut from = 0;
        let chunk: Vec<Cow<'_, str>> = ends
            .iter()
            .map(|&end| {
                let line = &block[from..end];
                from = end;
                line_text(line.strip_suffix(b"\n").unwrap_or(line))
            })
            .collect();
        let per_thread = chunk.len().div_ceil(threads);
        let rendered: Vec<io::Result<Vec<u8>>> = std::thread::scope(|scope| {
            let workers: Vec<_> = chunk
                .chunks(per_thread)
                .zip(memos.iter_mut())
                .map(|(part, memo)| {
                    scope.spawn(move || {
                        // A line comes back as itself plus about 300 bytes of scores.
                        let size = part.iter().map(|line| line.len() + 320).sum();
                        let mut buffer = Vec::with_capacity(size);
                        for line in part {
                            let analysis = detector.analyze_with(line, memo);
                            write_scored(&mut buffer, line, &analysis);
                        }
                        buffer
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| {
                    w.join()
                        .map_err(|_| io::Error::other("a scoring thread failed"))
                })
                .collect()
        });
        for part in rendered {
            out.write_all(&part?)?;
        }
    }
}

#[derive(Deserialize)]
struct Turn {
    role: String,
    text: String,
    #[serde(default)]
    answered: Option<bool>,
}

fn conversations(
    input: impl BufRead,
    out: &mut impl Write,
    thresholds: Thresholds,
    summary: Option<&[String]>,
) -> io::Result<()> {
    let detector: &Detector = shared();
    let mut index = 0usize;
    let mut replay = Replay::new(detector, thresholds);
    let mut visitor_turn = 0usize;
    let mut started = false;
    let finish = |out: &mut dyn Write, replay: &Replay<'_>, index: usize| match summary {
        Some(products) => {
            serde_json::to_writer(&mut *out, &replay.summary_line(index, products))?;
            out.write_all(b"\n")
        }
        None => Ok(()),
    };
    for (number, line) in lines(input).enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            if started {
                finish(out, &replay, index)?;
                index += 1;
                replay = Replay::new(detector, thresholds);
                visitor_turn = 0;
                started = false;
            }
            continue;
        }
        started = true;
        let turn: Turn = match serde_json::from_str(&line) {
            Ok(turn) => turn,
            Err(err) => {
                eprintln!("line {}: {err}", number + 1);
                continue;
            }
        };
        match turn.role.as_str() {
            "visitor" => {
                let outcome = replay.visitor(&turn.text);
                let decided = Decided {
                    conversation: index,
                    turn: visitor_turn,
                    decision: outcome.decision.as_str(),
                    score: round(outcome.score, 3),
                    reasons: &outcome.signals,
                };
                serde_json::to_writer(&mut *out, &decided)?;
                out.write_all(b"\n")?;
                visitor_turn += 1;
            }
            "bot" => replay.bot(&turn.text, turn.answered),
            "agent" if summary.is_some() => replay.other(Role::Agent, &turn.text),
            "system" if summary.is_some() => replay.other(Role::System, &turn.text),
            other => eprintln!(
                "line {}: role {other:?} is not accepted here (visitor or bot)",
                number + 1
            ),
        }
    }
    if started {
        finish(out, &replay, index)?;
    }
    Ok(())
}
