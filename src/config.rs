//! The site owner's configuration: one serde struct with defaults, read from the embed
//! script's `data-*` attributes and `window.HandoverConfig`, validated once at boot.
//!
//! Everything here is pure: the browser shell hands over the raw attributes and the JSON of
//! `HandoverConfig`, and gets back either a [`Config`] it can trust or a [`ConfigError`] that
//! names every bad field, written for the site owner reading the console.

use crate::detect::phrase::PhraseSetBuilder;
use crate::escalate::Thresholds;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

/// Longest accepted widget title, in characters.
pub const MAX_TITLE_CHARS: usize = 80;
/// Longest accepted greeting, in characters.
pub const MAX_GREETING_CHARS: usize = 600;

/// Which side of the viewport the launcher sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// Bottom right (the default; mirrored to the left in right-to-left locales is *not*
    /// done automatically, because site owners place it to avoid their own page furniture).
    #[default]
    Right,
    /// Bottom left.
    Left,
}

/// Colour scheme of the widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the visitor's `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Where the conversation is kept between page loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StorageMode {
    /// `localStorage`: survives navigation and restarts, shared by the site's tabs.
    #[default]
    Local,
    /// `sessionStorage`: survives navigation within one tab only.
    Session,
    /// Nothing is written; the conversation ends with the page.
    Memory,
}

/// The kinds of handoff destination (see DESIGN.md, "Destinations").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DestinationKind {
    /// Generic JSON webhook receiving payload v1.
    #[default]
    Webhook,
    /// Slack incoming webhook.
    Slack,
    /// Zendesk Requests API (anonymous request).
    Zendesk,
    /// Zoho Desk Web-to-Case form.
    Zoho,
    /// A form-to-email relay endpoint.
    Email,
}

impl DestinationKind {
    /// The name used in config and in events.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Webhook => "webhook",
            Self::Slack => "slack",
            Self::Zendesk => "zendesk",
            Self::Zoho => "zoho",
            Self::Email => "email",
        }
    }
}

/// One place a handoff is delivered to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Destination {
    /// What the endpoint speaks.
    pub kind: DestinationKind,
    /// Full URL the request goes to (absolute, or a path on the page's own origin).
    pub endpoint: String,
    /// Extra request headers (`webhook` only), e.g. a shared secret for a relay.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
    /// Hidden form values of a Zoho Web-to-Case form (`zoho` only), sent unchanged.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
    /// Address the relay sends to (`email` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// The kind of the site owner's own bot (README, "Your own bot").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BotKind {
    /// The generic JSON contract: `{message, history, visitor, context}` in, `{reply,
    /// confident, handoff}` out.
    Json,
    /// Rasa's REST channel.
    Rasa,
}

/// Where the embedded bot's FAQ comes from (DESIGN.md, "FAQ file").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FaqSource {
    /// A URL to fetch it from, relative to the page or absolute.
    Url(String),
    /// The FAQ itself, inline in `HandoverConfig`.
    Inline(Value),
}

/// The whole configuration. Every key has a default, so an empty config is valid.
///
/// Keys are snake_case in `window.HandoverConfig` and kebab-case as `data-*` attributes of the
/// script tag (`data-office-hours` sets `office_hours`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Title in the panel header and the launcher's accessible name. Default: "Support",
    /// in the visitor's language.
    pub title: Option<String>,
    /// Shorthand for one destination: its URL (with `destination`).
    pub endpoint: Option<String>,
    /// Shorthand for one destination: its kind (with `endpoint`). Default `webhook`.
    pub destination: Option<DestinationKind>,
    /// Several destinations at once; each is delivered to independently.
    pub destinations: Vec<Destination>,
    /// Launcher side.
    pub position: Position,
    /// Colour scheme.
    pub theme: Theme,
    /// UI language as a BCP 47 tag (`fr`, `pt-BR`); `None` or `"auto"` picks it from the
    /// page's `lang` and the browser's languages.
    pub locale: Option<String>,
    /// Open the panel on first load.
    pub open: bool,
    /// First message shown in an empty conversation.
    pub greeting: Option<String>,
    /// Where the conversation is kept between page loads.
    pub storage: StorageMode,
    /// Extra phrases that count as asking for a person, in any language, in the phrase
    /// syntax of the README ("speak to Maria", "ask|call ~1 the owner").
    pub human_phrases: Vec<String>,
    /// Thresholds of the escalation policy.
    pub escalation: Thresholds,
    /// Address of the `mailto:` fallback offered when a handoff cannot be delivered.
    /// Default: the `to` of an `email` destination, else none (the mail client asks).
    pub fallback_email: Option<String>,
    /// A consent line shown with a checkbox the visitor must tick before a handoff is sent
    /// ("I agree that this conversation is passed to the support team"). None: no checkbox.
    pub consent: Option<String>,
    /// Extra secrets to remove before anything leaves the page, in the pattern syntax of the
    /// README (`#` a digit, `@` a letter, `*` a run of letters and digits): `"EMP-#####"`.
    pub redact_patterns: Vec<String>,
    /// How long an undelivered handoff keeps being retried, in minutes, before the widget
    /// gives up and tells the visitor. Default one day.
    pub delivery_max_age_minutes: u32,
    /// When people answer (README, "Office hours"). None: the widget does not say.
    pub office_hours: Option<crate::hours::OfficeHoursConfig>,
    /// The embedded bot's FAQ: a URL, or the FAQ inline. None: no bot, only people.
    pub faq: Option<FaqSource>,
    /// The site owner's own bot instead of the FAQ bot: its kind (with `bot_endpoint`).
    pub bot: Option<BotKind>,
    /// Where the own bot is: absolute, or a path on the page's origin.
    pub bot_endpoint: Option<String>,
    /// Extra request headers for the own bot.
    pub bot_headers: BTreeMap<String, String>,
    /// How long the widget waits for the own bot's reply before saying it cannot answer,
    /// in milliseconds.
    pub bot_timeout_ms: u32,
}

/// Longest accepted consent line, in characters.
pub const MAX_CONSENT_CHARS: usize = 300;

impl Default for Config {
    fn default() -> Self {
        Self {
            title: None,
            endpoint: None,
            destination: None,
            destinations: Vec::new(),
            position: Position::Right,
            theme: Theme::Auto,
            locale: None,
            open: false,
            greeting: None,
            storage: StorageMode::Local,
            human_phrases: Vec::new(),
            escalation: Thresholds::default(),
            fallback_email: None,
            consent: None,
            redact_patterns: Vec::new(),
            delivery_max_age_minutes: 24 * 60,
            office_hours: None,
            faq: None,
            bot: None,
            bot_endpoint: None,
            bot_headers: BTreeMap::new(),
            bot_timeout_ms: 8000,
        }
    }
}

/// Where a config value came from, so an error can point at the line to fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A `data-*` attribute of the embed script tag.
    Attribute,
    /// `window.HandoverConfig`.
    Global,
    /// A rule spanning several keys (e.g. `destination` without `endpoint`).
    Combined,
}

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The value does not have the expected shape; the text is serde's description.
    Invalid(String),
    /// An attribute holding JSON (an object or array) that does not parse.
    BadJson(String),
    /// A URL that is neither `http(s)://host/...` nor a path starting with `/`.
    BadUrl(String),
    /// An email address that cannot be one.
    BadEmail(String),
    /// A locale that is not a BCP 47 language tag.
    BadLocale(String),
    /// Text that is empty after trimming.
    Empty,
    /// Text longer than the limit (in characters).
    TooLong {
        /// The limit.
        max: usize,
    },
    /// A key that must be present given another key.
    Missing {
        /// The key that needs this one.
        because: &'static str,
    },
    /// A key that the destination kind does not use.
    NotForKind {
        /// The destination kind that was given.
        kind: DestinationKind,
    },
    /// A phrase that does not compile; the text says why.
    BadPhrase(String),
    /// A number outside its range.
    OutOfRange {
        /// Smallest allowed.
        min: f64,
        /// Largest allowed.
        max: f64,
    },
}

/// One bad field: its path (`destinations[1].endpoint`), where it came from, what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    /// Path of the field, snake_case, with array indices.
    pub field: String,
    /// Where the value came from.
    pub source: Source,
    /// What is wrong.
    pub problem: Problem,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let root = root_key(&self.field);
        let origin = match self.source {
            Source::Attribute => format!(" (attribute data-{})", root.replace('_', "-")),
            Source::Global => format!(" (window.HandoverConfig.{root})"),
            Source::Combined => String::new(),
        };
        write!(f, "`{}`{origin}: ", self.field)?;
        match &self.problem {
            Problem::Invalid(why) => write!(f, "{why}"),
            Problem::BadJson(why) => write!(f, "is not valid JSON ({why})"),
            Problem::BadUrl(url) => write!(
                f,
                "\"{url}\" is not a usable URL (use https://host/path, or a path starting with /)"
            ),
            Problem::BadEmail(email) => write!(f, "\"{email}\" is not an email address"),
            Problem::BadLocale(tag) => {
                write!(
                    f,
                    "\"{tag}\" is not a language tag (use e.g. \"fr\" or \"pt-BR\")"
                )
            }
            Problem::Empty => write!(f, "must not be empty"),
            Problem::TooLong { max } => write!(f, "is longer than {max} characters"),
            Problem::Missing { because } => write!(f, "is required when `{because}` is set"),
            Problem::BadPhrase(why) => write!(f, "{why}"),
            Problem::OutOfRange { min, max } => write!(f, "must be between {min} and {max}"),
            Problem::NotForKind { kind } => {
                write!(
                    f,
                    "is not used by destinations of kind \"{}\"",
                    kind.as_str()
                )
            }
        }
    }
}

/// The config could not be used. Holds every problem found, not just the first, so the site
/// owner fixes them in one round.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    /// The bad fields, in key order.
    pub fields: Vec<FieldError>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Handover: the widget is not shown because its configuration is invalid:"
        )?;
        for field in &self.fields {
            write!(f, "\n  - {field}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

/// Something the site owner should know that does not stop the widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigWarning {
    /// A key the widget does not know; it is ignored.
    UnknownKey {
        /// The key as written (snake_case for attributes).
        key: String,
        /// Where it came from.
        source: Source,
        /// The closest known key, when one is close.
        suggestion: Option<String>,
    },
    /// The same key set by the script tag and by `HandoverConfig` with different values; the
    /// attribute wins, because it is the more specific of the two.
    Conflict {
        /// The key.
        key: String,
    },
}

impl fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownKey {
                key,
                source,
                suggestion,
            } => {
                let place = match source {
                    Source::Attribute => format!("attribute data-{}", key.replace('_', "-")),
                    _ => format!("window.HandoverConfig.{key}"),
                };
                write!(f, "Handover: {place} is not a known setting and is ignored")?;
                if let Some(known) = suggestion {
                    write!(f, " (did you mean `{known}`?)")?;
                }
                Ok(())
            }
            Self::Conflict { key } => write!(
                f,
                "Handover: `{key}` is set both by data-{} and by window.HandoverConfig with \
                 different values; the script tag's attribute is used",
                key.replace('_', "-")
            ),
        }
    }
}

/// A validated config and the warnings met on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The config, safe to use.
    pub config: Config,
    /// Non-fatal notes for the console.
    pub warnings: Vec<ConfigWarning>,
}

/// Turns `data-*` attribute names into config keys: `data-office-hours` → `office_hours`.
/// Returns `None` for attributes that are not `data-*`.
pub fn attribute_key(attribute: &str) -> Option<String> {
    let rest = attribute.strip_prefix("data-")?;
    (!rest.is_empty()).then(|| rest.to_ascii_lowercase().replace('-', "_"))
}

impl Config {
    /// Reads the config from its two sources and validates it.
    ///
    /// `global` is the JSON of `window.HandoverConfig` (if it is an object), `attributes` the
    /// script tag's attributes as `(name, value)`; attributes that are not `data-*` are
    /// skipped. Attribute values are strings: a key whose default is a bool or number is
    /// parsed as one, and a value starting with `{` or `[` is parsed as JSON.
    pub fn from_sources(
        global: Option<&Value>,
        attributes: &[(String, String)],
    ) -> Result<Loaded, ConfigError> {
        let defaults = match serde_json::to_value(Config::default()) {
            Ok(Value::Object(map)) => map,
            _ => Map::new(),
        };
        let mut warnings = Vec::new();
        // Keyed by field path: reported in key order, one problem per field.
        let mut errors: BTreeMap<String, FieldError> = BTreeMap::new();
        let mut merged: BTreeMap<String, (Value, Source)> = BTreeMap::new();

        if let Some(Value::Object(map)) = global {
            for (key, value) in map {
                if defaults.contains_key(key) {
                    merged.insert(key.clone(), (value.clone(), Source::Global));
                } else {
                    warnings.push(unknown_key(key, Source::Global, &defaults));
                }
            }
        }
        for (name, raw) in attributes {
            let Some(key) = attribute_key(name) else {
                continue;
            };
            let Some(default) = defaults.get(&key) else {
                warnings.push(unknown_key(&key, Source::Attribute, &defaults));
                continue;
            };
            let value = match attribute_value(raw, default) {
                Ok(value) => value,
                Err(problem) => {
                    let error = FieldError {
                        field: key.clone(),
                        source: Source::Attribute,
                        problem,
                    };
                    errors.insert(key, error);
                    continue;
                }
            };
            if let Some((previous, Source::Global)) = merged.get(&key)
                && *previous != value
            {
                warnings.push(ConfigWarning::Conflict { key: key.clone() });
            }
            merged.insert(key, (value, Source::Attribute));
        }

        let sources: BTreeMap<String, Source> = merged
            .iter()
            .map(|(key, (_, source))| (key.clone(), *source))
            .collect();
        let source_of = |field: &str| {
            sources
                .get(root_key(field))
                .copied()
                .unwrap_or(Source::Combined)
        };

        // Deserialize key by key, so one bad value is reported without hiding the others, and
        // the rules spanning keys still run on the values that were fine.
        let mut valid = Map::new();
        for (key, (value, source)) in merged {
            let mut single = Map::new();
            single.insert(key.clone(), value);
            match serde_json::from_value::<Config>(Value::Object(single.clone())) {
                Ok(_) => valid.extend(single),
                Err(err) => {
                    let field = locate(&key, &single[&key]);
                    let problem = Problem::Invalid(strip_position(&err.to_string()));
                    errors.insert(
                        field.clone(),
                        FieldError {
                            field,
                            source,
                            problem,
                        },
                    );
                }
            }
        }
        // Every key in `valid` deserialized on its own, and keys do not depend on each other
        // during deserialization, so this cannot fail.
        let config: Config = serde_json::from_value(Value::Object(valid)).unwrap_or_default();
        for (field, problem) in config.check() {
            // A rule about a key that already failed to parse would only repeat it.
            if errors.keys().any(|bad| root_key(bad) == root_key(&field)) {
                continue;
            }
            let error = FieldError {
                source: source_of(&field),
                field: field.clone(),
                problem,
            };
            errors.entry(field).or_insert(error);
        }

        if errors.is_empty() {
            Ok(Loaded { config, warnings })
        } else {
            Err(ConfigError {
                fields: errors.into_values().collect(),
            })
        }
    }

    /// The address of the `mailto:` fallback: `fallback_email`, else the first `email`
    /// destination's `to`, else empty (the visitor's mail client asks for one).
    pub fn mailto_address(&self) -> String {
        self.fallback_email
            .clone()
            .or_else(|| self.destinations.iter().find_map(|d| d.to.clone()))
            .unwrap_or_default()
    }

    /// Whether a destination needs the visitor's email (Zendesk requesters and email
    /// replies do), so the contact step must ask for it.
    pub fn needs_email(&self) -> bool {
        self.all_destinations()
            .iter()
            .any(|d| matches!(d.kind, DestinationKind::Zendesk | DestinationKind::Email))
    }

    /// Every destination, the `endpoint`/`destination` shorthand first.
    pub fn all_destinations(&self) -> Vec<Destination> {
        let shorthand = self.endpoint.as_ref().map(|endpoint| Destination {
            kind: self.destination.unwrap_or_default(),
            endpoint: endpoint.clone(),
            headers: BTreeMap::new(),
            fields: BTreeMap::new(),
            to: None,
        });
        shorthand
            .into_iter()
            .chain(self.destinations.iter().cloned())
            .collect()
    }

    /// Rules that span values: URLs, lengths, keys that need each other.
    fn check(&self) -> Vec<(String, Problem)> {
        let mut problems = Vec::new();
        for (field, text, max) in [
            ("title", &self.title, MAX_TITLE_CHARS),
            ("greeting", &self.greeting, MAX_GREETING_CHARS),
            ("consent", &self.consent, MAX_CONSENT_CHARS),
        ] {
            if let Some(problem) = text.as_deref().and_then(|t| check_text(t, max)) {
                problems.push((field.into(), problem));
            }
        }
        if let Some(locale) = &self.locale
            && locale != "auto"
            && !is_language_tag(locale)
        {
            problems.push(("locale".into(), Problem::BadLocale(locale.clone())));
        }
        for (index, phrase) in self.human_phrases.iter().enumerate() {
            if let Err(err) = PhraseSetBuilder::default().add_tolerant(phrase, ()) {
                problems.push((
                    format!("human_phrases[{index}]"),
                    Problem::BadPhrase(format!("\"{phrase}\": {err}")),
                ));
            }
        }
        for (index, pattern) in self.redact_patterns.iter().enumerate() {
            if let Err(err) = crate::redact::Pattern::new(pattern) {
                problems.push((
                    format!("redact_patterns[{index}]"),
                    Problem::Invalid(format!("\"{pattern}\": {err}")),
                ));
            }
        }
        match &self.faq {
            Some(FaqSource::Url(url)) if !is_fetchable(url) => {
                problems.push(("faq".into(), Problem::BadUrl(url.clone())));
            }
            Some(FaqSource::Inline(value)) => {
                if let Err(errors) = crate::bot::faq::Faq::parse(&value.to_string()) {
                    problems.push(("faq".into(), Problem::Invalid(errors.to_string())));
                }
            }
            _ => {}
        }
        match (self.bot, &self.bot_endpoint) {
            (Some(_), None) => {
                problems.push(("bot_endpoint".into(), Problem::Missing { because: "bot" }))
            }
            (_, Some(url)) if !is_fetchable(url) => {
                problems.push(("bot_endpoint".into(), Problem::BadUrl(url.clone())));
            }
            (None, Some(_)) => problems.push((
                "bot".into(),
                Problem::Missing {
                    because: "bot_endpoint",
                },
            )),
            _ => {}
        }
        if self.bot.is_some() && self.faq.is_some() {
            problems.push((
                "bot".into(),
                Problem::Invalid(
                    "set either `faq` (the embedded bot) or `bot` (your own one), not both".into(),
                ),
            ));
        }
        if !(1000..=60_000).contains(&self.bot_timeout_ms) {
            problems.push((
                "bot_timeout_ms".into(),
                Problem::OutOfRange {
                    min: 1000.0,
                    max: 60_000.0,
                },
            ));
        }
        if let Some(hours) = &self.office_hours
            && let Err(why) = crate::hours::OfficeHours::new(hours)
        {
            problems.push(("office_hours".into(), Problem::Invalid(why)));
        }
        if let Some(email) = &self.fallback_email
            && !is_email(email)
        {
            problems.push(("fallback_email".into(), Problem::BadEmail(email.clone())));
        }
        if !(1..=7 * 24 * 60).contains(&self.delivery_max_age_minutes) {
            problems.push((
                "delivery_max_age_minutes".into(),
                Problem::OutOfRange {
                    min: 1.0,
                    max: f64::from(7 * 24 * 60),
                },
            ));
        }
        let t = &self.escalation;
        for (name, value, min, max) in [
            ("offer_score", f64::from(t.offer_score), 0.05, 1.0),
            (
                "repeat_similarity",
                f64::from(t.repeat_similarity),
                0.1,
                1.0,
            ),
            (
                "failures_for_offer",
                f64::from(t.failures_for_offer),
                1.0,
                20.0,
            ),
            ("cooldown_turns", f64::from(t.cooldown_turns), 0.0, 100.0),
            ("burst_messages", f64::from(t.burst_messages), 2.0, 50.0),
            (
                "burst_window_ms",
                t.burst_window_ms as f64,
                1000.0,
                600_000.0,
            ),
        ] {
            if !(min..=max).contains(&value) {
                problems.push((
                    format!("escalation.{name}"),
                    Problem::OutOfRange { min, max },
                ));
            }
        }
        match (&self.endpoint, self.destination) {
            (Some(url), _) if !is_usable_url(url) => {
                problems.push(("endpoint".into(), Problem::BadUrl(url.clone())));
            }
            (None, Some(_)) => problems.push((
                "endpoint".into(),
                Problem::Missing {
                    because: "destination",
                },
            )),
            _ => {}
        }
        if self.destination == Some(DestinationKind::Zoho) {
            // Zoho needs the form's hidden fields, which only the long form can carry.
            problems.push((
                "destination".into(),
                Problem::Invalid(
                    "a zoho destination needs its form `fields`: declare it in `destinations`"
                        .into(),
                ),
            ));
        }
        if self.destination == Some(DestinationKind::Email) {
            problems.push((
                "destination".into(),
                Problem::Invalid(
                    "an email destination needs `to`: declare it in `destinations`".into(),
                ),
            ));
        }
        for (index, destination) in self.destinations.iter().enumerate() {
            let at = |name: &str| format!("destinations[{index}].{name}");
            if !is_usable_url(&destination.endpoint) {
                problems.push((
                    at("endpoint"),
                    Problem::BadUrl(destination.endpoint.clone()),
                ));
            }
            let kind = destination.kind;
            if !destination.headers.is_empty() && kind != DestinationKind::Webhook {
                problems.push((at("headers"), Problem::NotForKind { kind }));
            }
            match (kind, destination.fields.is_empty()) {
                (DestinationKind::Zoho, true) => {
                    problems.push((at("fields"), Problem::Missing { because: "kind" }))
                }
                (DestinationKind::Zoho, false) | (_, true) => {}
                (_, false) => problems.push((at("fields"), Problem::NotForKind { kind })),
            }
            match (kind, &destination.to) {
                (DestinationKind::Email, None) => {
                    problems.push((at("to"), Problem::Missing { because: "kind" }))
                }
                (DestinationKind::Email, Some(to)) if !is_email(to) => {
                    problems.push((at("to"), Problem::BadEmail(to.clone())))
                }
                (DestinationKind::Email, Some(_)) | (_, None) => {}
                (_, Some(_)) => problems.push((at("to"), Problem::NotForKind { kind })),
            }
        }
        problems
    }
}

/// Parses one attribute string into the JSON shape its key expects.
fn attribute_value(raw: &str, default: &Value) -> Result<Value, Problem> {
    let trimmed = raw.trim();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return serde_json::from_str(trimmed).map_err(|e| Problem::BadJson(e.to_string()));
    }
    Ok(match default {
        // A bare boolean attribute (`data-open`) means true.
        Value::Bool(_) => match trimmed.to_ascii_lowercase().as_str() {
            "" | "true" | "yes" | "1" => Value::Bool(true),
            "false" | "no" | "0" => Value::Bool(false),
            _ => Value::String(raw.to_owned()),
        },
        Value::Number(_) => serde_json::from_str(trimmed)
            .ok()
            .filter(Value::is_number)
            .unwrap_or_else(|| Value::String(raw.to_owned())),
        _ => Value::String(raw.to_owned()),
    })
}

/// The top-level key of a field path: `destinations[1].endpoint` → `destinations`.
fn root_key(field: &str) -> &str {
    field.split(['.', '[']).next().unwrap_or(field)
}

/// Names the bad entry of a list (`destinations[1]`) rather than the whole list.
fn locate(key: &str, value: &Value) -> String {
    let bad_entry = match (key, value) {
        ("destinations", Value::Array(entries)) => entries
            .iter()
            .position(|entry| serde_json::from_value::<Destination>(entry.clone()).is_err()),
        _ => None,
    };
    match bad_entry {
        Some(index) => format!("{key}[{index}]"),
        None => key.to_owned(),
    }
}

/// serde_json appends " at line 1 column 9", which means nothing to someone who wrote an
/// attribute or a JS object.
fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(index) => message[..index].to_owned(),
        None => message.to_owned(),
    }
}

fn unknown_key(key: &str, source: Source, defaults: &Map<String, Value>) -> ConfigWarning {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| *c != '_' && *c != '-')
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let wanted = squash(key);
    let suggestion = defaults
        .keys()
        .map(|known| (edit_distance(&wanted, &squash(known)), known))
        .filter(|(distance, _)| *distance <= 2)
        .min()
        .map(|(_, known)| known.clone());
    ConfigWarning::UnknownKey {
        key: key.to_owned(),
        source,
        suggestion,
    }
}

/// Levenshtein distance, on chars; inputs here are a few characters long.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

fn check_text(text: &str, max: usize) -> Option<Problem> {
    if text.trim().is_empty() {
        Some(Problem::Empty)
    } else if text.chars().count() > max {
        Some(Problem::TooLong { max })
    } else {
        None
    }
}

/// An absolute `http(s)` URL with a host, or a path on the page's origin (`/api/handoff`).
pub fn is_usable_url(url: &str) -> bool {
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    if let Some(path) = url.strip_prefix('/') {
        // "//host" would be protocol-relative; say what is meant instead.
        return !path.starts_with('/');
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
            let host = authority.rsplit('@').next().unwrap_or("");
            !host.is_empty() && !host.starts_with(':')
        }
        None => false,
    }
}

/// A URL the widget may fetch data from: a usable URL, or a path relative to the page
/// (`faq.json`, `../help/faq.json`), never another scheme.
pub fn is_fetchable(url: &str) -> bool {
    let scheme_free = url
        .split(['/', '?', '#'])
        .next()
        .is_some_and(|first| !first.contains(':'));
    is_usable_url(url)
        || (scheme_free
            && !url.is_empty()
            && !url.starts_with("//")
            && !url.chars().any(|c| c.is_whitespace() || c.is_control()))
}

/// A deliberately loose check: one `@`, something before it, a dot in the domain after it.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
        && domain.split('.').filter(|label| !label.is_empty()).count() >= 2
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

/// A BCP 47-shaped tag: a 2–3 letter language, then 1–8 alphanumeric subtags.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let language = parts.next().unwrap_or("");
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn attrs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn load(global: Value, pairs: &[(&str, &str)]) -> Result<Loaded, ConfigError> {
        Config::from_sources(Some(&global), &attrs(pairs))
    }

    #[test]
    fn empty_sources_give_defaults() {
        let loaded = Config::from_sources(None, &[]).unwrap();
        assert_eq!(loaded.config, Config::default());
        assert!(loaded.warnings.is_empty());
    }

    #[test]
    fn attributes_are_coerced_by_the_default_type() {
        let loaded = load(
            json!({}),
            &[
                ("src", "https://cdn.example/embed.js"),
                ("async", ""),
                ("data-title", "2024"),
                ("data-open", ""),
                ("data-position", "left"),
                ("data-theme", "dark"),
                ("data-locale", "pt-BR"),
                ("data-storage", "session"),
                (
                    "data-destinations",
                    r#"[{"kind":"slack","endpoint":"https://hooks.slack.com/services/T/B/X"}]"#,
                ),
            ],
        )
        .unwrap();
        let c = loaded.config;
        assert_eq!(c.title.as_deref(), Some("2024"));
        assert!(c.open);
        assert_eq!(c.position, Position::Left);
        assert_eq!(c.theme, Theme::Dark);
        assert_eq!(c.locale.as_deref(), Some("pt-BR"));
        assert_eq!(c.storage, StorageMode::Session);
        assert_eq!(c.destinations[0].kind, DestinationKind::Slack);
        assert!(loaded.warnings.is_empty());
    }

    #[test]
    fn boolean_attribute_spellings() {
        for (raw, expected) in [
            ("", true),
            ("true", true),
            ("TRUE", true),
            ("yes", true),
            ("1", true),
            ("false", false),
            ("no", false),
            ("0", false),
        ] {
            let loaded = load(json!({}), &[("data-open", raw)]).unwrap();
            assert_eq!(loaded.config.open, expected, "data-open={raw:?}");
        }
        let err = load(json!({}), &[("data-open", "maybe")]).unwrap_err();
        assert_eq!(err.fields[0].field, "open");
    }

    #[test]
    fn shorthand_destination() {
        let loaded = load(
            json!({}),
            &[
                ("data-endpoint", "https://example.com/api/handoff"),
                ("data-destination", "zendesk"),
            ],
        )
        .unwrap();
        let all = loaded.config.all_destinations();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].kind, DestinationKind::Zendesk);
        assert_eq!(all[0].endpoint, "https://example.com/api/handoff");

        let webhook = load(json!({ "endpoint": "/api/handoff" }), &[]).unwrap();
        assert_eq!(
            webhook.config.all_destinations()[0].kind,
            DestinationKind::Webhook
        );
    }

    #[test]
    fn global_and_attribute_conflict_is_reported_and_attribute_wins() {
        let loaded = load(
            json!({ "title": "From global", "theme": "dark" }),
            &[("data-title", "From tag"), ("data-theme", "dark")],
        )
        .unwrap();
        assert_eq!(loaded.config.title.as_deref(), Some("From tag"));
        assert_eq!(
            loaded.warnings,
            vec![ConfigWarning::Conflict {
                key: "title".into()
            }]
        );
        assert!(loaded.warnings[0].to_string().contains("data-title"));
    }

    #[test]
    fn unknown_keys_warn_with_a_suggestion() {
        let loaded = load(
            json!({ "officeHours": 1, "posiiton": "left" }),
            &[("data-cfasync", "false"), ("data-titel", "x")],
        )
        .unwrap();
        let suggestions: Vec<(String, Option<String>)> = loaded
            .warnings
            .iter()
            .map(|w| match w {
                ConfigWarning::UnknownKey {
                    key, suggestion, ..
                } => (key.clone(), suggestion.clone()),
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        assert_eq!(
            suggestions,
            vec![
                ("officeHours".into(), Some("office_hours".into())),
                ("posiiton".into(), Some("position".into())),
                ("cfasync".into(), None),
                ("titel".into(), Some("title".into())),
            ]
        );
        assert!(
            loaded.warnings[3]
                .to_string()
                .contains("attribute data-titel")
        );
    }

    /// One bad config: `HandoverConfig`, attributes, the field named, a fragment of the message.
    type BadCase = (
        Value,
        &'static [(&'static str, &'static str)],
        &'static str,
        &'static str,
    );

    #[test]
    fn bad_fields_are_named() {
        let cases: &[BadCase] = &[
            (
                json!({}),
                &[("data-position", "middle")],
                "position",
                "unknown variant `middle`",
            ),
            (json!({ "theme": 3 }), &[], "theme", "expected"),
            (json!({ "open": "yes" }), &[], "open", "expected a boolean"),
            (
                json!({}),
                &[("data-title", "   ")],
                "title",
                "must not be empty",
            ),
            (
                json!({ "title": "x".repeat(81) }),
                &[],
                "title",
                "longer than 80",
            ),
            (
                json!({}),
                &[("data-endpoint", "example.com/hook")],
                "endpoint",
                "not a usable URL",
            ),
            (
                json!({}),
                &[("data-endpoint", "//cdn.example/x")],
                "endpoint",
                "not a usable URL",
            ),
            (
                json!({ "destination": "slack" }),
                &[],
                "endpoint",
                "required when `destination`",
            ),
            (
                json!({}),
                &[("data-destination", "fax")],
                "destination",
                "unknown variant `fax`",
            ),
            (
                json!({}),
                &[("data-locale", "english please")],
                "locale",
                "not a language tag",
            ),
            (
                json!({}),
                &[("data-destinations", "[{")],
                "destinations",
                "not valid JSON",
            ),
            (
                json!({ "destinations": [{ "kind": "webhook", "endpont": "https://x.io" }] }),
                &[],
                "destinations[0]",
                "unknown field `endpont`",
            ),
            (
                json!({ "destinations": [{ "kind": "zoho", "endpoint": "https://desk.zoho.eu/support/WebToCase" }] }),
                &[],
                "destinations[0].fields",
                "required when `kind`",
            ),
            (
                json!({ "destinations": [{ "kind": "email", "endpoint": "https://relay.example/send", "to": "not-an-address" }] }),
                &[],
                "destinations[0].to",
                "not an email address",
            ),
            (
                json!({ "destinations": [{ "kind": "slack", "endpoint": "https://hooks.slack.com/x", "headers": { "X-Key": "1" } }] }),
                &[],
                "destinations[0].headers",
                "not used by destinations of kind \"slack\"",
            ),
            (
                json!({ "destination": "zoho", "endpoint": "https://x.io/a" }),
                &[],
                "destination",
                "needs its form `fields`",
            ),
        ];
        for (global, pairs, field, fragment) in cases {
            let err = load(global.clone(), pairs).expect_err(&format!("{global} {pairs:?}"));
            let shown = err.to_string();
            assert!(
                err.fields.iter().any(|f| f.field.starts_with(field)),
                "{field} not named in {shown}"
            );
            assert!(shown.contains(fragment), "{fragment:?} not in {shown}");
            // Positions only mean something inside a JSON attribute.
            if *fragment != "not valid JSON" {
                assert!(!shown.contains("line 1 column"), "{shown}");
            }
        }
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let err = load(
            json!({ "theme": "neon" }),
            &[("data-position", "up"), ("data-open", "perhaps")],
        )
        .unwrap_err();
        let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["open", "position", "theme"]);
        let text = err.to_string();
        assert!(text.contains("(attribute data-position)"), "{text}");
        assert!(text.contains("(window.HandoverConfig.theme)"), "{text}");
    }

    #[test]
    fn type_errors_and_rule_errors_are_reported_together() {
        let err = load(
            json!({ "destination": 5 }),
            &[("data-position", "middle"), ("data-endpoint", "not a url")],
        )
        .unwrap_err();
        let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["destination", "endpoint", "position"]);
        // A rule about a key that already failed to parse is not piled on top.
        let err = load(json!({ "destination": "slack", "endpoint": 5 }), &[]).unwrap_err();
        assert_eq!(err.fields.len(), 1, "{err}");
        assert_eq!(err.fields[0].field, "endpoint");
    }

    #[test]
    fn phrases_and_thresholds() {
        let loaded = load(
            json!({ "human_phrases": ["speak to Maria"], "escalation": { "offer_score": 0.7 } }),
            &[],
        )
        .unwrap();
        assert_eq!(loaded.config.human_phrases, ["speak to Maria"]);
        assert_eq!(loaded.config.escalation.offer_score, 0.7);
        assert_eq!(loaded.config.escalation.failures_for_offer, 2);

        let err = load(
            json!({ "human_phrases": ["ok", "a ~9"], "escalation": { "offer_score": 3 } }),
            &[],
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(text.contains("`human_phrases[1]`"), "{text}");
        assert!(text.contains("~1 to ~5"), "{text}");
        assert!(text.contains("`escalation.offer_score`"), "{text}");
        assert!(text.contains("between 0.05 and 1"), "{text}");
        let err = load(json!({ "escalation": { "offer": 1 } }), &[]).unwrap_err();
        assert!(err.to_string().contains("unknown field `offer`"), "{err}");
    }

    #[test]
    fn handoff_settings() {
        let loaded = load(
            json!({
                "consent": "I agree that this chat is passed to the support team.",
                "redact_patterns": ["EMP-#####"],
                "destinations": [{ "kind": "email", "endpoint": "https://relay.example/send", "to": "help@shop.example" }],
            }),
            &[("data-delivery-max-age-minutes", "30")],
        )
        .unwrap();
        let c = loaded.config;
        assert_eq!(c.delivery_max_age_minutes, 30);
        assert_eq!(c.mailto_address(), "help@shop.example");
        assert!(c.needs_email());
        assert!(!Config::default().needs_email());
        let err = load(
            json!({
                "redact_patterns": ["a#"], "fallback_email": "nope", "consent": " ",
                "office_hours": { "timezone": "Europe/Lisbon", "hours": { "mon": "9-5" } },
            }),
            &[("data-delivery-max-age-minutes", "0")],
        )
        .unwrap_err();
        let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "consent",
                "delivery_max_age_minutes",
                "fallback_email",
                "office_hours",
                "redact_patterns[0]"
            ]
        );
        assert!(err.to_string().contains("fewer than 4 characters"), "{err}");
    }

    #[test]
    fn faq_sources() {
        let url = load(json!({}), &[("data-faq", "/handover-faq.json")]).unwrap();
        assert_eq!(
            url.config.faq,
            Some(FaqSource::Url("/handover-faq.json".into()))
        );
        assert!(load(json!({ "faq": "faq.json" }), &[]).is_ok());
        let inline =
            json!({ "version": 1, "entries": [{ "id": "a", "question": "Q?", "answer": "A." }] });
        assert!(load(json!({ "faq": inline }), &[]).is_ok());
        let err = load(json!({ "faq": "javascript:alert(1)" }), &[]).unwrap_err();
        assert_eq!(err.fields[0].field, "faq");
        let bad = json!({ "version": 1, "entries": [{ "id": "a", "question": "Q?", "answer": "[x](javascript:1)" }] });
        let err = load(json!({ "faq": bad }), &[]).unwrap_err();
        assert!(
            err.to_string().contains("entries[0] (id \"a\"), `answer`"),
            "{err}"
        );
    }

    #[test]
    fn own_bots() {
        let rasa = load(
            json!({}),
            &[
                ("data-bot", "rasa"),
                (
                    "data-bot-endpoint",
                    "http://127.0.0.1:5005/webhooks/rest/webhook",
                ),
                ("data-bot-timeout-ms", "5000"),
            ],
        )
        .unwrap();
        assert_eq!(rasa.config.bot, Some(BotKind::Rasa));
        assert_eq!(rasa.config.bot_timeout_ms, 5000);
        let json_bot = json!({ "bot": "json", "bot_endpoint": "/api/bot",
                               "bot_headers": { "X-Key": "k" } });
        assert_eq!(load(json_bot, &[]).unwrap().config.bot, Some(BotKind::Json));
        let cases = [
            (json!({ "bot": "json" }), "bot_endpoint"),
            (json!({ "bot_endpoint": "/api/bot" }), "bot"),
            (
                json!({ "bot": "rasa", "bot_endpoint": "javascript:x" }),
                "bot_endpoint",
            ),
            (json!({ "bot": "dialogflow", "bot_endpoint": "/b" }), "bot"),
            (
                json!({ "bot": "json", "bot_endpoint": "/b", "faq": "faq.json" }),
                "bot",
            ),
            (
                json!({ "bot": "json", "bot_endpoint": "/b", "bot_timeout_ms": 10 }),
                "bot_timeout_ms",
            ),
        ];
        for (config, field) in cases {
            let err = load(config.clone(), &[]).unwrap_err();
            assert_eq!(err.fields[0].field, field, "{config}: {err}");
        }
    }

    #[test]
    fn urls() {
        for good in [
            "https://example.com/api/handoff",
            "http://127.0.0.1:8787/handoff",
            "https://user@host.example/x?y=1",
            "/api/handoff",
        ] {
            assert!(is_usable_url(good), "{good}");
        }
        for bad in [
            "",
            "example.com",
            "ftp://example.com",
            "https://",
            "https:///path",
            "//host/x",
            "javascript:alert(1)",
            "https://exa mple.com",
        ] {
            assert!(!is_usable_url(bad), "{bad}");
        }
    }

    #[test]
    fn emails_and_locales() {
        assert!(is_email("ana@example.com"));
        assert!(is_email("a.b+c@mail.example.co.uk"));
        for bad in [
            "",
            "ana",
            "@example.com",
            "ana@",
            "ana@example",
            "a b@x.io",
            "a@b@c.io",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        for good in ["en", "pt-BR", "zh-Hant-TW", "fil", "de_DE"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "e", "english", "en-", "en-toolongsubtag", "1a"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn attribute_names() {
        assert_eq!(
            attribute_key("data-office-hours").as_deref(),
            Some("office_hours")
        );
        assert_eq!(attribute_key("data-Title").as_deref(), Some("title"));
        assert_eq!(attribute_key("data-"), None);
        assert_eq!(attribute_key("src"), None);
    }

    #[test]
    fn distance() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("title", "title"), 0);
        assert_eq!(edit_distance("titel", "title"), 2);
        assert_eq!(edit_distance("posiiton", "position"), 2);
    }
}
