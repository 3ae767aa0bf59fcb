//! The cue lists, per language: explicit requests for a person (and the look-alikes that
//! must not count), frustration, confusion, and the phrases a bot uses when it has no answer.
//!
//! Patterns use the syntax of [`phrase`](super::phrase), plus `{name}` placeholders filled
//! from each language's word classes, so "talk to a person" is written once per language
//! with all its nouns. Everything is folded: lowercase, no accents, `don't` → `dont`,
//! `quelqu'un` → `quelqu un`.

use crate::i18n::Lang;

/// Word classes and patterns of one language.
pub struct LanguageCues {
    /// The language.
    pub lang: Lang,
    /// `(name, alternatives)` for `{name}` placeholders.
    pub classes: &'static [(&'static str, &'static str)],
    /// Explicit requests for a person.
    pub requests: &'static [&'static str],
    /// Clauses that look like a request but are not (identity questions, "human body").
    pub vetoes: &'static [&'static str],
    /// Frustration: `(pattern, weight, reason)`.
    pub frustration: &'static [(&'static str, f32, &'static str)],
    /// Confusion: `(pattern, weight, reason)`.
    pub confusion: &'static [(&'static str, f32, &'static str)],
    /// Common words one edit from a word of a request ("stuff" from "staff", "than" from
    /// "thank", "arent" from "agent"): they match only as themselves, never as its typo.
    pub real_words: &'static [&'static str],
}

/// Fills `{name}` placeholders from `classes`; a placeholder of no class stays as written.
/// A class may name a smaller one ("{alone}|gente": the nouns that may stand alone, and
/// more), filled in turn; deeper than that, placeholders stay as written, so that a class
/// naming itself ends instead of looping (and fails `every_pattern_compiles`).
pub fn expand(pattern: &str, classes: &[(&str, &str)]) -> String {
    // One pass and one string: every built-in pattern goes through here at start-up.
    let mut out = String::with_capacity(pattern.len() + 64);
    expand_into(&mut out, pattern, classes, 0);
    out
}

/// How deep classes are filled inside classes: a pattern's class, and one class in that.
const CLASS_NESTING: usize = 2;

fn expand_into(out: &mut String, pattern: &str, classes: &[(&str, &str)], depth: usize) {
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let class = after
            .find('}')
            .filter(|_| depth < CLASS_NESTING)
            .and_then(|close| {
                let name = &after[..close];
                let found = classes.iter().find(|(class, _)| *class == name);
                found.map(|(_, alternatives)| (*alternatives, close))
            });
        match class {
            Some((alternatives, close)) => {
                expand_into(out, alternatives, classes, depth + 1);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// Phrases bots use when they have no answer, in every language: a bot reply matching one
/// counts as a failed turn when the bot did not say so itself.
pub const BOT_FALLBACKS: &[&str] = &[
    "dont|do_not know",
    "didnt|did_not|dont|do_not understand|get",
    "not sure ?i|that ?understand|understood|follow",
    "cant|cannot|can_not|couldnt|unable_to help|answer|find",
    "no ?an answer|idea|information",
    "could|can you rephrase|reword",
    "try|please rephrasing|rephrase|asking|ask again|differently",
    "sorry ~3 not|cant|cannot|couldnt|dont|unable|no",
    "no se|entiendo|entendi",
    "no tengo ~2 respuesta|informacion",
    "je ne sais|comprends pas",
    "pas compris",
    "weiss|verstehe ich nicht",
    "keine antwort|ahnung",
    "nao sei|entendi|entendo",
    "non so|capisco|ho_capito",
    "weet|begrijp ik niet",
];

/// Every language with cue lists.
pub const LANGUAGES: &[LanguageCues] = &[EN, ES, FR, DE, PT, IT, NL];

const EN: LanguageCues = LanguageCues {
    lang: Lang::En,
    classes: &[
        (
            "talk",
            "talk|speak|chat|talking|speaking|chatting|converse|tlak|spk",
        ),
        ("det", "a|an|the|some|your|one|any|ur|u"),
        (
            "human",
            "human|humans|person|people|agent|agents|representative|representatives|rep|reps|operator|operators|someone|somebody|being|beings|man|woman|guy|staff|employee|specialist|advisor|adviser|hooman",
        ),
        (
            "strong",
            "human|humans|person|agent|agents|representative|representatives|representive|rep|reps|operator|operators|manager|supervisor|staff|employee|advisor|adviser|specialist|being|beings|hooman|humanbeing",
        ),
        (
            "ask",
            "talk|speak|chat|get|give|gimme|need|want|wnat|wanna|like|prefer|request|demand|connect|connected|transfer|transferred|put|pass|escalate|reach|contact|forward|route|switch|have|see|bring",
        ),
        // Words that can follow a person noun that ends its phrase ("a manager please", "an
        // agent to call me"), unlike "the manager's email" or "the agent code".
        (
            "after",
            "please|pls|plz|now|asap|to|who|that|for|about|on|in|at|with|so|because|and|i|today|here|there|available|right|instead|rather|immediately|urgently|again|or|but|if|as|thanks|thank|being|beings|not|from|over|of|already|ok|okay|pleaseee",
        ),
        (
            "fill",
            "me|us|to|with|through|over|for|a|an|the|some|your|one|real|live|actual|human|please|pls|just|back|be|been|an|any",
        ),
        (
            "real",
            "real|live|actual|human|physical|proper|genuine|living|breathing",
        ),
        (
            "person",
            "human|humans|person|people|agent|agents|representative|representatives|rep|reps|operator|operators|someone|somebody|anyone|anybody|staff|employee|associate|advisor|adviser|specialist|manager|supervisor|boss|being|man|woman|guy|support|team|customer|consultant|technician|tech|colleague|member|personnel|assistant|hooman",
        ),
        (
            "agent",
            "human|humans|agent|representative|rep|operator|manager|supervisor|advisor|adviser|staff|employee|specialist|being",
        ),
        (
            "please",
            "please|pls|plz|plox|now|asap|immediately|thanks|thank|thx|ty",
        ),
        // A clause of just a noun asks for a person with these, not with "man" or "people"
        // ("Man, this is slow", "Seriously, people?"), and not after "the" ("The agent, he
        // said...").
        (
            "alone",
            "human|humans|person|agent|agents|representative|representatives|rep|reps|operator|operators|someone|somebody|anyone|anybody|staff|employee|associate|advisor|adviser|specialist|manager|supervisor|support|consultant|technician|assistant|hooman",
        ),
        ("det_alone", "a|an|some|your|one|any|ur|u"),
        // Nouns that name a team before the person noun: "a staff member", "your support
        // team", "a customer service agent".
        (
            "unit",
            "customer|support|tech|technical|service|billing|sales|help|care|staff|team|account|chat",
        ),
    ],
    requests: &[
        "{talk} to|with|w ?{det} ?{real} ?{unit} {person} {after}|$",
        "{talk} to|with someone|somebody|anyone ?real|else",
        "want|wnat|wnt|need|like|prefer|request|demand|wanna|needa ?to ?{talk} ?to|with ?{det} ?{real} {agent} {after}|$",
        "want|wnat|need|like|wanna ?{det} ?{real} person|someone|somebody|people $",
        "want|need|like|wanna ?{det} real|live|actual|human person|someone|somebody|people",
        "get|give|find|bring|fetch me ?{det} ?{real} {person} {after}|$",
        "get|have ?{det} ?{real} {agent} ~2 on|in ?the line|chat|phone",
        "connect|transfer|switch|redirect|route|escalate|forward|pass|patch me|us|this|it ?over|through|back ?to|with ?{det} ?{real} {person} {after}|$",
        "put me through|thru",
        "^ ?please|pls|plz escalate ?this|me|it|my ?case|issue|ticket ?please|pls|plz $",
        "is|are there ?{det} ?{real} {human} i|who|that|to|available|here|there|online|working|please|$",
        "is|are there anyone|anybody|someone|somebody ?real|live|human there|here|alive|around|working|awake|available|$",
        "anyone|anybody|someone|somebody who|that can|could ~2 help|assist",
        "^ ?hello|hi|hey|hallo ?is anyone|anybody|someone ?there|here|real|alive $",
        "{real} {human} {after}|$",
        "{ask} ~4 {strong} {after}|$",
        "get|connect|transfer|put|pass|send me ~2 customer|tech service|support|care {after}|$",
        "{strong} available|there|around|online|free|please|pls|now|asap|needed",
        "{ask} ~2 someone|somebody|anyone from|at|in ~2 support|service|care|team|customer|staff",
        "out of ~2 bot|chat|chatbot|robot|loop",
        "?{real} {strong} needed|wanted|required|asap|would_be_great|would_help|would_be_nice|would_be_better",
        "^ ?any|a|an|some ?real|live {strong} ?here|there|around|available|online ?please|pls $",
        "can|could|may i have|get ?{det} ?{real} {strong} {after}|$",
        "is|are anyone|anybody|someone|somebody real|alive|human|there|here",
        "reach|contact|get_hold_of|get_in_touch_with ?{det} ?{real} {human} {after}|$",
        "human being|beings|help|contact|support|assistance|interaction|response|touch",
        "^ ?{det_alone} ?{real} {alone} ?{please} ?{please} $",
        "^ ?please|pls|plz|i|just ?need|want ?{det_alone} ?{real} {alone} ?{please} ?{please} $",
        "^ ?please|pls|plz customer|tech ?service|support|care ?please|pls|plz|now $",
        "can|could|would|will|may|cant ?{det} ?{real} {person} ~1 help|assist|check|look|contact|call|answer|reply|respond|sort|fix|handle|deal|take|review|see|get_back",
        "have|get ?{det} someone|somebody|an|a ?{agent} ~1 call|contact|email|reach|ring|phone me",
        "call|phone|ring me back|please|pls|asap|now|today|tomorrow|$",
        "call|phone back ?please|pls|asap|$",
        "like|want|need|request|get|schedule|book|arrange ~2 callback|call_back",
        "^ ?a callback ?please|pls|request $",
        "dont|do_not|no|not|never ~2 want|need|like ~2 bot|bots|robot|robots|chatbot|machine|ai|automated|automation",
        "dont|do_not|never want|wanna ~1 talk|speak|chat ~1 to|with ~1 a|the|this|your|any ~1 bot|bots|robot|chatbot|machine|ai",
        "can|could|would|will someone|somebody|anyone|anybody ~4 help|assist|call|contact|look|check|explain",
        "want|need|like|get ?to ?{talk} ?to|with ?{det} customer|tech service|support|care please|pls|now|asap|team|rep|representative|agent|$",
        "put|get me in touch with ?{det} ?{real} {person} {after}|$",
        "^ ?please|pls|plz transfer|connect me ?please|pls|plz|now $",
        "no ?more|bots bot|bots|robot|robots|chatbot|machines|ai",
        "not|no|stop|enough|done ?with|talking|chatting ~2 bot|bots|robot|robots|chatbot|machine|ai ?please|pls $",
        "stop|enough|quit ?with|the ~2 bot|bots|robot|robots|chatbot|automated",
        "instead of ?a|the|this bot|robot|chatbot|machine",
        "rather ~3 {person} {after}|$",
        "talk|speak to ?a|an|the|your manager|supervisor|boss",
        "take me to ?a|an ?{real} {person} {after}|$",
        "let me ~2 {talk} ~2 {person} {after}|$",
        "be|get|getting|being transferred|connected|escalated|forwarded|routed|redirected|passed ?over|through|back to|with ?{det} ?{real} ?{unit} {person}|service|desk {after}|$",
        "hand|handing me|us ?over|off to ?{det} ?{real} ?{unit} {person} {after}|$",
    ],
    vetoes: &[
        "dont|do_not|no_need|never|not|stop ~2 call|phone|ring|calling me",
        "person|someone|somebody|anyone|anybody ~3 sign|collect|pick|receive|accept|deliver",
        "add|remove|change|invite|share|delete ~3 person|user|people|member|staff|employee",
        "do|does you|they ~1 have ~2 human|humans|people|staff|agents",
        "are|r you|u ~2 {real}|bot|robot|robots|ai|person|machine",
        "is this|that|it ~2 {real}|bot|robot|ai|automated|person|machine",
        "am i ~2 talking|speaking|chatting to|with ~2 {real}|bot|robot|ai|person|machine",
        "im|i_am not ?a bot|robot|spammer",
        "human body|resources|rights|error|nature|race|trafficking|hair|eye|eyes|skin|hr",
        "become|becoming|hire|hiring|job|jobs|career|apply|applying|work|recruit* ~3 {person}",
        "travel|insurance|estate|delivery|shipping|secret|free|booking|sales|your|my agent|agents ~3 was|were|is|has|had|did|booked|sent|said|told|great|good|nice",
        "talked|spoke|spoken|chatted ~3 {person}",
        "feel|feels|feeling|felt|look|looks|looking|sound|sounds|act|acts|acting like ~2 {person}",
        "i|we|they|really|also|just|do|dont like|liked|love|loved|enjoy|enjoyed|appreciate|appreciated the|your|their|our|my|his|her|these|those|all ~1 {person}",
    ],
    frustration: &[
        (
            "still ~2 waiting|no|nothing|not|havent|hasnt|didnt|dont|broken|wrong|missing",
            0.45,
            "still waiting or still broken",
        ),
        (
            "waiting|waited ~2 for ~2 hours|days|weeks|months|ages|forever",
            0.5,
            "waiting a long time",
        ),
        (
            "been ~2 days|weeks|months|hours",
            0.35,
            "a problem that has lasted",
        ),
        (
            "second|2nd|third|3rd|fourth|fifth|10th|hundredth|umpteenth|nth time",
            0.55,
            "asking again",
        ),
        (
            "again|already ~2 told|said|asked|explained|sent|wrote|tried|called|contacted",
            0.5,
            "repeating themselves",
        ),
        ("how many times", 0.6, "repeating themselves"),
        (
            "tried|asked|called|emailed|written|wrote|contacted ~2 two|three|four|five|3|4|5|6|several|multiple|many|countless times",
            0.5,
            "repeating themselves",
        ),
        (
            "same ~1 answer|response|reply|thing|message|link|article",
            0.4,
            "getting the same answer",
        ),
        (
            "useless|pointless|worthless|hopeless|waste|stupid|dumb|idiotic|ridiculous|absurd|unacceptable|outrageous|pathetic|joke|nonsense|garbage|rubbish|trash",
            0.5,
            "calling the help useless or unacceptable",
        ),
        ("waste ~2 time", 0.6, "wasting their time"),
        (
            "worst ~2 service|support|experience|company|bot|ever",
            0.6,
            "worst experience",
        ),
        (
            "cancel|close|delete|terminate ~2 account|subscription|order|membership|contract|plan",
            0.35,
            "threatening to cancel",
        ),
        (
            "switch|switching|move|moving|go|going ~2 competitor|elsewhere|somewhere|another|amazon",
            0.45,
            "threatening to leave",
        ),
        ("never ~3 again|buy|order|use|recommend", 0.4, "never again"),
        (
            "refund ~2 now|immediately|asap|today",
            0.4,
            "demanding a refund now",
        ),
        (
            "report|complain|complaint|lawyer|legal|sue|chargeback|dispute|bbb|trading standards",
            0.45,
            "complaint or legal threat",
        ),
        (
            "fed_up|sick_of|tired_of|had_enough|enough_is_enough|done_with",
            0.55,
            "fed up",
        ),
        (
            "fuck*|shit*|damn|dammit|crap|wtf|ffs|bullshit|bs|fml|screw|pissed|bloody|hell",
            0.45,
            "swearing",
        ),
        (
            "not|doesnt|dont|isnt|didnt|wont|cant|never ~2 work|working|works|worked|helping|help|helpful|answer*",
            0.35,
            "it does not work",
        ),
        (
            "nobody|no_one|noone ~3 help*|answer*|respond*|reply*|replied|care*",
            0.5,
            "nobody helps",
        ),
        (
            "unbelievable|incredible|seriously|are_you_serious|are_you_kidding|kidding_me|you_kidding",
            0.35,
            "disbelief",
        ),
        (
            "^ hello|hellooo|helloooo|anyone|anybody ?there|here ?hello $",
            0.2,
            "nobody answering",
        ),
        (
            "late|delayed|lost|missing|damaged|broken|wrong|stolen|never_arrived|not_arrived|hasnt_arrived|didnt_arrive|never_came|didnt_come",
            0.25,
            "a failed order or delivery",
        ),
        (
            "charged ~2 twice|double|again|wrong",
            0.35,
            "charged wrongly",
        ),
        (
            "angry|furious|livid|annoyed|frustrated|frustrating|upset|disappointed|disgusted|mad",
            0.45,
            "says they are upset",
        ),
    ],
    confusion: &[
        (
            "dont|do_not|didnt|did_not|cant|cannot ?really understand|get|follow",
            0.55,
            "does not understand",
        ),
        (
            "what do|does you|u|that|this|it mean",
            0.55,
            "asks what was meant",
        ),
        ("what does that|this|it mean", 0.55, "asks what was meant"),
        ("makes|make ~1 no|zero sense", 0.55, "makes no sense"),
        ("doesnt|dont|does_not ~1 make sense", 0.55, "makes no sense"),
        (
            "confused|confusing|lost|unclear|puzzled|baffled",
            0.45,
            "confused",
        ),
        (
            "not|isnt|wasnt what i ~1 asked|meant|want*|said",
            0.55,
            "not what they asked",
        ),
        (
            "that doesnt|does_not|didnt|did_not ~1 answer|help",
            0.5,
            "the answer did not help",
        ),
        ("^ huh|what|wut|wat|eh|hm|hmm ?what $", 0.5, "puzzled"),
        ("^ i|what dont|do_not ?get it $", 0.4, "does not get it"),
        ("how ~2 supposed to", 0.35, "unsure what to do"),
        (
            "which_one|where_exactly|what_exactly",
            0.2,
            "asks for precision",
        ),
        (
            "explain ~2 again|better|simpler|simply|properly",
            0.45,
            "asks for a clearer explanation",
        ),
        (
            "i_meant|i_mean|i_asked_about|my_question_was",
            0.4,
            "rephrasing their question",
        ),
        (
            "irrelevant|unrelated|off_topic|wrong_answer",
            0.5,
            "the answer is off topic",
        ),
    ],
    // Drawn from the words of the VADER ground-truth sentences one edit from a request
    // word, less misspellings ("transfered") and plurals of person nouns ("managers"), which
    // should still match.
    real_words: &[
        "than",
        "think",
        "thinks",
        "tank",
        "tanks",
        "shank",
        "hanks",
        "these",
        "here",
        "where",
        "three",
        "theres",
        "theyre",
        "theme",
        "might",
        "night",
        "light",
        "bright",
        "fight",
        "sight",
        "eight",
        "tight",
        "fright",
        "ever",
        "sever",
        "newer",
        "fever",
        "lever",
        "world",
        "wound",
        "though",
        "thorough",
        "watch",
        "match",
        "catch",
        "path",
        "pitch",
        "batch",
        "latch",
        "patchy",
        "each",
        "beach",
        "teach",
        "breach",
        "roach",
        "hell",
        "cold",
        "boring",
        "brink",
        "bling",
        "setting",
        "letting",
        "betting",
        "giving",
        "loving",
        "liking",
        "lining",
        "ground",
        "round",
        "abound",
        "tough",
        "couch",
        "ouch",
        "pouch",
        "touchy",
        "letter",
        "bitter",
        "butter",
        "treat",
        "father",
        "willing",
        "killing",
        "filling",
        "wake",
        "aware",
        "hall",
        "sale",
        "saves",
        "tales",
        "males",
        "salts",
        "bales",
        "wasted",
        "waited",
        "witch",
        "stitch",
        "root",
        "hanging",
        "landing",
        "contract",
        "chick",
        "heck",
        "chuck",
        "cheek",
        "routes",
        "roots",
        "rote",
        "rouge",
        "rooted",
        "router",
        "rouse",
        "rely",
        "advised",
        "advise",
        "advisory",
        "associated",
        "pissed",
        "passes",
        "passer",
        "paused",
        "handled",
        "gain",
        "bout",
        "tissue",
        "issued",
        "alike",
        "prone",
        "phony",
        "peak",
        "steak",
        "refer",
        "preview",
        "pooper",
        "heeded",
        "needy",
        "chanting",
        "stuff",
        "stiff",
        "manages",
        "managed",
        "manage",
        "arent",
        "taking",
        "walking",
        "stalking",
        "employer",
        "humane",
        "brings",
    ],
};

const ES: LanguageCues = LanguageCues {
    lang: Lang::Es,
    classes: &[
        (
            "talk",
            "hablar|hablo|platicar|charlar|conversar|comunicarme|comunicar|hable|hablen",
        ),
        ("det", "un|una|el|la|algun|alguna|su|tu|los|las"),
        ("person", "{alone}|atencion|gente|ser"),
        // A clause of just a noun asks for a person with these, not with words that are also
        // interjections or forms of address ("Gente, esto tarda", "Atención: ...").
        (
            "alone",
            "persona|personas|humano|humana|humanos|agente|agentes|asesor|asesora|asesores|operador|operadora|representante|ejecutivo|ejecutiva|encargado|encargada|supervisor|gerente|alguien|empleado|empleada|trabajador|tecnico|especialista|responsable|soporte",
        ),
        (
            "real",
            "real|reales|verdadero|verdadera|de_verdad|vivo|humano|humana|fisica|fisico",
        ),
    ],
    requests: &[
        "{talk} con ?{det} {person} ?{real}",
        "quiero|necesito|quisiera|prefiero|deseo|exijo|pido ?{talk} ?con ?{det} {person} ~1 real|humano|humana|verdad|persona|$",
        "quiero|necesito|quisiera|exijo ?{det} agente|asesor|asesora|operador|operadora|humano|representante|supervisor|gerente",
        "pasame|paseme|pasenme|transfiereme|transfierame|comunicame|comuniqueme|conectame|conecteme|ponme|pongame|derivame|derivenme ~2 {person}",
        "me|nos ~2 transferir|transfieran|transfiera|transfieres|pasar|pasen|pase|pasas|comunicar|comuniquen|comunique|conectar|conecten|conecte|poner|pongan|ponga|derivar|deriven|derive con|a|al ?{det} {person}",
        "persona|humano|agente|asesor|alguien real|reales|verdadera|verdadero|viva",
        "de carne y hueso",
        "no quiero|sirve ~3 bot|bots|robot|robots|maquina|chatbot|contestador",
        "no_mas|basta ~2 bot|bots|robot|robots|maquina",
        "hay alguien|algun|alguna|una|un ?persona|humano|agente ~1 real|ahi|alli|aqui|disponible|$",
        "^ ?hola ?hay alguien ?ahi|alli|aqui $",
        "^ un|una {person} ?real ?por|porfa|porfavor|favor|ya|ahora ?favor $",
        "^ {person} ?real por|porfa|porfavor|favor|ya|ahora ?favor $",
        "^ {alone} ?real $",
        "^ ?atencion|servicio al cliente ?por|porfavor ?favor $",
        "alguien|una_persona|un_agente|un_asesor|un_humano puede|podria|pueden ~1 ayudarme|atenderme|ayudar|atender|llamarme",
        "puede|podria|pueden|podrian alguien|una_persona|un_agente|un_asesor|un_humano ~1 ayudarme|atenderme|llamarme|contactarme|ayudar|atender",
        "llamenme|llamame|llameme|contactenme|contactame",
        "atender|atienda|atiendan|atiende|atendido|atendida|llame|llamen|contacte|contacten ~3 {person}",
        "^ por ?favor ?un|una {person} ?por ?favor $",
        "me pueden|puede ~1 llamar|contactar",
    ],
    vetoes: &[
        "eres|es_esto|estoy_hablando_con ~2 bot|humano|humana|persona|robot|real|maquina",
        "no soy ~2 robot|bot",
        "cuerpo|recursos|derechos|error humano|humanos",
        "ser|trabajar_como|trabajo_de ~2 agente|asesor|operador",
    ],
    frustration: &[
        (
            "sigo|seguimos|todavia|aun ~2 esperando|sin|no",
            0.45,
            "still waiting or still broken",
        ),
        (
            "esperando ~2 horas|dias|semanas|meses",
            0.5,
            "waiting a long time",
        ),
        (
            "segunda|tercera|cuarta|quinta|enesima vez",
            0.55,
            "asking again",
        ),
        (
            "ya ~2 dije|pregunte|explique|escribi|llame|intente",
            0.5,
            "repeating themselves",
        ),
        ("cuantas veces", 0.6, "repeating themselves"),
        (
            "inutil|inutiles|ridiculo|ridicula|absurdo|inaceptable|vergonzoso|verguenza|pesimo|pesima|basura|estafa|timo",
            0.5,
            "calling the help useless or unacceptable",
        ),
        ("perdida|perder ~1 tiempo", 0.6, "wasting their time"),
        (
            "peor ~2 servicio|atencion|experiencia|empresa",
            0.6,
            "worst experience",
        ),
        (
            "cancelar|dar_de_baja|anular ~2 cuenta|suscripcion|pedido|plan|contrato",
            0.35,
            "threatening to cancel",
        ),
        (
            "harto|harta|cansado|cansada|hasta_las_narices",
            0.55,
            "fed up",
        ),
        (
            "mierda|joder|carajo|puta|puto|maldita|maldito|coño|hostia",
            0.45,
            "swearing",
        ),
        ("no funciona|sirve|ayuda|responde", 0.35, "it does not work"),
        (
            "enojado|enojada|enfadado|enfadada|molesto|molesta|furioso|furiosa|frustrado|frustrada|decepcionado",
            0.45,
            "says they are upset",
        ),
        (
            "denuncia|reclamacion|queja|abogado|demanda",
            0.45,
            "complaint or legal threat",
        ),
    ],
    confusion: &[
        ("no entiendo|entendi|comprendo", 0.55, "does not understand"),
        ("que quieres|quiere decir", 0.55, "asks what was meant"),
        ("no tiene sentido", 0.55, "makes no sense"),
        (
            "confundido|confundida|confuso|perdido|perdida",
            0.45,
            "confused",
        ),
        (
            "no es lo que ~1 pregunte|pedi|dije",
            0.55,
            "not what they asked",
        ),
        ("^ que|como $", 0.35, "puzzled"),
    ],
    // "Gente" (people, also "folks!") is one letter from "agente".
    real_words: &["gente"],
};

const FR: LanguageCues = LanguageCues {
    lang: Lang::Fr,
    classes: &[
        (
            "talk",
            "parler|discuter|echanger|parle|communiquer|joindre|contacter|avoir",
        ),
        ("det", "un|une|le|la|l|les|des|votre|vos|du"),
        ("person", "{alone}|service|gens|etre"),
        // A clause of just a noun asks for a person with these, not with words that are also
        // interjections or forms of address ("Les gens", "Service ?").
        (
            "alone",
            "humain|humaine|humains|personne|conseiller|conseillere|conseillers|agent|agents|operateur|operatrice|interlocuteur|interlocutrice|responsable|technicien|employe|employee|collaborateur|vendeur|superviseur|manager|gerant|support|quelquun|qqn",
        ),
        (
            "real",
            "vrai|vraie|vrais|veritable|reel|reelle|humain|humaine|physique|en_chair",
        ),
    ],
    requests: &[
        "{talk} ?a|avec|au|aux ?{det} ?{real} {person}",
        "{talk} ?a|avec quelqu ?un",
        "veux|voudrais|souhaite|souhaiterais|aimerais|exige|demande|prefere|faut ~3 humain|humaine|conseiller|conseillere|operateur|operatrice|agent|interlocuteur|responsable",
        "veux|voudrais|souhaite|aimerais ~3 vraie|vrai|veritable personne|humain|quelqu",
        "mettez|mets|mettre|passez|passe|passer|transferez|transfere|transferer|redirigez|orientez|connectez moi ~4 {person}",
        "mettez|mettre moi ~1 en relation|contact",
        "passer|passez|passe|mettre|transferer|joindre|parler|avoir|veux|voudrais|souhaite|aimerais|besoin ~3 conseiller|conseillere|humain|agent|operateur|operatrice|interlocuteur|responsable",
        "{real} {person}",
        "{person} humain|humaine|reel|reelle|vrai|vraie",
        "en chair et en os",
        "pas|plus ~3 robot|robots|bot|bots|machine|chatbot|automate",
        "pas|plus ~2 de|un|une|avec|le|ce ~1 robot|robots|bot|bots|machine|chatbot|automate|repondeur",
        "y_a_t_il|il_y_a|ya|y_a ~2 quelqu|quelquun|humain|conseiller",
        "quelqu un ~1 la|ici|de_vivant|de_reel",
        "^ ?bonjour ?il|y ~3 quelqu ?un ?la $",
        "^ un|une {person} ?svp|stp|s_il|merci ?vous|te ?plait $",
        "^ {person} svp|stp|s_il|merci ?vous|te ?plait $",
        "^ {alone} $",
        "^ ?service client ?svp|stp $",
        "quelqu|un_humain|une_personne|un_conseiller ~2 peut|pourrait|peuvent ~1 m|me|nous ~1 aider|rappeler|contacter|repondre",
        "rappelez|appelez|contactez moi",
        "me rappeler|recontacter",
    ],
    vetoes: &[
        "etes_vous|es_tu|c_est|est_ce|je_parle_a ~2 robot|bot|humain|humaine|personne|reel|reelle|machine",
        "ne suis pas ~1 robot|bot",
        "suis pas ~1 robot|bot",
        "corps|ressources|droits|erreur humain|humaine|humaines|humains",
        "devenir|travailler_comme|emploi|poste ~2 agent|conseiller|operateur",
    ],
    frustration: &[
        (
            "toujours|encore ~2 rien|pas|attente|attendre|attends|bloque",
            0.45,
            "still waiting or still broken",
        ),
        (
            "attends|attend|attendu ~3 heures|jours|semaines|mois",
            0.5,
            "waiting a long time",
        ),
        (
            "deuxieme|troisieme|quatrieme|cinquieme|enieme|nieme fois",
            0.55,
            "asking again",
        ),
        (
            "deja ~2 dit|demande|explique|ecrit|appele|essaye",
            0.5,
            "repeating themselves",
        ),
        ("combien de fois", 0.6, "repeating themselves"),
        (
            "inutile|nul|nulle|ridicule|absurde|inacceptable|honteux|honte|scandaleux|lamentable|pathetique|arnaque|n_importe_quoi",
            0.5,
            "calling the help useless or unacceptable",
        ),
        ("perte|perdre ~2 temps", 0.6, "wasting their time"),
        (
            "pire ~2 service|experience|entreprise",
            0.6,
            "worst experience",
        ),
        (
            "resilier|annuler|supprimer|fermer ~2 compte|abonnement|commande|contrat",
            0.35,
            "threatening to cancel",
        ),
        (
            "marre|ras_le_bol|en_ai_assez|en_peux_plus|saoule|gave",
            0.55,
            "fed up",
        ),
        (
            "merde|putain|bordel|chier|connerie|conneries",
            0.45,
            "swearing",
        ),
        (
            "ne|n ~2 marche|fonctionne|repond|aide ~1 pas|jamais|rien",
            0.35,
            "it does not work",
        ),
        (
            "enerve|enervee|fache|fachee|furieux|furieuse|decu|decue|frustre|frustree|agace|agacee",
            0.45,
            "says they are upset",
        ),
        (
            "plainte|avocat|reclamation|litige|signaler",
            0.45,
            "complaint or legal threat",
        ),
    ],
    confusion: &[
        (
            "comprends|comprend|compris ~1 pas|rien",
            0.55,
            "does not understand",
        ),
        (
            "que voulez_vous|veux_tu|veut_dire ~1 dire|$",
            0.55,
            "asks what was meant",
        ),
        ("aucun sens", 0.55, "makes no sense"),
        ("perdu|perdue|confus|confuse|embrouille", 0.45, "confused"),
        (
            "pas ce que ~2 demande|voulais|dit",
            0.55,
            "not what they asked",
        ),
        ("^ quoi|hein|pardon $", 0.4, "puzzled"),
    ],
    real_words: &[],
};

const DE: LanguageCues = LanguageCues {
    lang: Lang::De,
    classes: &[
        (
            "det",
            "einem|einer|einen|ein|eine|jemandem|jemanden|dem|der|den|ihrem|ihren|ihrer|echten",
        ),
        (
            "adj",
            "echten|echter|echte|richtigen|richtiger|realen|menschlichen|lebenden|zustandigen|zustaendigen",
        ),
        (
            "person",
            "{alone}|mensch|menschen|person|jemandem|jemanden|vorgesetzten|chef|service",
        ),
        (
            "talk",
            "sprechen|reden|chatten|schreiben|telefonieren|verbunden|verbinden|kontakt|sprechen?",
        ),
        // A clause of just a noun asks for a person with these, not with "Mensch" or "Chef",
        // which are also interjections and forms of address ("Mensch, das dauert ewig").
        (
            "alone",
            "mitarbeiter|mitarbeiterin|berater|beraterin|agent|agenten|kundenberater|kundenberaterin|kundendienst|kundenservice|support|jemand|sachbearbeiter|sachbearbeiterin|operator|ansprechpartner|ansprechpartnerin|techniker",
        ),
    ],
    requests: &[
        "mit|zum|zur ?{det} ?{adj} {person} ~2 {talk}",
        "{talk} ?mit ?{det} ?{adj} {person}",
        "{det} ?{adj} {person} ~2 sprechen|sehen|haben|bitte",
        "will|mochte|moechte|brauche|hatte|haette|wunsche|verlange|hätte ~3 mensch|menschen|mitarbeiter|mitarbeiterin|berater|beraterin|ansprechpartner|agenten|kundenberater",
        "verbinden|stellen|leiten|weiterleiten ~1 sie|du ~1 mich|uns ~4 {person}",
        "stellen|verbinden sie mich ~1 durch|weiter",
        "an ?{det} ?{adj} {person} ~1 weiterleiten|weitergeben|verbinden|durchstellen",
        "{adj} {person}",
        "echter|echte|echten|richtiger|realer mensch|person|mitarbeiter",
        "kein|keinen|keine ~2 bot|bots|roboter|chatbot|maschine|automat|computer",
        "nicht ~2 mit|dem ~1 bot|roboter|chatbot|maschine",
        "ist|sitzt ~2 jemand|ein_mensch|ein_mitarbeiter ~1 da|dort|hier|erreichbar|$",
        "^ ?hallo ?ist ~1 jemand ~1 da $",
        "^ ein|einen|eine {person} ?bitte|jetzt|sofort $",
        "^ {person} bitte|jetzt|sofort $",
        "^ {alone} $",
        "^ bitte ?ein|einen|eine {person} ?bitte $",
        "kann|konnte|koennte|konnen ~1 mir|uns ~1 ein|eine|jemand ?mensch|mitarbeiter|mitarbeiterin|berater ~1 helfen|weiterhelfen|zuruckrufen|anrufen",
        "kann|konnte ~1 mich ~1 jemand|ein_mitarbeiter ~1 anrufen|zuruckrufen|kontaktieren",
        "rufen|ruf|ruft ~1 sie|du ~1 mich ~1 an|zuruck",
        "ruckruf|rueckruf|anruf ~2 bitte|gewunscht|erwunscht",
        "jemand|jemanden|jemandem ~3 sprechen|reden|erreichen",
    ],
    vetoes: &[
        "bist_du|sind_sie|ist_das|ist_dies|rede_ich_mit ~3 bot|mensch|roboter|maschine|echt|echte|echter|person",
        "bin ~1 kein|keine ~1 roboter|bot",
        "menschliche|menschlichen ~1 korper|koerper|fehler|rechte",
        "personalabteilung|menschenrechte",
        "als ~2 berater|mitarbeiter|agent ~2 arbeiten|bewerben|werden",
    ],
    frustration: &[
        (
            "immer_noch|noch_immer|immernoch|weiterhin ~2 nichts|kein|keine|nicht|warten|warte",
            0.45,
            "still waiting or still broken",
        ),
        (
            "warte|warten|gewartet ~3 stunden|tage|tagen|wochen|monate|monaten",
            0.5,
            "waiting a long time",
        ),
        (
            "zweite|zweiten|dritte|dritten|vierte|vierten|funfte|x-te|xte ~1 mal",
            0.55,
            "asking again",
        ),
        (
            "schon|bereits ~3 gesagt|gefragt|erklart|geschrieben|angerufen|versucht",
            0.5,
            "repeating themselves",
        ),
        ("wie oft", 0.6, "repeating themselves"),
        (
            "nutzlos|sinnlos|lacherlich|unverschamt|inakzeptabel|frechheit|unmoglich|katastrophe|witz|schrott|mist|betrug|zumutung",
            0.5,
            "calling the help useless or unacceptable",
        ),
        (
            "zeitverschwendung|verschwendete_zeit",
            0.6,
            "wasting their time",
        ),
        (
            "schlechteste|schlechtester|schlimmste ~2 service|kundenservice|erfahrung|firma",
            0.6,
            "worst experience",
        ),
        (
            "kundige|kuendige|kundigen|stornieren|storniere|loschen ~2 konto|abo|vertrag|bestellung|account",
            0.35,
            "threatening to cancel",
        ),
        ("satt|reicht|genug|nase_voll|keine_lust_mehr", 0.5, "fed up"),
        (
            "scheiss|scheisse|scheiß|verdammt|verdammte|mist|kacke|fuck",
            0.45,
            "swearing",
        ),
        (
            "funktioniert|klappt|hilft|geht ~2 nicht|nie",
            0.35,
            "it does not work",
        ),
        (
            "wutend|sauer|verargert|genervt|enttauscht|frustriert|stinksauer",
            0.45,
            "says they are upset",
        ),
        (
            "beschwerde|anwalt|anzeige|verbraucherzentrale",
            0.45,
            "complaint or legal threat",
        ),
    ],
    confusion: &[
        ("verstehe ~2 nicht|nichts|kein", 0.55, "does not understand"),
        (
            "was meinen|meinst|bedeutet|heisst ~1 sie|du|das",
            0.55,
            "asks what was meant",
        ),
        ("ergibt|macht ~1 keinen sinn", 0.55, "makes no sense"),
        ("verwirrt|verwirrend|unklar", 0.45, "confused"),
        (
            "nicht was ich ~1 gefragt|gemeint|wollte",
            0.55,
            "not what they asked",
        ),
        ("^ was|wie_bitte|hae|hä $", 0.4, "puzzled"),
    ],
    real_words: &[],
};

const PT: LanguageCues = LanguageCues {
    lang: Lang::Pt,
    classes: &[
        (
            "talk",
            "falar|conversar|falo|fale|comunicar|contatar|contactar",
        ),
        ("det", "um|uma|o|a|algum|alguma|seu|sua"),
        ("person", "{alone}|gente|ser"),
        // A clause of just a noun asks for a person with these, not with words that are also
        // interjections or forms of address ("Gente, que demora!").
        (
            "alone",
            "pessoa|pessoas|humano|humana|humanos|atendente|atendentes|agente|operador|operadora|representante|consultor|consultora|gerente|supervisor|alguem|funcionario|funcionaria|tecnico|especialista|responsavel|suporte|atendimento",
        ),
        (
            "real",
            "real|reais|verdadeiro|verdadeira|de_verdade|vivo|humano|humana|de_carne_e_osso",
        ),
    ],
    requests: &[
        "{talk} com ?{det} {person} ?{real}",
        "quero|preciso|gostaria|prefiro|exijo|desejo ?de ?{talk} ?com ?{det} {person} ~1 real|humano|humana|verdade|$",
        "quero|preciso|gostaria|exijo ?de ?{det} atendente|humano|agente|operador|operadora|representante|consultor|gerente|supervisor",
        "me|nos transfira|transfere|transferir|passa|passe|coloca|coloque|encaminha|encaminhe|conecta|conecte ~2 {person}",
        "transfira|passe|coloque|encaminhe ~1 me|nos ~2 {person}",
        "pessoa|humano|atendente|alguem real|reais|verdadeira|verdadeiro|viva|de_verdade",
        "encaminhe|encaminha|transfira|transfere|passe|passa ?me para|pra|com ?{det} {person}",
        "atendido|atendida|atender|atenda por|com|me ~2 {person}",
        "nao quero|aguento ~3 robo|robos|bot|bots|maquina|chatbot|robozinho",
        "chega|basta de ~1 robo|robos|bot|bots|maquina",
        "tem|ha|existe ~1 alguem|algum_humano|uma_pessoa|algum_atendente ~1 ai|real|disponivel|aqui|$",
        "^ ?ola|oi ?tem alguem ?ai|aqui $",
        "^ um|uma {person} ?{real} ?por|pf|pfv|favor|agora ?favor $",
        "^ {person} ?{real} por|pf|pfv|favor|agora ?favor $",
        "^ {alone} ?{real} $",
        "alguem|uma_pessoa|um_atendente|um_humano ~1 pode|poderia|podem ~2 ajudar|atender|ligar|responder",
        "me_liga|me_ligue|ligue_me|liguem_me|me_liguem|me_retorne|retornem",
    ],
    vetoes: &[
        "voce_e|vc_e|e_um|e_uma|estou_falando_com ~2 robo|bot|humano|humana|pessoa|maquina|real",
        "nao sou ~1 robo|bot",
        "corpo|recursos|direitos|erro humano|humanos",
        "ser|trabalhar_como|vaga_de ~2 atendente|agente|operador",
    ],
    frustration: &[
        (
            "ainda|continuo ~2 esperando|sem|nada|nao",
            0.45,
            "still waiting or still broken",
        ),
        (
            "esperando ~2 horas|dias|semanas|meses",
            0.5,
            "waiting a long time",
        ),
        (
            "segunda|terceira|quarta|quinta|enesima vez",
            0.55,
            "asking again",
        ),
        (
            "ja ~2 disse|falei|perguntei|expliquei|escrevi|liguei|tentei",
            0.5,
            "repeating themselves",
        ),
        ("quantas vezes", 0.6, "repeating themselves"),
        (
            "inutil|inuteis|ridiculo|ridicula|absurdo|inaceitavel|vergonha|pessimo|pessima|lixo|palhacada|golpe",
            0.5,
            "calling the help useless or unacceptable",
        ),
        ("perda|perder ~2 tempo", 0.6, "wasting their time"),
        (
            "pior ~2 atendimento|servico|experiencia|empresa",
            0.6,
            "worst experience",
        ),
        (
            "cancelar|encerrar|excluir ~2 conta|assinatura|pedido|plano|contrato",
            0.35,
            "threatening to cancel",
        ),
        (
            "cansado|cansada|farto|farta|saco_cheio|nao_aguento",
            0.55,
            "fed up",
        ),
        ("merda|porra|caralho|droga|puta|foda", 0.45, "swearing"),
        (
            "nao funciona|resolve|ajuda|responde",
            0.35,
            "it does not work",
        ),
        (
            "irritado|irritada|bravo|brava|furioso|furiosa|chateado|chateada|frustrado|frustrada|decepcionado",
            0.45,
            "says they are upset",
        ),
        (
            "reclamacao|procon|advogado|processo|reclame_aqui",
            0.45,
            "complaint or legal threat",
        ),
    ],
    confusion: &[
        (
            "nao entendi|entendo|compreendi",
            0.55,
            "does not understand",
        ),
        ("quer dizer|$", 0.55, "asks what was meant"),
        ("nao faz sentido", 0.55, "makes no sense"),
        ("confuso|confusa|perdido|perdida", 0.45, "confused"),
        (
            "nao foi isso que ~1 perguntei|pedi|disse",
            0.55,
            "not what they asked",
        ),
        ("^ que|como|hein $", 0.35, "puzzled"),
    ],
    // "Pessoal" (folks) is one letter from "pessoas", "gente" (people, folks) from "agente".
    real_words: &["pessoal", "gente"],
};

const IT: LanguageCues = LanguageCues {
    lang: Lang::It,
    classes: &[
        (
            "talk",
            "parlare|parlo|chattare|conversare|comunicare|contattare|sentire|avere",
        ),
        (
            "det",
            "un|una|uno|l|il|la|lo|qualche|un_altro|vostro|vostra",
        ),
        ("person", "{alone}|servizio|essere"),
        // A clause of just a noun asks for a person with these, not with words that are also
        // interjections or forms of address ("Servizio pessimo").
        (
            "alone",
            "persona|persone|umano|umana|umani|operatore|operatrice|operatori|agente|addetto|addetta|consulente|responsabile|tecnico|impiegato|impiegata|dipendente|qualcuno|assistenza|supporto",
        ),
        (
            "real",
            "reale|vero|vera|veri|in_carne|umano|umana|vivo|viva",
        ),
    ],
    requests: &[
        "{talk} con ?{det} {person} ?{real}",
        "voglio|vorrei|preferirei|pretendo|chiedo|esigo ~3 operatore|operatrice|umano|persona|agente|addetto|responsabile|qualcuno",
        "ho bisogno di ~2 operatore|umano|persona|agente|qualcuno",
        "passami|passatemi|mi_passi|mi_passa|mettetemi|mettimi|mi_metta|trasferitemi|trasferiscimi|collegatemi|mi_colleghi ~3 {person}",
        "mettetemi|mettimi ~1 in contatto",
        "mi|ci passi|passa|passate|metti|mette|mettete|trasferisci|trasferisca|trasferite|colleghi|colleghiate ~2 {person}",
        "{person} umano|umana|reale|vero|vera",
        "persona|operatore|umano|qualcuno reale|vera|vero|in_carne",
        "essere umano",
        "non voglio|sopporto ~4 bot|robot|macchina|chatbot|risponditore",
        "mi serve|servirebbe|occorre ~1 {person}",
        "basta ~2 bot|robot|macchina|chatbot",
        "c_e|ce ~1 qualcuno|un_operatore|una_persona|un_umano",
        "^ ?ciao|salve ?c_e|ce qualcuno $",
        "^ un|una {person} ?per|grazie|subito|favore ?favore $",
        "^ {person} per|grazie|subito|favore ?favore $",
        "^ {alone} $",
        "qualcuno|un_operatore|una_persona|un_umano ~1 puo|potrebbe|possono ~2 aiutarmi|aiutare|richiamarmi|chiamarmi|rispondere",
        "richiamatemi|chiamatemi|mi_richiami|mi_chiami|mi_chiamate|richiamami",
    ],
    vetoes: &[
        "sei|e_un|e_una|sto_parlando_con ~2 bot|robot|umano|umana|persona|macchina|reale",
        "non sono ~1 un ~1 robot|bot",
        "corpo|risorse|diritti|errore umano|umane|umani",
        "diventare|lavorare_come|lavoro_come ~2 agente|operatore|consulente",
    ],
    frustration: &[
        (
            "ancora ~2 aspettando|niente|nulla|non",
            0.45,
            "still waiting or still broken",
        ),
        (
            "aspetto|aspettando|attesa ~3 ore|giorni|settimane|mesi",
            0.5,
            "waiting a long time",
        ),
        (
            "seconda|terza|quarta|quinta|ennesima volta",
            0.55,
            "asking again",
        ),
        (
            "gia ~2 detto|chiesto|spiegato|scritto|chiamato|provato",
            0.5,
            "repeating themselves",
        ),
        ("quante volte", 0.6, "repeating themselves"),
        (
            "inutile|inutili|ridicolo|ridicola|assurdo|inaccettabile|vergogna|vergognoso|pessimo|pessima|schifo|truffa|pagliacciata",
            0.5,
            "calling the help useless or unacceptable",
        ),
        ("perdita|perdere ~2 tempo", 0.6, "wasting their time"),
        (
            "peggior|peggiore ~2 servizio|assistenza|esperienza|azienda",
            0.6,
            "worst experience",
        ),
        (
            "disdire|annullare|cancellare|chiudere ~2 account|abbonamento|ordine|contratto",
            0.35,
            "threatening to cancel",
        ),
        (
            "stufo|stufa|stanco|stanca|basta_cosi|non_ne_posso_piu",
            0.55,
            "fed up",
        ),
        (
            "cazzo|merda|vaffanculo|porca|schifo|accidenti",
            0.45,
            "swearing",
        ),
        (
            "non funziona|serve|aiuta|risponde",
            0.35,
            "it does not work",
        ),
        (
            "arrabbiato|arrabbiata|furioso|furiosa|deluso|delusa|frustrato|frustrata|infastidito",
            0.45,
            "says they are upset",
        ),
        (
            "reclamo|avvocato|denuncia|segnalazione",
            0.45,
            "complaint or legal threat",
        ),
    ],
    confusion: &[
        ("non capisco|ho_capito|capito", 0.55, "does not understand"),
        (
            "cosa intendi|intende|vuol_dire|significa",
            0.55,
            "asks what was meant",
        ),
        ("non ha senso", 0.55, "makes no sense"),
        ("confuso|confusa|perso|persa", 0.45, "confused"),
        (
            "non e quello che ~1 ho ~1 chiesto|volevo",
            0.55,
            "not what they asked",
        ),
        ("^ cosa|come|eh $", 0.35, "puzzled"),
    ],
    real_words: &[],
};

const NL: LanguageCues = LanguageCues {
    lang: Lang::Nl,
    classes: &[
        ("talk", "praten|spreken|chatten|bellen|contact|spreek|praat"),
        ("det", "een|de|het|uw|jullie|iemand|echte|echt"),
        ("person", "{alone}|mens|mensen"),
        // A clause of just a noun asks for a person with these, not with words that are also
        // interjections or forms of address ("Mensen, wat duurt dit lang").
        (
            "alone",
            "medewerker|medewerkster|medewerkers|persoon|agent|iemand|klantenservice|operator|adviseur|leidinggevende|manager|supervisor|helpdesk|support|werknemer|collega",
        ),
        ("real", "echte|echt|levende|menselijke|werkelijke"),
    ],
    requests: &[
        "{talk} ~1 met ?{det} ?{real} {person}",
        "met ?{det} ?{real} {person} ~2 praten|spreken|chatten|bellen",
        "wil|wilt|zou|graag|moet ~3 mens|medewerker|medewerkster|echte_persoon|echt_iemand|adviseur|leidinggevende",
        "ik heb ~2 mens|medewerker|persoon ~1 nodig",
        "verbind|verbindt|zet|stuur ~1 me|mij|ons ~3 {person}",
        "doorverbinden|doorverbonden|doorschakelen",
        "verbind|verbindt|zet me|mij door",
        "iemand|een_mens|een_medewerker spreken|bellen|nodig",
        "iemand ~4 spreken|bellen|praten",
        "mag|kan|wil ik ~1 {det} ?{real} {person} spreken|bellen|aan",
        "wil|wilt|zou|graag|moet ~2 {det} ?{real} {person} spreken|bellen|praten|chatten|nodig",
        "{real} {person}",
        "geen ~2 bot|bots|robot|robots|chatbot|computer|machine",
        "niet ~2 met ~1 bot|robot|chatbot|computer",
        "is|zit ~1 er ~2 iemand|een_mens|een_medewerker",
        "^ ?hallo ?is daar ?iemand $",
        "^ een {person} ?alsjeblieft|aub|graag|nu|alstublieft $",
        "^ {person} alsjeblieft|aub|graag|nu|alstublieft $",
        "^ {alone} $",
        "kan|kunt|kunnen ~1 iemand|een_medewerker|een_mens ~2 helpen|bellen|terugbellen|contact",
        "bel|bellen ~1 me|mij ~1 terug|op|alsjeblieft",
        "terugbellen|terugbelverzoek",
    ],
    vetoes: &[
        "ben_jij|ben_je|bent_u|is_dit|praat_ik_met ~2 bot|robot|mens|echt|echte|persoon|computer",
        "ben ~1 geen ~1 robot|bot",
        "menselijk_lichaam|personeelszaken|mensenrechten|menselijke_fout",
        "worden|werken_als ~2 medewerker|agent",
    ],
    frustration: &[
        (
            "nog_steeds|nog_altijd|alweer ~2 niets|geen|niet|wachten",
            0.45,
            "still waiting or still broken",
        ),
        (
            "wacht|wachten|gewacht ~3 uur|uren|dagen|weken|maanden",
            0.5,
            "waiting a long time",
        ),
        (
            "tweede|derde|vierde|vijfde|zoveelste keer",
            0.55,
            "asking again",
        ),
        (
            "al ~2 gezegd|gevraagd|uitgelegd|geschreven|gebeld|geprobeerd",
            0.5,
            "repeating themselves",
        ),
        ("hoe vaak", 0.6, "repeating themselves"),
        (
            "nutteloos|zinloos|belachelijk|onacceptabel|schandalig|waardeloos|bagger|oplichting|lachertje",
            0.5,
            "calling the help useless or unacceptable",
        ),
        (
            "tijdverspilling|zonde_van_tijd|zonde_van_mijn_tijd",
            0.6,
            "wasting their time",
        ),
        (
            "slechtste ~2 service|klantenservice|ervaring|bedrijf",
            0.6,
            "worst experience",
        ),
        (
            "opzeggen|annuleren|verwijderen|stopzetten ~2 account|abonnement|bestelling|contract",
            0.35,
            "threatening to cancel",
        ),
        ("zat|beu|genoeg_van|klaar_mee", 0.55, "fed up"),
        (
            "kut|klote|verdomme|godverdomme|shit|tering",
            0.45,
            "swearing",
        ),
        ("werkt|helpt ~2 niet|nooit", 0.35, "it does not work"),
        (
            "boos|kwaad|woedend|geergerd|teleurgesteld|gefrustreerd|geirriteerd",
            0.45,
            "says they are upset",
        ),
        (
            "klacht|advocaat|aangifte",
            0.45,
            "complaint or legal threat",
        ),
    ],
    confusion: &[
        ("begrijp|snap ~2 niet|niets", 0.55, "does not understand"),
        ("wat bedoel ~1 je|u|jij|dat", 0.55, "asks what was meant"),
        ("slaat_nergens_op|geen_zin", 0.55, "makes no sense"),
        ("verward|onduidelijk|in_de_war", 0.45, "confused"),
        ("niet wat ik ~1 vroeg|bedoelde", 0.55, "not what they asked"),
        ("^ wat|huh|he $", 0.35, "puzzled"),
    ],
    real_words: &[],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::phrase::PhraseSetBuilder;

    #[test]
    fn placeholders() {
        let classes = [
            ("det", "a|the"),
            ("who", "human|person"),
            ("anyone", "{who}|someone"),
            ("loop", "{loop}|x"),
        ];
        let cases = [
            ("talk to {det} {who}", "talk to a|the human|person"),
            ("talk to {anyone}", "talk to human|person|someone"),
            ("{loop}", "{loop}|x|x"),
            ("{who}", "human|person"),
            ("{who}{det}", "human|persona|the"),
            ("no placeholder", "no placeholder"),
            ("{unknown} {det}", "{unknown} a|the"),
            ("open { brace {det}", "open { brace a|the"),
            ("unclosed {det", "unclosed {det"),
            ("", ""),
        ];
        for (pattern, filled) in cases {
            assert_eq!(expand(pattern, &classes), filled, "{pattern}");
        }
    }

    /// Every pattern of every list compiles once its placeholders are filled.
    #[test]
    fn every_pattern_compiles() {
        let mut builder = PhraseSetBuilder::default();
        for lang in LANGUAGES {
            let all = lang
                .requests
                .iter()
                .chain(lang.vetoes)
                .map(|p| p.to_string())
                .chain(lang.frustration.iter().map(|(p, ..)| p.to_string()))
                .chain(lang.confusion.iter().map(|(p, ..)| p.to_string()));
            for pattern in all {
                let filled = expand(&pattern, lang.classes);
                assert!(!filled.contains('{'), "{:?}: unfilled {filled}", lang.lang);
                builder
                    .add(&filled, ())
                    .unwrap_or_else(|e| panic!("{:?}: {pattern}: {e}", lang.lang));
            }
        }
        for pattern in BOT_FALLBACKS {
            builder.add(pattern, ()).unwrap();
        }
    }
}
