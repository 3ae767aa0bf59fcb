//! Removing secrets from text before it leaves the page: payment card numbers (Luhn-checked,
//! with a card-network prefix), IBANs (mod-97), passwords and one-time codes after their cue
//! words, API keys and tokens, and the site owner's own patterns.
//!
//! Identifiers are not secrets: order, invoice and tracking numbers, postal codes and
//! account names stay, because the agent needs them. Each rule is therefore narrow: a card
//! number right after "order" is an order number, a "code" after "postal" or "discount" is
//! not a one-time code, and a password is only taken when a cue introduces it.
//!
//! ```
//! use handover::redact::Redactor;
//! let redactor = Redactor::default();
//! let out = redactor.apply("order 48213, card 4111 1111 1111 1111, password is hunter22");
//! assert_eq!(out.text, "order 48213, card [card number removed], password is [password removed]");
//! assert_eq!(out.count, 2);
//! ```

use crate::detect::text::{Token as Word, tokens as words};
use std::fmt;

/// What kind of secret was removed; its replacement text names it, so the agent knows what
/// to ask for over a safer channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Secret {
    /// A payment card number.
    Card,
    /// An International Bank Account Number.
    Iban,
    /// A password after a cue word.
    Password,
    /// A one-time, verification or PIN code after a cue word.
    Code,
    /// An API key, access token or JWT.
    Token,
    /// A match of one of the site owner's patterns.
    Custom,
}

impl Secret {
    /// The text put in the secret's place.
    pub fn replacement(self) -> &'static str {
        match self {
            Secret::Card => "[card number removed]",
            Secret::Iban => "[IBAN removed]",
            Secret::Password => "[password removed]",
            Secret::Code => "[code removed]",
            Secret::Token => "[token removed]",
            Secret::Custom => "[removed]",
        }
    }
}

/// Text with its secrets replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redacted {
    /// The text, each secret replaced by [`Secret::replacement`].
    pub text: String,
    /// How many secrets were replaced.
    pub count: usize,
}

/// Why a site owner's pattern was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternError {
    /// The pattern is empty or only spaces.
    Empty,
    /// The pattern would match too little to be a secret (fewer than four fixed characters
    /// or placeholders), and would redact ordinary words.
    TooShort,
    /// A `\` at the end escapes nothing.
    DanglingEscape,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "the pattern is empty"),
            Self::TooShort => write!(
                f,
                "the pattern matches fewer than 4 characters and would remove ordinary words"
            ),
            Self::DanglingEscape => write!(f, "the pattern ends with a lone `\\`"),
        }
    }
}

impl std::error::Error for PatternError {}

/// One piece of a site owner's pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    /// `#`: one digit.
    Digit,
    /// `@`: one letter.
    Letter,
    /// `*`: one or more letters or digits.
    Run,
    /// Anything else: itself, ignoring case.
    Literal(char),
}

/// A compiled site-owner pattern: `#` a digit, `@` a letter, `*` a run of letters and
/// digits, `\` makes the next character literal; everything else matches itself, ignoring
/// case. A match must not start or end inside a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pieces: Vec<Piece>,
}

impl Pattern {
    /// Compiles a pattern.
    pub fn new(source: &str) -> Result<Pattern, PatternError> {
        if source.trim().is_empty() {
            return Err(PatternError::Empty);
        }
        let mut pieces = Vec::new();
        let mut chars = source.chars();
        while let Some(c) = chars.next() {
            pieces.push(match c {
                '#' => Piece::Digit,
                '@' => Piece::Letter,
                '*' => Piece::Run,
                '\\' => Piece::Literal(chars.next().ok_or(PatternError::DanglingEscape)?),
                other => Piece::Literal(other),
            });
        }
        if pieces.iter().filter(|p| **p != Piece::Literal(' ')).count() < 4 {
            return Err(PatternError::TooShort);
        }
        Ok(Pattern { pieces })
    }

    /// The length in bytes of a match starting at the beginning of `text`, if any.
    fn match_at(&self, text: &[(usize, char)], end_byte: usize) -> Option<usize> {
        fn go(pieces: &[Piece], text: &[(usize, char)]) -> Option<usize> {
            let Some((piece, rest)) = pieces.split_first() else {
                // A match may not stop in the middle of a word.
                return match text.first() {
                    Some((_, c)) if c.is_alphanumeric() => None,
                    _ => Some(text.len()),
                };
            };
            let (&(_, c), after) = text.split_first()?;
            match piece {
                Piece::Digit => (c.is_ascii_digit()).then(|| go(rest, after)).flatten(),
                Piece::Letter => (c.is_alphabetic()).then(|| go(rest, after)).flatten(),
                Piece::Literal(l) => (c.to_lowercase().eq(l.to_lowercase()))
                    .then(|| go(rest, after))
                    .flatten(),
                Piece::Run => {
                    let run = text.iter().take_while(|(_, c)| c.is_alphanumeric()).count();
                    (1..=run).rev().find_map(|taken| go(rest, &text[taken..]))
                }
            }
        }
        let left = go(&self.pieces, text)?;
        let end = text.get(text.len() - left).map_or(end_byte, |(at, _)| *at);
        Some(end - text.first().map_or(end_byte, |(at, _)| *at))
    }
}

/// Builds a [`Redactor`] with the site owner's patterns.
#[derive(Debug, Clone, Default)]
pub struct RedactorBuilder {
    patterns: Vec<Pattern>,
}

impl RedactorBuilder {
    /// Adds a pattern (syntax in [`Pattern`]).
    pub fn pattern(mut self, source: &str) -> Result<Self, PatternError> {
        self.patterns.push(Pattern::new(source)?);
        Ok(self)
    }

    /// The redactor.
    pub fn build(self) -> Redactor {
        Redactor {
            patterns: self.patterns,
        }
    }
}

/// Finds and replaces secrets. [`Redactor::default`] has the built-in rules only.
#[derive(Debug, Clone, Default)]
pub struct Redactor {
    patterns: Vec<Pattern>,
}

/// A secret found at a byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: usize,
    end: usize,
    secret: Secret,
}

/// Words shortly before a number that make it an identifier, not a card number.
const IDENTIFIER_CUES: &[&str] = &[
    "order",
    "orders",
    "invoice",
    "tracking",
    "reference",
    "ref",
    "confirmation",
    "ticket",
    "case",
    "booking",
    "shipment",
    "parcel",
    "account",
    "customer",
    "member",
    "pedido",
    "factura",
    "commande",
    "facture",
    "bestellung",
    "rechnung",
    "ordine",
    "fattura",
    "bestelling",
    "encomenda",
    "sku",
    "ean",
    "upc",
    "isbn",
    "gtin",
    "item",
    "product",
    "serial",
    "imei",
    "iccid",
    "sim",
];

/// Words shortly before a number that make it a card number whatever else is near.
const CARD_CUES: &[&str] = &[
    "card",
    "carte",
    "tarjeta",
    "karte",
    "kreditkarte",
    "cartão",
    "cartao",
    "carta",
    "kaart",
    "visa",
    "mastercard",
    "amex",
    "credit",
    "debit",
    "crédito",
    "credito",
];

/// Words that introduce a password.
const PASSWORD_CUES: &[&[&str]] = &[
    &["password"],
    &["passwd"],
    &["pwd"],
    &["pw"],
    &["passphrase"],
    &["contraseña"],
    &["contrasena"],
    &["clave"],
    &["mot", "de", "passe"],
    &["mdp"],
    &["passwort"],
    &["kennwort"],
    &["senha"],
    &["wachtwoord"],
    &["parola", "d'ordine"],
];

/// Words that introduce a one-time or PIN code.
const CODE_CUES: &[&[&str]] = &[
    &["code"],
    &["otp"],
    &["pin"],
    &["passcode"],
    &["2fa"],
    &["cvv"],
    &["cvc"],
    &["cvv2"],
    &["tan"],
    &["código"],
    &["codigo"],
    &["codice"],
    &["bestätigungscode"],
    &["sicherheitscode"],
    &["verificatiecode"],
];

/// Words before "code" that make it something other than a secret ("postal code").
const NOT_SECRET_CODES: &[&str] = &[
    "postal",
    "zip",
    "post",
    "postcode",
    "discount",
    "promo",
    "promotion",
    "coupon",
    "voucher",
    "gift",
    "tracking",
    "order",
    "product",
    "area",
    "country",
    "error",
    "status",
    "reference",
    "referral",
    "tax",
    "sort",
    "bank",
    "swift",
    "bic",
    "qr",
    "bar",
    "source",
    "style",
    "color",
    "colour",
    "dress",
    "postale",
    "postal,",
    "rabatt",
    "sconto",
    "descuento",
    "cupón",
    "cupon",
    "fehler",
    "error:",
    "erreur",
];

/// Words after "password is" that describe it instead of being it.
const NOT_PASSWORDS: &[&str] = &[
    "not",
    "wrong",
    "incorrect",
    "invalid",
    "expired",
    "correct",
    "right",
    "fine",
    "ok",
    "okay",
    "blocked",
    "locked",
    "too",
    "very",
    "the",
    "a",
    "an",
    "my",
    "your",
    "same",
    "still",
    "always",
    "never",
    "being",
    "now",
    "also",
    "definitely",
    "probably",
    "different",
    "new",
    "old",
    "short",
    "long",
    "weak",
    "strong",
    "reset",
    "changed",
    "forgotten",
    "lost",
    "gone",
    "no",
    "isn't",
    "doesn't",
    "won't",
    "does",
    "did",
    "has",
    "had",
    "was",
    "been",
    "and",
    "but",
    "or",
    "for",
    "to",
    "of",
    "in",
    "on",
    "with",
    "that",
    "this",
    "it",
    "i",
    "you",
    "we",
    "they",
    "working",
    "accepted",
    "rejected",
    "required",
    "needed",
    "manager",
    "field",
    "reset.",
    "no",
    "nicht",
    "falsch",
    "pas",
    "incorrecto",
    "incorrect.",
    "errada",
    "sbagliata",
    "fout",
];

/// Words of a relative clause between a cue and its secret ("the code *they sent me* is",
/// "the password *I set* was"). Only these are skipped: "the code but my order 4821" must
/// not reach the order number.
const RELATIVES: &[&str] = &[
    "they", "you", "i", "we", "sent", "send", "got", "get", "received", "receive", "texted",
    "emailed", "gave", "give", "me", "us", "just", "app", "sms", "set", "chose", "use", "used",
    "using", "typed", "entered", "enter", "am", "that", "which",
];

/// Linking words between a cue and its secret ("password *is* x", "code: x").
const LINKS: &[&str] = &[
    "is", "was", "es", "est", "ist", "é", "è", "e", "era", "=", ":", "-", "now", "would", "be",
    "will", "should", "lautet", "ist:", "is:", "it's", "its", "are", "sind", "are:", "mein", "my",
    "la", "le", "el", "o", "il", "de", "het",
];

/// Whether the digits pass the Luhn check.
fn luhn(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Whether the alphanumeric characters form a valid IBAN (ISO 13616 mod-97 check).
fn iban_valid(chars: &[u8]) -> bool {
    if !(15..=34).contains(&chars.len())
        || !chars[..2].iter().all(u8::is_ascii_alphabetic)
        || !chars[2..4].iter().all(u8::is_ascii_digit)
    {
        return false;
    }
    let rearranged = chars[4..].iter().chain(&chars[..4]);
    let mut remainder: u32 = 0;
    for &c in rearranged {
        let value = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            b'a'..=b'z' => u32::from(c - b'a') + 10,
            _ => return false,
        };
        remainder = if value >= 10 {
            (remainder * 100 + value) % 97
        } else {
            (remainder * 10 + value) % 97
        };
    }
    remainder == 1
}

/// Groups of characters separated by one space or dash, as people type card numbers and
/// IBANs: `(start, end)` byte ranges of each group.
fn groups(text: &str, start: usize, is_member: impl Fn(u8) -> bool) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = start;
    loop {
        let begin = at;
        while at < bytes.len() && is_member(bytes[at]) {
            at += 1;
        }
        if at == begin {
            break;
        }
        out.push((begin, at));
        let separated =
            at + 1 < bytes.len() && matches!(bytes[at], b' ' | b'-') && is_member(bytes[at + 1]);
        if !separated {
            break;
        }
        at += 1;
    }
    out
}

/// Whether the three words before byte `start` name an identifier ("order number is")
/// rather than a card ("card number is").
fn names_identifier(all: &[Word<'_>], start: usize) -> bool {
    let before: Vec<String> = all
        .iter()
        .rev()
        .filter(|w| w.end <= start)
        .take(3)
        .map(|w| w.text.to_lowercase().trim_end_matches(':').to_owned())
        .collect();
    let has = |cues: &[&str]| before.iter().any(|w| cues.contains(&w.as_str()));
    !has(CARD_CUES) && has(IDENTIFIER_CUES)
}

impl Redactor {
    /// A redactor with the built-in rules and the site owner's patterns.
    pub fn builder() -> RedactorBuilder {
        RedactorBuilder::default()
    }

    /// Replaces every secret in `text`.
    pub fn apply(&self, text: &str) -> Redacted {
        let mut spans = Vec::new();
        let all = words(text);
        self.numbers(text, &all, &mut spans);
        cued(&all, &mut spans);
        tokens(text, &mut spans);
        self.custom(text, &mut spans);
        spans.sort_by_key(|s| (s.start, usize::MAX - s.end));
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        let mut count = 0;
        for span in spans {
            if span.start < at {
                continue;
            }
            out.push_str(&text[at..span.start]);
            out.push_str(span.secret.replacement());
            at = span.end;
            count += 1;
        }
        out.push_str(&text[at..]);
        Redacted { text: out, count }
    }

    /// Card numbers and IBANs: runs of grouped digits or letters and digits.
    fn numbers(&self, text: &str, all: &[Word<'_>], spans: &mut Vec<Span>) {
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let starts_word = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
            if !starts_word || !bytes[at].is_ascii_alphanumeric() {
                at += 1;
                continue;
            }
            let found = if bytes[at].is_ascii_digit() {
                card_at(text, at).filter(|_| !names_identifier(all, at))
            } else {
                iban_at(text, at)
            };
            match found {
                Some(span) => {
                    at = span.end;
                    spans.push(span);
                }
                None => {
                    while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
                        at += 1;
                    }
                }
            }
        }
    }

    /// The site owner's patterns, tried where a word starts.
    fn custom(&self, text: &str, spans: &mut Vec<Span>) {
        if self.patterns.is_empty() {
            return;
        }
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for (index, &(start, c)) in chars.iter().enumerate() {
            let starts_word = index == 0 || !chars[index - 1].1.is_alphanumeric();
            if !starts_word || c.is_whitespace() {
                continue;
            }
            let longest = self
                .patterns
                .iter()
                .filter_map(|p| p.match_at(&chars[index..], text.len()))
                .max();
            if let Some(len) = longest.filter(|&len| len > 0) {
                spans.push(Span {
                    start,
                    end: start + len,
                    secret: Secret::Custom,
                });
            }
        }
    }
}

/// A card number starting at byte `at`: 13 to 19 digits, grouped or not, Luhn-valid, with a
/// first digit that card networks use (2 to 6).
fn card_at(text: &str, at: usize) -> Option<Span> {
    let runs = groups(text, at, |b| b.is_ascii_digit());
    // A longer run may have swallowed an expiry date or a CVC: try the longest prefix first.
    (1..=runs.len()).rev().find_map(|taken| {
        let (start, end) = (runs[0].0, runs[taken - 1].1);
        let digits: Vec<u8> = text[start..end]
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect();
        let followed_by_digit = text[end..].starts_with(|c: char| c.is_ascii_digit());
        ((13..=19).contains(&digits.len())
            && (2..=6).contains(&digits[0])
            && luhn(&digits)
            && !followed_by_digit)
            .then_some(Span {
                start,
                end,
                secret: Secret::Card,
            })
    })
}

/// An IBAN starting at byte `at`, written whole or in groups of four.
fn iban_at(text: &str, at: usize) -> Option<Span> {
    let runs = groups(text, at, |b| b.is_ascii_alphanumeric());
    (1..=runs.len()).rev().find_map(|taken| {
        let (start, end) = (runs[0].0, runs[taken - 1].1);
        // Only the first group may be long (an IBAN written without spaces).
        if taken > 1 && runs[1..taken].iter().any(|(s, e)| e - s > 4) {
            return None;
        }
        let chars: Vec<u8> = text[start..end]
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .collect();
        iban_valid(&chars).then_some(Span {
            start,
            end,
            secret: Secret::Iban,
        })
    })
}

/// Whether the words at `index` spell the cue, returning how many words it takes.
fn cue_len(all: &[Word<'_>], index: usize, cues: &[&[&str]]) -> Option<usize> {
    cues.iter().find_map(|cue| {
        let matches = cue.iter().enumerate().all(|(k, part)| {
            all.get(index + k).is_some_and(|w| {
                let word = w.text.to_lowercase();
                let word = word.trim_end_matches(':');
                word == *part || (k == cue.len() - 1 && word.strip_suffix('s') == Some(part))
            })
        });
        matches.then_some(cue.len())
    })
}

/// Passwords and codes after their cue words.
fn cued(all: &[Word<'_>], spans: &mut Vec<Span>) {
    for index in 0..all.len() {
        let (secret, taken) = if let Some(n) = cue_len(all, index, PASSWORD_CUES) {
            (Secret::Password, n)
        } else if all[index].text.eq_ignore_ascii_case("pass:") {
            // "pass" alone is a boarding pass or a verb; "pass:" introduces a password.
            (Secret::Password, 1)
        } else if let Some(n) = cue_len(all, index, CODE_CUES) {
            let before = index
                .checked_sub(1)
                .map(|i| all[i].text.to_lowercase())
                .unwrap_or_default();
            if NOT_SECRET_CODES.contains(&before.as_str()) {
                continue;
            }
            (Secret::Code, n)
        } else {
            continue;
        };
        let cue_word = all[index + taken - 1].text;
        let mut next = index + taken;
        let mut introduced = cue_word.ends_with(':') || cue_word.ends_with('=');
        while let Some(word) = all.get(next) {
            let lower = word.text.to_lowercase();
            let linking = LINKS.contains(&lower.as_str()) || RELATIVES.contains(&lower.as_str());
            if !linking || next - index - taken >= 5 {
                break;
            }
            introduced = true;
            next += 1;
        }
        let Some(candidate) = all.get(next) else {
            continue;
        };
        let value = candidate.text.trim_end_matches(':');
        let lower = value.to_lowercase();
        let take = match secret {
            Secret::Password => {
                value.chars().count() >= 4
                    && (introduced || looks_like_password(value))
                    && !NOT_PASSWORDS.contains(&lower.as_str())
                    && (value.chars().any(|c| !c.is_alphabetic())
                        || cue_word.ends_with(':')
                        || !lower.chars().all(|c| c.is_ascii_lowercase())
                        || !is_common_word(&lower))
            }
            _ => is_code(value),
        };
        if take {
            spans.push(Span {
                start: candidate.start,
                end: candidate.start + value.len(),
                secret,
            });
        }
    }
}

/// Whether a word right after "password" (no "is", no colon) is one: six characters or
/// more mixing letters with digits or symbols ("password Sunshine2024!"), which prose after
/// the word ("password reset", "password manager") never does.
fn looks_like_password(value: &str) -> bool {
    let letters = value.chars().any(char::is_alphabetic);
    let others = value.chars().any(|c| !c.is_alphabetic());
    value.chars().count() >= 6 && letters && others
}

/// Plain words that follow "my password is" without being the password, beyond
/// [`NOT_PASSWORDS`]: anything ending like an English adjective or participle.
fn is_common_word(lower: &str) -> bool {
    ["ing", "ed", "ble", "ful", "less", "ly"]
        .iter()
        .any(|end| lower.ends_with(end))
}

/// A one-time code: 3 to 10 characters, digits (maybe split by one dash or space) or letters
/// and digits with at least three digits.
fn is_code(value: &str) -> bool {
    let len = value.chars().count();
    let digits = value.chars().filter(char::is_ascii_digit).count();
    (3..=10).contains(&len)
        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && (digits == len - value.matches('-').count() || digits >= 3)
}

/// API keys, access tokens and JWTs.
fn tokens(text: &str, spans: &mut Vec<Span>) {
    const PREFIXES: &[(&str, usize)] = &[
        ("sk_live_", 16),
        ("sk_test_", 16),
        ("rk_live_", 16),
        ("whsec_", 16),
        ("ghp_", 30),
        ("gho_", 30),
        ("ghu_", 30),
        ("ghs_", 30),
        ("github_pat_", 30),
        ("glpat-", 20),
        ("xoxb-", 20),
        ("xoxp-", 20),
        ("xoxa-", 20),
        ("xoxs-", 20),
        ("npm_", 30),
        ("shpat_", 30),
        ("AKIA", 20),
        ("ASIA", 20),
        ("AIza", 39),
        ("SG.", 40),
    ];
    let is_token_char = |c: char| c.is_ascii_alphanumeric() || "_-.".contains(c);
    let mut offset = 0;
    for piece in text.split_inclusive(|c: char| !is_token_char(c)) {
        let run = piece.trim_end_matches(|c: char| !is_token_char(c));
        let run = run.trim_end_matches('.');
        let start = offset;
        offset += piece.len();
        if run.len() < 16 {
            continue;
        }
        let prefixed = PREFIXES
            .iter()
            .any(|(prefix, min)| run.starts_with(prefix) && run.len() >= *min);
        if prefixed || is_jwt(run) || looks_random(run) {
            spans.push(Span {
                start,
                end: start + run.len(),
                secret: Secret::Token,
            });
        }
    }
}

/// `header.payload.signature`, each part base64url, the header a JSON object (`eyJ`).
fn is_jwt(run: &str) -> bool {
    let parts: Vec<&str> = run.split('.').collect();
    parts.len() == 3
        && run.starts_with("eyJ")
        && parts.iter().all(|p| {
            p.len() >= 8
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

/// A long run that reads as random key material: 32+ characters of letters (both cases)
/// and digits, or 40+ hex digits. UUIDs are identifiers and stay.
fn looks_random(run: &str) -> bool {
    if run.contains('.') {
        return false;
    }
    let uuid = run.len() == 36
        && run.char_indices().all(|(i, c)| {
            if [8, 13, 18, 23].contains(&i) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        });
    if uuid {
        return false;
    }
    let core: String = run.chars().filter(|c| *c != '-' && *c != '_').collect();
    let upper = core.chars().any(|c| c.is_ascii_uppercase());
    let lower = core.chars().any(|c| c.is_ascii_lowercase());
    let digits = core.chars().filter(char::is_ascii_digit).count();
    let hex = core.chars().all(|c| c.is_ascii_hexdigit());
    (core.len() >= 32 && upper && lower && digits >= 2) || (core.len() >= 40 && hex && digits >= 8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redact(text: &str) -> String {
        Redactor::default().apply(text).text
    }

    #[test]
    fn secrets_are_removed() {
        let cases = [
            // Cards: grouped, plain, dashed; every network's prefix.
            (
                "my card is 4111 1111 1111 1111",
                "my card is [card number removed]",
            ),
            ("4111111111111111", "[card number removed]"),
            (
                "card number is 4111111111111111 for order 4821",
                "card number is [card number removed] for order 4821",
            ),
            ("use 5555-5555-5555-4444 ok", "use [card number removed] ok"),
            ("amex 3782 822463 10005.", "amex [card number removed]."),
            (
                "card 4242424242424242 exp 12/27 cvc 123",
                "card [card number removed] exp 12/27 cvc [code removed]",
            ),
            ("4242 4242 4242 4242 12 27", "[card number removed] 12 27"),
            // IBANs.
            (
                "IBAN DE89 3704 0044 0532 0130 00 please",
                "IBAN [IBAN removed] please",
            ),
            ("GB82WEST12345698765432", "[IBAN removed]"),
            (
                "iban: fr14 2004 1010 0505 0001 3m02 606",
                "iban: [IBAN removed]",
            ),
            // Passwords after cues.
            (
                "my password is Hunter22",
                "my password is [password removed]",
            ),
            ("password: sunshine", "password: [password removed]"),
            (
                "email a@b.io password Sunshine2024!",
                "email a@b.io password [password removed]!",
            ),
            ("my pass: hunter2 ok", "my pass: [password removed] ok"),
            ("password reset link", "password reset link"),
            ("boarding pass 12345", "boarding pass 12345"),
            (
                "mot de passe est Soleil#9",
                "mot de passe est [password removed]",
            ),
            (
                "mein Passwort ist geheim123",
                "mein Passwort ist [password removed]",
            ),
            ("senha é abc12345", "senha é [password removed]"),
            (
                "my password is correcthorse",
                "my password is [password removed]",
            ),
            // Codes after cues.
            ("the code is 482913", "the code is [code removed]"),
            ("OTP: 123-456", "OTP: [code removed]"),
            ("my pin is 4821", "my pin is [code removed]"),
            ("código 847201", "código [code removed]"),
            (
                "the code they sent me is 834201",
                "the code they sent me is [code removed]",
            ),
            (
                "the password I set was Blue!Sky",
                "the password I set was [password removed]",
            ),
            // Tokens.
            ("key sk_live_51HxAbCdEfGhIjKlMnOp", "key [token removed]"),
            (
                "token ghp_abcdefghijklmnopqrstuvwxyz0123456789",
                "token [token removed]",
            ),
            (
                "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                "Bearer [token removed]",
            ),
            ("AKIAIOSFODNN7EXAMPLE", "[token removed]"),
            (
                "https://shop.example/reset?token=Zx81KqP0vL2mN5bR7tY9wC3dF6gH1jA4",
                "https://shop.example/reset?token=[token removed]",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(redact(input), expected, "{input}");
        }
    }

    #[test]
    fn identifiers_are_kept() {
        for text in [
            "order 48213 still not here",
            "my order number is 4111111111111111",
            "IMEI 490154203237518",
            "order #A-10293",
            "ORD-2024-55813",
            "Amazon order 112-3456789-1234567",
            "tracking 1Z999AA10123456784",
            "invoice INV-2024-000123",
            "call me on +44 20 7946 0958",
            "my postal code is 90210",
            "discount code SAVE2024 did not work",
            "error code 500 on checkout",
            "my password is not working",
            "the password is wrong",
            "password reset link expired",
            "I forgot my password",
            "my password is incorrect apparently",
            "account 3f2b8c1e-9d4a-4b6f-8e2a-1c5d7f9b0a3e",
            "https://shop.example/orders/48213?ref=email",
            "paid 129.99 EUR on 2024-11-03",
            "the pin code of the store is Main Street",
            "SKU 4006381333931",
            "version 1.2.3.4 of the app",
            "I typed the code but nothing happened",
            "I typed the code but my order 48213 is still locked",
            "DE is my country code",
        ] {
            assert_eq!(redact(text), text);
        }
    }

    #[test]
    fn counts_and_builder_patterns() {
        let redactor = Redactor::builder()
            .pattern("EMP-#####")
            .unwrap()
            .pattern("acme_*")
            .unwrap()
            .build();
        let out = redactor.apply("staff EMP-12345, key acme_x9y8, not EMP-123 or EMP-123456");
        assert_eq!(
            out.text,
            "staff [removed], key [removed], not EMP-123 or EMP-123456"
        );
        assert_eq!(out.count, 2);
        assert_eq!(Pattern::new("   "), Err(PatternError::Empty));
        assert_eq!(Pattern::new("a#"), Err(PatternError::TooShort));
        assert_eq!(Pattern::new("abcd\\"), Err(PatternError::DanglingEscape));
        assert!(Pattern::new("\\#\\#\\#\\#").is_ok());
    }

    #[test]
    fn checksums() {
        let digits = |s: &str| s.bytes().map(|b| b - b'0').collect::<Vec<u8>>();
        assert!(luhn(&digits("79927398713")));
        assert!(!luhn(&digits("79927398710")));
        assert!(iban_valid(b"GB82WEST12345698765432"));
        assert!(!iban_valid(b"GB82WEST12345698765433"));
        assert!(!iban_valid(b"GB82"));
    }

    #[test]
    fn never_panics_on_odd_text() {
        let redactor = Redactor::builder().pattern("*-####").unwrap().build();
        let cases = [
            ("", 0),
            (" ", 0),
            ("é", 0),
            ("password", 0),
            ("password is", 0),
            ("code:", 0),
            ("4", 0),
            ("🙂4111 1111 1111 1111🙂", 1),
            ("پسورد 1234", 0),
            ("a\u{0301}\u{0301}\u{0301} 5555555555554444", 1),
            ("-- -- ----", 0),
            ("x-1234 ü-5678", 2),
        ];
        for (text, secrets) in cases {
            let out = redactor.apply(text);
            assert_eq!(out.count, secrets, "{text}");
            if secrets == 0 {
                assert_eq!(out.text, text);
            }
        }
    }
}
