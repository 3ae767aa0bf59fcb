//! A language guess good enough to pick the cue set and the UI language: frequent function
//! words and a few letters that only some languages use. Short messages ("agent please")
//! often give no clear answer; then the caller's default stands.

use super::text::{Words, hash, mix};
use crate::i18n::Lang;
use std::sync::OnceLock;

/// Frequent words of each language (folded). Words shared by several languages ("de", "la")
/// count for each of them, which is why the hints below matter.
const FUNCTION_WORDS: &[(Lang, &[&str])] = &[
    (
        Lang::En,
        &[
            "the", "and", "customer", "is", "to", "i", "my", "you", "it", "not", "have", "what",
            "with", "for", "this", "that", "of", "an", "please", "can", "how", "where", "why",
            "when", "do", "does", "was", "are", "me", "been", "still", "want", "need", "im",
            "dont", "hi", "hello", "thanks", "order", "your", "get", "just", "would", "could",
            "there", "no", "yes", "someone", "anyone", "talk", "speak", "human", "real", "call",
            "help", "be", "am", "will", "a", "as", "in", "on", "at", "so", "we", "he", "she",
            "they", "or", "if", "all", "one", "by", "from", "more", "about",
        ],
    ),
    (
        Lang::Es,
        &[
            "el",
            "los",
            "las",
            "que",
            "y",
            "en",
            "una",
            "es",
            "por",
            "para",
            "con",
            "mi",
            "pedido",
            "como",
            "donde",
            "cuando",
            "quiero",
            "hola",
            "gracias",
            "esta",
            "tengo",
            "puedo",
            "necesito",
            "hablar",
            "todavia",
            "sigo",
            "nada",
            "pero",
            "muy",
            "ya",
            "del",
            "al",
            "usted",
            "ustedes",
            "mis",
            "porque",
            "hay",
            "estoy",
            "llego",
            "ningun",
            "de",
            "la",
            "lo",
            "se",
            "me",
            "un",
            "no",
            "le",
            "favor",
            "porfa",
            "porfavor",
            "alguien",
            "puede",
            "pueden",
            "ayudarme",
            "llamar",
            "llamen",
            "soy",
            "eres",
            "hace",
            "falta",
            "asesor",
            "agente",
            "operador",
            "humano",
            "persona",
            "real",
            "basta",
            "quien",
            "ahi",
            "aqui",
            "pasame",
            "comunicame",
            "nesesito",
            "kiero",
            "ablar",
            "atencion",
            "cliente",
            "funciona",
            "sirve",
            "tienda",
            "fue",
            "ayer",
            "hoy",
            "algun",
            "nadie",
        ],
    ),
    (
        Lang::Fr,
        &[
            "le",
            "les",
            "des",
            "et",
            "est",
            "je",
            "une",
            "pas",
            "mon",
            "ma",
            "mes",
            "vous",
            "qui",
            "pour",
            "avec",
            "ne",
            "commande",
            "bonjour",
            "merci",
            "comment",
            "suis",
            "ai",
            "au",
            "aux",
            "du",
            "ce",
            "cette",
            "toujours",
            "rien",
            "veux",
            "parler",
            "colis",
            "mais",
            "tres",
            "j",
            "c",
            "n",
            "d",
            "qu",
            "quelqu",
            "avez",
            "sont",
            "de",
            "la",
            "un",
            "en",
            "me",
            "moi",
            "m",
            "l",
            "y",
            "a",
            "svp",
            "stp",
            "plait",
            "conseiller",
            "conseillere",
            "humain",
            "humaine",
            "peut",
            "pouvez",
            "appelez",
            "rappelez",
            "rappeler",
            "service",
            "client",
            "relation",
            "joindre",
            "discuter",
            "avoir",
            "aider",
            "quelquun",
            "personne",
            "vrai",
            "vraie",
            "voudrais",
            "voudrai",
            "parle",
            "oui",
            "ici",
        ],
    ),
    (
        Lang::De,
        &[
            "der",
            "die",
            "das",
            "und",
            "ist",
            "ich",
            "nicht",
            "ein",
            "eine",
            "mein",
            "meine",
            "sie",
            "mit",
            "zu",
            "auf",
            "fur",
            "was",
            "wie",
            "wo",
            "bestellung",
            "hallo",
            "danke",
            "bitte",
            "habe",
            "kann",
            "noch",
            "immer",
            "mochte",
            "moechte",
            "sprechen",
            "paket",
            "aber",
            "sehr",
            "schon",
            "wann",
            "warum",
            "mir",
            "mich",
            "keine",
            "kein",
            "den",
            "dem",
            "ist",
            "da",
            "jemand",
            "bist",
            "du",
            "an",
            "einen",
            "einem",
            "mitarbeiter",
            "weiterleiten",
            "berater",
            "echter",
            "echten",
            "mensch",
            "menschen",
            "im",
            "laden",
            "sagte",
            "etwas",
            "es",
            "gibt",
            "hier",
            "bin",
            "sind",
            "hat",
            "haben",
            "nur",
            "jetzt",
            "sofort",
            "personalabteilung",
            "ansprechpartner",
            "kundenservice",
            "kundendienst",
        ],
    ),
    (
        Lang::Pt,
        &[
            "os",
            "as",
            "que",
            "em",
            "um",
            "uma",
            "nao",
            "meu",
            "minha",
            "para",
            "com",
            "por",
            "pedido",
            "como",
            "onde",
            "quando",
            "quero",
            "ola",
            "oi",
            "obrigado",
            "obrigada",
            "voce",
            "vc",
            "tenho",
            "posso",
            "esta",
            "ainda",
            "nada",
            "falar",
            "preciso",
            "mas",
            "muito",
            "ja",
            "do",
            "da",
            "no",
            "na",
            "seu",
            "sua",
            "chegou",
            "atendente",
            "de",
            "o",
            "a",
            "e",
            "se",
            "me",
            "favor",
            "pessoa",
            "pessoas",
            "alguem",
            "pode",
            "podem",
            "liga",
            "ligar",
            "tem",
            "ai",
            "aqui",
            "chega",
            "robo",
            "humano",
            "humanos",
            "recursos",
            "pra",
            "atender",
            "transfira",
            "suporte",
            "quem",
            "sou",
            "real",
            "agente",
            "operador",
            "ninguem",
            "basta",
        ],
    ),
    (
        Lang::It,
        &[
            "il",
            "lo",
            "gli",
            "di",
            "che",
            "un",
            "una",
            "non",
            "mio",
            "mia",
            "per",
            "con",
            "sono",
            "ordine",
            "come",
            "dove",
            "quando",
            "voglio",
            "ciao",
            "grazie",
            "ho",
            "posso",
            "questo",
            "ancora",
            "niente",
            "parlare",
            "vorrei",
            "ma",
            "molto",
            "gia",
            "del",
            "della",
            "nel",
            "mi",
            "ci",
            "e",
            "sto",
            "arrivato",
            "pacco",
            "operatore",
            "la",
            "a",
            "in",
            "da",
            "le",
            "si",
            "favore",
            "qualcuno",
            "c",
            "persona",
            "vera",
            "vero",
            "reale",
            "umano",
            "umana",
            "umane",
            "risorse",
            "sei",
            "aiutarmi",
            "puo",
            "potete",
            "chiamatemi",
            "richiamatemi",
            "assistenza",
            "clienti",
            "servizio",
            "consulente",
            "agente",
            "no",
            "nessuno",
            "basta",
        ],
    ),
    (
        Lang::Nl,
        &[
            "de",
            "het",
            "een",
            "en",
            "ik",
            "niet",
            "mijn",
            "je",
            "u",
            "met",
            "voor",
            "van",
            "dat",
            "wat",
            "waar",
            "hoe",
            "bestelling",
            "hallo",
            "dank",
            "bedankt",
            "graag",
            "heb",
            "kan",
            "wil",
            "nog",
            "steeds",
            "geen",
            "praten",
            "pakket",
            "maar",
            "erg",
            "al",
            "wanneer",
            "waarom",
            "mij",
            "jullie",
            "is",
            "zijn",
            "er",
            "medewerker",
            "alsjeblieft",
            "alstublieft",
            "aub",
            "echte",
            "echt",
            "persoon",
            "bel",
            "me",
            "terug",
            "doorverbinden",
            "iemand",
            "mens",
            "mensen",
            "spreken",
            "personeelszaken",
            "terugbelverzoek",
            "op",
            "te",
            "om",
            "in",
            "naar",
            "ben",
            "bent",
            "jij",
            "zou",
            "klantenservice",
            "helpdesk",
        ],
    ),
];

/// Forms a French or Italian word takes before a vowel, where the apostrophe splits it off.
const ELIDED: [&str; 8] = ["j", "c", "n", "d", "qu", "l", "m", "quelqu"];

/// Whether `word` is one of the [`ELIDED`] forms.
fn is_elided(word: &str) -> bool {
    word.len() <= 6 && ELIDED.contains(&word)
}

/// Whether `word` has the Dutch "ij" in it. A loop over bytes rather than `windows`: this
/// runs for most words of every message.
fn has_ij(word: &[u8]) -> bool {
    let mut at = 1;
    while at < word.len() {
        if word[at] == b'j' && word[at - 1] == b'i' {
            return true;
        }
        at += 1;
    }
    false
}

/// Whether an elided form may stand before `next`: a vowel or a mute "h" starts it.
fn opens_elision(next: &str) -> bool {
    next.bytes()
        .next()
        .is_some_and(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'h'))
}

/// Function words → the languages they belong to (bit `i` for [`FUNCTION_WORDS`]`[i]`),
/// in an open-addressing table on the words' [`hash`]es, which [`Words`] has already
/// computed: one probe and one comparison per word of the message.
struct Table {
    words: Vec<(&'static str, u8)>,
    /// Indices into `words` (`u16::MAX` for an empty slot), each with its word's hash,
    /// which turns away the other words probed without comparing strings.
    slots: Vec<(u16, u32)>,
}

impl Table {
    fn get() -> &'static Table {
        static TABLE: OnceLock<Table> = OnceLock::new();
        TABLE.get_or_init(|| {
            let mut table = Table {
                slots: vec![(u16::MAX, 0); SLOTS],
                words: Vec::new(),
            };
            // A word of several languages is found by its probe and gains their bits.
            for (i, (_, list)) in FUNCTION_WORDS.iter().enumerate() {
                for word in *list {
                    let word_hash = hash(word);
                    let slot = table.probe(word, word_hash);
                    match table.slots[slot] {
                        (u16::MAX, _) => {
                            table.slots[slot] = (table.words.len() as u16, word_hash);
                            table.words.push((word, 1 << i));
                        }
                        (index, _) => table.words[usize::from(index)].1 |= 1 << i,
                    }
                }
            }
            table
        })
    }

    fn slot(hash: u32) -> usize {
        (mix(hash) >> (32 - SLOTS.trailing_zeros())) as usize
    }

    /// The slot holding `word` (whose [`hash`] is `hash`), or the empty slot where it
    /// would go.
    fn probe(&self, word: &str, hash: u32) -> usize {
        let mut slot = Table::slot(hash);
        loop {
            match self.slots[slot] {
                (u16::MAX, _) => return slot,
                (index, found) if found == hash && self.words[usize::from(index)].0 == word => {
                    return slot;
                }
                _ => slot = (slot + 1) % SLOTS,
            }
        }
    }

    /// The languages `word` (whose [`hash`] is `hash`) is a function word of.
    fn languages(&self, word: &str, hash: u32) -> u8 {
        match self.slots[self.probe(word, hash)] {
            (u16::MAX, _) => 0,
            (index, _) => self.words[usize::from(index)].1,
        }
    }
}

/// Slots of [`Table`]: a power of two more than twice the number of function words.
const SLOTS: usize = 1024;

/// Guesses the language of `text` (already split into `words`). `None` when nothing points
/// clearly to one language.
pub fn guess(text: &str, words: &Words) -> Option<Lang> {
    let mut arabic = 0;
    let mut hebrew = 0;
    let mut scores = [0.0f32; FUNCTION_WORDS.len()];
    let index = |lang: Lang| {
        FUNCTION_WORDS
            .iter()
            .position(|(l, _)| *l == lang)
            .unwrap_or(0)
    };
    // Most messages are ASCII: one quick check skips the character loop.
    let accented = if text.is_ascii() { "" } else { text };
    for c in accented.chars().filter(|c| !c.is_ascii()) {
        match c {
            '\u{0600}'..='\u{06FF}' => arabic += 1,
            '\u{0590}'..='\u{05FF}' => hebrew += 1,
            'ñ' | 'Ñ' | '¿' | '¡' => scores[index(Lang::Es)] += 2.0,
            'ã' | 'õ' | 'Ã' | 'Õ' => scores[index(Lang::Pt)] += 2.0,
            'ß' | 'ä' | 'ö' | 'ü' | 'Ä' | 'Ö' | 'Ü' => scores[index(Lang::De)] += 1.5,
            'ç' | 'Ç' => {
                scores[index(Lang::Fr)] += 1.0;
                scores[index(Lang::Pt)] += 1.0;
            }
            'è' | 'ê' | 'ë' | 'î' | 'ï' | 'û' | 'œ' => scores[index(Lang::Fr)] += 1.0,
            'ì' | 'ò' => scores[index(Lang::It)] += 1.0,
            'á' | 'í' | 'ó' | 'ú' => {
                scores[index(Lang::Es)] += 0.5;
                scores[index(Lang::Pt)] += 0.5;
            }
            _ => {}
        }
    }
    if arabic > 0 && arabic >= hebrew {
        return Some(Lang::Ar);
    }
    if hebrew > 0 {
        return Some(Lang::He);
    }
    let table = Table::get();
    let mut plain = words.plain_hashed().peekable();
    while let Some((word, hash)) = plain.next() {
        // Most words are no function word of any language: nothing to add. A word of several
        // languages ("que", "de", "la") shares one vote among them, so that a word of one
        // language alone outweighs it and shared words alone rarely tie.
        let mut languages = table.languages(word, hash);
        if languages != 0
            && is_elided(word)
            && !plain.peek().is_some_and(|(next, _)| opens_elision(next))
        {
            // "j", "l", "qu" stand for "je", "le", "que" only before a vowel ("j'ai", "l'ordre",
            // even typed "j ai"); elsewhere they are a smiley's letter (":D") or an initial.
            languages = 0;
        }
        let share = 1.0 / languages.count_ones().max(1) as f32;
        while languages != 0 {
            scores[languages.trailing_zeros() as usize] += share;
            languages &= languages - 1;
        }
        if word.len() > 3 && has_ij(word.as_bytes()) {
            scores[index(Lang::Nl)] += 0.5;
        }
    }
    let (mut best, mut top, mut second) = (0, 0.0f32, 0.0f32);
    for (i, score) in scores.iter().copied().enumerate() {
        if score > top {
            (best, top, second) = (i, score, top);
        } else if score > second {
            second = score;
        }
    }
    (top >= 1.0 && top > second).then(|| FUNCTION_WORDS[best].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(text: &str) -> Option<Lang> {
        guess(text, &Words::new(text))
    }

    #[test]
    fn every_function_word_is_found() {
        let table = Table::get();
        assert!(
            table.words.len() * 2 < SLOTS,
            "the table stays at most half full"
        );
        for (i, (_, list)) in FUNCTION_WORDS.iter().enumerate() {
            for word in *list {
                assert_ne!(table.languages(word, hash(word)) & (1 << i), 0, "{word}");
            }
        }
        assert_eq!(table.languages("zebra", hash("zebra")), 0);
    }

    #[test]
    fn guesses() {
        let cases = [
            ("Where is my order? It has not arrived", Some(Lang::En)),
            (
                "¿Dónde está mi pedido? Todavía no ha llegado",
                Some(Lang::Es),
            ),
            (
                "Bonjour, ma commande n'est toujours pas arrivée",
                Some(Lang::Fr),
            ),
            (
                "Hallo, meine Bestellung ist immer noch nicht da",
                Some(Lang::De),
            ),
            ("Olá, meu pedido ainda não chegou", Some(Lang::Pt)),
            ("Ciao, il mio ordine non è ancora arrivato", Some(Lang::It)),
            (
                "Hallo, mijn bestelling is nog steeds niet binnen",
                Some(Lang::Nl),
            ),
            ("أريد التحدث مع موظف", Some(Lang::Ar)),
            ("אני רוצה לדבר עם נציג", Some(Lang::He)),
            ("48213", None),
            ("", None),
            ("ok", None),
            // An elided form counts only before a vowel, typed with or without apostrophe.
            ("Woohoo good start! :D", None),
            ("Congrats, Damien. :D", None),
            ("j ai un probleme avec ma commande", Some(Lang::Fr)),
            ("c'è un problema con il mio ordine", Some(Lang::It)),
        ];
        for (text, expected) in cases {
            assert_eq!(lang(text), expected, "{text}");
        }
    }
}
