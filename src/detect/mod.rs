//! Message analysis: sentiment, frustration, confusion, an explicit request for a person,
//! and the language, each with reasons a person can read. Pure Rust, no browser.
//!
//! ```
//! use handover::detect::Detector;
//! let detector = Detector::default();
//! let analysis = detector.analyze("This is the THIRD time I ask. Let me talk to a real person!");
//! assert!(analysis.human_request);
//! assert!(analysis.frustration > 0.5);
//! ```

pub mod cues;
pub mod fast_map;
pub mod language;
pub mod lexicon;
pub mod phrase;
pub mod sentiment;
pub mod text;

use crate::i18n::Lang;
use cues::{BOT_FALLBACKS, LANGUAGES, expand};
pub use phrase::WordMemo;
use phrase::{PatternError, PhraseSet, PhraseSetBuilder};
pub use sentiment::{Label, Marks, Sentiment};
use std::sync::OnceLock;
use text::Words;

/// Longest text analysed, in bytes; anything after it is ignored. A visitor's message is
/// capped far below this; the cap keeps a pasted novel from costing more than a moment.
pub const MAX_ANALYSED_BYTES: usize = 16 * 1024;

/// Everything found in one message.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// VADER-style sentiment.
    pub sentiment: Sentiment,
    /// How frustrated the visitor sounds, 0 to 1.
    pub frustration: f32,
    /// How confused the visitor sounds, 0 to 1.
    pub confusion: f32,
    /// Whether the visitor asked for a person in so many words.
    pub human_request: bool,
    /// The language the message seems to be in (the detector's default when unclear).
    pub language: Lang,
    /// Why, in plain words, strongest first.
    pub reasons: Vec<String>,
}

/// What a matched pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cue {
    /// An explicit request for a person.
    Request,
    /// A look-alike that cancels requests in its clause.
    Veto,
    Frustration {
        weight: f32,
        reason: &'static str,
    },
    Confusion {
        weight: f32,
        reason: &'static str,
    },
    /// A bot saying it has no answer.
    BotFallback,
}

/// Builds a [`Detector`], with the site owner's own phrases.
#[derive(Debug, Clone, Default)]
pub struct DetectorBuilder {
    human_phrases: Vec<String>,
    default_language: Option<Lang>,
}

impl DetectorBuilder {
    /// Adds phrases that count as asking for a person, in the pattern syntax of
    /// [`phrase`] (plain text works: `"speak to Maria"`).
    pub fn human_phrases<I, S>(mut self, phrases: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.human_phrases
            .extend(phrases.into_iter().map(Into::into));
        self
    }

    /// The language reported when a message gives no clear sign (default English; the widget
    /// passes the UI language).
    pub fn default_language(mut self, lang: Lang) -> Self {
        self.default_language = Some(lang);
        self
    }

    /// Compiles every cue list. Fails only on a bad site-owner phrase, naming it.
    pub fn build(self) -> Result<Detector, (String, PatternError)> {
        self.staged().finish()
    }

    /// The same build cut into slices of a few milliseconds each, for a browser to run in
    /// idle time without ever holding the main thread long: call [`StagedBuild::step`] until
    /// it says it is done, then [`StagedBuild::finish`].
    pub fn staged(self) -> StagedBuild {
        StagedBuild {
            settings: self,
            builder: PhraseSetBuilder::default(),
            next: 0,
        }
    }
}

/// A [`Detector`] being built slice by slice.
#[derive(Debug)]
pub struct StagedBuild {
    settings: DetectorBuilder,
    builder: PhraseSetBuilder<Cue>,
    /// The next slice: one per language, then the shared lists, then the lookup tables.
    next: usize,
}

impl StagedBuild {
    /// Does the next slice of work. Returns whether everything is done.
    pub fn step(&mut self) -> bool {
        let languages = LANGUAGES.len();
        match self.next {
            n if n < languages => self.add_language(&LANGUAGES[n]),
            n if n == languages => {
                // The built-in lists are checked by tests; a bad one is skipped, not fatal.
                for pattern in BOT_FALLBACKS {
                    let _ = self.builder.add(pattern, Cue::BotFallback);
                }
            }
            n if n == languages + 1 => {
                // The sentiment and language tables are built on first use; do it here.
                let _ = lexicon::valence("warm");
                let _ = lexicon::booster("warm");
                let _ = language::guess("", &Words::new(""));
            }
            _ => return true,
        }
        self.next += 1;
        false
    }

    fn add_language(&mut self, lang: &cues::LanguageCues) {
        let builder = &mut self.builder;
        for word in lang.real_words {
            builder.add_real_word(word);
        }
        for pattern in lang.requests {
            let _ = builder.add_tolerant(&expand(pattern, lang.classes), Cue::Request);
        }
        let mut add = |pattern: &str, cue: Cue| {
            let _ = builder.add(&expand(pattern, lang.classes), cue);
        };
        for pattern in lang.vetoes {
            add(pattern, Cue::Veto);
        }
        for (pattern, weight, reason) in lang.frustration {
            add(
                pattern,
                Cue::Frustration {
                    weight: *weight,
                    reason,
                },
            );
        }
        for (pattern, weight, reason) in lang.confusion {
            add(
                pattern,
                Cue::Confusion {
                    weight: *weight,
                    reason,
                },
            );
        }
    }

    /// Finishes whatever slices remain and builds the detector.
    pub fn finish(mut self) -> Result<Detector, (String, PatternError)> {
        while !self.step() {}
        for phrase in &self.settings.human_phrases {
            self.builder
                .add_tolerant(phrase, Cue::Request)
                .map_err(|e| (phrase.clone(), e))?;
        }
        Ok(Detector {
            phrases: self.builder.build(),
            default_language: self.settings.default_language.unwrap_or(Lang::En),
        })
    }
}

/// The analyser: compiled cue lists and settings. Build once, use for every message.
#[derive(Debug)]
pub struct Detector {
    phrases: PhraseSet<Cue>,
    default_language: Lang,
}

impl Default for Detector {
    fn default() -> Self {
        // The built-in lists alone cannot fail to build.
        DetectorBuilder::default()
            .build()
            .unwrap_or_else(|_| unreachable_detector())
    }
}

/// Only reachable if a built-in list stopped compiling, which the tests rule out.
fn unreachable_detector() -> Detector {
    Detector {
        phrases: PhraseSetBuilder::default().build(),
        default_language: Lang::En,
    }
}

/// A shared detector with the built-in lists, for callers without site-owner phrases.
pub fn shared() -> &'static Detector {
    static DETECTOR: OnceLock<Detector> = OnceLock::new();
    DETECTOR.get_or_init(Detector::default)
}

impl Detector {
    /// Starts a builder.
    pub fn builder() -> DetectorBuilder {
        DetectorBuilder::default()
    }

    /// Analyses one visitor message. Never panics, whatever the input.
    pub fn analyze(&self, text: &str) -> Analysis {
        self.analyze_remembering(text, None)
    }

    /// [`analyze`](Self::analyze), with the cue lookups of words seen before taken from
    /// `memo`: the same result, sooner when many messages are analysed (the scoring CLI
    /// keeps one memo per thread).
    pub fn analyze_with(&self, text: &str, memo: &mut WordMemo) -> Analysis {
        self.analyze_remembering(text, Some(memo))
    }

    fn analyze_remembering(&self, text: &str, memo: Option<&mut WordMemo>) -> Analysis {
        let text = clip(text);
        let words = Words::new(text);
        let Surface { shouting, marks } = surface(text);
        let (sentiment, drivers) = sentiment::score(text, marks);
        let hits = match memo {
            Some(memo) => self.phrases.scan_with(&words, memo),
            None => self.phrases.scan(&words),
        };

        let vetoed = |clause| {
            hits.iter()
                .any(|h| *h.payload == Cue::Veto && h.clause == clause)
        };
        let request = hits
            .iter()
            .find(|h| *h.payload == Cue::Request && !vetoed(h.clause));

        let mut reasons: Vec<(f32, String)> = Vec::new();
        if let Some(hit) = request {
            let mut reason = String::with_capacity(96);
            reason.push_str("asked for a human: '");
            quote(&mut reason, &words, hit.clause);
            reason.push('\'');
            reasons.push((2.0, reason));
        }

        let mut frustration = Evidence::default();
        let mut confusion = Evidence::default();
        for hit in &hits {
            match *hit.payload {
                Cue::Frustration { weight, reason } => frustration.add(weight, reason),
                Cue::Confusion { weight, reason } => confusion.add(weight, reason),
                _ => {}
            }
        }
        let negative = (-sentiment.compound).max(0.0);
        if sentiment.compound < -0.05 {
            frustration.add((negative * 0.6).min(0.6), "negative tone");
        }
        let Marks {
            exclamations,
            questions,
        } = marks;
        if shouting >= 0.5 {
            frustration.add(0.3, "shouting (ALL CAPS)");
        }
        if exclamations >= 2 && (sentiment.compound <= 0.05 || !frustration.reasons.is_empty()) {
            frustration.add(
                if exclamations >= 3 { 0.2 } else { 0.1 },
                "exclamation marks",
            );
        }
        if questions >= 2 {
            confusion.add(0.3, "repeated question marks");
        }
        if words.is_empty() && questions >= 1 {
            confusion.add(0.5, "just a question mark");
        }
        // Warm thanks are not frustration, whatever the punctuation.
        if sentiment.compound > 0.5
            && frustration
                .reasons
                .iter()
                .all(|r| r.1 == "exclamation marks")
        {
            frustration = Evidence::default();
        }

        for (weight, reason) in &frustration.reasons {
            reasons.push((*weight, ["frustration: ", reason].concat()));
        }
        for (weight, reason) in &confusion.reasons {
            reasons.push((*weight * 0.9, ["confusion: ", reason].concat()));
        }
        if !drivers.is_empty() {
            // Sized for three words at once rather than grown.
            let mut reason = String::with_capacity(80);
            reason.push_str(if sentiment.compound < 0.0 {
                "negative words: "
            } else {
                "positive words: "
            });
            for (i, driver) in drivers.iter().take(3).enumerate() {
                if i > 0 {
                    reason.push_str(", ");
                }
                reason.push('\'');
                reason.push_str(&driver.word);
                reason.push_str("' (");
                text::push_fixed(&mut reason, driver.valence, 1, true);
                reason.push(')');
            }
            reasons.push((0.1, reason));
        }
        strongest_first(&mut reasons, |r| r.0);

        Analysis {
            sentiment,
            frustration: frustration.score(),
            confusion: confusion.score(),
            human_request: request.is_some(),
            language: language::guess(text, &words).unwrap_or(self.default_language),
            reasons: reasons.into_iter().map(|(_, r)| r).collect(),
        }
    }

    /// Whether a bot reply says the bot has no answer ("Sorry, I don't know that").
    pub fn is_bot_fallback(&self, reply: &str) -> bool {
        let words = Words::new(clip(reply));
        self.phrases
            .scan(&words)
            .iter()
            .any(|h| *h.payload == Cue::BotFallback)
    }
}

/// Sorts a short list strongest first by `key`, stably. Lists here hold a handful of reasons,
/// so insertion sort does, and it costs far fewer bytes in the wasm than the standard sort.
pub fn strongest_first<T>(items: &mut [T], key: impl Fn(&T) -> f32) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) < key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Scores from several cues: each reason counts once (its strongest cue), and independent
/// reasons combine as 1 − Π(1 − wᵢ), so more evidence means more, but never above 1.
#[derive(Debug, Default)]
struct Evidence {
    reasons: Vec<(f32, &'static str)>,
}

impl Evidence {
    fn add(&mut self, weight: f32, reason: &'static str) {
        match self.reasons.iter_mut().find(|(_, r)| *r == reason) {
            Some(existing) => existing.0 = existing.0.max(weight),
            None => self.reasons.push((weight, reason)),
        }
    }

    fn score(&self) -> f32 {
        let none = self
            .reasons
            .iter()
            .fold(1.0f32, |rest, (w, _)| rest * (1.0 - w.clamp(0.0, 1.0)));
        ((1.0 - none) * 1000.0).round() / 1000.0
    }
}

/// What the surface of a message shows, read in one pass.
#[derive(Debug, Default, PartialEq)]
struct Surface {
    /// The share of words of three letters or more that are ALL CAPS, among at least two
    /// such words (0 otherwise).
    shouting: f32,
    /// How many `!` and `?`.
    marks: Marks,
}

fn surface(text: &str) -> Surface {
    let (mut words, mut loud) = (0u32, 0u32);
    let mut marks = Marks::default();
    // The current word's letters, and whether all were capitals so far.
    let (mut letters, mut capitals) = (0u32, true);
    let mut count = |letters: u32, capitals: bool| {
        if letters >= 3 {
            words += 1;
            loud += u32::from(capitals);
        }
    };
    for c in text.chars() {
        let (letter, upper) = if c.is_ascii() {
            (c.is_ascii_alphabetic(), c.is_ascii_uppercase())
        } else {
            (c.is_alphabetic(), c.is_uppercase())
        };
        if letter {
            letters += 1;
            capitals &= upper;
        } else {
            if c.is_ascii() {
                marks.add(c as u8);
            }
            count(letters, capitals);
            (letters, capitals) = (0, true);
        }
    }
    count(letters, capitals);
    Surface {
        shouting: if words < 2 {
            0.0
        } else {
            loud as f32 / words as f32
        },
        marks,
    }
}

/// The first [`MAX_ANALYSED_BYTES`] of `text`, cut at a character boundary.
fn clip(text: &str) -> &str {
    if text.len() <= MAX_ANALYSED_BYTES {
        return text;
    }
    let mut end = MAX_ANALYSED_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Appends the clause of words `from..to`, for a reason: at most twelve words.
fn quote(out: &mut String, words: &Words, (from, to): (usize, usize)) {
    for at in from..to.min(from + 12) {
        if at > from {
            out.push(' ');
        }
        out.push_str(words.get(at));
    }
    if to - from > 12 {
        out.push('…');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_strongest_first_is_stable() {
        let mut items = [(0.1, 'a'), (0.5, 'b'), (0.1, 'c'), (0.9, 'd'), (0.5, 'e')];
        strongest_first(&mut items, |i| i.0);
        let order: String = items.iter().map(|i| i.1).collect();
        assert_eq!(order, "dbeac");
    }

    #[test]
    fn a_frustrated_request() {
        let a = shared().analyze("This is the THIRD time I ask!!! Let me talk to a real person");
        assert!(a.human_request);
        assert!(a.frustration > 0.5, "{a:?}");
        assert_eq!(
            a.reasons[0],
            "asked for a human: 'let me talk to a real person'"
        );
        assert_eq!(a.language, Lang::En);
    }

    #[test]
    fn calm_questions_are_calm() {
        for text in [
            "How long does shipping take?",
            "Can I change the delivery address on order 48213?",
            "Thank you so much!!! You were a great help",
            "Do you ship to Canada?",
        ] {
            let a = shared().analyze(text);
            assert!(!a.human_request, "{text}");
            assert!(a.frustration < 0.3, "{text}: {a:?}");
            assert!(a.confusion < 0.3, "{text}: {a:?}");
        }
    }

    #[test]
    fn confusion() {
        let a = shared().analyze("I don't understand, what do you mean??");
        assert!(a.confusion > 0.6, "{a:?}");
        assert!(a.reasons.iter().any(|r| r.starts_with("confusion:")));
    }

    #[test]
    fn vetoes_only_cover_their_clause() {
        let d = shared();
        assert!(!d.analyze("are you a real person?").human_request);
        assert!(!d.analyze("I'm not a robot").human_request);
        assert!(d.analyze("Are you a bot? I want a human.").human_request);
    }

    #[test]
    fn a_staged_build_is_the_same_detector() {
        let mut staged = Detector::builder().human_phrases(["ask Maria"]).staged();
        let mut slices = 0;
        while !staged.step() {
            slices += 1;
        }
        assert!(slices >= 7, "one slice per language at least");
        let detector = staged.finish().unwrap();
        for text in ["let me talk to a person", "ask Maria", "where is my order"] {
            let direct = Detector::builder()
                .human_phrases(["ask Maria"])
                .build()
                .unwrap();
            assert_eq!(detector.analyze(text), direct.analyze(text), "{text}");
        }
    }

    #[test]
    fn site_owner_phrases() {
        let d = Detector::builder()
            .human_phrases(["ask|call Maria"])
            .build()
            .unwrap();
        assert!(d.analyze("can I ask Maria?").human_request);
        assert!(!shared().analyze("can I ask Maria?").human_request);
        let bad = Detector::builder()
            .human_phrases(["a ~9"])
            .build()
            .unwrap_err();
        assert_eq!(bad.0, "a ~9");
    }

    #[test]
    fn bot_fallbacks() {
        let d = shared();
        assert!(d.is_bot_fallback("Sorry, I don't know the answer to that."));
        assert!(d.is_bot_fallback("Lo siento, no entiendo la pregunta"));
        assert!(!d.is_bot_fallback("Shipping takes 3 to 5 working days."));
    }

    #[test]
    fn hostile_input_never_panics() {
        let d = shared();
        let zalgo = "h\u{0336}\u{0335}e\u{0337}l\u{0338}p\u{0334}".repeat(200);
        let big = "agent ".repeat(200_000);
        let inputs = [
            String::new(),
            "\u{FFFD}\u{FFFD}".into(),
            zalgo,
            big,
            "😡".repeat(5000),
            "مرحبا أريد موظف".into(),
            "\u{202e}txet desrever".into(),
            "!!!???...".into(),
            "\0\u{1}\u{7f}".into(),
        ];
        for input in &inputs {
            let a = d.analyze(input);
            assert!((0.0..=1.0).contains(&a.frustration));
            assert!((0.0..=1.0).contains(&a.confusion));
            assert!((-1.0..=1.0).contains(&a.sentiment.compound));
        }
    }
}
