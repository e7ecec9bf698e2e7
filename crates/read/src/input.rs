//! A small buffered reader that counts bytes, peeks ahead and reads bounded lines.
//!
//! `std::io::BufReader` cannot guarantee that a peek sees more than what happens to be in its
//! buffer, nor bound the length of a line it reads; the readers need both (to look for a
//! record trailer, to skip a 1 GB line without holding it).

use std::io::{self, Read};

/// The boxed byte source every reader works on.
pub(crate) type Source = Input<Box<dyn Read + Send>>;

const CHUNK: usize = 64 * 1024;

/// A buffered reader over `R` that knows how many bytes it has handed out.
pub(crate) struct Input<R> {
    inner: R,
    buf: Vec<u8>,
    pos: usize,
    end: usize,
    offset: u64,
    eof: bool,
}

/// What [`Input::read_line`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LineRead {
    /// Bytes consumed from the input, newline included; 0 only at the end of the input.
    pub consumed: u64,
    /// True when the line was longer than the cap: only the first `cap` bytes were kept and
    /// the rest was skipped.
    pub truncated: bool,
}

impl<R: Read> Input<R> {
    /// A reader over `inner`.
    pub(crate) fn new(inner: R) -> Self {
        Self {
            inner,
            buf: Vec::new(),
            pos: 0,
            end: 0,
            offset: 0,
            eof: false,
        }
    }

    /// Bytes consumed so far: the offset of the next byte.
    pub(crate) fn offset(&self) -> u64 {
        self.offset
    }

    fn available(&self) -> &[u8] {
        self.buf.get(self.pos..self.end).unwrap_or(&[])
    }

    /// Reads more bytes into the buffer; returns how many were added (0 at the end).
    fn refill(&mut self) -> io::Result<usize> {
        if self.eof {
            return Ok(0);
        }
        if self.pos > 0 && self.pos == self.end {
            self.pos = 0;
            self.end = 0;
        }
        if self.end == self.buf.len() {
            if self.pos > 0 {
                self.buf.copy_within(self.pos..self.end, 0);
                self.end -= self.pos;
                self.pos = 0;
            } else {
                let grow = self.buf.len().max(CHUNK);
                self.buf.resize(self.buf.len() + grow, 0);
            }
        }
        loop {
            let Some(space) = self.buf.get_mut(self.end..) else {
                return Ok(0);
            };
            match self.inner.read(space) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(0);
                }
                Ok(n) => {
                    self.end += n;
                    return Ok(n);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// The next `n` bytes without consuming them (fewer only at the end of the input).
    pub(crate) fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.end - self.pos < n {
            if self.refill()? == 0 {
                break;
            }
        }
        let have = (self.end - self.pos).min(n);
        Ok(self.buf.get(self.pos..self.pos + have).unwrap_or(&[]))
    }

    /// Consumes `n` bytes that were peeked (at most what is buffered).
    pub(crate) fn consume(&mut self, n: usize) {
        let n = n.min(self.end - self.pos);
        self.pos += n;
        self.offset += n as u64;
    }

    /// Reads one line into `out` (cleared first), newline included, keeping at most `cap`
    /// bytes; the rest of a longer line is skipped without being held in memory.
    pub(crate) fn read_line(&mut self, out: &mut Vec<u8>, cap: usize) -> io::Result<LineRead> {
        out.clear();
        let mut consumed = 0u64;
        let mut truncated = false;
        loop {
            if self.pos == self.end && self.refill()? == 0 {
                break;
            }
            let avail = self.available();
            let (take, done) = match memchr::memchr(b'\n', avail) {
                Some(i) => (i + 1, true),
                None => (avail.len(), false),
            };
            let room = cap.saturating_sub(out.len());
            if take > room {
                truncated = true;
            }
            if let Some(part) = avail.get(..take.min(room)) {
                out.extend_from_slice(part);
            }
            self.consume(take);
            consumed += take as u64;
            if done {
                break;
            }
        }
        Ok(LineRead {
            consumed,
            truncated,
        })
    }

    /// Skips to just after the next newline (or to the end); returns the bytes skipped.
    pub(crate) fn skip_line(&mut self) -> io::Result<u64> {
        let mut sink = Vec::new();
        Ok(self.read_line(&mut sink, 0)?.consumed)
    }

    /// Appends up to `n` bytes to `out`; returns how many were read (fewer only at the end).
    pub(crate) fn read_into(&mut self, n: u64, out: &mut Vec<u8>) -> io::Result<u64> {
        let mut got = 0u64;
        while got < n {
            if self.pos == self.end && self.refill()? == 0 {
                break;
            }
            let avail = self.available();
            let take = avail
                .len()
                .min(usize::try_from(n - got).unwrap_or(usize::MAX));
            if let Some(part) = avail.get(..take) {
                out.extend_from_slice(part);
            }
            self.consume(take);
            got += take as u64;
        }
        Ok(got)
    }

    /// Skips up to `n` bytes; returns how many were skipped (fewer only at the end).
    pub(crate) fn skip(&mut self, n: u64) -> io::Result<u64> {
        let mut got = 0u64;
        while got < n {
            if self.pos == self.end && self.refill()? == 0 {
                break;
            }
            let take = (self.end - self.pos).min(usize::try_from(n - got).unwrap_or(usize::MAX));
            self.consume(take);
            got += take as u64;
        }
        Ok(got)
    }

    /// Reads the rest of the input, keeping at most `cap` bytes in `out`. Returns the total
    /// number of bytes that remained (which exceeds `cap` when the input was too long: the
    /// excess is counted, not kept).
    pub(crate) fn read_rest(&mut self, out: &mut Vec<u8>, cap: usize) -> io::Result<u64> {
        let kept = self.read_into(cap as u64, out)?;
        let more = self.skip(u64::MAX)?;
        Ok(kept + more)
    }
}

impl<R: Read> Read for Input<R> {
    fn read(&mut self, dst: &mut [u8]) -> io::Result<usize> {
        if self.pos == self.end {
            if dst.len() >= CHUNK {
                let n = loop {
                    match self.inner.read(dst) {
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        other => break other?,
                    }
                };
                self.offset += n as u64;
                return Ok(n);
            }
            if self.refill()? == 0 {
                return Ok(0);
            }
        }
        let avail = self.available();
        let n = avail.len().min(dst.len());
        if let (Some(d), Some(s)) = (dst.get_mut(..n), avail.get(..n)) {
            d.copy_from_slice(s);
        }
        self.consume(n);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hands out one byte per read, to exercise every buffer boundary.
    struct Trickle<'a>(&'a [u8]);
    impl Read for Trickle<'_> {
        fn read(&mut self, dst: &mut [u8]) -> io::Result<usize> {
            match (self.0.split_first(), dst.first_mut()) {
                (Some((b, rest)), Some(d)) => {
                    *d = *b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn lines_peeks_and_offsets() {
        let mut input = Input::new(Trickle(b"ab\ncdefgh\n\nlast"));
        let mut line = Vec::new();
        assert_eq!(input.peek(4).unwrap(), b"ab\nc");
        let r = input.read_line(&mut line, 100).unwrap();
        assert_eq!(
            (line.as_slice(), r.consumed, r.truncated),
            (&b"ab\n"[..], 3, false)
        );
        let r = input.read_line(&mut line, 2).unwrap();
        assert_eq!(
            (line.as_slice(), r.consumed, r.truncated),
            (&b"cd"[..], 7, true)
        );
        assert_eq!(input.offset(), 10);
        assert_eq!(input.skip_line().unwrap(), 1);
        let r = input.read_line(&mut line, 100).unwrap();
        assert_eq!((line.as_slice(), r.consumed), (&b"last"[..], 4));
        assert_eq!(input.read_line(&mut line, 100).unwrap().consumed, 0);
    }

    #[test]
    fn read_rest_counts_what_it_does_not_keep() {
        let mut input = Input::new(&b"0123456789"[..]);
        input.consume(0);
        let mut out = Vec::new();
        assert_eq!(input.read_rest(&mut out, 4).unwrap(), 10);
        assert_eq!(out, b"0123");
    }

    #[test]
    fn read_trait_after_peek() {
        let mut input = Input::new(Trickle(b"hello world"));
        assert_eq!(input.peek(3).unwrap(), b"hel");
        let mut s = String::new();
        input.read_to_string(&mut s).unwrap();
        assert_eq!(s, "hello world");
        assert_eq!(input.offset(), 11);
    }
}
