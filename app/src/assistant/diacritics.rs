//! Restoring the diacritics of a question typed without them ("ly lich tu
//! phap bao nhieu tien" → "lý lịch tư pháp bao nhiêu tiền") from how the
//! portal's own texts write each syllable and each pair of syllables.
//!
//! Only the semantic search needs this: the embedding model reads
//! Vietnamese without diacritics poorly, while the lexical search compares
//! keys without diacritics anyway. A syllable typed with diacritics is
//! kept as typed; one without takes the written form most likely after the
//! previous syllable's (a bigram model, decoded with Viterbi), and stays
//! as typed when the texts never write it.

use crate::text::search_key;
use std::collections::HashMap;

/// How much a pair seen together counts against a syllable's own
/// frequency (interpolated bigram and unigram estimates).
const PAIR_WEIGHT: f64 = 0.8;

/// How often the texts write each syllable and each adjacent pair.
#[derive(Debug, Default, Clone)]
pub struct SyllableCounts {
    /// Written syllable (lower case) → times seen.
    singles: HashMap<String, u32>,
    /// Written forms per key without diacritics.
    by_plain: HashMap<String, Vec<String>>,
    /// "written written" → times seen together.
    pairs: HashMap<String, u32>,
}

/// The syllables of `text`, lower case: runs of letters and digits.
pub fn syllables(text: &str) -> Vec<String> {
    crate::text::normalize(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

impl SyllableCounts {
    /// The counts of `texts`, as the embedding job records them.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> SyllableCounts {
        let mut counts = SyllableCounts::default();
        for text in texts {
            let words = syllables(text);
            for word in &words {
                counts.add_single(word, 1);
            }
            for pair in words.windows(2) {
                counts.add_pair(&format!("{} {}", pair[0], pair[1]), 1);
            }
        }
        counts
    }

    pub fn add_single(&mut self, written: &str, seen: u32) {
        let entry = self.singles.entry(written.to_string()).or_insert(0);
        if *entry == 0 {
            self.by_plain
                .entry(search_key(written))
                .or_default()
                .push(written.to_string());
        }
        *entry += seen;
    }

    pub fn add_pair(&mut self, written: &str, seen: u32) {
        *self.pairs.entry(written.to_string()).or_insert(0) += seen;
    }

    /// (key without diacritics, written form, times seen) of every syllable.
    pub fn single_rows(&self) -> impl Iterator<Item = (String, &str, u32)> {
        self.singles
            .iter()
            .map(|(written, seen)| (search_key(written), written.as_str(), *seen))
    }

    /// (key without diacritics, written pair, times seen) of every pair.
    pub fn pair_rows(&self) -> impl Iterator<Item = (String, &str, u32)> {
        self.pairs
            .iter()
            .map(|(written, seen)| (search_key(written), written.as_str(), *seen))
    }

    fn single(&self, written: &str) -> f64 {
        self.singles.get(written).copied().unwrap_or(0) as f64
    }

    /// The written forms a typed syllable may stand for.
    fn candidates(&self, typed: &str) -> Vec<String> {
        let plain = search_key(typed);
        if plain != typed {
            // Typed with diacritics: kept as typed.
            return vec![typed.to_string()];
        }
        match self.by_plain.get(&plain) {
            Some(forms) if !forms.is_empty() => forms.clone(),
            _ => vec![typed.to_string()],
        }
    }

    /// How likely `written` is after `previous` (or first), among the
    /// forms of its key.
    fn likelihood(&self, previous: Option<&str>, written: &str) -> f64 {
        let plain = search_key(written);
        let all_forms: f64 = self.by_plain.get(&plain).map_or(0.0, |forms| {
            forms.iter().map(|form| self.single(form)).sum()
        });
        // A syllable the texts never write keeps a small, equal chance.
        let own = (self.single(written) + 0.1) / (all_forms + 0.1);
        let Some(previous) = previous else {
            return own;
        };
        let together = self
            .pairs
            .get(&format!("{previous} {written}"))
            .copied()
            .unwrap_or(0) as f64;
        let after = together / self.single(previous).max(1.0);
        PAIR_WEIGHT * after + (1.0 - PAIR_WEIGHT) * own
    }

    /// `question`'s syllables, lower case, each written as the texts most
    /// likely write it in that place.
    pub fn restore(&self, question: &str) -> String {
        let typed = syllables(question);
        if typed.is_empty() {
            return String::new();
        }
        // best[i][j]: the log-likelihood of the best reading ending in
        // candidate j of syllable i, and the candidate before it.
        let options: Vec<Vec<String>> = typed.iter().map(|word| self.candidates(word)).collect();
        let mut best: Vec<Vec<(f64, usize)>> = Vec::with_capacity(options.len());
        best.push(
            options[0]
                .iter()
                .map(|written| (self.likelihood(None, written).ln(), 0))
                .collect(),
        );
        for at in 1..options.len() {
            let row = options[at]
                .iter()
                .map(|written| {
                    options[at - 1]
                        .iter()
                        .enumerate()
                        .map(|(before, previous)| {
                            let so_far = best[at - 1][before].0;
                            (
                                so_far + self.likelihood(Some(previous), written).ln(),
                                before,
                            )
                        })
                        .fold((f64::NEG_INFINITY, 0), |a, b| if b.0 > a.0 { b } else { a })
                })
                .collect();
            best.push(row);
        }
        let last = best.len() - 1;
        let mut choice = (0..best[last].len())
            .max_by(|&a, &b| best[last][a].0.total_cmp(&best[last][b].0))
            .unwrap_or(0);
        let mut reading = vec![String::new(); options.len()];
        for at in (0..options.len()).rev() {
            reading[at] = options[at][choice].clone();
            choice = best[at][choice].1;
        }
        reading.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> SyllableCounts {
        SyllableCounts::from_texts([
            "Cấp phiếu lý lịch tư pháp cho công dân Việt Nam",
            "Lệ phí cấp phiếu lý lịch tư pháp: 200.000 đồng",
            "Đăng ký kết hôn tại Ủy ban nhân dân cấp xã",
            "Giấy phép xây dựng nhà ở riêng lẻ",
            "Thời hạn giải quyết: 10 ngày làm việc",
            "Người dân nộp hồ sơ tại bộ phận một cửa",
            "Ông bà, bố mẹ và con cái",
            "Bản sao giấy khai sinh",
        ])
    }

    #[test]
    fn a_question_without_diacritics_is_written_as_the_texts_write_it() {
        let counts = corpus();
        assert_eq!(counts.restore("ly lich tu phap"), "lý lịch tư pháp");
        assert_eq!(counts.restore("Le phi cap phieu"), "lệ phí cấp phiếu");
        assert_eq!(counts.restore("dang ky ket hon"), "đăng ký kết hôn");
        assert_eq!(counts.restore("giay phep xay nha"), "giấy phép xây nhà");
    }

    #[test]
    fn the_neighbour_chooses_between_forms_of_one_syllable() {
        // "ban" is "bản" before "sao", "ban" before "nhân dân"; "bo" is
        // "bộ" before "phận" and "bố" before "mẹ".
        let counts = corpus();
        assert_eq!(counts.restore("ban sao"), "bản sao");
        assert_eq!(counts.restore("uy ban nhan dan"), "ủy ban nhân dân");
        assert_eq!(counts.restore("bo phan mot cua"), "bộ phận một cửa");
        assert_eq!(counts.restore("bo me"), "bố mẹ");
    }

    #[test]
    fn what_was_typed_with_diacritics_or_is_unknown_stays() {
        let counts = corpus();
        // "lí" is the older spelling of "lý": typed so, kept so.
        assert_eq!(counts.restore("lí lich"), "lí lịch");
        assert_eq!(counts.restore("wifi cap phieu"), "wifi cấp phiếu");
        assert_eq!(counts.restore("200000 dong"), "200000 đồng");
        assert_eq!(counts.restore(""), "");
    }

    #[test]
    fn counts_survive_the_round_trip_through_their_rows() {
        let counts = corpus();
        let mut again = SyllableCounts::default();
        for (_, written, seen) in counts.single_rows() {
            again.add_single(written, seen);
        }
        for (_, written, seen) in counts.pair_rows() {
            again.add_pair(written, seen);
        }
        assert_eq!(
            again.restore("ban sao giay khai sinh"),
            "bản sao giấy khai sinh"
        );
        let (plain, _, _) = counts
            .single_rows()
            .find(|(_, written, _)| *written == "lịch")
            .unwrap();
        assert_eq!(plain, "lich");
    }
}
