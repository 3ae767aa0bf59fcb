//! The VADER sentiment lexicon (C.J. Hutto, MIT licence; see `data/LICENSE-VADER.txt`) and the
//! word lists its rules use.
//!
//! The lexicon ships as data prepared by `build.rs`: the words sorted bytewise, one per line,
//! and one valence byte (tenths) per word. The line offsets are found once, on first use, so
//! no pointer table is shipped in the wasm.

use std::sync::OnceLock;

const WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon_words.txt"));
const VALENCES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_valence.bin"));
/// Sorted entries of a `u32` code point (little endian) and a valence byte.
const EMOJI: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/emoji.bin"));

/// What the sentiment rules need to know of one word, from one lookup.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Entry {
    /// Its valence, from −4 to 4, if the lexicon has it.
    pub valence: Option<f32>,
    /// `Some(true)` for a booster ("very"), `Some(false)` for a dampener ("barely").
    pub booster: Option<bool>,
    /// Whether it negates what follows: one of VADER's negations, or any word with "n't".
    pub negates: bool,
    /// Whether a two-word lexicon entry starts with it ("fed" of "fed up").
    pub starts_phrase: bool,
    /// Whether an idiom or a multi-word dampener ends with it ("death" of "kiss of death").
    pub ends_idiom: bool,
    /// Which of the words the rules name it is, if any.
    pub word: RuleWord,
}

/// The words that the sentiment rules name one by one. The lookup that finds a word's
/// valence says which of these it is, so the rules compare numbers, not strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RuleWord {
    /// Any other word.
    #[default]
    Other,
    /// "kind" (of "kind of").
    Kind,
    /// "of".
    Of,
    /// "no".
    No,
    /// "or".
    Or,
    /// "nor".
    Nor,
    /// "least".
    Least,
    /// "at".
    At,
    /// "very".
    Very,
    /// "never".
    Never,
    /// "so".
    So,
    /// "this".
    This,
    /// "without".
    Without,
    /// "doubt".
    Doubt,
    /// "but".
    But,
}

/// The [`RuleWord`]s with their spelling, in the order of their numbers from 1.
const RULE_WORDS: [(&str, RuleWord); 14] = [
    ("kind", RuleWord::Kind),
    ("of", RuleWord::Of),
    ("no", RuleWord::No),
    ("or", RuleWord::Or),
    ("nor", RuleWord::Nor),
    ("least", RuleWord::Least),
    ("at", RuleWord::At),
    ("very", RuleWord::Very),
    ("never", RuleWord::Never),
    ("so", RuleWord::So),
    ("this", RuleWord::This),
    ("without", RuleWord::Without),
    ("doubt", RuleWord::Doubt),
    ("but", RuleWord::But),
];

/// The last words of every idiom ([`special_case`]) and multi-word dampener.
const IDIOM_ENDS: [&str; 10] = [
    "shit", "bomb", "ass", "stop", "right", "death", "for", "heart", "enough", "of",
];

/// Flags of a word in [`Table::flags`]; the bits from [`RULE_WORD_SHIFT`] up hold its
/// [`RuleWord`] number (0 for none).
const UP: u16 = 1;
const DOWN: u16 = 2;
const NEGATES: u16 = 4;
const STARTS_PHRASE: u16 = 8;
const ENDS_IDIOM: u16 = 16;
const RULE_WORD_SHIFT: u32 = 8;

/// Slots of the word table: a power of two about twice the number of words.
const SLOTS: usize = 16_384;

/// Every word the rules look up, the lexicon's and the word lists', in one open-addressing
/// hash table of word numbers: every word of every message is looked up once, here, and
/// the table takes 64 KB in the visitor's memory, where a general map of strings would take
/// several times that.
struct Table {
    /// Where each lexicon word starts in [`WORDS`]; the words of the lists come after.
    starts: Vec<u32>,
    /// The word lists' words that the lexicon does not have, numbered after its words.
    extra: Vec<&'static str>,
    /// Per word number, its [`UP`], [`DOWN`], [`NEGATES`], [`STARTS_PHRASE`] and
    /// [`ENDS_IDIOM`] flags and its [`RuleWord`] number.
    flags: Vec<u16>,
    /// Per slot, a word number ([`EMPTY`] for none) and 16 more bits of the word's hash,
    /// which turn away nearly every other word in the slot without comparing strings.
    slots: Vec<(u16, u16)>,
}

/// The word number of an empty slot.
const EMPTY: u16 = u16::MAX;

impl Table {
    fn get() -> &'static Table {
        static TABLE: OnceLock<Table> = OnceLock::new();
        TABLE.get_or_init(Table::build)
    }

    fn build() -> Table {
        let starts: Vec<u32> = std::iter::once(0)
            .chain(
                WORDS
                    .bytes()
                    .enumerate()
                    .filter(|(_, b)| *b == b'\n')
                    .map(|(i, _)| i as u32 + 1),
            )
            .collect();
        let mut table = Table {
            flags: vec![0; starts.len()],
            starts,
            extra: Vec::new(),
            slots: vec![(EMPTY, 0); SLOTS],
        };
        for index in 0..table.flags.len() {
            table.insert(index);
        }
        let lists = [
            (BOOSTERS_UP, UP),
            (BOOSTERS_DOWN, DOWN),
            (NEGATIONS, NEGATES),
        ];
        for (words, flag) in lists {
            for word in words {
                table.flag(word, flag);
            }
        }
        for word in IDIOM_ENDS {
            table.flag(word, ENDS_IDIOM);
        }
        for (number, (word, _)) in (1..).zip(RULE_WORDS) {
            table.flag(word, number << RULE_WORD_SHIFT);
        }
        // Bytes rather than `lines` and `split_once`, which search by character: this runs
        // once per lexicon word at every start-up, the widget's included.
        for index in 0..table.starts.len() {
            let entry = table.word(index);
            if let Some(space) = entry.bytes().position(|byte| byte == b' ') {
                table.flag(&entry[..space], STARTS_PHRASE);
            }
        }
        // The table lives as long as the page: without the room the lists grew it into.
        table.flags.shrink_to_fit();
        table.extra.shrink_to_fit();
        table
    }

    /// Sets `flag` on `word`, adding the word if it is new.
    fn flag(&mut self, word: &'static str, flag: u16) {
        let index = match self.index(word) {
            Some(index) => index,
            None => {
                self.extra.push(word);
                self.flags.push(0);
                self.insert(self.flags.len() - 1);
                self.flags.len() - 1
            }
        };
        self.flags[index] |= flag;
    }

    fn insert(&mut self, index: usize) {
        let (mut slot, tag) = slot_of(fnv(self.word(index)));
        while self.slots[slot].0 != EMPTY {
            slot = (slot + 1) % SLOTS;
        }
        self.slots[slot] = (index as u16, tag);
    }

    fn word(&self, index: usize) -> &'static str {
        let Some(extra) = index.checked_sub(self.starts.len()) else {
            let start = self.starts[index] as usize;
            let end = self
                .starts
                .get(index + 1)
                .map_or(WORDS.len(), |next| *next as usize - 1);
            return &WORDS[start..end];
        };
        self.extra[extra]
    }

    fn index(&self, word: &str) -> Option<usize> {
        self.find(word, fnv(word))
    }

    /// The number of `word`, whose FNV-1a hash is `hash`, if the table has it.
    fn find(&self, word: &str, hash: u32) -> Option<usize> {
        let (mut slot, tag) = slot_of(hash);
        loop {
            match self.slots[slot] {
                (EMPTY, _) => return None,
                (index, found) if found == tag && self.word(usize::from(index)) == word => {
                    return Some(usize::from(index));
                }
                _ => slot = (slot + 1) % SLOTS,
            }
        }
    }
}

/// Everything the rules know of a lowercase word or emoticon.
pub fn entry(word: &str) -> Entry {
    let table = Table::get();
    // One pass over the bytes for the hash and for the apostrophe of "n't", which is rare:
    // only then is the substring sought.
    let (mut hash, mut apostrophe) = (FNV_OFFSET, false);
    for byte in word.bytes() {
        hash = fnv_step(hash, byte);
        apostrophe |= byte == b'\'';
    }
    let contracted = apostrophe && word.contains("n't");
    let Some(index) = table.find(word, hash) else {
        return Entry {
            negates: contracted,
            ..Entry::default()
        };
    };
    let flags = table.flags[index];
    Entry {
        valence: VALENCES.get(index).map(|v| f32::from(*v as i8) / 10.0),
        booster: match flags & (UP | DOWN) {
            UP => Some(true),
            DOWN => Some(false),
            _ => None,
        },
        negates: contracted || flags & NEGATES != 0,
        starts_phrase: flags & STARTS_PHRASE != 0,
        ends_idiom: flags & ENDS_IDIOM != 0,
        word: match usize::from(flags >> RULE_WORD_SHIFT) {
            0 => RuleWord::Other,
            number => RULE_WORDS[number - 1].1,
        },
    }
}

/// The valence of a lowercase word or emoticon, from −4 to 4.
pub fn valence(word: &str) -> Option<f32> {
    entry(word).valence
}

/// FNV-1a, the word table's hash: its start value and one step per byte.
const FNV_OFFSET: u32 = 0x811c_9dc5;

fn fnv_step(hash: u32, byte: u8) -> u32 {
    (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
}

/// The FNV-1a hash of `word`.
fn fnv(word: &str) -> u32 {
    word.bytes().fold(FNV_OFFSET, fnv_step)
}

/// Where the search for a word with the FNV-1a hash `hash` starts in [`Table::slots`] (the
/// low bits), and the tag its slot holds (the top bits).
fn slot_of(hash: u32) -> (usize, u16) {
    (hash as usize % SLOTS, (hash >> 16) as u16)
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
    entry(word).booster
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
    entry(word).negates
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
        // The first and last entries are reachable, and so is every added word.
        let table = Table::get();
        let words = table.starts.len();
        assert!(valence(table.word(0)).is_some() && valence(table.word(words - 1)).is_some());
        assert_eq!(words, VALENCES.len());
        for (at, word) in table.extra.iter().enumerate() {
            assert_eq!(table.index(word), Some(words + at), "{word}");
            assert_eq!(valence(word), None, "{word}");
        }
        assert!(
            table.flags.len() < SLOTS / 2,
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
        // A word can be in the lexicon and a list at once; lists and phrases are kept apart.
        assert!(entry("fed").starts_phrase);
        assert_eq!(entry("fed up").valence, valence("fed up"));
        assert_eq!(booster("kind of"), Some(false));
        assert!(!entry("good").negates && entry("good").booster.is_none());
        assert_eq!(special_case("the shit"), Some(3.0));
    }

    #[test]
    fn rule_words_are_named_by_the_lookup() {
        for (word, named) in RULE_WORDS {
            assert_eq!(entry(word).word, named, "{word}");
        }
        for word in ["kinds", "nod", "", "good", "no one", "buts"] {
            assert_eq!(entry(word).word, RuleWord::Other, "{word}");
        }
        for word in IDIOM_ENDS {
            assert!(entry(word).ends_idiom, "{word}");
        }
        assert!(!entry("shits").ends_idiom && !entry("good").ends_idiom);
        // Naming a word leaves what the lexicon says of it alone.
        assert_eq!(entry("no").valence, valence("no"));
        assert_eq!(entry("very").booster, Some(true));
        assert!(entry("never").negates && entry("without").negates);
    }
}
