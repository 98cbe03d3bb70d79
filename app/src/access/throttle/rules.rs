//! The limits as numbers, and the wait they impose: pure, so the arithmetic is
//! tested without a database. Why these numbers: see the module above.

use super::Kind;

/// `free_failures` within the window cost nothing; after that each attempt
/// waits `first_wait_secs`, doubling with every further failure, at most
/// `max_wait_secs`, counted from the last attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub free_failures: i64,
    pub first_wait_secs: i64,
    pub max_wait_secs: i64,
}

/// The rules an attempt of one kind must pass, each counting its own rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Failures on this subject from this address.
    pub per_pair: Option<Rule>,
    /// Failures on this subject from anywhere.
    pub per_subject: Option<Rule>,
    /// Failures from this address on any subject.
    pub per_address: Option<Rule>,
}

const ONE_ADDRESS_GUESSING: Rule = Rule {
    free_failures: 30,
    first_wait_secs: 30,
    max_wait_secs: 60 * 60,
};

const ONE_PAIR_GUESSING: Rule = Rule {
    free_failures: 5,
    first_wait_secs: 30,
    max_wait_secs: 15 * 60,
};

const ONE_ADDRESS_ASKING: Rule = Rule {
    free_failures: 10,
    first_wait_secs: 60,
    max_wait_secs: 60 * 60,
};

/// Reports one Open311 key owner files in an hour before waiting.
pub const OPEN311_REPORTS: Rule = Rule {
    free_failures: 600,
    first_wait_secs: 10,
    max_wait_secs: 10 * 60,
};

impl Kind {
    pub fn limits(self) -> Limits {
        match self {
            Kind::Password => Limits {
                per_pair: Some(ONE_PAIR_GUESSING),
                per_subject: Some(Rule {
                    free_failures: 20,
                    first_wait_secs: 30,
                    max_wait_secs: 60,
                }),
                per_address: Some(ONE_ADDRESS_GUESSING),
            },
            Kind::SecondFactor => Limits {
                per_pair: Some(ONE_PAIR_GUESSING),
                per_subject: Some(Rule {
                    free_failures: 10,
                    first_wait_secs: 30,
                    max_wait_secs: 15 * 60,
                }),
                per_address: Some(ONE_ADDRESS_GUESSING),
            },
            Kind::TrackingPin => Limits {
                per_pair: None,
                per_subject: Some(ONE_PAIR_GUESSING),
                per_address: Some(ONE_ADDRESS_GUESSING),
            },
            Kind::Registration | Kind::ResetRequest => Limits {
                per_pair: None,
                per_subject: None,
                per_address: Some(ONE_ADDRESS_ASKING),
            },
            // Five questions an hour to agencies from one account (the
            // subject), then a wait from ten minutes up; the same for field
            // reports (a street with three broken lights is one report with
            // three photos, or three reports in an hour).
            Kind::AgencyQuestion | Kind::FieldReport => Limits {
                per_pair: None,
                per_subject: Some(Rule {
                    free_failures: 5,
                    first_wait_secs: 10 * 60,
                    max_wait_secs: 60 * 60,
                }),
                per_address: Some(ONE_ADDRESS_ASKING),
            },
            // Another system files for many people: a busy city's app sends
            // a few hundred reports an hour; a runaway one waits instead of
            // burying the operations centre.
            Kind::Open311Report => Limits {
                per_pair: None,
                per_subject: Some(OPEN311_REPORTS),
                per_address: None,
            },
            // A person asks a few questions a minute at most; a script
            // asking hundreds an hour from one address waits.
            Kind::AssistantQuestion => Limits {
                per_pair: None,
                per_subject: None,
                per_address: Some(Rule {
                    free_failures: 120,
                    first_wait_secs: 30,
                    max_wait_secs: 10 * 60,
                }),
            },
        }
    }
}

/// Seconds still to wait after `failures` failures in the window, the last
/// one `since_last_secs` ago; 0 when an attempt may go ahead.
pub fn wait_secs(rule: Rule, failures: i64, since_last_secs: i64) -> i64 {
    if failures < rule.free_failures {
        return 0;
    }
    let doublings = (failures - rule.free_failures).min(20) as u32;
    let wait = rule
        .first_wait_secs
        .saturating_mul(1_i64 << doublings)
        .min(rule.max_wait_secs);
    (wait - since_last_secs).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_failures_cost_nothing() {
        assert_eq!(wait_secs(ONE_PAIR_GUESSING, 4, 0), 0);
    }

    #[test]
    fn waits_double_and_stop_growing() {
        assert_eq!(wait_secs(ONE_PAIR_GUESSING, 5, 0), 30);
        assert_eq!(wait_secs(ONE_PAIR_GUESSING, 6, 0), 60);
        assert_eq!(wait_secs(ONE_PAIR_GUESSING, 7, 10), 110);
        assert_eq!(
            wait_secs(ONE_PAIR_GUESSING, 500, 0),
            15 * 60,
            "never a lock-out"
        );
    }

    #[test]
    fn time_since_the_last_failure_counts() {
        assert_eq!(wait_secs(ONE_PAIR_GUESSING, 5, 30), 0);
        assert_eq!(wait_secs(ONE_ADDRESS_GUESSING, 31, 59), 1);
    }

    #[test]
    fn guessing_a_password_from_everywhere_only_slows_the_owner_by_a_minute() {
        let account = Kind::Password.limits().per_subject.unwrap();
        assert_eq!(wait_secs(account, 19, 0), 0);
        assert_eq!(wait_secs(account, 20, 0), 30);
        assert_eq!(wait_secs(account, 10_000, 0), 60);
    }

    #[test]
    fn a_pin_is_limited_per_dossier_whatever_the_address() {
        let limits = Kind::TrackingPin.limits();
        assert_eq!(limits.per_pair, None);
        assert_eq!(limits.per_subject, Some(ONE_PAIR_GUESSING));
    }
}
