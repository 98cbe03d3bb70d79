//! Dossiers on the server: codes and PINs, and (with the filing pages) the
//! handlers that create and change them.

pub mod codes;
