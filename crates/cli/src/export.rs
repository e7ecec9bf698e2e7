//! `newsgraph export`: every event as a CSV row, or the actor network as GraphML or JSON.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use newsgraph_store::{ActorInfo, EventRow, GraphEdge, GraphNode};
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
    /// Apache Parquet (not built in yet).
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

pub fn run(args: ExportArgs) -> Result<u8> {
    let store = open_existing(&args.db)?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    match args.what {
        ExportWhat::Events {
            format: EventFormat::Parquet,
        } => bail!("parquet export is not built in yet: use `--format csv`"),
        ExportWhat::Events {
            format: EventFormat::Csv,
        } => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(EVENT_COLUMNS)?;
            let n = store.export_events(|e| -> Result<()> {
                w.write_record(event_cells(e))?;
                Ok(())
            })?;
            w.flush()?;
            drop(w);
            eprintln!("newsgraph: export: {n} events");
        }
        ExportWhat::Graph { format } => {
            let (nodes, edges) = store.graph()?;
            match format {
                GraphFormat::Graphml => write_graphml(&mut out, &nodes, &edges)?,
                GraphFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &graph_json(&nodes, &edges))?;
                    writeln!(out)?;
                }
            }
            eprintln!(
                "newsgraph: export: {} actors, {} edges",
                nodes.len(),
                edges.len()
            );
        }
    }
    out.flush()?;
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
