//! What a question asks for, read from its words (as a search key: no
//! diacritics, lower case), before any retrieval: a field of a procedure
//! (its fee, time limit, documents, where to file, its form), or something
//! the assistant must not answer from the knowledge base — one's own
//! dossier (tracking), a complaint or denunciation (its own channel).

use serde::{Deserialize, Serialize};

/// A field of a procedure a question asks about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    Fees,
    TimeLimit,
    Documents,
    Where,
    Form,
}

/// What the question is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intent {
    /// Where one's own dossier is: tracking, never the knowledge base.
    OwnDossier,
    /// A complaint or denunciation: its proper channel.
    Complaint,
    /// A question, perhaps about one field of a procedure.
    Question(Option<Field>),
}

const OWN_DOSSIER: &[&str] = &[
    "ho so cua toi",
    "ho so cua em",
    "ho so cua minh",
    "ho so cua tui",
    "ho so toi",
    "ho so den dau",
    "den dau roi",
    "tinh trang ho so",
    "tra cuu ho so",
    "ho so da xong chua",
    "ho so xong chua",
];
const COMPLAINT: &[&str] = &["khieu nai", "to cao", "to giac"];
const FIELDS: &[(Field, &[&str])] = &[
    (
        Field::Fees,
        &[
            "le phi",
            "phi",
            "bao nhieu tien",
            "het bao nhieu",
            "mat bao nhieu tien",
            "ton bao nhieu",
            "chi phi",
            "mat tien",
            "nop tien",
            "tien",
        ],
    ),
    (
        Field::TimeLimit,
        &[
            "bao lau",
            "may ngay",
            "thoi han",
            "bao nhieu ngay",
            "thoi gian giai quyet",
            "bao gio co",
            "khi nao co",
            "lau khong",
            "lau ko",
            "may hom",
        ],
    ),
    (
        Field::Documents,
        &[
            "giay to gi",
            "giay to nao",
            "nhung giay to",
            "can giay to",
            "ho so gom",
            "thanh phan ho so",
            "can nhung gi",
            "can gi",
            "mang theo",
            "chuan bi gi",
            "can chuan bi",
        ],
    ),
    (
        Field::Where,
        &[
            "o dau",
            "noi nao",
            "co quan nao",
            "cho nao",
            "nop dau",
            "lam dau",
        ],
    ),
    (
        Field::Form,
        &["mau don", "to khai", "bieu mau", "mau to khai", "don mau"],
    ),
];

impl Field {
    /// The catalogue's own words for the field, added to a question that
    /// asks for it in other words ("mất bao nhiêu tiền" asks the "lệ phí"),
    /// as its question words are mostly filler.
    pub fn words(self) -> &'static [&'static str] {
        match self {
            Field::Fees => &["le", "phi"],
            Field::TimeLimit => &["thoi", "han"],
            Field::Documents => &["ho", "so", "giay", "to"],
            Field::Where => &["noi", "nop"],
            Field::Form => &["to", "khai"],
        }
    }
}

/// The words of a search key, separated by anything not a letter or digit.
pub fn words(key: &str) -> Vec<&str> {
    key.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect()
}

/// Whether `phrase` occurs in `words` as whole words.
fn has_phrase(words: &[&str], phrase: &str) -> bool {
    let wanted: Vec<&str> = phrase.split(' ').collect();
    words
        .windows(wanted.len())
        .any(|window| window == wanted.as_slice())
}

/// What `key` (a question as a search key) asks for.
pub fn intent(key: &str) -> Intent {
    let words = words(key);
    if OWN_DOSSIER.iter().any(|phrase| has_phrase(&words, phrase)) {
        return Intent::OwnDossier;
    }
    if COMPLAINT.iter().any(|phrase| has_phrase(&words, phrase)) {
        return Intent::Complaint;
    }
    // The first field named, in the order above: "bao nhiêu tiền và bao
    // lâu" asks the fee first.
    let field = FIELDS
        .iter()
        .filter_map(|(field, phrases)| {
            phrases
                .iter()
                .filter_map(|phrase| first_at(&words, phrase))
                .min()
                .map(|at| (at, *field))
        })
        .min_by_key(|(at, _)| *at)
        .map(|(_, field)| field);
    Intent::Question(field)
}

fn first_at(words: &[&str], phrase: &str) -> Option<usize> {
    let wanted: Vec<&str> = phrase.split(' ').collect();
    words
        .windows(wanted.len())
        .position(|window| window == wanted.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_read_from_how_people_ask() {
        assert_eq!(
            intent("lam ly lich tu phap het bao nhieu tien"),
            Intent::Question(Some(Field::Fees))
        );
        assert_eq!(
            intent("dang ky khai sinh mat bao lau"),
            Intent::Question(Some(Field::TimeLimit))
        );
        assert_eq!(
            intent("lay vo can giay to gi"),
            Intent::Question(Some(Field::Documents))
        );
        assert_eq!(
            intent("nop ho so xin giay phep xay dung o dau"),
            Intent::Question(Some(Field::Where))
        );
        assert_eq!(
            intent("mau to khai dang ky thuong tru"),
            Intent::Question(Some(Field::Form))
        );
        assert_eq!(intent("dang ky ket hon"), Intent::Question(None));
    }

    #[test]
    fn whole_words_only() {
        // "phi" inside "phieu" is no fee question.
        assert_eq!(intent("cap phieu ly lich tu phap"), Intent::Question(None));
    }

    #[test]
    fn own_dossiers_and_complaints_go_elsewhere() {
        assert_eq!(intent("ho so cua toi den dau roi"), Intent::OwnDossier);
        assert_eq!(intent("toi muon khieu nai can bo"), Intent::Complaint);
    }
}
