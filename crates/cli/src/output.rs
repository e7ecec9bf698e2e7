//! Where results go: stdout or a file, as JSON Lines or indented JSON.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};

/// True when `err` comes from writing to a closed pipe (`newsgraph extract … | head`): not an
/// error for the user.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Writes extractions one after another, as JSON Lines or, with `pretty`, as one indented
/// object for a single article and an array for several.
pub struct ExtractionWriter {
    out: Box<dyn Write>,
    pretty: bool,
    written: usize,
    /// With `pretty`, the first object is held back until we know whether an array is needed.
    held: Option<Vec<u8>>,
}

impl ExtractionWriter {
    /// A writer to `path`, or to stdout when `None`.
    pub fn create(path: Option<&Path>, pretty: bool) -> Result<Self> {
        let out: Box<dyn Write> = match path {
            Some(p) => Box::new(BufWriter::new(
                File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
            )),
            None => Box::new(BufWriter::with_capacity(1 << 16, io::stdout())),
        };
        Ok(Self {
            out,
            pretty,
            written: 0,
            held: None,
        })
    }

    /// Writes one extraction, already serialised (compact for JSON Lines, indented if pretty).
    pub fn write(&mut self, json: &[u8]) -> Result<()> {
        if self.pretty {
            match (self.written, self.held.take()) {
                (0, _) => self.held = Some(json.to_vec()),
                (1, Some(first)) => {
                    self.out.write_all(b"[\n")?;
                    self.out.write_all(&first)?;
                    self.out.write_all(b",\n")?;
                    self.out.write_all(json)?;
                }
                _ => {
                    self.out.write_all(b",\n")?;
                    self.out.write_all(json)?;
                }
            }
        } else {
            self.out.write_all(json)?;
            self.out.write_all(b"\n")?;
        }
        self.written += 1;
        Ok(())
    }

    /// Closes the array if one was opened and flushes.
    pub fn finish(mut self) -> Result<usize> {
        if self.pretty {
            match (self.written, self.held.take()) {
                (0, _) => self.out.write_all(b"[]\n")?,
                (1, Some(first)) => {
                    self.out.write_all(&first)?;
                    self.out.write_all(b"\n")?;
                }
                _ => self.out.write_all(b"\n]\n")?,
            }
        }
        self.out.flush()?;
        Ok(self.written)
    }
}
