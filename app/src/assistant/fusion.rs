//! Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): each
//! ranking gives a source 1 / (K + its place), and the sources are ordered
//! by the sum. It needs no calibration between the lexical scores and the
//! embedding similarities, which are on different scales.

use std::collections::HashMap;
use std::hash::Hash;

/// The constant of the original paper: places far down a list still count,
/// but little.
pub const K: f64 = 60.0;

/// The items of `rankings` (each best first), in fused order.
pub fn fuse<T: Clone + Eq + Hash>(rankings: &[Vec<T>]) -> Vec<T> {
    let mut fused: HashMap<T, (f64, usize)> = HashMap::new();
    let mut first_seen = 0;
    for ranking in rankings {
        for (place, item) in ranking.iter().enumerate() {
            let entry = fused.entry(item.clone()).or_insert_with(|| {
                first_seen += 1;
                (0.0, first_seen)
            });
            entry.0 += 1.0 / (K + place as f64 + 1.0);
        }
    }
    let mut order: Vec<(T, (f64, usize))> = fused.into_iter().collect();
    // Ties keep the order the items were first met in (the lexical list's).
    order.sort_by(|a, b| b.1 .0.total_cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
    order.into_iter().map(|(item, _)| item).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_high_in_both_rankings_leads() {
        let lexical = vec!["a", "b", "c"];
        let semantic = vec!["c", "b", "d"];
        // c: 1/63 + 1/61 is just above b's 1/62 + 1/62; a has only 1/61.
        assert_eq!(fuse(&[lexical, semantic]), ["c", "b", "a", "d"]);
    }

    #[test]
    fn one_ranking_alone_keeps_its_order() {
        assert_eq!(fuse(&[vec![3, 1, 2]]), [3, 1, 2]);
        assert_eq!(fuse::<u8>(&[]), Vec::<u8>::new());
    }

    #[test]
    fn a_source_only_one_ranking_found_still_takes_part() {
        let fused = fuse(&[vec!["a"], vec!["b", "a"]]);
        assert_eq!(fused, ["a", "b"]);
    }
}
