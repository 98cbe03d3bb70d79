//! The PDF documents the portal produces.
//!
//! Everything the portal prints is built here: the slips the one-stop desk
//! issues (receipt of a dossier, request for more documents, refusal,
//! hand-over of the result …), results and fee receipts. (The blank forms
//! citizens download are catalogue content, uploaded by administrators.)
//!
//! [`layout`] is the shared base: an A4 page with the margins of Vietnamese
//! administrative documents, embedded Liberation Serif (so Vietnamese renders
//! everywhere and can be copied back out of the PDF), word-wrapped lines,
//! dotted blanks, simple tables and automatic page breaks. Documents are
//! rendered to bytes in memory and are deterministic: the same input gives the
//! same file.

pub mod control_slip;
pub mod download;
pub mod fee_receipt;
pub mod layout;
pub mod letterhead;
pub mod moments;
pub mod notice_slip;
pub mod receipt_slip;
pub mod register;
pub mod result_document;
pub mod signature_block;
pub mod signing;
