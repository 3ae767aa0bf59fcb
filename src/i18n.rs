//! UI strings in the supported languages, and picking one from the config, the page and the
//! browser. Pure: the shell passes the candidate tags in.

/// A language the widget's own strings are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (the fallback).
    En,
    /// Spanish.
    Es,
    /// French.
    Fr,
    /// German.
    De,
    /// Portuguese.
    Pt,
    /// Italian.
    It,
    /// Dutch.
    Nl,
    /// Arabic (right to left).
    Ar,
    /// Hebrew (right to left).
    He,
}

/// Every UI string the widget shows or announces. `{n}`, `{max}` and `{title}` are filled in
/// with [`fill`].
#[derive(Debug)]
pub struct Strings {
    /// Title when the site owner sets none.
    pub default_title: &'static str,
    /// Launcher's accessible name while the panel is closed.
    pub open_chat: &'static str,
    /// Close button's accessible name.
    pub close_chat: &'static str,
    /// Unread badge, spoken with the launcher's name; `{n}` is the count.
    pub unread: &'static str,
    /// Accessible name of the message log.
    pub conversation: &'static str,
    /// Accessible name of the message box.
    pub message: &'static str,
    /// Placeholder of the message box.
    pub placeholder: &'static str,
    /// Send button.
    pub send: &'static str,
    /// The always-reachable "talk to a human" button.
    pub talk_to_human: &'static str,
    /// Typing indicator, spoken while the bot is working.
    pub typing: &'static str,
    /// Screen-reader prefix of the visitor's own messages.
    pub you: &'static str,
    /// Screen-reader prefix of the bot's messages.
    pub assistant: &'static str,
    /// Screen-reader prefix of a human agent's messages.
    pub agent: &'static str,
    /// Screen-reader prefix of system notices.
    pub notice: &'static str,
    /// Shown under the message box when a message is over the limit.
    pub too_long: &'static str,
    /// Keyboard hint tied to the message box.
    pub composer_hint: &'static str,
}

const EN: Strings = Strings {
    default_title: "Support",
    open_chat: "Open chat",
    close_chat: "Close chat",
    unread: "{n} unread",
    conversation: "Conversation",
    message: "Message",
    placeholder: "Type your message…",
    send: "Send",
    talk_to_human: "Talk to a human",
    typing: "Typing…",
    you: "You",
    assistant: "Assistant",
    agent: "Agent",
    notice: "Notice",
    too_long: "Too long: {n} of {max} characters",
    composer_hint: "Enter sends, Shift+Enter adds a new line",
};

const ES: Strings = Strings {
    default_title: "Soporte",
    open_chat: "Abrir chat",
    close_chat: "Cerrar chat",
    unread: "{n} sin leer",
    conversation: "Conversación",
    message: "Mensaje",
    placeholder: "Escribe tu mensaje…",
    send: "Enviar",
    talk_to_human: "Hablar con una persona",
    typing: "Escribiendo…",
    you: "Tú",
    assistant: "Asistente",
    agent: "Agente",
    notice: "Aviso",
    too_long: "Demasiado largo: {n} de {max} caracteres",
    composer_hint: "Intro envía, Mayús+Intro añade una línea",
};

const FR: Strings = Strings {
    default_title: "Assistance",
    open_chat: "Ouvrir le chat",
    close_chat: "Fermer le chat",
    unread: "non lus : {n}",
    conversation: "Conversation",
    message: "Message",
    placeholder: "Écrivez votre message…",
    send: "Envoyer",
    talk_to_human: "Parler à une personne",
    typing: "En train d’écrire…",
    you: "Vous",
    assistant: "Assistant",
    agent: "Conseiller",
    notice: "Info",
    too_long: "Trop long : {n} caractères sur {max}",
    composer_hint: "Entrée pour envoyer, Maj+Entrée pour aller à la ligne",
};

const DE: Strings = Strings {
    default_title: "Support",
    open_chat: "Chat öffnen",
    close_chat: "Chat schließen",
    unread: "{n} ungelesen",
    conversation: "Unterhaltung",
    message: "Nachricht",
    placeholder: "Nachricht eingeben…",
    send: "Senden",
    talk_to_human: "Mit einem Menschen sprechen",
    typing: "Schreibt…",
    you: "Sie",
    assistant: "Assistent",
    agent: "Mitarbeiter",
    notice: "Hinweis",
    too_long: "Zu lang: {n} von {max} Zeichen",
    composer_hint: "Eingabe sendet, Umschalt+Eingabe für eine neue Zeile",
};

const PT: Strings = Strings {
    default_title: "Suporte",
    open_chat: "Abrir chat",
    close_chat: "Fechar chat",
    unread: "{n} não lidas",
    conversation: "Conversa",
    message: "Mensagem",
    placeholder: "Escreva sua mensagem…",
    send: "Enviar",
    talk_to_human: "Falar com uma pessoa",
    typing: "Digitando…",
    you: "Você",
    assistant: "Assistente",
    agent: "Atendente",
    notice: "Aviso",
    too_long: "Longa demais: {n} de {max} caracteres",
    composer_hint: "Enter envia, Shift+Enter cria uma nova linha",
};

const IT: Strings = Strings {
    default_title: "Assistenza",
    open_chat: "Apri la chat",
    close_chat: "Chiudi la chat",
    unread: "{n} non letti",
    conversation: "Conversazione",
    message: "Messaggio",
    placeholder: "Scrivi il tuo messaggio…",
    send: "Invia",
    talk_to_human: "Parla con una persona",
    typing: "Sta scrivendo…",
    you: "Tu",
    assistant: "Assistente",
    agent: "Operatore",
    notice: "Avviso",
    too_long: "Troppo lungo: {n} caratteri su {max}",
    composer_hint: "Invio per inviare, Maiusc+Invio per andare a capo",
};

const NL: Strings = Strings {
    default_title: "Klantenservice",
    open_chat: "Chat openen",
    close_chat: "Chat sluiten",
    unread: "{n} ongelezen",
    conversation: "Gesprek",
    message: "Bericht",
    placeholder: "Typ je bericht…",
    send: "Versturen",
    talk_to_human: "Praat met een mens",
    typing: "Typt…",
    you: "Jij",
    assistant: "Assistent",
    agent: "Medewerker",
    notice: "Melding",
    too_long: "Te lang: {n} van {max} tekens",
    composer_hint: "Enter verstuurt, Shift+Enter begint een nieuwe regel",
};

const AR: Strings = Strings {
    default_title: "الدعم",
    open_chat: "فتح المحادثة",
    close_chat: "إغلاق المحادثة",
    unread: "غير مقروءة: {n}",
    conversation: "المحادثة",
    message: "الرسالة",
    placeholder: "اكتب رسالتك…",
    send: "إرسال",
    talk_to_human: "التحدث مع موظف",
    typing: "يكتب…",
    you: "أنت",
    assistant: "المساعد",
    agent: "الموظف",
    notice: "تنبيه",
    too_long: "الرسالة طويلة جدًا: {n} من {max} حرفًا",
    composer_hint: "Enter للإرسال، Shift+Enter لسطر جديد",
};

const HE: Strings = Strings {
    default_title: "תמיכה",
    open_chat: "פתיחת הצ׳אט",
    close_chat: "סגירת הצ׳אט",
    unread: "לא נקראו: {n}",
    conversation: "שיחה",
    message: "הודעה",
    placeholder: "הקלידו הודעה…",
    send: "שליחה",
    talk_to_human: "שיחה עם נציג",
    typing: "מקליד…",
    you: "את/ה",
    assistant: "עוזר",
    agent: "נציג",
    notice: "עדכון",
    too_long: "ארוכה מדי: {n} מתוך {max} תווים",
    composer_hint: "Enter לשליחה, Shift+Enter לשורה חדשה",
};

impl Lang {
    /// Every supported language.
    pub const ALL: [Lang; 9] = [
        Lang::En,
        Lang::Es,
        Lang::Fr,
        Lang::De,
        Lang::Pt,
        Lang::It,
        Lang::Nl,
        Lang::Ar,
        Lang::He,
    ];

    /// The primary language subtag (`"pt"`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Pt => "pt",
            Lang::It => "it",
            Lang::Nl => "nl",
            Lang::Ar => "ar",
            Lang::He => "he",
        }
    }

    /// The language of a BCP 47 tag, if its strings exist (`"pt-BR"` → Portuguese; the old
    /// Hebrew code `iw` counts as Hebrew).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if primary == "iw" {
            return Some(Lang::He);
        }
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }

    /// Whether text in this language runs right to left.
    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar | Lang::He)
    }

    /// The UI strings.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Es => &ES,
            Lang::Fr => &FR,
            Lang::De => &DE,
            Lang::Pt => &PT,
            Lang::It => &IT,
            Lang::Nl => &NL,
            Lang::Ar => &AR,
            Lang::He => &HE,
        }
    }
}

/// The language picked for the UI and the tag to put in the widget's `lang` attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locale {
    /// Whose strings are shown.
    pub lang: Lang,
    /// The full tag that matched (`"pt-BR"`), or the language code for the fallback.
    pub tag: String,
}

/// Picks the first candidate tag whose language has strings, in order of preference:
/// the config's `locale`, then the page's `<html lang>`, then `navigator.languages`.
/// English when nothing matches.
pub fn negotiate<'a>(candidates: impl IntoIterator<Item = &'a str>) -> Locale {
    candidates
        .into_iter()
        .filter(|tag| !tag.trim().is_empty() && *tag != "auto")
        .find_map(|tag| {
            Lang::from_tag(tag).map(|lang| Locale {
                lang,
                tag: tag.trim().replace('_', "-"),
            })
        })
        .unwrap_or(Locale {
            lang: Lang::En,
            tag: "en".into(),
        })
}

/// Fills `{name}` placeholders. Unknown placeholders stay as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_order_and_fallback() {
        let cases: &[(&[&str], Lang, &str)] = &[
            (&[], Lang::En, "en"),
            (&["auto", "fr-CA", "de"], Lang::Fr, "fr-CA"),
            (&["", "zh-CN", "pt_BR"], Lang::Pt, "pt-BR"),
            (&["ja", "ko"], Lang::En, "en"),
            (&["iw-IL"], Lang::He, "iw-IL"),
            (&["AR"], Lang::Ar, "AR"),
            (&["nl-BE", "en"], Lang::Nl, "nl-BE"),
        ];
        for (candidates, lang, tag) in cases {
            let locale = negotiate(candidates.iter().copied());
            assert_eq!(
                (locale.lang, locale.tag.as_str()),
                (*lang, *tag),
                "{candidates:?}"
            );
        }
    }

    #[test]
    fn rtl_languages() {
        let rtl: Vec<Lang> = Lang::ALL.into_iter().filter(|l| l.is_rtl()).collect();
        assert_eq!(rtl, [Lang::Ar, Lang::He]);
    }

    #[test]
    fn every_language_has_every_string_with_its_placeholders() {
        for lang in Lang::ALL {
            let s = lang.strings();
            let all = [
                s.default_title,
                s.open_chat,
                s.close_chat,
                s.unread,
                s.conversation,
                s.message,
                s.placeholder,
                s.send,
                s.talk_to_human,
                s.typing,
                s.you,
                s.assistant,
                s.agent,
                s.notice,
                s.too_long,
                s.composer_hint,
            ];
            assert!(all.iter().all(|t| !t.trim().is_empty()), "{lang:?}");
            assert!(s.unread.contains("{n}"), "{lang:?}");
            assert!(
                s.too_long.contains("{n}") && s.too_long.contains("{max}"),
                "{lang:?}"
            );
            if lang != Lang::En {
                assert!(
                    !std::ptr::eq(s, Lang::En.strings()),
                    "{lang:?} falls back to English"
                );
                assert_ne!(s.talk_to_human, EN.talk_to_human, "{lang:?}");
            }
        }
    }

    #[test]
    fn filling() {
        assert_eq!(
            fill("{n} of {max}", &[("n", "5"), ("max", "10")]),
            "5 of 10"
        );
        assert_eq!(fill("{other}", &[("n", "1")]), "{other}");
    }
}
