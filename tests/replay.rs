//! The scoring CLI's `--conversation --summary` output on the test conversations is exactly
//! `tests/data/conversations.summaries.jsonl`; `tests/web.rs` checks the wasm build against
//! the same file, so the CLI and the widget cannot drift apart. After a deliberate change to
//! the summary, `HANDOVER_BLESS=1 cargo test --test replay` rewrites the file.
#![cfg(not(target_arch = "wasm32"))]

use handover::detect::shared;
use handover::replay::summary_lines;
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

const CONVERSATIONS: &str = "tests/data/conversations.jsonl";
const EXPECTED: &str = "tests/data/conversations.summaries.jsonl";

fn cli_summaries() -> Vec<Value> {
    let exe = std::env::current_exe().unwrap();
    let profile = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let cli = profile
        .join("examples")
        .join(format!("score{}", std::env::consts::EXE_SUFFIX));
    let mut child = Command::new(cli)
        .args(["--conversation", "--summary"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the score example is built by cargo test");
    let input = std::fs::read(CONVERSATIONS).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v.get("summary").is_some())
        .collect()
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
