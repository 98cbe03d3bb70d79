//! The registration form's rules, the same in the browser and on the server.

use super::birth_date::{parse_birth_date, BirthDateError};
use super::identity::{CitizenId, EmailAddress, PersonName, PhoneNumber};
use super::password::{Password, PasswordContext};
use crate::forms::FormFeedback;
use crate::i18n::Lang;
use chrono::{Datelike, NaiveDate};

/// The registration form as posted: every field as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct RegistrationForm {
    #[serde(default)]
    pub full_name: String,
    #[serde(default)]
    pub citizen_id: String,
    #[serde(default)]
    pub date_of_birth: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub password_confirmation: String,
    /// "on" when the privacy notice's box is ticked.
    #[serde(default)]
    pub privacy_consent: String,
}

/// A registration that passed every rule.
pub struct Registration {
    pub full_name: PersonName,
    pub citizen_id: CitizenId,
    pub date_of_birth: NaiveDate,
    pub email: EmailAddress,
    pub phone: PhoneNumber,
    pub password: Password,
}

impl RegistrationForm {
    /// What was typed, to show again with messages (never the passwords).
    pub fn typed_values(&self) -> FormFeedback {
        let mut feedback = FormFeedback::new("register");
        for (field, value) in [
            ("full_name", &self.full_name),
            ("citizen_id", &self.citizen_id),
            ("date_of_birth", &self.date_of_birth),
            ("email", &self.email),
            ("phone", &self.phone),
            ("privacy_consent", &self.privacy_consent),
        ] {
            feedback.keep(field, value);
        }
        feedback
    }

    /// Checks every field and reports every problem at once, in `lang`; the
    /// typed values (not the passwords) travel back with the messages.
    pub fn validate(&self, lang: Lang, today: NaiveDate) -> Result<Registration, FormFeedback> {
        let t = &lang.texts().accounts;
        let mut feedback = self.typed_values();

        let person = check_person(
            &self.full_name,
            &self.citizen_id,
            &self.date_of_birth,
            lang,
            today,
            &mut feedback,
        );
        let email = EmailAddress::parse(&self.email)
            .map_err(|error| feedback.error("email", error.message(lang)))
            .ok();
        let phone = PhoneNumber::parse(&self.phone)
            .map_err(|error| feedback.error("phone", error.message(lang)))
            .ok();
        let password = Password::parse(
            &self.password,
            // The number as typed, even when the date of birth is wrong.
            &PasswordContext::new(
                email.as_ref(),
                CitizenId::parse(&self.citizen_id).ok().as_ref(),
            ),
        )
        .map_err(|error| feedback.error("password", error.message(lang)))
        .ok();
        if password.is_some() && self.password != self.password_confirmation {
            feedback.error("password_confirmation", t.passwords_differ);
        }
        // An account is voluntary: it rests on consent to the privacy notice
        // (Law 91/2025/QH15), which the handler records with its version.
        if self.privacy_consent != "on" {
            feedback.error("privacy_consent", lang.texts().privacy.consent_required);
        }

        match (person, email, phone, password) {
            (
                Some((full_name, citizen_id, date_of_birth)),
                Some(email),
                Some(phone),
                Some(password),
            ) if !feedback.has_errors() => Ok(Registration {
                full_name,
                citizen_id,
                date_of_birth,
                email,
                phone,
                password,
            }),
            _ => Err(feedback),
        }
    }
}

/// A person's name, CCCD and date of birth as typed, checked together (the
/// CCCD's fourth to sixth digits encode the year of birth); every problem
/// goes into `feedback`. Registration and the counter's walk-in record
/// share it.
pub fn check_person(
    full_name: &str,
    citizen_id: &str,
    date_of_birth: &str,
    lang: Lang,
    today: NaiveDate,
    feedback: &mut FormFeedback,
) -> Option<(PersonName, CitizenId, NaiveDate)> {
    let t = &lang.texts().accounts;
    let full_name = PersonName::parse(full_name)
        .map_err(|error| feedback.error("full_name", error.message(lang)))
        .ok();
    let citizen_id = CitizenId::parse(citizen_id)
        .map_err(|error| feedback.error("citizen_id", error.message(lang)))
        .ok();
    let date_of_birth = parse_birth_date(date_of_birth, today)
        .map_err(|error| {
            let message = match error {
                BirthDateError::Empty => t.date_of_birth_required,
                BirthDateError::Invalid => t.date_of_birth_invalid,
                BirthDateError::NotInThePast => t.date_of_birth_future,
            };
            feedback.error("date_of_birth", message)
        })
        .ok();
    if let (Some(id), Some(date)) = (&citizen_id, date_of_birth) {
        if let Err(error) = id.check_birth_date(date.year()) {
            feedback.error("citizen_id", error.message(lang));
            return None;
        }
    }
    Some((full_name?, citizen_id?, date_of_birth?))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();

    fn valid() -> RegistrationForm {
        RegistrationForm {
            full_name: "Nguyễn Thị Hoa".into(),
            citizen_id: "022190001234".into(),
            date_of_birth: "15/03/1990".into(),
            email: "hoa@example.vn".into(),
            phone: "0912 345 678".into(),
            password: "hoa sen nở muộn".into(),
            password_confirmation: "hoa sen nở muộn".into(),
            privacy_consent: "on".into(),
        }
    }

    #[test]
    fn a_correct_form_passes() {
        let registration = valid().validate(Lang::Vi, TODAY).ok().unwrap();
        assert_eq!(registration.citizen_id.as_str(), "022190001234");
        assert_eq!(registration.date_of_birth.to_string(), "1990-03-15");
    }

    #[test]
    fn every_problem_is_reported_at_once_and_values_are_kept() {
        let form = RegistrationForm {
            full_name: "".into(),
            citizen_id: "12345".into(),
            email: "hoa@".into(),
            password: "ngắn".into(),
            ..valid()
        };
        let feedback = form.validate(Lang::Vi, TODAY).err().unwrap();
        let fields: Vec<&str> = feedback
            .errors
            .iter()
            .map(|error| error.field.as_str())
            .collect();
        assert_eq!(fields, ["full_name", "citizen_id", "email", "password"]);
        assert_eq!(feedback.value("citizen_id"), "12345");
        assert_eq!(
            feedback.value("password"),
            "",
            "passwords never travel back"
        );
    }

    #[test]
    fn the_citizen_id_must_match_the_year_of_birth() {
        let form = RegistrationForm {
            date_of_birth: "15/03/1991".into(),
            ..valid()
        };
        let feedback = form.validate(Lang::Vi, TODAY).err().unwrap();
        assert_eq!(feedback.errors.len(), 1);
        assert_eq!(feedback.errors[0].field, "citizen_id");
        assert!(
            feedback.errors[0].message.contains("1990"),
            "{}",
            feedback.errors[0].message
        );
    }

    #[test]
    fn the_passwords_must_match() {
        let form = RegistrationForm {
            password_confirmation: "hoa sen nở sớm".into(),
            ..valid()
        };
        let feedback = form.validate(Lang::En, TODAY).err().unwrap();
        assert_eq!(feedback.errors[0].field, "password_confirmation");
        assert!(feedback.errors[0].message.contains("not the same"));
    }

    #[test]
    fn an_account_needs_consent_to_the_privacy_notice() {
        let form = RegistrationForm {
            privacy_consent: "".into(),
            ..valid()
        };
        let feedback = form.validate(Lang::Vi, TODAY).err().unwrap();
        assert_eq!(feedback.errors.len(), 1);
        assert_eq!(feedback.errors[0].field, "privacy_consent");
        assert!(feedback.errors[0]
            .message
            .contains("Thông báo xử lý dữ liệu cá nhân"));
    }
}
