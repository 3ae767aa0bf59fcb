//! Sentiment in the manner of VADER (Hutto & Gilbert, 2014): lexicon valences adjusted by
//! the rules people actually use to signal intensity: boosters and dampeners, negation and
//! its scope, ALL CAPS emphasis, `!` and `?`, the contrast of "but", emoticons and emoji.
//!
//! The constants are VADER's published empirical values. Where the reference implementation
//! has accidents (two-word lexicon entries never looked up, a word like "ok!" losing its
//! valence to its punctuation, "I" counting as shouting, "but" weighting by value instead of
//! by position), this one does what the rules describe.

use super::lexicon::{self, BOOST, CAPS_BOOST, Entry, NEGATION, booster, special_case};
use super::text::is_apostrophe;
use std::borrow::Cow;

/// Scores of one message.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Sentiment {
    /// Overall, from −1 (most negative) to 1 (most positive).
    pub compound: f32,
    /// Share of the text that is positive.
    pub pos: f32,
    /// Share that is neutral.
    pub neu: f32,
    /// Share that is negative.
    pub neg: f32,
}

/// The three-way reading of `compound`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// `compound` above 0.05.
    Positive,
    /// Between −0.05 and 0.05.
    Neutral,
    /// Below −0.05.
    Negative,
}

impl Label {
    /// The name used in the scoring CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Positive => "positive",
            Label::Neutral => "neutral",
            Label::Negative => "negative",
        }
    }
}

impl Sentiment {
    /// The label with VADER's ±0.05 thresholds.
    pub fn label(&self) -> Label {
        if self.compound > 0.05 {
            Label::Positive
        } else if self.compound < -0.05 {
            Label::Negative
        } else {
            Label::Neutral
        }
    }
}

/// A word that moved the score, for reasons shown to people.
#[derive(Debug, Clone, PartialEq)]
pub struct Driver {
    /// The word as written.
    pub word: String,
    /// Its valence after every rule.
    pub valence: f32,
}

/// One token as VADER sees it: the text with outer punctuation removed (emoticons kept).
#[derive(Debug)]
struct Token<'a> {
    text: Cow<'a, str>,
    lower: Cow<'a, str>,
    /// A valence fixed in advance (emoji).
    fixed: Option<f32>,
    /// ALL CAPS, ignoring one-letter words ("I", "A").
    shouted: bool,
}

/// Whether a word is ALL CAPS, with at least two letters.
fn is_shouted(text: &str) -> bool {
    if text.is_ascii() {
        // Most words: no character decoding needed, and a lowercase letter, often the
        // first, which ends the check when it is asked first.
        let bytes = text.as_bytes();
        return !bytes.iter().any(u8::is_ascii_lowercase)
            && bytes.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2;
    }
    let mut letters = 0;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// The tokens of `text`; `lowered` is `text` with ASCII letters lowercased, which has the
/// same byte offsets, so that plain tokens borrow their lowercase form from it instead of
/// each allocating one.
fn tokens<'a>(text: &'a str, lowered: &'a str) -> Vec<Token<'a>> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    for raw in whitespace_separated(text) {
        // The common case: plain text, borrowed as it is.
        let plain = if raw.is_ascii() {
            !raw.contains('`')
        } else {
            raw.chars().all(|c| c < '\u{2000}' && c != '`' && c != '´')
        };
        if plain {
            let at = raw.as_ptr() as usize - text.as_ptr() as usize;
            let lower = &lowered[at..at + raw.len()];
            out.extend(word_token(Cow::Borrowed(raw), Some(lower)));
            continue;
        }
        // Emoji carry their own valence and are separate tokens even when glued to words;
        // typographic apostrophes become straight ones.
        let mut rest = String::new();
        for c in raw.chars() {
            if let Some(valence) = (c > '\u{2000}')
                .then(|| lexicon::emoji_valence(c))
                .flatten()
            {
                out.extend(word_token(Cow::Owned(std::mem::take(&mut rest)), None));
                out.push(Token {
                    text: Cow::Owned(c.to_string()),
                    lower: Cow::Owned(c.to_string()),
                    fixed: Some(valence),
                    shouted: false,
                });
            } else if is_apostrophe(c) {
                rest.push('\'');
            } else {
                rest.push(c);
            }
        }
        out.extend(word_token(Cow::Owned(rest), None));
    }
    out
}

/// The pieces of `text` between whitespace, as `str::split_whitespace` gives them, with
/// ASCII read a byte at a time rather than decoded: this runs over every message.
fn whitespace_separated(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while at < bytes.len() {
            let (space, next) = match bytes[at] {
                byte @ 0..0x80 => (matches!(byte, b'\t'..=b'\r' | b' '), at + 1),
                _ => {
                    let c = text[at..].chars().next()?;
                    (c.is_whitespace(), at + c.len_utf8())
                }
            };
            match (space, start) {
                (true, Some(from)) => {
                    let piece = &text[from..at];
                    at = next;
                    return Some(piece);
                }
                (false, None) => start = Some(at),
                _ => {}
            }
            at = next;
        }
        start.map(|from| &text[from..])
    })
}

/// Where `text` starts and ends once ASCII punctuation is trimmed from both sides. Bytes
/// suffice: an ASCII byte is never part of a longer character.
fn punctuation_trimmed(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let from = bytes
        .iter()
        .position(|b| !b.is_ascii_punctuation())
        .unwrap_or(bytes.len());
    let to = bytes
        .iter()
        .rposition(|b| !b.is_ascii_punctuation())
        .map_or(from, |at| at + 1);
    (from, to.max(from))
}

/// One token from a whitespace-separated piece; `lowered` is the piece lowercased, when the
/// caller has it (the lexicon is English: ASCII case folding is all it needs).
fn word_token<'a>(raw: Cow<'a, str>, lowered: Option<&'a str>) -> Option<Token<'a>> {
    if raw.is_empty() {
        return None;
    }
    let (from, to) = punctuation_trimmed(&raw);
    let stripped = &raw[from..to];
    // Short leftovers were probably an emoticon (":)" strips to nothing, ":D" to "D").
    // Two characters take at most eight bytes: longer words skip the count.
    let keep_whole = stripped.len() <= 8
        && stripped.chars().count() <= 2
        && (stripped.is_empty()
            || match lowered {
                Some(lower) => lexicon::valence(lower),
                None => lexicon::valence(&raw.to_ascii_lowercase()),
            }
            .is_some());
    let (from, to) = if keep_whole {
        (0, raw.len())
    } else {
        (from, to)
    };
    let text: Cow<'_, str> = match raw {
        Cow::Borrowed(raw) => Cow::Borrowed(&raw[from..to]),
        Cow::Owned(raw) if keep_whole => Cow::Owned(raw),
        Cow::Owned(raw) => Cow::Owned(raw[from..to].to_owned()),
    };
    let lower = match lowered {
        Some(lower) => Cow::Borrowed(&lower[from..to]),
        None if text.bytes().any(|b| b.is_ascii_uppercase()) => {
            Cow::Owned(text.to_ascii_lowercase())
        }
        None => text.clone(),
    };
    Some(Token {
        shouted: is_shouted(&text),
        text,
        lower,
        fixed: None,
    })
}

/// Scores a message. Also returns the words that carried it strongly (a valence of 1 or
/// more either way after every rule), strongest first: the ones worth naming in a reason.
pub fn score(text: &str) -> (Sentiment, Vec<Driver>) {
    let lowered = text.to_ascii_lowercase();
    let tokens = tokens(text, &lowered);
    let lower: Vec<&str> = tokens.iter().map(|t| t.lower.as_ref()).collect();
    let shouting_some = {
        let shouted = tokens.iter().filter(|t| t.shouted).count();
        shouted > 0 && shouted < tokens.len()
    };
    // Each word looked up once: the rules below ask about neighbours often.
    let entries: Vec<Entry> = lower.iter().map(|w| lexicon::entry(w)).collect();
    let mut sentiments = vec![0.0f32; tokens.len()];
    let mut skip_next = false;
    for i in 0..tokens.len() {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        let token = &tokens[i];
        let next = lower.get(i + 1).copied();
        if entries[i].booster.is_some() || (lower[i] == "kind" && next == Some("of")) {
            continue;
        }
        if let Some(fixed) = token.fixed {
            sentiments[i] = fixed;
            continue;
        }
        // Two-word entries first ("can't stand", "fed up").
        let pair = next
            .filter(|_| entries[i].starts_phrase)
            .map(|n| [lower[i], " ", n].concat());
        let (mut valence, is_pair) = match pair.as_deref().and_then(lexicon::valence) {
            Some(v) => (v, true),
            None => match entries[i].valence {
                Some(v) => (v, false),
                None => continue,
            },
        };
        skip_next = is_pair;

        // "no" right before a sentiment word negates it rather than counting itself.
        if lower[i] == "no" && entries.get(i + 1).is_some_and(|e| e.valence.is_some()) {
            valence = 0.0;
        }
        let before = |k: usize| i.checked_sub(k).map(|j| lower[j]);
        if before(1) == Some("no")
            || before(2) == Some("no")
            || (before(3) == Some("no") && matches!(before(1), Some("or" | "nor")))
        {
            valence *= NEGATION;
        }
        if token.shouted && shouting_some {
            valence += CAPS_BOOST.copysign(valence);
        }
        for distance in 1..=3 {
            let Some(j) = i.checked_sub(distance) else {
                break;
            };
            if entries[j].valence.is_some() {
                continue;
            }
            if let Some(up) = entries[j].booster {
                let mut scalar = if up { BOOST } else { -BOOST };
                if valence < 0.0 {
                    scalar = -scalar;
                }
                if tokens[j].shouted && shouting_some {
                    scalar += CAPS_BOOST.copysign(valence);
                }
                valence += scalar
                    * match distance {
                        1 => 1.0,
                        2 => 0.95,
                        _ => 0.9,
                    };
            }
            valence = negation(valence, &lower, &entries, i, distance);
            if distance == 3 {
                valence = idioms(valence, &lower, i);
            }
        }
        // "least" negates ("the least helpful"), unless it is "at least" / "very least".
        if before(1) == Some("least") && !matches!(before(2), Some("at" | "very")) {
            valence *= NEGATION;
        }
        sentiments[i] = valence;
    }

    // Contrast: what comes after the first "but" counts more than what came before.
    if let Some(but) = lower.iter().position(|w| *w == "but") {
        for (i, s) in sentiments.iter_mut().enumerate() {
            if i < but {
                *s *= 0.5;
            } else if i > but {
                *s *= 1.5;
            }
        }
    }

    let mut drivers: Vec<Driver> = tokens
        .iter()
        .zip(&sentiments)
        .filter(|(_, s)| s.abs() >= 1.0)
        .map(|(t, s)| Driver {
            word: t.text.to_string(),
            valence: *s,
        })
        .collect();
    super::strongest_first(&mut drivers, |d| d.valence.abs());
    (combine(&sentiments, text), drivers)
}

/// Negation within three words, with VADER's exceptions ("never so good" intensifies,
/// "without doubt" does not negate).
fn negation(valence: f32, lower: &[&str], entries: &[Entry], i: usize, distance: usize) -> f32 {
    let at = |k: usize| lower[i - k];
    let negates = |k: usize| entries[i - k].negates;
    match distance {
        1 if negates(1) => valence * NEGATION,
        2 if at(2) == "never" && matches!(at(1), "so" | "this") => valence * 1.25,
        2 if at(2) == "without" && at(1) == "doubt" => valence,
        2 if negates(2) => valence * NEGATION,
        3 if at(3) == "never"
            && (matches!(at(2), "so" | "this") || matches!(at(1), "so" | "this")) =>
        {
            valence * 1.25
        }
        3 if at(3) == "without" && (at(2) == "doubt" || at(1) == "doubt") => valence,
        3 if negates(3) => valence * NEGATION,
        _ => valence,
    }
}

/// Idioms around the word that replace its valence ("the shit", "kiss of death"), and
/// two- and three-word dampeners before it ("sort of").
fn idioms(mut valence: f32, lower: &[&str], i: usize) -> f32 {
    // Every idiom and multi-word dampener ends in one of these: only such a window is
    // joined and looked up (this runs for every sentiment word).
    const LAST_WORDS: [&str; 10] = [
        "shit", "bomb", "ass", "stop", "right", "death", "for", "heart", "enough", "of",
    ];
    let join = |from: usize, to: usize| {
        LAST_WORDS
            .contains(&lower[to])
            .then(|| lower[from..=to].join(" "))
    };
    let around = [
        join(i - 1, i),
        join(i - 2, i),
        join(i - 2, i - 1),
        join(i - 3, i - 1),
        join(i - 3, i - 2),
    ];
    if let Some(special) = around.iter().flatten().find_map(|p| special_case(p)) {
        valence = special;
    }
    for end in [i + 1, i + 2] {
        if end < lower.len()
            && let Some(special) = join(i, end).and_then(|p| special_case(&p))
        {
            valence = special;
        }
    }
    for phrase in around[2..].iter().flatten() {
        if booster(phrase) == Some(false) {
            valence -= BOOST;
        }
    }
    valence
}

/// Sums the sentiments into VADER's compound and proportions, with `!` and `?` emphasis.
fn combine(sentiments: &[f32], text: &str) -> Sentiment {
    if sentiments.is_empty() {
        return Sentiment::default();
    }
    let (mut exclamations, mut questions) = (0usize, 0usize);
    for byte in text.bytes() {
        exclamations += usize::from(byte == b'!');
        questions += usize::from(byte == b'?');
    }
    let exclamations = exclamations.min(4) as f32;
    let question_emphasis = match questions {
        0 | 1 => 0.0,
        2 | 3 => questions as f32 * 0.18,
        _ => 0.96,
    };
    let emphasis = exclamations * 0.292 + question_emphasis;
    let mut sum: f32 = sentiments.iter().sum();
    if sum > 0.0 {
        sum += emphasis;
    } else if sum < 0.0 {
        sum -= emphasis;
    }
    let compound = (sum / (sum * sum + 15.0).sqrt()).clamp(-1.0, 1.0);

    let (mut pos, mut neg, mut neu) = (0.0f32, 0.0f32, 0.0f32);
    for s in sentiments {
        if *s > 0.0 {
            pos += s + 1.0;
        } else if *s < 0.0 {
            neg += s - 1.0;
        } else {
            neu += 1.0;
        }
    }
    if pos > neg.abs() {
        pos += emphasis;
    } else if pos < neg.abs() {
        neg -= emphasis;
    }
    let total = pos + neg.abs() + neu;
    Sentiment {
        compound,
        pos: (pos / total).abs(),
        neu: (neu / total).abs(),
        neg: (neg / total).abs(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_whitespace_as_std_does() {
        let cases = [
            "",
            " ",
            "one",
            "  two  words ",
            "tab\tnew\nline\rvt\u{b}ff\u{c}end",
            "nbsp\u{a0}em\u{2003}ideographic\u{3000}line\u{2028}next\u{85}x",
            "zero\u{200b}width stays",
            "ünï cödé 中文 😡🙂 ",
            "\u{1c}\u{1f} file separators are no whitespace",
        ];
        for text in cases {
            let ours: Vec<&str> = whitespace_separated(text).collect();
            let std: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    fn compound(text: &str) -> f32 {
        score(text).0.compound
    }

    /// VADER's own examples, with its published compounds; ours may differ a little where
    /// this implementation follows the rules more closely, so the check is the direction
    /// and the ordering of intensity.
    #[test]
    fn vader_examples_keep_their_direction() {
        let cases: &[(&str, f32)] = &[
            ("VADER is smart, handsome, and funny.", 0.8316),
            ("VADER is smart, handsome, and funny!", 0.8439),
            ("VADER is very smart, handsome, and funny.", 0.8545),
            ("VADER is VERY SMART, handsome, and FUNNY.", 0.9227),
            ("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342),
            ("VADER is not smart, handsome, nor funny.", -0.7424),
            ("The book was good.", 0.4404),
            ("At least it isn't a horrible book.", 0.431),
            ("The book was only kind of good.", 0.3832),
            (
                "The plot was good, but the characters are uncompelling and the dialog is not great.",
                -0.7042,
            ),
            ("Today SUX!", -0.5461),
            ("Make sure you :) or :D today!", 0.8633),
            ("Not bad at all", 0.431),
            ("Sentiment analysis has never been good.", -0.3412),
            ("Most automated sentiment analysis tools are shit.", -0.5574),
            ("With VADER, sentiment analysis is the shit!", 0.6476),
            ("Without a doubt, excellent idea.", 0.7013),
        ];
        for (text, vader) in cases {
            let ours = compound(text);
            assert_eq!(
                ours.signum(),
                vader.signum(),
                "{text}: ours {ours}, VADER {vader}"
            );
            assert!(
                (ours - vader).abs() < 0.12,
                "{text}: ours {ours}, VADER {vader}"
            );
        }
        assert!(
            compound("VADER is smart, handsome, and funny!")
                > compound("VADER is smart, handsome, and funny.")
        );
        assert!(
            compound("VADER is VERY SMART, handsome, and FUNNY.")
                > compound("VADER is very smart, handsome, and funny.")
        );
    }

    #[test]
    fn rules() {
        assert!(compound("this is useless") < -0.3);
        assert!(compound("this is not useless") > 0.0);
        assert!(compound("this is USELESS and slow") < compound("this is useless and slow"));
        assert!(compound("ok!") > 0.0, "punctuation does not hide a word");
        assert!(compound("I can't stand this") < 0.0, "two-word entries");
        assert!(compound("I am fed up") < 0.0);
        assert!(compound("great 😁") > compound("great"));
        assert!(compound("😠😠") < 0.0, "emoji alone");
        assert!(compound("the least helpful answer") < 0.0);
        assert!(compound("at least it works") >= 0.0);
        assert_eq!(score("").0, Sentiment::default());
        assert_eq!(score("order 48213").0.compound, 0.0);
        assert_eq!(score("order 48213").0.label(), Label::Neutral);
    }

    #[test]
    fn proportions_add_up() {
        for text in [
            "good bad ugly",
            "I love it!!!",
            "meh",
            "no",
            "fine but slow?? really",
        ] {
            let (s, _) = score(text);
            let total = s.pos + s.neu + s.neg;
            assert!((total - 1.0).abs() < 0.01 || total == 0.0, "{text}: {s:?}");
        }
    }

    #[test]
    fn drivers_are_strongest_first() {
        let (_, drivers) =
            score("the delivery was late and the support is useless, truly horrible");
        assert_eq!(drivers[0].word, "horrible");
        assert!(drivers.iter().any(|d| d.word == "useless"));
    }
}
