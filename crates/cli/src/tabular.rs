//! Rows of JSON objects written as an aligned table, JSON or CSV.

use std::io::Write;

use anyhow::Result;
use clap::ValueEnum;
use serde_json::Value;

/// How `query` prints its answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for reading.
    #[default]
    Table,
    /// A JSON array (an object for an entity profile).
    Json,
    /// CSV with a header line.
    Csv,
}

/// Widest a table cell is printed.
const CELL: usize = 48;

/// A cell's text: strings as they are, lists joined with "; ", null empty.
pub fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}

fn clip(s: &str) -> String {
    let one_line: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if one_line.chars().count() <= CELL {
        one_line
    } else {
        let mut t: String = one_line.chars().take(CELL - 1).collect();
        t.push('…');
        t
    }
}

/// Writes `rows` (JSON objects with the same keys) in `format`.
pub fn write_rows(out: &mut dyn Write, rows: &[Value], format: Format) -> Result<()> {
    let headers: Vec<String> = rows
        .first()
        .and_then(Value::as_object)
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            writeln!(out)?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(&headers)?;
            for r in rows {
                w.write_record(headers.iter().map(|h| cell(&r[h])))?;
            }
            w.flush()?;
        }
        Format::Table => {
            if rows.is_empty() {
                writeln!(out, "(nothing found)")?;
                return Ok(());
            }
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| headers.iter().map(|h| clip(&cell(&r[h]))).collect())
                .collect();
            let widths: Vec<usize> = headers
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    cells
                        .iter()
                        .map(|r| r[i].chars().count())
                        .chain([h.chars().count()])
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            let line = |out: &mut dyn Write, items: &[String]| -> std::io::Result<()> {
                let mut s = String::new();
                for (i, c) in items.iter().enumerate() {
                    if i > 0 {
                        s.push_str("  ");
                    }
                    s.push_str(c);
                    if i + 1 < items.len() {
                        s.extend(std::iter::repeat_n(' ', widths[i] - c.chars().count()));
                    }
                }
                writeln!(out, "{s}")
            };
            line(out, &headers)?;
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            line(out, &rule)?;
            for r in &cells {
                line(out, r)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn formats_agree_on_cells() {
        let rows = vec![
            json!({"name": "Ann", "aliases": ["A.", "Annie"], "n": 2}),
            json!({"name": "Bo, Jr.", "aliases": [], "n": null}),
        ];
        let mut csv = Vec::new();
        write_rows(&mut csv, &rows, Format::Csv).unwrap();
        assert_eq!(
            String::from_utf8(csv).unwrap(),
            "name,aliases,n\nAnn,A.; Annie,2\n\"Bo, Jr.\",,\n"
        );
        let mut table = Vec::new();
        write_rows(&mut table, &rows, Format::Table).unwrap();
        let table = String::from_utf8(table).unwrap();
        assert!(table.starts_with("name     aliases    n\n"), "{table}");
    }
}
