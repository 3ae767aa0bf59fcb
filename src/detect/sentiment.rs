//! Sentiment in the manner of VADER (Hutto & Gilbert, 2014): lexicon valences adjusted by
//! the rules people actually use to signal intensity: boosters and dampeners, negation and
//! its scope, ALL CAPS emphasis, `!` and `?`, the contrast of "but", emoticons and emoji.
//!
//! The constants are VADER's published empirical values. Where the reference implementation
//! has accidents (two-word lexicon entries never looked up, a word like "ok!" losing its
//! valence to its punctuation, "I" counting as shouting, "but" weighting by value instead of
//! by position), this one does what the rules describe.

use super::lexicon::{self, BOOST, CAPS_BOOST, Entry, NEGATION, RuleWord, booster, special_case};
use super::text::{char_at, is_apostrophe};
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
    /// As written, for the reasons shown to people.
    text: Cow<'a, str>,
    /// With ASCII letters lowercased: the lexicon is English, so that is all it needs.
    lower: Cow<'a, str>,
    /// What the lexicon and the word lists say of `lower`, looked up once: the rules ask
    /// about neighbours often.
    entry: Entry,
    /// A valence fixed in advance (emoji).
    fixed: Option<f32>,
    /// ALL CAPS, ignoring one-letter words ("I", "A").
    shouted: bool,
    /// Its valence after every rule (0 for most words).
    sentiment: f32,
}

impl<'a> Token<'a> {
    fn new(text: Cow<'a, str>, lower: Cow<'a, str>, fixed: Option<f32>, shouted: bool) -> Self {
        Token {
            entry: lexicon::entry(&lower),
            text,
            lower,
            fixed,
            shouted,
            sentiment: 0.0,
        }
    }
}

/// Whether a word is ALL CAPS, with at least two letters.
fn is_shouted(text: &str) -> bool {
    if text.is_ascii() {
        // A lowercase letter, often the first, ends the check when it is asked first.
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

/// What the tokenizer needs of a byte, in [`CLASSES`]: one table read per byte answers
/// every question it asks of ASCII.
const SPACE: u8 = 1;
/// ASCII punctuation, as [`u8::is_ascii_punctuation`].
const PUNCTUATION: u8 = 2;
const LOWERCASE: u8 = 4;
const UPPERCASE: u8 = 8;
const BACKTICK: u8 = 16;
/// A byte of a character beyond ASCII, which is decoded to be judged.
const NON_ASCII: u8 = 32;

const CLASSES: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        classes[byte] = if b >= 0x80 {
            NON_ASCII
        } else if matches!(b, b'\t'..=b'\r' | b' ') {
            // What `char::is_whitespace` says of ASCII.
            SPACE
        } else if b == b'`' {
            BACKTICK | PUNCTUATION
        } else if b.is_ascii_punctuation() {
            PUNCTUATION
        } else if b.is_ascii_lowercase() {
            LOWERCASE
        } else if b.is_ascii_uppercase() {
            UPPERCASE
        } else {
            0
        };
        byte += 1;
    }
    classes
};

/// The tokens of `text`, from its pieces between whitespace (as `str::split_whitespace`
/// gives them); `lowered` is `text` with ASCII letters lowercased, which has the same byte
/// offsets, so that plain tokens borrow their lowercase form from it instead of each
/// allocating one. One pass reads each piece and what it is made of.
fn tokens<'a>(text: &'a str, lowered: &'a str) -> Vec<Token<'a>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut at = 0;
    'pieces: loop {
        // Whitespace before the piece.
        while at < bytes.len() {
            match bytes[at] {
                byte @ 0..0x80 if CLASSES[usize::from(byte)] & SPACE != 0 => at += 1,
                0..0x80 => break,
                _ => match char_at(text, at) {
                    Some((c, next)) if c.is_whitespace() => at = next,
                    _ => break,
                },
            }
        }
        if at >= bytes.len() {
            break 'pieces;
        }
        // The piece, and the classes of its bytes.
        let start = at;
        let mut seen = 0u8;
        while at < bytes.len() {
            let class = CLASSES[usize::from(bytes[at])];
            if class & NON_ASCII != 0 {
                let Some((c, next)) = char_at(text, at) else {
                    break;
                };
                if c.is_whitespace() {
                    break;
                }
                seen |= NON_ASCII;
                at = next;
                continue;
            }
            if class & SPACE != 0 {
                break;
            }
            seen |= class;
            at += 1;
        }
        let raw = &text[start..at];
        let ascii = seen & NON_ASCII == 0;
        let plain = if ascii {
            seen & BACKTICK == 0
        } else {
            raw.chars().all(is_plain)
        };
        if !plain {
            split_unusual(raw, &mut out);
            continue;
        }
        // The common case: plain text, borrowed as it is.
        let lower = &lowered[start..at];
        let (from, to) = if seen & PUNCTUATION == 0 {
            (0, raw.len())
        } else {
            token_span(raw, lower, punctuation_trimmed(raw))
        };
        // Punctuation is neither a letter nor a capital: the piece shouts as its token does.
        // An ASCII lowercase letter, in nearly every piece, settles it without a look.
        let shouted = seen & LOWERCASE == 0 && is_shouted(raw);
        out.push(Token::new(
            Cow::Borrowed(&raw[from..to]),
            Cow::Borrowed(&lower[from..to]),
            None,
            shouted,
        ));
    }
    out
}

/// Whether `c` may stand in a token taken as written: no emoji, no typographic apostrophe.
fn is_plain(c: char) -> bool {
    c < '\u{2000}' && c != '`' && c != '´'
}

/// The tokens of a piece with emoji or typographic apostrophes: emoji carry their own
/// valence and are separate tokens even when glued to words; typographic apostrophes
/// become straight ones.
fn split_unusual(raw: &str, out: &mut Vec<Token<'_>>) {
    let mut rest = String::new();
    for c in raw.chars() {
        if let Some(valence) = (c > '\u{2000}')
            .then(|| lexicon::emoji_valence(c))
            .flatten()
        {
            out.extend(owned_token(std::mem::take(&mut rest)));
            out.push(Token::new(
                Cow::Owned(c.to_string()),
                Cow::Owned(c.to_string()),
                Some(valence),
                false,
            ));
        } else if is_apostrophe(c) {
            rest.push('\'');
        } else {
            rest.push(c);
        }
    }
    out.extend(owned_token(rest));
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

/// The part of a piece that is its token: `trimmed`, the piece less its outer punctuation,
/// unless so little is left that the piece was probably an emoticon (":)" strips to
/// nothing, ":D" to "D") and the lexicon has it whole. `lower` is the piece lowercased.
fn token_span(raw: &str, lower: &str, trimmed: (usize, usize)) -> (usize, usize) {
    let (from, to) = trimmed;
    if (from, to) == (0, raw.len()) {
        return trimmed;
    }
    let stripped = &raw[from..to];
    // Two characters take at most eight bytes: longer words skip the count.
    let emoticon = stripped.len() <= 8
        && stripped.chars().count() <= 2
        && (stripped.is_empty() || lexicon::valence(lower).is_some());
    if emoticon { (0, raw.len()) } else { trimmed }
}

/// The token of an unusual piece, rewritten: [`tokens`] without the shortcuts.
fn owned_token(raw: String) -> Option<Token<'static>> {
    if raw.is_empty() {
        return None;
    }
    let lower = raw.to_ascii_lowercase();
    let (from, to) = token_span(&raw, &lower, punctuation_trimmed(&raw));
    let text = if (from, to) == (0, raw.len()) {
        raw
    } else {
        raw[from..to].to_owned()
    };
    let shouted = is_shouted(&text);
    Some(Token::new(
        Cow::Owned(text),
        Cow::Owned(lower[from..to].to_owned()),
        None,
        shouted,
    ))
}

/// How many `!` and `?` a message has: they raise its intensity, and they say other things
/// too, so the detector counts them once, in its own pass over the message, and hands them
/// here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marks {
    /// How many `!`.
    pub exclamations: usize,
    /// How many `?`.
    pub questions: usize,
}

impl Marks {
    /// The marks of `text`, for a caller without a pass of its own.
    pub fn count(text: &str) -> Marks {
        let mut marks = Marks::default();
        for byte in text.bytes() {
            marks.add(byte);
        }
        marks
    }

    /// Counts `byte` if it is a mark.
    #[inline(always)]
    pub fn add(&mut self, byte: u8) {
        self.exclamations += usize::from(byte == b'!');
        self.questions += usize::from(byte == b'?');
    }
}

/// Scores a message whose `!` and `?` are `marks` ([`Marks::count`]). Also returns the
/// words that carried it strongly (a valence of 1 or more either way after every rule),
/// strongest first: the ones worth naming in a reason.
pub fn score(text: &str, marks: Marks) -> (Sentiment, Vec<Driver>) {
    let lowered = text.to_ascii_lowercase();
    let mut tokens = tokens(text, &lowered);
    let shouting_some = {
        let shouted = tokens.iter().filter(|t| t.shouted).count();
        shouted > 0 && shouted < tokens.len()
    };
    let mut skip_next = false;
    for i in 0..tokens.len() {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        let token = &tokens[i];
        let entry = token.entry;
        let next = tokens.get(i + 1);
        if entry.booster.is_some()
            || (entry.word == RuleWord::Kind && next.is_some_and(|n| n.entry.word == RuleWord::Of))
        {
            continue;
        }
        if let Some(fixed) = token.fixed {
            tokens[i].sentiment = fixed;
            continue;
        }
        // Two-word entries first ("can't stand", "fed up").
        let pair = next
            .filter(|_| entry.starts_phrase)
            .map(|n| [&*token.lower, " ", &n.lower].concat());
        let (mut valence, is_pair) = match pair.as_deref().and_then(lexicon::valence) {
            Some(v) => (v, true),
            None => match entry.valence {
                Some(v) => (v, false),
                None => continue,
            },
        };
        skip_next = is_pair;

        // "no" right before a sentiment word negates it rather than counting itself.
        if entry.word == RuleWord::No && next.is_some_and(|n| n.entry.valence.is_some()) {
            valence = 0.0;
        }
        let before = |k: usize| i.checked_sub(k).map(|j| tokens[j].entry.word);
        if before(1) == Some(RuleWord::No)
            || before(2) == Some(RuleWord::No)
            || (before(3) == Some(RuleWord::No)
                && matches!(before(1), Some(RuleWord::Or | RuleWord::Nor)))
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
            if tokens[j].entry.valence.is_some() {
                continue;
            }
            if let Some(up) = tokens[j].entry.booster {
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
            valence = negation(valence, &tokens, i, distance);
            if distance == 3 {
                valence = idioms(valence, &tokens, i);
            }
        }
        // "least" negates ("the least helpful"), unless it is "at least" / "very least".
        if before(1) == Some(RuleWord::Least)
            && !matches!(before(2), Some(RuleWord::At | RuleWord::Very))
        {
            valence *= NEGATION;
        }
        tokens[i].sentiment = valence;
    }

    // Contrast: what comes after the first "but" counts more than what came before.
    if let Some(but) = tokens.iter().position(|t| t.entry.word == RuleWord::But) {
        for (i, token) in tokens.iter_mut().enumerate() {
            if i < but {
                token.sentiment *= 0.5;
            } else if i > but {
                token.sentiment *= 1.5;
            }
        }
    }

    let mut drivers: Vec<Driver> = tokens
        .iter()
        .filter(|t| t.sentiment.abs() >= 1.0)
        .map(|t| Driver {
            word: t.text.to_string(),
            valence: t.sentiment,
        })
        .collect();
    super::strongest_first(&mut drivers, |d| d.valence.abs());
    (combine(&tokens, marks), drivers)
}

/// Negation within three words, with VADER's exceptions ("never so good" intensifies,
/// "without doubt" does not negate).
fn negation(valence: f32, tokens: &[Token<'_>], i: usize, distance: usize) -> f32 {
    use RuleWord::{Doubt, Never, So, This, Without};
    let at = |k: usize| tokens[i - k].entry.word;
    let negates = |k: usize| tokens[i - k].entry.negates;
    match distance {
        1 if negates(1) => valence * NEGATION,
        2 if at(2) == Never && matches!(at(1), So | This) => valence * 1.25,
        2 if at(2) == Without && at(1) == Doubt => valence,
        2 if negates(2) => valence * NEGATION,
        3 if at(3) == Never && (matches!(at(2), So | This) || matches!(at(1), So | This)) => {
            valence * 1.25
        }
        3 if at(3) == Without && (at(2) == Doubt || at(1) == Doubt) => valence,
        3 if negates(3) => valence * NEGATION,
        _ => valence,
    }
}

/// Idioms around the word that replace its valence ("the shit", "kiss of death"), and
/// two- and three-word dampeners before it ("sort of").
fn idioms(mut valence: f32, tokens: &[Token<'_>], i: usize) -> f32 {
    // Only a window that ends in the last word of some idiom is joined and looked up: this
    // runs for every sentiment word.
    let join = |from: usize, to: usize| {
        tokens[to].entry.ends_idiom.then(|| {
            let mut phrase = String::with_capacity(24);
            for (n, token) in tokens[from..=to].iter().enumerate() {
                if n > 0 {
                    phrase.push(' ');
                }
                phrase.push_str(&token.lower);
            }
            phrase
        })
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
        if end < tokens.len()
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

/// Sums the tokens' sentiments into VADER's compound and proportions, with the emphasis of
/// `!` and `?`.
fn combine(tokens: &[Token<'_>], marks: Marks) -> Sentiment {
    if tokens.is_empty() {
        return Sentiment::default();
    }
    let Marks {
        exclamations,
        questions,
    } = marks;
    let exclamations = exclamations.min(4) as f32;
    let question_emphasis = match questions {
        0 | 1 => 0.0,
        2 | 3 => questions as f32 * 0.18,
        _ => 0.96,
    };
    let emphasis = exclamations * 0.292 + question_emphasis;
    let mut sum: f32 = tokens.iter().map(|t| t.sentiment).sum();
    if sum > 0.0 {
        sum += emphasis;
    } else if sum < 0.0 {
        sum -= emphasis;
    }
    let compound = (sum / (sum * sum + 15.0).sqrt()).clamp(-1.0, 1.0);

    let (mut pos, mut neg, mut neu) = (0.0f32, 0.0f32, 0.0f32);
    for s in tokens.iter().map(|t| &t.sentiment) {
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

    /// The tokens without the one-pass shortcuts: each piece of `split_whitespace` taken
    /// the long way.
    fn slow_tokens(text: &str) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        for raw in text.split_whitespace() {
            if raw.chars().all(is_plain) {
                out.extend(owned_token(raw.to_owned()));
            } else {
                split_unusual(raw, &mut out);
            }
        }
        out
    }

    #[test]
    fn one_pass_tokens_match_the_long_way() {
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
            ":) :D ok! \"Hello,\" ... !!! x: (sic) I A HELLO!! Hi",
            "¡Hola! naïve, ÉTÉ! ÇA VA? l'été don’t `quoted` can´t",
            "VADER is VERY SMART, handsome, and FUNNY!!!",
            "great😁 😠😠 <3 </3 :-( ;) xD",
        ];
        let view = |tokens: Vec<Token<'_>>| -> Vec<(String, String, Option<f32>, bool, Entry)> {
            tokens
                .into_iter()
                .map(|t| (t.text.into(), t.lower.into(), t.fixed, t.shouted, t.entry))
                .collect()
        };
        for text in cases {
            let lowered = text.to_ascii_lowercase();
            assert_eq!(
                view(tokens(text, &lowered)),
                view(slow_tokens(text)),
                "{text:?}"
            );
        }
    }

    fn scored(text: &str) -> (Sentiment, Vec<Driver>) {
        score(text, Marks::count(text))
    }

    fn compound(text: &str) -> f32 {
        scored(text).0.compound
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
        assert_eq!(scored("").0, Sentiment::default());
        assert_eq!(scored("order 48213").0.compound, 0.0);
        assert_eq!(scored("order 48213").0.label(), Label::Neutral);
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
            let (s, _) = scored(text);
            let total = s.pos + s.neu + s.neg;
            assert!((total - 1.0).abs() < 0.01 || total == 0.0, "{text}: {s:?}");
        }
    }

    #[test]
    fn drivers_are_strongest_first() {
        let (_, drivers) =
            scored("the delivery was late and the support is useless, truly horrible");
        assert_eq!(drivers[0].word, "horrible");
        assert!(drivers.iter().any(|d| d.word == "useless"));
    }
}
