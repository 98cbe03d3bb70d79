//! What a citizen holds across their dossiers: the documents in their
//! wallet (`/tai-khoan/giay-to`) and their payments and receipts
//! (`/tai-khoan/thanh-toan`).

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One file of the citizen's document wallet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalletEntry {
    pub id: i64,
    pub name: String,
    /// The documents it was filed as ("Giấy chứng sinh"); empty when never
    /// attached to a dossier.
    pub documents: Vec<String>,
    /// A dossier's result handed back to the citizen, not an upload of theirs.
    pub is_result: bool,
    /// `PDF`, `JPEG` or `PNG`.
    pub format: String,
    /// `820 KB`, `1,2 MB`.
    pub size: String,
    /// `dd/mm/yyyy`, Vietnam time.
    pub added_on: String,
}

/// One payment attempt of the citizen's, on any of their dossiers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentEntry {
    pub dossier_code: String,
    pub procedure_name: String,
    /// `205.000 đ`.
    pub amount: String,
    /// `pending`, `paid`, `failed`, `expired`, `refund_due`, `refunded`.
    pub status: String,
    /// Online, cash or card.
    pub method: String,
    /// `dd/mm/yyyy HH:MM`: settled, or else started.
    pub at: String,
    /// The receipt (biên lai) once paid: its number and address.
    pub receipt: Option<crate::fees::view::ReceiptLink>,
}

/// The signed-in citizen's document wallet, newest first.
#[server(endpoint = "tracking/wallet")]
pub async fn load_wallet_entries() -> Result<Vec<WalletEntry>, AppError> {
    use crate::access::{require, Permission};
    let user = require(Permission::ManageOwnAccount)?;
    store::wallet(&crate::database::pool()?, user.id).await
}

/// The signed-in citizen's payments on all their dossiers, newest first.
#[server(endpoint = "tracking/payments")]
pub async fn load_my_payments() -> Result<Vec<PaymentEntry>, AppError> {
    use crate::access::{require, Permission};
    let user = require(Permission::ManageOwnAccount)?;
    store::payments(&crate::database::pool()?, user.id).await
}

#[cfg(feature = "ssr")]
mod store {
    use super::{PaymentEntry, WalletEntry};
    use crate::error::AppResult;
    use crate::fees::view::ReceiptLink;
    use crate::money::Vnd;
    use sqlx::PgPool;

    /// The same files the filing page offers from the wallet: the
    /// citizen's uploads and the results returned to them.
    pub async fn wallet(pool: &PgPool, owner_id: i64) -> AppResult<Vec<WalletEntry>> {
        let rows = sqlx::query!(
            r#"SELECT f.id, f.original_name, f.content_type, f.size_bytes, f.kind,
                      to_char(f.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY') AS "added_on!",
                      ARRAY(SELECT DISTINCT pd.name FROM dossier_attachments a
                            JOIN procedure_documents pd ON pd.id = a.document_id
                            WHERE a.file_id = f.id ORDER BY pd.name) AS "documents!"
               FROM stored_files f
               WHERE f.owner_id = $1 AND (f.kind = 'upload'
                  OR EXISTS (SELECT 1 FROM dossiers d WHERE d.result_file_id = f.id AND d.status = 'returned'))
               ORDER BY f.created_at DESC, f.id DESC LIMIT 200"#,
            owner_id
        )
        .fetch_all(pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| WalletEntry {
                id: row.id,
                name: row.original_name,
                documents: row.documents,
                is_result: row.kind != "upload",
                format: match row.content_type.as_str() {
                    "application/pdf" => "PDF",
                    "image/jpeg" => "JPEG",
                    "image/png" => "PNG",
                    _ => "",
                }
                .to_string(),
                size: crate::filing::store::megabytes(row.size_bytes),
                added_on: row.added_on,
            })
            .collect())
    }

    pub async fn payments(pool: &PgPool, applicant_id: i64) -> AppResult<Vec<PaymentEntry>> {
        let rows = sqlx::query!(
            r#"SELECT p.reference, p.amount_vnd, p.status, p.method, p.receipt_number,
                      d.code AS "code!", v.name AS procedure_name,
                      to_char(coalesce(p.settled_at, p.created_at) AT TIME ZONE 'Asia/Ho_Chi_Minh',
                              'DD/MM/YYYY HH24:MI') AS "at!"
               FROM payments p
               JOIN dossiers d ON d.id = p.dossier_id
               JOIN procedure_versions v ON v.id = d.procedure_version_id
               WHERE d.applicant_id = $1
               ORDER BY coalesce(p.settled_at, p.created_at) DESC, p.id DESC LIMIT 200"#,
            applicant_id
        )
        .fetch_all(pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| PaymentEntry {
                receipt: row.receipt_number.map(|number| ReceiptLink {
                    number,
                    href: crate::paths::payment_receipt(&row.code, &row.reference),
                }),
                dossier_code: row.code,
                procedure_name: row.procedure_name,
                amount: Vnd(row.amount_vnd).to_string(),
                status: row.status,
                method: row.method,
                at: row.at,
            })
            .collect())
    }
}
