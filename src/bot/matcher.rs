//! Matching a visitor's question to a FAQ entry, in pure Rust.
//!
//! Every question and phrasing of an entry is a document. Two opinions are asked:
//!
//! - **Words.** Text is folded (case, accents, punctuation), stopwords are dropped, a few
//!   two-word phrases become one term ("how much" asks a price), words are lightly stemmed
//!   and mapped through a synonym table ("parcel" is "package"). An entry covers the
//!   question's terms that any of its phrasings contains (idf-weighted, so "order" in a
//!   shop's FAQ counts little), and its best phrasing is covered by the question to some
//!   degree; the geometric mean of the two is the word score. Unknown words of five letters
//!   or more match a known word one typo away; other unknown words weigh the most, so a
//!   question about something the FAQ never mentions scores low.
//! - **Letters.** TF-IDF over character n-grams ([`super::grams`]), cosine with the entry's
//!   nearest phrasing: forgiving of typos and inflections the words miss.
//!
//! The confidence is the geometric mean of both: an entry needs both to agree. Below the
//! threshold the bot says it does not know, which is better than a confident wrong answer.
//! `scripts/faq-eval.py` measures it against a TF-IDF and a BM25 baseline.

use super::faq::Faq;
use super::grams::GramIndex;
use crate::detect::fast_map::FastMap;
use crate::detect::text::{Words, within_edits};
use std::sync::OnceLock;

/// Confidence from which an answer is given, for a FAQ of `entries` entries that sets no
/// threshold of its own. It rises with the FAQ's size because the best of many entries
/// scores higher by chance alone: an out-of-scope question finds a closer stranger among 150
/// entries than among 15. Fitted on the three test sets of `scripts/faq-eval.py` (16 and
/// 111 entries): 0.41 for 16 entries, 0.49 for 111.
pub fn default_threshold(entries: usize) -> f32 {
    (0.30 + 0.04 * (entries.max(1) as f32).ln()).clamp(0.35, 0.6)
}
/// Confidence from which an entry is offered as a suggestion when no answer is given.
const SUGGESTION_FLOOR: f32 = 0.15;

/// What the matcher decided for a question.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Index of the answering entry, or `None`: "I don't know".
    pub entry: Option<usize>,
    /// Confidence of the best entry, 0 to 1.
    pub confidence: f32,
    /// Other likely entries (indices), best first, at most three.
    pub suggestions: Vec<usize>,
}

#[derive(Debug)]
struct Document {
    entry: usize,
    /// Sum of the idf of its terms.
    mass: f32,
}

/// An indexed FAQ.
#[derive(Debug)]
pub struct Matcher {
    vocabulary: FastMap<String, u32>,
    words: Vec<String>,
    idf: Vec<f32>,
    /// Per term: the documents containing it.
    postings: Vec<Vec<u32>>,
    /// Term ids by length in characters, for typo lookups.
    by_length: Vec<Vec<u32>>,
    documents: Vec<Document>,
    grams: GramIndex,
    entries: usize,
    threshold: f32,
}

/// Questions longer than this many distinct terms are matched on their first ones (a FAQ
/// question is a sentence, not an essay).
const MAX_QUERY_TERMS: usize = 64;

/// Words that carry no topic, in the supported languages.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "i", "me", "my", "mine", "you", "your", "we", "our", "us", "it", "its", "is",
    "are", "was", "were", "be", "been", "am", "do", "does", "did", "to", "of", "in", "on", "at",
    "for", "with", "from", "by", "and", "or", "but", "so", "if", "this", "that", "these", "those",
    "there", "here", "can", "could", "would", "should", "will", "shall", "may", "might", "must",
    "have", "has", "had", "please", "pls", "hi", "hello", "hey", "thanks", "thank", "im", "ive",
    "id", "just", "any", "some", "about", "get", "got", "want", "need", "like", "know", "tell",
    "there", "much", "many", "also", "too", "very", "still", "yet", "already", "el", "la", "los",
    "las", "un", "una", "de", "del", "que", "y", "en", "mi", "mis", "es", "por", "para", "con",
    "como", "donde", "cuando", "cuanto", "puedo", "quiero", "hola", "le", "les", "des", "du", "et",
    "je", "mon", "ma", "mes", "est", "pour", "avec", "comment", "ou", "quand", "combien", "der",
    "die", "das", "und", "ist", "ich", "mein", "meine", "wie", "wo", "wann", "kann", "o", "os",
    "as", "um", "uma", "meu", "minha", "il", "lo", "gli", "di", "mio", "het", "een", "ik", "mijn",
    "hoe", "waar", "wanneer",
];

/// Chat filler: words visitors add that say nothing about the topic.
const FILLER: &[&str] = &[
    "now",
    "then",
    "than",
    "up",
    "out",
    "off",
    "again",
    "really",
    "today",
    "right",
    "way",
    "all",
    "they",
    "them",
    "their",
    "he",
    "she",
    "him",
    "her",
    "his",
    "ok",
    "okay",
    "one",
    "someone",
    "something",
    "anything",
    "thing",
    "things",
    "going",
    "gonna",
    "wanna",
    "able",
    "u",
    "ur",
    "plz",
    "thx",
    "lot",
    "bit",
    "even",
    "ever",
    "only",
    "well",
    "yes",
    "yeah",
    "guys",
    "anyone",
    "into",
    "because",
    "since",
    "while",
    "help",
    "let",
    "doing",
    "done",
    "possible",
    "ya",
];

/// Groups of words that mean the same to a shop's visitors; the first is the canonical one.
const SYNONYMS: &[&[&str]] = &[
    &[
        "ship",
        "shipping",
        "shipped",
        "shipment",
        "deliver",
        "delivery",
        "delivered",
        "dispatch",
        "dispatched",
        "send",
        "sent",
        "post",
        "posted",
        "envio",
        "livraison",
        "versand",
        "lieferung",
        "entrega",
        "spedizione",
        "levering",
        "verzending",
    ],
    &[
        "package", "parcel", "packet", "box", "paquete", "colis", "paket", "pacote", "pacco",
        "pakket",
    ],
    &[
        "order",
        "purchase",
        "bought",
        "pedido",
        "commande",
        "bestellung",
        "encomenda",
        "ordine",
        "bestelling",
    ],
    &[
        "refund",
        "reimburse",
        "reimbursement",
        "moneyback",
        "reembolso",
        "remboursement",
        "erstattung",
        "rimborso",
        "terugbetaling",
    ],
    &[
        "return",
        "returns",
        "exchange",
        "devolucion",
        "devolver",
        "retour",
        "retourner",
        "rucksendung",
        "zuruckschicken",
        "devolucao",
        "reso",
        "restituire",
        "retourneren",
    ],
    &[
        "cancel",
        "cancellation",
        "terminate",
        "termination",
        "cancelar",
        "annuler",
        "stornieren",
        "annullare",
        "annuleren",
    ],
    &[
        "password",
        "login",
        "signin",
        "contrasena",
        "motdepasse",
        "passwort",
        "senha",
        "wachtwoord",
    ],
    &[
        "pay",
        "payment",
        "paying",
        "paid",
        "card",
        "pago",
        "paiement",
        "zahlung",
        "pagamento",
        "betaling",
    ],
    &[
        "price",
        "cost",
        "costs",
        "fee",
        "fees",
        "charge",
        "expensive",
        "cheap",
        "cheaper",
        "pricing",
        "precio",
        "prix",
        "preis",
        "preco",
        "prezzo",
        "prijs",
    ],
    &[
        "track",
        "tracking",
        "trace",
        "status",
        "seguimiento",
        "suivi",
        "sendungsverfolgung",
        "rastreio",
        "tracciamento",
    ],
    &[
        "discount",
        "deal",
        "promotion",
        "coupon",
        "promo",
        "voucher",
        "code",
        "descuento",
        "reduction",
        "rabatt",
        "desconto",
        "sconto",
        "korting",
    ],
    &[
        "size", "sizes", "fit", "sizing", "talla", "taille", "grosse", "tamanho", "taglia", "maat",
    ],
    &[
        "account", "profile", "cuenta", "compte", "konto", "conta", "account",
    ],
    &[
        "long", "days", "time", "take", "takes", "soon", "fast", "quick", "quickly",
    ],
    // General support vocabulary, not any one FAQ's.
    &[
        "arrive", "arrival", "arrived", "receive", "received", "recieve", "come", "coming",
    ],
    &[
        "not", "no", "dont", "cant", "cannot", "isnt", "doesnt", "wont", "didnt", "arent", "wasnt",
        "havent", "hasnt", "couldnt", "never",
    ],
    &["plan", "tariff", "bundle"],
    &["contract", "subscription", "membership", "agreement"],
    &["delete", "remove", "erase"],
    &["change", "update", "edit", "modify", "replace"],
    &["repair", "fix", "mend"],
    &[
        "broken",
        "damaged",
        "damage",
        "cracked",
        "smashed",
        "faulty",
        "defective",
    ],
    &["phone", "handset", "smartphone", "cellphone"],
    &["bill", "invoice", "receipt", "statement"],
    &["late", "overdue"],
];

impl Matcher {
    /// Indexes a FAQ with its own threshold, or [`default_threshold`].
    pub fn new(faq: &Faq) -> Matcher {
        Matcher::with_threshold(
            faq,
            faq.threshold
                .unwrap_or_else(|| default_threshold(faq.entries.len())),
        )
    }

    /// The confidence from which it answers.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// Indexes a FAQ with a confidence threshold.
    pub fn with_threshold(faq: &Faq, threshold: f32) -> Matcher {
        let mut matcher = Matcher {
            vocabulary: FastMap::default(),
            words: Vec::new(),
            idf: Vec::new(),
            postings: Vec::new(),
            by_length: Vec::new(),
            documents: Vec::new(),
            grams: GramIndex::default(),
            entries: faq.entries.len(),
            threshold,
        };
        let mut texts = Vec::new();
        let mut document_terms = Vec::new();
        for (entry, item) in faq.entries.iter().enumerate() {
            for text in std::iter::once(&item.question).chain(&item.phrasings) {
                let mut terms: Vec<u32> =
                    terms(text).into_iter().map(|t| matcher.intern(t)).collect();
                terms.sort_unstable();
                terms.dedup();
                if !terms.is_empty() {
                    matcher.documents.push(Document { entry, mass: 0.0 });
                    document_terms.push(terms);
                    texts.push(text.as_str());
                }
            }
        }
        matcher.grams = GramIndex::new(texts);
        // Document frequency by entry, not by phrasing: a word in every phrasing of one
        // entry is that entry's topic, not a common word.
        let mut entries_with = vec![Vec::<usize>::new(); matcher.words.len()];
        matcher.postings = vec![Vec::new(); matcher.words.len()];
        for (d, terms) in document_terms.iter().enumerate() {
            let entry = matcher.documents[d].entry;
            for term in terms {
                let with = &mut entries_with[*term as usize];
                if with.last() != Some(&entry) {
                    with.push(entry);
                }
                matcher.postings[*term as usize].push(d as u32);
            }
        }
        let n = matcher.entries.max(1) as f32;
        matcher.idf = entries_with
            .iter()
            .map(|entries| (1.0 + n / entries.len().max(1) as f32).ln())
            .collect();
        for (id, word) in matcher.words.iter().enumerate() {
            let length = word.chars().count();
            if matcher.by_length.len() <= length {
                matcher.by_length.resize(length + 1, Vec::new());
            }
            matcher.by_length[length].push(id as u32);
        }
        for (document, terms) in matcher.documents.iter_mut().zip(&document_terms) {
            document.mass = terms.iter().map(|t| matcher.idf[*t as usize]).sum();
        }
        matcher
    }

    fn intern(&mut self, term: String) -> u32 {
        if let Some(id) = self.vocabulary.get(&term) {
            return *id;
        }
        let id = self.words.len() as u32;
        self.vocabulary.insert(term.clone(), id);
        self.words.push(term);
        id
    }

    /// The idf a word would have if it were in no entry: as rare as can be.
    fn unknown_idf(&self) -> f32 {
        (1.0 + self.entries.max(1) as f32 * 2.0).ln()
    }

    /// Looks a query term up, allowing one typo in words of five letters or more.
    fn lookup(&self, term: &str) -> Option<u32> {
        if let Some(id) = self.vocabulary.get(term) {
            return Some(*id);
        }
        let length = term.chars().count();
        if length < 5 {
            return None;
        }
        self.words
            .iter()
            .position(|known| {
                known.len().abs_diff(length) <= 1
                    && known.len() >= 4
                    && within_edits(term, known, 1)
            })
            .map(|i| i as u32)
    }

    /// The question's distinct terms, each with its vocabulary id (if the FAQ knows it) and
    /// its weight.
    fn query(&self, question: &str) -> Vec<(Option<u32>, f32)> {
        let mut terms = terms(question);
        let mut seen = std::collections::BTreeSet::new();
        terms.retain(|t| seen.insert(t.clone()));
        terms
            .iter()
            .map(|t| {
                let id = self.lookup(t);
                (id, id.map_or(self.unknown_idf(), |i| self.idf[i as usize]))
            })
            .collect()
    }

    /// Confidence of every entry for a question.
    fn scores(&self, question: &str) -> Vec<f32> {
        let query = self.query(question);
        let mass: f32 = query.iter().map(|(_, idf)| idf).sum();
        if mass == 0.0 {
            return vec![0.0; self.entries];
        }
        // Which query terms each document contains (bit i: term i), via the postings.
        let mut covered = vec![0u64; self.documents.len()];
        for (i, (id, _)) in query.iter().enumerate().take(MAX_QUERY_TERMS) {
            for document in id.map_or(&[][..], |id| &self.postings[id as usize]) {
                covered[*document as usize] |= 1 << i;
            }
        }
        let weight_of = |bits: u64| -> f32 {
            query
                .iter()
                .enumerate()
                .take(MAX_QUERY_TERMS)
                .filter(|(i, _)| bits & (1 << i) != 0)
                .map(|(_, (_, idf))| idf)
                .sum()
        };
        let letters = self.grams.similarities(question);
        // Per entry: terms covered by any phrasing, best phrasing precision, best letters.
        let mut entries = vec![(0u64, 0.0f32, 0.0f32); self.entries];
        for (d, document) in self.documents.iter().enumerate() {
            let slot = &mut entries[document.entry];
            slot.2 = slot.2.max(letters[d]);
            if covered[d] != 0 {
                slot.0 |= covered[d];
                let precision = weight_of(covered[d]) / document.mass.max(f32::EPSILON);
                slot.1 = slot.1.max(precision.min(1.0));
            }
        }
        entries
            .iter()
            .map(|(bits, precision, letters)| {
                let words = (weight_of(*bits) / mass * precision).sqrt();
                (words * letters).sqrt()
            })
            .collect()
    }

    /// Answers a question.
    pub fn ask(&self, question: &str) -> Match {
        let scores = self.scores(question);
        // The best four, best first; ties keep file order.
        let mut ranked: Vec<usize> = Vec::with_capacity(5);
        for (i, score) in scores.iter().enumerate() {
            if *score <= 0.0 {
                continue;
            }
            let at = ranked
                .iter()
                .position(|j| scores[*j] < *score)
                .unwrap_or(ranked.len());
            if at < 4 {
                ranked.insert(at, i);
                ranked.truncate(4);
            }
        }
        let confidence = ranked.first().map_or(0.0, |i| scores[*i]);
        let entry = ranked
            .first()
            .copied()
            .filter(|_| confidence >= self.threshold);
        let suggestions = ranked
            .iter()
            .copied()
            .filter(|i| Some(*i) != entry && scores[*i] >= SUGGESTION_FLOOR)
            .take(3)
            .collect();
        Match {
            entry,
            confidence: (confidence * 1000.0).round() / 1000.0,
            suggestions,
        }
    }
}

/// Folded, stopword-free, stemmed, synonym-mapped words of a text.
pub(super) fn terms(text: &str) -> Vec<String> {
    let words = Words::new(text);
    let words: Vec<&str> = words.plain().collect();
    let mut terms = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if let Some(next) = words.get(i + 1)
            && let Some((_, term)) = PHRASES
                .iter()
                .find(|((a, b), _)| *a == words[i] && b == next)
        {
            terms.push(canonical(stem(term)));
            i += 2;
            continue;
        }
        if !tables().ignored.contains_key(words[i]) {
            terms.push(canonical(stem(words[i])));
        }
        i += 1;
    }
    terms.retain(|t| !t.is_empty());
    terms
}

/// Two-word phrases that mean one thing, whose words alone would be dropped as stopwords or
/// would mean something else ("how much" asks a price, "money back" a refund).
const PHRASES: &[((&str, &str), &str)] = &[
    (("how", "much"), "price"),
    (("money", "back"), "refund"),
    (("send", "back"), "return"),
    (("sent", "back"), "return"),
    (("give", "back"), "return"),
    (("log", "in"), "login"),
    (("sign", "in"), "login"),
    (("logged", "in"), "login"),
    (("wi", "fi"), "wifi"),
    (("e", "mail"), "email"),
    (("top", "up"), "topup"),
    (("set", "up"), "setup"),
    (("sign", "up"), "register"),
    (("pick", "up"), "collect"),
    (("check", "out"), "checkout"),
];

/// A light, language-blind stemmer: strips the most common inflections, never below three
/// letters, so "deliveries", "delivered" and "delivery" meet.
fn stem(word: &str) -> String {
    let suffixes = [
        "iness", "ings", "ing", "ied", "ies", "ed", "es", "s", "ly", "en", "e",
    ];
    for suffix in suffixes {
        if let Some(root) = word.strip_suffix(suffix)
            && root.chars().count() >= 3
        {
            return match suffix {
                "ied" | "ies" => format!("{root}y"),
                _ => root.to_owned(),
            };
        }
    }
    word.to_owned()
}

/// The word lists as lookup tables, built once per page: the synonym table keyed by stem.
struct Tables {
    ignored: FastMap<&'static str, ()>,
    canonical: FastMap<String, String>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut canonical = FastMap::default();
        for group in SYNONYMS {
            for word in *group {
                // A word in two groups belongs to the first.
                canonical
                    .entry(stem(word))
                    .or_insert_with(|| stem(group[0]));
            }
        }
        Tables {
            ignored: STOPWORDS.iter().chain(FILLER).map(|w| (*w, ())).collect(),
            canonical,
        }
    })
}

/// The canonical word of a synonym group, or the word itself.
fn canonical(stemmed: String) -> String {
    tables().canonical.get(&stemmed).cloned().unwrap_or(stemmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Faq {
        Faq::parse(include_str!("../../examples/demo/faq.json")).unwrap()
    }

    fn answer(matcher: &Matcher, faq: &Faq, question: &str) -> Option<String> {
        matcher
            .ask(question)
            .entry
            .map(|i| faq.entries[i].id.clone())
    }

    #[test]
    fn paraphrases_find_their_entry() {
        let faq = demo();
        let matcher = Matcher::new(&faq);
        let cases = [
            ("How long does shipping take?", "shipping-time"),
            ("when will my parcel arrive", "shipping-time"),
            ("how do I send something back", "returns"),
            ("I want my money back", "refund-time"),
            ("forgot my pasword", "password"),
        ];
        for (question, id) in cases {
            assert_eq!(
                answer(&matcher, &faq, question).as_deref(),
                Some(id),
                "{question}: {:?}",
                matcher.ask(question)
            );
        }
    }

    #[test]
    fn out_of_scope_questions_get_no_answer() {
        let faq = demo();
        let matcher = Matcher::new(&faq);
        for question in [
            "what's the weather tomorrow",
            "do you sell bicycles",
            "",
            "????",
            "tell me a joke",
        ] {
            assert_eq!(
                answer(&matcher, &faq, question),
                None,
                "{question}: {:?}",
                matcher.ask(question)
            );
        }
    }

    #[test]
    fn stems_and_synonyms() {
        assert_eq!(stem("deliveries"), "delivery");
        assert_eq!(stem("delivered"), "deliver");
        assert_eq!(canonical(stem("parcels")), canonical(stem("package")));
        assert_eq!(stem("box"), "box");
    }
}
