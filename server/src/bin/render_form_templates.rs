//! Writes the downloadable form templates (`server::documents::form_templates`)
//! to `public/mau-don/`, where the site serves them as `/mau-don/<file>.pdf`.
//!
//! The PDFs are committed. After changing a template, run
//!
//! ```sh
//! cargo run -p server --bin render_form_templates
//! ```
//!
//! and commit the regenerated files with the change (the output is
//! deterministic, so unchanged forms give unchanged files; the
//! `form_templates` test fails while the committed files are stale).
//! An optional argument writes to another directory instead.

use std::path::PathBuf;

use server::documents::form_templates::{FormTemplate, DIRECTORY};

fn main() -> std::io::Result<()> {
    let directory = match std::env::args_os().nth(1) {
        Some(directory) => PathBuf::from(directory),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../public")
            .join(DIRECTORY),
    };
    std::fs::create_dir_all(&directory)?;
    for form in FormTemplate::ALL {
        let path = directory.join(form.file_name());
        let pdf = form.render();
        std::fs::write(&path, &pdf)?;
        println!("{} ({} bytes)", path.display(), pdf.len());
    }
    Ok(())
}
