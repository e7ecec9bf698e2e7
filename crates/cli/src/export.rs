//! `newsgraph export`: every event as a CSV or Parquet row, or the actor network as GraphML or
//! JSON.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use newsgraph_store::{ActorInfo, EventRow, GraphEdge, GraphNode, Store};
use parquet::basic::Compression;
use parquet::column::writer::ColumnWriter;
use parquet::data_type::ByteArray;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use serde_json::json;

use crate::ingest::DEFAULT_DB;
use crate::query::open_existing;
use crate::EXIT_OK;

#[derive(Args)]
pub struct ExportArgs {
    /// Database: an SQLite file path, `sqlite:…`, or `postgres://user:pass@host/db`.
    #[arg(long, value_name = "URL", default_value = DEFAULT_DB, global = true)]
    pub db: String,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE", global = true)]
    pub output: Option<PathBuf>,
    #[command(subcommand)]
    pub what: ExportWhat,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum EventFormat {
    /// One row per event, GDELT-like columns.
    Csv,
    /// Apache Parquet, the same columns typed (needs `-o FILE`).
    Parquet,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum GraphFormat {
    /// GraphML, for Gephi and networkx.
    Graphml,
    /// networkx node-link JSON.
    Json,
}

#[derive(Subcommand)]
pub enum ExportWhat {
    /// One row per deduplicated event: actors, type, date, place, counts, evidence.
    Events {
        #[arg(long, value_enum, default_value_t = EventFormat::Csv)]
        format: EventFormat,
    },
    /// The actor network: who acts on whom, and relations, with weights and time ranges.
    Graph {
        #[arg(long, value_enum, default_value_t = GraphFormat::Graphml)]
        format: GraphFormat,
    },
}

/// The columns of `export events`.
const EVENT_COLUMNS: &[&str] = &[
    "event_id",
    "date",
    "event_type",
    "mode",
    "negated",
    "actor1_name",
    "actor1_type",
    "actor1_kb",
    "actor1_cameo",
    "actor2_name",
    "actor2_type",
    "actor2_kb",
    "actor2_cameo",
    "sources",
    "targets",
    "place_name",
    "place_kb",
    "num_articles",
    "num_sources",
    "num_mentions",
    "fatalities",
    "injured",
    "modality",
    "attributed_to",
    "first_reported",
    "last_reported",
    "source_url",
    "evidence",
];

fn actor_cells(a: &Option<ActorInfo>) -> [String; 4] {
    match a {
        Some(a) => [
            a.name.clone(),
            a.kind.clone(),
            a.kb_id.clone().unwrap_or_default(),
            a.cameo.clone().unwrap_or_default(),
        ],
        None => Default::default(),
    }
}

fn event_cells(e: &EventRow) -> Vec<String> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let num = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
    let mut cells = vec![
        e.id.to_string(),
        opt(&e.date),
        e.kind.clone(),
        opt(&e.mode),
        u8::from(e.negated).to_string(),
    ];
    cells.extend(actor_cells(&e.actor1));
    cells.extend(actor_cells(&e.actor2));
    cells.push(e.sources.join("; "));
    cells.push(e.targets.join("; "));
    let [place, _, place_kb, _] = actor_cells(&e.place);
    cells.extend([place, place_kb]);
    cells.extend([
        e.num_articles.to_string(),
        e.num_sources.to_string(),
        e.num_mentions.to_string(),
        num(e.fatalities),
        num(e.injured),
        e.modality.clone(),
        e.attributed_to.join("; "),
        opt(&e.first_reported),
        opt(&e.last_reported),
        e.source_url.clone(),
        e.evidence.join(" | "),
    ]);
    cells
}

/// How a Parquet column reads its value from an event.
#[derive(Clone, Copy)]
enum Cell {
    /// INT64.
    Int(fn(&EventRow) -> Option<i64>),
    /// BOOLEAN.
    Bool(fn(&EventRow) -> bool),
    /// BYTE_ARRAY holding UTF-8 (logical type STRING).
    Str(fn(&EventRow) -> Option<String>),
}

/// One column of the Parquet event table.
struct ParquetColumn {
    /// Name, as in [`EVENT_COLUMNS`].
    name: &'static str,
    /// OPTIONAL (null where the CSV cell is empty because the value is unknown) or REQUIRED.
    optional: bool,
    /// Where the value comes from.
    cell: Cell,
}

const fn req(name: &'static str, cell: Cell) -> ParquetColumn {
    ParquetColumn {
        name,
        optional: false,
        cell,
    }
}

const fn opt(name: &'static str, cell: Cell) -> ParquetColumn {
    ParquetColumn {
        name,
        optional: true,
        cell,
    }
}

fn actor_field(a: &Option<ActorInfo>, f: fn(&ActorInfo) -> Option<String>) -> Option<String> {
    a.as_ref().and_then(f)
}

/// The Parquet columns of `export events`: the CSV columns in the same order, typed.
const PARQUET_COLUMNS: &[ParquetColumn] = &[
    req("event_id", Cell::Int(|e| Some(e.id))),
    opt("date", Cell::Str(|e| e.date.clone())),
    req("event_type", Cell::Str(|e| Some(e.kind.clone()))),
    opt("mode", Cell::Str(|e| e.mode.clone())),
    req("negated", Cell::Bool(|e| e.negated)),
    opt(
        "actor1_name",
        Cell::Str(|e| actor_field(&e.actor1, |a| Some(a.name.clone()))),
    ),
    opt(
        "actor1_type",
        Cell::Str(|e| actor_field(&e.actor1, |a| Some(a.kind.clone()))),
    ),
    opt(
        "actor1_kb",
        Cell::Str(|e| actor_field(&e.actor1, |a| a.kb_id.clone())),
    ),
    opt(
        "actor1_cameo",
        Cell::Str(|e| actor_field(&e.actor1, |a| a.cameo.clone())),
    ),
    opt(
        "actor2_name",
        Cell::Str(|e| actor_field(&e.actor2, |a| Some(a.name.clone()))),
    ),
    opt(
        "actor2_type",
        Cell::Str(|e| actor_field(&e.actor2, |a| Some(a.kind.clone()))),
    ),
    opt(
        "actor2_kb",
        Cell::Str(|e| actor_field(&e.actor2, |a| a.kb_id.clone())),
    ),
    opt(
        "actor2_cameo",
        Cell::Str(|e| actor_field(&e.actor2, |a| a.cameo.clone())),
    ),
    req("sources", Cell::Str(|e| Some(e.sources.join("; ")))),
    req("targets", Cell::Str(|e| Some(e.targets.join("; ")))),
    opt(
        "place_name",
        Cell::Str(|e| actor_field(&e.place, |a| Some(a.name.clone()))),
    ),
    opt(
        "place_kb",
        Cell::Str(|e| actor_field(&e.place, |a| a.kb_id.clone())),
    ),
    req("num_articles", Cell::Int(|e| Some(e.num_articles))),
    req("num_sources", Cell::Int(|e| Some(e.num_sources))),
    req("num_mentions", Cell::Int(|e| Some(e.num_mentions))),
    opt("fatalities", Cell::Int(|e| e.fatalities)),
    opt("injured", Cell::Int(|e| e.injured)),
    req("modality", Cell::Str(|e| Some(e.modality.clone()))),
    req(
        "attributed_to",
        Cell::Str(|e| Some(e.attributed_to.join("; "))),
    ),
    opt("first_reported", Cell::Str(|e| e.first_reported.clone())),
    opt("last_reported", Cell::Str(|e| e.last_reported.clone())),
    req("source_url", Cell::Str(|e| Some(e.source_url.clone()))),
    req("evidence", Cell::Str(|e| Some(e.evidence.join(" | ")))),
];

/// Events buffered per Parquet row group.
const ROW_GROUP: usize = 8192;

/// The Parquet schema of [`PARQUET_COLUMNS`], in Parquet's message-type syntax.
fn parquet_schema() -> String {
    let mut s = String::from("message events {\n");
    for c in PARQUET_COLUMNS {
        let repetition = if c.optional { "OPTIONAL" } else { "REQUIRED" };
        let ty = match c.cell {
            Cell::Int(_) => "INT64",
            Cell::Bool(_) => "BOOLEAN",
            Cell::Str(_) => "BYTE_ARRAY",
        };
        let logical = if matches!(c.cell, Cell::Str(_)) {
            " (STRING)"
        } else {
            ""
        };
        s.push_str(&format!("  {repetition} {ty} {}{logical};\n", c.name));
    }
    s.push('}');
    s
}

/// The present values of a column and, for each row, its definition level (1 present, 0 null).
/// A REQUIRED column never sees a null: its getters always return a value.
fn levels<T>(rows: &[EventRow], get: impl Fn(&EventRow) -> Option<T>) -> (Vec<T>, Vec<i16>) {
    let mut values = Vec::with_capacity(rows.len());
    let mut defs = Vec::with_capacity(rows.len());
    for r in rows {
        let v = get(r);
        defs.push(i16::from(v.is_some()));
        values.extend(v);
    }
    (values, defs)
}

/// One column chunk of a row group.
fn write_column(w: &mut ColumnWriter<'_>, col: &ParquetColumn, rows: &[EventRow]) -> Result<()> {
    let optional = col.optional;
    match (w, col.cell) {
        (ColumnWriter::Int64ColumnWriter(w), Cell::Int(get)) => {
            let (values, defs) = levels(rows, get);
            w.write_batch(&values, optional.then_some(defs.as_slice()), None)?;
        }
        (ColumnWriter::BoolColumnWriter(w), Cell::Bool(get)) => {
            let (values, defs) = levels(rows, |r| Some(get(r)));
            w.write_batch(&values, optional.then_some(defs.as_slice()), None)?;
        }
        (ColumnWriter::ByteArrayColumnWriter(w), Cell::Str(get)) => {
            let (values, defs) = levels(rows, |r| get(r).map(|s| ByteArray::from(s.into_bytes())));
            w.write_batch(&values, optional.then_some(defs.as_slice()), None)?;
        }
        _ => bail!(
            "parquet column {} has an unexpected physical type",
            col.name
        ),
    }
    Ok(())
}

/// One row group holding `rows`.
fn write_row_group<W: Write + Send>(
    w: &mut SerializedFileWriter<W>,
    rows: &[EventRow],
) -> Result<()> {
    let mut group = w.next_row_group()?;
    let mut cols = PARQUET_COLUMNS.iter();
    while let Some(mut column) = group.next_column()? {
        let Some(col) = cols.next() else {
            bail!("the parquet schema has more columns than the event table");
        };
        write_column(column.untyped(), col, rows)?;
        column.close()?;
    }
    group.close()?;
    Ok(())
}

/// Every event as one row of a Snappy-compressed Parquet file written to `out`, in row
/// groups of [`ROW_GROUP`] events. Returns the number of events written.
pub fn write_events_parquet<W: Write + Send>(store: &Store, out: W) -> Result<usize> {
    let schema = Arc::new(parse_message_type(&parquet_schema())?);
    let props = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build(),
    );
    let mut w = SerializedFileWriter::new(out, schema, props)?;
    let mut buf: Vec<EventRow> = Vec::with_capacity(ROW_GROUP);
    let n = store.export_events(|e| -> Result<()> {
        buf.push(e.clone());
        if buf.len() >= ROW_GROUP {
            write_row_group(&mut w, &buf)?;
            buf.clear();
        }
        Ok(())
    })?;
    if !buf.is_empty() {
        write_row_group(&mut w, &buf)?;
    }
    w.close()?;
    Ok(n)
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The network as GraphML: node and edge attributes declared as keys.
pub fn write_graphml(out: &mut dyn Write, nodes: &[GraphNode], edges: &[GraphEdge]) -> Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, on, ty) in [
        ("label", "node", "string"),
        ("type", "node", "string"),
        ("kb_id", "node", "string"),
        ("num_articles", "node", "long"),
        ("weight", "edge", "double"),
        ("events", "edge", "long"),
        ("relations", "edge", "long"),
        ("types", "edge", "string"),
        ("first", "edge", "string"),
        ("last", "edge", "string"),
    ] {
        writeln!(
            out,
            r#"  <key id="{id}" for="{on}" attr.name="{id}" attr.type="{ty}"/>"#
        )?;
    }
    writeln!(out, r#"  <graph id="actors" edgedefault="directed">"#)?;
    for n in nodes {
        writeln!(out, r#"    <node id="n{}">"#, n.id)?;
        writeln!(
            out,
            r#"      <data key="label">{}</data>"#,
            xml_escape(&n.name)
        )?;
        writeln!(
            out,
            r#"      <data key="type">{}</data>"#,
            xml_escape(&n.kind)
        )?;
        if let Some(kb) = &n.kb_id {
            writeln!(out, r#"      <data key="kb_id">{}</data>"#, xml_escape(kb))?;
        }
        writeln!(
            out,
            r#"      <data key="num_articles">{}</data>"#,
            n.num_articles
        )?;
        writeln!(out, "    </node>")?;
    }
    for (i, e) in edges.iter().enumerate() {
        writeln!(
            out,
            r#"    <edge id="e{i}" source="n{}" target="n{}">"#,
            e.source, e.target
        )?;
        writeln!(out, r#"      <data key="weight">{}</data>"#, e.weight)?;
        writeln!(out, r#"      <data key="events">{}</data>"#, e.events)?;
        writeln!(out, r#"      <data key="relations">{}</data>"#, e.relations)?;
        writeln!(
            out,
            r#"      <data key="types">{}</data>"#,
            xml_escape(&e.types.join(" "))
        )?;
        for (key, v) in [("first", &e.first), ("last", &e.last)] {
            if let Some(v) = v {
                writeln!(out, r#"      <data key="{key}">{v}</data>"#)?;
            }
        }
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")?;
    Ok(())
}

/// The network as networkx's node-link JSON (`networkx.node_link_graph`).
pub fn graph_json(nodes: &[GraphNode], edges: &[GraphEdge]) -> serde_json::Value {
    json!({
        "directed": true,
        "multigraph": false,
        "graph": {"name": "newsgraph actors"},
        "nodes": nodes.iter().map(|n| json!({
            "id": format!("n{}", n.id), "label": n.name, "type": n.kind, "kb_id": n.kb_id,
            "num_articles": n.num_articles,
        })).collect::<Vec<_>>(),
        "links": edges.iter().map(|e| json!({
            "source": format!("n{}", e.source), "target": format!("n{}", e.target),
            "weight": e.weight, "events": e.events, "relations": e.relations,
            "types": e.types, "first": e.first, "last": e.last,
        })).collect::<Vec<_>>(),
    })
}

/// Standard output, or FILE when `-o FILE` is given, buffered.
fn open_output(path: Option<&PathBuf>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

pub fn run(args: ExportArgs) -> Result<u8> {
    match args.what {
        ExportWhat::Events {
            format: EventFormat::Parquet,
        } => {
            let Some(path) = &args.output else {
                bail!("parquet is a binary format: name the file to write with `-o FILE`");
            };
            let store = open_existing(&args.db)?;
            let file =
                File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
            let n = write_events_parquet(&store, file)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("newsgraph: export: {n} events");
        }
        ExportWhat::Events {
            format: EventFormat::Csv,
        } => {
            let store = open_existing(&args.db)?;
            let mut out = open_output(args.output.as_ref())?;
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(EVENT_COLUMNS)?;
            let n = store.export_events(|e| -> Result<()> {
                w.write_record(event_cells(e))?;
                Ok(())
            })?;
            w.flush()?;
            drop(w);
            out.flush()?;
            eprintln!("newsgraph: export: {n} events");
        }
        ExportWhat::Graph { format } => {
            let store = open_existing(&args.db)?;
            let mut out = open_output(args.output.as_ref())?;
            let (nodes, edges) = store.graph()?;
            match format {
                GraphFormat::Graphml => write_graphml(&mut out, &nodes, &edges)?,
                GraphFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &graph_json(&nodes, &edges))?;
                    writeln!(out)?;
                }
            }
            out.flush()?;
            eprintln!(
                "newsgraph: export: {} actors, {} edges",
                nodes.len(),
                edges.len()
            );
        }
    }
    Ok(EXIT_OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_row_has_every_column() {
        assert_eq!(event_cells(&EventRow::default()).len(), EVENT_COLUMNS.len());
    }

    #[test]
    fn parquet_has_the_csv_columns_in_order() {
        let names: Vec<&str> = PARQUET_COLUMNS.iter().map(|c| c.name).collect();
        assert_eq!(names, EVENT_COLUMNS);
        let schema = parse_message_type(&parquet_schema()).unwrap();
        assert_eq!(schema.get_fields().len(), EVENT_COLUMNS.len());
    }

    #[test]
    fn graphml_escapes_names() {
        let nodes = vec![GraphNode {
            id: 1,
            name: "Smith & <Sons>".into(),
            kind: "ORG".into(),
            kb_id: None,
            num_articles: 2,
        }];
        let mut out = Vec::new();
        write_graphml(&mut out, &nodes, &[]).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains("Smith &amp; &lt;Sons&gt;"), "{s}");
    }
}
