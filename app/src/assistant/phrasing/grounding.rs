//! Whether a phrased answer may be shown: it must cite, every citation
//! must name one of the sources it was given, and every number in it (an
//! amount, a time limit, a form's number) must appear in a source it cites.
//! A language model that invents a fee or points to a source it was not
//! given is caught here, and the sources' own words are shown instead.

use regex_lite::Regex;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// "[1]", "[2, 3]".
static CITATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[(\d+(?:\s*,\s*\d+)*)\]").expect("a valid pattern"));
/// "200.000", "1,5", "2024".
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d+(?:[.,]\d+)*").expect("a valid pattern"));

/// Why a phrased answer is not shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ungrounded {
    /// It cites nothing.
    NoCitation,
    /// It cites a source it was not given.
    UnknownSource(usize),
    /// A number in it is in none of the sources it cites.
    UnsupportedNumber(String),
}

/// The numbers of `text`, each as its digits alone ("200.000" → "200000"),
/// so that the same amount written with other separators still matches.
fn numbers(text: &str) -> BTreeSet<String> {
    NUMBER
        .find_iter(text)
        .map(|found| {
            found
                .as_str()
                .chars()
                .filter(char::is_ascii_digit)
                .collect()
        })
        .collect()
}

/// The sources `answer` cites (numbered from 1 in `sources`), when it may
/// be shown.
pub fn check(answer: &str, sources: &[&str]) -> Result<BTreeSet<usize>, Ungrounded> {
    let mut cited = BTreeSet::new();
    for citation in CITATION.captures_iter(answer) {
        for number in citation[1].split(',') {
            let number: usize = number.trim().parse().unwrap_or(0);
            if number == 0 || number > sources.len() {
                return Err(Ungrounded::UnknownSource(number));
            }
            cited.insert(number);
        }
    }
    if cited.is_empty() {
        return Err(Ungrounded::NoCitation);
    }
    let supported: BTreeSet<String> = cited
        .iter()
        .flat_map(|number| numbers(sources[number - 1]))
        .collect();
    let without_citations = CITATION.replace_all(answer, " ");
    if let Some(unsupported) = numbers(&without_citations)
        .into_iter()
        .find(|number| !supported.contains(number))
    {
        return Err(Ungrounded::UnsupportedNumber(unsupported));
    }
    Ok(cited)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEES: &str = "Phí cung cấp thông tin lý lịch tư pháp: 200.000 đồng/lần/người. \
                        Sinh viên: 100.000 đồng. Thời hạn giải quyết: 10 ngày làm việc.";
    const ARTICLE: &str = "Nộp tại Công an cấp tỉnh hoặc qua VNeID.";

    #[test]
    fn an_answer_citing_its_sources_with_their_numbers_is_shown() {
        let answer = "Phí là 200.000 đồng mỗi lần [1]; sinh viên nộp 100,000 đồng [1]. \
                      Có thể nộp qua VNeID [2].";
        assert_eq!(check(answer, &[FEES, ARTICLE]), Ok(BTreeSet::from([1, 2])));
        assert_eq!(
            check("Kết quả có sau 10 ngày làm việc [1, 2].", &[FEES, ARTICLE]),
            Ok(BTreeSet::from([1, 2]))
        );
    }

    #[test]
    fn a_citation_to_a_source_not_given_is_refused() {
        assert_eq!(
            check("Phí là 200.000 đồng [3].", &[FEES, ARTICLE]),
            Err(Ungrounded::UnknownSource(3))
        );
        assert_eq!(
            check("Phí là 200.000 đồng [0].", &[FEES]),
            Err(Ungrounded::UnknownSource(0))
        );
    }

    #[test]
    fn an_answer_without_citations_is_refused() {
        assert_eq!(
            check("Phí là 200.000 đồng.", &[FEES]),
            Err(Ungrounded::NoCitation)
        );
    }

    #[test]
    fn an_amount_in_no_cited_source_is_refused() {
        assert_eq!(
            check("Phí là 150.000 đồng [1].", &[FEES]),
            Err(Ungrounded::UnsupportedNumber("150000".into()))
        );
        // In a source, but not in the one cited.
        assert_eq!(
            check("Nộp qua VNeID, phí 200.000 đồng [2].", &[FEES, ARTICLE]),
            Err(Ungrounded::UnsupportedNumber("200000".into()))
        );
        // A time limit counts as much as an amount.
        assert_eq!(
            check("Có kết quả sau 7 ngày [1].", &[FEES]),
            Err(Ungrounded::UnsupportedNumber("7".into()))
        );
    }
}
