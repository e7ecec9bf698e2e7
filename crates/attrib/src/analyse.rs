//! Finding attributions in a unit: cues, their sources, contents and modifiers.
//!
//! Each cue word outside quotation marks is read in one of these frames:
//!
//! | mode | shape | source | content |
//! |---|---|---|---|
//! | `Pre` | SOURCE [adv] CUE [addressee] [modifiers] [that \| :] CONTENT | subject on the left | right |
//! | `Post` | CONTENT, SOURCE CUE [addressee] [modifiers]. | between the comma and the cue | left |
//! | `Inverted` | CONTENT, CUE SOURCE. / “…,” CUE SOURCE | right of the cue | left |
//! | `AccPre` | According to SOURCE, CONTENT | after "according to" | right |
//! | `AccPost` | CONTENT, according to SOURCE. | after "according to" | left |
//! | `Part` | …, CUE-ing [that] CONTENT | the clause's source or subject | right |
//! | `Coord` | SOURCE CUE1 … and CUE2 [that] CONTENT | shared with CUE1 | right |
//! | `Message` | SOURCE VERB a MESSAGE … : CONTENT | subject | after the colon |
//!
//! Contents end at the unit's end or where another attribution begins (", said X", ", and
//! warned that", ", according to X"). All scans move over tokens with bounded look-around, so a
//! unit costs time linear in its length.

use crate::lexicon::{self as lx, CueClass, Form};
use crate::view::{View, NO_PAIR};

/// How an attribution is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Pre,
    Post,
    Inverted,
    AccPre,
    AccPost,
    Part,
    Coord,
    Message,
}

impl Mode {
    /// The content lies left of the cue.
    fn content_left(self) -> bool {
        matches!(self, Mode::Post | Mode::Inverted | Mode::AccPost)
    }
}

fn class_of(c: lx::Cue) -> CueClass {
    c.class
}

/// A token range `[start, end)`.
pub(crate) type Range = (usize, usize);

/// One attribution found in the text.
#[derive(Clone, Debug)]
pub(crate) struct Att {
    /// The cue's tokens.
    pub cue: Range,
    /// The cue's class (`None` for "according to" and message nouns).
    pub class: Option<CueClass>,
    pub mode: Mode,
    /// The source as written (trimmed of appositives for named sources).
    pub src: Option<Range>,
    /// The source before trimming (where reason and basis are looked for).
    pub src_full: Option<Range>,
    /// Another attribution whose source this one shares.
    pub shares: Option<usize>,
    pub addressee: Option<Range>,
    pub outlet: Option<Range>,
    /// "on condition of anonymity because …" after the cue.
    pub reason: Option<Range>,
    pub content: Range,
    /// Where the attribution begins when its content lies on the left: a content on the left
    /// of it ends here.
    pub boundary: Option<usize>,
    /// The end of the cue, source and modifiers.
    pub tail_end: usize,
    /// For `Part` and `Coord`: the token ("," "and" "but") joining it to its sibling, whose
    /// content ends there.
    pub joint: Option<usize>,
    /// The attribution this one is coordinated with.
    pub sibling: Option<usize>,
    pub negated: bool,
    pub deny: bool,
    pub unit: usize,
    /// Whether it is reported as a quote (else it only names a speaker).
    pub emit: bool,
    /// Direct (one pair is the content), mixed (pairs inside) or indirect.
    pub direct: Option<usize>,
    pub mixed: bool,
    /// A reporting frame whose content is surely reported speech (a "that" clause, or a
    /// clause after a reporting verb): later cues inside it are nested in it.
    pub strong: bool,
    /// The cue is inside a relative clause ("X, who urged …, said"): its content ends with
    /// the clause.
    pub in_rel: bool,
}

/// A quotation pair that no attribution in its sentence claims.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Loose {
    pub pair: usize,
    pub unit: usize,
    /// The attribution of a split quote it continues ("“A,” she said, “B.”").
    pub continues: Option<usize>,
}

/// How a comma-separated chunk of a noun phrase reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Chunk {
    Empty,
    /// "who spoke on condition of anonymity", "speaking on condition of anonymity".
    Rel,
    /// "58" (an age).
    Age,
    /// Capitalized words only: "Col. Tomas Arvel", "Chile and Norway".
    Name,
    /// A description: "the regional governor", "a spokesman for the ministry".
    Desc,
    /// A prepositional phrase: "from Chile's northern region".
    Pp,
    /// Anything else: a clause, an adverbial.
    Other,
}

/// The analysis of one document.
pub(crate) struct Analysis {
    pub atts: Vec<Att>,
    pub loose: Vec<Loose>,
    /// Turns of a transcript or interview ("((Name)) …", "NAME: …"): the speaker label and
    /// the paragraphs that follow it.
    pub turns: Vec<Turn>,
}

/// One paragraph spoken under a speaker label.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Turn {
    pub label: Range,
    pub content: Range,
}

/// The fewest labelled turns that make a text a transcript.
const MIN_TURNS: usize = 3;

/// Speaker labels at line starts: "((Jane Roe))" or "JANE ROE:" / "Jane Roe:".
fn turns(v: &View<'_>) -> Vec<Turn> {
    let n = v.toks.len();
    // (label, content start) at each labelled line.
    let mut labels: Vec<(Range, usize)> = Vec::new();
    let name_tok = |k: usize| {
        v.toks
            .get(k)
            .is_some_and(|t| t.kind == newsgraph_doc::TokenKind::Word && t.cap && t.pair == NO_PAIR)
    };
    for i in 0..n {
        if !v.toks[i].line_start || v.quoted(i) {
            continue;
        }
        if v.punct(i, "(") && v.punct(i + 1, "(") {
            let s = i + 2;
            let mut j = s;
            while j < n && j < s + 6 && name_tok(j) {
                j += 1;
            }
            if j > s && v.punct(j, ")") && v.punct(j + 1, ")") {
                labels.push(((s, j), j + 2));
            }
            continue;
        }
        let mut j = i;
        while j < n && j < i + 4 && name_tok(j) && !v.toks[j].line_start || j == i && name_tok(j) {
            j += 1;
        }
        if j > i && v.punct(j, ":") && !v.toks.get(j + 1).is_some_and(|t| t.line_start) {
            // A label is a name, not a sentence opener ("Update:", "Note:") or a time.
            let first = v.lex(i);
            if first.flags == 0 && first.cue.is_none() {
                labels.push(((i, j), j + 1));
            }
        }
    }
    if labels.len() < MIN_TURNS {
        return Vec::new();
    }
    // Keep labels that recur (the same words at least twice).
    let text_of = |l: Range| v.span(l.0, l.1).and_then(|s| s.get(v.text)).unwrap_or("");
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for &(l, _) in &labels {
        *seen.entry(text_of(l)).or_default() += 1;
    }
    let recurring: Vec<(Range, usize)> = labels
        .iter()
        .copied()
        .filter(|&(l, _)| seen.get(text_of(l)).copied().unwrap_or(0) >= 2)
        .collect();
    if recurring.len() < MIN_TURNS {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, &(label, cs)) in recurring.iter().enumerate() {
        let end = recurring.get(k + 1).map_or(n, |&(l, _)| {
            // The next label's line start.
            let mut s = l.0;
            while s > 0 && !v.toks[s].line_start {
                s -= 1;
            }
            s
        });
        // One turn per paragraph.
        let mut a = cs;
        while a < end {
            let mut b = a + 1;
            while b < end && !v.toks[b].line_start {
                b += 1;
            }
            let question = (a..b)
                .rev()
                .find(|&t| v.toks[t].kind != newsgraph_doc::TokenKind::Quote)
                .is_some_and(|t| v.s(t) == "?");
            if b > a && !question && (a..b).any(|t| v.wordlike(t)) {
                out.push(Turn {
                    label,
                    content: (a, b),
                });
            }
            a = b;
        }
    }
    out
}

/// Finds the attributions of every unit of `v`.
pub(crate) fn analyse(v: &View<'_>) -> Analysis {
    let mut a = Analyser {
        v,
        atts: Vec::new(),
        loose: Vec::new(),
    };
    for ui in 0..v.units.len() {
        a.unit(ui);
    }
    Analysis {
        atts: a.atts,
        loose: a.loose,
        turns: turns(v),
    }
}

struct Tail {
    /// First token after the cue, addressee and modifiers.
    next: usize,
    that_at: Option<usize>,
    colon_at: Option<usize>,
    addressee: Option<Range>,
    outlet: Option<Range>,
    reason: Option<Range>,
}

struct Analyser<'a, 'd> {
    v: &'a View<'d>,
    atts: Vec<Att>,
    loose: Vec<Loose>,
}

/// The longest noun phrase or clause looked at, in tokens.
const MAX_NP: usize = 40;
/// The most attributions read in one unit: a run-on "sentence" of thousands of words full of
/// cue words would otherwise cost time quadratic in its cues.
const MAX_CUES: usize = 64;
/// How far a "that" or ":" is looked for past modifiers.
const THAT_LOOK: usize = 14;

impl<'a, 'd> Analyser<'a, 'd> {
    fn unit(&mut self, ui: usize) {
        let Some(u) = self.v.units.get(ui).copied() else {
            return;
        };
        let first = self.atts.len();
        let mut i = u.start;
        while i < u.end {
            let t = self.v.toks[i];
            if t.pair != NO_PAIR {
                // Jump over the quotation.
                i = self
                    .v
                    .pairs
                    .get(t.pair as usize)
                    .map_or(i + 1, |p| (p.close + 1).max(i + 1));
                continue;
            }
            if self.v.is(i, "according")
                && self.v.is(i + 1, "to")
                && i + 2 < u.end
                && self.atts.len() - first < MAX_CUES
            {
                // "according to which …" is a relative clause, not an attribution; "according
                // to you" is a question in an interview.
                if !self.v.has(i + 2, lx::REL | lx::PRON_OBJ) && !self.v.is(i + 2, "you") {
                    self.according(ui, i, first);
                }
                i += 2;
                continue;
            }
            if let Some(cue) = t.lex.cue {
                if self.v.word(i) && !t.cap && self.atts.len() - first < MAX_CUES {
                    self.cue(ui, i, cue, first);
                }
            }
            i += 1;
        }
        self.message(ui, first);
        self.finish_unit(ui, first);
    }

    // ----- helpers over tokens -----

    /// The lowest token a source may start at for a cue at `c`: the start of the unit, or of the
    /// content of an earlier attribution that `c` lies in, or past an earlier attribution.
    fn floor(&self, ui: usize, c: usize, first: usize) -> usize {
        let mut floor = self.v.units[ui].start;
        for a in self.atts.get(first..).unwrap_or(&[]) {
            if a.cue.0 >= c {
                continue;
            }
            if a.mode.content_left() {
                if a.tail_end <= c {
                    floor = floor.max(a.tail_end);
                }
            } else if a.strong && a.content.0 <= c && a.content.0 > 0 {
                floor = floor.max(a.content.0);
            }
        }
        floor
    }

    fn is_be(&self, i: usize) -> bool {
        ["is", "are", "was", "were", "be", "been", "being"]
            .iter()
            .any(|w| self.v.is(i, w))
    }

    fn is_cue_word(&self, i: usize) -> bool {
        !self.v.quoted(i) && self.v.lex(i).cue.is_some()
    }

    /// A lower-case past-tense-looking word ("summoned"), not hyphenated.
    fn ed_word(&self, i: usize) -> bool {
        let s = self.v.s(i);
        self.v.word(i)
            && !self.v.cap(i)
            && s.len() > 4
            && s.ends_with("ed")
            && !s.contains('-')
            && !s.contains('\u{2019}')
    }

    /// The name that ends at `end` (exclusive), not before `floor`: capitalized words, name
    /// particles and initials, without the titles before them.
    fn name_run(&self, floor: usize, end: usize) -> Range {
        let mut a = end;
        while a > floor {
            let i = a - 1;
            let ok = self.name_word(i)
                || (self.v.has(i, lx::NAMECONN)
                    && !self.v.has(i, lx::DET)
                    && a < end
                    && i > floor
                    && self.name_word(i - 1))
                || (a < end
                    && i > floor
                    && (self.v.possessive(i) || matches!(self.v.s(i), "'s" | "\u{2019}s"))
                    && self.name_word(i - 1))
                || (self.v.cap(i) && self.v.s(i).len() == 2 && self.v.s(i).ends_with('.'));
            if !ok {
                break;
            }
            a = i;
        }
        if a == end {
            (floor, end)
        } else {
            (a, end)
        }
    }

    /// A lower-case preposition inside an organisation's name: after a capitalized
    /// organisation word and before a capitalized word, "the" allowed in between ("Commission
    /// on Human Rights", "Committee to Protect …", "Society of the Friends of …").
    fn org_prep(&self, i: usize) -> bool {
        if i == 0 || self.v.cap(i) || !self.v.cap(i - 1) || !self.v.has(i - 1, lx::ORGWORD) {
            return false;
        }
        if !["of", "for", "on", "to", "against"]
            .iter()
            .any(|w| self.v.is(i, w))
        {
            return false;
        }
        let n = if self.v.is(i + 1, "the") {
            i + 2
        } else {
            i + 1
        };
        self.v.cap(n) && !self.v.has(n, lx::DET | lx::PRON | lx::POSS) && self.v.word(n)
    }

    /// The name of an organisation in `[a, b)`: capitalized words (a leading determiner
    /// aside) joined by name connectors, with an organisation word and no title ("Farmers and
    /// Growers Association", "Commission on Civil Liberties"), ending in a capitalized word.
    fn org_name(&self, a: usize, b: usize) -> Option<Range> {
        let mut s = a;
        while s < b && self.v.has(s, lx::DET) {
            s += 1;
        }
        if s >= b || !self.v.cap(s) || !self.v.cap(b - 1) {
            return None;
        }
        let mut org = false;
        for i in s..b {
            if self.v.cap(i) && self.v.word(i) {
                // A title after the organisation word names a person ("Ministry Spokesman
                // …"), and so does one before a personal name ("Ms …"); one before the
                // organisation word is part of the name ("National Commission").
                let title = self.v.has(i, lx::TITLE) && !self.v.has(i, lx::ORGWORD);
                if (title && (org || (i == s && !self.v.has(i + 1, lx::ORGWORD))))
                    || self.v.has(i, lx::DET | lx::PRON | lx::POSS)
                {
                    return None;
                }
                org |= self.v.has(i, lx::ORGWORD);
                continue;
            }
            let conn = self.org_prep(i)
                || (self.v.is(i, "the") && i > s && self.org_prep(i - 1))
                || (self.v.has(i, lx::NAMECONN)
                    && !self.v.has(i, lx::DET)
                    && i > s
                    && self.v.cap(i - 1)
                    && self.v.cap(i + 1));
            if !conn {
                return None;
            }
        }
        // More than one word: a lone organisation word is left to the name run.
        (org && b - s > 1).then_some((s, b))
    }

    /// A lower-case adverb in -ly ("audibly", "commonly"), not a noun in -ly ("family").
    fn ly_adverb(&self, i: usize) -> bool {
        let s = self.v.s(i);
        self.v.word(i)
            && !self.v.cap(i)
            && s.len() > 4
            && s.ends_with("ly")
            && !matches!(
                s,
                "family"
                    | "ally"
                    | "rally"
                    | "assembly"
                    | "supply"
                    | "reply"
                    | "anomaly"
                    | "monopoly"
                    | "daily"
                    | "weekly"
                    | "monthly"
                    | "quarterly"
                    | "italy"
            )
    }

    /// A lower-case -ing word.
    fn ing_word(&self, i: usize) -> bool {
        let s = self.v.s(i);
        self.v.word(i) && !self.v.cap(i) && s.len() > 4 && s.ends_with("ing")
    }

    /// A name word: capitalized (or a lower-case name particle inside a capitalized run is
    /// handled by callers), not a determiner, title, generic noun or time word.
    fn name_word(&self, i: usize) -> bool {
        let t = match self.v.toks.get(i) {
            Some(t) => t,
            None => return false,
        };
        if !self.v.word(i) {
            return false;
        }
        let s = self.v.s(i);
        if s.starts_with("al-") || s.starts_with("el-") {
            return true;
        }
        if !t.cap {
            return false;
        }
        let l = t.lex;
        if t.upper {
            return !l.has(lx::PRON | lx::DET);
        }
        !l.has(
            lx::DET
                | lx::POSS
                | lx::PRON
                | lx::TITLE
                | lx::GENERIC
                | lx::TIME
                | lx::NUMWORD
                | lx::PREP
                | lx::CONJ
                | lx::ADV
                | lx::REL
                | lx::AUX
                | lx::THAT
                | lx::DOCUMENT
                | lx::COLLECTIVE
                | lx::WH,
        ) && l.cue.is_none()
    }

    /// Skips adverbs, auxiliaries, negation and time phrases leftwards from `end` (exclusive);
    /// returns the new end and whether a negation was passed.
    fn back_adv(&self, end: usize, floor: usize) -> (usize, bool) {
        let mut j = end;
        let mut neg = false;
        let mut steps = 0;
        while j > floor && steps < 8 {
            steps += 1;
            let i = j - 1;
            if self.v.quoted(i) || !self.v.wordlike(i) {
                break;
            }
            let l = self.v.lex(i);
            let s = self.v.s(i);
            if l.has(lx::NEG) || s.ends_with("n't") || s.ends_with("n\u{2019}t") {
                neg = true;
                j = i;
                continue;
            }
            if (l.has(lx::ADV | lx::AUX) || self.ly_adverb(i)) && !l.has(lx::PRON) && !self.v.cap(i)
            {
                // "'s" is possessive after a name, not an auxiliary.
                if s == "'s" || s == "\u{2019}s" {
                    break;
                }
                j = i;
                continue;
            }
            // "on Wednesday", "late on Monday", "last month", "on Monday evening"
            if l.has(lx::TIME) || self.v.toks[i].kind == newsgraph_doc::TokenKind::Number {
                let mut k = i;
                while k > floor && (self.v.has(k - 1, lx::TIME) || self.v.is(k - 1, "this")) {
                    k -= 1;
                }
                if k > floor && (self.v.is(k - 1, "on") || self.v.has(k - 1, lx::TIME_LEAD)) {
                    k -= 1;
                    if k > floor && self.v.has(k - 1, lx::TIME_LEAD) {
                        k -= 1;
                    }
                    j = k;
                    continue;
                }
                if self.v.has(k, lx::TIME_LEAD) || self.v.has(i, lx::TIME_LEAD) {
                    j = k;
                    continue;
                }
                break;
            }
            break;
        }
        (j, neg)
    }

    /// Classifies the chunk `[a, b)`.
    fn chunk(&self, a: usize, b: usize) -> Chunk {
        if a >= b {
            return Chunk::Empty;
        }
        let l0 = self.v.lex(a);
        if l0.has(lx::REL) || self.v.is(a, "speaking") || self.v.is(a, "known") {
            return Chunk::Rel;
        }
        // A reduced relative: "led by …", "based in …".
        if !self.v.cap(a)
            && (self.ed_word(a) || l0.has(lx::VERB) && !l0.has(lx::AUX))
            && self.v.has(a + 1, lx::PREP)
        {
            return Chunk::Rel;
        }
        if (a..b).all(|i| self.v.toks[i].kind == newsgraph_doc::TokenKind::Number) {
            return Chunk::Age;
        }
        if l0.has(lx::PREP) && !l0.has(lx::DET) && !self.v.cap(a) {
            return if self.has_verb(a, b) {
                Chunk::Other
            } else {
                Chunk::Pp
            };
        }
        if l0.has(lx::PREP | lx::CONJ | lx::ADV | lx::TIME_LEAD | lx::AUX | lx::THAT | lx::WH)
            && !l0.has(lx::DET)
        {
            return Chunk::Other;
        }
        if l0.cue.is_some() || self.ing_word(a) || self.ed_word(a) || l0.has(lx::VERB) {
            return Chunk::Other;
        }
        if !self.v.wordlike(a) && !self.v.punct(a, "(") {
            return Chunk::Other;
        }
        if self.has_verb(a, b) {
            return Chunk::Other;
        }
        let mut any_name = false;
        let mut all_cap = true;
        for i in a..b {
            if !self.v.word(i) {
                continue;
            }
            let l = self.v.lex(i);
            if self.name_word(i) {
                any_name = true;
            } else if !self.v.cap(i) && !l.has(lx::NAMECONN) {
                all_cap = false;
            }
        }
        let det_ok = !l0.has(lx::DET | lx::POSS | lx::NUMWORD) || self.v.is(a, "the");
        if any_name && all_cap && det_ok {
            Chunk::Name
        } else {
            Chunk::Desc
        }
    }

    /// `[a, b)` holds a finite verb before any relative pronoun (a clause, not a phrase).
    fn has_verb(&self, a: usize, b: usize) -> bool {
        for i in a..b {
            let l = self.v.lex(i);
            if l.has(lx::REL) {
                return false;
            }
            if self.v.quoted(i) {
                return true;
            }
            if self.v.cap(i) {
                continue;
            }
            if l.has(lx::AUX)
                || l.has(lx::VERB)
                || l.cue.is_some_and(|c| {
                    c.form != Form::Ing && !self.v.has(i.wrapping_sub(1), lx::DET | lx::POSS)
                })
            {
                return true;
            }
            if self.ed_word(i)
                && i > a
                && !self.v.has(i - 1, lx::DET | lx::POSS | lx::GENERIC)
                && !self.v.has(i + 1, lx::PREP)
            {
                return true;
            }
        }
        false
    }

    /// The start of the comma-separated chunk that ends at `end` (exclusive).
    fn chunk_start(&self, end: usize, floor: usize) -> usize {
        let mut a = end;
        let mut depth = 0i32;
        while a > floor {
            let i = a - 1;
            if self.v.punct(i, ")") {
                depth += 1;
            } else if self.v.punct(i, "(") {
                depth -= 1;
            } else if depth <= 0 && (self.v.comma(i) || self.v.hard(i) || self.v.quoted(i)) {
                break;
            }
            if end - i > MAX_NP {
                break;
            }
            a = i;
        }
        a
    }

    /// Prepositions that may stand inside a source phrase ("officials in Kalmar", "people
    /// close to the talks").
    fn np_prep(&self, i: usize) -> bool {
        [
            "of", "in", "at", "from", "for", "with", "on", "near", "within", "across",
        ]
        .iter()
        .any(|w| self.v.is(i, w))
            || (self.v.is(i, "to")
                && i > 0
                && (self.v.is(i - 1, "close") || self.v.is(i - 1, "closer")))
    }

    /// The last token of `[a, b)` that is not punctuation, plus one.
    fn trim_end(&self, a: usize, mut b: usize) -> usize {
        while b > a && !self.v.wordlike(b - 1) && !self.v.punct(b - 1, ")") {
            b -= 1;
        }
        b
    }

    /// The subject ending at `end` (exclusive, adverbs already skipped), not before `floor`.
    /// `post`: the subject of a cue whose content lies on the left ("…, X said"), where an
    /// appositive after a name cannot be told from the end of the content.
    fn subject(&self, end: usize, floor: usize, post: bool) -> Option<Range> {
        if end <= floor {
            return None;
        }
        // The chunk next to the cue.
        let mut a = end;
        let mut stopped_soft = false;
        while a > floor {
            let i = a - 1;
            if end - i > MAX_NP {
                return None;
            }
            let t = self.v.toks[i];
            if self.v.comma(i) || self.v.hard(i) || self.v.quoted(i) {
                break;
            }
            let l = t.lex;
            if l.has(lx::PRON) && !l.has(lx::POSS) {
                if a == end {
                    a = i;
                }
                stopped_soft = true;
                break;
            }
            if l.has(lx::PRON_OBJ) && !l.has(lx::POSS) {
                if i > floor && self.v.is(i - 1, "of") {
                    a = i;
                    continue;
                }
                stopped_soft = true;
                break;
            }
            if l.has(lx::REL) {
                // "X, which on Monday denied …": the subject is the phrase before the comma,
                // or the name that ends it.
                if a == end && i > floor && self.v.comma(i - 1) {
                    let ce = i - 1;
                    let cs = self.chunk_start(ce, floor);
                    if matches!(self.chunk(cs, ce), Chunk::Name | Chunk::Desc)
                        && self.plausible(cs, ce)
                    {
                        return Some((cs, ce));
                    }
                    let mut ns = ce;
                    while ns > cs
                        && (self.name_word(ns - 1)
                            || (self.v.cap(ns - 1) && !self.v.has(ns - 1, lx::DET))
                            || (self.v.has(ns - 1, lx::NAMECONN)
                                && ns - 1 > cs
                                && self.v.cap(ns - 2)
                                && ns < ce))
                    {
                        ns -= 1;
                    }
                    if ns < ce && (ns..ce).any(|k| self.name_word(k)) {
                        return Some((ns, ce));
                    }
                }
                return None;
            }
            if l.has(lx::THAT | lx::WH) {
                stopped_soft = true;
                break;
            }
            if l.has(lx::AUX) {
                stopped_soft = true;
                break;
            }
            let verb_cue = l.cue.is_some_and(|c| c.form != Form::Base);
            if (l.has(lx::VERB) || verb_cue) && !t.cap {
                stopped_soft = true;
                break;
            }
            if l.has(lx::CONJ) && !l.has(lx::PREP) {
                let inner = self.v.is(i, "and") || self.v.is(i, "&");
                if !(inner && i > floor && self.v.cap(i - 1) && a < end) {
                    stopped_soft = true;
                    break;
                }
            }
            if l.has(lx::PREP) && !self.np_prep(i) && !t.cap && !self.org_prep(i) {
                stopped_soft = true;
                break;
            }
            if self.ed_word(i)
                && a < end
                && !self.v.has(a, lx::PREP)
                && !self.v.has(i.wrapping_sub(1), lx::GENERIC)
            {
                stopped_soft = true;
                break;
            }
            a = i;
        }
        // "three envoys who were at the dinner said": a relative clause inside the subject.
        if stopped_soft && a > floor {
            let cs = self.chunk_start(a, floor);
            if let Some(r) = (cs..a)
                .rev()
                .find(|&k| self.v.has(k, lx::REL) && !self.v.quoted(k))
            {
                let clean = (r + 1..a).all(|k| !self.is_cue_word(k) || self.noun_use(k));
                if r > cs && clean && self.v.has(r - 1, lx::GENERIC | lx::PLURAL | lx::ORGWORD) {
                    let mut b = r;
                    while b > cs {
                        let l = self.v.lex(b - 1);
                        if l.has(lx::AUX | lx::THAT | lx::WH | lx::PRON_OBJ | lx::VERB)
                            || l.cue.is_some()
                        {
                            break;
                        }
                        if l.has(lx::PREP) && !self.np_prep(b - 1) {
                            break;
                        }
                        b -= 1;
                    }
                    if b < r {
                        a = b;
                    }
                }
            }
        }
        // Leading conjunctions and adverbs are not part of the subject.
        while a < end
            && (self.v.has(a, lx::CONJ | lx::ADV) || self.ly_adverb(a))
            && !self.v.has(a, lx::PREP)
        {
            a += 1;
        }
        let end = self.trim_end(a, end);
        if stopped_soft || a == floor || !(a > floor && self.v.comma(a - 1)) {
            return self.plausible(a, end).then_some((a, end));
        }
        // Commas: chunks to the left may belong to the subject.
        let right = self.chunk(a, end);
        let mut start = a;
        let mut last = right;
        let mut last_start = a;
        let mut took_pair = false;
        let mut anchored = false;
        let mut rounds = 0;
        while start > floor && self.v.comma(start - 1) && rounds < 4 {
            rounds += 1;
            let ce = start - 1;
            let cs = self.chunk_start(ce, floor);
            let mut ls = cs;
            let mut conj = false;
            while ls < ce
                && self.v.has(ls, lx::CONJ)
                && !self.v.has(ls, lx::PREP)
                && !self.v.cap(ls)
            {
                ls += 1;
                conj = true;
            }
            let left = self.chunk(ls, ce);
            let indefinite = self.v.is(last_start, "a") || self.v.is(last_start, "an");
            let quote_anchored = ls > floor && self.v.quoted(ls - 1);
            let ok = match (left, last) {
                (Chunk::Name | Chunk::Desc, Chunk::Rel) => true,
                (Chunk::Name | Chunk::Desc | Chunk::Age, Chunk::Pp) => true,
                (Chunk::Name, Chunk::Desc | Chunk::Age) => !took_pair && (!post || quote_anchored),
                (Chunk::Desc, Chunk::Name) => !took_pair,
                (Chunk::Desc, Chunk::Desc) => !took_pair && !post && indefinite,
                (Chunk::Name | Chunk::Desc | Chunk::Rel | Chunk::Age | Chunk::Pp, Chunk::Empty) => {
                    true
                }
                _ => false,
            };
            if !ok {
                break;
            }
            if matches!(
                (left, last),
                (Chunk::Name, Chunk::Desc | Chunk::Age) | (Chunk::Desc, Chunk::Name | Chunk::Desc)
            ) {
                took_pair = true;
            }
            start = ls;
            last = left;
            last_start = ls;
            if conj || ls == floor || (ls > floor && (self.v.hard(ls - 1) || self.v.quoted(ls - 1)))
            {
                anchored = true;
                break;
            }
        }
        if matches!(
            last,
            Chunk::Rel | Chunk::Empty | Chunk::Age | Chunk::Other | Chunk::Pp
        ) {
            return None;
        }
        if !post && !anchored && start != a {
            // A chain of phrases that does not start a clause: keep the phrase next to the cue.
            if right != Chunk::Empty {
                return self.plausible(a, end).then_some((a, end));
            }
        }
        let end = self.trim_end(start, end);
        self.plausible(start, end).then_some((start, end))
    }

    /// Whether `[a, b)` can be a source: non-empty, starts with a word, not with a
    /// preposition, verb or conjunction.
    fn plausible(&self, a: usize, b: usize) -> bool {
        if a >= b || b - a > MAX_NP {
            return false;
        }
        if !self.v.wordlike(a) {
            return false;
        }
        let l = self.v.lex(a);
        if l.has(lx::PREP | lx::CONJ | lx::THAT | lx::AUX | lx::WH | lx::PRON_OBJ)
            && !l.has(lx::PRON)
        {
            return false;
        }
        if (l.cue.is_some() || l.has(lx::VERB)) && b - a == 1 {
            return false;
        }
        // Not ending in a preposition or determiner ("the total number of").
        !self.v.has(b - 1, lx::PREP | lx::DET | lx::CONJ) || self.v.cap(b - 1)
    }

    /// The end of a noun phrase starting at `s`, read rightwards (inverted and
    /// "according to" sources): through relative clauses and appositives, up to a quotation,
    /// a clause boundary or the unit's end.
    fn np_right(&self, s: usize, end: usize, appositives: bool) -> usize {
        let mut k = s;
        let mut depth = 0i32;
        while k < end {
            if k - s > MAX_NP {
                break;
            }
            if self.v.punct(k, "(") {
                depth += 1;
            } else if self.v.punct(k, ")") {
                depth -= 1;
            }
            if self.v.opens(k) || self.v.quoted(k) {
                break;
            }
            if depth <= 0 && self.v.hard(k) {
                break;
            }
            if depth <= 0 && self.v.comma(k) {
                let n = k + 1;
                if n >= end || self.v.opens(n) {
                    break;
                }
                let ce = self.chunk_end(n, end);
                let c = self.chunk(n, ce);
                let np_like = self.v.has(n, lx::DET | lx::POSS | lx::NUMWORD)
                    || self.v.cap(n)
                    || !self.v.word(n);
                let take = match c {
                    Chunk::Rel => true,
                    Chunk::Name | Chunk::Age => appositives,
                    Chunk::Desc => appositives && np_like,
                    _ => false,
                };
                if !take {
                    break;
                }
                k = ce;
                continue;
            }
            if k > s && self.is_cue_word(k) && !self.v.cap(k) && !self.noun_use(k) {
                // A relative clause may hold a cue ("who said"), a new clause too: stop only
                // when no relative pronoun opened the clause.
                let rel = (s..k).any(|i| self.v.has(i, lx::REL));
                if !rel {
                    break;
                }
            }
            k += 1;
        }
        k
    }

    /// The end of the comma chunk starting at `s`.
    fn chunk_end(&self, s: usize, end: usize) -> usize {
        let mut k = s;
        let mut depth = 0i32;
        while k < end && k - s <= MAX_NP {
            if self.v.punct(k, "(") {
                depth += 1;
            } else if self.v.punct(k, ")") {
                depth -= 1;
            } else if depth <= 0 && (self.v.comma(k) || self.v.hard(k) || self.v.opens(k)) {
                break;
            }
            k += 1;
        }
        k
    }

    /// An object noun phrase after a cue: a pronoun, a capitalized run, or a determiner and
    /// the words after it.
    fn object(&self, p: usize, end: usize) -> Option<Range> {
        if p >= end || self.v.quoted(p) || !self.v.wordlike(p) {
            return None;
        }
        let l = self.v.lex(p);
        if l.has(lx::PRON_OBJ) && !l.has(lx::POSS) {
            return Some((p, p + 1));
        }
        if l.has(lx::THAT | lx::PREP | lx::CONJ | lx::AUX | lx::WH | lx::TIME_LEAD)
            && !l.has(lx::DET)
        {
            return None;
        }
        if l.has(lx::PRON) {
            return None;
        }
        let stop = |i: usize| {
            let li = self.v.lex(i);
            !self.v.wordlike(i)
                || self.v.quoted(i)
                || li.has(
                    lx::THAT | lx::PREP | lx::CONJ | lx::AUX | lx::TIME_LEAD | lx::PRON | lx::WH,
                )
                || li.cue.is_some()
                || li.has(lx::VERB)
        };
        let mut k = p + 1;
        if l.has(lx::DET | lx::POSS) {
            // "the head of the agency"
            let stop_np = |i: usize| stop(i) && !(self.v.is(i, "of") && self.v.wordlike(i + 1));
            let new_np = |i: usize| self.v.has(i, lx::DET | lx::POSS) && !self.v.is(i - 1, "of");
            while k < end && k - p < 8 && !stop_np(k) && !new_np(k) {
                k += 1;
            }
        } else if self.v.cap(p) {
            let number = |i: usize| {
                self.v
                    .toks
                    .get(i)
                    .is_some_and(|t| t.kind == newsgraph_doc::TokenKind::Number)
            };
            while k < end
                && k - p < 8
                && (self.v.cap(k)
                    || (self.v.has(k, lx::NAMECONN)
                        && self.v.cap(k + 1)
                        && !self.v.has(k, lx::DET))
                    || (number(k) && self.v.cap(k - 1)))
                && !stop(k)
            {
                k += 1;
            }
            // "WESH 2 news", "the Kalmar daily"
            if k < end && self.v.has(k, lx::OUTLET) && !self.v.cap(k) {
                k += 1;
            }
            // "Iranian diplomats", "Liberian authorities", "company executives"
            if k < end && self.v.has(k, lx::GENERIC | lx::PLURAL | lx::AUDIENCE) && !stop(k) {
                k += 1;
            }
        } else {
            while k < end && k - p < 3 && !stop(k) && self.v.word(k) {
                k += 1;
            }
        }
        Some((p, k))
    }

    /// Whether `[a, b)` names a news outlet.
    fn outlet_like(&self, a: usize, b: usize) -> bool {
        (a..b).any(|i| {
            self.v.has(i, lx::OUTLET)
                && (self.v.cap(i)
                    || self.v.is(i, "daily")
                    || self.v.is(i, "television")
                    || self.v.is(i, "radio"))
        }) && !self.v.has(b.saturating_sub(1), lx::AUDIENCE)
    }

    /// The addressee, modifiers and content start after a cue ending at `ce`.
    fn tail(&self, ce: usize, end: usize, class: CueClass) -> Tail {
        let mut t = Tail {
            next: ce,
            that_at: None,
            colon_at: None,
            addressee: None,
            outlet: None,
            reason: None,
        };
        let mut p = ce;
        if matches!(class, CueClass::Tell) && !self.v.has(p, lx::THAT) {
            if let Some((a, b)) = self.object(p, end) {
                if self.outlet_like(a, b) {
                    t.outlet = Some((a, b));
                } else if !self.v.has(b - 1, lx::AUDIENCE) {
                    t.addressee = Some((a, b));
                }
                p = b;
            }
        }
        // "denied a report in X that …", "denied allegations that …"
        if matches!(class, CueClass::Deny | CueClass::Say) {
            let n = if self.v.has(p, lx::DET) { p + 1 } else { p };
            if n < end && self.v.has(n, lx::CLAIMNOUN) && !self.v.quoted(n) {
                if self.v.has(n + 1, lx::THAT) {
                    p = n + 1;
                } else if self.v.has(n + 1, lx::PREP) {
                    if let Some(q) = self.that_or_colon_ahead(n + 1, end) {
                        p = q;
                    }
                }
            }
        }
        let mut rounds = 0;
        while p < end && rounds < 6 {
            rounds += 1;
            if self.v.quoted(p) {
                break;
            }
            if self.v.has(p, lx::THAT) {
                t.that_at = Some(p);
                break;
            }
            if self.v.punct(p, ":") {
                t.colon_at = Some(p);
                break;
            }
            let l = self.v.lex(p);
            let starts_mod = (l.has(lx::PREP) && !self.v.is(p, "that"))
                || l.has(lx::TIME_LEAD | lx::TIME)
                || (l.has(lx::ADV) && !l.has(lx::AUX))
                || self.v.is(p, "by");
            if !starts_mod || self.v.cap(p) && !l.has(lx::TIME) && !l.has(lx::PREP) {
                break;
            }
            // "at least 200 children": a quantity, not a place.
            if self.v.is(p, "at") && (self.v.is(p + 1, "least") || self.v.is(p + 1, "most")) {
                break;
            }
            // "on condition of anonymity because …"
            if self.v.is(p, "on") && self.v.is(p + 1, "condition") {
                let e = self.clause_end(p, end);
                t.reason = Some((p, e));
                p = e;
                continue;
            }
            if let Some(q) = self.that_or_colon_ahead(p, end) {
                self.outlet_in(p, q, &mut t);
                p = q;
                continue;
            }
            let q = self.skip_modifier(p, end);
            self.outlet_in(p, q, &mut t);
            if q == p {
                break;
            }
            p = q;
        }
        t.next = p;
        t
    }

    /// An outlet named in a modifier ("in an interview with the BBC", "to state television").
    fn outlet_in(&self, a: usize, b: usize, t: &mut Tail) {
        if t.outlet.is_some() {
            return;
        }
        for i in a..b {
            if (self.v.is(i, "with") || self.v.is(i, "to")) && i + 1 < b {
                let s = i + 1;
                if self.outlet_like(s, b) {
                    let mut e = s;
                    while e < b && !self.v.has(e, lx::PREP) && self.v.wordlike(e) {
                        e += 1;
                    }
                    if e > s {
                        t.outlet = Some((s, e));
                    }
                    return;
                }
            }
        }
    }

    /// A "that" or ":" a few modifier words ahead, with no clause boundary in between.
    fn that_or_colon_ahead(&self, p: usize, end: usize) -> Option<usize> {
        let lim = end.min(p + THAT_LOOK);
        for k in p..lim {
            if self.v.has(k, lx::THAT) {
                return Some(k);
            }
            if self.v.punct(k, ":") {
                return Some(k);
            }
            let l = self.v.lex(k);
            if self.v.comma(k)
                || self.v.hard(k)
                || self.v.quoted(k)
                || l.has(lx::AUX | lx::PRON | lx::WH)
                || (l.cue.is_some() && k > p && !self.noun_use(k))
            {
                return None;
            }
        }
        None
    }

    /// A cue word used as a noun: after a determiner or a plain word ("a situation report").
    fn noun_use(&self, k: usize) -> bool {
        k > 0 && {
            let p = self.v.lex(k - 1);
            p.has(lx::DET | lx::POSS)
                || (self.v.word(k - 1)
                    && p.flags == 0
                    && p.cue.is_none()
                    && !self.v.cap(k - 1)
                    && !self.ed_word(k - 1))
        }
    }

    /// Skips one modifier phrase at `p` ("in a statement", "on Monday", "last month", "also").
    fn skip_modifier(&self, p: usize, end: usize) -> usize {
        let mut k = p;
        if self.v.has(k, lx::TIME_LEAD) && !self.v.has(k, lx::PREP) {
            k += 1;
            while k < end && (self.v.has(k, lx::TIME) || self.v.is(k, "this") || self.v.is(k, "on"))
            {
                k += 1;
            }
            return k;
        }
        if self.v.has(k, lx::ADV) && !self.v.has(k, lx::PREP) {
            return k + 1;
        }
        if self.v.has(k, lx::TIME) {
            while k < end && self.v.has(k, lx::TIME) {
                k += 1;
            }
            return k;
        }
        // A preposition and its noun phrase.
        k += 1;
        let start = k;
        let mut saw_time = false;
        while k < end && k - start < 10 {
            let l = self.v.lex(k);
            if !self.v.wordlike(k) || self.v.quoted(k) {
                break;
            }
            if l.has(lx::PREP | lx::THAT | lx::CONJ | lx::AUX | lx::PRON | lx::WH) && k > start {
                break;
            }
            if l.cue.is_some() && k > start && !self.noun_use(k) {
                break;
            }
            if l.has(lx::DET | lx::POSS) && k > start {
                break;
            }
            if saw_time && !l.has(lx::TIME) {
                break;
            }
            if l.has(lx::TIME) {
                saw_time = true;
            }
            k += 1;
        }
        k
    }

    /// The end of the clause from `p`: the next comma, hard boundary or the unit's end.
    fn clause_end(&self, p: usize, end: usize) -> usize {
        let mut k = p;
        while k < end && !self.v.comma(k) && !self.v.hard(k) && !self.v.opens(k) {
            k += 1;
        }
        k
    }

    /// The content start of a unit (past a leading conjunction or sentence adverb).
    fn content_start(&self, s: usize, end: usize) -> usize {
        let mut k = s;
        while k < end && (self.v.is(k, "but") || self.v.is(k, "and") || self.v.is(k, "yet")) {
            k += 1;
        }
        if k + 1 < end && self.v.is(k, "however") && self.v.comma(k + 1) {
            k += 2;
        }
        k
    }

    /// The start of a content on the left of an attribution ending at `end`: the unit's start,
    /// or past a colon ("… decision: “…,” he said").
    fn left_content_start(&self, s: usize, end: usize) -> usize {
        let k = self.content_start(s, end);
        match (k..end)
            .rev()
            .find(|&i| self.v.punct(i, ":") && !self.v.quoted(i))
        {
            Some(c) if c + 1 < end => c + 1,
            _ => k,
        }
    }

    /// The first token of a noun phrase? (for inverted sources)
    fn np_start(&self, i: usize) -> bool {
        let l = self.v.lex(i);
        self.v.wordlike(i)
            && !l.has(lx::PREP | lx::THAT | lx::CONJ | lx::AUX | lx::WH | lx::ADV | lx::TIME_LEAD)
            && (l.has(lx::DET | lx::POSS | lx::NUMWORD | lx::PRON | lx::GENERIC)
                || self.v.cap(i)
                || l.num > 0)
    }

    // ----- the frames -----

    fn according(&mut self, ui: usize, i: usize, first: usize) {
        let u = self.v.units[ui];
        let floor = self.floor(ui, i, first);
        let cs0 = self.content_start(u.start, u.end);
        let s = i + 2;
        let at_start =
            i <= cs0 || (i > floor && (self.v.punct(i - 1, ";") || self.v.punct(i - 1, ":")));
        if at_start {
            // According to X, CONTENT
            let mut e = s;
            let mut k = s;
            while k < u.end && k - s <= MAX_NP {
                if self.v.comma(k) {
                    let n = k + 1;
                    let ce = self.chunk_end(n, u.end);
                    if n < u.end && self.chunk(n, ce) == Chunk::Rel {
                        k = ce;
                        continue;
                    }
                    break;
                }
                if self.v.hard(k) || self.v.quoted(k) {
                    break;
                }
                k += 1;
            }
            e = e.max(k);
            if e <= s || e >= u.end || !self.v.comma(e) {
                return;
            }
            let mut att = self.new_att(
                ui,
                (i, i + 2),
                None,
                Mode::AccPre,
                Some((s, e)),
                (e + 1, u.end),
                None,
                e,
            );
            att.strong = true;
            self.atts.push(att);
        } else {
            // CONTENT, according to X
            let e = self.np_right(s, u.end, true);
            if e <= s {
                return;
            }
            let cs1 = self.left_content_start(u.start, i);
            self.atts.push(self.new_att(
                ui,
                (i, i + 2),
                None,
                Mode::AccPost,
                Some((s, e)),
                (cs1, i),
                Some(i),
                e,
            ));
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn new_att(
        &self,
        ui: usize,
        cue: Range,
        class: Option<CueClass>,
        mode: Mode,
        src: Option<Range>,
        content: Range,
        boundary: Option<usize>,
        tail_end: usize,
    ) -> Att {
        Att {
            cue,
            class,
            mode,
            src,
            src_full: src,
            shares: None,
            addressee: None,
            outlet: None,
            reason: None,
            content,
            boundary,
            tail_end,
            joint: None,
            sibling: None,
            negated: false,
            deny: false,
            unit: ui,
            emit: false,
            direct: None,
            mixed: false,
            strong: false,
            in_rel: false,
        }
    }

    /// The nearest earlier attribution of the unit with a source, for a cue at `c`.
    /// A cue that reports nothing inside the reported clause of an earlier attribution ("said
    /// it would respond") is skipped: a participle or coordinated cue after it belongs to the
    /// main clause.
    fn sibling_of(&self, c: usize, first: usize) -> Option<usize> {
        (first..self.atts.len()).rev().find(|&k| {
            let a = &self.atts[k];
            a.cue.0 < c
                && (a.src.is_some() || a.shares.is_some())
                && !(a.content.0 >= a.content.1 && self.nested(k, first))
        })
    }

    /// Whether the comma at `k` follows the bare subject of an earlier attribution's
    /// reported clause (no verb yet between the content start and the comma).
    fn mid_subject(&self, k: usize, first: usize) -> bool {
        self.atts[first..].iter().any(|o| {
            !o.mode.content_left()
                && o.content.0 < k
                && k < o.content.1
                && !self.has_verb(o.content.0, k)
        })
    }

    /// Whether the cue of attribution `k` lies in the content on the right of an earlier
    /// attribution of the unit.
    fn nested(&self, k: usize, first: usize) -> bool {
        let at = self.atts[k].cue.0;
        self.atts[first..k].iter().any(|o| {
            !o.mode.content_left() && o.content.0 <= at && at < o.content.1 && o.cue.0 < at
        })
    }

    /// The subject of the unit's main clause: the words before its first verb.
    fn main_subject(&self, floor: usize, c: usize) -> Option<Range> {
        let start = self.content_start(floor, c);
        let mut k = start;
        while k < c {
            if self.v.quoted(k) {
                return None;
            }
            let l = self.v.lex(k);
            let verbish = (l.has(lx::AUX | lx::VERB)
                && !self.v.cap(k)
                && !matches!(self.v.s(k), "'s" | "\u{2019}s"))
                || (l.cue.is_some() && !self.v.cap(k))
                || (self.ed_word(k) && k > start && !self.v.has(k - 1, lx::DET | lx::POSS))
                || (self.v.is(k, "on") && self.v.has(k + 1, lx::TIME) && k > start);
            if verbish {
                break;
            }
            k += 1;
        }
        if k >= c || k == start {
            return None;
        }
        let (e, _) = self.back_adv(k, start);
        self.subject(e, start, false)
    }

    fn cue(&mut self, ui: usize, c: usize, cue: lx::Cue, first: usize) {
        let u = self.v.units[ui];
        let floor = self.floor(ui, c, first);
        let mut ce = c + 1;
        if cue.call && (self.v.is(c + 1, "on") || self.v.is(c + 1, "for")) {
            ce = c + 2;
        }
        let (adv, negated) = self.back_adv(c, floor);
        let prev = adv.checked_sub(1).filter(|&p| p >= floor);
        // A participle used as an adjective: "of confirmed cases", "the alleged attack".
        if c > floor {
            let i = c - 1;
            let li = self.v.lex(i);
            let number = self.v.toks[i].kind == newsgraph_doc::TokenKind::Number;
            if (li.has(lx::PREP | lx::DET | lx::POSS | lx::NUMWORD)
                && !self.v.is(i, "to")
                && !li.has(lx::PRON))
                || number
            {
                return;
            }
        }
        // Forms that are also nouns ("a phone call", "monitoring report", "their claims").
        let nounish = match cue.form {
            Form::Base => true,
            Form::Third => !matches!(class_of(cue), CueClass::Say | CueClass::Tell),
            _ => false,
        };
        if nounish && c > floor && self.noun_use(c) {
            return;
        }
        // A bare base form is a verb only after a plural or pronoun subject, an auxiliary or
        // "to" ("officials say", "did not say"): "think tank", "call centre" are nouns.
        if cue.form == Form::Base && !negated {
            let ok = prev.is_some_and(|p| {
                let l = self.v.lex(p);
                let w = self.v.s(p);
                l.has(lx::PRON | lx::PLURAL | lx::AUX | lx::ADV)
                    || (w.len() > 2
                        && w.ends_with('s')
                        && !w.ends_with("ss")
                        && !self.v.toks[p].upper)
                    || self.v.is(p, "and")
                    || self.v.is(p, "to")
            }) || adv < c;
            if !ok {
                return;
            }
        }
        if let Some(p) = prev {
            // A noun ("the report", "a warning"), an infinitive ("to say"), a passive ("was told").
            if self.v.has(p, lx::DET | lx::POSS) && !self.v.has(p, lx::PRON_OBJ) {
                return;
            }
            if self.v.is(p, "to") && !self.v.is(p.wrapping_sub(1), "according") {
                return;
            }
        }
        // A passive: a form of "be" right before the cue (adverbs aside).
        {
            let mut k = c;
            while k > floor && self.v.has(k - 1, lx::ADV) && !self.v.has(k - 1, lx::AUX) {
                k -= 1;
            }
            if k > floor && self.is_be(k - 1) && cue.form != Form::Ing {
                return;
            }
        }
        let class = cue.class;
        let mut att = self.new_att(
            ui,
            (c, ce),
            Some(class),
            Mode::Pre,
            None,
            (ce, ce),
            None,
            ce,
        );
        att.in_rel = prev.is_some_and(|p| self.v.has(p, lx::REL));
        att.negated = negated;
        att.deny = cue.deny;

        // Participles: ", saying that …", "with both sides saying …".
        if cue.form == Form::Ing {
            let mut joint = adv.checked_sub(1).filter(|&p| p >= floor);
            let after_comma = joint.is_some_and(|p| {
                self.v.comma(p)
                    || self.v.is(p, "while")
                    || self.v.is(p, "after")
                    || self.v.is(p, "as")
                    || self.v.is(p, "by")
                    || self.v.is(p, "before")
            });
            // "…, urging X and warning that …": a participle coordinated with an earlier one
            // of the unit, which it shares its source with, when a reported clause follows.
            // A participle that reports nothing ("…, citing X and adding that …") leaves the
            // second one to share the source of the clause before the comma.
            let mut coord_part = None;
            let mut after_comma = after_comma;
            if let Some(p) = joint.filter(|&p| self.v.is(p, "and") || self.v.is(p, "but")) {
                let t = self.tail(ce, u.end, class);
                let marked = t.that_at.is_some() || t.colon_at.is_some();
                let clause = matches!(class, CueClass::Say | CueClass::Belief)
                    && t.next < u.end
                    && self.starts_content(t.next, u.end)
                    && self.clausal(t.next, u.end);
                if marked || clause {
                    let earlier = (first..self.atts.len())
                        .rev()
                        .find(|&k| self.atts[k].mode == Mode::Part && self.atts[k].cue.1 <= p);
                    let lo = p.saturating_sub(12).max(floor + 1);
                    let bare = (lo..p)
                        .rev()
                        .take_while(|&k| !self.v.comma(k) && !self.v.quoted(k))
                        .find(|&k| self.ing_word(k) && self.v.comma(k - 1));
                    match (earlier, bare) {
                        (Some(k), b) if b.is_none_or(|b| self.atts[k].cue.0 >= b) => {
                            coord_part = Some(k);
                        }
                        // Not inside the reported clause's subject ("said the minister,
                        // citing …, had …").
                        (_, Some(b)) if !self.is_cue_word(b) && !self.mid_subject(b - 1, first) => {
                            joint = Some(b - 1);
                            after_comma = true;
                        }
                        _ => {}
                    }
                }
            }
            let mut with_np = None;
            if !after_comma && coord_part.is_none() {
                // "with NP saying"
                let lo = adv.saturating_sub(12).max(floor);
                if let Some(w) = (lo..adv).rev().find(|&k| self.v.is(k, "with")) {
                    if w + 1 < adv && (w + 1..adv).all(|k| !self.v.comma(k) && !self.v.quoted(k)) {
                        with_np = Some((w + 1, adv));
                    }
                }
                if with_np.is_none() {
                    return;
                }
            }
            let t = self.tail(ce, u.end, class);
            let cs = t.that_at.or(t.colon_at).map_or(t.next, |k| k + 1);
            att.mode = Mode::Part;
            att.addressee = t.addressee;
            att.outlet = t.outlet;
            att.reason = t.reason;
            att.content = (cs, u.end);
            att.tail_end = cs;
            if let Some(np) = with_np {
                att.src = Some(np);
                att.src_full = Some(np);
            } else if let (Some(k), Some(p)) = (coord_part, joint) {
                att.joint = Some(if p > floor && self.v.comma(p - 1) {
                    p - 1
                } else {
                    p
                });
                att.sibling = Some(k);
                att.shares = Some(k);
            } else {
                att.joint = joint;
                match self.sibling_of(c, first) {
                    Some(s) => {
                        att.sibling = Some(s);
                        att.shares = Some(s);
                    }
                    None => {
                        att.src = self.main_subject(floor, c);
                        att.src_full = att.src;
                    }
                }
            }
            if att.src.is_none() && att.shares.is_none() {
                return;
            }
            self.atts.push(att);
            return;
        }

        // Coordination: "… and warned that", "… but blamed".
        if let Some(p) = prev {
            if (self.v.is(p, "and") || self.v.is(p, "but"))
                && matches!(cue.form, Form::Past | Form::Third)
            {
                // "had investigated and dismissed": a participle sharing an auxiliary inside a
                // reported clause, not a new attribution.
                let lo = p.saturating_sub(12).max(floor);
                let shared_aux = (lo..p)
                    .rev()
                    .take_while(|&k| !self.v.comma(k) && !self.is_cue_word(k))
                    .any(|k| {
                        ["had", "has", "have", "was", "were", "been"]
                            .iter()
                            .any(|w| self.v.is(k, w))
                            && (self.ed_word(k + 1) || self.v.has(k + 1, lx::VERB))
                    });
                if shared_aux {
                    return;
                }
                let joint = if p > floor && self.v.comma(p - 1) {
                    p - 1
                } else {
                    p
                };
                let t = self.tail(ce, u.end, class);
                let cs = t.that_at.or(t.colon_at).map_or(t.next, |k| k + 1);
                let cs = if class == CueClass::Directive { ce } else { cs };
                att.mode = Mode::Coord;
                att.addressee = t.addressee;
                att.outlet = t.outlet;
                att.content = (cs, u.end);
                att.tail_end = cs;
                att.joint = Some(joint);
                match self.sibling_of(c, first) {
                    Some(s) => {
                        att.sibling = Some(s);
                        att.shares = Some(s);
                    }
                    None => {
                        att.src = self.main_subject(floor, joint);
                        att.src_full = att.src;
                    }
                }
                if att.src.is_none() && att.shares.is_none() {
                    return;
                }
                self.atts.push(att);
                return;
            }
        }

        // Inverted: "“…,” said X", "…, said X."
        if c > floor && matches!(cue.form, Form::Past | Form::Third) {
            let j = c - 1;
            let quote_adjacent =
                self.v.closes(j) || (self.v.comma(j) && j > floor && self.v.closes(j - 1));
            let mut inverted = quote_adjacent && self.np_start(ce);
            if !inverted && self.v.comma(j) && self.np_start(ce) {
                let cs = self.chunk_start(j, floor);
                let left = self.chunk(cs, j);
                inverted = left == Chunk::Other && self.has_verb(cs, j);
            }
            if inverted {
                let s = ce;
                let e = self.np_right(s, u.end, true);
                if e > s && self.plausible(s, e) {
                    let cs0 = self.left_content_start(u.start, c);
                    // "said X, adding …": the modifiers after the source.
                    let t = self.tail(e, u.end, CueClass::Say);
                    att.mode = Mode::Inverted;
                    att.src = Some((s, e));
                    att.src_full = Some((s, e));
                    att.content = (cs0, c);
                    att.boundary = Some(c);
                    att.tail_end = t.next.max(e);
                    att.reason = t.reason;
                    att.outlet = t.outlet;
                    self.atts.push(att);
                    return;
                }
            }
        }

        let t = self.tail(ce, u.end, class);
        att.addressee = t.addressee;
        att.outlet = t.outlet;
        att.reason = t.reason;
        let r = t.next;
        // "X told reporters, “…”": a quotation after a comma is the content when nothing
        // quoted precedes the source.
        let comma_quote = r + 1 < u.end && self.v.comma(r) && self.v.opens(r + 1) && {
            let before_src = (u.start..adv).any(|k| self.v.quoted(k));
            !before_src
        };
        let pre_start = if let Some(k) = t.that_at {
            Some(k + 1)
        } else if let Some(k) = t.colon_at {
            Some(k + 1)
        } else if comma_quote {
            Some(r + 1)
        } else if r < u.end && self.starts_content(r, u.end) {
            Some(r)
        } else {
            None
        };
        let src = self.subject(adv, floor, pre_start.is_none());
        if src.is_some_and(|s| s.0 > 0 && self.v.is(s.0 - 1, "what")) {
            // "what it called …": a free relative, not an attribution.
            return;
        }
        if src.is_some_and(|s| {
            s.1 == s.0 + 1
                && ["i", "we", "you", "i've", "i'm"]
                    .iter()
                    .any(|w| self.v.is(s.0, w))
        }) {
            // "I think …", "I told them …" outside quotation marks: the writer (or an
            // interviewee in a transcript) speaking, not a reported source.
            return;
        }
        match pre_start {
            Some(cs) if class != CueClass::Directive => {
                let Some(s) = src else {
                    return;
                };
                let marked = t.that_at.is_some() || t.colon_at.is_some();
                att.strong = match class {
                    CueClass::Say | CueClass::Tell | CueClass::Belief | CueClass::Deny => {
                        marked || self.clausal(cs, u.end)
                    }
                    CueClass::NeedsThat => marked,
                    _ => false,
                };
                att.mode = Mode::Pre;
                att.src = Some(s);
                att.src_full = Some(s);
                att.content = (cs, u.end);
                att.tail_end = cs;
                // A cue with a "that" clause but no clause: keep as speaker only.
                self.atts.push(att);
            }
            Some(_) => {
                // Directive: content is the object and what follows.
                let Some(s) = src else {
                    return;
                };
                att.mode = Mode::Pre;
                att.src = Some(s);
                att.src_full = Some(s);
                att.content = (ce, u.end);
                att.tail_end = ce;
                self.atts.push(att);
            }
            None => {
                // Post: the content is on the left, the source between it and the cue.
                let Some(s) = src else {
                    return;
                };
                let before = s.0.checked_sub(1);
                let bounded =
                    before.is_some_and(|b| b >= floor && (self.v.comma(b) || self.v.closes(b)));
                if !bounded {
                    // A speaker with nothing reported here ("Arvel vowed to …" has a
                    // content; "The company denied the report." has none).
                    att.src = Some(s);
                    att.src_full = Some(s);
                    att.content = (r, r);
                    att.tail_end = r;
                    self.atts.push(att);
                    return;
                }
                // A parenthetical after a subordinator ("… where, the WHO says, burials
                // took place"): the content is the clause after it.
                let subordinated = s.0 >= 2
                    && self.v.comma(s.0 - 1)
                    && (self.v.has(s.0 - 2, lx::CONJ | lx::REL | lx::THAT | lx::WH)
                        && !self.v.cap(s.0 - 2));
                if subordinated && self.v.comma(r) && r + 1 < u.end {
                    att.mode = Mode::Pre;
                    att.src = Some(s);
                    att.src_full = Some(s);
                    att.content = (r + 1, u.end);
                    att.tail_end = r + 1;
                    att.strong = true;
                    self.atts.push(att);
                    return;
                }
                let cs0 = self.left_content_start(u.start, s.0);
                att.mode = Mode::Post;
                att.src = Some(s);
                att.src_full = Some(s);
                att.content = (cs0, s.0);
                att.boundary = Some(s.0);
                att.tail_end = r;
                self.atts.push(att);
            }
        }
    }

    /// Token `r` can start a reported clause: not a comma, a boundary, a conjunction or the
    /// sentence's final punctuation.
    fn starts_content(&self, r: usize, end: usize) -> bool {
        let boundary = self.v.hard(r) && !self.v.opens(r);
        let conj = self.v.has(r, lx::CONJ) && !self.v.has(r, lx::DET);
        !self.v.comma(r) && !boundary && !conj && !self.final_punct(r, end)
    }

    /// Token `r` is sentence-final punctuation (with only closing marks after it).
    fn final_punct(&self, r: usize, end: usize) -> bool {
        if !matches!(self.v.s(r), "." | "!" | "?" | "…" | "...") {
            return false;
        }
        (r + 1..end).all(|k| !self.v.wordlike(k))
    }

    /// "SOURCE delivered a clear message …: CONTENT".
    fn message(&mut self, ui: usize, first: usize) {
        let u = self.v.units[ui];
        let taken: Vec<usize> = self.atts[first..]
            .iter()
            .filter_map(|a| (!a.mode.content_left()).then_some(a.content.0))
            .collect();
        let mut m = None;
        let mut k = u.start;
        while k < u.end {
            if self.v.quoted(k) {
                k += 1;
                continue;
            }
            if m.is_none() && self.v.has(k, lx::MESSAGE) && !self.v.cap(k) {
                m = Some(k);
            }
            if self.v.punct(k, ":") {
                if let Some(mi) = m {
                    let cs = k + 1;
                    if cs + 2 < u.end && !taken.contains(&cs) {
                        self.message_at(ui, mi, cs, first);
                    }
                }
                return;
            }
            k += 1;
        }
    }

    fn message_at(&mut self, ui: usize, m: usize, cs: usize, first: usize) {
        let u = self.v.units[ui];
        // DET (adjectives) MESSAGE, with a verb before the determiner.
        let mut d = m;
        while d > u.start && m - d < 4 && !self.v.has(d - 1, lx::DET | lx::POSS) {
            d -= 1;
        }
        if d == u.start || !self.v.has(d - 1, lx::DET | lx::POSS) {
            return;
        }
        let det = d - 1;
        if det == u.start {
            return;
        }
        let verb = det - 1;
        if !self.v.word(verb) || self.v.cap(verb) || self.v.has(verb, lx::PREP | lx::DET | lx::CONJ)
        {
            return;
        }
        let floor = self.floor(ui, verb, first);
        let (e, _) = self.back_adv(verb, floor);
        let Some(src) = self.subject(e, floor, false) else {
            return;
        };
        let mut att = self.new_att(
            ui,
            (verb, m + 1),
            None,
            Mode::Message,
            Some(src),
            (cs, u.end),
            None,
            cs,
        );
        att.strong = true;
        if self.v.is(m + 1, "to") {
            let s = m + 2;
            let mut k = s;
            while k < u.end
                && k - s < 8
                && self.v.wordlike(k)
                && !self.v.has(k, lx::CONJ | lx::REL)
                && !(k > s && self.v.has(k, lx::PREP) && !self.v.is(k, "of"))
            {
                k += 1;
            }
            if k > s {
                att.addressee = Some((s, k));
            }
        }
        self.atts.push(att);
    }

    // ----- contents, pairs, continuations -----

    fn finish_unit(&mut self, ui: usize, first: usize) {
        let u = self.v.units[ui];
        let n = self.atts.len();
        // Content ends.
        for k in first..n {
            let (cs, mut end) = self.atts[k].content;
            if self.atts[k].mode.content_left() {
                continue;
            }
            for j in first..n {
                if j == k {
                    continue;
                }
                let o = &self.atts[j];
                if let Some(b) = o.boundary {
                    if b > cs && b < end && o.cue.0 > cs {
                        end = b;
                    }
                }
                if o.sibling == Some(k) {
                    if let Some(jt) = o.joint {
                        if jt >= cs && jt < end {
                            end = jt;
                        }
                    }
                }
            }
            let end = self.clause_cut(self.atts[k].class, self.atts[k].in_rel, cs, end);
            self.atts[k].content = (cs, end.max(cs));
        }
        // Contents of left-content attributions that follow another on the left.
        for k in first..n {
            if !self.atts[k].mode.content_left() {
                continue;
            }
            let (mut cs, ce) = self.atts[k].content;
            for j in first..n {
                let o = &self.atts[j];
                if j != k
                    && o.mode.content_left()
                    && o.tail_end <= ce
                    && o.tail_end > cs
                    && o.cue.0 < ce
                {
                    cs = o.tail_end;
                    while cs < ce
                        && (self.v.comma(cs) || self.v.is(cs, "and") || self.v.is(cs, "but"))
                    {
                        cs += 1;
                    }
                }
            }
            self.atts[k].content = (cs, ce);
        }
        // Trim, classify, decide.
        for k in first..n {
            let (cs, ce) = self.trim(self.atts[k].content);
            self.atts[k].content = (cs, ce);
            let mut direct = None;
            let mut mixed = false;
            let mut pairs_in = 0;
            let from = self.v.pairs.partition_point(|p| p.open < cs);
            for (pi, p) in self.v.pairs.iter().enumerate().skip(from) {
                if p.open >= cs && p.close < ce {
                    pairs_in += 1;
                    if p.open == cs && p.close + 1 == ce {
                        direct = Some(pi);
                    } else {
                        mixed = true;
                    }
                } else if p.open > ce {
                    break;
                }
            }
            if pairs_in > 1 {
                direct = None;
                mixed = true;
            }
            let a = &mut self.atts[k];
            a.direct = direct;
            a.mixed = mixed && direct.is_none();
            let emit = self.emits(k);
            self.atts[k].emit = emit;
        }
        // Pairs not claimed by an emitted attribution.
        let mut i = u.start;
        while i < u.end {
            let t = self.v.toks[i];
            if t.pair == NO_PAIR {
                i += 1;
                continue;
            }
            let pi = t.pair as usize;
            let Some(p) = self.v.pairs.get(pi).copied() else {
                i += 1;
                continue;
            };
            let claimed = self.atts[first..n]
                .iter()
                .any(|a| a.emit && a.content.0 <= p.open && p.close < a.content.1);
            if !claimed {
                // A continuation of a split quote: after a left-content attribution's cue.
                let cont = (first..n).rev().find(|&k| {
                    let a = &self.atts[k];
                    a.emit && matches!(a.mode, Mode::Post | Mode::Inverted) && a.cue.0 < p.open
                });
                let covers = self.covers_unit(p.open, p.close, u.start, u.end);
                if cont.is_some() || covers {
                    self.loose.push(Loose {
                        pair: pi,
                        unit: ui,
                        continues: cont,
                    });
                }
            }
            i = p.close + 1;
        }
    }

    /// Where a reported clause ends inside `[cs, end)`: before "and" + a verb with no subject
    /// ("said it was worried and would send mediators"), before ", and" + a new subject
    /// ("…, and soldiers were deployed"); for speech acts with an object ("urged X to …"),
    /// also before ", while …" and ";".
    fn clause_cut(&self, class: Option<CueClass>, in_rel: bool, cs: usize, end: usize) -> usize {
        let directive = class == Some(CueClass::Directive);
        if in_rel {
            if let Some(c) = (cs..end).find(|&i| !self.v.quoted(i) && self.v.comma(i)) {
                return c;
            }
        }
        // "denied working under orders from the bank, whose board …": a gerund object ends
        // before a relative clause about its last noun.
        if class == Some(CueClass::Deny) && self.ing_word(cs) {
            if let Some(c) = (cs..end)
                .find(|&i| !self.v.quoted(i) && self.v.comma(i) && self.v.has(i + 1, lx::REL))
            {
                return c;
            }
        }
        let and_but = |k: usize| self.v.is(k, "and") || self.v.is(k, "but");
        let mut i = cs;
        while i < end {
            if self.v.quoted(i) {
                i += 1;
                continue;
            }
            if i > cs && and_but(i) {
                let j = i + 1;
                let lj = self.v.lex(j);
                if !self.v.cap(j) && lj.has(lx::VERB) && !lj.has(lx::AUX) && lj.cue.is_none() {
                    return if self.v.comma(i - 1) { i - 1 } else { i };
                }
            }
            if i > cs && self.v.comma(i) {
                let j = i + 1;
                if and_but(j) {
                    let k = j + 1;
                    let lk = self.v.lex(k);
                    let number = self
                        .v
                        .toks
                        .get(k)
                        .is_some_and(|t| t.kind == newsgraph_doc::TokenKind::Number);
                    let new_subject = self.v.wordlike(k)
                        && !self.v.quoted(k)
                        && !lk.has(lx::THAT | lx::AUX | lx::VERB | lx::PREP | lx::ADV)
                        && lk.cue.is_none()
                        && !self.ed_word(k)
                        && !self.ing_word(k)
                        && (lk.has(
                            lx::DET | lx::POSS | lx::PRON | lx::NUMWORD | lx::PLURAL | lx::GENERIC,
                        ) || self.v.cap(k)
                            || number);
                    if new_subject {
                        return i;
                    }
                }
                let lj = self.v.lex(j);
                if directive
                    && (lj.has(lx::CONJ | lx::REL | lx::AUX | lx::VERB)
                        || (lj.cue.is_some() && !self.v.cap(j)))
                {
                    return i;
                }
            }
            if directive && self.v.punct(i, ";") {
                return i;
            }
            i += 1;
        }
        end
    }

    /// The pair `[open, close]` is all the unit holds but punctuation.
    fn covers_unit(&self, open: usize, close: usize, start: usize, end: usize) -> bool {
        (start..open).all(|k| !self.v.wordlike(k)) && (close + 1..end).all(|k| !self.v.wordlike(k))
    }

    /// `[a, b)` without leading "that", ":" and trailing punctuation (closing marks kept).
    fn trim(&self, (mut a, mut b): Range) -> Range {
        while a < b
            && (self.v.has(a, lx::THAT) && !self.v.quoted(a)
                || self.v.punct(a, ":")
                || self.v.comma(a))
        {
            a += 1;
        }
        while b > a {
            let i = b - 1;
            let t = self.v.toks[i];
            let s = self.v.s(i);
            let trailing = t.kind == newsgraph_doc::TokenKind::Punct
                && !matches!(s, ")" | "]" | "%" | "$")
                && t.pair == NO_PAIR;
            if trailing {
                b -= 1;
            } else {
                break;
            }
        }
        (a, b)
    }

    /// Whether attribution `k` is reported as a quote.
    fn emits(&self, k: usize) -> bool {
        let a = &self.atts[k];
        let (cs, ce) = a.content;
        if ce <= cs {
            return false;
        }
        if a.src.is_none() && a.shares.is_none() {
            return false;
        }
        let has_pair = a.direct.is_some() || a.mixed;
        // Questions are not claims: "declined to say whether …".
        if self.v.has(cs, lx::WH) && !self.v.quoted(cs) && !self.v.has(cs, lx::THAT) {
            return false;
        }
        let that = cs > 0 && (self.v.has(cs - 1, lx::THAT) || self.v.punct(cs - 1, ":"));
        match a.class {
            None => true,
            Some(CueClass::Speaker) => false,
            Some(CueClass::QuoteOnly) => {
                a.direct.is_some()
                    && (a.mode.content_left() || (cs > 0 && self.v.punct(cs - 1, ":")))
            }
            Some(CueClass::Directive) => has_pair || (that && !a.mode.content_left()),
            Some(CueClass::NeedsThat) => {
                a.mode.content_left() && has_pair || that || a.direct.is_some()
            }
            Some(CueClass::Deny) => {
                if a.mode.content_left() {
                    return true;
                }
                that || self.ing_word(cs)
                    || self.v.has(cs, lx::PRON)
                    || (cs..ce.min(cs + 6)).any(|i| self.v.has(i, lx::AUX) && !self.v.quoted(i))
            }
            Some(CueClass::Say | CueClass::Tell | CueClass::Belief) => {
                if a.mode.content_left() || that || has_pair {
                    return true;
                }
                self.clausal(cs, ce)
            }
        }
    }

    /// `[a, b)` reads as a clause: it holds a finite verb.
    fn clausal(&self, a: usize, b: usize) -> bool {
        if self.v.has(a, lx::PRON) && !self.v.has(a, lx::POSS) {
            return true;
        }
        (a..b).any(|i| {
            let l = self.v.lex(i);
            !self.v.quoted(i)
                && !self.v.cap(i)
                && (l.has(lx::AUX | lx::VERB)
                    || l.cue.is_some_and(|c| {
                        matches!(c.form, Form::Past | Form::Third) && !self.noun_use(i)
                    })
                    || (self.ed_word(i) && i > a && !self.v.has(i - 1, lx::DET | lx::POSS)))
                && !matches!(self.v.s(i), "'s" | "\u{2019}s")
        }) || (a..b).any(|i| {
            // "remains", "controls": a verb in -s after a noun (rough).
            let s = self.v.s(i);
            i > a
                && self.v.word(i)
                && !self.v.cap(i)
                && s.len() > 3
                && s.ends_with('s')
                && !s.ends_with("ss")
                && (self.v.cap(i - 1) || self.v.has(i - 1, lx::GENERIC))
                && !self.v.has(i, lx::PLURAL | lx::GENERIC | lx::TIME)
        })
    }
}

/// What a source noun phrase says about the source.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct SourceInfo {
    /// The span to report: the phrase as written, without the appositives and prepositional
    /// phrases that follow a name.
    pub span: Range,
    /// The phrase up to its head (no relative clause, no prepositional phrase).
    pub core: Range,
    pub anonymous: bool,
    pub count: Option<u32>,
    /// A personal pronoun ("he", "she").
    pub pronoun: bool,
    /// The head is a name (or a name follows in apposition).
    pub named: bool,
    /// Looks like a person (title, personal noun, pronoun): `None` when unknown.
    pub person: Option<bool>,
    /// The title word of a definite description that refers back ("the minister").
    pub anaphor: Option<usize>,
    /// The name alone, without titles and descriptions ("Tomas Arvel" in "Deputy
    /// Ambassador Tomas Arvel").
    pub name: Option<Range>,
    pub reason: Option<Range>,
    pub basis: Option<Range>,
}

/// Describes the source phrase `r`.
pub(crate) fn describe(v: &View<'_>, r: Range) -> SourceInfo {
    let a = Analyser {
        v,
        atts: Vec::new(),
        loose: Vec::new(),
    };
    a.describe(r)
}

impl<'a, 'd> Analyser<'a, 'd> {
    fn describe(&self, (s, e): Range) -> SourceInfo {
        let mut info = SourceInfo {
            span: (s, e),
            core: (s, e),
            ..SourceInfo::default()
        };
        if s >= e {
            return info;
        }
        // Chunks by top-level commas.
        let mut chunks: [(usize, usize); 4] = [(e, e); 4];
        let mut nch = 0usize;
        let mut k = s;
        while k < e && nch < 4 {
            let ce = self.chunk_end(k, e).max(k + 1).min(e);
            chunks[nch] = (k, ce);
            nch += 1;
            k = ce;
            while k < e && (self.v.comma(k) || self.v.hard(k)) {
                k += 1;
            }
        }
        let (c0s, c0e) = chunks[0];
        // The core: up to a relative pronoun, a basis phrase, or a preposition after the head
        // (not "of" inside a name: "Ministry of Maritime Affairs").
        let mut pp = c0e;
        for i in c0s..c0e {
            if i == c0s {
                continue;
            }
            let l = self.v.lex(i);
            let name_conn = (self.v.is(i, "of")
                || self.v.is(i, "for")
                || self.v.is(i, "and")
                || self.v.is(i, "&"))
                && self.v.cap(i - 1)
                && self.v.cap(i + 1)
                && !self.v.has(i + 1, lx::DET);
            if name_conn || self.org_prep(i) {
                continue;
            }
            let s_i = self.v.s(i);
            if l.has(lx::REL)
                || (l.has(lx::PREP) && !self.v.is(i, "'s"))
                || matches!(
                    s_i,
                    "close" | "familiar" | "briefed" | "speaking" | "involved"
                )
                || (self.ed_word(i) && !self.v.has(i - 1, lx::DET | lx::POSS))
                || self.v.punct(i, "(")
            {
                pp = i;
                break;
            }
        }
        info.core = (c0s, pp.max(c0s + 1).min(c0e));
        // "one of them", "one of the officials": the head is after "of".
        if self.v.is(c0s, "one") && self.v.is(c0s + 1, "of") {
            let mut h = c0s + 2;
            while h < c0e && self.v.has(h, lx::DET | lx::POSS) {
                h += 1;
            }
            let mut he = h;
            while he < c0e && self.v.word(he) && !self.v.has(he, lx::PREP | lx::REL) {
                he += 1;
            }
            if he > h {
                info.core = (c0s, he);
            }
        }
        let (cs, ce) = info.core;
        let head = (cs..ce).rev().find(|&i| self.v.word(i)).unwrap_or(cs);
        let first_word = (cs..ce)
            .find(|&i| self.v.word(i) || self.v.toks[i].kind == newsgraph_doc::TokenKind::Number)
            .unwrap_or(cs);
        let lh = self.v.lex(head);

        // Pronouns.
        if ce - cs == 1 && lh.has(lx::PRON) && !lh.has(lx::POSS) {
            info.pronoun = true;
            let singular = self.v.is(head, "he") || self.v.is(head, "she") || self.v.is(head, "i");
            info.count = singular.then_some(1);
            info.person = Some(singular || self.v.is(head, "they"));
            info.span = (cs, ce);
            return info;
        }

        // "Business Insider", "Human Rights Watch": a capitalized noun ending a name.
        let cap_generic = self.v.cap(head)
            && head > cs
            && self.name_word(head - 1)
            && lh.has(lx::GENERIC | lx::TITLE);
        let head_named =
            self.name_word(head) || (self.v.toks[head].upper && !lh.has(lx::DET)) || cap_generic;
        let appos_name =
            nch > 1 && self.chunk(chunks[1].0, chunks[1].1) == Chunk::Name && !head_named;
        info.named = head_named || appos_name;
        if head_named {
            info.span = (cs, ce);
            info.name = Some(
                self.org_name(cs, head + 1)
                    .unwrap_or_else(|| self.name_run(cs, head + 1)),
            );
        } else if appos_name {
            // "a spokesman for the ministry, Col. Ines Marrow": the name chunk without its own
            // appositions.
            info.span = (c0s, chunks[1].1);
            let last = (chunks[1].0..chunks[1].1)
                .rev()
                .find(|&i| self.v.word(i))
                .unwrap_or(chunks[1].0);
            info.name = Some(self.name_run(chunks[1].0, last + 1));
        }
        // A title or personal noun before the name marks a person; organisation words in the
        // name an organisation.
        let span_words = info.span.0..info.span.1;
        let (name_s, name_e) = info.name.unwrap_or(info.span);
        let titled = name_s > info.span.0 && self.v.has(name_s - 1, lx::TITLE | lx::GENERIC)
            || (name_s > info.span.0 + 1
                && self.v.cap(name_s - 1)
                && self.v.has(name_s - 2, lx::TITLE | lx::GENERIC));
        let orgish = (name_s..name_e).any(|i| self.v.has(i, lx::ORGWORD | lx::OUTLET));
        let definite = self.v.has(first_word, lx::DET | lx::POSS)
            && !self.v.is(first_word, "a")
            && !self.v.is(first_word, "an")
            || (cs..head)
                .any(|i| matches!(self.v.s(i), "'s" | "\u{2019}s") || self.v.possessive(i));

        // Number at the start: "three senior officials", "All 14 economists", "one of the".
        let mut num: Option<u32> = None;
        let mut i = first_word;
        if self.v.is(i, "all") || self.v.is(i, "the") || self.v.is(i, "some") {
            i += 1;
        }
        if i < ce {
            let t = self.v.toks[i];
            if t.kind == newsgraph_doc::TokenKind::Number {
                num = self.v.s(i).replace(',', "").parse::<u32>().ok();
            } else if self.v.has(i, lx::NUMWORD) {
                num = Some(u32::from(self.v.lex(i).num));
            }
        }
        if self.v.is(first_word, "one") && self.v.is(first_word + 1, "of") {
            num = Some(1);
        }

        if info.named {
            info.anonymous = false;
            let person = if orgish {
                Some(false)
            } else if titled {
                Some(true)
            } else {
                None
            };
            info.person = person;
            info.count = if person == Some(false) { None } else { Some(1) };
            if person.is_none() {
                // Unknown: a multi-word name without organisation words is a person; a single
                // capitalized word or an acronym is left to the entity layer.
                let names = span_words.clone().filter(|&i| self.name_word(i)).count();
                if names >= 2 && !span_words.clone().any(|i| self.v.toks[i].upper) {
                    info.person = Some(true);
                } else {
                    info.count = None;
                }
            }
        } else if (lh.has(lx::GENERIC) && !info.named)
            || (self.v.is(first_word, "one") && self.v.is(first_word + 1, "of"))
        {
            let anaphoric = definite && lh.has(lx::ANAPHORIC) && !self.v.is(first_word, "one");
            info.anonymous = !anaphoric;
            info.person = Some(true);
            if anaphoric {
                info.anaphor = Some(head);
            }
            let plural = lh.has(lx::PLURAL);
            info.count = match num {
                Some(n) if n > 0 => Some(n),
                _ if !plural => Some(1),
                _ => None,
            };
            if self.v.is(first_word, "one") && self.v.is(first_word + 1, "of") {
                info.count = Some(1);
            }
        } else if lh.has(lx::TITLE) && definite {
            // "the general", "The colonel"
            info.anonymous = false;
            info.person = Some(true);
            info.count = Some(1);
            info.anaphor = Some(head);
        } else {
            info.anonymous = false;
            info.person = Some(false);
            info.count = None;
        }

        // An unnamed organisation or document: the phrase without relative clauses ("An
        // observer mission from the Forum, led by …").
        if !info.anonymous && !info.named && !info.pronoun && info.person != Some(true) {
            for &(a0, b0) in chunks.iter().take(nch).skip(1) {
                if self.chunk(a0, b0) == Chunk::Rel {
                    info.span = (s, self.trim_end(s, a0));
                    break;
                }
            }
        }
        // Reason and basis, anywhere in the phrase.
        for i in s..e {
            let w = self.v.s(i);
            let anon_word = matches!(
                w,
                "anonymity" | "anonymous" | "named" | "identified" | "authorised" | "authorized"
            );
            if anon_word && info.reason.is_none() {
                let chunk_s = self.chunk_start(i, s);
                let mut st = i;
                while st > chunk_s
                    && !(self.v.has(st, lx::REL)
                        || self.v.is(st, "speaking")
                        || (self.v.is(st, "on") && self.v.is(st + 1, "condition")))
                {
                    st -= 1;
                }
                if !(self.v.has(st, lx::REL) || self.v.is(st, "speaking") || self.v.is(st, "on")) {
                    st = chunk_s;
                }
                let en = self.chunk_end(i, e);
                info.reason = Some((st, en));
            }
            let basis_lead = match w {
                "knowledge" if i > s && self.v.is(i - 1, "with") => Some(i - 1),
                "knowledge" if i > s + 1 && self.v.is(i - 2, "with") => Some(i - 2),
                "familiar" | "close" | "briefed" | "privy" => Some(i),
                _ => None,
            };
            if let (Some(b), None) = (basis_lead, info.basis) {
                let mut en = b + 1;
                while en < e
                    && !self.v.comma(en)
                    && !self.v.hard(en)
                    && !self.v.has(en, lx::REL)
                    && !self.v.is(en, "speaking")
                {
                    en += 1;
                }
                info.basis = Some((b, en));
            }
        }
        info
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_doc::{Doc, Meta};

    fn doc(text: &str) -> Doc {
        let mut d = Doc::new("t", text, Meta::default());
        for s in newsgraph_segment::article_stages() {
            s.run(&mut d);
        }
        d
    }

    #[test]
    fn describe_trims_pp_after_name() {
        let d = doc("Lena Ferro of the island's power authority said it.");
        let v = View::new(&d).unwrap();
        let info = describe(&v, (0, 7));
        assert_eq!(
            v.span(info.span.0, info.span.1).map(|s| d.slice(s)),
            Some("Lena Ferro"),
            "{info:?}"
        );
    }
}
