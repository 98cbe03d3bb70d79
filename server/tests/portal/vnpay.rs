//! The VNPay adapter (2.1.0) against signatures computed independently, by
//! Python's standard library the way VNPay's own samples do it: the `vnp_*`
//! parameters sorted by name, URL-encoded (spaces as `+`), joined as
//! `k=v&…`, HMAC-SHA512 with the merchant's secret.

use crate::support;

use axum::body::Body;
use axum::http::Request;
use support::back_office::{signed_in, CITIZEN};
use support::payments::{file_business, payment_status};
use support::spawn_app_with;

const SECRET: &str = "VNPAYTESTSECRETKEY0123456789ABCD";
const TMN_CODE: &str = "MOTCUA01";

/// HMAC-SHA512 over the sorted, encoded parameters, by Python.
fn python_signature(params: &[(String, String)]) -> String {
    let script = r#"
import hashlib, hmac, json, sys, urllib.parse
params = json.loads(sys.argv[2])
data = "&".join(urllib.parse.quote_plus(k) + "=" + urllib.parse.quote_plus(v)
                for k, v in sorted(params) if k.startswith("vnp_") and v and k not in ("vnp_SecureHash", "vnp_SecureHashType"))
print(hmac.new(sys.argv[1].encode(), data.encode(), hashlib.sha512).hexdigest())
"#;
    let output = std::process::Command::new("python3")
        .args([
            "-c",
            script,
            SECRET,
            &serde_json::to_string(params).unwrap(),
        ])
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

fn ipn_params(reference: &str, amount_vnd: i64) -> Vec<(String, String)> {
    [
        ("vnp_Amount", (amount_vnd * 100).to_string()),
        ("vnp_BankCode", "NCB".to_string()),
        ("vnp_OrderInfo", "Thanh toan phi, le phi".to_string()),
        ("vnp_PayDate", "20261201103000".to_string()),
        ("vnp_ResponseCode", "00".to_string()),
        ("vnp_TmnCode", TMN_CODE.to_string()),
        ("vnp_TransactionNo", "14123456".to_string()),
        ("vnp_TransactionStatus", "00".to_string()),
        ("vnp_TxnRef", reference.to_string()),
    ]
    .into_iter()
    .map(|(key, value)| (key.to_string(), value))
    .collect()
}

async fn ipn(
    app: &support::TestApp,
    params: &[(String, String)],
    signature: &str,
) -> serde_json::Value {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (key, value) in params {
        query.append_pair(key, value);
    }
    query.append_pair("vnp_SecureHash", signature);
    let response = app
        .request(
            Request::get(format!("/api/v1/payments/vnpay/ipn?{}", query.finish()))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(response.status, 200, "{}", response.body);
    response.json()
}

#[tokio::test]
async fn payments_go_to_vnpay_signed_and_only_its_signed_ipn_settles_them() {
    let app = spawn_app_with(&[
        ("MOTCUA_PAYMENT_GATEWAY", "vnpay".into()),
        ("MOTCUA_VNPAY_TMN_CODE", TMN_CODE.into()),
        ("MOTCUA_VNPAY_HASH_SECRET", SECRET.into()),
    ])
    .await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let code = file_business(&mut citizen).await;
    // The pay button's redirect leaves the portal: its page allows VNPay as a form target.
    let page = citizen.get(&format!("/ho-so/{code}")).await;
    let policy = page.header("content-security-policy");
    assert!(
        policy.contains("form-action 'self' https://sandbox.vnpayment.vn;"),
        "{policy}"
    );
    let response = citizen
        .post(&format!("/ho-so/{code}/thanh-toan"), &[])
        .await;
    let location = response.location();
    let (address, query) = location.split_once('?').unwrap();
    assert_eq!(
        address,
        "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html"
    );
    let params: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .map(|(key, value)| (key.into_owned(), value.into_owned()))
        .collect();
    let param = |name: &str| {
        params
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .unwrap()
    };
    assert_eq!(param("vnp_Version"), "2.1.0");
    assert_eq!(param("vnp_Amount"), "10000000", "VND × 100");
    assert_eq!(param("vnp_CurrCode"), "VND");
    assert_eq!(param("vnp_TmnCode"), TMN_CODE);
    assert_eq!(
        param("vnp_SecureHash"),
        python_signature(&params),
        "the payment address is signed as VNPay checks it"
    );
    let reference = param("vnp_TxnRef");

    // Forged, wrong amount, unknown order: nothing changes.
    let good = ipn_params(&reference, 100_000);
    assert_eq!(ipn(&app, &good, &"a".repeat(128)).await["RspCode"], "97");
    let cheaper = ipn_params(&reference, 1_000);
    assert_eq!(
        ipn(&app, &cheaper, &python_signature(&cheaper)).await["RspCode"],
        "04"
    );
    let unknown = ipn_params("MC000000NOSUCHREF", 100_000);
    assert_eq!(
        ipn(&app, &unknown, &python_signature(&unknown)).await["RspCode"],
        "01"
    );
    assert_eq!(payment_status(&app, &reference).await, "pending");

    let answer = ipn(&app, &good, &python_signature(&good)).await;
    assert_eq!(
        answer,
        serde_json::json!({ "RspCode": "00", "Message": "Confirm Success" })
    );
    assert_eq!(payment_status(&app, &reference).await, "paid");
    assert_eq!(
        ipn(&app, &good, &python_signature(&good)).await["RspCode"],
        "02",
        "a replay changes nothing"
    );
    let transaction: String =
        sqlx::query_scalar("SELECT gateway_transaction FROM payments WHERE reference = $1")
            .bind(&reference)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(transaction, "14123456");
}
