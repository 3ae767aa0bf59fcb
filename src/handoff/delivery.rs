//! Judging a delivery attempt (DESIGN.md, "Delivery"): 2xx is delivered; a network error,
//! a timeout, 408, 425, 429 or 5xx is tried again later with exponential backoff and
//! jitter, honouring `Retry-After`; any other answer fails at once, because sending the same
//! request again cannot change it.

use crate::time::parse_http_date;

/// How long one attempt may take before it counts as timed out, in milliseconds.
pub const TIMEOUT_MS: u64 = 10_000;
/// The first retry waits about this long.
pub const FIRST_DELAY_MS: u64 = 1_000;
/// No retry waits longer than this, unless the server's `Retry-After` asks for it.
pub const MAX_DELAY_MS: u64 = 60_000;
/// A `Retry-After` longer than this is not waited for; the backoff is used instead.
pub const MAX_RETRY_AFTER_MS: u64 = 60 * 60 * 1000;

/// What came back from one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// An HTTP status, with the `Retry-After` header if there was one.
    Status {
        /// The status code.
        code: u16,
        /// The raw `Retry-After` value.
        retry_after: Option<String>,
    },
    /// A `no-cors` request went out; its answer cannot be read.
    Opaque,
    /// The request did not get through (offline, DNS, refused, CORS).
    Network(String),
    /// No answer within [`TIMEOUT_MS`].
    Timeout,
}

/// What to do after an attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The endpoint confirmed it (2xx).
    Delivered,
    /// It went out but the endpoint's answer cannot be read: as far as the widget can know.
    Sent,
    /// Try again after the delay.
    Retry {
        /// Milliseconds to wait.
        delay_ms: u64,
        /// What went wrong, for the status line and the console.
        why: String,
    },
    /// Give up: the endpoint refused it.
    Failed {
        /// What went wrong.
        why: String,
    },
}

/// The delay before retry number `attempt` (1 for the first retry): about 1 s, 2 s, 4 s …
/// capped at [`MAX_DELAY_MS`], spread by ±20% with `jitter` in [0, 1) so that many widgets
/// that lost the same endpoint do not all come back at the same instant.
pub fn backoff_ms(attempt: u32, jitter: f64) -> u64 {
    let exponent = attempt.saturating_sub(1).min(16);
    let base = (FIRST_DELAY_MS << exponent).min(MAX_DELAY_MS) as f64;
    let spread = 0.8 + 0.4 * jitter.clamp(0.0, 1.0);
    (base * spread).round() as u64
}

/// Reads `Retry-After`: a number of seconds or an HTTP date; milliseconds from `now_ms`.
pub fn retry_after_ms(value: &str, now_ms: u64) -> Option<u64> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(seconds.saturating_mul(1000));
    }
    parse_http_date(value).map(|at| at.saturating_sub(now_ms))
}

/// Judges the answer to attempt number `attempt` (1 for the first).
pub fn judge(answer: &Answer, attempt: u32, now_ms: u64, jitter: f64) -> Verdict {
    let retry = |why: String| Verdict::Retry {
        delay_ms: backoff_ms(attempt, jitter),
        why,
    };
    match answer {
        Answer::Status {
            code: 200..=299, ..
        } => Verdict::Delivered,
        Answer::Opaque => Verdict::Sent,
        Answer::Timeout => retry(format!("no answer within {} s", TIMEOUT_MS / 1000)),
        Answer::Network(why) => retry(format!("could not connect ({why})")),
        Answer::Status { code, retry_after } if matches!(code, 408 | 425 | 429 | 500..=599) => {
            let asked = retry_after
                .as_deref()
                .and_then(|v| retry_after_ms(v, now_ms))
                .filter(|&ms| ms <= MAX_RETRY_AFTER_MS);
            Verdict::Retry {
                delay_ms: asked.unwrap_or_else(|| backoff_ms(attempt, jitter)),
                why: format!("the endpoint answered {code}"),
            }
        }
        Answer::Status { code, .. } => Verdict::Failed {
            why: format!("the endpoint refused it ({code})"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(code: u16) -> Answer {
        Answer::Status {
            code,
            retry_after: None,
        }
    }

    #[test]
    fn verdicts() {
        let cases = [
            (status(200), "delivered"),
            (status(202), "delivered"),
            (status(204), "delivered"),
            (Answer::Opaque, "sent"),
            (status(408), "retry"),
            (status(425), "retry"),
            (status(429), "retry"),
            (status(500), "retry"),
            (status(503), "retry"),
            (status(599), "retry"),
            (Answer::Timeout, "retry"),
            (Answer::Network("offline".into()), "retry"),
            (status(400), "failed"),
            (status(401), "failed"),
            (status(404), "failed"),
            (status(422), "failed"),
            (status(301), "failed"),
        ];
        for (answer, expected) in cases {
            let got = match judge(&answer, 1, 0, 0.5) {
                Verdict::Delivered => "delivered",
                Verdict::Sent => "sent",
                Verdict::Retry { .. } => "retry",
                Verdict::Failed { .. } => "failed",
            };
            assert_eq!(got, expected, "{answer:?}");
        }
    }

    #[test]
    fn backoff_doubles_with_jitter_and_a_cap() {
        let middle: Vec<u64> = (1..=8).map(|a| backoff_ms(a, 0.5)).collect();
        assert_eq!(middle, [1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
        assert_eq!(backoff_ms(1, 0.0), 800);
        assert_eq!(backoff_ms(1, 0.999_999), 1200);
        assert_eq!(backoff_ms(u32::MAX, 0.5), 60000);
    }

    #[test]
    fn retry_after_is_honoured() {
        let answer = |value: &str| Answer::Status {
            code: 503,
            retry_after: Some(value.into()),
        };
        let delay = |answer: Answer, now: u64| match judge(&answer, 1, now, 0.5) {
            Verdict::Retry { delay_ms, .. } => delay_ms,
            other => panic!("{other:?}"),
        };
        assert_eq!(delay(answer("7"), 0), 7000);
        assert_eq!(
            delay(answer("Sun, 06 Nov 1994 08:49:37 GMT"), 784_111_770_000),
            7000
        );
        // Unreadable or absurd values fall back to the backoff.
        assert_eq!(delay(answer("soon"), 0), 1000);
        assert_eq!(delay(answer("86400"), 0), 1000);
    }
}
