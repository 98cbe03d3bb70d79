//! The list of signed-in sessions (`/tai-khoan/phien`) and ending them.

pub struct SessionsTexts {
    pub title: &'static str,
    pub lead: &'static str,
    /// The link from the account page.
    pub nav: &'static str,
    pub device: &'static str,
    pub address: &'static str,
    pub signed_in: &'static str,
    pub last_seen: &'static str,
    pub this_device: &'static str,
    pub unknown_address: &'static str,
    pub end: &'static str,
    pub end_others: &'static str,
    pub end_others_hint: &'static str,
    /// A session ended, on the device named.
    pub ended: fn(&str) -> String,
    /// This many other sessions ended.
    pub others_ended: fn(u64) -> String,
    pub none_other: &'static str,
    /// The session ended was the one in use.
    pub ended_here: &'static str,
    /// An administrator on an official's page.
    pub admin_heading: &'static str,
    pub admin_hint: &'static str,
    pub admin_end_all: &'static str,
    /// An official's sessions ended by an administrator: whose, how many.
    pub admin_ended: fn(&str, u64) -> String,
}

pub const VI: SessionsTexts = SessionsTexts {
    title: "Phiên đăng nhập",
    lead: "Các thiết bị đang đăng nhập tài khoản của bạn. Nếu thấy thiết bị hoặc địa chỉ lạ, hãy kết thúc phiên đó và đổi mật khẩu.",
    nav: "Phiên đăng nhập trên các thiết bị",
    device: "Thiết bị",
    address: "Địa chỉ mạng",
    signed_in: "Đăng nhập lúc",
    last_seen: "Dùng gần nhất",
    this_device: "Thiết bị này",
    unknown_address: "không rõ",
    end: "Kết thúc phiên",
    end_others: "Đăng xuất khỏi mọi thiết bị khác",
    end_others_hint: "Thiết bị bạn đang dùng vẫn đăng nhập.",
    ended: |device| format!("Đã kết thúc phiên đăng nhập trên {device}."),
    others_ended: |n| format!("Đã đăng xuất khỏi {n} thiết bị khác."),
    none_other: "Tài khoản không đăng nhập trên thiết bị nào khác.",
    ended_here: "Bạn đã đăng xuất khỏi thiết bị này.",
    admin_heading: "Phiên đăng nhập",
    admin_hint: "Kết thúc ngay mọi phiên đăng nhập của tài khoản này (ví dụ khi máy tính bị mất hoặc nghi lộ mật khẩu); người dùng phải đăng nhập lại.",
    admin_end_all: "Kết thúc mọi phiên đăng nhập",
    admin_ended: |name, n| format!("Đã kết thúc {n} phiên đăng nhập của {name}."),
};

pub const EN: SessionsTexts = SessionsTexts {
    title: "Signed-in sessions",
    lead: "The devices signed in to your account. If you see a device or an address you do not know, end that session and change your password.",
    nav: "Sessions on your devices",
    device: "Device",
    address: "Network address",
    signed_in: "Signed in",
    last_seen: "Last used",
    this_device: "This device",
    unknown_address: "unknown",
    end: "End session",
    end_others: "Sign out of every other device",
    end_others_hint: "The device you are using stays signed in.",
    ended: |device| format!("The session on {device} has ended."),
    others_ended: |n| format!("Signed out of {n} other devices."),
    none_other: "The account is not signed in on any other device.",
    ended_here: "You are signed out of this device.",
    admin_heading: "Signed-in sessions",
    admin_hint: "End every session of this account at once (for example when a computer is lost or the password may have leaked); they must sign in again.",
    admin_end_all: "End every session",
    admin_ended: |name, n| format!("{n} sessions of {name} have ended."),
};
