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
    /// The offer of a person, made when the conversation is going badly.
    pub offer: &'static str,
    /// Accepting the offer.
    pub offer_accept: &'static str,
    /// Declining the offer.
    pub offer_decline: &'static str,
    /// Heading of the handoff form.
    pub form_title: &'static str,
    /// Label of the optional name field.
    pub name_label: &'static str,
    /// Label of the email field.
    pub email_label: &'static str,
    /// Marks an optional field.
    pub optional: &'static str,
    /// Shown instead of the email field for a known visitor; `{email}` is filled in.
    pub known_email: &'static str,
    /// Error: the email is needed for this destination.
    pub email_required: &'static str,
    /// Error: the email address cannot be one.
    pub email_invalid: &'static str,
    /// Error: the consent box must be ticked.
    pub consent_required: &'static str,
    /// Introduces the summary that will be sent.
    pub preview: &'static str,
    /// Sends the handoff.
    pub submit: &'static str,
    /// Closes the form, or cancels a handoff not yet sent.
    pub cancel: &'static str,
    /// Status: waiting to be sent (offline or retrying).
    pub queued: &'static str,
    /// Status: waiting because the visitor's device is offline.
    pub offline: &'static str,
    /// Status: sent, not yet confirmed.
    pub sent: &'static str,
    /// Status: the team has it.
    pub delivered: &'static str,
    /// Status: could not be sent.
    pub failed: &'static str,
    /// Status: cancelled by the visitor.
    pub cancelled: &'static str,
    /// Tries a failed handoff again.
    pub retry: &'static str,
    /// The `mailto:` fallback link.
    pub email_us: &'static str,
    /// After delivery: how the answer will come.
    pub reply_here: &'static str,
    /// The embedded bot's reply when it has no answer.
    pub bot_unknown: &'static str,
    /// Shown when the site's own bot cannot be reached or gives an unreadable reply.
    pub bot_unavailable: &'static str,
    /// Accessible name of the group of quick-reply questions.
    pub suggestions: &'static str,
    /// Outside office hours; `{when}` is the next opening in the visitor's time.
    pub away: &'static str,
    /// Outside office hours, with no opening in the coming week.
    pub away_later: &'static str,
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
    offer: "It looks like I'm not getting this right. Would you like to talk to a person?",
    offer_accept: "Yes, talk to a person",
    offer_decline: "No thanks",
    form_title: "Talk to a person",
    name_label: "Your name",
    email_label: "Your email",
    optional: "optional",
    known_email: "We'll reply to {email}.",
    email_required: "Please enter your email so the team can reply.",
    email_invalid: "That doesn't look like an email address.",
    consent_required: "Please tick the box to continue.",
    preview: "We'll pass on this summary, so you don't have to repeat yourself:",
    submit: "Send to the team",
    cancel: "Cancel",
    queued: "Waiting to send… (we'll keep trying)",
    offline: "You're offline: it will be sent as soon as you're back online.",
    sent: "Sent to the team.",
    delivered: "The team has your message.",
    failed: "We couldn't send this.",
    cancelled: "Cancelled.",
    retry: "Try again",
    email_us: "Email us instead",
    reply_here: "A person will reply here or by email.",
    bot_unknown: "Sorry, I don't know the answer to that yet. You can rephrase it, pick a question below, or talk to a person.",
    bot_unavailable: "Sorry, I can't answer right now. Please try again in a moment, or talk to a person.",
    suggestions: "Suggested questions",
    away: "We're away right now. A person will reply by email from {when}.",
    away_later: "We're away right now. A person will reply by email as soon as possible.",
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
    offer: "Parece que no lo estoy entendiendo bien. ¿Quieres hablar con una persona?",
    offer_accept: "Sí, hablar con una persona",
    offer_decline: "No, gracias",
    form_title: "Hablar con una persona",
    name_label: "Tu nombre",
    email_label: "Tu correo electrónico",
    optional: "opcional",
    known_email: "Te responderemos a {email}.",
    email_required: "Escribe tu correo para que el equipo pueda responderte.",
    email_invalid: "Eso no parece un correo electrónico.",
    consent_required: "Marca la casilla para continuar.",
    preview: "Enviaremos este resumen para que no tengas que repetirte:",
    submit: "Enviar al equipo",
    cancel: "Cancelar",
    queued: "Pendiente de envío… (seguiremos intentándolo)",
    offline: "Estás sin conexión: se enviará en cuanto vuelvas a estar en línea.",
    sent: "Enviado al equipo.",
    delivered: "El equipo ha recibido tu mensaje.",
    failed: "No hemos podido enviarlo.",
    cancelled: "Cancelado.",
    retry: "Reintentar",
    email_us: "Escríbenos por correo",
    reply_here: "Una persona te responderá aquí o por correo.",
    bot_unknown: "Lo siento, no sé la respuesta a eso todavía. Puedes reformularlo, elegir una pregunta de abajo o hablar con una persona.",
    bot_unavailable: "Lo siento, ahora no puedo responder. Vuelve a intentarlo en un momento o habla con una persona.",
    suggestions: "Preguntas sugeridas",
    away: "Ahora no estamos disponibles. Una persona te responderá por correo a partir del {when}.",
    away_later: "Ahora no estamos disponibles. Una persona te responderá por correo lo antes posible.",
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
    offer: "On dirait que je ne vous aide pas bien. Voulez-vous parler à une personne ?",
    offer_accept: "Oui, parler à une personne",
    offer_decline: "Non merci",
    form_title: "Parler à une personne",
    name_label: "Votre nom",
    email_label: "Votre e-mail",
    optional: "facultatif",
    known_email: "Nous vous répondrons à {email}.",
    email_required: "Indiquez votre e-mail pour que l’équipe puisse vous répondre.",
    email_invalid: "Cette adresse e-mail ne semble pas valide.",
    consent_required: "Cochez la case pour continuer.",
    preview: "Nous transmettrons ce résumé, pour que vous n’ayez pas à vous répéter :",
    submit: "Envoyer à l’équipe",
    cancel: "Annuler",
    queued: "En attente d’envoi… (nous réessayons)",
    offline: "Vous êtes hors ligne : l’envoi se fera dès votre retour en ligne.",
    sent: "Envoyé à l’équipe.",
    delivered: "L’équipe a bien reçu votre message.",
    failed: "L’envoi n’a pas abouti.",
    cancelled: "Annulé.",
    retry: "Réessayer",
    email_us: "Nous écrire par e-mail",
    reply_here: "Une personne vous répondra ici ou par e-mail.",
    bot_unknown: "Désolé, je ne sais pas encore répondre à cela. Reformulez, choisissez une question ci-dessous ou parlez à une personne.",
    bot_unavailable: "Désolé, je ne peux pas répondre pour le moment. Réessayez dans un instant ou parlez à une personne.",
    suggestions: "Questions suggérées",
    away: "Nous sommes absents pour le moment. Une personne vous répondra par e-mail à partir de {when}.",
    away_later: "Nous sommes absents pour le moment. Une personne vous répondra par e-mail dès que possible.",
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
    offer: "Ich scheine Ihnen nicht richtig zu helfen. Möchten Sie mit einem Menschen sprechen?",
    offer_accept: "Ja, mit einem Menschen sprechen",
    offer_decline: "Nein danke",
    form_title: "Mit einem Menschen sprechen",
    name_label: "Ihr Name",
    email_label: "Ihre E-Mail-Adresse",
    optional: "optional",
    known_email: "Wir antworten an {email}.",
    email_required: "Bitte geben Sie Ihre E-Mail-Adresse an, damit das Team antworten kann.",
    email_invalid: "Das sieht nicht wie eine E-Mail-Adresse aus.",
    consent_required: "Bitte setzen Sie das Häkchen, um fortzufahren.",
    preview: "Wir geben diese Zusammenfassung weiter, damit Sie nichts wiederholen müssen:",
    submit: "An das Team senden",
    cancel: "Abbrechen",
    queued: "Wartet auf Versand… (wir versuchen es weiter)",
    offline: "Sie sind offline: Es wird gesendet, sobald Sie wieder online sind.",
    sent: "An das Team gesendet.",
    delivered: "Das Team hat Ihre Nachricht erhalten.",
    failed: "Das Senden ist fehlgeschlagen.",
    cancelled: "Abgebrochen.",
    retry: "Erneut versuchen",
    email_us: "Stattdessen per E-Mail schreiben",
    reply_here: "Ein Mensch antwortet hier oder per E-Mail.",
    bot_unknown: "Tut mir leid, das weiß ich nicht. Formulieren Sie es anders, wählen Sie unten eine Frage oder sprechen Sie mit einem Menschen.",
    bot_unavailable: "Tut mir leid, ich kann gerade nicht antworten. Versuchen Sie es gleich noch einmal oder sprechen Sie mit einem Menschen.",
    suggestions: "Vorgeschlagene Fragen",
    away: "Wir sind gerade nicht da. Ein Mensch antwortet per E-Mail ab {when}.",
    away_later: "Wir sind gerade nicht da. Ein Mensch antwortet so bald wie möglich per E-Mail.",
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
    offer: "Parece que não estou a conseguir ajudar. Quer falar com uma pessoa?",
    offer_accept: "Sim, falar com uma pessoa",
    offer_decline: "Não, obrigado",
    form_title: "Falar com uma pessoa",
    name_label: "O seu nome",
    email_label: "O seu e-mail",
    optional: "opcional",
    known_email: "Responderemos para {email}.",
    email_required: "Indique o seu e-mail para que a equipa possa responder.",
    email_invalid: "Isso não parece um endereço de e-mail.",
    consent_required: "Marque a caixa para continuar.",
    preview: "Vamos enviar este resumo, para não ter de se repetir:",
    submit: "Enviar à equipa",
    cancel: "Cancelar",
    queued: "A aguardar envio… (continuamos a tentar)",
    offline: "Está sem ligação: será enviado assim que voltar a estar online.",
    sent: "Enviado à equipa.",
    delivered: "A equipa recebeu a sua mensagem.",
    failed: "Não foi possível enviar.",
    cancelled: "Cancelado.",
    retry: "Tentar novamente",
    email_us: "Enviar-nos um e-mail",
    reply_here: "Uma pessoa responderá aqui ou por e-mail.",
    bot_unknown: "Desculpe, não sei a resposta a isso. Pode reformular, escolher uma pergunta abaixo ou falar com uma pessoa.",
    bot_unavailable: "Desculpe, não consigo responder agora. Tente de novo daqui a pouco ou fale com uma pessoa.",
    suggestions: "Perguntas sugeridas",
    away: "Neste momento não estamos disponíveis. Uma pessoa responderá por e-mail a partir de {when}.",
    away_later: "Neste momento não estamos disponíveis. Uma pessoa responderá por e-mail assim que possível.",
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
    offer: "Sembra che non ti stia aiutando bene. Vuoi parlare con una persona?",
    offer_accept: "Sì, parla con una persona",
    offer_decline: "No, grazie",
    form_title: "Parla con una persona",
    name_label: "Il tuo nome",
    email_label: "La tua email",
    optional: "facoltativo",
    known_email: "Ti risponderemo a {email}.",
    email_required: "Inserisci la tua email così il team può risponderti.",
    email_invalid: "Non sembra un indirizzo email.",
    consent_required: "Spunta la casella per continuare.",
    preview: "Invieremo questo riepilogo, così non dovrai ripeterti:",
    submit: "Invia al team",
    cancel: "Annulla",
    queued: "In attesa di invio… (continuiamo a provare)",
    offline: "Sei offline: verrà inviato appena torni online.",
    sent: "Inviato al team.",
    delivered: "Il team ha ricevuto il tuo messaggio.",
    failed: "Non è stato possibile inviarlo.",
    cancelled: "Annullato.",
    retry: "Riprova",
    email_us: "Scrivici via email",
    reply_here: "Una persona ti risponderà qui o via email.",
    bot_unknown: "Mi dispiace, non so rispondere a questo. Puoi riformulare, scegliere una domanda qui sotto o parlare con una persona.",
    bot_unavailable: "Mi dispiace, ora non riesco a rispondere. Riprova tra poco o parla con una persona.",
    suggestions: "Domande suggerite",
    away: "Al momento non siamo disponibili. Una persona ti risponderà via email da {when}.",
    away_later: "Al momento non siamo disponibili. Una persona ti risponderà via email appena possibile.",
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
    offer: "Het lijkt erop dat ik je niet goed help. Wil je met een medewerker praten?",
    offer_accept: "Ja, met een medewerker praten",
    offer_decline: "Nee, bedankt",
    form_title: "Praat met een medewerker",
    name_label: "Je naam",
    email_label: "Je e-mailadres",
    optional: "optioneel",
    known_email: "We antwoorden naar {email}.",
    email_required: "Vul je e-mailadres in zodat het team kan antwoorden.",
    email_invalid: "Dat lijkt geen e-mailadres.",
    consent_required: "Vink het vakje aan om verder te gaan.",
    preview: "We geven deze samenvatting door, zodat je niets hoeft te herhalen:",
    submit: "Naar het team sturen",
    cancel: "Annuleren",
    queued: "Wacht op verzending… (we blijven het proberen)",
    offline: "Je bent offline: het wordt verstuurd zodra je weer online bent.",
    sent: "Naar het team verstuurd.",
    delivered: "Het team heeft je bericht.",
    failed: "Versturen is niet gelukt.",
    cancelled: "Geannuleerd.",
    retry: "Opnieuw proberen",
    email_us: "Mail ons liever",
    reply_here: "Een medewerker antwoordt hier of per e-mail.",
    bot_unknown: "Sorry, dat weet ik niet. Formuleer het anders, kies hieronder een vraag of praat met een medewerker.",
    bot_unavailable: "Sorry, ik kan nu niet antwoorden. Probeer het zo opnieuw of praat met een medewerker.",
    suggestions: "Voorgestelde vragen",
    away: "We zijn er nu niet. Een medewerker antwoordt per e-mail vanaf {when}.",
    away_later: "We zijn er nu niet. Een medewerker antwoordt zo snel mogelijk per e-mail.",
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
    offer: "يبدو أنني لا أساعدك كما يجب. هل تريد التحدث إلى شخص؟",
    offer_accept: "نعم، أريد التحدث إلى شخص",
    offer_decline: "لا، شكرًا",
    form_title: "التحدث إلى شخص",
    name_label: "اسمك",
    email_label: "بريدك الإلكتروني",
    optional: "اختياري",
    known_email: "سنرد على {email}.",
    email_required: "يرجى إدخال بريدك الإلكتروني ليتمكن الفريق من الرد.",
    email_invalid: "لا يبدو هذا عنوان بريد إلكتروني.",
    consent_required: "يرجى تحديد المربع للمتابعة.",
    preview: "سنرسل هذا الملخص حتى لا تضطر إلى التكرار:",
    submit: "إرسال إلى الفريق",
    cancel: "إلغاء",
    queued: "بانتظار الإرسال… (سنواصل المحاولة)",
    offline: "أنت غير متصل: سيُرسل فور عودتك إلى الاتصال.",
    sent: "أُرسل إلى الفريق.",
    delivered: "استلم الفريق رسالتك.",
    failed: "تعذّر الإرسال.",
    cancelled: "أُلغي.",
    retry: "إعادة المحاولة",
    email_us: "راسلنا عبر البريد الإلكتروني",
    reply_here: "سيرد عليك شخص هنا أو عبر البريد الإلكتروني.",
    bot_unknown: "عذرًا، لا أعرف الإجابة عن ذلك. يمكنك إعادة الصياغة أو اختيار سؤال أدناه أو التحدث إلى شخص.",
    bot_unavailable: "عذرًا، لا يمكنني الرد الآن. حاول مرة أخرى بعد قليل أو تحدث إلى شخص.",
    suggestions: "أسئلة مقترحة",
    away: "نحن غير متاحين الآن. سيرد عليك شخص عبر البريد الإلكتروني ابتداءً من {when}.",
    away_later: "نحن غير متاحين الآن. سيرد عليك شخص عبر البريد الإلكتروني في أقرب وقت ممكن.",
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
    offer: "נראה שאני לא מצליח לעזור. האם תרצה לדבר עם נציג?",
    offer_accept: "כן, לדבר עם נציג",
    offer_decline: "לא, תודה",
    form_title: "לדבר עם נציג",
    name_label: "השם שלך",
    email_label: "האימייל שלך",
    optional: "לא חובה",
    known_email: "נשיב אל {email}.",
    email_required: "נא להזין אימייל כדי שהצוות יוכל להשיב.",
    email_invalid: "זו לא נראית כתובת אימייל.",
    consent_required: "נא לסמן את התיבה כדי להמשיך.",
    preview: "נעביר את הסיכום הזה, כדי שלא תצטרך לחזור על עצמך:",
    submit: "שליחה לצוות",
    cancel: "ביטול",
    queued: "ממתין לשליחה… (ננסה שוב)",
    offline: "אין חיבור לרשת: זה יישלח ברגע שהחיבור יחזור.",
    sent: "נשלח לצוות.",
    delivered: "הצוות קיבל את ההודעה שלך.",
    failed: "לא הצלחנו לשלוח.",
    cancelled: "בוטל.",
    retry: "לנסות שוב",
    email_us: "לשלוח לנו אימייל",
    reply_here: "נציג ישיב כאן או באימייל.",
    bot_unknown: "מצטער, אני לא יודע את התשובה לזה. אפשר לנסח מחדש, לבחור שאלה למטה או לדבר עם נציג.",
    bot_unavailable: "מצטער, אני לא יכול לענות כרגע. נסו שוב בעוד רגע או דברו עם נציג.",
    suggestions: "שאלות מוצעות",
    away: "אנחנו לא זמינים כרגע. נציג ישיב באימייל החל מ-{when}.",
    away_later: "אנחנו לא זמינים כרגע. נציג ישיב באימייל בהקדם האפשרי.",
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

/// Whether a bot message is the widget's own "I don't know" or "I can't answer now", in any
/// language: a reload replays it into the policy as a failure.
pub fn is_bot_unknown(text: &str) -> bool {
    Lang::ALL.iter().any(|lang| {
        let strings = lang.strings();
        text == strings.bot_unknown || text == strings.bot_unavailable
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
                s.offer,
                s.offer_accept,
                s.offer_decline,
                s.form_title,
                s.name_label,
                s.email_label,
                s.optional,
                s.known_email,
                s.email_required,
                s.email_invalid,
                s.consent_required,
                s.preview,
                s.submit,
                s.cancel,
                s.queued,
                s.offline,
                s.sent,
                s.delivered,
                s.failed,
                s.cancelled,
                s.retry,
                s.email_us,
                s.reply_here,
                s.bot_unknown,
                s.bot_unavailable,
                s.suggestions,
                s.away,
                s.away_later,
            ];
            assert!(s.away.contains("{when}"), "{lang:?}");
            assert!(s.known_email.contains("{email}"), "{lang:?}");
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
    fn the_bots_own_fallbacks_are_recognised() {
        let detector = crate::detect::shared();
        for lang in Lang::ALL {
            let text = lang.strings().bot_unknown;
            assert!(is_bot_unknown(text));
            assert!(is_bot_unknown(lang.strings().bot_unavailable));
            // The detector knows the cue-listed languages' fallbacks on its own too.
            if !lang.is_rtl() {
                assert!(detector.is_bot_fallback(text), "{lang:?}: {text}");
            }
        }
        assert!(!is_bot_unknown("Usually 3 to 5 working days."));
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
