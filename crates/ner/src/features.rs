//! Feature extraction: what the tagger looks at, hashed straight into weight-table buckets.
//!
//! Every feature is a template number and one or two per-token hashes, folded together with
//! an FxHash-style hasher and reduced to a bucket of the model's weight table; no feature string is ever
//! built. Per token, the following are computed once (from the token's text, with letters
//! lower-cased, digits mapped to `0`, curly quotes and apostrophes to ASCII and dashes to `-`):
//! the *form*, the exact (cased) form, the *shape* (`X` upper, `x` lower, `d` digit, other
//! characters kept, runs cut at four: "Maria" → `Xxxxx`→`Xxxx`, "U.S." → `X.X.`, "1990" →
//! `dddd`), the *short shape* (runs cut at one: `Xx`, `X.X.`, `d`), prefixes and suffixes of
//! one to four characters, and flags.
//!
//! The features of token *i* are:
//!
//! | template | value |
//! |---|---|
//! | bias | — |
//! | form, exact form, shape | of token *i* |
//! | prefix 1–4, suffix 1–4 | of token *i* (when the form is at least that long) |
//! | flags | one feature per flag set: title case, all upper, all lower, has digit, has hyphen, has apostrophe, has period, no letter or digit, an initial ("J."), inner capital ("McCain") |
//! | short shape × case context × first | the short shape, with the sentence's case context (normal; ALL CAPS headline; Title Case headline; all lower case) and whether the token is the sentence's first word: a capital means less at the start of a sentence and in a headline, and more in lower-case text |
//! | forms at *i*−2, *i*−1, *i*+1, *i*+2 | sentence boundaries have their own value |
//! | short shapes at *i*−2, *i*−1, *i*+1, *i*+2 | |
//! | form *i*−1 × form *i*, form *i* × form *i*+1 | word bigrams |
//! | form *i*−1 × short shape *i*, short shape *i* × form *i*+1 | "President" + `Xx`, `Xx` + "said" |
//! | form *i*−2 × form *i*−1 | "the city of" before a name |
//! | short shapes *i*−1, *i*, *i*+1 | shape trigram |
//! | capitalised run: its last word, its first word, its length (up to 5), each × token *i*'s place in it (alone, first, inside, last) | for a token inside a run of capitalised words joined by "of", "the", "and", "for", "de", "&", "-" ("International Monetary Fund", "University of Tehran"): the last word tells an organisation from a place |
//! | casing lexicon × short shape × case context × first | whether the form of token *i* is mostly written in lower case in the training text |
//! | casing lexicon *i*−1 × short shape *i*, casing lexicon *i*+1 × short shape *i* | |
//! | recased × short shape × case context | only in a sentence whose case was restored (below) |
//! | gazetteer | one feature per [`GazFeature`] a [`Gazetteer`] reports for token *i* (see [`crate::gazetteer`] for the knowledge-base one) |
//!
//! Previous tags enter through the transition weights of the Viterbi decoder, not as features.
//!
//! # Text whose case says nothing
//!
//! In an ALL CAPS headline or a text without capitals, every word has the same shape and the
//! knowledge base refuses lower-case matches. The extractor then gives each word the case it
//! usually has before computing shapes, flags, capitalised runs and gazetteer features: lower
//! case for a word the casing lexicon marks as mostly lower case, capitalised otherwise
//! ("IRAN WARNS ISRAEL" is seen as "Iran warns Israel", "talks in nairobi" as "talks in
//! Nairobi"). The case context stays a feature, so the model, trained with some sentences
//! upper- and lower-cased (see [`crate::TrainConfig`]), learns how far to trust the guess.
//! Acronyms come out capitalised ("Nato"), and a rare word missing from the lexicon looks like
//! a name: recall in such text stays well below that in normal text.

use crate::hash::{avalanche, fx, hash_bytes};
use crate::lexicon::Lexicon;

/// A feature reported by a [`Gazetteer`] for one token: an opaque number the gazetteer
/// chooses, for example a list number times four plus the token's place in the matched name
/// (begin, inside, last, unit). Different numbers are different features.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GazFeature(pub u32);

/// A source of gazetteer features, such as name lists from a knowledge base
/// ([`crate::KbGazetteer`]).
///
/// A model must be used with the gazetteer it was trained with: the weights of gazetteer
/// features are learned, and the model file records the gazetteer's [`Gazetteer::id`].
pub trait Gazetteer {
    /// The name of the features this gazetteer reports, stored in the models trained with it.
    /// The default, `"none"`, is that of [`NoGazetteer`].
    fn id(&self) -> &str {
        "none"
    }

    /// Appends to `out` the features of token `i` of the sentence `tokens`. The default
    /// reports nothing.
    fn tags(&self, tokens: &[&str], i: usize, out: &mut Vec<GazFeature>) {
        let _ = (tokens, i, out);
    }

    /// Writes the features of every token of the sentence `tokens` at once: token `i`'s are
    /// `feats[offsets[i]..offsets[i + 1]]` (both vectors are cleared first, and `offsets` gets
    /// `tokens.len() + 1` entries). The default calls [`Gazetteer::tags`] for each token; a
    /// gazetteer whose matches span several tokens implements this instead, and `tags` from it.
    fn sentence_tags(&self, tokens: &[&str], feats: &mut Vec<GazFeature>, offsets: &mut Vec<u32>) {
        feats.clear();
        offsets.clear();
        for i in 0..tokens.len() {
            offsets.push(feats.len() as u32);
            self.tags(tokens, i, feats);
        }
        offsets.push(feats.len() as u32);
    }
}

/// The gazetteer that reports nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoGazetteer;

impl Gazetteer for NoGazetteer {
    fn sentence_tags(&self, tokens: &[&str], feats: &mut Vec<GazFeature>, offsets: &mut Vec<u32>) {
        feats.clear();
        offsets.clear();
        offsets.resize(tokens.len() + 1, 0);
    }
}

// Feature templates.
const T_BIAS: u64 = 1;
const T_FORM: u64 = 2;
const T_RAW: u64 = 3;
const T_SHAPE: u64 = 4;
const T_CTX_SHAPE: u64 = 5;
const T_PRE: u64 = 6; // 6..=9
const T_SUF: u64 = 10; // 10..=13
const T_FLAG: u64 = 14;
const T_FORM_M1: u64 = 15;
const T_FORM_M2: u64 = 16;
const T_FORM_P1: u64 = 17;
const T_FORM_P2: u64 = 18;
const T_SHORT_M1: u64 = 19;
const T_SHORT_P1: u64 = 20;
const T_SHORT_M2: u64 = 21;
const T_SHORT_P2: u64 = 22;
const T_BI_M1: u64 = 23;
const T_BI_P1: u64 = 24;
const T_SHORT_TRI: u64 = 25;
const T_FORM_M1_SHORT: u64 = 26;
const T_SHORT_FORM_P1: u64 = 27;
const T_FORM_M2_M1: u64 = 28;
const T_GAZ: u64 = 29;
const T_LEX: u64 = 30;
const T_LEX_M1: u64 = 31;
const T_LEX_P1: u64 = 32;
const T_RUN_LAST: u64 = 33;
const T_RUN_FIRST: u64 = 34;
const T_RUN_LEN: u64 = 35;
const T_RECASED: u64 = 36;

/// The value standing for a position outside the sentence.
const BOUNDARY: u64 = 0x0b0b_0b0b_0b0b_0b0b;

// Token flags.
const F_TITLE: u16 = 1;
const F_UPPER: u16 = 1 << 1;
const F_LOWER: u16 = 1 << 2;
const F_DIGIT: u16 = 1 << 3;
const F_HYPHEN: u16 = 1 << 4;
const F_APOS: u16 = 1 << 5;
const F_PERIOD: u16 = 1 << 6;
const F_NO_ALNUM: u16 = 1 << 7;
const F_INITIAL: u16 = 1 << 8;
const F_INNER_CAP: u16 = 1 << 9;
const N_FLAGS: u32 = 10;

/// What is computed once per token.
#[derive(Clone, Copy, Debug, Default)]
struct TokInfo {
    form: u64,
    raw: u64,
    shape: u64,
    short: u64,
    /// Prefix and suffix hashes of one to four characters; 0 when the form is shorter.
    pre: [u64; 4],
    suf: [u64; 4],
    flags: u16,
}

/// The case context of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CaseContext {
    Normal = 0,
    AllCaps = 1,
    TitleCase = 2,
    Lower = 3,
}

/// Reusable buffers for feature extraction.
#[derive(Debug, Default)]
pub(crate) struct Extractor {
    norm: String,
    shape: String,
    short: String,
    infos: Vec<TokInfo>,
    gaz: Vec<GazFeature>,
    gaz_off: Vec<u32>,
    /// The recased tokens of a sentence without usable case, and where each ends.
    recased: String,
    recased_ends: Vec<usize>,
    /// For each token, the capitalised run it lies in, as (first, last) token indices.
    runs: Vec<Option<(usize, usize)>>,
    /// When set, the template of each feature is recorded in `trace` (for explanations).
    pub(crate) tracing: bool,
    pub(crate) trace: Vec<u8>,
}

/// Normalises one character of a form into `out`.
#[inline]
fn push_norm(c: char, out: &mut String) {
    match c {
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        'a'..='z' => out.push(c),
        '0'..='9' => out.push('0'),
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => out.push('"'),
        '\u{2010}'..='\u{2015}' => out.push('-'),
        c if c.is_ascii() => out.push(c),
        c if c.is_numeric() => out.push('0'),
        c => out.extend(c.to_lowercase()),
    }
}

/// The shape class of a character.
#[inline]
fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2010}'..='\u{2015}' => '-',
            c => c,
        }
    }
}

impl Extractor {
    /// Appends the form hashes of the tokens of the last [`Extractor::extract`] call.
    pub(crate) fn append_forms(&self, out: &mut Vec<u64>) {
        out.extend(self.infos.iter().map(|t| t.form));
    }

    /// The hash of a token's normalised form, and whether the token is all lower case and
    /// has a letter: what the casing lexicon is built from.
    pub(crate) fn form_case(&mut self, token: &str) -> (u64, bool) {
        let info = self.token_info(token);
        (info.form, info.flags & F_LOWER != 0)
    }

    fn token_info(&mut self, token: &str) -> TokInfo {
        self.norm.clear();
        self.shape.clear();
        self.short.clear();
        let mut flags = 0u16;
        let (mut letters, mut uppers, mut lowers, mut alnum, mut chars) = (0u32, 0u32, 0u32, 0, 0);
        let mut first_upper = false;
        let mut inner_upper = false;
        let mut last_shape = '\0';
        let mut run = 0;
        for (k, c) in token.chars().enumerate() {
            chars += 1;
            push_norm(c, &mut self.norm);
            let s = shape_char(c);
            if s == last_shape {
                run += 1;
            } else {
                run = 1;
                last_shape = s;
                self.short.push(s);
            }
            if run <= 4 {
                self.shape.push(s);
            }
            match s {
                'X' => {
                    letters += 1;
                    uppers += 1;
                    alnum += 1;
                    if k == 0 {
                        first_upper = true;
                    } else {
                        inner_upper = true;
                    }
                }
                'x' => {
                    letters += 1;
                    lowers += 1;
                    alnum += 1;
                }
                'd' => {
                    alnum += 1;
                    flags |= F_DIGIT;
                }
                '-' => flags |= F_HYPHEN,
                '\'' => flags |= F_APOS,
                '.' => flags |= F_PERIOD,
                _ => {}
            }
        }
        if first_upper && lowers > 0 {
            flags |= F_TITLE;
        }
        if letters > 0 && uppers == letters {
            flags |= F_UPPER;
        }
        if letters > 0 && lowers == letters {
            flags |= F_LOWER;
        }
        if alnum == 0 {
            flags |= F_NO_ALNUM;
        }
        if chars == 2 && first_upper && token.ends_with('.') {
            flags |= F_INITIAL;
        }
        if inner_upper && lowers > 0 {
            flags |= F_INNER_CAP;
        }
        let norm = self.norm.as_str();
        let mut pre = [0u64; 4];
        let mut suf = [0u64; 4];
        let mut ends = [0usize; 5];
        let mut n = 0;
        for (i, _) in norm.char_indices().take(5) {
            if let Some(e) = ends.get_mut(n) {
                *e = i;
            }
            n += 1;
        }
        for k in 1..=4usize {
            let end = if k < n {
                ends.get(k).copied()
            } else if k == n {
                Some(norm.len())
            } else {
                None
            };
            if let (Some(end), Some(p)) = (end, pre.get_mut(k - 1)) {
                if let Some(s) = norm.get(..end) {
                    *p = hash_bytes(0x70 + k as u64, s.as_bytes());
                }
            }
        }
        let mut count = 0;
        let mut starts = [0usize; 4];
        for (i, _) in norm.char_indices().rev().take(4) {
            if let Some(s) = starts.get_mut(count) {
                *s = i;
            }
            count += 1;
        }
        for k in 1..=count {
            if let (Some(&start), Some(s)) = (starts.get(k - 1), suf.get_mut(k - 1)) {
                if let Some(t) = norm.get(start..) {
                    *s = hash_bytes(0x80 + k as u64, t.as_bytes());
                }
            }
        }
        TokInfo {
            form: hash_bytes(0x11, norm.as_bytes()),
            raw: hash_bytes(0x12, token.as_bytes()),
            shape: hash_bytes(0x13, self.shape.as_bytes()),
            short: hash_bytes(0x14, self.short.as_bytes()),
            pre,
            suf,
            flags,
        }
    }

    /// Computes the features of every token of one sentence. Token `i`'s buckets are
    /// `feats[offsets[i]..offsets[i + 1]]`; both vectors are cleared first.
    pub(crate) fn extract(
        &mut self,
        tokens: &[&str],
        lex: &Lexicon,
        gaz: &dyn Gazetteer,
        bits: u32,
        feats: &mut Vec<u32>,
        offsets: &mut Vec<u32>,
    ) {
        self.extract_masked(tokens, lex, gaz, bits, feats, offsets, &[]);
    }

    /// Whether the token has a capital letter: what word dropout in training may hide.
    pub(crate) fn maskable(&mut self, token: &str) -> bool {
        self.token_info(token).flags & (F_TITLE | F_UPPER) != 0
    }

    /// [`Extractor::extract`], leaving out the features that identify the word itself (its
    /// form, exact form, word bigrams, four-letter affixes, and its own form as the end of a
    /// capitalised run) for each token `i` with `masked[i]`: in training, this makes a known
    /// word look like an unseen one, as most names are at run time.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn extract_masked(
        &mut self,
        tokens: &[&str],
        lex: &Lexicon,
        gaz: &dyn Gazetteer,
        bits: u32,
        feats: &mut Vec<u32>,
        offsets: &mut Vec<u32>,
        masked: &[bool],
    ) {
        feats.clear();
        offsets.clear();
        self.infos.clear();
        for t in tokens {
            let info = self.token_info(t);
            self.infos.push(info);
        }
        let ctx = case_context(&self.infos);
        // In text whose case says nothing (an ALL CAPS headline, text without capitals), the
        // words are given the case they usually have: see the module documentation.
        let mut recased = std::mem::take(&mut self.recased);
        recased.clear();
        let mut ends = std::mem::take(&mut self.recased_ends);
        ends.clear();
        let recase = matches!(ctx, CaseContext::AllCaps | CaseContext::Lower);
        if recase {
            for (t, info) in tokens.iter().zip(&self.infos) {
                recase_into(t, lex.is_lower(info.form), &mut recased);
                ends.push(recased.len());
            }
        }
        let views: Vec<&str>;
        let tokens: &[&str] = if recase {
            let mut from = 0;
            views = ends
                .iter()
                .map(|&e| {
                    let v = recased.get(from..e).unwrap_or("");
                    from = e;
                    v
                })
                .collect();
            self.infos.clear();
            for t in &views {
                let info = self.token_info(t);
                self.infos.push(info);
            }
            &views
        } else {
            tokens
        };
        self.find_runs(tokens);
        gaz.sentence_tags(tokens, &mut self.gaz, &mut self.gaz_off);
        let shift = 64 - bits.clamp(1, 32);
        let bucket = |h: u64| (avalanche(h) >> shift) as u32;
        let f1 = |t: u64, a: u64| bucket(fx(t.wrapping_mul(0x9e37_79b9_7f4a_7c15), a));
        let f2 =
            |t: u64, a: u64, b: u64| bucket(fx(fx(t.wrapping_mul(0x9e37_79b9_7f4a_7c15), a), b));
        let infos = &self.infos;
        let at =
            |j: isize| -> Option<&TokInfo> { usize::try_from(j).ok().and_then(|j| infos.get(j)) };
        let mut seen_word = false;
        let tracing = self.tracing;
        let mut trace = std::mem::take(&mut self.trace);
        trace.clear();
        macro_rules! put {
            ($t:expr, $b:expr) => {{
                feats.push($b);
                if tracing {
                    trace.push($t as u8);
                }
            }};
        }
        for (i, me) in infos.iter().enumerate() {
            offsets.push(feats.len() as u32);
            let ii = i as isize;
            let first = !seen_word;
            if me.flags & F_NO_ALNUM == 0 {
                seen_word = true;
            }
            let form = |j: isize| at(j).map_or(BOUNDARY, |t| t.form);
            let lower = |j: isize| at(j).map_or(2, |t| u64::from(lex.is_lower(t.form)));
            let short = |j: isize| at(j).map_or(BOUNDARY, |t| t.short);
            put!(T_BIAS, f1(T_BIAS, 0));
            let hide = masked.get(i).copied().unwrap_or(false);
            if !hide {
                put!(T_FORM, f1(T_FORM, me.form));
                put!(T_RAW, f1(T_RAW, me.raw));
            }
            put!(T_SHAPE, f1(T_SHAPE, me.shape));
            put!(
                T_CTX_SHAPE,
                f2(T_CTX_SHAPE, me.short, (ctx as u64) * 2 + u64::from(first))
            );
            for k in 0..if hide { 3 } else { 4u64 } {
                let (p, s) = (me.pre[k as usize & 3], me.suf[k as usize & 3]);
                if p != 0 {
                    put!(T_PRE + k, f1(T_PRE + k, p));
                }
                if s != 0 {
                    put!(T_SUF + k, f1(T_SUF + k, s));
                }
            }
            for b in 0..N_FLAGS {
                if me.flags & (1 << b) != 0 {
                    put!(T_FLAG, f1(T_FLAG, u64::from(b)));
                }
            }
            put!(T_FORM_M1, f1(T_FORM_M1, form(ii - 1)));
            put!(T_FORM_M2, f1(T_FORM_M2, form(ii - 2)));
            put!(T_FORM_P1, f1(T_FORM_P1, form(ii + 1)));
            put!(T_FORM_P2, f1(T_FORM_P2, form(ii + 2)));
            put!(T_SHORT_M1, f1(T_SHORT_M1, short(ii - 1)));
            put!(T_SHORT_P1, f1(T_SHORT_P1, short(ii + 1)));
            put!(T_SHORT_M2, f1(T_SHORT_M2, short(ii - 2)));
            put!(T_SHORT_P2, f1(T_SHORT_P2, short(ii + 2)));
            if !hide {
                put!(T_BI_M1, f2(T_BI_M1, form(ii - 1), me.form));
                put!(T_BI_P1, f2(T_BI_P1, me.form, form(ii + 1)));
            }
            put!(
                T_SHORT_TRI,
                f2(T_SHORT_TRI, short(ii - 1), fx(me.short, short(ii + 1)))
            );
            put!(T_FORM_M1_SHORT, f2(T_FORM_M1_SHORT, form(ii - 1), me.short));
            put!(T_SHORT_FORM_P1, f2(T_SHORT_FORM_P1, me.short, form(ii + 1)));
            put!(T_FORM_M2_M1, f2(T_FORM_M2_M1, form(ii - 2), form(ii - 1)));
            if let Some(Some((a, b))) = self.runs.get(i) {
                let (a, b) = (*a, *b);
                let pos = if a == b {
                    0
                } else if i == a {
                    1
                } else if i == b {
                    3
                } else {
                    2
                };
                let (fa, fb) = (form(a as isize), form(b as isize));
                if !(hide && b == i) {
                    put!(T_RUN_LAST, f2(T_RUN_LAST, fb, pos));
                }
                if !(hide && a == i) {
                    put!(T_RUN_FIRST, f2(T_RUN_FIRST, fa, pos));
                }
                put!(T_RUN_LEN, f2(T_RUN_LEN, (b - a + 1).min(5) as u64, pos));
            }
            put!(
                T_LEX,
                f2(
                    T_LEX,
                    lower(ii),
                    fx(me.short, (ctx as u64) * 2 + u64::from(first))
                )
            );
            put!(T_LEX_M1, f2(T_LEX_M1, lower(ii - 1), me.short));
            put!(T_LEX_P1, f2(T_LEX_P1, lower(ii + 1), me.short));
            if recase {
                put!(T_RECASED, f2(T_RECASED, me.short, ctx as u64));
            }
            let (a, b) = (self.gaz_off.get(i), self.gaz_off.get(i + 1));
            if let (Some(&a), Some(&b)) = (a, b) {
                for g in self.gaz.get(a as usize..b as usize).unwrap_or(&[]) {
                    put!(T_GAZ, f1(T_GAZ, u64::from(g.0)));
                }
            }
        }
        offsets.push(feats.len() as u32);
        self.trace = trace;
        self.recased = recased;
        self.recased_ends = ends;
    }
}

/// Appends `token` to `out` in the case it usually has: lower case when `lower` (the casing
/// lexicon says the word is mostly written so), else capitalised ("DAMASCUS" → "Damascus").
fn recase_into(token: &str, lower: bool, out: &mut String) {
    let mut first = true;
    for c in token.chars() {
        if c.is_alphabetic() {
            if first && !lower {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            first = false;
        } else {
            out.push(c);
        }
    }
}

impl Extractor {
    /// Finds the runs of capitalised tokens ("International Monetary Fund", "University of
    /// Tehran"): title-case or upper-case words, joined by "of", "the", "and", "for", "de",
    /// "&" or "-" when a capitalised word follows.
    fn find_runs(&mut self, tokens: &[&str]) {
        self.runs.clear();
        self.runs.resize(tokens.len(), None);
        let cap = |i: usize| {
            self.infos
                .get(i)
                .is_some_and(|t| t.flags & (F_TITLE | F_UPPER) != 0)
        };
        let joiner = |i: usize| {
            tokens
                .get(i)
                .is_some_and(|t| matches!(*t, "of" | "the" | "and" | "for" | "de" | "&" | "-"))
        };
        let mut i = 0;
        while i < tokens.len() {
            if !cap(i) {
                i += 1;
                continue;
            }
            let start = i;
            let end = capitalised_run_end(start, cap, joiner);
            for r in self.runs.iter_mut().take(end + 1).skip(start) {
                *r = Some((start, end));
            }
            i = end + 1;
        }
    }
}

/// The last token of the run of capitalised tokens that starts at `start` (which must be
/// capitalised): further capitalised tokens extend it, and so do joiner tokens ("of", "-")
/// when a capitalised token follows them. Shared by the run features and the gazetteer's
/// head and lead kinds, so both see the same runs.
pub(crate) fn capitalised_run_end(
    start: usize,
    cap: impl Fn(usize) -> bool,
    joiner: impl Fn(usize) -> bool,
) -> usize {
    let mut end = start;
    let mut j = start + 1;
    loop {
        if cap(j) {
            end = j;
            j += 1;
        } else if joiner(j) {
            let mut k = j + 1;
            while joiner(k) {
                k += 1;
            }
            if cap(k) {
                end = k;
                j = k + 1;
            } else {
                return end;
            }
        } else {
            return end;
        }
    }
}

/// The case context of a sentence: ALL CAPS or Title Case headlines, all lower case, or
/// normal text.
fn case_context(infos: &[TokInfo]) -> CaseContext {
    let (mut words, mut upper, mut title, mut lower) = (0u32, 0u32, 0u32, 0u32);
    for t in infos {
        if t.flags & (F_TITLE | F_UPPER | F_LOWER) == 0 {
            continue;
        }
        words += 1;
        if t.flags & F_UPPER != 0 {
            upper += 1;
        } else if t.flags & F_TITLE != 0 {
            title += 1;
        } else {
            lower += 1;
        }
    }
    if words < 3 {
        return CaseContext::Normal;
    }
    if upper * 10 >= words * 8 {
        CaseContext::AllCaps
    } else if lower == 0 && title >= 2 {
        CaseContext::TitleCase
    } else if upper + title == 0 {
        CaseContext::Lower
    } else {
        CaseContext::Normal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(s: &str) -> TokInfo {
        Extractor::default().token_info(s)
    }

    #[test]
    fn shapes_and_flags() {
        let mut e = Extractor::default();
        e.token_info("Maria");
        assert_eq!(e.shape, "Xxxxx");
        e.token_info("Washington");
        assert_eq!(e.shape, "Xxxxx");
        assert_eq!(e.short, "Xx");
        e.token_info("U.S.");
        assert_eq!(e.shape, "X.X.");
        e.token_info("1990");
        assert_eq!(e.shape, "dddd");
        assert_eq!(e.norm, "0000");
        e.token_info("O’Brien");
        assert_eq!(e.norm, "o'brien");
        assert!(info("Maria").flags & F_TITLE != 0);
        assert!(info("NATO").flags & F_UPPER != 0);
        assert!(info("J.").flags & F_INITIAL != 0);
        assert!(info("McCain").flags & F_INNER_CAP != 0);
        assert!(info(",").flags & F_NO_ALNUM != 0);
    }

    #[test]
    fn prefixes_and_suffixes_follow_length() {
        let a = info("ab");
        assert!(a.pre[0] != 0 && a.pre[1] != 0 && a.pre[2] == 0);
        assert!(a.suf[0] != 0 && a.suf[1] != 0 && a.suf[2] == 0);
        assert_eq!(info("Xab").suf[1], info("cab").suf[1]);
        assert_eq!(info("élan").pre[0], info("Élan").pre[0]);
    }

    #[test]
    fn features_are_in_range_and_deterministic() {
        let toks = ["Maria", "Okafor", "met", "officials", "in", "Nairobi", "."];
        let mut e = Extractor::default();
        let (mut f, mut o) = (Vec::new(), Vec::new());
        e.extract(&toks, &Lexicon::default(), &NoGazetteer, 12, &mut f, &mut o);
        assert_eq!(o.len(), toks.len() + 1);
        assert!(f.iter().all(|&b| b < 1 << 12));
        let (mut f2, mut o2) = (Vec::new(), Vec::new());
        e.extract(
            &toks,
            &Lexicon::default(),
            &NoGazetteer,
            12,
            &mut f2,
            &mut o2,
        );
        assert_eq!(f, f2);
        assert_eq!(o, o2);
    }

    #[test]
    fn gazetteer_features_are_added() {
        struct Caps;
        impl Gazetteer for Caps {
            fn tags(&self, tokens: &[&str], i: usize, out: &mut Vec<GazFeature>) {
                if tokens.get(i).is_some_and(|t| t.starts_with('N')) {
                    out.push(GazFeature(7));
                }
            }
        }
        let toks = ["in", "Nairobi"];
        let mut e = Extractor::default();
        let (mut a, mut oa, mut b, mut ob) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        e.extract(
            &toks,
            &Lexicon::default(),
            &NoGazetteer,
            16,
            &mut a,
            &mut oa,
        );
        e.extract(&toks, &Lexicon::default(), &Caps, 16, &mut b, &mut ob);
        assert_eq!(b.len(), a.len() + 1);
    }

    #[test]
    fn case_contexts() {
        let infos: Vec<TokInfo> = ["IRAN", "WARNS", "ISRAEL"]
            .iter()
            .map(|s| info(s))
            .collect();
        assert_eq!(case_context(&infos), CaseContext::AllCaps);
        let infos: Vec<TokInfo> = ["i", "met", "john"].iter().map(|s| info(s)).collect();
        assert_eq!(case_context(&infos), CaseContext::Lower);
        let infos: Vec<TokInfo> = ["Iran", "Warns", "Israel"]
            .iter()
            .map(|s| info(s))
            .collect();
        assert_eq!(case_context(&infos), CaseContext::TitleCase);
    }
}
