//! A small phrase-pattern language over [`Words`], compiled into one [`PhraseSet`] that finds
//! every cue of every list (human requests, frustration, confusion, the bot's own "I don't
//! know") in a single pass.
//!
//! A pattern is a space-separated sequence of items:
//!
//! | item | matches |
//! | --- | --- |
//! | `talk\|speak` | one word, any of the alternatives |
//! | `human*` | a word starting with `human` |
//! | `?a\|an\|the` | the same, or nothing |
//! | `~2` | up to two words of anything (never across a clause boundary) |
//! | `^` / `$` | the start / end of a clause (`please\|$`: a word, or the end) |
//! | `fed_up\|tired_of` | a phrase: words joined by `_` match one after the other |
//!
//! Patterns added with [`PhraseSetBuilder::add_tolerant`] also match typos: alternatives of
//! five letters or more match a word one edit away (insertion, deletion, substitution or swap
//! of neighbours), so "representitive" still finds "representative". Typo tolerance is kept to the few words where a miss is costly (asking
//! for a person): everywhere else a near miss is more often another word ("Canada" is one
//! edit from Spanish "cansada", tired). Patterns are folded like messages.
//!
//! Matching is built like a dictionary lookup, not a scan of every alternative: each
//! alternative is indexed under itself and its one-letter deletions, so a word finds its
//! candidates with a few hash lookups (itself and its own deletions) and only those are
//! checked for edit distance.

use super::fast_map::{FastMap, Fnv};
use super::text::{
    BOUNDARY, HASH_BASE, HASH_BASE_INVERSE, Words, hash, hash_more, mix, within_edits,
};
use std::borrow::Cow;
use std::hash::{Hash, Hasher};
use std::ops::Range;

/// Why a pattern did not compile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternError {
    /// Nothing to match.
    Empty,
    /// An item like `|` or `?` with no word in it.
    EmptyItem(String),
    /// `~n` with a bad or too large `n` (1 to 5).
    BadGap(String),
    /// Every word is optional, so the pattern would match any clause, even an empty one.
    NoRequiredWord,
}

impl std::fmt::Display for PatternError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Empty => write!(f, "the phrase is empty"),
            Self::EmptyItem(item) => write!(f, "\"{item}\" has an empty alternative"),
            Self::BadGap(item) => write!(f, "\"{item}\" must be ~1 to ~5"),
            Self::NoRequiredWord => write!(f, "every word is optional, so it would match anything"),
        }
    }
}

impl std::error::Error for PatternError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    /// A word matching one of the alternative ids `ids` (a range of the set's item ids);
    /// `or_end` also accepts the end of the clause (an alternative written `$`).
    Word {
        ids: (u32, u32),
        optional: bool,
        or_end: bool,
    },
    Gap(u8),
    Start,
    End,
}

/// Edits allowed for a typo-tolerant whole-word alternative of this length: short words
/// are too close to other short words to forgive anything.
fn typos_for(text: &str) -> u8 {
    u8::from(text.chars().count() >= 5)
}

/// Every alternative of every pattern, each once, in one buffer: alternative `id` is
/// `text[starts[id]..starts[id + 1]]`. One string rather than one per alternative keeps the
/// set small in the visitor's memory and quick to build.
#[derive(Debug)]
struct Alternatives {
    text: String,
    starts: Vec<u32>,
    /// Per alternative: whether it is a prefix (`human*`), and the edits it allows.
    kinds: Vec<Kind>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Kind {
    prefix: bool,
    typos: u8,
}

impl Default for Alternatives {
    fn default() -> Self {
        Alternatives {
            text: String::new(),
            starts: vec![0],
            kinds: Vec::new(),
        }
    }
}

impl Alternatives {
    fn len(&self) -> usize {
        self.kinds.len()
    }

    fn get(&self, id: u16) -> &str {
        &self.text[self.range(id)]
    }

    /// The bytes of alternative `id`: what the lookups compare, without the check for
    /// character boundaries that slicing a `str` makes.
    fn bytes(&self, id: u16) -> &[u8] {
        &self.text.as_bytes()[self.range(id)]
    }

    fn range(&self, id: u16) -> Range<usize> {
        span(&self.starts, usize::from(id))
    }

    fn kind(&self, id: u16) -> Kind {
        self.kinds[usize::from(id)]
    }
}

/// A pattern: its items (a range of the set's items) and what it stands for.
#[derive(Debug)]
struct Pattern<T> {
    items: (u32, u32),
    payload: T,
}

/// Collects patterns, each with a payload, then builds a [`PhraseSet`].
#[derive(Debug)]
pub struct PhraseSetBuilder<T> {
    alternatives: Alternatives,
    /// Alternative ids by a 64-bit hash of text and kind. A hash that two alternatives
    /// share (never seen, but possible) sends the second to a search of them all.
    ids: FastMap<u64, u16>,
    items: Vec<Item>,
    item_ids: Vec<u16>,
    patterns: Vec<Pattern<T>>,
    /// Words that match only as themselves (see [`PhraseSetBuilder::add_real_word`]).
    real_words: Alternatives,
}

impl<T> Default for PhraseSetBuilder<T> {
    fn default() -> Self {
        PhraseSetBuilder {
            alternatives: Alternatives::default(),
            ids: FastMap::default(),
            items: Vec::new(),
            item_ids: Vec::new(),
            patterns: Vec::new(),
            real_words: Alternatives::default(),
        }
    }
}

/// Whether folding `text` as a message leaves it as it is: lowercase ASCII letters without
/// a letter three times in a row, as nearly every alternative is written.
fn folds_to_itself(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().all(u8::is_ascii_lowercase)
        && !bytes
            .windows(3)
            .any(|run| run[0] == run[1] && run[1] == run[2])
}

impl<T: Clone> PhraseSetBuilder<T> {
    /// Adds one pattern, matched exactly. Plain text (`"speak to a manager"`) is a valid
    /// pattern.
    pub fn add(&mut self, source: &str, payload: T) -> Result<&mut Self, PatternError> {
        self.add_with(source, payload, false)
    }

    /// Marks `word` as a word in its own right: it matches an alternative only when it is
    /// that alternative, never as a typo of one ("stuff" is not a typo of "staff"). Folded
    /// like a message.
    pub fn add_real_word(&mut self, word: &str) -> &mut Self {
        let words = Words::new(word);
        let folded = words.concat();
        if !folded.is_empty() {
            self.real_words.text.push_str(folded);
            let end = self.real_words.text.len() as u32;
            self.real_words.starts.push(end);
            self.real_words.kinds.push(Kind {
                prefix: false,
                typos: 0,
            });
        }
        self
    }

    /// Adds one pattern whose longer words also match with a typo or two.
    pub fn add_tolerant(&mut self, source: &str, payload: T) -> Result<&mut Self, PatternError> {
        self.add_with(source, payload, true)
    }

    fn add_with(
        &mut self,
        source: &str,
        payload: T,
        tolerant: bool,
    ) -> Result<&mut Self, PatternError> {
        if !source.contains('_') {
            self.add_single(source, payload, tolerant)?;
            return Ok(self);
        }
        for variant in phrase_variants(source) {
            self.add_single(&variant, payload.clone(), tolerant)?;
        }
        Ok(self)
    }

    /// Adds a pattern without `_` phrases. On an error, nothing of it is kept but the
    /// alternatives it interned, which are harmless.
    fn add_single(&mut self, source: &str, payload: T, tolerant: bool) -> Result<(), PatternError> {
        let (items_from, ids_from) = (self.items.len(), self.item_ids.len());
        let result = self.add_items(source, tolerant);
        match result {
            Ok(()) => {
                self.patterns.push(Pattern {
                    items: (items_from as u32, self.items.len() as u32),
                    payload,
                });
            }
            Err(_) => {
                self.items.truncate(items_from);
                self.item_ids.truncate(ids_from);
            }
        }
        result
    }

    fn add_items(&mut self, source: &str, tolerant: bool) -> Result<(), PatternError> {
        let from = self.items.len();
        for raw in source.split_whitespace() {
            let item = match raw {
                "^" => Item::Start,
                "$" => Item::End,
                _ if raw.starts_with('~') => Item::Gap(
                    raw[1..]
                        .parse()
                        .ok()
                        .filter(|n| (1..=5).contains(n))
                        .ok_or_else(|| PatternError::BadGap(raw.to_owned()))?,
                ),
                _ => {
                    let (optional, body) = match raw.strip_prefix('?') {
                        Some(body) => (true, body),
                        None => (false, raw),
                    };
                    let ids_from = self.item_ids.len();
                    let mut or_end = false;
                    for alternative in body.split('|') {
                        if alternative == "$" {
                            or_end = true;
                            continue;
                        }
                        let (text, prefix) = match alternative.strip_suffix('*') {
                            Some(text) => (text, true),
                            None => (alternative, false),
                        };
                        // Folded like a message, so "Atención" and "don't" work as written.
                        let folded = if folds_to_itself(text) {
                            Cow::Borrowed(text)
                        } else {
                            Cow::Owned(Words::new(text).concat().to_owned())
                        };
                        if folded.is_empty() {
                            return Err(PatternError::EmptyItem(raw.to_owned()));
                        }
                        let typos = if tolerant && !prefix {
                            typos_for(&folded)
                        } else {
                            0
                        };
                        let id = self.intern(&folded, Kind { prefix, typos });
                        self.item_ids.push(id);
                    }
                    self.item_ids[ids_from..].sort_unstable();
                    Item::Word {
                        ids: (ids_from as u32, self.item_ids.len() as u32),
                        optional,
                        or_end,
                    }
                }
            };
            self.items.push(item);
        }
        let items = &self.items[from..];
        if items.iter().all(|i| matches!(i, Item::Start | Item::End)) {
            return Err(PatternError::Empty);
        }
        let required = items.iter().any(|i| {
            matches!(
                i,
                Item::Word {
                    optional: false,
                    or_end: false,
                    ..
                }
            )
        });
        if !required {
            return Err(PatternError::NoRequiredWord);
        }
        Ok(())
    }

    fn intern(&mut self, text: &str, kind: Kind) -> u16 {
        let key = {
            let mut hasher = Fnv::default();
            text.hash(&mut hasher);
            kind.hash(&mut hasher);
            hasher.finish()
        };
        let alternatives = &self.alternatives;
        let same = |id: u16| alternatives.get(id) == text && alternatives.kind(id) == kind;
        match self.ids.get(&key) {
            Some(&id) if same(id) => return id,
            Some(_) => {
                if let Some(id) = (0..alternatives.len() as u16).find(|id| same(*id)) {
                    return id;
                }
            }
            None => {}
        }
        let id = self.alternatives.len() as u16;
        self.ids.entry(key).or_insert(id);
        self.alternatives.text.push_str(text);
        self.alternatives
            .starts
            .push(self.alternatives.text.len() as u32);
        self.alternatives.kinds.push(kind);
        id
    }

    /// Builds the lookup index.
    pub fn build(self) -> PhraseSet<T> {
        // What is built here outlives what it is built from: the memory a browser gives a
        // page only grows, so the peak is what counts. Interning is over, and each key list
        // is sized exactly.
        drop(self.ids);
        let mut alternatives = self.alternatives;
        alternatives.text.shrink_to_fit();
        alternatives.starts.shrink_to_fit();
        alternatives.kinds.shrink_to_fit();
        let ids = 0..alternatives.len() as u16;
        let whole = ids
            .clone()
            .filter(|id| !alternatives.kind(*id).prefix)
            .count();
        let with_deletions = ids
            .filter(|id| alternatives.kind(*id).typos >= 1)
            .map(|id| alternatives.get(id).chars().count() + 1)
            .sum();
        let mut keys: Vec<(u32, u16)> = Vec::with_capacity(whole);
        let mut typo_keys: Vec<(u32, u16)> = Vec::with_capacity(with_deletions);
        let mut prefixes: Vec<(u32, u16)> = Vec::new();
        let mut prefix_first_bytes = [0u64; 4];
        let (mut longest, mut prefix_lengths, mut typo_lengths) = (0, EMPTY, EMPTY);
        let widen = |(low, high): (usize, usize), len: usize| (low.min(len), high.max(len));
        for id in 0..alternatives.len() as u16 {
            let (alternative, kind) = (alternatives.get(id), alternatives.kind(id));
            let text = alternative.as_bytes();
            longest = longest.max(text.len());
            if kind.prefix {
                prefixes.push((hash(alternative), id));
                prefix_lengths = widen(prefix_lengths, text.len());
                match text.first() {
                    Some(&byte) => prefix_first_bytes[usize::from(byte / 64)] |= 1 << (byte % 64),
                    None => prefix_first_bytes = [u64::MAX; 4],
                }
                continue;
            }
            keys.push((hash(alternative), id));
            // A typo-tolerant alternative is also filed, with its one-letter deletions, in
            // an index of its own, which a word's deletions are looked up in: one edit
            // (insertion, deletion, substitution, swap) always leaves a shared key.
            if kind.typos >= 1 {
                typo_lengths = widen(typo_lengths, alternative.chars().count());
                typo_keys.push((hash(alternative), id));
                for (at, c) in alternative.char_indices() {
                    let before = hash_more(0, &text[..at]);
                    typo_keys.push((hash_more(before, &text[at + c.len_utf8()..]), id));
                }
            }
        }
        // Each pattern is anchored on one required word: the one least likely to be
        // everywhere, whose shortest alternative is longest ("escalate" rather than "me").
        // `add` refuses patterns without a required word, so there is always one.
        let mut anchors = Vec::with_capacity(self.patterns.len());
        let mut anchor_ids = Vec::with_capacity(self.patterns.len());
        for pattern in &self.patterns {
            let items = &self.items[pattern.items.0 as usize..pattern.items.1 as usize];
            let shortest = |(from, to): (u32, u32)| {
                self.item_ids[from as usize..to as usize]
                    .iter()
                    .map(|id| alternatives.get(*id).len())
                    .min()
                    .unwrap_or(0)
            };
            let (item, ids) = items
                .iter()
                .enumerate()
                .filter_map(|(at, item)| match item {
                    Item::Word {
                        ids,
                        optional: false,
                        or_end: false,
                    } => Some((at, *ids)),
                    _ => None,
                })
                .max_by_key(|(_, ids)| shortest(*ids))
                .unwrap_or((0, (0, 0)));
            anchor_ids.push(ids);
            let (min_before, max_before) =
                items[..item].iter().fold((0, 0), |(lo, hi), i| match i {
                    Item::Word {
                        optional: false,
                        or_end: false,
                        ..
                    } => (lo + 1, hi + 1),
                    Item::Word { .. } => (lo, hi + 1),
                    Item::Gap(n) => (lo, hi + usize::from(*n)),
                    Item::Start | Item::End => (lo, hi),
                });
            anchors.push(Anchor {
                min_before,
                max_before,
            });
        }
        // The patterns anchored on each alternative, in one buffer: counted, then placed.
        let mut anchored_starts = vec![0u32; alternatives.len() + 1];
        for &(from, to) in &anchor_ids {
            for id in &self.item_ids[from as usize..to as usize] {
                anchored_starts[usize::from(*id) + 1] += 1;
            }
        }
        for at in 1..anchored_starts.len() {
            anchored_starts[at] += anchored_starts[at - 1];
        }
        let mut anchored = vec![0u32; anchored_starts[alternatives.len()] as usize];
        let mut fill = anchored_starts[1..].to_vec();
        // Placed from the back, so that each alternative's patterns stay in pattern order.
        for (number, &(from, to)) in anchor_ids.iter().enumerate().rev() {
            for id in &self.item_ids[from as usize..to as usize] {
                let slot = &mut fill[usize::from(*id)];
                *slot -= 1;
                anchored[*slot as usize] = number as u32;
            }
        }
        let mut real_words = self.real_words;
        real_words.text.shrink_to_fit();
        let real_keys = (0..real_words.len() as u16)
            .map(|id| (hash(real_words.get(id)), id))
            .collect();
        PhraseSet {
            alternatives,
            real_words,
            real_keys: HashIndex::new(real_keys),
            keys: HashIndex::new(keys),
            typo_keys: HashIndex::new(typo_keys),
            prefixes: HashIndex::new(prefixes),
            longest_word: longest,
            prefix_lengths,
            prefix_first_bytes,
            // One edit away: a character more or less.
            typo_lengths: (typo_lengths.0.saturating_sub(1), typo_lengths.1 + 1),
            items: shrunk(self.items),
            item_ids: shrunk(self.item_ids),
            patterns: shrunk(self.patterns),
            anchored,
            anchored_starts,
            anchors,
        }
    }
}

/// Rewrites a pattern with `_` phrases as plain patterns: an item `a|b_c|d` becomes one
/// pattern with `a|d` there and one with the two items `b c`; an optional item also yields a
/// pattern without it.
fn phrase_variants(source: &str) -> Vec<String> {
    let items: Vec<&str> = source.split_whitespace().collect();
    let Some(at) = items.iter().position(|item| item.contains('_')) else {
        return vec![source.to_owned()];
    };
    let (optional, body) = match items[at].strip_prefix('?') {
        Some(body) => (true, body),
        None => (false, items[at]),
    };
    let (phrases, words): (Vec<&str>, Vec<&str>) = body.split('|').partition(|a| a.contains('_'));
    let with = |replacement: &str| {
        let mut parts: Vec<&str> = items[..at].to_vec();
        if !replacement.is_empty() {
            parts.push(replacement);
        }
        parts.extend(&items[at + 1..]);
        parts.join(" ")
    };
    let mut variants = Vec::new();
    if optional {
        variants.push(with(""));
    }
    if !words.is_empty() {
        variants.push(with(&words.join("|")));
    }
    for phrase in phrases {
        variants.push(with(&phrase.replace('_', " ")));
    }
    // Later items may hold phrases too.
    variants.iter().flat_map(|v| phrase_variants(v)).collect()
}

/// Entry `at` of a list of lists kept in one buffer, where `starts[at]` is where entry `at`
/// starts and `starts[at + 1]` where the next one does.
fn span(starts: &[u32], at: usize) -> Range<usize> {
    starts[at] as usize..starts[at + 1] as usize
}

/// `items` without the room it grew into: a set lives as long as the page.
fn shrunk<I>(mut items: Vec<I>) -> Vec<I> {
    items.shrink_to_fit();
    items
}

/// A range of lengths that holds none: `(low, high)` with `low > high`.
const EMPTY: (usize, usize) = (usize::MAX, 0);

/// Where the character after the one starting at byte `at` starts.
#[inline(always)]
fn next_char(bytes: &[u8], mut at: usize) -> usize {
    at += 1;
    // Continuation bytes are 0b10xx_xxxx.
    while at < bytes.len() && bytes[at] & 0xC0 == 0x80 {
        at += 1;
    }
    at
}

/// 32-bit key hashes ([`hash`], then [`mix`]), each with the alternative it leads to, sorted,
/// with a directory on the hash's top bits: a lookup reads one bucket of a few entries. Keeping
/// hashes instead of strings keeps the index small in the visitor's memory; a colliding key
/// only adds a candidate that the caller's check then turns away.
#[derive(Debug)]
struct HashIndex {
    /// The sorted hashes, and beside them (in two arrays, six bytes an entry rather than
    /// eight) the alternative each leads to.
    hashes: Vec<u32>,
    ids: Vec<u16>,
    /// `directory[b]..directory[b + 1]` are the entries whose hash starts with the bits `b`.
    directory: Vec<u32>,
    /// How far a hash is shifted to give its bucket.
    shift: u32,
    /// One bit per value of a hash's top bits, set where some entry has them. Most words
    /// and deletions are no key at all: this small table, which stays in the processor's
    /// nearest cache, turns most of them away without touching the entries.
    filter: Vec<u64>,
    /// How far a hash is shifted to give its bit in the filter (its top bits).
    filter_shift: u32,
}

impl HashIndex {
    /// Files each alternative under its key's [`hash`].
    fn new(mut entries: Vec<(u32, u16)>) -> Self {
        for entry in &mut entries {
            entry.0 = mix(entry.0);
        }
        entries.sort_unstable();
        entries.dedup();
        let (hashes, ids): (Vec<u32>, Vec<u16>) = entries.into_iter().unzip();
        // About two entries per bucket.
        let bits = (hashes.len() / 2).max(1).ilog2() + 1;
        let mut directory = Vec::with_capacity((1 << bits) + 1);
        let mut at = 0;
        for bucket in 0..=(1u64 << bits) {
            while at < hashes.len() && u64::from(hashes[at] >> (32 - bits)) < bucket {
                at += 1;
            }
            directory.push(at as u32);
        }
        // About eight bits per key, at most 16 KB.
        let filter_bits = (hashes.len() * 8)
            .next_power_of_two()
            .clamp(1 << 10, 1 << 17);
        let filter_shift = 32 - filter_bits.trailing_zeros();
        let mut filter = vec![0u64; filter_bits / 64];
        for hash in &hashes {
            let bit = hash >> filter_shift;
            filter[(bit / 64) as usize] |= 1 << (bit % 64);
        }
        HashIndex {
            hashes,
            ids,
            directory,
            shift: 32 - bits,
            filter,
            filter_shift,
        }
    }

    /// Whether some key may have the mixed hash `hash`: false for most words and
    /// deletions, which are no key at all, answered from the filter alone.
    #[inline(always)]
    fn may_hold(&self, hash: u32) -> bool {
        let bit = hash >> self.filter_shift;
        self.filter[(bit / 64) as usize] & (1 << (bit % 64)) != 0
    }

    /// The alternatives filed under the mixed hash `hash`, and perhaps a few others (hash
    /// collisions, which the caller's check turns away).
    #[inline(always)]
    fn get(&self, hash: u32) -> impl Iterator<Item = u16> + '_ {
        let bucket = (hash >> self.shift) as usize;
        let (from, to) = if self.may_hold(hash) {
            (self.directory[bucket], self.directory[bucket + 1])
        } else {
            (0, 0)
        };
        (from as usize..to as usize)
            .filter(move |at| self.hashes[*at] == hash)
            .map(|at| self.ids[at])
    }
}

/// The alternatives of words a [`PhraseSet`] has already looked up, so that a word seen
/// before costs one slot's comparison instead of its lookups (itself, its deletions, its
/// prefixes: a few hundred instructions). Words repeat: for callers that scan many messages,
/// like the scoring CLI; one message at a time, as in the widget, there is nothing to gain.
///
/// Direct-mapped by the word's hash: a word whose slot another took is looked up again, and
/// words too long or with too many alternatives for a slot are never remembered. A memo
/// serves one set: used with another, it forgets everything first.
#[derive(Debug)]
pub struct WordMemo {
    slots: Vec<MemoSlot>,
    /// How far a mixed hash is shifted to give its slot.
    shift: u32,
    /// The set whose answers the slots hold, by address (0: none yet).
    set: usize,
}

/// The longest word, in bytes, and the most alternatives a [`WordMemo`] slot holds.
const MEMO_WORD: usize = 24;
const MEMO_IDS: usize = 3;

#[derive(Debug, Clone, Copy, Default)]
struct MemoSlot {
    hash: u32,
    /// The word's length, 0 in a free slot (no word is empty).
    len: u8,
    count: u8,
    ids: [u16; MEMO_IDS],
    word: [u8; MEMO_WORD],
}

impl Default for WordMemo {
    /// 16,384 slots (576 KB): on the 23,703 VADER lines, 85% of words are found there
    /// (4,096 slots find 76%, 65,536 slots 89%).
    fn default() -> Self {
        WordMemo::with_slots(1 << 14)
    }
}

impl WordMemo {
    /// A memo of `slots` slots (rounded up to a power of two).
    pub fn with_slots(slots: usize) -> Self {
        let slots = slots.max(2).next_power_of_two();
        WordMemo {
            slots: vec![MemoSlot::default(); slots],
            shift: 32 - slots.trailing_zeros(),
            set: 0,
        }
    }

    /// Makes the memo hold answers of the set at address `set`, forgetting another's.
    fn serve(&mut self, set: usize) {
        if self.set != set {
            self.slots.fill(MemoSlot::default());
            self.set = set;
        }
    }

    fn slot(&self, hash: u32) -> usize {
        (mix(hash) >> self.shift) as usize
    }

    /// Appends the remembered alternatives of `word` (with [`hash`] `hash`) to `out`, if
    /// it is remembered.
    #[inline]
    fn recall(&self, word: &str, hash: u32, out: &mut Vec<u16>) -> bool {
        let slot = &self.slots[self.slot(hash)];
        let len = usize::from(slot.len);
        let known = slot.hash == hash && len == word.len() && slot.word[..len] == *word.as_bytes();
        if known {
            out.extend_from_slice(&slot.ids[..usize::from(slot.count)]);
        }
        known
    }

    fn remember(&mut self, word: &str, hash: u32, ids: &[u16]) {
        if word.is_empty() || word.len() > MEMO_WORD || ids.len() > MEMO_IDS {
            return;
        }
        let at = self.slot(hash);
        let slot = &mut self.slots[at];
        slot.hash = hash;
        slot.len = word.len() as u8;
        slot.count = ids.len() as u8;
        slot.ids[..ids.len()].copy_from_slice(ids);
        slot.word[..word.len()].copy_from_slice(word.as_bytes());
    }
}

/// The alternatives each word of a message matches, in one buffer: the ids of word `i` are
/// `ids[starts[i]..starts[i + 1]]`, sorted.
#[derive(Debug, Default)]
struct WordIds {
    ids: Vec<u16>,
    starts: Vec<u32>,
}

impl WordIds {
    fn of(&self, word: usize) -> &[u16] {
        &self.ids[span(&self.starts, word)]
    }
}

/// The words of one clause, as their alternative ids.
#[derive(Clone, Copy)]
struct Clause<'a> {
    words: &'a WordIds,
    /// The set's item ids, which the patterns' word items point into.
    item_ids: &'a [u16],
    from: usize,
    len: usize,
}

impl<'a> Clause<'a> {
    fn get(&self, at: usize) -> Option<&'a [u16]> {
        (at < self.len).then(|| self.words.of(self.from + at))
    }
}

/// A compiled set of patterns, each with a payload.
#[derive(Debug)]
pub struct PhraseSet<T> {
    alternatives: Alternatives,
    /// Words that match only as themselves, and their index.
    real_words: Alternatives,
    real_keys: HashIndex,
    /// Whole alternatives.
    keys: HashIndex,
    /// Typo-tolerant alternatives and their one-letter deletions, apart from the rest so
    /// that a word's deletions, which are many, meet only the keys they can match.
    typo_keys: HashIndex,
    /// Prefix alternatives (`human*`), under the hash of the prefix.
    prefixes: HashIndex,
    /// Words longer than this, in bytes, match no whole alternative.
    longest_word: usize,
    /// The shortest and longest prefix alternative, in bytes: only prefixes of a word in
    /// this range are looked up.
    prefix_lengths: (usize, usize),
    /// The first bytes of the prefix alternatives, one bit per byte value: a word that
    /// starts otherwise, as nearly every word does, has none of its prefixes looked up.
    prefix_first_bytes: [u64; 4],
    /// Lengths of the words, in characters, that can be one edit from a typo-tolerant
    /// alternative: only those have their deletions looked up.
    typo_lengths: (usize, usize),
    /// Every pattern's items, one after another, and the alternative ids their words
    /// list, sorted per item.
    items: Vec<Item>,
    item_ids: Vec<u16>,
    patterns: Vec<Pattern<T>>,
    /// The patterns anchored on each alternative: those of alternative `id` are
    /// `anchored[anchored_starts[id]..anchored_starts[id + 1]]`. A pattern is only tried
    /// where its anchor word occurs.
    anchored: Vec<u32>,
    anchored_starts: Vec<u32>,
    /// Per pattern: how few and how many words the items before its anchor can take, which
    /// bounds where a match can start.
    anchors: Vec<Anchor>,
}

#[derive(Debug, Clone, Copy)]
struct Anchor {
    min_before: usize,
    max_before: usize,
}

/// Where a pattern matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<'a, T> {
    /// The payload given with the pattern.
    pub payload: &'a T,
    /// The clause it matched in, as a range of word indices (boundaries excluded).
    pub clause: (usize, usize),
}

impl<T> PhraseSet<T> {
    /// Appends the alternatives `word` (whose [`hash`] is `hash`) matches to `out`,
    /// sorted.
    fn word_ids(&self, word: &str, hash: u32, out: &mut Vec<u16>) {
        let start = out.len();
        if word == BOUNDARY {
            return;
        }
        let bytes = word.as_bytes();
        // Called only for mixed hashes the filter lets through: few.
        let mut consider = |index: &HashIndex, hash: u32| {
            for id in index.get(hash) {
                if !out[start..].contains(&id)
                    && (self.alternatives.bytes(id) == bytes
                        || within_edits(
                            word,
                            self.alternatives.get(id),
                            usize::from(self.alternatives.kind(id).typos),
                        ))
                {
                    out.push(id);
                }
            }
        };
        let whole = mix(hash);
        if word.len() <= self.longest_word && self.keys.may_hold(whole) {
            consider(&self.keys, whole);
        }
        // Plain loops over bytes here: this runs for every word of every message, and the
        // size-optimised build does not inline iterator adapters. Most words are ASCII,
        // where a character is a byte.
        let ascii = word.is_ascii();
        let char_end = |at: usize| if ascii { at + 1 } else { next_char(bytes, at) };
        let chars = if ascii {
            bytes.len()
        } else {
            bytes.iter().filter(|b| **b & 0xC0 != 0x80).count()
        };
        if (self.typo_lengths.0..=self.typo_lengths.1).contains(&chars)
            && !self.is_real_word(bytes, whole)
        {
            // The word may be a tolerant alternative less one letter.
            if self.typo_keys.may_hold(whole) {
                consider(&self.typo_keys, whole);
            }
            // The word less the bytes from a to b hashes to before·Bⁿ⁻ᵇ + after, where before
            // hashes the bytes up to a and after = whole − through·Bⁿ⁻ᵇ, through hashing
            // the bytes up to b: whole + (before − through)·Bⁿ⁻ᵇ, one step per deletion.
            let mut power = (0..bytes.len()).fold(1u32, |p, _| p.wrapping_mul(HASH_BASE));
            let (mut before, mut at) = (0u32, 0);
            while at < bytes.len() {
                let next = char_end(at);
                let mut through = before;
                while at < next {
                    through = through
                        .wrapping_mul(HASH_BASE)
                        .wrapping_add(u32::from(bytes[at]));
                    power = power.wrapping_mul(HASH_BASE_INVERSE);
                    at += 1;
                }
                let deleted =
                    mix(hash.wrapping_add(before.wrapping_sub(through).wrapping_mul(power)));
                if self.typo_keys.may_hold(deleted) {
                    consider(&self.typo_keys, deleted);
                }
                before = through;
            }
        }
        // Prefix alternatives: the word's own prefixes, hashed as they grow.
        let mut prefix = 0;
        let mut at = 0;
        let first = bytes.first().map_or(0, |&byte| {
            self.prefix_first_bytes[usize::from(byte / 64)] & (1 << (byte % 64))
        });
        while first != 0 && at < bytes.len().min(self.prefix_lengths.1) {
            let next = char_end(at);
            prefix = hash_more(prefix, &bytes[at..next]);
            at = next;
            if at < self.prefix_lengths.0 {
                continue;
            }
            for id in self.prefixes.get(mix(prefix)) {
                if bytes.starts_with(self.alternatives.bytes(id)) && !out[start..].contains(&id) {
                    out.push(id);
                }
            }
        }
        out[start..].sort_unstable();
    }

    /// Whether the word with these bytes and mixed hash was added with
    /// [`PhraseSetBuilder::add_real_word`].
    fn is_real_word(&self, bytes: &[u8], mixed: u32) -> bool {
        self.real_keys.may_hold(mixed)
            && self
                .real_keys
                .get(mixed)
                .any(|id| self.real_words.bytes(id) == bytes)
    }

    /// Every pattern that occurs in `words`, at most once per clause, in pattern order.
    pub fn scan(&self, words: &Words) -> Vec<Hit<'_, T>> {
        self.scan_remembering(words, None)
    }

    /// [`scan`](Self::scan), looking up in `memo` the words it has seen before and
    /// remembering the others there: for callers that scan many messages.
    pub fn scan_with(&self, words: &Words, memo: &mut WordMemo) -> Vec<Hit<'_, T>> {
        self.scan_remembering(words, Some(memo))
    }

    fn scan_remembering(&self, words: &Words, mut memo: Option<&mut WordMemo>) -> Vec<Hit<'_, T>> {
        // Sized once: most words match no alternative, a few match several.
        let mut ids = WordIds {
            ids: Vec::with_capacity(words.len() * 2),
            starts: Vec::with_capacity(words.len() + 1),
        };
        ids.starts.push(0);
        if let Some(memo) = memo.as_deref_mut() {
            memo.serve(self as *const Self as usize);
        }
        for (at, word) in words.iter().enumerate() {
            let hash = words.hash(at);
            match memo.as_deref_mut() {
                Some(memo) => {
                    if !memo.recall(word, hash, &mut ids.ids) {
                        let from = ids.ids.len();
                        self.word_ids(word, hash, &mut ids.ids);
                        memo.remember(word, hash, &ids.ids[from..]);
                    }
                }
                None => self.word_ids(word, hash, &mut ids.ids),
            }
            ids.starts.push(ids.ids.len() as u32);
        }
        let mut clauses = Vec::with_capacity(8);
        let mut start = 0;
        for at in 0..words.len() {
            if words.is_boundary(at) {
                clauses.push((start, at));
                start = at + 1;
            }
        }
        clauses.push((start, words.len()));
        // Every place a pattern's anchor word occurs: only there can the pattern match.
        let mut tries: Vec<(u32, u32)> = Vec::with_capacity(ids.ids.len() * 4);
        for at in 0..words.len() {
            for id in ids.of(at) {
                let patterns = &self.anchored[span(&self.anchored_starts, usize::from(*id))];
                tries.extend(patterns.iter().map(|p| (*p, at as u32)));
            }
        }
        tries.sort_unstable();
        tries.dedup();

        let mut hits: Vec<Hit<'_, T>> = Vec::new();
        let mut last: Option<(u32, usize)> = None;
        for (number, at) in tries {
            // A message has a few clauses: a search beats a table filled for every word.
            let clause_number = clauses.partition_point(|&(_, to)| to <= at as usize);
            if last == Some((number, clause_number)) {
                continue; // Already matched in this clause.
            }
            let (from, to) = clauses[clause_number];
            let clause = Clause {
                words: &ids,
                item_ids: &self.item_ids,
                from,
                len: to - from,
            };
            let pattern = &self.patterns[number as usize];
            let items = &self.items[pattern.items.0 as usize..pattern.items.1 as usize];
            let anchor = self.anchors[number as usize];
            let p = at as usize - from;
            if p < anchor.min_before {
                continue;
            }
            let starts = p.saturating_sub(anchor.max_before)..=p - anchor.min_before;
            if starts
                .into_iter()
                .any(|start| matches(items, clause, start))
            {
                last = Some((number, clause_number));
                hits.push(Hit {
                    payload: &pattern.payload,
                    clause: (from, to),
                });
            }
        }
        hits
    }
}

/// Matches `items` against the clause from word `at`, backtracking over optional items and
/// gaps; patterns are a handful of items, so the search stays small.
fn matches(items: &[Item], clause: Clause<'_>, at: usize) -> bool {
    let Some((item, rest)) = items.split_first() else {
        return true;
    };
    match item {
        Item::Start => at == 0 && matches(rest, clause, at),
        Item::End => at == clause.len && matches(rest, clause, at),
        Item::Gap(n) => (0..=usize::from(*n))
            .take_while(|skip| at + skip <= clause.len)
            .any(|skip| matches(rest, clause, at + skip)),
        Item::Word {
            ids,
            optional,
            or_end,
        } => {
            // A word matches few alternatives (often none), an item lists many: look the
            // word's few up in the item's sorted list.
            let ids = &clause.item_ids[ids.0 as usize..ids.1 as usize];
            let here = clause
                .get(at)
                .is_some_and(|word| word.iter().any(|id| ids.binary_search(id).is_ok()));
            (here && matches(rest, clause, at + 1))
                || ((*optional || (*or_end && at == clause.len)) && matches(rest, clause, at))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(pattern: &str, text: &str) -> bool {
        let mut builder = PhraseSetBuilder::default();
        builder.add_tolerant(pattern, ()).unwrap();
        !builder.build().scan(&Words::new(text)).is_empty()
    }

    #[test]
    fn real_words_match_only_as_themselves() {
        let mut builder = PhraseSetBuilder::default();
        builder
            .add_tolerant("talk to ?the staff|stuffing", ())
            .unwrap();
        builder.add_real_word("Stuff").add_real_word("stuffing");
        let set = builder.build();
        let cases = [
            ("talk to the staff", true),
            ("talk to the staf", true),
            ("talk to the sfaff", true),
            // A real word one letter from "staff" is not its typo...
            ("talk to the stuff", false),
            // ...but a real word that is an alternative still matches as itself.
            ("talk to the stuffing", true),
        ];
        for (text, found) in cases {
            assert_eq!(!set.scan(&Words::new(text)).is_empty(), found, "{text}");
        }
    }

    #[test]
    fn a_memo_changes_no_scan() {
        let set = |pattern: &str| {
            let mut builder = PhraseSetBuilder::default();
            builder.add_tolerant(pattern, ()).unwrap();
            builder.build()
        };
        // The same words under other ids in each set: a memo that kept one set's answers
        // for the other would find the wrong patterns.
        let people = set("talk|speak to ?a human*|person|representative");
        let bots = set("?the bot|representative please talk|speak to");
        // Two slots: words keep taking each other's.
        let mut memo = WordMemo::with_slots(2);
        let texts = [
            "talk to a human",
            "talk to a humanoid",
            "speak to a representitive",
            "the bot please talk to",
            "talk to a supercalifragilisticexpialidocious person",
            "talk to a person. talk to a person",
            "",
        ];
        for round in 0..3 {
            for text in texts {
                for set in [&people, &bots] {
                    let words = Words::new(text);
                    assert_eq!(
                        set.scan_with(&words, &mut memo),
                        set.scan(&words),
                        "round {round}: {text}"
                    );
                }
            }
        }
        // Two words with one hash (found by a birthday search): remembering the one says
        // nothing of the other.
        assert_eq!(hash("coufnciz"), hash("jkjebvfe"));
        let odd = set("coufnciz");
        let mut memo = WordMemo::default();
        for (text, found) in [("coufnciz", true), ("jkjebvfe", false), ("coufnciz", true)] {
            let hits = odd.scan_with(&Words::new(text), &mut memo);
            assert_eq!(!hits.is_empty(), found, "{text}");
        }
    }

    #[test]
    fn matching_table() {
        let cases = [
            (
                "talk|speak to ?a|an ?real human|person",
                "can I talk to a real person?",
                true,
            ),
            (
                "talk|speak to ?a|an ?real human|person",
                "let me speak to a human",
                true,
            ),
            (
                "talk|speak to ?a|an ?real human|person",
                "talk to human",
                true,
            ),
            (
                "talk|speak to ?a|an ?real human|person",
                "talk about a human",
                false,
            ),
            ("representative", "representitive please", true),
            ("representative", "reprasentative", true),
            ("representative", "reprsentativ", false),
            // One edit is one character, however many bytes it takes.
            ("representative", "representativeю", true),
            ("human", "humna", true),
            ("human*", "humans only", true),
            ("agent", "urgent", false),
            ("agent", "agnet", true),
            ("bot", "but", false),
            ("^ agent $", "agent", true),
            ("^ agent $", "AGENT!!!", true),
            ("^ agent $", "my agent was nice", false),
            ("^ agent $", "ok. agent. thanks", true),
            ("still ~2 waiting", "I am still not waiting", true),
            ("still ~2 waiting", "still, waiting", false),
            ("third time", "this is the THIRD time", true),
            (
                "need ?a human|person $",
                "i need a person to sign for it",
                false,
            ),
            ("need ?a human|person $", "i need a person", true),
            ("no ?more bot*", "no more bots!", true),
            ("atencion", "Atención al cliente", true),
            ("dont want ?a|any bot", "I don’t want a bot", true),
            ("~5 agent", "agent", true),
            ("?x agent", "", false),
            ("fed_up|tired_of|livid", "I am so fed up", true),
            ("fed_up|tired_of|livid", "tired of this", true),
            ("fed_up|tired_of|livid", "livid", true),
            ("fed_up|tired_of|livid", "fed me up", false),
            ("?really_now ok", "ok", true),
            ("?really_now ok", "really now ok", true),
            ("want a human|person please|$", "i want a person", true),
            (
                "want a human|person please|$",
                "i want a person please",
                true,
            ),
            (
                "want a human|person please|$",
                "i want a person to sign",
                false,
            ),
        ];
        for (pattern, text, expected) in cases {
            assert_eq!(finds(pattern, text), expected, "{pattern:?} in {text:?}");
        }
    }

    #[test]
    fn exact_patterns_take_no_typos() {
        let mut builder = PhraseSetBuilder::default();
        builder.add("cansada", ()).unwrap();
        let set = builder.build();
        assert!(set.scan(&Words::new("Do you ship to Canada?")).is_empty());
        assert!(!set.scan(&Words::new("estoy cansada")).is_empty());
    }

    #[test]
    fn hits_name_their_clause() {
        let mut builder = PhraseSetBuilder::default();
        builder.add("agent", 1).unwrap().add("human", 2).unwrap();
        let set = builder.build();
        let words = Words::new("hello. agent please, human");
        let hits = set.scan(&words);
        let found: Vec<(i32, (usize, usize))> =
            hits.iter().map(|h| (*h.payload, h.clause)).collect();
        assert_eq!(found, [(1, (2, 4)), (2, (5, 6))]);
    }

    #[test]
    fn errors() {
        let mut b = PhraseSetBuilder::default();
        assert_eq!(b.add("", ()).unwrap_err(), PatternError::Empty);
        assert_eq!(b.add("^ $", ()).unwrap_err(), PatternError::Empty);
        assert_eq!(
            b.add("a || b", ()).unwrap_err(),
            PatternError::EmptyItem("||".into())
        );
        assert_eq!(
            b.add("a ~9", ()).unwrap_err(),
            PatternError::BadGap("~9".into())
        );
        assert_eq!(
            b.add("a ~x", ()).unwrap_err(),
            PatternError::BadGap("~x".into())
        );
        assert!(b.add("?", ()).is_err());
        assert!(
            b.add("!!!", ()).is_err(),
            "punctuation only folds to nothing"
        );
        assert_eq!(
            b.add("^ ?a ?b $", ()).unwrap_err(),
            PatternError::NoRequiredWord
        );
        assert_eq!(
            b.add("~2 ?a", ()).unwrap_err(),
            PatternError::NoRequiredWord
        );
    }

    #[test]
    fn empty_and_long_input() {
        assert!(!finds("agent", ""));
        let long = "word ".repeat(20_000) + "agent";
        assert!(finds("agent", &long));
    }
}
