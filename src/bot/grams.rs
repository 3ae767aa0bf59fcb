//! Character n-gram similarity (3 and 4 letters within words, a word's edges counted),
//! TF-IDF weighted, cosine: the matcher's second opinion. It forgives what word matching
//! cannot: typos in short words, inflections the light stemmer misses ("refunded",
//! "réembolsé"), words run together. It is kept as an inverted index, so a question costs
//! its own n-grams' postings, not a pass over every phrasing.

use crate::detect::fast_map::FastMap;
use crate::detect::text::Words;

/// Shortest and longest n-gram, in characters. Bigrams were tried: a little more accurate
/// on the test sets, but common ones (" s", "e ") sit in most phrasings, and summing their
/// postings tripled the time per question.
const SHORTEST: usize = 3;
const LONGEST: usize = 4;

/// An index of documents by their character n-grams.
#[derive(Debug, Default)]
pub struct GramIndex {
    ids: FastMap<u64, u32>,
    idf: Vec<f32>,
    /// Per n-gram: (document, weight in that document's unit vector).
    postings: Vec<Vec<(u32, f32)>>,
    documents: usize,
}

impl GramIndex {
    /// Indexes `texts`; document `i` is `texts[i]`.
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> GramIndex {
        let mut index = GramIndex::default();
        let counted: Vec<Vec<(u32, f32)>> = texts
            .into_iter()
            .map(|text| {
                counted_grams(text)
                    .into_iter()
                    .map(|(gram, n)| {
                        let next = index.ids.len() as u32;
                        (*index.ids.entry(gram).or_insert(next), n)
                    })
                    .collect::<Vec<(u32, f32)>>()
            })
            .collect();
        index.documents = counted.len();
        let mut frequency = vec![0u32; index.ids.len()];
        for counts in &counted {
            for (id, _) in counts {
                frequency[*id as usize] += 1;
            }
        }
        index.idf = frequency
            .iter()
            .map(|df| index.smoothed_idf(*df as f32))
            .collect();
        index.postings = vec![Vec::new(); index.ids.len()];
        for (document, counts) in counted.iter().enumerate() {
            let weights: Vec<f32> = counts
                .iter()
                .map(|(id, n)| (1.0 + n.ln()) * index.idf[*id as usize])
                .collect();
            let norm = weights.iter().map(|w| w * w).sum::<f32>().sqrt();
            for ((id, _), weight) in counts.iter().zip(weights) {
                index.postings[*id as usize].push((document as u32, weight / norm));
            }
        }
        index
    }

    /// The idf of an n-gram found in `df` documents (an unseen one counts as found in none,
    /// so a question's unknown n-grams weigh the most and pull its similarity down).
    fn smoothed_idf(&self, df: f32) -> f32 {
        ((1.0 + self.documents as f32) / (1.0 + df)).ln() + 1.0
    }

    /// Cosine similarity of `text` with every document, 0 to 1, indexed by document.
    pub fn similarities(&self, text: &str) -> Vec<f32> {
        let mut scores = vec![0.0f32; self.documents];
        let counts = counted_grams(text);
        let mut norm = 0.0f32;
        for (gram, n) in &counts {
            let id = self.ids.get(gram);
            let idf = id.map_or(self.smoothed_idf(0.0), |id| self.idf[*id as usize]);
            let weight = (1.0 + n.ln()) * idf;
            norm += weight * weight;
            if let Some(id) = id {
                for (document, document_weight) in &self.postings[*id as usize] {
                    scores[*document as usize] += weight * document_weight;
                }
            }
        }
        if norm > 0.0 {
            let norm = norm.sqrt();
            for score in &mut scores {
                *score = (*score / norm).min(1.0);
            }
        }
        scores
    }
}

/// Each distinct n-gram of a text with how often it occurs.
fn counted_grams(text: &str) -> Vec<(u64, f32)> {
    let mut all: Vec<u64> = grams(text).collect();
    all.sort_unstable();
    let mut counts: Vec<(u64, f32)> = Vec::with_capacity(all.len());
    for gram in all {
        match counts.last_mut() {
            Some((last, n)) if *last == gram => *n += 1.0,
            _ => counts.push((gram, 1.0)),
        }
    }
    counts
}

/// The n-grams of a text's folded words, each word padded with a space on both sides (as
/// whole-word boundaries), hashed.
fn grams(text: &str) -> impl Iterator<Item = u64> {
    let words = Words::new(text);
    let padded: Vec<Vec<char>> = words
        .plain()
        .map(|w| {
            std::iter::once(' ')
                .chain(w.chars())
                .chain(std::iter::once(' '))
                .collect()
        })
        .collect();
    padded.into_iter().flat_map(|chars| {
        (SHORTEST..=LONGEST).flat_map(move |n| {
            let windows: Vec<u64> = chars.windows(n).map(hash).collect();
            windows
        })
    })
}

fn hash(chars: &[char]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for c in chars {
        hash ^= u64::from(*c);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_spellings_score_high_and_strangers_low() {
        let index = GramIndex::new(["where is my refund", "how long does shipping take"]);
        let typo = index.similarities("wher is my refnud");
        assert!(typo[0] > 0.4 && typo[1] < 0.1, "{typo:?}");
        let same = index.similarities("Where is my REFUND?");
        assert!((same[0] - 1.0).abs() < 1e-4, "{same:?}");
        let stranger = index.similarities("bicycles");
        assert!(stranger.iter().all(|s| *s < 0.2), "{stranger:?}");
        assert!(index.similarities("").iter().all(|s| *s == 0.0));
    }
}
