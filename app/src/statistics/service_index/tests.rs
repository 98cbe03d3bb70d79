//! Hand-built periods, each expected value worked out from the rule in
//! docs/legal-basis.md ("Decision 766"), not read from the code's output.

use super::*;

fn group(cards: &[GroupScore], group: IndexGroup) -> &GroupScore {
    cards.iter().find(|card| card.group == group).unwrap()
}

fn criterion(cards: &[GroupScore], criterion: Criterion) -> &CriterionScore {
    cards
        .iter()
        .flat_map(|card| &card.criteria)
        .find(|card| card.criterion == criterion)
        .unwrap()
}

#[test]
fn five_groups_of_18_20_22_22_18_points_each_made_of_its_criteria() {
    let points: Vec<f64> = IndexGroup::ALL.iter().map(|g| g.points()).collect();
    assert_eq!(points, [18.0, 20.0, 22.0, 22.0, 18.0]);
    for group in IndexGroup::ALL {
        let sum: f64 = group.criteria().map(Criterion::points).sum();
        assert_eq!(sum, group.points(), "{group:?}");
    }
    assert_eq!(Criterion::RepeatSupplements.number(), "2.4");
    assert_eq!(Criterion::Satisfied.number(), "5.1");
}

#[test]
fn a_criterion_reaches_full_points_at_its_threshold_not_at_100_percent() {
    // Results in time: full 8 points from 95 %.
    let at_95 = IndexInputs {
        resolved: 20,
        resolved_in_time: 19,
        ..IndexInputs::default()
    };
    assert_eq!(
        criterion(&scores(&at_95), Criterion::ResolvedInTime).score,
        Some(8.0)
    );
    // 90 % is 90/95 of the way: 8 × 0.947… = 7.6.
    let at_90 = IndexInputs {
        resolved: 10,
        resolved_in_time: 9,
        ..IndexInputs::default()
    };
    let card = criterion(&scores(&at_90), Criterion::ResolvedInTime).clone();
    assert_eq!((card.rate, card.score), (Some(90.0), Some(7.6)));
    // Filed online: full 8 points from 50 %; 60 % earns no more.
    let online = |new_online| IndexInputs {
        new_dossiers: 5,
        new_online,
        ..IndexInputs::default()
    };
    assert_eq!(
        criterion(&scores(&online(3)), Criterion::FiledOnline).score,
        Some(8.0)
    );
    // 20 % is 0.4 of the way to 50 %: 3.2 points.
    assert_eq!(
        criterion(&scores(&online(1)), Criterion::FiledOnline).score,
        Some(3.2)
    );
    // Satisfaction: full 10 points from 90 %.
    let rated = IndexInputs {
        ratings: 10,
        satisfied: 9,
        ..IndexInputs::default()
    };
    assert_eq!(
        criterion(&scores(&rated), Criterion::Satisfied).score,
        Some(10.0)
    );
}

#[test]
fn repeat_supplement_requests_count_against_the_agency_in_the_progress_group() {
    let with_repeats = |repeat_supplements| IndexInputs {
        received: 40,
        repeat_supplements,
        ..IndexInputs::default()
    };
    let score = |repeats| {
        criterion(
            &scores(&with_repeats(repeats)),
            Criterion::RepeatSupplements,
        )
        .score
    };
    // None asked twice: the full 4 points; 5 % or more: none; 2.5 %: half.
    assert_eq!(score(0), Some(4.0));
    assert_eq!(score(1), Some(2.0));
    assert_eq!(score(2), Some(0.0));
    assert_eq!(score(3), Some(0.0));
    assert_eq!(
        Criterion::RepeatSupplements.group(),
        IndexGroup::Progress,
        "in the progress group"
    );
    // They lower the group's score, out of the same measurable points.
    let progress = |repeats| group(&scores(&with_repeats(repeats)), IndexGroup::Progress).clone();
    assert_eq!((progress(0).score, progress(0).measurable), (4.0, 4.0));
    assert_eq!((progress(2).score, progress(2).measurable), (0.0, 4.0));
}

#[test]
fn only_what_the_portal_measures_is_scored_and_each_group_says_how_much_that_is() {
    let inputs = IndexInputs {
        procedures: 10,
        procedures_published: 10,
        procedures_fully_online: 4,
        resolved: 4,
        resolved_in_time: 3,
        pending: 2,
        pending_within: 1,
        late: 2,
        late_apologised: 1,
        received: 6,
        repeat_supplements: 0,
        new_dossiers: 5,
        new_online: 4,
        new_with_documents: 5,
        new_reusing_data: 0,
        returned_electronic: 2,
        ..IndexInputs::default()
    };
    let cards = scores(&inputs);
    // 1: only 1.1 (6 points) is measured here: 10/10 published.
    let transparency = group(&cards, IndexGroup::Transparency);
    assert_eq!((transparency.score, transparency.measurable), (6.0, 6.0));
    assert_eq!(
        criterion(&cards, Criterion::NationalPortalSync).counts,
        None
    );
    assert_eq!(criterion(&cards, Criterion::NationalPortalSync).score, None);
    // 2: 3/4 = 75 % of the way to 95 %: 8 × 75/95 = 6.3; pending 1/2: 4 ×
    // 50/95 = 2.1; apologised 1/2 of 100 %: 2.0; no repeats: 4.0.
    let progress = group(&cards, IndexGroup::Progress);
    assert_eq!(
        criterion(&cards, Criterion::ResolvedInTime).score,
        Some(6.3)
    );
    assert_eq!(
        criterion(&cards, Criterion::PendingWithinDeadline).score,
        Some(2.1)
    );
    assert_eq!(
        criterion(&cards, Criterion::LateApologised).score,
        Some(2.0)
    );
    assert_eq!((progress.score, progress.measurable), (14.4, 20.0));
    // 3: fully online 4/10 of 80 %: 3.0; filed online 80 % ≥ 50 %: 8.0; no
    // payment in the period: not measured, so 14 of 22 points measurable.
    let online = group(&cards, IndexGroup::OnlineService);
    assert_eq!(criterion(&cards, Criterion::PaidOnline).rate, None);
    assert_eq!((online.score, online.measurable), (11.0, 14.0));
    // 4: digitised 5/5: 8.0; electronic results 2/4 = 50 % of 80 %: 5.0;
    // reuse 0/5: 0.0; the national databases are not measured here.
    let digitisation = group(&cards, IndexGroup::Digitisation);
    assert_eq!((digitisation.score, digitisation.measurable), (13.0, 19.0));
    // 5: no ratings in the period: nothing measurable.
    let satisfaction = group(&cards, IndexGroup::Satisfaction);
    assert_eq!((satisfaction.score, satisfaction.measurable), (0.0, 0.0));
}

#[test]
fn thresholds_clamp_and_degenerate_bounds_are_steps() {
    assert_eq!(Threshold::AtLeast(0.8).earned(1.0, 8.0), 8.0);
    assert_eq!(Threshold::AtLeast(0.8).earned(0.4, 8.0), 4.0);
    assert_eq!(Threshold::AtLeast(0.0).earned(0.0, 8.0), 8.0);
    let against = Threshold::AtMost {
        full_at: 0.1,
        zero_at: 0.1,
    };
    assert_eq!(against.earned(0.1, 4.0), 4.0);
    assert_eq!(against.earned(0.11, 4.0), 0.0);
}
