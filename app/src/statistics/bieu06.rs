//! Biểu 06/VPCP/KSTT: dossiers received, resolved and pending in a period,
//! per sector. What each column counts, for a period from `tu` to `den`
//! (whole days, Vietnam time) and the agencies chosen (docs/legal-basis.md,
//! "Statistics"):
//!
//! - **received** (tiếp nhận) means accepted by the one-stop unit, not
//!   submitted: **carried over** (kỳ trước chuyển qua) accepted before the
//!   period and not finished before it began; **new online / at the counter
//!   or by post** accepted in the period, by channel;
//! - **resolved** (đã giải quyết): result issued (ready to return) in the
//!   period — not when the applicant collects it — judged at that moment
//!   against the legal appointment, the one set at acceptance and moved only
//!   by supplement pauses, never by an apology's new date (slip 04), so an
//!   apologised dossier still counts late: *before the deadline* when issued
//!   before the appointment's day, *on time* on that day by the
//!   appointment's hour, *late* after it;
//! - **pending** (đang giải quyết) at the end of the period: accepted and not
//!   finished by then; *overdue* when the legal appointment has passed (a
//!   dossier waiting for a supplement is within);
//! - **stopped**: accepted, then stopped (slip 05) in the period;
//! - **refused, withdrawn**: submissions refused or withdrawn *before*
//!   acceptance in the period, reported apart and never as received.
//!
//! So every dossier received is counted once on each side:
//! carried over + new = resolved + pending + stopped
//! ([`Bieu06Row::reconciles`]). Beside the table: supplements requested in
//! the period, online payments settled in it (count and amount), the online
//! rate of new dossiers, and satisfaction (ratings given in the period).

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bieu06Row {
    /// What the row counts: a sector, or an agency when the report is
    /// broken down by agency ([`Breakdown`]); the totals row has no code.
    pub code: String,
    pub name: String,
    pub carried_over: i64,
    pub new_online: i64,
    pub new_counter: i64,
    pub resolved_early: i64,
    pub resolved_on_time: i64,
    pub resolved_late: i64,
    pub pending_within: i64,
    pub pending_overdue: i64,
    pub refused: i64,
    pub withdrawn: i64,
    pub stopped: i64,
    pub supplements: i64,
    pub paid_online: i64,
    /// Whole đồng.
    pub paid_online_amount: i64,
    pub ratings: i64,
    /// Ratings of 4 or 5 (hài lòng, rất hài lòng).
    pub satisfied: i64,
}

impl Bieu06Row {
    pub fn received(&self) -> i64 {
        self.carried_over + self.new_online + self.new_counter
    }

    pub fn resolved(&self) -> i64 {
        self.resolved_early + self.resolved_on_time + self.resolved_late
    }

    pub fn pending(&self) -> i64 {
        self.pending_within + self.pending_overdue
    }

    /// The table's counting columns, in the order the page and the exports
    /// print them: received (total, carried over, online, counter or post),
    /// resolved (total, early, on time, late), pending (total, within,
    /// overdue), refused, withdrawn, stopped, supplements.
    pub fn counts(&self) -> [i64; 15] {
        [
            self.received(),
            self.carried_over,
            self.new_online,
            self.new_counter,
            self.resolved(),
            self.resolved_early,
            self.resolved_on_time,
            self.resolved_late,
            self.pending(),
            self.pending_within,
            self.pending_overdue,
            self.refused,
            self.withdrawn,
            self.stopped,
            self.supplements,
        ]
    }

    /// Whether every dossier received is accounted for once: received =
    /// resolved + pending + stopped. Refused and withdrawn submissions were
    /// never received.
    pub fn reconciles(&self) -> bool {
        self.received() == self.resolved() + self.pending() + self.stopped
    }

    /// New dossiers filed online, as a percentage (one decimal).
    pub fn online_rate(&self) -> Option<f64> {
        percent(self.new_online, self.new_online + self.new_counter)
    }

    /// Resolved before or on the deadline, as a percentage.
    pub fn on_time_rate(&self) -> Option<f64> {
        percent(self.resolved_early + self.resolved_on_time, self.resolved())
    }

    /// Ratings of satisfied or very satisfied, as a percentage.
    pub fn satisfaction(&self) -> Option<f64> {
        percent(self.satisfied, self.ratings)
    }

    /// The sum of `rows`, named `name`.
    pub fn total(rows: &[Bieu06Row], name: &str) -> Bieu06Row {
        rows.iter().fold(
            Bieu06Row {
                name: name.to_string(),
                ..Bieu06Row::default()
            },
            |sum, row| Bieu06Row {
                carried_over: sum.carried_over + row.carried_over,
                new_online: sum.new_online + row.new_online,
                new_counter: sum.new_counter + row.new_counter,
                resolved_early: sum.resolved_early + row.resolved_early,
                resolved_on_time: sum.resolved_on_time + row.resolved_on_time,
                resolved_late: sum.resolved_late + row.resolved_late,
                pending_within: sum.pending_within + row.pending_within,
                pending_overdue: sum.pending_overdue + row.pending_overdue,
                refused: sum.refused + row.refused,
                withdrawn: sum.withdrawn + row.withdrawn,
                stopped: sum.stopped + row.stopped,
                supplements: sum.supplements + row.supplements,
                paid_online: sum.paid_online + row.paid_online,
                paid_online_amount: sum.paid_online_amount + row.paid_online_amount,
                ratings: sum.ratings + row.ratings,
                satisfied: sum.satisfied + row.satisfied,
                ..sum
            },
        )
    }
}

fn percent(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

/// What the report's rows are: sectors (as the form is usually made), or
/// the agencies of the subtree, each with its own dossiers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Breakdown {
    #[default]
    Sector,
    Agency,
}

impl Breakdown {
    /// From the page's `theo=` (`linh-vuc`, `co-quan`) or the API's `by=`
    /// (`sector`, `agency`); by sector otherwise.
    pub fn parse(text: Option<&str>) -> Breakdown {
        match text {
            Some("co-quan" | "agency") => Breakdown::Agency,
            _ => Breakdown::Sector,
        }
    }

    /// As the page's query writes it.
    pub fn as_query(self) -> &'static str {
        match self {
            Breakdown::Sector => "linh-vuc",
            Breakdown::Agency => "co-quan",
        }
    }

    /// As the API and the JSON write it.
    pub fn as_api(self) -> &'static str {
        match self {
            Breakdown::Sector => "sector",
            Breakdown::Agency => "agency",
        }
    }
}

/// The report: its period, the agencies it covers, a row per sector (or
/// agency) and the totals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bieu06 {
    /// `dd/mm/yyyy`.
    pub from: String,
    pub to: String,
    pub agency_name: String,
    pub by: Breakdown,
    pub rows: Vec<Bieu06Row>,
    pub total: Bieu06Row,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_add_up_and_rates_are_rounded_percentages() {
        let rows = [
            Bieu06Row {
                carried_over: 2,
                new_online: 3,
                new_counter: 0,
                resolved_early: 2,
                resolved_late: 1,
                pending_within: 2,
                // Refused before acceptance: never received.
                refused: 1,
                ratings: 3,
                satisfied: 2,
                ..Bieu06Row::default()
            },
            Bieu06Row {
                new_online: 1,
                stopped: 1,
                ..Bieu06Row::default()
            },
        ];
        let total = Bieu06Row::total(&rows, "Tổng cộng");
        assert_eq!(total.received(), 6);
        assert!(total.reconciles() && rows.iter().all(Bieu06Row::reconciles));
        assert!(
            !Bieu06Row {
                refused: 1,
                new_online: 1,
                ..Bieu06Row::default()
            }
            .reconciles(),
            "a refused submission does not account for a received dossier"
        );
        assert_eq!(total.online_rate(), Some(100.0));
        assert_eq!(total.on_time_rate(), Some(66.7));
        assert_eq!(total.satisfaction(), Some(66.7));
        assert_eq!(Bieu06Row::default().online_rate(), None);
    }
}
