//! A read-only view of a document for attribution: tokens with their lexicon entries, the
//! top-level quotation pairs they fall in, and units (sentences joined where a quotation runs
//! across them).

use newsgraph_doc::{ByteSpan, Doc, QuotePair, TokenKind};

use crate::lexicon::{self, Lex};

/// No pair.
pub(crate) const NO_PAIR: u32 = u32::MAX;

/// One token with what the analysis needs to know about it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tk {
    pub span: ByteSpan,
    pub kind: TokenKind,
    pub lex: Lex,
    /// First character is an upper-case letter.
    pub cap: bool,
    /// Every letter is upper case and there are at least two ("ISPR", "U.N.").
    pub upper: bool,
    /// The top-level pair whose marks enclose the token (marks included), or [`NO_PAIR`].
    pub pair: u32,
    /// Starts a line (a paragraph, for floating quotes).
    pub line_start: bool,
    /// Index of the paragraph (count of line breaks before the token, roughly).
    pub para: u32,
}

/// A span of tokens `[start, end)` forming one or more sentences that no quotation crosses.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Unit {
    pub start: usize,
    pub end: usize,
}

/// A top-level quotation pair with token indices.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Pair {
    /// The opening mark's token.
    pub open: usize,
    /// The closing mark's token.
    pub close: usize,
    /// The text between the marks.
    pub content: ByteSpan,
}

/// The view.
pub(crate) struct View<'d> {
    pub text: &'d str,
    pub toks: Vec<Tk>,
    pub units: Vec<Unit>,
    pub pairs: Vec<Pair>,
}

impl<'d> View<'d> {
    /// Builds the view; `None` when the document lacks sentences or tokens.
    pub fn new(doc: &'d Doc) -> Option<Self> {
        let text = doc.text();
        let tokens = doc.tokens.as_deref()?;
        let sentences = doc.sentences.as_deref()?;
        let raw_pairs: &[QuotePair] = doc
            .quotations
            .as_ref()
            .map(|q| q.pairs.as_slice())
            .unwrap_or(&[]);

        // Top-level pairs: a pair inside the previous top-level pair is nested.
        let mut top: Vec<&QuotePair> = Vec::new();
        for p in raw_pairs {
            if p.open.get(text).is_none() || p.close.get(text).is_none() {
                continue;
            }
            if p.close.end() <= p.open.start() {
                continue;
            }
            match top.last() {
                Some(last) if p.open.start() < last.close.end() => {}
                _ => top.push(p),
            }
        }

        let mut toks = Vec::with_capacity(tokens.len());
        let mut pi = 0usize;
        let mut para = 0u32;
        let mut last_end = 0usize;
        for t in tokens {
            if t.span.get(text).is_none() || t.span.start() < last_end {
                continue;
            }
            let gap = text.get(last_end..t.span.start()).unwrap_or("");
            let breaks = gap.bytes().filter(|&b| b == b'\n').count() as u32;
            let line_start = breaks > 0 || last_end == 0;
            para += breaks;
            last_end = t.span.end();
            while pi < top.len() && top[pi].close.end() <= t.span.start() {
                pi += 1;
            }
            let pair = match top.get(pi) {
                Some(p) if p.open.start() <= t.span.start() && t.span.end() <= p.close.end() => {
                    pi as u32
                }
                _ => NO_PAIR,
            };
            let s = doc.slice(t.span);
            let word = t.kind == TokenKind::Word;
            let lex = if word && pair == NO_PAIR {
                lexicon::lookup(s)
            } else if word && s.len() <= 8 {
                // Inside a quotation only short function words matter (clause checks).
                lexicon::lookup(s)
            } else {
                Lex::default()
            };
            let first = s.chars().next();
            let cap = first.is_some_and(char::is_uppercase);
            let upper = cap
                && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !s.chars().any(char::is_lowercase);
            // An acronym is a name, whatever word it spells ("WHO", "US", "IT").
            let lex = if upper {
                Lex {
                    flags: lex.flags & (lexicon::ORGWORD | lexicon::OUTLET),
                    cue: None,
                    num: 0,
                }
            } else {
                lex
            };
            toks.push(Tk {
                span: t.span,
                kind: t.kind,
                lex,
                cap,
                upper,
                pair,
                line_start,
                para,
            });
        }

        // Pairs with token indices; `remap` takes a top-level pair index to `pairs`.
        let mut pairs = Vec::with_capacity(top.len());
        let mut remap = vec![NO_PAIR; top.len()];
        let mut ti = 0usize;
        for (i, p) in top.iter().enumerate() {
            while ti < toks.len() && toks[ti].span.start() < p.open.start() {
                ti += 1;
            }
            let open = ti;
            let mut close = open;
            while close < toks.len() && toks[close].span.end() < p.close.end() {
                close += 1;
            }
            if open < close && close < toks.len() {
                remap[i] = pairs.len() as u32;
                pairs.push(Pair {
                    open,
                    close,
                    content: p.content,
                });
            }
        }
        for t in &mut toks {
            if t.pair != NO_PAIR {
                t.pair = remap.get(t.pair as usize).copied().unwrap_or(NO_PAIR);
            }
        }

        // Units: sentences, joined while a pair runs across their boundary.
        let mut units: Vec<Unit> = Vec::with_capacity(sentences.len());
        let mut ti = 0usize;
        for s in sentences {
            while ti < toks.len() && toks[ti].span.start() < s.span.start() {
                ti += 1;
            }
            let start = ti;
            while ti < toks.len() && toks[ti].span.end() <= s.span.end() {
                ti += 1;
            }
            if ti == start {
                continue;
            }
            let joins = match units.last() {
                Some(u) => {
                    let prev_last = toks[u.end - 1].pair;
                    let across_pair = prev_last != NO_PAIR && toks[start].pair == prev_last;
                    // "analyst R. | T. Venn": a sentence split after a name initial.
                    let initial = toks[u.end - 1].span.get(text).is_some_and(|w| {
                        let b = w.as_bytes();
                        b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
                    }) && toks[start].cap
                        && toks[start].span.start() - toks[u.end - 1].span.end() == 1;
                    across_pair || initial
                }
                None => false,
            };
            if joins {
                if let Some(u) = units.last_mut() {
                    u.end = ti;
                }
            } else {
                units.push(Unit { start, end: ti });
            }
        }
        Some(Self {
            text,
            toks,
            units,
            pairs,
        })
    }

    /// The surface text of token `i` ("" when out of range).
    pub fn s(&self, i: usize) -> &'d str {
        self.toks
            .get(i)
            .and_then(|t| t.span.get(self.text))
            .unwrap_or("")
    }

    /// The byte span covering tokens `[a, b)`; `None` when empty.
    pub fn span(&self, a: usize, b: usize) -> Option<ByteSpan> {
        if a >= b {
            return None;
        }
        let first = self.toks.get(a)?;
        let last = self.toks.get(b - 1)?;
        ByteSpan::new(first.span.start(), last.span.end()).ok()
    }

    /// Token `i` is the word `w` (lower case given).
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.span.len() == w.len() && lexicon::is(t.span.get(self.text).unwrap_or(""), w)
        })
    }

    /// Token `i` is punctuation equal to `p`.
    pub fn punct(&self, i: usize, p: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && self.s(i) == p)
    }

    /// Token `i` is a comma.
    pub fn comma(&self, i: usize) -> bool {
        self.punct(i, ",")
    }

    /// Token `i` is an opening mark of a pair.
    pub fn opens(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.pair != NO_PAIR && self.pairs.get(t.pair as usize).is_some_and(|p| p.open == i)
        })
    }

    /// Token `i` is a closing mark of a pair.
    pub fn closes(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.pair != NO_PAIR
                && self
                    .pairs
                    .get(t.pair as usize)
                    .is_some_and(|p| p.close == i)
        })
    }

    /// Token `i` is a word.
    pub fn word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Token `i` is a word or number.
    pub fn wordlike(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
    }

    /// Lexicon entry of token `i`.
    pub fn lex(&self, i: usize) -> Lex {
        self.toks.get(i).map(|t| t.lex).unwrap_or_default()
    }

    /// Token `i` has one of `flags`.
    pub fn has(&self, i: usize, flags: lexicon::Flags) -> bool {
        self.lex(i).has(flags)
    }

    /// Token `i` is inside (or a mark of) a top-level pair.
    pub fn quoted(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.pair != NO_PAIR)
    }

    /// Token `i` is capitalized.
    pub fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// Token `i` is a hard boundary inside a sentence: ; : — – ( ) or a quotation mark
    /// outside pairs.
    pub fn hard(&self, i: usize) -> bool {
        match self.toks.get(i) {
            Some(t) => match t.kind {
                TokenKind::Punct => matches!(
                    self.s(i),
                    ";" | ":" | "—" | "–" | "--" | "?" | "!" | "." | "…" | "..."
                ),
                TokenKind::Quote => !self.possessive(i),
                _ => false,
            },
            None => true,
        }
    }

    /// Token `i` is a possessive apostrophe standing alone ("Hamas’ war").
    pub fn possessive(&self, i: usize) -> bool {
        let (Some(t), Some(prev)) = (
            self.toks.get(i),
            i.checked_sub(1).and_then(|j| self.toks.get(j)),
        ) else {
            return false;
        };
        t.kind == TokenKind::Quote
            && t.pair == NO_PAIR
            && prev.span.end() == t.span.start()
            && self.s(i - 1).ends_with(['s', 'S', 'z'])
    }
}
