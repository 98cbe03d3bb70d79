//! Phản ánh hiện trường (issue 21): citizens report a problem with a place
//! (and photos), the coordinating unit forwards it to the agency that
//! handles its category, and the agency answers within the category's
//! time. This module holds the rules that do not need the database.

pub mod sla;
