//! A local handoff inbox, for the demo and the end-to-end tests.
//!
//! ```text
//! cargo run --release --example inbox -- [--port 8787] [--file target/inbox/handoffs.jsonl]
//! ```
//!
//! It listens on 127.0.0.1 and takes what each destination kind sends:
//! `POST /handoff` (webhook, payload v1, validated against the published JSON Schema),
//! `POST /slack` (form-encoded `payload=`), `POST /zendesk` (Requests API JSON), `POST /zoho`
//! (Web-to-Case form) and `POST /email` (relay JSON). Every accepted request is appended to
//! the JSONL file as `{received_at, kind, key, valid, errors, body}`; a webhook request whose
//! `Idempotency-Key` was already stored is answered 200 and not stored again, across restarts
//! too (the file is read at start). CORS preflights are answered for any origin.
//!
//! `GET /` shows the handoffs on a page, newest first; `GET /handoffs.json` returns them;
//! `GET /attempts.json` lists every request that reached an endpoint, with the status it got.
//!
//! For the tests it can be told to misbehave: `POST /control` with
//! `{"fail": [503, 503], "retry_after": "1", "delay_ms": 12000, "delay_count": 1}` answers the
//! next requests with those statuses (and `Retry-After`), then holds the next `delay_count`
//! requests for `delay_ms` before answering; `{"reset": true}` clears it.

// A native server: the wasm build of the examples (clippy's) has no sockets, so it gets an
// empty program.
#[cfg(not(target_arch = "wasm32"))]
mod server {
    use serde_json::{Value, json};
    use std::collections::{HashSet, VecDeque};
    use std::fs::{self, OpenOptions};
    use std::io::{Read, Write};
    use std::path::PathBuf;
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, SystemTime, UNIX_EPOCH};
    use tiny_http::{Header, Method, Request, Response, Server};

    const SCHEMA: &str = include_str!("../src/handoff/handoff-v1.schema.json");
    /// Largest body taken, in bytes: a 500-message transcript is far below it.
    const MAX_BODY: usize = 4 * 1024 * 1024;

    /// Misbehaviour asked for by a test.
    #[derive(Default)]
    struct Faults {
        fail: VecDeque<u16>,
        retry_after: Option<String>,
        delay_ms: u64,
        delay_count: u32,
    }

    struct Inbox {
        file: PathBuf,
        records: Vec<Value>,
        keys: HashSet<String>,
        attempts: Vec<Value>,
        faults: Faults,
        validator: jsonschema::Validator,
    }

    fn now_iso() -> String {
        let ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        handover::time::iso8601(ms)
    }

    impl Inbox {
        fn open(file: PathBuf) -> Inbox {
            let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
            let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
            let records: Vec<Value> = fs::read_to_string(&file)
                .unwrap_or_default()
                .lines()
                .filter_map(|line| serde_json::from_str(line).ok())
                .collect();
            let keys = records
                .iter()
                .filter_map(|r| r["key"].as_str().map(str::to_owned))
                .collect();
            Inbox {
                file,
                records,
                keys,
                attempts: Vec::new(),
                faults: Faults::default(),
                validator,
            }
        }

        fn append(&mut self, record: Value) {
            if let Some(dir) = self.file.parent() {
                let _ = fs::create_dir_all(dir);
            }
            let written = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.file)
                .and_then(|mut f| writeln!(f, "{record}"));
            if let Err(err) = written {
                eprintln!("inbox: could not write {}: {err}", self.file.display());
            }
            if let Some(key) = record["key"].as_str() {
                self.keys.insert(key.to_owned());
            }
            self.records.push(record);
        }

        /// Takes a delivery: `(status, body)`.
        fn receive(&mut self, kind: &str, key: Option<String>, body: &str) -> (u16, Value) {
            let parsed = match kind {
                "slack" => form_field(body, "payload")
                    .and_then(|p| serde_json::from_str(&p).ok())
                    .ok_or("expected a form field payload= holding JSON"),
                "zoho" => Ok(Value::Object(
                    handover::handoff::form_decode(body)
                        .into_iter()
                        .map(|(k, v)| (k, Value::String(v)))
                        .collect(),
                )),
                _ => serde_json::from_str(body).map_err(|_| "the body is not JSON"),
            };
            let parsed = match parsed {
                Ok(value) => value,
                Err(why) => return (400, json!({ "error": why })),
            };
            if kind == "webhook" {
                let Some(key) = key.clone() else {
                    return (
                        400,
                        json!({ "error": "an Idempotency-Key header is required" }),
                    );
                };
                if self.keys.contains(&key) {
                    return (200, json!({ "ok": true, "duplicate": true }));
                }
                if parsed["id"].as_str() != Some(key.as_str()) {
                    return (
                        422,
                        json!({ "error": "the Idempotency-Key differs from the payload's id" }),
                    );
                }
            }
            let errors: Vec<String> = if kind == "webhook" {
                self.validator
                    .iter_errors(&parsed)
                    .map(|e| format!("{e} (at {})", e.instance_path()))
                    .collect()
            } else {
                Vec::new()
            };
            let valid = errors.is_empty();
            self.append(json!({
                "received_at": now_iso(),
                "kind": kind,
                "key": key,
                "valid": valid,
                "errors": errors,
                "body": parsed,
            }));
            if valid {
                (200, json!({ "ok": true }))
            } else {
                (
                    422,
                    json!({ "error": "the payload does not match the schema", "errors": errors }),
                )
            }
        }
    }

    fn form_field(body: &str, name: &str) -> Option<String> {
        handover::handoff::form_decode(body)
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }

    fn header(name: &str, value: &str) -> Header {
        Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
    }

    fn cors(request: &Request) -> Vec<Header> {
        let asked = request
            .headers()
            .iter()
            .find(|h| h.field.equiv("Access-Control-Request-Headers"))
            .map_or("Content-Type, Idempotency-Key".to_owned(), |h| {
                h.value.to_string()
            });
        vec![
            header("Access-Control-Allow-Origin", "*"),
            header("Access-Control-Allow-Methods", "POST, GET, OPTIONS"),
            header("Access-Control-Allow-Headers", &asked),
            header("Access-Control-Expose-Headers", "Retry-After"),
            header("Access-Control-Max-Age", "600"),
            header("Cache-Control", "no-store"),
        ]
    }

    fn reply(request: Request, status: u16, content_type: &str, body: String, extra: Vec<Header>) {
        let mut response = Response::from_string(body).with_status_code(status);
        for h in cors(&request).into_iter().chain(extra) {
            response.add_header(h);
        }
        response.add_header(header("Content-Type", content_type));
        let _ = request.respond(response);
    }

    fn escape(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }

    /// The page a newcomer opens to see handoffs land.
    fn page(records: &[Value]) -> String {
        let mut cards = String::new();
        for record in records.iter().rev() {
            let body = &record["body"];
            let kind = record["kind"].as_str().unwrap_or("?");
            let (headline, meta, details, transcript) = if kind == "webhook" {
                let details: Vec<String> = body["summary"]["details"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|d| {
                        format!(
                            "<li><b>{}</b> {}</li>",
                            escape(d["kind"].as_str().unwrap_or("")),
                            escape(d["value"].as_str().unwrap_or(""))
                        )
                    })
                    .collect();
                let lines: Vec<String> = body["transcript"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|l| {
                        format!(
                            "<li class=\"{0}\"><b>{0}</b> {1}</li>",
                            escape(l["role"].as_str().unwrap_or("")),
                            escape(l["text"].as_str().unwrap_or(""))
                        )
                    })
                    .collect();
                (
                    body["summary"]["headline"]
                        .as_str()
                        .unwrap_or("")
                        .to_owned(),
                    format!(
                        "priority <b>{}</b> · trigger <b>{}</b> · {} · {} redaction(s)",
                        escape(body["priority"].as_str().unwrap_or("")),
                        escape(body["trigger"]["kind"].as_str().unwrap_or("")),
                        escape(body["visitor"]["email"].as_str().unwrap_or("no email")),
                        body["redactions"]
                    ),
                    format!(
                        "<p>{}</p><ul>{}</ul>",
                        escape(body["summary"]["text"].as_str().unwrap_or("")),
                        details.join("")
                    ),
                    format!(
                        "<details><summary>Transcript</summary><ol>{}</ol></details>",
                        lines.join("")
                    ),
                )
            } else {
                (
                    format!("{kind} delivery"),
                    String::new(),
                    format!(
                        "<pre>{}</pre>",
                        escape(&serde_json::to_string_pretty(body).unwrap_or_default())
                    ),
                    String::new(),
                )
            };
            let validity = if record["valid"] == true {
                "<span class=\"ok\">valid v1</span>"
            } else {
                "<span class=\"bad\">invalid</span>"
            };
            cards.push_str(&format!(
                "<article><h2>{}</h2><p class=\"meta\">{} · {} · received {}</p>{}{}</article>",
                escape(&headline),
                validity,
                meta,
                escape(record["received_at"].as_str().unwrap_or("")),
                details,
                transcript
            ));
        }
        if cards.is_empty() {
            cards = "<p>No handoff yet. Open the demo shop, chat, and press “Talk to a human”.</p>"
                .into();
        }
        format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta http-equiv=\"refresh\" content=\"5\"><title>Handover inbox</title><style>\
             body{{font:15px/1.5 system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;color:#1b1f24}}\
             article{{border:1px solid #ccd;border-radius:8px;padding:1em;margin:1em 0}}\
             h2{{margin:0;font-size:1.1em}}.meta{{color:#555;margin:.2em 0}}\
             .ok{{color:#0a6b2d;font-weight:600}}.bad{{color:#b00020;font-weight:600}}\
             li.visitor b{{color:#0b5cad}}li.bot b{{color:#6b4e00}}pre{{white-space:pre-wrap}}\
             </style></head><body><h1>Handover inbox</h1><p>{} handoff(s); this page refreshes \
             every 5 seconds.</p>{cards}</body></html>",
            records.len()
        )
    }

    fn handle(inbox: &Arc<Mutex<Inbox>>, mut request: Request) {
        let path = request.url().split('?').next().unwrap_or("/").to_owned();
        if *request.method() == Method::Options {
            return reply(request, 204, "text/plain", String::new(), vec![]);
        }
        let mut body = String::new();
        let read = request
            .as_reader()
            .take(MAX_BODY as u64 + 1)
            .read_to_string(&mut body);
        if read.is_err() || body.len() > MAX_BODY {
            return reply(
                request,
                413,
                "application/json",
                json!({"error": "body too large or not UTF-8"}).to_string(),
                vec![],
            );
        }
        let lock = || {
            inbox
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
        };
        match (request.method().clone(), path.as_str()) {
            (Method::Get, "/") => {
                let html = page(&lock().records);
                reply(request, 200, "text/html; charset=utf-8", html, vec![])
            }
            (Method::Get, "/handoffs.json") => {
                let all = Value::Array(lock().records.clone()).to_string();
                reply(request, 200, "application/json", all, vec![])
            }
            (Method::Get, "/attempts.json") => {
                let all = Value::Array(lock().attempts.clone()).to_string();
                reply(request, 200, "application/json", all, vec![])
            }
            (Method::Post, "/control") => {
                let asked: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
                let mut inbox = lock();
                if asked["reset"] == true {
                    inbox.faults = Faults::default();
                    inbox.attempts.clear();
                }
                if let Some(fail) = asked["fail"].as_array() {
                    inbox.faults.fail = fail
                        .iter()
                        .filter_map(|s| s.as_u64())
                        .map(|s| s as u16)
                        .collect();
                }
                if let Some(value) = asked.get("retry_after") {
                    inbox.faults.retry_after = value.as_str().map(str::to_owned);
                }
                if let Some(ms) = asked["delay_ms"].as_u64() {
                    inbox.faults.delay_ms = ms;
                    inbox.faults.delay_count = asked["delay_count"].as_u64().unwrap_or(1) as u32;
                }
                drop(inbox);
                reply(
                    request,
                    200,
                    "application/json",
                    json!({"ok": true}).to_string(),
                    vec![],
                )
            }
            (Method::Post, "/handoff" | "/slack" | "/zendesk" | "/zoho" | "/email") => {
                let kind = match path.as_str() {
                    "/handoff" => "webhook",
                    other => &other[1..],
                };
                let key = request
                    .headers()
                    .iter()
                    .find(|h| h.field.equiv("Idempotency-Key"))
                    .map(|h| h.value.to_string());
                let (fault, delay) = {
                    let mut inbox = lock();
                    let fault = inbox.faults.fail.pop_front();
                    let delay = if fault.is_none() && inbox.faults.delay_count > 0 {
                        inbox.faults.delay_count -= 1;
                        inbox.faults.delay_ms
                    } else {
                        0
                    };
                    (fault, delay)
                };
                if delay > 0 {
                    std::thread::sleep(Duration::from_millis(delay));
                }
                let mut extra = Vec::new();
                let (status, answer) = match fault {
                    Some(status) => {
                        if let Some(after) = lock().faults.retry_after.clone() {
                            extra.push(header("Retry-After", &after));
                        }
                        (
                            status,
                            json!({ "error": "failing on purpose (inbox /control)" }),
                        )
                    }
                    None => lock().receive(kind, key.clone(), &body),
                };
                lock()
                    .attempts
                    .push(json!({ "kind": kind, "key": key, "status": status, "at": now_iso() }));
                println!(
                    "inbox: {kind} {} -> {status}",
                    key.as_deref().unwrap_or("-")
                );
                reply(
                    request,
                    status,
                    "application/json",
                    answer.to_string(),
                    extra,
                )
            }
            _ => reply(
                request,
                404,
                "application/json",
                json!({"error": "not found"}).to_string(),
                vec![],
            ),
        }
    }

    pub fn main() {
        let mut port = 8787u16;
        let mut file = PathBuf::from("target/inbox/handoffs.jsonl");
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--port" => port = args.next().and_then(|p| p.parse().ok()).unwrap_or(port),
                "--file" => file = args.next().map(PathBuf::from).unwrap_or(file),
                other => {
                    eprintln!(
                        "inbox: unknown argument {other}; usage: inbox [--port N] [--file PATH]"
                    );
                    std::process::exit(2);
                }
            }
        }
        let server = match Server::http(("127.0.0.1", port)) {
            Ok(server) => server,
            Err(err) => {
                eprintln!("inbox: cannot listen on 127.0.0.1:{port}: {err}");
                std::process::exit(1);
            }
        };
        let port = server.server_addr().to_ip().map_or(port, |a| a.port());
        let inbox = Arc::new(Mutex::new(Inbox::open(file.clone())));
        println!(
            "inbox: listening on http://127.0.0.1:{port}/ (webhook: POST /handoff), storing in {}",
            file.display()
        );
        for request in server.incoming_requests() {
            let inbox = Arc::clone(&inbox);
            // One thread a request: a request held back on purpose must not hold up the others.
            std::thread::spawn(move || handle(&inbox, request));
        }
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    server::main();
}
