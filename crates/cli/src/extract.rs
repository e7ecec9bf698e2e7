//! `newsgraph extract`: inputs in, one extraction per article out.

use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::Args;
use newsgraph::{Pipeline, PipelineConfig};
use newsgraph_contract::Options;
use newsgraph_read::{Article, InputFormat, ReadOptions, Record, Source};

use crate::output::ExtractionWriter;
use crate::{EXIT_OK, EXIT_SKIPPED};

/// Articles extracted together on all cores before their results are written.
const BATCH_ARTICLES: usize = 256;
/// Text bytes gathered before a batch is extracted, whatever its article count.
const BATCH_BYTES: usize = 16 << 20;

#[derive(Args)]
pub struct ExtractArgs {
    /// Files to read (`-` for standard input).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Indented JSON: one object for one article, an array for several.
    #[arg(long)]
    pub pretty: bool,
    /// Read every input as this format instead of detecting it.
    #[arg(long, value_name = "txt|html|feed|jsonl|warc", value_parser = parse_format)]
    pub input_format: Option<InputFormat>,
    /// Reference date (YYYY-MM-DD) for articles that carry no publication date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub published: Option<String>,
    /// Extra layers to write: tokens, quotations, regions, diagnostics (comma-separated).
    #[arg(long, value_name = "LIST", value_parser = parse_layers)]
    pub layers: Option<Options>,
    /// Skip any article whose text is longer than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 10 << 20)]
    pub max_article_bytes: usize,
    /// Leave out a stage by name (repeatable); see `--disable help`.
    #[arg(long, value_name = "STAGE")]
    pub disable: Vec<String>,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
}

pub(crate) fn parse_format(s: &str) -> Result<InputFormat, String> {
    s.parse::<InputFormat>().map_err(|e| e.to_string())
}

fn parse_layers(s: &str) -> Result<Options, String> {
    Options::from_layer_list(s)
}

/// Accepts a real calendar date written YYYY-MM-DD.
pub(crate) fn parse_date(s: &str) -> Result<String, String> {
    let bad = || format!("{s:?} is not a date written YYYY-MM-DD (for example 2024-03-01)");
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let (y, m, d): (u32, u32, u32) = match (y.parse(), m.parse(), d.parse()) {
        (Ok(y), Ok(m), Ok(d)) => (y, m, d),
        _ => return Err(bad()),
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if d == 0 || d > days {
        return Err(bad());
    }
    Ok(s.to_string())
}

/// Builds the pipeline, or explains the stage names when asked with `--disable help`.
pub(crate) fn build_pipeline(disable: &[String]) -> Result<Pipeline> {
    if disable.iter().any(|d| d == "help") {
        let all = Pipeline::new(&PipelineConfig::default())?;
        bail!("the stages are: {}", all.stage_names().join(", "));
    }
    Ok(Pipeline::new(&PipelineConfig {
        disabled: disable.to_vec(),
    })?)
}

pub(crate) fn thread_pool(threads: Option<usize>) -> Result<rayon::ThreadPool> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        b = b.num_threads(n.max(1));
    }
    Ok(b.build()?)
}

pub fn run(args: ExtractArgs) -> Result<u8> {
    let pipeline = build_pipeline(&args.disable)?;
    let options = args.layers.unwrap_or_default();
    let pool = thread_pool(args.threads)?;
    let read_opts = ReadOptions {
        format: args.input_format,
        max_article_bytes: args.max_article_bytes,
        default_published: args.published.clone(),
    };
    let mut writer = ExtractionWriter::create(args.output.as_deref(), args.pretty)?;
    let mut skipped = false;
    let mut batch: Vec<Article> = Vec::new();
    let mut batch_bytes = 0usize;
    let flush = |batch: &mut Vec<Article>, writer: &mut ExtractionWriter| -> Result<()> {
        let articles = std::mem::take(batch);
        let outputs = pool.install(|| {
            pipeline.extract_batch(articles, |doc| {
                let mut buf = Vec::with_capacity(doc.text().len() * 2 + 256);
                if args.pretty {
                    newsgraph_contract::write_json_pretty(doc, &options, &mut buf);
                } else {
                    newsgraph_contract::write_json(doc, &options, &mut buf);
                }
                buf
            })
        });
        for json in outputs {
            writer.write(&json)?;
        }
        Ok(())
    };
    for path in &args.paths {
        let source = Source::from_arg(path);
        let records = match newsgraph_read::open(&source, &read_opts) {
            Ok(records) => records,
            Err(e) => {
                eprintln!("newsgraph: skipped: {e}");
                skipped = true;
                continue;
            }
        };
        for record in records {
            match record {
                Record::Article(a) => {
                    batch_bytes += a.text.len();
                    batch.push(a);
                    if batch.len() >= BATCH_ARTICLES || batch_bytes >= BATCH_BYTES {
                        flush(&mut batch, &mut writer)?;
                        batch_bytes = 0;
                    }
                }
                Record::Warning(e) => eprintln!("newsgraph: warning: {e}"),
                Record::Skipped(e) => {
                    eprintln!("newsgraph: skipped: {e}");
                    skipped = true;
                }
            }
        }
    }
    flush(&mut batch, &mut writer)?;
    writer.finish()?;
    Ok(if skipped { EXIT_SKIPPED } else { EXIT_OK })
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn dates_must_exist() {
        assert!(parse_date("2024-02-29").is_ok());
        assert!(parse_date("2023-02-29").is_err());
        assert!(parse_date("2023-13-01").is_err());
        assert!(parse_date("23-1-1").is_err());
        assert!(parse_date("2023-1x-01").is_err());
    }
}
