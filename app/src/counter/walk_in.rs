//! The record of a walk-in applicant, as the reception officer types it
//! from their ID card: name, CCCD and date of birth are required (checked
//! as at registration); phone and email are optional, because many who
//! come to the counter have neither to give.

use crate::accounts::identity::{CitizenId, EmailAddress, PersonName, PhoneNumber};
use crate::accounts::registration::check_person;
use crate::forms::FormFeedback;
use crate::i18n::Lang;
use chrono::NaiveDate;

pub const FORM_NAME: &str = "walk_in";

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct WalkInForm {
    #[serde(default)]
    pub full_name: String,
    #[serde(default)]
    pub citizen_id: String,
    #[serde(default)]
    pub date_of_birth: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
}

/// A record that passed every rule.
pub struct WalkIn {
    pub full_name: PersonName,
    pub citizen_id: CitizenId,
    pub date_of_birth: NaiveDate,
    pub phone: Option<PhoneNumber>,
    pub email: Option<EmailAddress>,
}

impl WalkInForm {
    pub fn typed_values(&self) -> FormFeedback {
        let mut feedback = FormFeedback::new(FORM_NAME);
        for (field, value) in [
            ("full_name", &self.full_name),
            ("citizen_id", &self.citizen_id),
            ("date_of_birth", &self.date_of_birth),
            ("phone", &self.phone),
            ("email", &self.email),
        ] {
            feedback.keep(field, value);
        }
        feedback
    }

    /// Every problem at once, in `lang`, with what was typed kept.
    pub fn validate(&self, lang: Lang, today: NaiveDate) -> Result<WalkIn, FormFeedback> {
        let mut feedback = self.typed_values();
        let person = check_person(
            &self.full_name,
            &self.citizen_id,
            &self.date_of_birth,
            lang,
            today,
            &mut feedback,
        );
        let phone = optional(&self.phone, PhoneNumber::parse)
            .map_err(|error| feedback.error("phone", error.message(lang)))
            .ok();
        let email = optional(&self.email, EmailAddress::parse)
            .map_err(|error| feedback.error("email", error.message(lang)))
            .ok();
        match (person, phone, email) {
            (Some((full_name, citizen_id, date_of_birth)), Some(phone), Some(email))
                if !feedback.has_errors() =>
            {
                Ok(WalkIn {
                    full_name,
                    citizen_id,
                    date_of_birth,
                    phone,
                    email,
                })
            }
            _ => Err(feedback),
        }
    }
}

/// Blank is fine; anything typed must be right.
fn optional<T, E>(typed: &str, parse: impl Fn(&str) -> Result<T, E>) -> Result<Option<T>, E> {
    if typed.trim().is_empty() {
        Ok(None)
    } else {
        parse(typed).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();

    fn typed() -> WalkInForm {
        WalkInForm {
            full_name: "Lò Thị Mai".into(),
            citizen_id: "014190000123".into(),
            date_of_birth: "02/09/1990".into(),
            ..Default::default()
        }
    }

    #[test]
    fn name_cccd_and_birth_date_are_enough() {
        let walk_in = typed().validate(Lang::Vi, TODAY).ok().unwrap();
        assert!(walk_in.phone.is_none() && walk_in.email.is_none());
    }

    #[test]
    fn a_typed_contact_must_be_valid_and_everything_typed_is_kept() {
        let form = WalkInForm {
            phone: "12345".into(),
            email: "mai@".into(),
            ..typed()
        };
        let refused = form.validate(Lang::Vi, TODAY).err().unwrap();
        assert!(refused.message_for("phone").is_some());
        assert!(refused.message_for("email").is_some());
        assert_eq!(refused.value("full_name"), "Lò Thị Mai");
        assert_eq!(refused.value("phone"), "12345");
    }

    #[test]
    fn the_cccd_must_agree_with_the_year_of_birth() {
        let form = WalkInForm {
            date_of_birth: "02/09/1985".into(),
            ..typed()
        };
        let refused = form.validate(Lang::En, TODAY).err().unwrap();
        assert!(refused.message_for("citizen_id").is_some());
    }
}
