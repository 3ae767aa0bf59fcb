//! Matching a visitor's question to a FAQ entry, in pure Rust.
//!
//! Every question and phrasing of an entry is a document. Text is folded (case, accents,
//! punctuation), stopwords are dropped, words are lightly stemmed and mapped through a small
//! synonym table ("parcel" is "package", "delivery" is "shipping"). A question is compared
//! with each document by idf-weighted overlap in both directions: how much of the question
//! the document covers, and how much of the document the question covers; their geometric
//! mean is the confidence, and an entry's confidence is that of its best document. Below
//! the threshold the bot says it does not know, which is better than a confident wrong
//! answer. Unknown words of five letters or more match a known word one typo away.

use super::faq::Faq;
use crate::detect::fast_map::FastMap;
use crate::detect::text::{Words, within_edits};

/// Confidence from which an answer is given (tuned on `tests/data/faq_questions.txt`).
pub const DEFAULT_THRESHOLD: f32 = 0.5;
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
    terms: Vec<u32>,
}

/// An indexed FAQ.
#[derive(Debug)]
pub struct Matcher {
    vocabulary: FastMap<String, u32>,
    words: Vec<String>,
    idf: Vec<f32>,
    documents: Vec<Document>,
    entries: usize,
    threshold: f32,
}

/// Words that carry no topic, in the supported languages.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "i", "me", "my", "mine", "you", "your", "we", "our", "us", "it", "its", "is",
    "are", "was", "were", "be", "been", "am", "do", "does", "did", "to", "of", "in", "on", "at",
    "for", "with", "from", "by", "and", "or", "but", "so", "if", "this", "that", "these", "those",
    "there", "here", "what", "which", "who", "how", "when", "where", "why", "can", "could",
    "would", "should", "will", "shall", "may", "might", "must", "have", "has", "had", "please",
    "pls", "hi", "hello", "hey", "thanks", "thank", "im", "ive", "id", "just", "any", "some",
    "about", "get", "got", "want", "need", "like", "know", "tell", "there", "much", "many", "also",
    "too", "very", "still", "yet", "already", "el", "la", "los", "las", "un", "una", "de", "del",
    "que", "y", "en", "mi", "mis", "es", "por", "para", "con", "como", "donde", "cuando", "cuanto",
    "puedo", "quiero", "hola", "le", "les", "des", "du", "et", "je", "mon", "ma", "mes", "est",
    "pour", "avec", "comment", "ou", "quand", "combien", "der", "die", "das", "und", "ist", "ich",
    "mein", "meine", "wie", "wo", "wann", "kann", "o", "os", "as", "um", "uma", "meu", "minha",
    "il", "lo", "gli", "di", "mio", "het", "een", "ik", "mijn", "hoe", "waar", "wanneer",
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
        "arrive",
        "arrival",
        "arrived",
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
        "price", "cost", "costs", "fee", "fees", "charge", "precio", "prix", "preis", "preco",
        "prezzo", "prijs",
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
];

impl Matcher {
    /// Indexes a FAQ with the default threshold.
    pub fn new(faq: &Faq) -> Matcher {
        Matcher::with_threshold(faq, DEFAULT_THRESHOLD)
    }

    /// Indexes a FAQ with a confidence threshold.
    pub fn with_threshold(faq: &Faq, threshold: f32) -> Matcher {
        let mut matcher = Matcher {
            vocabulary: FastMap::default(),
            words: Vec::new(),
            idf: Vec::new(),
            documents: Vec::new(),
            entries: faq.entries.len(),
            threshold,
        };
        for (entry, item) in faq.entries.iter().enumerate() {
            for text in std::iter::once(&item.question).chain(&item.phrasings) {
                let terms: Vec<u32> = terms(text).into_iter().map(|t| matcher.intern(t)).collect();
                if !terms.is_empty() {
                    matcher.documents.push(Document { entry, terms });
                }
            }
        }
        // Document frequency by entry, not by phrasing: a word in every phrasing of one
        // entry is that entry's topic, not a common word.
        let mut entries_with = vec![std::collections::BTreeSet::new(); matcher.words.len()];
        for document in &matcher.documents {
            for term in &document.terms {
                entries_with[*term as usize].insert(document.entry);
            }
        }
        let n = matcher.entries.max(1) as f32;
        matcher.idf = entries_with
            .iter()
            .map(|entries| (1.0 + n / entries.len().max(1) as f32).ln())
            .collect();
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
        if term.chars().count() < 5 {
            return None;
        }
        self.words
            .iter()
            .position(|known| known.len() >= 4 && within_edits(term, known, 1))
            .map(|i| i as u32)
    }

    /// Answers a question.
    pub fn ask(&self, question: &str) -> Match {
        let query: Vec<(Option<u32>, f32)> = {
            let mut seen = Vec::new();
            terms(question)
                .into_iter()
                .filter(|t| {
                    let fresh = !seen.contains(t);
                    seen.push(t.clone());
                    fresh
                })
                .map(|t| {
                    let id = self.lookup(&t);
                    let idf = id.map_or(self.unknown_idf(), |i| self.idf[i as usize]);
                    (id, idf)
                })
                .collect()
        };
        let query_mass: f32 = query.iter().map(|(_, idf)| idf).sum();
        let mut best = vec![0.0f32; self.entries];
        if query_mass > 0.0 {
            for document in &self.documents {
                let covered: f32 = query
                    .iter()
                    .filter(|(id, _)| id.is_some_and(|id| document.terms.contains(&id)))
                    .map(|(_, idf)| idf)
                    .sum();
                if covered == 0.0 {
                    continue;
                }
                let document_mass: f32 = document.terms.iter().map(|t| self.idf[*t as usize]).sum();
                let recall = covered / query_mass;
                let precision = covered / document_mass.max(f32::EPSILON);
                let confidence = (recall * precision.min(1.0)).sqrt();
                let slot = &mut best[document.entry];
                *slot = slot.max(confidence);
            }
        }
        let mut ranked: Vec<usize> = (0..self.entries).collect();
        crate::detect::strongest_first(&mut ranked, |i| best[*i]);
        let top = ranked.first().copied();
        let confidence = top.map_or(0.0, |i| best[i]);
        let entry = top.filter(|_| confidence >= self.threshold);
        let suggestions = ranked
            .iter()
            .copied()
            .filter(|i| Some(*i) != entry && best[*i] >= SUGGESTION_FLOOR)
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
fn terms(text: &str) -> Vec<String> {
    Words::new(text)
        .plain()
        .filter(|w| !STOPWORDS.contains(w))
        .map(|w| canonical(&stem(w)))
        .filter(|w| !w.is_empty())
        .collect()
}

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

/// The canonical word of a synonym group, or the word itself.
fn canonical(stemmed: &str) -> String {
    for group in SYNONYMS {
        if group.iter().any(|w| stem(w) == stemmed) {
            return stem(group[0]);
        }
    }
    stemmed.to_owned()
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
        assert_eq!(canonical(&stem("parcels")), canonical(&stem("package")));
        assert_eq!(stem("box"), "box");
    }
}
