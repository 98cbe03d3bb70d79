//! Every server function answers at an address of its own. Two functions
//! declaring one `endpoint` both compile, and the server keeps one of them
//! (which one varies between builds): the filing page's live check once
//! answered with the check page's data that way.

use std::collections::BTreeMap;
use std::path::Path;

fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn no_two_server_functions_share_an_endpoint() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&source, &mut files);
    let mut endpoints: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (_, rest) in text
            .match_indices("#[server(endpoint = \"")
            .map(|(at, _)| ((), &text[at..]))
        {
            let name = rest["#[server(endpoint = \"".len()..]
                .split('"')
                .next()
                .unwrap()
                .to_string();
            endpoints
                .entry(name)
                .or_default()
                .push(file.display().to_string());
        }
    }
    assert!(endpoints.len() > 10, "the server functions were found");
    let shared: Vec<_> = endpoints
        .iter()
        .filter(|(_, files)| files.len() > 1)
        .collect();
    assert!(shared.is_empty(), "endpoints declared twice: {shared:?}");
}
