//! Turning a message into words: case folding, accent folding, apostrophes, and clause
//! boundaries. Every detector works on the same [`Words`].

/// A word-level view of a message, for phrase matching.
///
/// Words are lowercase with accents folded (`Qué` → `que`, `straße` → `strasse`), English
/// clitics joined (`don't` → `dont`, `I'm` → `im`) and French/Italian elisions split
/// (`l'agent` → `l agent`). Sentence punctuation becomes the boundary word [`BOUNDARY`], so
/// that a phrase never matches across two sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// The words, with [`BOUNDARY`] between clauses.
    pub words: Vec<String>,
}

/// The word that stands for a clause boundary (`.`, `!`, `?`, `;`, `,`, `:`, a line break).
pub const BOUNDARY: &str = ".";

/// English clitics that stay attached to the word before them.
const CLITICS: [&str; 7] = ["t", "s", "m", "d", "ll", "re", "ve"];

impl Words {
    /// Splits `text` into words.
    pub fn new(text: &str) -> Words {
        // About one word per six bytes of chat: sized once rather than grown.
        let mut words = Vec::with_capacity(text.len() / 6 + 1);
        let mut current = String::new();
        let flush = |current: &mut String, words: &mut Vec<String>| {
            if !current.is_empty() {
                words.push(std::mem::take(current));
            }
        };
        // The last letter and how many times in a row it came.
        let (mut previous, mut run) = ('\0', 0);
        // Every message goes through here: indices and an ASCII fast path rather than
        // iterator adapters, which the size-optimised build leaves as calls.
        let mut at = 0;
        while let Some((c, next)) = char_at(text, at) {
            at = next;
            if is_word_char(c) {
                // "humannnn", "pleaseeee": elongation carries feeling, not spelling; keep two
                // letters, which one-typo matching then reads as the word.
                run = if previous == c { run + 1 } else { 1 };
                previous = c;
                if run > 2 {
                    continue;
                }
                if current.is_empty() {
                    current.reserve(12);
                }
                fold_into(c, &mut current);
                continue;
            }
            previous = '\0';
            if is_apostrophe(c) && !current.is_empty() {
                // Look at what follows the apostrophe to decide: join or split.
                if is_clitic(text, at) {
                    // "don't" → "dont", "I'm" → "im": keep reading into the same word.
                    continue;
                }
                // "l'agent", "qu'un", "dell'operatore": an elision, two words.
                flush(&mut current, &mut words);
            } else {
                flush(&mut current, &mut words);
                if is_clause_end(c) && words.last().is_some_and(|w| w != BOUNDARY) {
                    words.push(BOUNDARY.to_owned());
                }
            }
        }
        flush(&mut current, &mut words);
        if words.last().is_some_and(|w| w == BOUNDARY) {
            words.pop();
        }
        Words { words }
    }

    /// The words without boundaries.
    pub fn plain(&self) -> impl Iterator<Item = &str> {
        self.words
            .iter()
            .map(String::as_str)
            .filter(|w| *w != BOUNDARY)
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
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
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
    let mut after = String::new();
    while let Some((c, next)) = char_at(text, at) {
        if !is_word_char(c) {
            break;
        }
        // No clitic has more than two letters.
        if after.len() > 2 {
            return false;
        }
        fold_into(c, &mut after);
        at = next;
    }
    CLITICS.contains(&after.as_str())
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
    let scale = 10i64.pow(decimals);
    let scaled = (f64::from(value) * scale as f64).round() as i64;
    let sign = if scaled < 0 {
        "-"
    } else if signed {
        "+"
    } else {
        ""
    };
    let magnitude = scaled.unsigned_abs();
    let (whole, fraction) = (magnitude / scale as u64, magnitude % scale as u64);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!(
            "{sign}{whole}.{fraction:0width$}",
            width = decimals as usize
        )
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
/// `limit`. Runs on every candidate typo of every message, so words up to 31 characters use
/// three rolling rows on the stack; longer ones are never typos of the short cue words.
pub fn within_edits(a: &str, b: &str, limit: usize) -> bool {
    const MAX: usize = 32;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        Words::new(text).words
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
        ];
        for (value, decimals, signed, expected) in cases {
            assert_eq!(fixed(value, decimals, signed), expected, "{value}");
        }
    }
}
