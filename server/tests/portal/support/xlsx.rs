//! Excel exports read back by an independent reader (openpyxl), for the
//! tests to compare with the JSON report.

use serde_json::Value;

/// Runs the Python `script` with openpyxl on the workbook `bytes` (its
/// path as `sys.argv[1]`) and reads what it printed as JSON.
fn with_openpyxl(bytes: &[u8], script: &str) -> Value {
    let path = std::env::temp_dir().join(format!(
        "motcua-workbook-{}-{:?}.xlsx",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::write(&path, bytes).unwrap();
    let output = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .output()
        .expect("python3 runs");
    let _ = std::fs::remove_file(&path);
    assert!(
        output.status.success(),
        "openpyxl could not read the workbook: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The workbook as openpyxl reads it: for each sheet, its name, merged
/// ranges, frozen cell, every line's values, and the table's lines (from
/// `first`, 1-based, to the first empty line) with their Python types.
pub fn read_xlsx(bytes: &[u8]) -> Value {
    let script = r#"
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
def table(sheet, first):
    rows = []
    for row in sheet.iter_rows(min_row=first, values_only=True):
        if all(c is None for c in row):
            break
        rows.append([{"type": type(c).__name__, "value": c} for c in row])
    return rows
def read(sheet, first):
    return {
        "name": sheet.title,
        "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
        "frozen": sheet.freeze_panes,
        "lines": [[c for c in row] for row in sheet.iter_rows(values_only=True)],
        "rows": table(sheet, first),
    }
form, extras = book.worksheets
print(json.dumps({"form": read(form, 9), "extras": read(extras, 6)}, default=str))
"#;
    with_openpyxl(bytes, script)
}

/// Every sheet of a workbook as openpyxl reads it: name, frozen cell, and
/// each line's cells with their Python types (`{"type", "value"}`).
pub fn read_sheets(bytes: &[u8]) -> Vec<Value> {
    let script = r#"
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
print(json.dumps([{
    "name": sheet.title,
    "frozen": sheet.freeze_panes,
    "lines": [[{"type": type(c).__name__, "value": c} for c in row]
              for row in sheet.iter_rows(values_only=True)],
} for sheet in book.worksheets], default=str))
"#;
    match with_openpyxl(bytes, script) {
        Value::Array(sheets) => sheets,
        other => panic!("not a list of sheets: {other}"),
    }
}

/// The line of `sheet` (from `read_sheets`) whose first cell is `name`,
/// after the first line that starts with `after`: its figures, which must
/// be numbers, not text (`None`: an empty cell).
pub fn numbers_of(sheet: &Value, after: &str, name: &str) -> Option<Vec<Option<f64>>> {
    sheet["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| line.as_array().unwrap())
        .skip_while(|line| line[0]["value"] != after)
        .find(|line| line[0]["value"] == name)
        .map(|line| {
            line[1..]
                .iter()
                .map(|cell| match cell["type"].as_str() {
                    Some("int" | "float") => cell["value"].as_f64(),
                    Some("NoneType") => None,
                    _ => panic!("a number, not text: {cell}"),
                })
                .collect()
        })
}

/// The form's columns, then the further figures', as the JSON names them.
pub const FORM_KEYS: [&str; 11] = [
    "received",
    "carried_over",
    "new_online",
    "new_counter_or_post",
    "resolved",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending",
    "pending_within",
    "pending_overdue",
];
pub const EXTRA_KEYS: [&str; 8] = [
    "refused",
    "withdrawn",
    "stopped",
    "supplements_requested",
    "paid_online",
    "paid_online_amount",
    "online_rate",
    "satisfaction",
];

/// A sheet's table against the JSON report: each line's STT (none for the
/// totals), name, and numbers as numbers under `keys`.
pub fn same_numbers(sheet: &Value, report: &Value, keys: &[&str]) {
    let rows = sheet["rows"].as_array().unwrap();
    let expected: Vec<&Value> = report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .chain(std::iter::once(&report["total"]))
        .collect();
    assert_eq!(rows.len(), expected.len(), "{}", sheet["name"]);
    for (index, (row, json)) in rows.iter().zip(&expected).enumerate() {
        let cells = row.as_array().unwrap();
        let stt = if index + 1 < expected.len() {
            Value::from(index + 1)
        } else {
            Value::Null
        };
        assert_eq!(cells[0]["value"], stt, "the STT column");
        assert_eq!(cells[1]["value"], json["name"]);
        let numbers: Vec<f64> = cells[2..]
            .iter()
            .map(|cell| {
                assert!(
                    matches!(cell["type"].as_str(), Some("int" | "float" | "NoneType")),
                    "a number, not text: {cell}"
                );
                cell["value"].as_f64().unwrap_or(f64::NAN)
            })
            .collect();
        let wanted: Vec<f64> = keys
            .iter()
            .map(|key| json[key].as_f64().unwrap_or(f64::NAN))
            .collect();
        assert_eq!(numbers.len(), wanted.len());
        for (got, want) in numbers.iter().zip(&wanted) {
            assert!(
                got == want || (got.is_nan() && want.is_nan()),
                "{numbers:?} vs {wanted:?}"
            );
        }
    }
}

/// Every text of the sheet, line by line, blanks left out.
pub fn lines_of(sheet: &Value) -> Vec<Vec<String>> {
    sheet["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| {
            line.as_array()
                .unwrap()
                .iter()
                .filter(|cell| !cell.is_null())
                .map(|cell| match cell {
                    Value::String(text) => text.clone(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}
