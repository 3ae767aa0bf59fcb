//! Pulling the identifiers a visitor gives out of what they wrote: order, invoice and
//! tracking numbers, account ids, references, emails, phone numbers, URLs, amounts, postal
//! codes, usernames and product names, each once, in the order they first appear.
//!
//! Numbers are ambiguous ("4821" can be an order, a postal code or a price), so most kinds
//! need a cue: the word before says what the number is ("order #4821", "zip 90210"). Only
//! shapes that cannot be anything else stand alone: an email, a URL, an amount with its
//! currency, a phone number in international form, `#4821`, `ORD-2024-1234`. Nothing is
//! invented: every value is text the visitor typed.

use crate::config::is_email;
use crate::detect::text::within_edits;
use crate::detect::text::{Token, fold, tokens};
use serde::{Deserialize, Serialize};

/// What an extracted value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DetailKind {
    /// An order number.
    OrderNumber,
    /// An invoice or receipt number.
    InvoiceNumber,
    /// A parcel tracking number.
    TrackingNumber,
    /// An account, customer or member id.
    AccountId,
    /// A ticket, case, booking or other reference.
    Reference,
    /// An email address.
    Email,
    /// A phone number.
    Phone,
    /// A web address.
    Url,
    /// A sum of money with its currency.
    Amount,
    /// A postal code.
    PostalCode,
    /// A username or login.
    Username,
    /// A product the site sells (a name the FAQ knows).
    Product,
}

impl DetailKind {
    /// The name used in payloads.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OrderNumber => "order_number",
            Self::InvoiceNumber => "invoice_number",
            Self::TrackingNumber => "tracking_number",
            Self::AccountId => "account_id",
            Self::Reference => "reference",
            Self::Email => "email",
            Self::Phone => "phone",
            Self::Url => "url",
            Self::Amount => "amount",
            Self::PostalCode => "postal_code",
            Self::Username => "username",
            Self::Product => "product",
        }
    }

    /// How the summary's text names it.
    pub fn label(self) -> &'static str {
        match self {
            Self::OrderNumber => "order",
            Self::InvoiceNumber => "invoice",
            Self::TrackingNumber => "tracking number",
            Self::AccountId => "account",
            Self::Reference => "reference",
            Self::Email => "email",
            Self::Phone => "phone",
            Self::Url => "link",
            Self::Amount => "amount",
            Self::PostalCode => "postal code",
            Self::Username => "username",
            Self::Product => "product",
        }
    }
}

/// One extracted value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Detail {
    /// What it is.
    pub kind: DetailKind,
    /// The value as the visitor wrote it (trimmed of surrounding punctuation).
    pub value: String,
}

/// Cue words (folded) and the kind of identifier that follows them.
const CUES: &[(&str, DetailKind)] = &[
    ("order", DetailKind::OrderNumber),
    ("orders", DetailKind::OrderNumber),
    ("ordernumber", DetailKind::OrderNumber),
    ("pedido", DetailKind::OrderNumber),
    ("commande", DetailKind::OrderNumber),
    ("bestellung", DetailKind::OrderNumber),
    ("livraison", DetailKind::OrderNumber),
    ("bestellnummer", DetailKind::OrderNumber),
    ("ordine", DetailKind::OrderNumber),
    ("bestelling", DetailKind::OrderNumber),
    ("encomenda", DetailKind::OrderNumber),
    ("invoice", DetailKind::InvoiceNumber),
    ("receipt", DetailKind::InvoiceNumber),
    ("factura", DetailKind::InvoiceNumber),
    ("facture", DetailKind::InvoiceNumber),
    ("rechnung", DetailKind::InvoiceNumber),
    ("fattura", DetailKind::InvoiceNumber),
    ("factuur", DetailKind::InvoiceNumber),
    ("fatura", DetailKind::InvoiceNumber),
    ("faktura", DetailKind::InvoiceNumber),
    ("tracking", DetailKind::TrackingNumber),
    ("ups", DetailKind::TrackingNumber),
    ("usps", DetailKind::TrackingNumber),
    ("dhl", DetailKind::TrackingNumber),
    ("fedex", DetailKind::TrackingNumber),
    ("gls", DetailKind::TrackingNumber),
    ("dpd", DetailKind::TrackingNumber),
    ("postnl", DetailKind::TrackingNumber),
    ("colissimo", DetailKind::TrackingNumber),
    ("seguimiento", DetailKind::TrackingNumber),
    ("suivi", DetailKind::TrackingNumber),
    ("sendungsnummer", DetailKind::TrackingNumber),
    ("account", DetailKind::AccountId),
    ("customer", DetailKind::AccountId),
    ("member", DetailKind::AccountId),
    ("membership", DetailKind::AccountId),
    ("subscription", DetailKind::AccountId),
    ("client", DetailKind::AccountId),
    ("cuenta", DetailKind::AccountId),
    ("compte", DetailKind::AccountId),
    ("konto", DetailKind::AccountId),
    ("kundennummer", DetailKind::AccountId),
    ("ticket", DetailKind::Reference),
    ("rma", DetailKind::Reference),
    ("case", DetailKind::Reference),
    ("reference", DetailKind::Reference),
    ("ref", DetailKind::Reference),
    ("booking", DetailKind::Reference),
    ("reservation", DetailKind::Reference),
    ("confirmation", DetailKind::Reference),
    ("zip", DetailKind::PostalCode),
    ("zipcode", DetailKind::PostalCode),
    ("postcode", DetailKind::PostalCode),
    ("plz", DetailKind::PostalCode),
    ("cep", DetailKind::PostalCode),
    ("username", DetailKind::Username),
    ("login", DetailKind::Username),
    ("handle", DetailKind::Username),
    ("usuario", DetailKind::Username),
    ("utilisateur", DetailKind::Username),
    ("benutzername", DetailKind::Username),
];

/// Whether a folded word introduces an identifier ("order", "pedido", "invoice", …).
pub fn is_cue(folded: &str) -> bool {
    CUES.iter().any(|(cue, _)| *cue == folded)
}

/// Two-word cues.
const PAIR_CUES: &[(&str, &str, DetailKind)] = &[
    ("postal", "code", DetailKind::PostalCode),
    ("post", "code", DetailKind::PostalCode),
    ("codigo", "postal", DetailKind::PostalCode),
    ("code", "postal", DetailKind::PostalCode),
    ("user", "name", DetailKind::Username),
    ("user", "id", DetailKind::AccountId),
];

/// Words between a cue and its value ("order *number is* 4821").
const FILLERS: &[&str] = &[
    "number",
    "no",
    "nr",
    "num",
    "#",
    "id",
    "is",
    "was",
    "=",
    "-",
    "numero",
    "nummer",
    "nr.",
    "no.",
    "de",
    "du",
    "of",
    "my",
    "the",
    "code",
    "reference",
    "ref",
    "es",
    "est",
    "ist",
    "e",
    "it's",
    "its",
    "name",
    "n",
    "n°",
    "nº",
    "under",
    "with",
    "for",
];

/// Words that say the next number is a phone number.
const PHONE_CUES: &[&str] = &[
    "phone",
    "call",
    "mobile",
    "cell",
    "tel",
    "telephone",
    "whatsapp",
    "sms",
    "text",
    "telefono",
    "telephone",
    "telefon",
    "telefoon",
    "telemovel",
    "celular",
    "movil",
    "portable",
    "handy",
    "cellulare",
    "reach",
    "ring",
];

/// Currency symbols.
const SYMBOLS: &[char] = &['$', '€', '£', '¥', '₹', '₩', '₺', '₽'];

/// Currency codes and words written next to a number.
const CURRENCY_WORDS: &[&str] = &[
    "usd", "eur", "gbp", "chf", "cad", "aud", "jpy", "sek", "nok", "dkk", "pln", "brl", "mxn",
    "dollars", "dollar", "euros", "euro", "pounds", "bucks", "francs", "reais", "pesos",
];

/// Extracts every detail from the visitor's messages, in order of appearance, each once.
/// `products` are names the site sells; matched as whole words, ignoring case and accents.
pub fn extract<'a>(texts: impl IntoIterator<Item = &'a str>, products: &[String]) -> Vec<Detail> {
    extract_answers(texts.into_iter().map(|t| (t, None)), products)
}

/// The kind of identifier a bot message asks for ("What is your order number?"), so that the
/// visitor's bare "558120" in reply is read as one.
pub fn asked_for(bot_text: &str) -> Option<DetailKind> {
    let lower = bot_text.to_lowercase();
    let asks = lower.contains('?')
        || ["share", "send", "give", "provide", "enter", "type", "tell"]
            .iter()
            .any(|w| lower.contains(w));
    if !asks {
        return None;
    }
    let all = tokens(bot_text);
    (0..all.len()).find_map(|i| cue_at(&all, i).map(|(kind, _)| kind))
}

/// [`extract`] on visitor messages paired with what the bot asked right before each.
pub fn extract_answers<'a>(
    texts: impl IntoIterator<Item = (&'a str, Option<DetailKind>)>,
    products: &[String],
) -> Vec<Detail> {
    let mut found: Vec<(usize, usize, Detail)> = Vec::new();
    let folded_products: Vec<(String, &String)> = products
        .iter()
        .filter(|p| !p.trim().is_empty())
        .map(|p| (fold(p.trim()), p))
        .collect();
    let mut base = 0;
    for (text, asked) in texts {
        let mut local = Vec::new();
        scan(text, asked, &mut local);
        for (product_folded, product) in &folded_products {
            if let Some(at) = find_word(&fold(text), product_folded) {
                local.push((
                    at,
                    at + product_folded.len(),
                    Detail {
                        kind: DetailKind::Product,
                        value: (*product).clone(),
                    },
                ));
            }
        }
        local.sort_by_key(|(start, end, _)| (*start, usize::MAX - end));
        found.extend(
            local
                .into_iter()
                .map(|(start, end, d)| (base + start, base + end, d)),
        );
        base += text.len() + 1;
    }
    let mut out: Vec<Detail> = Vec::new();
    let mut claimed_to = 0;
    for (start, end, detail) in found {
        let overlaps = start < claimed_to;
        if overlaps && detail.kind != DetailKind::Product {
            continue;
        }
        claimed_to = claimed_to.max(end);
        let key = normalized(&detail);
        if !out
            .iter()
            .any(|d| d.kind == detail.kind && normalized(d) == key)
        {
            out.push(detail);
        }
    }
    out
}

/// The value compared for duplicates: "#4821" and "4821", "ANA@x.io" and "ana@x.io" are one.
fn normalized(detail: &Detail) -> String {
    detail
        .value
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '@' || *c == '.')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The byte offset of `needle` in `haystack` as whole words.
fn find_word(haystack: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = haystack[from..].find(needle) {
        let at = from + found;
        let end = at + needle.len();
        let before_ok = !haystack[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let after = &haystack[end..];
        let after_ok = !after.chars().next().is_some_and(char::is_alphanumeric)
            || after.starts_with('s') && !after[1..].starts_with(char::is_alphanumeric);
        if before_ok && after_ok {
            return Some(at);
        }
        from = at + haystack[at..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// The cue kind of the token(s) at `index`, and how many tokens the cue takes.
fn cue_at(all: &[Token<'_>], index: usize) -> Option<(DetailKind, usize)> {
    let word = |i: usize| {
        all.get(i)
            .map(|t| fold(t.text.trim_end_matches([':', '#'])))
    };
    let word_at = word(index)?;
    // "l'ordine", "dell'ordine", "d'commande": the cue after an elision.
    let first = match word_at.split_once(['\'', '’']) {
        Some((elided, cue)) if elided.chars().count() <= 4 => cue.to_owned(),
        _ => word_at,
    };
    if let Some(second) = word(index + 1)
        && let Some((_, _, kind)) = PAIR_CUES
            .iter()
            .find(|(a, b, _)| *a == first && *b == second)
    {
        return Some((*kind, 2));
    }
    CUES.iter()
        .find(|(cue, _)| *cue == first)
        .map(|(_, kind)| (*kind, 1))
        // "ordr 7781234", "orde number": the one cue visitors mistype most, one typo away.
        .or_else(|| {
            (first.len() >= 4 && first != "older" && within_edits(&first, "order", 1))
                .then_some((DetailKind::OrderNumber, 1))
        })
}

/// Whether a token can be an identifier: 3 to 40 characters of letters, digits and `-/_#.`,
/// with at least one digit (or, for usernames, anything word-like).
fn identifier_shape(text: &str, kind: DetailKind) -> bool {
    let len = text.chars().count();
    let allowed = text
        .chars()
        .all(|c| c.is_alphanumeric() || "-/_#.@".contains(c));
    let digits = text.chars().filter(char::is_ascii_digit).count();
    match kind {
        DetailKind::Username => (2..=40).contains(&len) && allowed,
        DetailKind::PostalCode => (3..=10).contains(&len) && allowed && digits > 0,
        _ => (3..=40).contains(&len) && allowed && digits > 0,
    }
}

/// Words after a cue that are not the value ("login *email* is …", "username *field*").
const NOT_USERNAMES: &[&str] = &[
    "email", "e-mail", "mail", "password", "pass", "page", "problem", "issue", "details", "screen",
    "button", "link", "code", "error", "fails", "failed", "doesnt", "not",
];

/// Words joining the items of a list of ids ("66001 *and* 66002").
const LIST_WORDS: &[&str] = &["and", "or", "&", "y", "et", "und", "e", "en"];

/// Words that may stand between a list's joining word and its next id ("and *again on*").
const LIST_FILLERS: &[&str] = &["again", "also", "then", "on", "for", "in", "too", "with"];

/// Words that make an identifier without a cue an order's: "HX-99120 *shipped*".
const ORDER_TOPIC: &[&str] = &[
    "order",
    "orders",
    "ordered",
    "arrive",
    "arrived",
    "ship",
    "shipped",
    "shipping",
    "delivery",
    "delivered",
    "parcel",
    "package",
    "cancel",
    "pedido",
    "commande",
    "livraison",
    "bestellung",
    "bestellt",
];

/// Prepositions before a place: "shipping *to* 90210", "*nach* 8001 Zürich".
const PLACE_WORDS: &[&str] = &[
    "to", "nach", "au", "in", "a", "naar", "zu", "en", "para", "à",
];

/// Words that say a message is about delivering somewhere.
const DELIVERY_WORDS: &[&str] = &[
    "ship",
    "shipping",
    "shipped",
    "deliver",
    "delivery",
    "delivered",
    "courier",
    "livraison",
    "livreur",
    "lieferung",
    "geliefert",
    "envio",
    "entrega",
    "spedizione",
    "levering",
    "post",
    "postage",
    "moved",
    "move",
    "address",
    "adresse",
    "anschrift",
    "direccion",
    "endereco",
    "indirizzo",
    "adres",
];

/// Whether the text right after byte `end` closes the value: the end of the message or
/// sentence punctuation, not another word ("4821 3" ends the message; "4821 3 items" does not).
fn closes(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches(' ');
    rest.is_empty() || rest.starts_with(['.', ',', '!', '?', ';', ')', '\n'])
}

/// An id split over words, "4821 3" or "61 00 23": the tokens after `index` that are short
/// digit groups one space apart, when nothing but punctuation follows them. Returns the end
/// of the last group and how many tokens were joined.
fn split_tail(text: &str, all: &[Token<'_>], index: usize) -> Option<(usize, usize)> {
    let mut end = all[index].end;
    let mut joined = 0;
    while let Some(next) = all.get(index + 1 + joined) {
        let group = next.text.len() <= 4 && next.text.chars().all(|c| c.is_ascii_digit());
        if !group || &text[end..next.start] != " " {
            break;
        }
        end = next.end;
        joined += 1;
    }
    (joined > 0 && closes(text, end)).then_some((end, joined))
}

/// Whether two ids look alike (a list of them: "orders 7780, 7781 and 7782").
fn same_shape(a: &str, b: &str) -> bool {
    let class = |s: &str| {
        s.chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    '9'
                } else if c.is_alphabetic() {
                    'a'
                } else {
                    c
                }
            })
            .collect::<String>()
    };
    let (a, b) = (a.trim_start_matches('#'), b.trim_start_matches('#'));
    class(a) == class(b)
        || (a.len().abs_diff(b.len()) <= 2
            && a.chars().all(|c| c.is_ascii_digit())
            && b.chars().all(|c| c.is_ascii_digit()))
}

/// Postal codes written without a cue: UK (`SW1A 1AA`) and Irish (`D02 X285`) shapes, and four
/// or five digits after a preposition in a message about delivery (`nach 8001 Zürich`;
/// `about_delivery` says whether the message is, worked out once per message).
fn postal_at(
    text: &str,
    all: &[Token<'_>],
    index: usize,
    about_delivery: bool,
) -> Option<(usize, usize)> {
    let token = all[index];
    let word = token.text;
    let upper_alnum = |s: &str| {
        s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    };
    if let Some(next) = all.get(index + 1)
        && next.start == token.end + 1
        && upper_alnum(word)
        && upper_alnum(next.text)
    {
        let outward = word.as_bytes();
        let inward = next.text.as_bytes();
        let uk = (2..=4).contains(&outward.len())
            && outward[0].is_ascii_uppercase()
            && outward.iter().any(u8::is_ascii_digit)
            && inward.len() == 3
            && inward[0].is_ascii_digit()
            && inward[1..].iter().all(u8::is_ascii_uppercase);
        let irish = outward.len() == 3
            && outward[0].is_ascii_uppercase()
            && outward[1..].iter().all(u8::is_ascii_digit)
            && inward.len() == 4
            && inward.iter().any(u8::is_ascii_digit)
            && inward.iter().any(u8::is_ascii_uppercase);
        if uk || irish {
            return Some((token.start, next.end));
        }
    }
    let digits = (4..=5).contains(&word.len()) && word.chars().all(|c| c.is_ascii_digit());
    // "nach 8001 Zürich", or a street before it: "Hauptstraße 5, 10115 Berlin".
    let after_place = index.checked_sub(1).is_some_and(|i| {
        PLACE_WORDS.contains(&fold(all[i].text).as_str())
            || text[..token.start].trim_end().ends_with(',')
                && all[i].text.chars().all(|c| c.is_ascii_digit())
    });
    let city_or_end = closes(text, token.end)
        || all
            .get(index + 1)
            .is_some_and(|t| t.text.starts_with(char::is_uppercase));
    (digits && after_place && city_or_end && about_delivery).then_some((token.start, token.end))
}

/// Finds every detail of one message: `(start, end, detail)` by byte range. `asked` is the
/// kind of identifier the bot asked for right before, if it did.
fn scan(text: &str, asked: Option<DetailKind>, out: &mut Vec<(usize, usize, Detail)>) {
    let all = tokens(text);
    let mentions = |words: &[&str]| all.iter().any(|t| words.contains(&fold(t.text).as_str()));
    let order_topic = mentions(ORDER_TOPIC);
    let about_delivery = mentions(DELIVERY_WORDS);
    let mut push = |start: usize, end: usize, kind: DetailKind| {
        let value = text[start..end]
            .trim_end_matches([':', '.', ','])
            .to_owned();
        out.push((start, start + value.len(), Detail { kind, value }));
    };
    let mut index = 0;
    while index < all.len() {
        let token = all[index];
        let word = token.text.trim_end_matches(':');
        let lower = word.to_lowercase();
        if lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
        {
            push(token.start, token.start + word.len(), DetailKind::Url);
            index += 1;
            continue;
        }
        if word.contains('@') && is_email(word) {
            push(token.start, token.start + word.len(), DetailKind::Email);
            index += 1;
            continue;
        }
        if let Some((kind, taken)) = cue_at(&all, index) {
            let mut next = index + taken;
            while next < all.len()
                && next - index - taken < 4
                && FILLERS.contains(&fold(all[next].text.trim_end_matches(':')).as_str())
            {
                next += 1;
            }
            if let Some(candidate) = all.get(next) {
                let value = candidate.text.trim_end_matches(':');
                // "login ana@x.io": an email is an email, whatever introduced it.
                let prose = kind == DetailKind::Username
                    && (NOT_USERNAMES.contains(&fold(value).as_str()) || is_email(value));
                // "61 00 23": a split id may start with a group too short to be one alone.
                let tail = value
                    .chars()
                    .all(|c| c.is_ascii_digit())
                    .then(|| split_tail(text, &all, next))
                    .flatten();
                let split_id = tail.is_some_and(|(tail_end, _)| {
                    let digits = text[candidate.start..tail_end].chars();
                    value.len() >= 2 && digits.filter(char::is_ascii_digit).count() >= 5
                });
                if (identifier_shape(value, kind) || split_id)
                    && !is_amount_at(&all, next)
                    && !prose
                {
                    let mut end = candidate.start + value.len();
                    if let Some((tail_end, joined)) = tail {
                        end = tail_end;
                        next += joined;
                    }
                    // "SW1A 1AA", "1012 AB": a postal code in two parts.
                    if kind == DetailKind::PostalCode
                        && let Some(tail) = all.get(next + 1)
                        && tail.start == end + 1
                        && (2..=4).contains(&tail.text.len())
                        && tail.text.chars().all(|c| c.is_ascii_alphanumeric())
                        && tail.text.chars().any(|c| c.is_ascii_uppercase())
                    {
                        end = tail.end;
                        next += 1;
                    }
                    push(
                        candidate.start + usize::from(value.starts_with('#')),
                        end,
                        kind,
                    );
                    // A list of them: "orders 7780, 7781 and 7782", "66001 and 66002".
                    let mut after = next + 1;
                    let mut connected = false;
                    let mut fillers = 0;
                    while let Some(more) = all.get(after) {
                        let word = fold(more.text);
                        if LIST_WORDS.contains(&word.as_str()) {
                            connected = true;
                            after += 1;
                            continue;
                        }
                        // "100234 and again on 100235": a word or two between.
                        if connected && fillers < 2 && LIST_FILLERS.contains(&word.as_str()) {
                            fillers += 1;
                            after += 1;
                            continue;
                        }
                        let listed =
                            connected || text[..more.start].trim_end().ends_with([',', '&']);
                        if listed
                            && same_shape(more.text, value)
                            && identifier_shape(more.text, kind)
                        {
                            push(
                                more.start + usize::from(more.text.starts_with('#')),
                                more.end,
                                kind,
                            );
                            next = after;
                            after += 1;
                            connected = false;
                            fillers = 0;
                            continue;
                        }
                        break;
                    }
                    index = next + 1;
                    continue;
                }
            }
        }
        if let Some(end) = amount_end(&all, index) {
            push(token.start, end, DetailKind::Amount);
            index += 1 + usize::from(all.get(index + 1).is_some_and(|t| t.end == end));
            continue;
        }
        if let Some((start, end, taken)) = phone_at(text, &all, index) {
            push(start, end, DetailKind::Phone);
            index += taken;
            continue;
        }
        if let Some((start, end)) = postal_at(text, &all, index, about_delivery) {
            push(start, end, DetailKind::PostalCode);
            index += all[index..].iter().take_while(|t| t.start < end).count();
            continue;
        }
        if let Some(kind) = standalone_identifier(word, order_topic) {
            let start = token.start + usize::from(word.starts_with('#'));
            push(start, token.start + word.len(), kind);
        } else if (18..=22).contains(&word.len()) && word.chars().all(|c| c.is_ascii_digit()) {
            // Parcel numbers are this long; orders and phones are not.
            push(token.start, token.end, DetailKind::TrackingNumber);
        } else if let Some(kind) = asked
            && all.len() <= 6
            && identifier_shape(word, kind)
            && word.chars().filter(char::is_ascii_digit).count() >= 3
        {
            // The bot asked for it: "What is your order number?" "558120".
            let end = match split_tail(text, &all, index) {
                Some((end, joined)) if word.chars().all(|c| c.is_ascii_digit()) => {
                    index += joined;
                    end
                }
                _ => token.start + word.len(),
            };
            push(token.start + usize::from(word.starts_with('#')), end, kind);
        }
        index += 1;
    }
}

/// `#4821` or `ORD-2024-1234`-shaped ids that need no cue word. An unknown prefix is an
/// order's in a message about an order (`order_topic`), else a reference.
fn standalone_identifier(word: &str, order_topic: bool) -> Option<DetailKind> {
    if let Some(rest) = word.strip_prefix('#') {
        let digits = rest.chars().filter(char::is_ascii_digit).count();
        return (digits >= 3 && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            .then_some(DetailKind::OrderNumber);
    }
    let (prefix, rest) = word.split_once('-')?;
    // "ORD", "HX", "X7": capitals, perhaps with a digit, starting with a letter.
    let prefix_ok = (2..=4).contains(&prefix.len())
        && prefix.starts_with(|c: char| c.is_ascii_uppercase())
        && prefix
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    if !prefix_ok || digits < 3 || !rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    Some(match prefix {
        "ORD" | "OR" | "PO" | "SO" => DetailKind::OrderNumber,
        "INV" | "IN" | "RE" | "FAC" => DetailKind::InvoiceNumber,
        "TRK" => DetailKind::TrackingNumber,
        "ACC" | "CUS" | "CU" | "ACCT" | "USR" | "SUB" => DetailKind::AccountId,
        "RMA" | "REF" | "TKT" | "CASE" | "BK" | "RES" => DetailKind::Reference,
        _ if order_topic => DetailKind::OrderNumber,
        _ => DetailKind::Reference,
    })
}

/// A number: digits with `.`, `,` or `'` as separators, optionally starting with a sign.
fn is_number(text: &str) -> bool {
    let text = text.strip_prefix(['-', '+']).unwrap_or(text);
    text.starts_with(|c: char| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || ".,'".contains(c))
        && text.ends_with(|c: char| c.is_ascii_digit() || c == '-')
        && text.chars().filter(char::is_ascii_digit).count() <= 12
}

/// Whether the token at `index` is (the number of) an amount.
fn is_amount_at(all: &[Token<'_>], index: usize) -> bool {
    amount_end(all, index).is_some()
        || index
            .checked_sub(1)
            .is_some_and(|before| amount_end(all, before).is_some_and(|e| e >= all[index].end))
}

/// Where an amount starting at token `index` ends: `$120`, `€ 12,50`, `12.50€`, `120 EUR`,
/// `EUR 120`, `30 dollars`.
fn amount_end(all: &[Token<'_>], index: usize) -> Option<usize> {
    let token = all[index];
    let word = token.text;
    let currency_word = |t: &Token<'_>| CURRENCY_WORDS.contains(&t.text.to_lowercase().as_str());
    if let Some(rest) = word
        .strip_prefix("R$")
        .or_else(|| word.strip_prefix(SYMBOLS))
        .or_else(|| {
            let upper: String = word.chars().take(3).collect();
            (upper.len() == 3 && CURRENCY_WORDS.contains(&upper.to_lowercase().as_str()))
                .then(|| &word[3..])
                .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        })
    {
        if is_number(rest) {
            return Some(token.end);
        }
        if rest.is_empty() && all.get(index + 1).is_some_and(|t| is_number(t.text)) {
            return Some(all[index + 1].end);
        }
        return None;
    }
    if let Some(number) = word.strip_suffix(SYMBOLS)
        && is_number(number)
    {
        return Some(token.end);
    }
    if currency_word(&token)
        && word.len() == 3
        && all.get(index + 1).is_some_and(|t| is_number(t.text))
    {
        return Some(all[index + 1].end);
    }
    if is_number(word) {
        // "3 400 PLN": groups of three digits, one space apart, belong to the number.
        let mut at = index + 1;
        while all.get(at).is_some_and(|t| {
            t.text.len() == 3
                && t.text.chars().all(|c| c.is_ascii_digit())
                && t.start == all[at - 1].end + 1
        }) {
            at += 1;
        }
        if let Some(next) = all.get(at)
            && (currency_word(next) || next.text.chars().all(|c| SYMBOLS.contains(&c)))
        {
            return Some(next.end);
        }
    }
    None
}

/// A phone number starting at token `index`: its byte range and the tokens it spans.
/// International numbers (`+44 20 7946 0958`) stand alone; national ones (`(555) 123-4567`,
/// `06 12 34 56 78`) need a phone cue in the four words before.
fn phone_at(text: &str, all: &[Token<'_>], index: usize) -> Option<(usize, usize, usize)> {
    let token = all[index];
    let start = if text[..token.start].ends_with('(') {
        token.start - 1
    } else {
        token.start
    };
    let first = &text[start..token.end];
    if !first.starts_with(['+', '(']) && !first.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut digits = 0;
    let mut end = start;
    let mut last_space = false;
    for (at, c) in text[start..].char_indices() {
        let at = start + at;
        if c.is_ascii_digit() {
            if digits == 15 {
                return None;
            }
            digits += 1;
            end = at + 1;
        } else if c == ' ' && !last_space {
            // One space between groups; two end the number.
        } else if !"+()-./".contains(c) || (c == '+' && at != start) {
            break;
        }
        if c == ')' {
            end = at + 1;
        }
        last_space = c == ' ';
    }
    if !(7..=15).contains(&digits) {
        return None;
    }
    let number = &text[start..end];
    let international = number.starts_with('+') || number.starts_with("00");
    let cued = all[index.saturating_sub(4)..index]
        .iter()
        .any(|t| PHONE_CUES.contains(&fold(t.text.trim_end_matches(':')).as_str()));
    let separated = number.contains([' ', '-', '(', '.', '/']);
    let taken = all[index..].iter().take_while(|t| t.start < end).count();
    // A national number in groups, "020 7946 0958": the leading 0 and the spacing are a
    // phone's, not an order's.
    let national = number.starts_with('0') && separated && (9..=12).contains(&digits);
    (international || national || (cued && (separated || digits >= 9)))
        .then_some((start, end, taken))
}

#[cfg(test)]
mod tests {
    use super::*;
    use DetailKind::*;

    fn details(text: &str) -> Vec<(DetailKind, String)> {
        extract(
            [text],
            &["Aurora Lamp".to_owned(), "Trail Runner 2".to_owned()],
        )
        .into_iter()
        .map(|d| (d.kind, d.value))
        .collect()
    }

    /// Each text gives exactly its details, in order.
    fn check(cases: &[(&str, &[(DetailKind, &str)])]) {
        for (text, expected) in cases {
            let expected: Vec<(DetailKind, String)> =
                expected.iter().map(|(k, v)| (*k, v.to_string())).collect();
            assert_eq!(details(text), expected, "{text}");
        }
    }

    /// The shapes the evaluation taught: split ids, lists, uncued postal codes and phones,
    /// carriers, thousands groups, and what must stay out.
    #[test]
    fn harder_shapes() {
        let cases: &[(&str, &[(DetailKind, &str)])] = &[
            ("my order number is 4821 3", &[(OrderNumber, "4821 3")]),
            ("order 48213 2 items missing", &[(OrderNumber, "48213")]),
            ("my orde number is 61 00 23", &[(OrderNumber, "61 00 23")]),
            ("order 61 is late", &[]),
            (
                "charged on order 100234 and again on 100235",
                &[(OrderNumber, "100234"), (OrderNumber, "100235")],
            ),
            (
                "X7-22019 was supposed to arrive Friday",
                &[(OrderNumber, "X7-22019")],
            ),
            (
                "orders 7780, 7781 and 7782 arrived damaged",
                &[
                    (OrderNumber, "7780"),
                    (OrderNumber, "7781"),
                    (OrderNumber, "7782"),
                ],
            ),
            ("ordr 7781234 wher is it", &[(OrderNumber, "7781234")]),
            (
                "HX-99120 shipped with USPS 9400111899223344556677",
                &[
                    (OrderNumber, "HX-99120"),
                    (TrackingNumber, "9400111899223344556677"),
                ],
            ),
            (
                "I got RMA-55102 for my return of order 90122",
                &[(Reference, "RMA-55102"), (OrderNumber, "90122")],
            ),
            ("delivery to SW1A 1AA failed", &[(PostalCode, "SW1A 1AA")]),
            (
                "Zoll für eine Lieferung nach 8001 Zürich",
                &[(PostalCode, "8001")],
            ),
            (
                "your number 020 7946 0958 doesn't work",
                &[(Phone, "020 7946 0958")],
            ),
            (
                "faktura FV/2023/1187 na 3 400 PLN",
                &[(InvoiceNumber, "FV/2023/1187"), (Amount, "3 400 PLN")],
            ),
            (
                "paguei R$ 349,90 no pedido BR-88123",
                &[(Amount, "R$ 349,90"), (OrderNumber, "BR-88123")],
            ),
            (
                "my login email is sarah_k@yahoo.co.uk",
                &[(Email, "sarah_k@yahoo.co.uk")],
            ),
            (
                "login hanna.berg@telia.se",
                &[(Email, "hanna.berg@telia.se")],
            ),
            ("I waited 3 weeks for 2 items, size 42, since 2019", &[]),
            ("I'm 180 cm and 75 kg, shipping to me in 3 days", &[]),
        ];
        check(cases);
    }

    #[test]
    fn what_the_bot_asked_for() {
        assert_eq!(asked_for("What's your order number?"), Some(OrderNumber));
        assert_eq!(
            asked_for("Please share your invoice number"),
            Some(InvoiceNumber)
        );
        assert_eq!(asked_for("Your order ships tomorrow."), None);
        let got = extract_answers(
            [("it's 778 1234", Some(OrderNumber)), ("330455", None)],
            &[],
        );
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].kind, got[0].value.as_str()),
            (OrderNumber, "778 1234")
        );
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[(DetailKind, &str)])] = &[
            ("my order 48213 never came", &[(OrderNumber, "48213")]),
            ("Order number is A-10293.", &[(OrderNumber, "A-10293")]),
            ("order #4821", &[(OrderNumber, "4821")]),
            ("it's #55120, placed monday", &[(OrderNumber, "55120")]),
            ("ORD-2024-55813 is late", &[(OrderNumber, "ORD-2024-55813")]),
            (
                "invoice INV-2024-000123 is wrong",
                &[(InvoiceNumber, "INV-2024-000123")],
            ),
            (
                "tracking number: 1Z999AA10123456784",
                &[(TrackingNumber, "1Z999AA10123456784")],
            ),
            ("ticket 77812", &[(Reference, "77812")]),
            (
                "mail me at Ana.Silva@example.com!",
                &[(Email, "Ana.Silva@example.com")],
            ),
            (
                "call me on +44 20 7946 0958 today",
                &[(Phone, "+44 20 7946 0958")],
            ),
            ("my phone is (555) 123-4567", &[(Phone, "(555) 123-4567")]),
            (
                "see https://shop.example/orders/48213.",
                &[(Url, "https://shop.example/orders/48213")],
            ),
            ("I paid $129.99 twice", &[(Amount, "$129.99")]),
            ("charged 45,90 € for nothing", &[(Amount, "45,90 €")]),
            ("refund of 120 EUR please", &[(Amount, "120 EUR")]),
            ("zip 90210", &[(PostalCode, "90210")]),
            ("postcode SW1A 1AA", &[(PostalCode, "SW1A 1AA")]),
            ("my username is ana_s", &[(Username, "ana_s")]),
            ("the aurora lamp flickers", &[(Product, "Aurora Lamp")]),
            (
                "pedido 7781 de 35€",
                &[(OrderNumber, "7781"), (Amount, "35€")],
            ),
            (
                "Bestellung 99812, Rechnung RE-2024-77",
                &[(OrderNumber, "99812"), (InvoiceNumber, "RE-2024-77")],
            ),
            // Nothing invented: plain numbers without a cue are not identifiers.
            ("I waited 14 days and 3 emails", &[]),
            ("in 2024 I ordered twice", &[]),
            ("my order never came", &[]),
        ];
        check(cases);
    }

    #[test]
    fn each_value_once_in_order() {
        let found = extract(
            [
                "order 48213 is late",
                "again: order #48213, email ana@x.io",
                "ANA@x.io",
            ],
            &[],
        );
        let values: Vec<&str> = found.iter().map(|d| d.value.as_str()).collect();
        assert_eq!(values, ["48213", "ana@x.io"]);
    }
}
