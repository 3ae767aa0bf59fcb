//! The VADER sentiment lexicon (C.J. Hutto, MIT licence; see `data/LICENSE-VADER.txt`) and the
//! word lists its rules use.
//!
//! The lexicon ships as data prepared by `build.rs`: the words sorted bytewise, one per line,
//! and one valence byte (tenths) per word. The line offsets are found once, on first use, so
//! no pointer table is shipped in the wasm.

use super::fast_map::FastMap;
use std::sync::OnceLock;

const WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon_words.txt"));
const VALENCES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_valence.bin"));
/// Sorted entries of a `u32` code point (little endian) and a valence byte.
const EMOJI: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/emoji.bin"));

/// Where each word starts in [`WORDS`].
fn starts() -> &'static [u32] {
    static STARTS: OnceLock<Vec<u32>> = OnceLock::new();
    STARTS.get_or_init(|| {
        std::iter::once(0)
            .chain(
                WORDS
                    .bytes()
                    .enumerate()
                    .filter(|(_, b)| *b == b'\n')
                    .map(|(i, _)| i as u32 + 1),
            )
            .collect()
    })
}

fn word_at(index: usize, starts: &[u32]) -> &'static str {
    let start = starts[index] as usize;
    let end = starts
        .get(index + 1)
        .map_or(WORDS.len(), |next| *next as usize - 1);
    &WORDS[start..end]
}

/// First words of the lexicon's multi-word entries ("fed" of "fed up"): only after these is
/// a two-word lookup worth making.
pub fn starts_phrase(word: &str) -> bool {
    static FIRSTS: OnceLock<Vec<&'static str>> = OnceLock::new();
    FIRSTS
        .get_or_init(|| {
            WORDS
                .lines()
                .filter_map(|entry| entry.split_once(' ').map(|(first, _)| first))
                .collect()
        })
        .contains(&word)
}

/// The valence of a lowercase word or emoticon, from −4 to 4.
pub fn valence(word: &str) -> Option<f32> {
    let index = word_index(word)?;
    VALENCES.get(index).map(|v| f32::from(*v as i8) / 10.0)
}

/// Slots of the lexicon's hash table: a power of two about twice the number of words.
const SLOTS: usize = 16_384;

/// Where `word` is in the lexicon. Every word of every message is looked up, so this is an
/// open-addressing hash table of word numbers, built once: 32 KB in the visitor's memory,
/// where a general map of strings would take several times that.
fn word_index(word: &str) -> Option<usize> {
    static TABLE: OnceLock<Vec<u16>> = OnceLock::new();
    let starts = starts();
    let table = TABLE.get_or_init(|| {
        let mut table = vec![u16::MAX; SLOTS];
        for index in 0..starts.len() {
            let mut slot = slot_of(word_at(index, starts));
            while table[slot] != u16::MAX {
                slot = (slot + 1) % SLOTS;
            }
            table[slot] = index as u16;
        }
        table
    });
    let mut slot = slot_of(word);
    loop {
        match table[slot] {
            u16::MAX => return None,
            index if word_at(usize::from(index), starts) == word => {
                return Some(usize::from(index));
            }
            _ => slot = (slot + 1) % SLOTS,
        }
    }
}

fn slot_of(word: &str) -> usize {
    let hash = word.bytes().fold(0x811c_9dc5u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    hash as usize % SLOTS
}

/// The valence of an emoji, from the words of its description.
pub fn emoji_valence(c: char) -> Option<f32> {
    let wanted = u32::from(c);
    let count = EMOJI.len() / 5;
    let (mut low, mut high) = (0usize, count);
    while low < high {
        let middle = (low + high) / 2;
        let entry = &EMOJI[middle * 5..middle * 5 + 5];
        let code = u32::from_le_bytes([entry[0], entry[1], entry[2], entry[3]]);
        match code.cmp(&wanted) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => return Some(f32::from(entry[4] as i8) / 10.0),
        }
    }
    None
}

/// How much a booster raises a sentiment's intensity (VADER's empirical value).
pub const BOOST: f32 = 0.293;
/// How much an ALL CAPS word raises its intensity.
pub const CAPS_BOOST: f32 = 0.733;
/// What a negation multiplies a sentiment by.
pub const NEGATION: f32 = -0.74;

/// Degree adverbs: `Some(true)` raises intensity ("very"), `Some(false)` lowers it ("barely").
pub fn booster(word: &str) -> Option<bool> {
    // Looked up for every word of every message: a hash map, built once.
    static MAP: OnceLock<FastMap<&'static str, bool>> = OnceLock::new();
    MAP.get_or_init(|| {
        let up = BOOSTERS_UP.iter().map(|w| (*w, true));
        let down = BOOSTERS_DOWN.iter().map(|w| (*w, false));
        up.chain(down).collect()
    })
    .get(word)
    .copied()
}

/// Words that raise the intensity of what follows (VADER's list).
const BOOSTERS_UP: &[&str] = &[
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerable",
    "considerably",
    "decidedly",
    "deeply",
    "effing",
    "enormous",
    "enormously",
    "entirely",
    "especially",
    "exceptional",
    "exceptionally",
    "extreme",
    "extremely",
    "fabulously",
    "flipping",
    "flippin",
    "frackin",
    "fracking",
    "fricking",
    "frickin",
    "frigging",
    "friggin",
    "fully",
    "fuckin",
    "fucking",
    "fuggin",
    "fugging",
    "greatly",
    "hella",
    "highly",
    "hugely",
    "incredible",
    "incredibly",
    "intensely",
    "major",
    "majorly",
    "more",
    "most",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "so",
    "substantially",
    "thoroughly",
    "total",
    "totally",
    "tremendous",
    "tremendously",
    "uber",
    "unbelievably",
    "unusually",
    "utter",
    "utterly",
    "very",
];

/// Words that lower it (VADER's list).
const BOOSTERS_DOWN: &[&str] = &[
    "almost",
    "barely",
    "hardly",
    "just enough",
    "kind of",
    "kinda",
    "kindof",
    "kind-of",
    "less",
    "little",
    "marginal",
    "marginally",
    "occasional",
    "occasionally",
    "partly",
    "scarce",
    "scarcely",
    "slight",
    "slightly",
    "somewhat",
    "sort of",
    "sorta",
    "sortof",
    "sort-of",
];

/// Words that negate what follows them (and any word with "n't").
pub fn negates(word: &str) -> bool {
    static SET: OnceLock<FastMap<&'static str, ()>> = OnceLock::new();
    SET.get_or_init(|| NEGATIONS.iter().map(|w| (*w, ())).collect())
        .contains_key(word)
        || word.contains("n't")
}

/// VADER's negations, without apostrophes.
const NEGATIONS: &[&str] = &[
    "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "dont", "hadnt",
    "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "neednt", "never", "none", "nope",
    "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "uh-uh", "wasnt",
    "werent", "without", "wont", "wouldnt", "rarely", "seldom", "despite",
];

/// Phrases whose valence replaces that of their words ("the shit" is praise).
pub fn special_case(phrase: &str) -> Option<f32> {
    Some(match phrase {
        "the shit" | "the bomb" => 3.0,
        "bad ass" | "badass" => 1.5,
        "bus stop" => 0.0,
        "yeah right" => -2.0,
        "kiss of death" => -1.5,
        "to die for" => 3.0,
        "beating heart" => 3.5,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(valence("good"), Some(1.9));
        assert_eq!(valence("horrible"), Some(-2.5));
        assert_eq!(valence(":)"), Some(2.0));
        assert_eq!(valence("can't stand"), Some(-2.0));
        assert_eq!(valence("zzzz-not-a-word"), None);
        assert_eq!(valence(""), None);
        // The first and last entries are reachable.
        let starts = starts();
        let first = word_at(0, starts);
        let last = word_at(starts.len() - 1, starts);
        assert!(valence(first).is_some() && valence(last).is_some());
        assert_eq!(starts.len(), VALENCES.len());
        assert!(
            starts.len() < SLOTS / 2,
            "the table stays at most half full"
        );
    }

    #[test]
    fn emoji() {
        assert!(emoji_valence('😁').is_some_and(|v| v > 0.0));
        assert!(emoji_valence('😠').is_some_and(|v| v < 0.0));
        assert_eq!(emoji_valence('a'), None);
    }

    #[test]
    fn word_lists() {
        assert_eq!(booster("very"), Some(true));
        assert_eq!(booster("barely"), Some(false));
        assert_eq!(booster("table"), None);
        assert!(negates("not") && negates("isn't") && negates("doesnt"));
        assert!(!negates("note"));
        assert_eq!(special_case("the shit"), Some(3.0));
    }
}
