//! Property test: analysis, the policy and the summary never panic and stay in range, on
//! random text drawn
//! from the kinds of input a widget meets (every script, emoji, combining marks, direction
//! marks, control characters, replacement characters from broken surrogates, punctuation
//! floods, very long lines). A fixed seed keeps runs reproducible; `ROBUSTNESS_CASES` raises
//! the count.
#![cfg(not(target_arch = "wasm32"))]

use handover::conversation::{Message, Role};
use handover::detect::{WordMemo, shared};
use handover::escalate::Policy;
use handover::summary::{self, Cause, MAX_HEADLINE_CHARS};

/// xorshift64*: small, deterministic, good enough to explore inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Ranges of code points to draw from, with weights favouring text that looks like chat.
const RANGES: &[(u32, u32, u64)] = &[
    (0x20, 0x7E, 40),      // ASCII
    (0x00, 0x1F, 2),       // control characters
    (0xA0, 0x24F, 8),      // Latin-1 and Extended
    (0x300, 0x36F, 4),     // combining marks (zalgo)
    (0x370, 0x3FF, 2),     // Greek
    (0x400, 0x4FF, 2),     // Cyrillic
    (0x590, 0x5FF, 2),     // Hebrew
    (0x600, 0x6FF, 2),     // Arabic
    (0x200B, 0x202E, 3),   // zero-width and direction marks
    (0x2000, 0x206F, 2),   // punctuation
    (0x3040, 0x30FF, 2),   // Japanese kana
    (0x4E00, 0x4FFF, 2),   // CJK
    (0xFFFD, 0xFFFD, 3),   // what broken surrogates from JS become
    (0x1F300, 0x1FAFF, 6), // emoji
    (0xE000, 0xE0FF, 1),   // private use
];

/// Words that steer the text into the interesting paths (cues, negation, boosters).
const WORDS: &[&str] = &[
    "agent", "human", "not", "very", "but", "!!!", "???", "I", "DON'T", "want", "bot", "talk",
    "to", "a", "real", "person", "useless", "no", "never", "so", "kind of", "quiero", "hablar",
    "con", "persona", "l'agent", "qu'un", "ß", "😡", ":)", "'", "’", "~", "|", "?",
];

/// How many cases to run: `ROBUSTNESS_CASES` when set, else `default`.
fn cases(default: usize) -> usize {
    std::env::var("ROBUSTNESS_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

fn random_text(rng: &mut Rng) -> String {
    let total: u64 = RANGES.iter().map(|r| r.2).sum();
    let length = match rng.below(10) {
        0 => 0,
        1 => 2_000 + rng.below(30_000) as usize,
        _ => rng.below(120) as usize,
    };
    let mut text = String::new();
    while text.chars().count() < length {
        if rng.below(4) == 0 {
            text.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
            text.push(' ');
            continue;
        }
        let mut pick = rng.below(total);
        let &(low, high, _) = RANGES
            .iter()
            .find(|r| {
                let hit = pick < r.2;
                pick = pick.saturating_sub(r.2);
                hit
            })
            .unwrap_or(&RANGES[0]);
        let code = low + rng.below(u64::from(high - low + 1)) as u32;
        text.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
    }
    text
}

#[test]
fn analysis_never_panics_and_stays_in_range() {
    let cases = cases(1_000);
    let detector = shared();
    let mut rng = Rng(0x5EED_1234_ABCD_0042);
    let mut policy = Policy::default();
    // Remembered cue lookups change nothing, whether words keep their slots or not.
    let mut memo = WordMemo::default();
    let mut crowded = WordMemo::with_slots(16);
    for case in 0..cases {
        let text = random_text(&mut rng);
        let a = detector.analyze(&text);
        for memo in [&mut memo, &mut crowded] {
            assert_eq!(
                detector.analyze_with(&text, memo),
                a,
                "case {case}: {text:?}"
            );
        }
        let s = a.sentiment;
        assert!((-1.0..=1.0).contains(&s.compound), "case {case}: {s:?}");
        for share in [s.pos, s.neu, s.neg] {
            assert!(
                (0.0..=1.0).contains(&share) && share.is_finite(),
                "case {case}: {s:?}"
            );
        }
        assert!((0.0..=1.0).contains(&a.frustration), "case {case}");
        assert!((0.0..=1.0).contains(&a.confusion), "case {case}");
        let out = policy.visitor(&text, &a, Some(case as u64 * 1000));
        assert!((0.0..=1.0).contains(&out.score), "case {case}");
        policy.bot_replied(&text, rng.below(2) == 0);
        let _ = detector.is_bot_fallback(&text);
        if case % 50 == 0 {
            policy = Policy::default();
        }
    }
}

/// Words that steer a conversation into the summary's paths: cues and ids, clause marks,
/// openings that get dropped, asides that move the key id.
const SUMMARY_WORDS: &[&str] = &[
    "order",
    "#48213",
    "no.",
    "4821",
    "3",
    "61",
    "00",
    "for",
    "on my",
    "I was",
    "can you",
    "I've been",
    "my",
    "Meine",
    "Bestellung",
    "l'ordine",
    "RMA",
    ":",
    " - ",
    "–",
    ",",
    "and",
    "again",
    "€89.90",
    "$1,299.00",
    "ORD-2024-1",
    "X7-22019",
    "1Z999AA10123456784",
    "@handle",
    "ana@x.io",
    "https://x.io/a",
    "+44 20 7946 0958",
    "SW1A 1AA",
    "10115",
    "Berlin",
    "2019",
    "180 cm",
    "this",
    "it",
    "??",
    "!!",
    "Refund",
    "password",
    "4111 1111 1111 1111",
];

/// Summaries of random conversations: no panic, a bounded headline, and nothing invented
/// (every detail's value is in what the visitor wrote, give or take the spaces of a split id).
#[test]
fn summaries_never_panic_and_invent_nothing() {
    let cases = cases(300);
    let detector = shared();
    let mut rng = Rng(0x5EED_0000_5A11_0008);
    let cause = Cause {
        explicit: false,
        reasons: vec!["the visitor pressed “talk to a human”".into()],
    };
    let products = vec!["Trail Runner 2".to_owned()];
    for case in 0..cases {
        let turns = 1 + rng.below(6) as usize;
        let messages: Vec<Message> = (0..turns)
            .map(|i| {
                let mut text = random_text(&mut rng);
                for _ in 0..rng.below(12) {
                    text.push(' ');
                    text.push_str(SUMMARY_WORDS[rng.below(SUMMARY_WORDS.len() as u64) as usize]);
                }
                Message {
                    id: i.to_string(),
                    role: if i % 2 == 0 { Role::Visitor } else { Role::Bot },
                    text,
                    at: 1_000 * i as u64,
                }
            })
            .collect();
        let built = summary::build(&messages, &cause, detector, &products);
        let headline = &built.summary.headline;
        assert!(
            headline.chars().count() <= MAX_HEADLINE_CHARS,
            "case {case}: {headline}"
        );
        assert!(!headline.trim().is_empty(), "case {case}");
        let written: String = messages
            .iter()
            .filter(|m| m.role == Role::Visitor)
            .map(|m| m.text.replace(' ', ""))
            .collect();
        for detail in &built.summary.details {
            let value = detail.value.replace(' ', "");
            assert!(
                written.contains(&value) || detail.kind == summary::DetailKind::Product,
                "case {case}: {detail:?} is not in what the visitor wrote"
            );
        }
    }
}

/// The FAQ matcher (and so the FAQ tester and the widget's bot) on the same random text, plus
/// texts aimed at its own edges: more distinct words than its term mask holds, one word
/// repeated ten thousand times, words that are all typos of known ones.
#[test]
fn faq_matching_never_panics_and_stays_in_range() {
    use handover::bot::faq::Faq;
    use handover::bot::matcher::Matcher;
    let faq = Faq::parse(&std::fs::read_to_string("tests/data/faq_large.json").unwrap()).unwrap();
    let matcher = Matcher::new(&faq);
    let mut rng = Rng(0xFA0_5EED_0001);
    let many_words: String = (0..500).map(|i| format!("word{i} ")).collect();
    let typos = "refnud shippinng pasword invocie roamign contarct ".repeat(20);
    let edges = [many_words, "bill ".repeat(10_000), typos, String::new()];
    let random = (0..500).map(|_| random_text(&mut rng));
    for text in edges.into_iter().chain(random) {
        let found = matcher.ask(&text);
        assert!(
            (0.0..=1.0).contains(&found.confidence),
            "{found:?} for {text:.80}"
        );
        assert!(found.suggestions.len() <= 3 && found.entry.is_none_or(|e| e < faq.entries.len()));
        assert!(
            !found
                .suggestions
                .contains(&found.entry.unwrap_or(usize::MAX))
        );
    }
}
