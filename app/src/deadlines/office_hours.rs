//! An agency's office hours: the working periods of its working days, as
//! administrators type them ("07:30-11:30, 13:30-17:00") and as the deadline
//! engine counts working hours and closing time with them.

use chrono::NaiveTime;

/// A day's working periods, in order, not overlapping.
pub type Periods = Vec<(NaiveTime, NaiveTime)>;

/// Why typed office hours are refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfficeHoursProblem {
    /// Not "HH:MM-HH:MM", comma separated.
    NotPeriods,
    /// A period ends before it starts, or overlaps or precedes the one before.
    OutOfOrder,
    /// No period, or more than four.
    Count,
}

fn time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

/// The periods typed as "07:30-11:30, 13:30-17:00" (en dashes too).
pub fn parse_office_hours(text: &str) -> Result<Periods, OfficeHoursProblem> {
    let mut periods = Periods::new();
    for part in text
        .split([',', ';'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
    {
        let (start, end) = part
            .split_once(['-', '–'])
            .ok_or(OfficeHoursProblem::NotPeriods)?;
        let (start, end) = time(start)
            .zip(time(end))
            .ok_or(OfficeHoursProblem::NotPeriods)?;
        let after_previous = periods
            .last()
            .is_none_or(|(_, previous)| start >= *previous);
        if start >= end || !after_previous {
            return Err(OfficeHoursProblem::OutOfOrder);
        }
        periods.push((start, end));
    }
    if !(1..=4).contains(&periods.len()) {
        return Err(OfficeHoursProblem::Count);
    }
    Ok(periods)
}

/// The periods as stored and typed: "07:30-11:30, 13:30-17:00".
pub fn format_office_hours(periods: &[(NaiveTime, NaiveTime)]) -> String {
    periods
        .iter()
        .map(|(start, end)| format!("{}-{}", start.format("%H:%M"), end.format("%H:%M")))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn office_hours_are_read_as_typed_and_written_back_the_same() {
        let periods = parse_office_hours("07:30-11:30, 13:30–17:00").unwrap();
        assert_eq!(
            periods,
            vec![(hm(7, 30), hm(11, 30)), (hm(13, 30), hm(17, 0))]
        );
        assert_eq!(format_office_hours(&periods), "07:30-11:30, 13:30-17:00");
    }

    #[test]
    fn periods_must_be_times_in_order_and_a_few() {
        assert_eq!(
            parse_office_hours("sáng 7h30"),
            Err(OfficeHoursProblem::NotPeriods)
        );
        assert_eq!(
            parse_office_hours("11:30-07:30"),
            Err(OfficeHoursProblem::OutOfOrder)
        );
        assert_eq!(
            parse_office_hours("13:00-17:00, 08:00-12:00"),
            Err(OfficeHoursProblem::OutOfOrder)
        );
        assert_eq!(
            parse_office_hours("08:00-12:00, 11:00-17:00"),
            Err(OfficeHoursProblem::OutOfOrder)
        );
        assert_eq!(parse_office_hours(""), Err(OfficeHoursProblem::Count));
    }
}
