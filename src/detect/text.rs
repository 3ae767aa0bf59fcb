//! Turning a message into words: case folding, accent folding, apostrophes, and clause
//! boundaries. Every detector works on the same [`Words`].

/// A word-level view of a message, for phrase matching.
///
/// Words are lowercase with accents folded (`Qué` → `que`, `straße` → `strasse`), English
/// clitics joined (`don't` → `dont`, `I'm` → `im`) and French/Italian elisions split
/// (`l'agent` → `l agent`). Sentence punctuation becomes the boundary word [`BOUNDARY`], so
/// that a phrase never matches across two sentences.
///
/// Every message is split once and every detector reads the result, so the words share one
/// buffer (no allocation per word) and each carries its [`hash`], which the phrase index and
/// the language guess look words up by.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Words {
    /// The words, one after another.
    text: String,
    /// Where each word ends in `text`.
    ends: Vec<u32>,
    /// Each word's [`hash`].
    hashes: Vec<u32>,
}

/// The word that stands for a clause boundary (`.`, `!`, `?`, `;`, `,`, `:`, a line break).
pub const BOUNDARY: &str = ".";

/// The [`hash`] of [`BOUNDARY`].
const BOUNDARY_HASH: u32 = b'.' as u32;

/// Per byte, its lowercase form if it is an ASCII letter or digit, and 0 otherwise.
const ASCII_WORD_BYTES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 128 {
        if (byte as u8).is_ascii_alphanumeric() {
            table[byte] = (byte as u8).to_ascii_lowercase();
        }
        byte += 1;
    }
    table
};

/// "humannnn", "pleaseeee": elongation carries feeling, not spelling. The letters of a
/// word keep at most two of a run of one letter, which one-typo matching then reads as the
/// word.
#[derive(Default)]
struct Elongation {
    /// The last letter (`'\0'` after anything else) and how many times in a row it came.
    previous: char,
    run: u32,
}

impl Elongation {
    /// Counts letter `c`; whether it is kept.
    #[inline(always)]
    fn keeps(&mut self, c: char) -> bool {
        self.run = if self.previous == c { self.run + 1 } else { 1 };
        self.previous = c;
        self.run <= 2
    }
}

/// English clitics that stay attached to the word before them.
const CLITICS: [&str; 7] = ["t", "s", "m", "d", "ll", "re", "ve"];

/// The multiplier of [`hash`]: odd, so that it has an inverse modulo 2³².
pub const HASH_BASE: u32 = 0x0100_0193;

/// [`HASH_BASE`]'s inverse modulo 2³²: multiplying by it takes one byte's power back.
pub const HASH_BASE_INVERSE: u32 = inverse(HASH_BASE);

/// The inverse modulo 2³² of an odd number, by Newton's iteration (each step doubles the
/// correct low bits).
const fn inverse(odd: u32) -> u32 {
    let mut x = odd;
    let mut step = 0;
    while step < 5 {
        x = x.wrapping_mul(2u32.wrapping_sub(odd.wrapping_mul(x)));
        step += 1;
    }
    x
}

/// The hash words are looked up by: the polynomial Σ byteᵢ · B^(n−1−i) modulo 2³², with
/// B = [`HASH_BASE`]. A polynomial rather than FNV because its value without one letter
/// follows from the whole word's in constant time, which is what typo lookups need; lookup
/// tables mix it before use.
#[inline(always)]
pub fn hash(word: &str) -> u32 {
    hash_more(0, word.as_bytes())
}

/// [`hash`] of a text that continues one whose hash is `state` with `bytes`.
#[inline(always)]
pub fn hash_more(mut state: u32, bytes: &[u8]) -> u32 {
    let mut at = 0;
    while at < bytes.len() {
        state = state
            .wrapping_mul(HASH_BASE)
            .wrapping_add(u32::from(bytes[at]));
        at += 1;
    }
    state
}

/// Spreads a [`hash`] for tables, which use the result's high bits: the polynomial's low
/// bits depend on the last bytes only, and multiplying by an odd constant (Fibonacci
/// hashing: 2³² over the golden ratio) carries every bit of it upwards. One multiplication,
/// against five steps for a full finaliser: this runs for every word and every deletion.
#[inline(always)]
pub fn mix(hash: u32) -> u32 {
    hash.wrapping_mul(0x9E37_79B1)
}

impl Words {
    /// Splits `text` into words.
    pub fn new(text: &str) -> Words {
        // Sized for the usual case rather than grown: a word and what separates it take two
        // bytes or more (only runs like "a.b.c" need more room, and grow).
        let most_words = text.len() / 2 + 2;
        let mut words = Words {
            text: String::with_capacity(text.len() + 8),
            ends: Vec::with_capacity(most_words),
            hashes: Vec::with_capacity(most_words),
        };
        // Where the current word starts in `words.text`, and its hash so far.
        let (mut start, mut hash) = (0, 0u32);
        let mut elongation = Elongation::default();
        // Every message goes through here: indices and an ASCII fast path rather than
        // iterator adapters, which the size-optimised build leaves as calls.
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            // ASCII letters and digits, most of every message: one table read answers what
            // the byte is and gives its lowercase form.
            let lower = ASCII_WORD_BYTES[usize::from(byte)];
            if lower != 0 {
                at += 1;
                if elongation.keeps(char::from(byte)) {
                    words.text.push(char::from(lower));
                    hash = hash.wrapping_mul(HASH_BASE).wrapping_add(u32::from(lower));
                }
                continue;
            }
            let Some((c, next)) = char_at(text, at) else {
                break;
            };
            at = next;
            // Letters outside ASCII (ASCII ones took the path above): folded and hashed.
            if is_word_char(c) {
                if elongation.keeps(c) {
                    let from = words.text.len();
                    fold_into(c, &mut words.text);
                    hash = hash_more(hash, &words.text.as_bytes()[from..]);
                }
                continue;
            }
            elongation = Elongation::default();
            if is_apostrophe(c) && words.text.len() > start {
                // Look at what follows the apostrophe to decide: join or split.
                if is_clitic(text, at) {
                    // "don't" → "dont", "I'm" → "im": keep reading into the same word.
                    continue;
                }
                // "l'agent", "qu'un", "dell'operatore": an elision, two words.
                (start, hash) = (words.end_word(start, hash), 0);
            } else {
                (start, hash) = (words.end_word(start, hash), 0);
                if is_clause_end(c) && !words.is_empty() && !words.is_boundary(words.len() - 1) {
                    words.text.push_str(BOUNDARY);
                    start = words.end_word(start, BOUNDARY_HASH);
                }
            }
        }
        words.end_word(start, hash);
        if !words.is_empty() && words.is_boundary(words.len() - 1) {
            words.ends.pop();
            words.hashes.pop();
            words
                .text
                .truncate(words.ends.last().map_or(0, |end| *end as usize));
        }
        words
    }

    /// Closes the word that started at `start`, whose [`hash`] is `hash`, if it has any
    /// letters; returns where the next one starts.
    fn end_word(&mut self, start: usize, hash: u32) -> usize {
        let end = self.text.len();
        if end > start {
            self.hashes.push(hash);
            self.ends.push(end as u32);
        }
        end
    }

    /// How many words there are, boundaries included.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no words at all.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Word `i` (panics past the end, like indexing).
    #[inline]
    pub fn get(&self, i: usize) -> &str {
        let from = i
            .checked_sub(1)
            .map_or(0, |before| self.ends[before] as usize);
        &self.text[from..self.ends[i] as usize]
    }

    /// The [`hash`] of word `i`.
    pub fn hash(&self, i: usize) -> u32 {
        self.hashes[i]
    }

    /// The words in order, boundaries included.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Whether word `i` is the boundary word. Asked of its hash and length, not its text:
    /// a one-byte word's hash is that byte, and only the boundary is a ".".
    #[inline]
    pub fn is_boundary(&self, i: usize) -> bool {
        let from = i.checked_sub(1).map_or(0, |before| self.ends[before]);
        self.hashes[i] == BOUNDARY_HASH && self.ends[i] - from == 1
    }

    /// The words without boundaries.
    pub fn plain(&self) -> impl Iterator<Item = &str> {
        (0..self.len())
            .filter(|&i| !self.is_boundary(i))
            .map(|i| self.get(i))
    }

    /// The words without boundaries, each with its [`hash`].
    pub fn plain_hashed(&self) -> impl Iterator<Item = (&str, u32)> {
        (0..self.len())
            .filter(|&i| !self.is_boundary(i))
            .map(|i| (self.get(i), self.hashes[i]))
    }

    /// The words run together ("don't worry" → "dontworry").
    pub fn concat(&self) -> &str {
        &self.text
    }
}

/// A whitespace-separated piece of a text with its byte range, trimmed of surrounding
/// quotes, brackets and sentence punctuation (a trailing `:` stays: "password:" is a cue).
/// Redaction and detail extraction work on these, because they must point back into the
/// original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The piece as written.
    pub text: &'a str,
    /// Byte offset of its start in the text.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
}

/// Splits `text` into [`Token`]s.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let is_edge = |c: char| "\"'“”‘’«»()[]{}<>,;!?.".contains(c);
    let mut out = Vec::new();
    let mut offset = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let trimmed_end = piece.trim_end();
        let core = trimmed_end.trim_start_matches(is_edge);
        let lead = trimmed_end.len() - core.len();
        let core = core.trim_end_matches(is_edge);
        if !core.is_empty() {
            out.push(Token {
                text: core,
                start: offset + lead,
                end: offset + lead + core.len(),
            });
        }
        offset += piece.len();
    }
    out
}

/// The character at byte `at` of `text` and where the next one starts.
#[inline(always)]
pub(crate) fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let byte = *text.as_bytes().get(at)?;
    if byte < 0x80 {
        return Some((char::from(byte), at + 1));
    }
    let c = text.get(at..)?.chars().next()?;
    Some((c, at + c.len_utf8()))
}

/// Letters and digits, with a quick answer for ASCII.
#[inline(always)]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Whether the letters from byte `at` (just after an apostrophe) are an English clitic that
/// stays on the word before: the "t" of "don't", the "m" of "I'm".
fn is_clitic(text: &str, mut at: usize) -> bool {
    // No clitic has more than two letters: three bytes hold any candidate, and a word
    // with more letters, or with one outside ASCII after folding, is none.
    let (mut after, mut len) = ([0u8; 3], 0);
    while let Some((c, next)) = char_at(text, at) {
        if !is_word_char(c) {
            break;
        }
        if len > 2 {
            return false;
        }
        if c.is_ascii() {
            after[len] = c.to_ascii_lowercase() as u8;
            len += 1;
        } else {
            let mut folded = String::new();
            fold_into(c, &mut folded);
            for byte in folded.bytes() {
                if !byte.is_ascii() || len > 2 {
                    return false;
                }
                after[len] = byte;
                len += 1;
            }
        }
        at = next;
    }
    CLITICS
        .iter()
        .any(|clitic| clitic.as_bytes() == &after[..len])
}

/// Straight and typographic apostrophes.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`' | '´')
}

fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | ';' | ',' | ':' | '\n' | '¿' | '¡' | '…' | '。' | '؟'
    )
}

/// Lowercases `c` and removes its accents, appending the result to `out`.
#[inline]
pub fn fold_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => {
            "a"
        }
        'ç' | 'Ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' | 'ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' => "ss",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ł' | 'Ł' => "l",
        'š' | 'Š' => "s",
        'ž' | 'Ž' => "z",
        // Other scripts are kept as written: the cue lists are Latin-script, and leaving out
        // Unicode's case tables keeps the widget smaller.
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(folded);
}

/// A number with a fixed count of decimals ("0.82", "+1.9"), without pulling in the
/// standard library's float formatting, which is large in the wasm build.
pub fn fixed(value: f32, decimals: u32, signed: bool) -> String {
    let mut out = String::with_capacity(8);
    push_fixed(&mut out, value, decimals, signed);
    out
}

/// [`fixed`], appended to `out`: reasons are built in one string, with no formatting
/// machinery, because one is built for nearly every message.
pub fn push_fixed(out: &mut String, value: f32, decimals: u32, signed: bool) {
    let scale = 10i64.pow(decimals);
    let scaled = (f64::from(value) * scale as f64).round() as i64;
    if scaled < 0 {
        out.push('-');
    } else if signed {
        out.push('+');
    }
    let magnitude = scaled.unsigned_abs();
    push_digits(out, magnitude / scale as u64, 1);
    if decimals > 0 {
        out.push('.');
        push_digits(out, magnitude % scale as u64, decimals as usize);
    }
}

/// `value` in decimal, with leading zeros up to `width` digits.
fn push_digits(out: &mut String, mut value: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut at = digits.len();
    while value > 0 || at + width > digits.len() {
        at -= 1;
        digits[at] = b'0' + (value % 10) as u8;
        value /= 10;
    }
    for digit in &digits[at..] {
        out.push(char::from(*digit));
    }
}

/// Folds a whole string (lowercase, no accents).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_into(c, &mut out);
    }
    out
}

/// Damerau–Levenshtein distance (adjacent transpositions count as one edit) of at most
/// `limit`. Runs on every candidate typo of every message, so words up to 32 characters use
/// three rolling rows on the stack; longer ones are never typos of the short cue words.
pub fn within_edits(a: &str, b: &str, limit: usize) -> bool {
    if limit == 1 && a.is_ascii() && b.is_ascii() && a.len().max(b.len()) <= MAX_EDITED {
        return within_one_edit(a.as_bytes(), b.as_bytes());
    }
    within_edits_table(a, b, limit)
}

/// The longest word, in characters, that [`within_edits`] compares.
const MAX_EDITED: usize = 32;

/// [`within_edits`] for any limit and script.
fn within_edits_table(a: &str, b: &str, limit: usize) -> bool {
    const MAX: usize = MAX_EDITED;
    let mut left = ['\0'; MAX];
    let mut right = ['\0'; MAX];
    let fill = |text: &str, out: &mut [char; MAX]| -> Option<usize> {
        if text.is_ascii() {
            // The usual case: bytes are characters, no decoding.
            let bytes = text.as_bytes();
            if bytes.len() > MAX {
                return None;
            }
            for (slot, byte) in out.iter_mut().zip(bytes) {
                *slot = char::from(*byte);
            }
            return Some(bytes.len());
        }
        let mut n = 0;
        for c in text.chars() {
            *out.get_mut(n)? = c;
            n += 1;
        }
        Some(n)
    };
    let (Some(n), Some(m)) = (fill(a, &mut left), fill(b, &mut right)) else {
        return false;
    };
    if n.abs_diff(m) > limit {
        return false;
    }
    let (a, b) = (&left[..n], &right[..m]);
    // Rows i-2, i-1 and i of the distance table.
    // Distances never exceed 32, so bytes are enough and keep the rows small.
    let mut before = [0u8; MAX + 1];
    let mut previous: [u8; MAX + 1] = std::array::from_fn(|j| j as u8);
    let mut current = [0u8; MAX + 1];
    for i in 1..=n {
        current[0] = i as u8;
        let mut row_min = i as u8;
        for j in 1..=m {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
            row_min = row_min.min(best);
        }
        if usize::from(row_min) > limit {
            return false;
        }
        before = previous;
        previous = current;
    }
    usize::from(previous[m]) <= limit
}

/// The usual question, one typo on ASCII words, answered in one pass instead of a table:
/// past the common start, what is left must differ by one substitution, one letter more or
/// less, or one swap of neighbours.
fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let same = long.iter().zip(short).take_while(|(x, y)| x == y).count();
    let (long, short) = (&long[same..], &short[same..]);
    match long.len() - short.len() {
        _ if long.is_empty() => true,
        0 => {
            long[1..] == short[1..]
                || (long.len() >= 2
                    && long[0] == short[1]
                    && long[1] == short[0]
                    && long[2..] == short[2..])
        }
        1 => long[1..] == *short,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let words = Words::new(text);
        for (i, word) in words.iter().enumerate() {
            assert_eq!(words.hash(i), hash(word), "{text}: {word}");
        }
        words.iter().map(str::to_owned).collect()
    }

    #[test]
    fn splitting() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("Hello, World!", &["hello", ".", "world"]),
            ("I DON'T want a bot", &["i", "dont", "want", "a", "bot"]),
            ("I’m waiting", &["im", "waiting"]),
            (
                "je veux parler à l'agent",
                &["je", "veux", "parler", "a", "l", "agent"],
            ),
            ("qu'un humain m’aide", &["qu", "un", "humain", "m", "aide"]),
            (
                "parlare con l'operatore",
                &["parlare", "con", "l", "operatore"],
            ),
            ("dell'assistenza", &["dell", "assistenza"]),
            (
                "¿Puedo hablar con una persona?",
                &["puedo", "hablar", "con", "una", "persona"],
            ),
            ("Straße  Größe", &["strasse", "grosse"]),
            ("order #48213!!! now", &["order", "48213", ".", "now"]),
            ("a\nb", &["a", ".", "b"]),
            ("'quoted'", &["quoted"]),
            ("😡😡 agent", &["agent"]),
            ("ÇA NE MARCHE PAS", &["ca", "ne", "marche", "pas"]),
            ("humannnn pleaseeee", &["humann", "pleasee"]),
            ("Hellooo", &["helloo"]),
            ("ééééé ßßß", &["ee", "ssss"]),
            ("aaa-aaa", &["aa", "aa"]),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), *expected, "{text}");
        }
    }

    #[test]
    fn hashes_without_a_letter() {
        assert_eq!(HASH_BASE.wrapping_mul(HASH_BASE_INVERSE), 1);
        for word in ["representative", "aé中b", "x", "straße"] {
            let bytes = word.as_bytes();
            for (at, c) in word.char_indices() {
                let rest = [&word[..at], &word[at + c.len_utf8()..]].concat();
                let power =
                    (at + c.len_utf8()..bytes.len()).fold(1u32, |p, _| p.wrapping_mul(HASH_BASE));
                let before = hash(&word[..at]);
                let through = hash_more(before, c.to_string().as_bytes());
                assert_eq!(
                    hash(word).wrapping_add(before.wrapping_sub(through).wrapping_mul(power)),
                    hash(&rest),
                    "{word} without {c}"
                );
            }
        }
    }

    #[test]
    fn edits() {
        let cases = [
            ("human", "human", 0, true),
            ("humna", "human", 1, true),
            ("huma", "human", 1, true),
            ("humans", "human", 1, true),
            ("urgent", "agent", 1, false),
            ("representitive", "representative", 1, true),
            ("reprsentativ", "representative", 2, true),
            ("bot", "but", 0, false),
            ("", "abc", 2, false),
            ("abc", "", 3, true),
            ("ca", "ac", 1, true),
            ("abcdef", "badcfe", 3, true),
            ("abcdef", "badcfe", 2, false),
        ];
        for (a, b, limit, expected) in cases {
            assert_eq!(within_edits(a, b, limit), expected, "{a} {b} {limit}");
        }
        // The one-edit shortcut agrees with the full table on every pair of short words
        // over a small alphabet, where every kind of edit and near miss occurs.
        let alphabet = [
            "", "a", "b", "ab", "ba", "aa", "abc", "acb", "bca", "abcd", "abdc", "acbd",
        ];
        let words: Vec<String> = alphabet
            .iter()
            .flat_map(|x| alphabet.iter().map(move |y| format!("{x}{y}")))
            .collect();
        for a in &words {
            for b in &words {
                assert_eq!(
                    within_one_edit(a.as_bytes(), b.as_bytes()),
                    within_edits_table(a, b, 1),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn folding_keeps_other_scripts() {
        assert_eq!(fold("ΑΒΓ"), "ΑΒΓ");
        assert_eq!(fold("مرحبا"), "مرحبا");
        assert_eq!(fold("ÀÉÎÕÜ"), "aeiou");
    }

    #[test]
    fn fixed_decimals() {
        let cases = [
            (0.8234, 2, false, "0.82"),
            (0.826, 2, false, "0.83"),
            (-0.64, 2, false, "-0.64"),
            (1.9, 1, true, "+1.9"),
            (-2.5, 1, true, "-2.5"),
            (0.6, 0, false, "1"),
            (12.0, 0, false, "12"),
            (0.05, 2, false, "0.05"),
            (0.0, 1, true, "+0.0"),
            (0.0, 0, false, "0"),
            (1234.5678, 3, false, "1234.568"),
            (-0.04, 1, true, "+0.0"),
            (-0.06, 1, true, "-0.1"),
        ];
        for (value, decimals, signed, expected) in cases {
            assert_eq!(fixed(value, decimals, signed), expected, "{value}");
        }
    }
}
