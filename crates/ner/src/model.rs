//! The model (a hashed weight table and tag transitions), its file format, and the tagger that
//! decodes sentences with it.
//!
//! # File format
//!
//! All integers little-endian:
//!
//! | bytes | what |
//! |---|---|
//! | 5 | magic `NGNER` |
//! | 1 | format version (2; version 1, without the last two rows, is read as a model without gazetteer) |
//! | 1 | feature-set version ([`FEATURE_SET`]) |
//! | 1 | bucket bits *b* (the table has 2^*b* rows) |
//! | 1 | number of tags (9) |
//! | 4 | scale (f32): weight = stored integer × scale |
//! | 4 × 10 × 9 | transitions (i32): row 0 from the sentence start, row 1 + *p* from tag *p* |
//! | 4 | number of non-zero rows *n* (u32) |
//! | … | *n* rows: the bucket (a LEB128 varint, as the gap from the previous row's bucket, the first from −1), then 9 weights (zig-zag LEB128 varints of i16) |
//! | 1 | casing-lexicon bits *l* (0 for none) |
//! | 4 | number of marked lexicon buckets *m* (u32) |
//! | … | *m* buckets as LEB128 varint gaps, as for the rows |
//! | 1 | length *g* of the gazetteer id (at most 64) |
//! | *g* | the [`Gazetteer::id`] of the gazetteer the model was trained with (UTF-8), such as `none` or [`KB_GAZETTEER_ID`] |

use newsgraph_doc::{ByteSpan, Sentence, Token, TokenKind};

use crate::document::DocPass;
use crate::features::{Extractor, Gazetteer, NoGazetteer};
use crate::gazetteer::{KbGazetteer, KB_GAZETTEER_ID};
use crate::label::{bio_spans, BioTag, NamedSpan, N_TAGS};
use crate::lexicon::Lexicon;
use crate::rules::trim_name;
use crate::NerError;

/// The version of the feature extractor; a model made with another cannot be loaded.
pub const FEATURE_SET: u8 = 2;
const MAGIC: &[u8; 5] = b"NGNER";
const FORMAT: u8 = 2;
/// The longest token sequence decoded at once; longer sentences are cut.
const MAX_SEQ: usize = 256;

/// The shipped model's bytes.
static EMBEDDED: &[u8] = include_bytes!("../data/model.bin");

/// Transition weights: row 0 from the sentence start, row 1 + p from tag p.
pub(crate) type Transitions<T> = [[T; N_TAGS]; N_TAGS + 1];

/// A trained tagger model: one weight row per hashed feature bucket and the tag-transition
/// weights, as quantised integers.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    bits: u32,
    scale: f32,
    rows: Vec<[i16; N_TAGS]>,
    trans: Transitions<i32>,
    /// `trans` widened, as the decoder adds it.
    trans64: Transitions<i64>,
    lex: Lexicon,
    gaz: String,
}

fn widen(trans: &Transitions<i32>) -> Transitions<i64> {
    let mut t = [[0i64; N_TAGS]; N_TAGS + 1];
    for (r, m) in t.iter_mut().zip(trans) {
        for (v, w) in r.iter_mut().zip(m) {
            *v = i64::from(*w);
        }
    }
    t
}

/// Whether tag `cur` may follow row `prev_row` of [`Transitions`] (BIO constraints).
pub(crate) fn allowed(prev_row: usize, cur: usize) -> bool {
    let prev = prev_row.checked_sub(1).map(BioTag::from_index);
    BioTag::from_index(cur).may_follow(prev)
}

/// Viterbi decoding over BIO tags with the constraints of [`allowed`]. `em` holds the
/// emission scores of each token; the best tag indices are written to `path`.
pub(crate) fn viterbi<T>(
    em: &[[T; N_TAGS]],
    trans: &Transitions<T>,
    back: &mut Vec<[u8; N_TAGS]>,
    path: &mut Vec<usize>,
) where
    T: Copy + PartialOrd + std::ops::Add<Output = T> + Default,
{
    path.clear();
    back.clear();
    let Some(first) = em.first() else {
        return;
    };
    // `None` is minus infinity.
    let mut score: [Option<T>; N_TAGS] = [None; N_TAGS];
    for (t, s) in score.iter_mut().enumerate() {
        if allowed(0, t) {
            *s = Some(first[t] + trans[0][t]);
        }
    }
    back.push([0; N_TAGS]);
    for e in em.iter().skip(1) {
        let mut next: [Option<T>; N_TAGS] = [None; N_TAGS];
        let mut bp = [0u8; N_TAGS];
        for (t, n) in next.iter_mut().enumerate() {
            let mut best: Option<(T, usize)> = None;
            for (p, sp) in score.iter().enumerate() {
                let Some(sp) = *sp else { continue };
                if !allowed(p + 1, t) {
                    continue;
                }
                let v = sp + trans[p + 1][t];
                if best.is_none_or(|(b, _)| v > b) {
                    best = Some((v, p));
                }
            }
            if let Some((v, p)) = best {
                *n = Some(v + e[t]);
                bp[t] = p as u8;
            }
        }
        score = next;
        back.push(bp);
    }
    let mut best: Option<(T, usize)> = None;
    for (t, s) in score.iter().enumerate() {
        if let Some(s) = *s {
            if best.is_none_or(|(b, _)| s > b) {
                best = Some((s, t));
            }
        }
    }
    let mut t = best.map_or(0, |(_, t)| t);
    path.resize(em.len(), 0);
    for i in (0..em.len()).rev() {
        if let Some(p) = path.get_mut(i) {
            *p = t;
        }
        if i > 0 {
            t = back.get(i).map_or(0, |b| usize::from(b[t]));
        }
    }
}

impl Model {
    /// The model shipped with this crate, trained on Universal NER English-EWT and -PUD
    /// (Wikipedia half) and GUM (see `data/NOTICE`; the model file is CC BY-SA 4.0).
    ///
    /// # Errors
    /// [`NerError::Model`] if the embedded bytes are not a model (a build without one).
    pub fn load_embedded() -> Result<Model, NerError> {
        Model::from_bytes(EMBEDDED, "embedded model")
    }

    /// Reads a model from the bytes of a model file; `name` names the input in errors.
    ///
    /// # Errors
    /// [`NerError::Model`] naming the byte offset when the bytes are not a model of this
    /// version.
    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Model, NerError> {
        let mut r = Reader {
            bytes,
            pos: 0,
            name,
        };
        if r.take(5)? != MAGIC {
            return Err(r.error("not a newsgraph-ner model (bad magic)"));
        }
        let format = r.u8()?;
        if format != FORMAT && format != 1 {
            return Err(r.error("unsupported format version (valid: 1, 2)"));
        }
        if r.u8()? != FEATURE_SET {
            return Err(r.error("model made with another feature set"));
        }
        let bits = u32::from(r.u8()?);
        if !(4..=26).contains(&bits) {
            return Err(r.error("bucket bits out of range 4..=26"));
        }
        if usize::from(r.u8()?) != N_TAGS {
            return Err(r.error("wrong number of tags"));
        }
        let scale = f32::from_le_bytes(r.array()?);
        if !scale.is_finite() || scale <= 0.0 {
            return Err(r.error("scale is not a positive number"));
        }
        let mut trans = [[0i32; N_TAGS]; N_TAGS + 1];
        for row in trans.iter_mut() {
            for v in row.iter_mut() {
                *v = i32::from_le_bytes(r.array()?);
            }
        }
        let n = u32::from_le_bytes(r.array()?) as usize;
        let size = 1usize << bits;
        if n > size {
            return Err(r.error("more rows than buckets"));
        }
        let mut rows = vec![[0i16; N_TAGS]; size];
        let mut bucket: i64 = -1;
        for _ in 0..n {
            let gap = r.varint()?;
            bucket = bucket.saturating_add(i64::try_from(gap).unwrap_or(i64::MAX));
            let row = usize::try_from(bucket).ok().and_then(|b| rows.get_mut(b));
            let Some(row) = row else {
                return Err(r.error("row bucket out of range"));
            };
            for w in row.iter_mut() {
                let z = r.varint()?;
                let v = ((z >> 1) as i64) ^ -((z & 1) as i64);
                *w = i16::try_from(v).map_err(|_| r.error("weight out of i16 range"))?;
            }
        }
        let lex_bits = u32::from(r.u8()?);
        if lex_bits > 26 {
            return Err(r.error("lexicon bits out of range 0..=26"));
        }
        let m = u32::from_le_bytes(r.array()?) as usize;
        if m > (1usize << lex_bits) {
            return Err(r.error("more lexicon entries than buckets"));
        }
        let mut marked = Vec::with_capacity(m);
        let mut at: i64 = -1;
        for _ in 0..m {
            let gap = r.varint()?;
            at = at.saturating_add(i64::try_from(gap).unwrap_or(i64::MAX));
            match usize::try_from(at) {
                Ok(b) if b < (1usize << lex_bits) => marked.push(b),
                _ => return Err(r.error("lexicon bucket out of range")),
            }
        }
        let lex = Lexicon::from_buckets(lex_bits, marked);
        let gaz = if format == 1 {
            "none".to_owned()
        } else {
            let n = usize::from(r.u8()?);
            if n > 64 {
                return Err(r.error("gazetteer id longer than 64 bytes"));
            }
            let at = r.pos;
            let id = r.take(n)?;
            match std::str::from_utf8(id) {
                Ok(id) => id.to_owned(),
                Err(_) => {
                    r.pos = at;
                    return Err(r.error("gazetteer id is not UTF-8"));
                }
            }
        };
        if r.pos != bytes.len() {
            return Err(r.error("trailing bytes after the last row"));
        }
        Ok(Model {
            bits,
            scale,
            rows,
            trans64: widen(&trans),
            trans,
            lex,
            gaz,
        })
    }

    /// The model file's bytes (see the module documentation for the format).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(FORMAT);
        out.push(FEATURE_SET);
        out.push(self.bits as u8);
        out.push(N_TAGS as u8);
        out.extend_from_slice(&self.scale.to_le_bytes());
        for row in &self.trans {
            for v in row {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        let nonzero = self
            .rows
            .iter()
            .filter(|r| r.iter().any(|&w| w != 0))
            .count();
        out.extend_from_slice(&(nonzero as u32).to_le_bytes());
        let mut prev: i64 = -1;
        for (b, row) in self.rows.iter().enumerate() {
            if row.iter().all(|&w| w == 0) {
                continue;
            }
            put_varint(&mut out, (b as i64 - prev) as u64);
            prev = b as i64;
            for &w in row {
                let w = i64::from(w);
                put_varint(&mut out, ((w << 1) ^ (w >> 63)) as u64);
            }
        }
        out.push(self.lex.bits() as u8);
        let marked: Vec<usize> = self.lex.marked().collect();
        out.extend_from_slice(&(marked.len() as u32).to_le_bytes());
        let mut prev: i64 = -1;
        for b in marked {
            put_varint(&mut out, (b as i64 - prev) as u64);
            prev = b as i64;
        }
        let id = self.gaz.as_bytes();
        let id = id.get(..64).unwrap_or(id);
        out.push(id.len() as u8);
        out.extend_from_slice(id);
        out
    }

    /// Builds a model from real-valued weights (`weights[bucket * 9 + tag]`) and transitions,
    /// quantising to 16-bit integers; `gaz` is the id of the gazetteer it was trained with.
    pub(crate) fn quantise(
        bits: u32,
        weights: &[f32],
        trans: &Transitions<f32>,
        lex: Lexicon,
        gaz: &str,
    ) -> Model {
        let max = weights
            .iter()
            .chain(trans.iter().flatten())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32000.0 } else { 1.0 };
        let size = 1usize << bits;
        let mut rows = vec![[0i16; N_TAGS]; size];
        for (row, ws) in rows.iter_mut().zip(weights.chunks_exact(N_TAGS)) {
            for (q, w) in row.iter_mut().zip(ws) {
                *q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
            }
        }
        let mut t = [[0i32; N_TAGS]; N_TAGS + 1];
        for (qr, wr) in t.iter_mut().zip(trans) {
            for (q, w) in qr.iter_mut().zip(wr) {
                *q = (w / scale).round() as i32;
            }
        }
        let mut gaz = gaz.to_owned();
        while gaz.len() > 64 {
            gaz.pop();
        }
        Model {
            bits,
            scale,
            rows,
            trans64: widen(&t),
            trans: t,
            lex,
            gaz,
        }
    }

    /// The contribution of each feature to the scores of the tags (in [`BioTag`] index order:
    /// O, B-PER, I-PER, B-ORG, …) of token `i` of a sentence, with its template number (see
    /// the source of [`crate::features`]), using the gazetteer the model was trained with.
    /// For development diagnostics.
    #[doc(hidden)]
    pub fn explain(&self, tokens: &[&str], i: usize) -> Vec<(u8, [f32; N_TAGS])> {
        let mut ex = Extractor::default();
        ex.tracing = true;
        let (mut feats, mut offsets) = (Vec::new(), Vec::new());
        ex.extract(
            tokens,
            &self.lex,
            gazetteer_for(self),
            self.bits,
            &mut feats,
            &mut offsets,
        );
        let (Some(&a), Some(&b)) = (offsets.get(i), offsets.get(i + 1)) else {
            return Vec::new();
        };
        (a as usize..b as usize)
            .filter_map(|k| {
                let row = self.rows.get(*feats.get(k)? as usize)?;
                let mut w = [0f32; N_TAGS];
                for (x, &r) in w.iter_mut().zip(row) {
                    *x = f32::from(r) * self.scale;
                }
                Some((*ex.trace.get(k)?, w))
            })
            .collect()
    }

    /// The transition weights: row 0 from the sentence start, row 1 + *p* from tag *p*. For
    /// development diagnostics.
    #[doc(hidden)]
    pub fn transitions(&self) -> Vec<Vec<f32>> {
        self.trans
            .iter()
            .map(|r| r.iter().map(|&w| w as f32 * self.scale).collect())
            .collect()
    }

    /// The [`Gazetteer::id`] of the gazetteer the model was trained with: `none`, or
    /// [`KB_GAZETTEER_ID`] for the shipped model.
    pub fn gazetteer(&self) -> &str {
        &self.gaz
    }

    /// The number of hash bits: the weight table has 2^bits rows.
    pub fn bucket_bits(&self) -> u32 {
        self.bits
    }

    /// Whether the training text writes `word` (case aside) mostly in lower case: a common
    /// word ("first", "cotton") rather than a name, however it is capitalised here. Allocates
    /// a few small buffers per call.
    pub fn is_common_word(&self, word: &str) -> bool {
        let (form, _) = Extractor::default().form_case(word);
        self.lex.is_lower(form)
    }

    /// The number of weight rows that are not all zero.
    pub fn nonzero_rows(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.iter().any(|&w| w != 0))
            .count()
    }

    /// Finds the names in the sentences of `text` (see [`Tagger::tag`]). Allocates its
    /// buffers on each call: keep a [`Tagger`] to reuse them.
    pub fn tag(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
        out: &mut Vec<NamedSpan>,
    ) {
        Tagger::new(self).tag(text, tokens, sentences, out);
    }

    /// The BIO tags of an already tokenised sentence (see [`Tagger::tag_tokens`]).
    pub fn tag_tokens(&self, tokens: &[&str]) -> Vec<BioTag> {
        let mut out = Vec::new();
        Tagger::new(self).tag_tokens(tokens, &mut out);
        out
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    name: &'a str,
}

impl Reader<'_> {
    fn error(&self, what: &str) -> NerError {
        NerError::Model {
            input: self.name.to_owned(),
            offset: self.pos,
            what: what.to_owned(),
        }
    }

    fn take(&mut self, n: usize) -> Result<&[u8], NerError> {
        let s = self
            .bytes
            .get(self.pos..self.pos.saturating_add(n))
            .ok_or_else(|| self.error("unexpected end of the model"))?;
        self.pos += n;
        Ok(s)
    }

    fn u8(&mut self) -> Result<u8, NerError> {
        Ok(self.array::<1>()?[0])
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], NerError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    fn varint(&mut self) -> Result<u64, NerError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(self.error("varint too long"))
    }
}

/// The buffers of one tagging run, reused between calls so that tagging allocates nothing
/// per sentence once they have grown.
///
/// A [`Tagger`] owns one; [`crate::Recogniser`] keeps one per thread or takes yours
/// ([`crate::Recogniser::tag_with`]). A `Scratch` holds no result between calls: any scratch
/// may be used with any model.
#[derive(Debug, Default)]
pub struct Scratch {
    ex: Extractor,
    feats: Vec<u32>,
    offsets: Vec<u32>,
    em: Vec<[i64; N_TAGS]>,
    back: Vec<[u8; N_TAGS]>,
    path: Vec<usize>,
    pieces: Vec<ByteSpan>,
    forms: Vec<u64>,
    bounds: Vec<(usize, usize)>,
    flat: Vec<BioTag>,
    doc: DocPass,
}

/// The gazetteer a model was trained with, when this crate provides it: the knowledge-base
/// gazetteer for [`KB_GAZETTEER_ID`] (none if the knowledge base cannot be loaded), else none.
fn gazetteer_for(model: &Model) -> &'static dyn Gazetteer {
    if model.gaz == KB_GAZETTEER_ID {
        if let Some(g) = KbGazetteer::global() {
            return g;
        }
    }
    &NoGazetteer
}

/// Decodes sentences with a [`Model`], keeping its buffers between calls so that tagging
/// allocates nothing per sentence once they have grown.
pub struct Tagger<'m> {
    model: &'m Model,
    gaz: &'m dyn Gazetteer,
    scratch: Scratch,
    consistency: bool,
}

impl std::fmt::Debug for Tagger<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger")
            .field("bits", &self.model.bits)
            .field("gazetteer", &self.gaz.id())
            .finish_non_exhaustive()
    }
}

impl<'m> Tagger<'m> {
    /// A tagger using `model` with the gazetteer it was trained with, when this crate provides
    /// it ([`Model::gazetteer`]): the knowledge-base gazetteer ([`KbGazetteer::global`]) for the
    /// shipped model, none for a model trained without. Should the knowledge base fail to load,
    /// the tagger runs without gazetteer features, and less well: [`crate::Recogniser::new`]
    /// reports that failure instead.
    pub fn new(model: &'m Model) -> Self {
        Self::with_gazetteer(model, gazetteer_for(model))
    }

    /// A tagger using `model` with the gazetteer `gaz`, which should be the one it was trained
    /// with.
    pub fn with_gazetteer(model: &'m Model, gaz: &'m dyn Gazetteer) -> Self {
        Tagger {
            model,
            gaz,
            scratch: Scratch::default(),
            consistency: true,
        }
    }

    /// Turns the document-level consistency pass on (the default) or off: see
    /// [`document`](crate::document).
    pub fn set_document_consistency(&mut self, on: bool) {
        self.consistency = on;
    }

    /// Writes to `out` the BIO tags of each sentence of a tokenised document (one vector per
    /// sentence), decoding each sentence and then applying the document-level pass.
    pub fn tag_document_tokens(&mut self, sentences: &[&[&str]], out: &mut Vec<Vec<BioTag>>) {
        let (model, gaz) = (self.model, self.gaz);
        let s = &mut self.scratch;
        out.clear();
        let mut all: Vec<&str> = Vec::new();
        s.bounds.clear();
        s.forms.clear();
        let mut flat = std::mem::take(&mut s.flat);
        flat.clear();
        for sent in sentences {
            s.bounds.push((all.len(), all.len() + sent.len()));
            all.extend_from_slice(sent);
            decode_into(model, gaz, s, sent, &mut flat);
        }
        s.flat = flat;
        if self.consistency {
            s.doc
                .run(&all, &s.forms, &s.bounds, &mut s.flat, &model.lex);
        }
        for &(a, b) in &s.bounds {
            out.push(s.flat.get(a..b).unwrap_or(&[]).to_vec());
        }
    }

    /// Writes to `out` (cleared first) the BIO tag of each token of one sentence.
    pub fn tag_tokens(&mut self, tokens: &[&str], out: &mut Vec<BioTag>) {
        out.clear();
        self.scratch.forms.clear();
        decode_into(self.model, self.gaz, &mut self.scratch, tokens, out);
    }

    /// Finds the names in `text`, writing them to `out` (cleared first) in text order.
    ///
    /// `tokens` are the text's tokens in text order and `sentences` its sentences, as
    /// [`newsgraph_segment::tokenize`] and [`newsgraph_segment::split_sentences`] make them;
    /// each sentence is decoded on its own, from the tokens lying wholly inside it (tokens
    /// outside every sentence are not tagged: pass a headline or dateline as a sentence of
    /// its own to tag it). With no sentences the whole text is one sentence. Words are split at
    /// inner hyphens first, as the training data is ("Iran-backed" → "Iran" "-" "backed").
    /// After decoding, the names of the whole text are made consistent (see
    /// [`document`](crate::document); [`Tagger::set_document_consistency`] turns this off) and
    /// their edges trimmed by [`rules`](crate::rules).
    /// Spans that do not fit `text` are skipped; no input makes this panic.
    pub fn tag(
        &mut self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
        out: &mut Vec<NamedSpan>,
    ) {
        tag_text(
            self.model,
            self.gaz,
            &mut self.scratch,
            self.consistency,
            (text, tokens, sentences),
            out,
        );
    }
}

/// Decodes one sentence, appending its tags to `out` and its tokens' form hashes to
/// `s.forms`.
fn decode_into(
    model: &Model,
    gaz: &dyn Gazetteer,
    s: &mut Scratch,
    tokens: &[&str],
    out: &mut Vec<BioTag>,
) {
    for chunk in tokens.chunks(MAX_SEQ) {
        s.ex.extract(
            chunk,
            &model.lex,
            gaz,
            model.bits,
            &mut s.feats,
            &mut s.offsets,
        );
        s.ex.append_forms(&mut s.forms);
        s.em.clear();
        for w in s.offsets.windows(2) {
            let mut acc = [0i32; N_TAGS];
            let fs = s.feats.get(w[0] as usize..w[1] as usize).unwrap_or(&[]);
            for &f in fs {
                if let Some(row) = model.rows.get(f as usize) {
                    for (a, &r) in acc.iter_mut().zip(row) {
                        *a += i32::from(r);
                    }
                }
            }
            let mut e = [0i64; N_TAGS];
            for (x, a) in e.iter_mut().zip(acc) {
                *x = i64::from(a);
            }
            s.em.push(e);
        }
        viterbi(&s.em, &model.trans64, &mut s.back, &mut s.path);
        out.extend(s.path.iter().map(|&t| BioTag::from_index(t)));
    }
}

/// The text to tag: the text, its tokens and its sentences.
pub(crate) type Input<'a> = (&'a str, &'a [Token], &'a [Sentence]);

/// [`Tagger::tag`] with explicit parts.
pub(crate) fn tag_text(
    model: &Model,
    gaz: &dyn Gazetteer,
    s: &mut Scratch,
    consistency: bool,
    (text, tokens, sentences): Input<'_>,
    out: &mut Vec<NamedSpan>,
) {
    out.clear();
    let whole = [Sentence::new(ByteSpan::ordered(0, text.len()))];
    let sentences = if sentences.is_empty() {
        &whole[..]
    } else {
        sentences
    };
    s.pieces.clear();
    s.bounds.clear();
    for sent in sentences {
        let (lo, hi) = (sent.span.start(), sent.span.end());
        let first = tokens.partition_point(|t| t.span.start() < lo);
        let start = s.pieces.len();
        for t in tokens.get(first..).unwrap_or(&[]) {
            if t.span.start() >= hi {
                break;
            }
            if t.span.end() > hi || text.get(t.span.start()..t.span.end()).is_none() {
                continue;
            }
            split_pieces(text, t, &mut s.pieces);
        }
        if s.pieces.len() > start {
            s.bounds.push((start, s.pieces.len()));
        }
    }
    let strs: Vec<&str> = s
        .pieces
        .iter()
        .map(|p| text.get(p.start()..p.end()).unwrap_or(""))
        .collect();
    let mut flat = std::mem::take(&mut s.flat);
    let bounds = std::mem::take(&mut s.bounds);
    flat.clear();
    s.forms.clear();
    for &(a, b) in &bounds {
        decode_into(model, gaz, s, strs.get(a..b).unwrap_or(&[]), &mut flat);
    }
    if consistency {
        s.doc.run(&strs, &s.forms, &bounds, &mut flat, &model.lex);
    }
    for &(s0, e0) in &bounds {
        let (Some(sent), Some(st)) = (strs.get(s0..e0), flat.get(s0..e0)) else {
            continue;
        };
        for (a, b, label) in bio_spans(st) {
            let Some((a, b)) = trim_name(sent, a, b, label == crate::Label::Per) else {
                continue;
            };
            let (Some(x), Some(y)) = (
                s.pieces.get(s0 + a),
                (s0 + b).checked_sub(1).and_then(|e| s.pieces.get(e)),
            ) else {
                continue;
            };
            out.push(NamedSpan {
                span: ByteSpan::ordered(x.start(), y.end()),
                label,
            });
        }
    }
    s.flat = flat;
    s.bounds = bounds;
}

/// Appends the pieces of `token` to `out`: the token itself, or for a word with inner
/// hyphens its parts and hyphens.
fn split_pieces(text: &str, token: &Token, out: &mut Vec<ByteSpan>) {
    let (start, end) = (token.span.start(), token.span.end());
    let Some(s) = text.get(start..end) else {
        return;
    };
    if token.kind != TokenKind::Word || !s.contains('-') || s.len() < 3 {
        out.push(token.span);
        return;
    }
    let mut from = 0;
    for (i, c) in s.char_indices() {
        if c == '-' && i > from && i + 1 < s.len() {
            out.push(ByteSpan::ordered(start + from, start + i));
            out.push(ByteSpan::ordered(start + i, start + i + 1));
            from = i + 1;
        }
    }
    out.push(ByteSpan::ordered(start + from, end));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_respects_bio() {
        // Emissions prefer I-PER at the start; the constraint forbids it.
        let mut em = [[0f32; N_TAGS]; 2];
        em[0][2] = 5.0;
        em[0][1] = 1.0;
        em[1][2] = 5.0;
        let trans = [[0f32; N_TAGS]; N_TAGS + 1];
        let (mut back, mut path) = (Vec::new(), Vec::new());
        viterbi(&em, &trans, &mut back, &mut path);
        assert_eq!(path, vec![1, 2]);
        viterbi::<f32>(&[], &trans, &mut back, &mut path);
        assert!(path.is_empty());
    }

    #[test]
    fn bytes_round_trip() {
        let mut w = vec![0f32; (1 << 6) * N_TAGS];
        w[9] = 1.5;
        w[100] = -2.0;
        let mut t = [[0f32; N_TAGS]; N_TAGS + 1];
        t[0][1] = 0.25;
        let m = Model::quantise(6, &w, &t, Lexicon::from_forms(8, [5u64, 77]), "test-gaz");
        let b = m.to_bytes();
        let back = Model::from_bytes(&b, "test").unwrap();
        assert_eq!(m, back);
        assert_eq!(back.gazetteer(), "test-gaz");
        assert_eq!(back.nonzero_rows(), 2);
        for cut in 0..b.len() {
            assert!(Model::from_bytes(&b[..cut], "test").is_err());
        }
        let mut longer = b.clone();
        longer.push(0);
        assert!(Model::from_bytes(&longer, "test").is_err());
        // Format 1 had no gazetteer id: it reads as a model without gazetteer.
        let id_len = "test-gaz".len() + 1;
        let mut v1 = b[..b.len() - id_len].to_vec();
        v1[5] = 1;
        let old = Model::from_bytes(&v1, "v1").unwrap();
        assert_eq!(old.gazetteer(), "none");
        assert_eq!(old.nonzero_rows(), 2);
        let mut bad = b.clone();
        bad[5] = 9;
        assert!(Model::from_bytes(&bad, "test").is_err());
    }

    #[test]
    fn hyphenated_words_are_split() {
        let text = "Iran-backed al-Qaeda e- x";
        let toks = newsgraph_segment::tokenize(text);
        let mut out = Vec::new();
        for t in &toks {
            split_pieces(text, t, &mut out);
        }
        let s: Vec<&str> = out.iter().map(|p| &text[p.start()..p.end()]).collect();
        assert_eq!(&s[..6], &["Iran", "-", "backed", "al", "-", "Qaeda"]);
    }
}
