//! The FAQ tester (`examples/faq.rs`) as a site owner runs it: one JSON line per input line
//! whatever the line holds, every problem of a bad file at once with exit code 1, and lints
//! on stderr. `cargo test` builds the examples, so the binary is next to this test's.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn tester() -> PathBuf {
    // target/<profile>/deps/faq_tester-… → target/<profile>/examples/faq
    let exe = std::env::current_exe().unwrap();
    let profile = exe.parent().and_then(|deps| deps.parent()).unwrap();
    profile
        .join("examples")
        .join(format!("faq{}", std::env::consts::EXE_SUFFIX))
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(tester())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the faq example is built by cargo test");
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&bytes));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    output
}

#[test]
fn one_json_line_per_input_line_whatever_it_holds() {
    let huge = "where is my order ".repeat(60_000);
    let mut input = Vec::new();
    for line in [
        "How long does shipping take?",
        "",
        "🙂🙂🙂",
        "أين طلبي",
        "Z̸̢̛a̴l̷g̵o̶ ̶r̶e̶f̶u̶n̶d̶",
        huge.as_str(),
    ] {
        input.extend_from_slice(line.as_bytes());
        input.push(b'\n');
    }
    input.extend_from_slice(b"\xff\xfe broken bytes\r\n");
    let out = run(&["examples/demo/faq.json"], &input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("valid, 16 entries"), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    // Fields in the contract's order.
    assert!(stdout.lines().all(|l| l.starts_with("{\"text\":")));
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 7);
    assert_eq!(lines[0]["answer"], "shipping-time");
    assert_eq!(lines[0]["text"], "How long does shipping take?");
    for line in &lines {
        let keys: Vec<&str> = line
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["answer", "confidence", "suggestions", "text"]);
        let confidence = line["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&confidence), "{line}");
        assert!(line["suggestions"].as_array().unwrap().len() <= 3);
    }
    assert_eq!(lines[1]["answer"], Value::Null);
    assert_eq!(lines[6]["text"], "\u{FFFD}\u{FFFD} broken bytes");
}

#[test]
fn a_bad_file_gets_every_problem_and_exit_code_1() {
    let dir = std::env::temp_dir().join(format!("handover-faq-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"version":1,"entries":[{"id":"a","question":"q?","answer":"x"},
           {"id":"a","question":"","answer":"[x](javascript:alert(1))"},{"question":"q"}]}"#,
    )
    .unwrap();
    let out = run(&[bad.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for fragment in [
        "entries[1] (id \"a\"), `id`: is used by an earlier entry too",
        "entries[1] (id \"a\"), `question`: must not be empty",
        "entries[1] (id \"a\"), `answer`",
        "entries[2], `id`: is required",
        "entries[2], `answer`: is required",
    ] {
        assert!(stderr.contains(fragment), "{fragment:?} not in {stderr}");
    }
    assert!(out.stdout.is_empty());

    // A valid file whose entries overlap: warnings name them, exit code 0.
    let overlapping = dir.join("overlap.json");
    std::fs::write(
        &overlapping,
        r#"{"version":1,"entries":[
           {"id":"ship","question":"How long does shipping take?","phrasings":["please help me"],"answer":"3 days"},
           {"id":"ship-too","question":"How long does shipping take?","answer":"Also 3 days"}]}"#,
    )
    .unwrap();
    let out = run(&["--check", overlapping.to_str().unwrap()], b"");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("warnings:"), "{stderr}");
    assert!(
        stderr.contains("entries[0] (id \"ship\"), `phrasings[0]`: has only common words"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "entries[1] (id \"ship-too\"), `question`: asked as written, is answered by \"ship\""
        ),
        "{stderr}"
    );
    let usage = run(&["--threshold", "7", "examples/demo/faq.json"], b"");
    assert_eq!(usage.status.code(), Some(2));
    std::fs::remove_dir_all(dir).unwrap();
}
