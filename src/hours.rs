//! Office hours: when a person is there to answer. Pure: the shell supplies the office time
//! zone's UTC offset at a given instant (from the browser's `Intl`), since the time zone
//! database is the browser's, not ours.
//!
//! Config (`office_hours`): `{"timezone": "Europe/Lisbon", "hours": {"mon-fri": "09:00-18:00",
//! "sat": "10:00-14:00"}}`. Keys are days (`mon` … `sun`), ranges of days (`mon-fri`) or
//! `daily`; values are one or more `HH:MM-HH:MM` spans separated by commas. Days not named
//! are closed.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Office hours as written in the config.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeHoursConfig {
    /// IANA time zone of the office (`Europe/Lisbon`), or `UTC`.
    pub timezone: String,
    /// Opening spans by day.
    pub hours: BTreeMap<String, String>,
}

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Validated office hours: for each weekday (Monday first), spans in minutes since midnight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeHours {
    week: [Vec<(u32, u32)>; 7],
}

/// Whether someone is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    /// Open now.
    Open,
    /// Closed; opens next at this instant (Unix ms), if ever within the coming week.
    Closed {
        /// When it next opens.
        next_open_ms: Option<u64>,
    },
}

fn day_index(name: &str) -> Option<usize> {
    DAYS.iter().position(|d| *d == name)
}

fn minutes(text: &str) -> Option<u32> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 24 && m < 60 && (h < 24 || m == 0)).then_some(h * 60 + m)
}

impl OfficeHours {
    /// Checks the config; the error says what is wrong, for the config error message.
    pub fn new(config: &OfficeHoursConfig) -> Result<OfficeHours, String> {
        let zone = config.timezone.trim();
        let zone_ok = zone == "UTC"
            || (zone.contains('/')
                && zone
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "/_-+".contains(c)));
        if !zone_ok {
            return Err(format!(
                "timezone \"{zone}\" is not an IANA time zone name (e.g. \"Europe/Lisbon\")"
            ));
        }
        let mut week: [Vec<(u32, u32)>; 7] = Default::default();
        for (key, spans) in &config.hours {
            let key = key.trim().to_ascii_lowercase();
            let days: Vec<usize> = if key == "daily" {
                (0..7).collect()
            } else if let Some((from, to)) = key.split_once('-') {
                let (from, to) = day_index(from)
                    .zip(day_index(to))
                    .ok_or_else(|| format!("\"{key}\" is not a day range (e.g. \"mon-fri\")"))?;
                // "fri-mon" wraps over the weekend.
                (0..7)
                    .map(|i| (from + i) % 7)
                    .take((to + 7 - from) % 7 + 1)
                    .collect()
            } else {
                vec![day_index(&key).ok_or_else(|| {
                    format!("\"{key}\" is not a day (mon, tue, … sun, a range, or daily)")
                })?]
            };
            for span in spans.split(',') {
                let (open, close) = span
                    .split_once('-')
                    .and_then(|(a, b)| minutes(a).zip(minutes(b)))
                    .filter(|(a, b)| a < b)
                    .ok_or_else(|| {
                        format!("\"{}\" is not a span like \"09:00-17:30\"", span.trim())
                    })?;
                for &day in &days {
                    week[day].push((open, close));
                }
            }
        }
        for spans in &mut week {
            spans.sort_unstable();
        }
        Ok(OfficeHours { week })
    }

    /// Whether the office is open at `now_ms`, and if not, when it opens. `offset_minutes`
    /// gives the office zone's UTC offset at an instant (minutes east of UTC).
    pub fn availability(&self, now_ms: u64, offset_minutes: &dyn Fn(u64) -> i32) -> Availability {
        let local_minutes = |at: u64| (at / 60_000) as i64 + i64::from(offset_minutes(at));
        let now_local = local_minutes(now_ms);
        let today = now_local.div_euclid(1440);
        for day in today..today + 8 {
            // 1970-01-01 was a Thursday (index 3).
            let weekday = (day + 3).rem_euclid(7) as usize;
            for &(open, close) in &self.week[weekday] {
                let (start, end) = (day * 1440 + i64::from(open), day * 1440 + i64::from(close));
                if day == today && (start..end).contains(&now_local) {
                    return Availability::Open;
                }
                if start > now_local {
                    // Local to UTC with the offset now, corrected once with the offset then
                    // (a daylight-saving change in between).
                    let guess = (start - i64::from(offset_minutes(now_ms))) * 60_000;
                    let at = (start - i64::from(offset_minutes(guess.max(0) as u64))) * 60_000;
                    return Availability::Closed {
                        next_open_ms: u64::try_from(at).ok(),
                    };
                }
            }
        }
        Availability::Closed { next_open_ms: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(pairs: &[(&str, &str)]) -> Result<OfficeHours, String> {
        OfficeHours::new(&OfficeHoursConfig {
            timezone: "Europe/Lisbon".into(),
            hours: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        })
    }

    /// 2026-11-30 is a Monday; this is 00:00 UTC that day.
    const MONDAY: u64 = 1_795_996_800_000;
    const HOUR: u64 = 3_600_000;

    #[test]
    fn open_and_next_opening() {
        let week = hours(&[
            ("mon-fri", "09:00-12:00, 13:00-18:00"),
            ("sat", "10:00-14:00"),
        ])
        .unwrap();
        let utc = |_: u64| 0;
        let cases = [
            (MONDAY + 10 * HOUR, Availability::Open),
            (
                MONDAY + 12 * HOUR + HOUR / 2,
                Availability::Closed {
                    next_open_ms: Some(MONDAY + 13 * HOUR),
                },
            ),
            (
                MONDAY + 4 * 24 * HOUR + 19 * HOUR,
                Availability::Closed {
                    next_open_ms: Some(MONDAY + 5 * 24 * HOUR + 10 * HOUR),
                },
            ),
            (
                MONDAY + 5 * 24 * HOUR + 15 * HOUR,
                Availability::Closed {
                    next_open_ms: Some(MONDAY + 7 * 24 * HOUR + 9 * HOUR),
                },
            ),
            (
                MONDAY + 6 * 24 * HOUR + 10 * HOUR,
                Availability::Closed {
                    next_open_ms: Some(MONDAY + 7 * 24 * HOUR + 9 * HOUR),
                },
            ),
        ];
        for (now, expected) in cases {
            assert_eq!(week.availability(now, &utc), expected, "{now}");
        }
    }

    #[test]
    fn the_office_zone_counts() {
        let week = hours(&[("daily", "09:00-17:00")]).unwrap();
        // An office at UTC+9: 09:00 there is 00:00 UTC.
        let tokyo = |_: u64| 9 * 60;
        assert_eq!(week.availability(MONDAY + HOUR, &tokyo), Availability::Open);
        assert_eq!(
            week.availability(MONDAY + 9 * HOUR, &tokyo),
            Availability::Closed {
                next_open_ms: Some(MONDAY + 24 * HOUR)
            }
        );
        // A day-saving change before the opening: the offset then is used.
        let dst = |at: u64| if at >= MONDAY + 20 * HOUR { 60 } else { 0 };
        assert_eq!(
            week.availability(MONDAY + 18 * HOUR, &dst),
            Availability::Closed {
                next_open_ms: Some(MONDAY + 24 * HOUR + 8 * HOUR)
            }
        );
        let closed = hours(&[]).unwrap();
        assert_eq!(
            closed.availability(MONDAY, &tokyo),
            Availability::Closed { next_open_ms: None }
        );
    }

    #[test]
    fn bad_configs_say_why() {
        for (pairs, fragment) in [
            (&[("monday", "09:00-17:00")][..], "is not a day"),
            (&[("mon-xyz", "09:00-17:00")][..], "not a day range"),
            (&[("mon", "9-5")][..], "not a span"),
            (&[("mon", "17:00-09:00")][..], "not a span"),
            (&[("mon", "09:00-25:00")][..], "not a span"),
        ] {
            let err = hours(pairs).unwrap_err();
            assert!(err.contains(fragment), "{err}");
        }
        let zone = OfficeHours::new(&OfficeHoursConfig {
            timezone: "Lisbon time".into(),
            hours: BTreeMap::new(),
        });
        assert!(zone.unwrap_err().contains("IANA"));
        assert!(hours(&[("fri-mon", "10:00-11:00"), ("sun", "24:00-24:00")]).is_err());
        let wrap = hours(&[("fri-mon", "10:00-11:00")]).unwrap();
        assert_eq!(wrap.week.iter().filter(|d| !d.is_empty()).count(), 4);
    }
}
