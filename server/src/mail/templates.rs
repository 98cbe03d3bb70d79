//! The messages the portal sends, in Vietnamese and English. Plain text: it
//! reads everywhere, and links are written out in full.

use app::i18n::Lang;

pub struct Message {
    pub subject: String,
    pub body: String,
}

const SIGNATURE_VI: &str = "Cổng dịch vụ công Một Cửa\nĐây là thư tự động, vui lòng không trả lời.";
const SIGNATURE_EN: &str =
    "Một Cửa public service portal\nThis message was sent automatically; please do not reply.";

pub fn confirm_email(lang: Lang, name: &str, link: &str) -> Message {
    match lang {
        Lang::Vi => Message {
            subject: "Xác nhận địa chỉ email của bạn".into(),
            body: format!(
                "Kính gửi {name},\n\nVui lòng mở liên kết sau để xác nhận địa chỉ email cho tài khoản trên Cổng dịch vụ công:\n\n{link}\n\nLiên kết có hiệu lực trong 48 giờ và chỉ dùng được một lần. Nếu bạn không đăng ký tài khoản, hãy bỏ qua thư này.\n\n{SIGNATURE_VI}\n"
            ),
        },
        Lang::En => Message {
            subject: "Confirm your email address".into(),
            body: format!(
                "Dear {name},\n\nPlease open this link to confirm the email address of your account on the public service portal:\n\n{link}\n\nThe link works for 48 hours and only once. If you did not register, please ignore this message.\n\n{SIGNATURE_EN}\n"
            ),
        },
    }
}

pub fn reset_password(lang: Lang, name: &str, link: &str) -> Message {
    match lang {
        Lang::Vi => Message {
            subject: "Đặt lại mật khẩu".into(),
            body: format!(
                "Kính gửi {name},\n\nChúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản của bạn. Mở liên kết sau để chọn mật khẩu mới:\n\n{link}\n\nLiên kết có hiệu lực trong 30 phút và chỉ dùng được một lần. Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn không thay đổi.\n\n{SIGNATURE_VI}\n"
            ),
        },
        Lang::En => Message {
            subject: "Reset your password".into(),
            body: format!(
                "Dear {name},\n\nWe received a request to reset the password of your account. Open this link to choose a new password:\n\n{link}\n\nThe link works for 30 minutes and only once. If you did not ask, ignore this message: your password has not changed.\n\n{SIGNATURE_EN}\n"
            ),
        },
    }
}

/// Why a registration found an account already there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlreadyRegistered {
    Email,
    CitizenId,
    /// The CCCD belongs to a walk-in applicant the one-stop shop recorded.
    RecordedAtCounter,
}

/// Sent to the address a registration gave, instead of a confirmation link,
/// when its email or CCCD already has an account: the page said the same as
/// for a new account, so only the mailbox's holder learns it.
pub fn already_registered(
    lang: Lang,
    name: &str,
    reason: AlreadyRegistered,
    forgot_link: &str,
) -> Message {
    match lang {
        Lang::Vi => {
            let what = match reason {
                AlreadyRegistered::Email => "Email này đã gắn với một tài khoản trên Cổng dịch vụ công. Nếu đó là tài khoản của bạn, hãy đăng nhập, hoặc đặt lại mật khẩu tại:",
                AlreadyRegistered::CitizenId => "Số định danh cá nhân bạn khai đã có tài khoản trên Cổng dịch vụ công. Nếu đó là tài khoản của bạn, hãy đăng nhập bằng số định danh, hoặc đặt lại mật khẩu với email của tài khoản đó tại:",
                AlreadyRegistered::RecordedAtCounter => "Số định danh cá nhân bạn khai đã được bộ phận một cửa ghi nhận khi bạn nộp hồ sơ trực tiếp. Hãy đặt mật khẩu bằng email bạn khai tại quầy (hoặc đề nghị bộ phận một cửa bổ sung email của bạn) tại:",
            };
            Message {
                subject: "Bạn đã có tài khoản".into(),
                body: format!(
                    "Kính gửi {name},\n\nChúng tôi nhận được yêu cầu đăng ký tài khoản với địa chỉ email này. Chưa có tài khoản mới nào được tạo.\n\n{what}\n\n{forgot_link}\n\nNếu bạn không đăng ký, hãy bỏ qua thư này.\n\n{SIGNATURE_VI}\n"
                ),
            }
        }
        Lang::En => {
            let what = match reason {
                AlreadyRegistered::Email => "This email address already belongs to an account on the portal. If it is yours, sign in, or reset the password here:",
                AlreadyRegistered::CitizenId => "The identification number you gave already has an account on the portal. If it is yours, sign in with the number, or reset the password with that account's email here:",
                AlreadyRegistered::RecordedAtCounter => "The one-stop shop recorded the identification number you gave when you filed at the counter. Set a password with the email you gave at the counter (or ask the one-stop shop to add your email) here:",
            };
            Message {
                subject: "You already have an account".into(),
                body: format!(
                    "Dear {name},\n\nWe received a request to register an account with this email address. No new account was created.\n\n{what}\n\n{forgot_link}\n\nIf you did not register, please ignore this message.\n\n{SIGNATURE_EN}\n"
                ),
            }
        }
    }
}

pub fn official_welcome(lang: Lang, name: &str, link: &str) -> Message {
    match lang {
        Lang::Vi => Message {
            subject: "Tài khoản cán bộ của bạn đã được tạo".into(),
            body: format!(
                "Kính gửi {name},\n\nQuản trị viên đã tạo tài khoản cán bộ cho bạn trên Cổng dịch vụ công Một Cửa. Mở liên kết sau để đặt mật khẩu:\n\n{link}\n\nLiên kết có hiệu lực trong 72 giờ và chỉ dùng được một lần.\n\n{SIGNATURE_VI}\n"
            ),
        },
        Lang::En => Message {
            subject: "Your official account has been created".into(),
            body: format!(
                "Dear {name},\n\nAn administrator created an official account for you on the Một Cửa portal. Open this link to set your password:\n\n{link}\n\nThe link works for 72 hours and only once.\n\n{SIGNATURE_EN}\n"
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_carry_the_link() {
        for lang in Lang::ALL {
            for message in [
                confirm_email(lang, "An", "https://x/1"),
                reset_password(lang, "An", "https://x/1"),
                official_welcome(lang, "An", "https://x/1"),
                already_registered(lang, "An", AlreadyRegistered::Email, "https://x/1"),
            ] {
                assert!(message.body.contains("https://x/1"));
                assert!(message.body.contains("An"));
            }
        }
        assert!(reset_password(Lang::Vi, "An", "l").body.contains("30 phút"));
    }
}
