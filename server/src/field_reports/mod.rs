//! Field reports (phản ánh hiện trường, issue 21), the server's side. So
//! far the categories' store; the reports, their handling and the public
//! board come next (the rules that need no database are in
//! `app::field_reports`).

pub mod categories;
