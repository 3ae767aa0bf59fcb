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
        let mut words = Vec::new();
        let mut current = String::new();
        let flush = |current: &mut String, words: &mut Vec<String>| {
            if !current.is_empty() {
                words.push(std::mem::take(current));
            }
        };
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_alphanumeric() {
                fold_into(c, &mut current);
            } else if is_apostrophe(c) && !current.is_empty() {
                // Look at what follows the apostrophe to decide: join or split.
                let mut after = String::new();
                let mut lookahead = chars.clone();
                while let Some(&next) = lookahead.peek() {
                    if !next.is_alphanumeric() {
                        break;
                    }
                    fold_into(next, &mut after);
                    lookahead.next();
                }
                if CLITICS.contains(&after.as_str()) {
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
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(folded);
}

/// Folds a whole string (lowercase, no accents).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_into(c, &mut out);
    }
    out
}

/// Damerau–Levenshtein distance (adjacent transpositions count as one edit), stopping early
/// once it exceeds `limit`. Words here are short.
pub fn within_edits(a: &str, b: &str, limit: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    let width = b.len() + 1;
    let mut rows = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in rows.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        let mut row_min = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = best;
            row_min = row_min.min(best);
        }
        if row_min > limit {
            return false;
        }
    }
    rows[a.len() * width + b.len()] <= limit
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
        ];
        for (a, b, limit, expected) in cases {
            assert_eq!(within_edits(a, b, limit), expected, "{a} {b} {limit}");
        }
    }

    #[test]
    fn folding_other_scripts_lowercases_and_keeps() {
        assert_eq!(fold("ΑΒΓ"), "αβγ");
        assert_eq!(fold("مرحبا"), "مرحبا");
        assert_eq!(fold("ÀÉÎÕÜ"), "aeiou");
    }
}
