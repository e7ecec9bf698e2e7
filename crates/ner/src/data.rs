//! Training data readers: IOB2 files of Universal NER and CoNLL-U files of GUM with entity
//! brackets, and the assembly of the training and development sets from `../shared/train`.

use std::collections::HashMap;
use std::path::Path;

use crate::label::{BioTag, Label};
use crate::rules::is_title;
use crate::NerError;

/// One training or evaluation sentence: tokens with their gold BIO tags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrainSentence {
    /// The tokens.
    pub tokens: Vec<String>,
    /// One tag per token.
    pub tags: Vec<BioTag>,
    /// The document the sentence belongs to, counted within its file from the `# newdoc`
    /// comment lines (0 before the first one).
    pub doc: usize,
}

fn read(path: &Path) -> Result<String, NerError> {
    std::fs::read_to_string(path).map_err(|source| NerError::Io {
        path: path.display().to_string(),
        source,
    })
}

fn data_error(input: &str, line: usize, what: String) -> NerError {
    NerError::Data {
        input: input.to_owned(),
        line,
        what,
    }
}

/// Parses an IOB2 file: `#` comment lines, one token a line as tab-separated columns (index,
/// token, tag, …; extra columns are ignored), a blank line after each sentence. Tags are `O`,
/// `B-X` or `I-X` with X one of PER, ORG, LOC, OTH/MISC/NORP; a stray `B-O`/`I-O` is read as O
/// and an `I-X` that continues nothing as `B-X`. `input` names the text in errors.
///
/// # Errors
/// [`NerError::Data`] naming the line of a line with fewer than three columns or an unknown tag.
pub fn parse_iob2(text: &str, input: &str) -> Result<Vec<TrainSentence>, NerError> {
    let mut out = Vec::new();
    let mut doc = 0;
    let mut seen_doc = false;
    let mut cur = TrainSentence {
        tokens: Vec::new(),
        tags: Vec::new(),
        doc,
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') {
            if line.starts_with("# newdoc") {
                if seen_doc {
                    doc += 1;
                }
                seen_doc = true;
                cur.doc = doc;
            }
            continue;
        }
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    TrainSentence {
                        tokens: Vec::new(),
                        tags: Vec::new(),
                        doc,
                    },
                ));
            }
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(_), Some(token), Some(tag)) = (cols.next(), cols.next(), cols.next()) else {
            return Err(data_error(
                input,
                n + 1,
                format!("expected at least 3 tab-separated columns, found {line:?}"),
            ));
        };
        let tag = parse_tag(tag.trim()).ok_or_else(|| {
            data_error(
                input,
                n + 1,
                format!(
                    "unknown tag {tag:?} (valid: O, B-X, I-X with X in PER, ORG, LOC, OTH, MISC)"
                ),
            )
        })?;
        let tag = match (tag, cur.tags.last()) {
            (BioTag::I(l), Some(BioTag::B(p) | BioTag::I(p))) if *p == l => tag,
            (BioTag::I(l), _) => BioTag::B(l),
            _ => tag,
        };
        cur.tokens.push(token.to_owned());
        cur.tags.push(tag);
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

fn parse_tag(tag: &str) -> Option<BioTag> {
    if tag == "O" {
        return Some(BioTag::O);
    }
    let (bi, name) = tag.split_once('-')?;
    if name == "O" {
        return Some(BioTag::O);
    }
    let label = Label::parse(name)?;
    match bi {
        "B" => Some(BioTag::B(label)),
        "I" => Some(BioTag::I(label)),
        _ => None,
    }
}

/// Reads an IOB2 file (see [`parse_iob2`]).
///
/// # Errors
/// [`NerError::Io`] or [`NerError::Data`].
pub fn read_iob2(path: &Path) -> Result<Vec<TrainSentence>, NerError> {
    parse_iob2(&read(path)?, &path.display().to_string())
}

/// One CoNLL-U word line.
struct Word<'a> {
    id: usize,
    form: &'a str,
    upos: &'a str,
    head: usize,
    misc: &'a str,
}

/// Parses a GUM CoNLL-U file into sentences tagged with its named entities.
///
/// GUM brackets every entity mention, named or not, in the MISC column
/// (`Entity=(12-person-…` opens entity 12, `12)` closes it). A mention is kept as a name when
/// its head (the token whose syntactic head lies outside the mention) is a proper noun
/// (UPOS `PROPN`); its name is then the run of name tokens around the head: proper nouns and
/// capitalised words, numbers after the head, and connectors ("of", "de", "al", "&", "-") between
/// two name tokens, without leading titles for persons. Types map to labels: person → PER,
/// organization → ORG, place → LOC; abstract, event, object, animal, plant and substance → MISC;
/// time and quantity are dropped. Where names overlap, the longest is kept.
///
/// # Errors
/// [`NerError::Data`] naming the line of a word line with fewer than ten columns.
pub fn parse_gum_conllu(text: &str, input: &str) -> Result<Vec<TrainSentence>, NerError> {
    let mut out = Vec::new();
    let mut words: Vec<Word<'_>> = Vec::new();
    let mut doc = 0;
    let mut seen_doc = false;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') {
            if line.starts_with("# newdoc") {
                if seen_doc {
                    doc += 1;
                }
                seen_doc = true;
            }
            continue;
        }
        if line.trim().is_empty() {
            if !words.is_empty() {
                out.push(gum_sentence(&words, doc));
                words.clear();
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(id), Some(form), Some(upos), Some(head), Some(misc)) = (
            cols.first(),
            cols.get(1),
            cols.get(3),
            cols.get(6),
            cols.get(9),
        ) else {
            return Err(data_error(
                input,
                n + 1,
                "expected 10 tab-separated CoNLL-U columns".to_owned(),
            ));
        };
        let Ok(id) = id.parse::<usize>() else {
            continue; // a multi-word token range or an empty node
        };
        words.push(Word {
            id,
            form,
            upos,
            head: head.parse().unwrap_or(0),
            misc,
        });
    }
    if !words.is_empty() {
        out.push(gum_sentence(&words, doc));
    }
    Ok(out)
}

/// Reads a GUM CoNLL-U file (see [`parse_gum_conllu`]).
///
/// # Errors
/// [`NerError::Io`] or [`NerError::Data`].
pub fn read_gum_conllu(path: &Path) -> Result<Vec<TrainSentence>, NerError> {
    parse_gum_conllu(&read(path)?, &path.display().to_string())
}

/// The entity mentions bracketed in a sentence's MISC column: (first, last, type) token indices.
fn gum_mentions<'a>(words: &[Word<'a>]) -> Vec<(usize, usize, &'a str)> {
    let mut open: Vec<(&'a str, usize, &'a str)> = Vec::new();
    let mut done = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(ent) = w.misc.split('|').find_map(|f| f.strip_prefix("Entity=")) else {
            continue;
        };
        let mut rest = ent;
        while !rest.is_empty() {
            if let Some(body) = rest.strip_prefix('(') {
                let end = body.find(['(', ')']).unwrap_or(body.len());
                let inner = body.get(..end).unwrap_or("");
                let mut parts = inner.split('-');
                let (id, kind) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                let after = body.get(end..).unwrap_or("");
                if let Some(after) = after.strip_prefix(')') {
                    done.push((i, i, kind));
                    rest = after;
                } else {
                    open.push((id, i, kind));
                    rest = after;
                }
            } else {
                let end = rest.find(')').unwrap_or(rest.len());
                let id = rest.get(..end).unwrap_or("");
                if let Some(k) = open.iter().rposition(|(o, _, _)| *o == id) {
                    let (_, start, kind) = open.remove(k);
                    done.push((start, i, kind));
                }
                rest = rest.get(end + 1..).unwrap_or("");
            }
        }
    }
    done
}

/// Words that join the parts of a person's name ("Abd al-Karim", "Ludwig van Beethoven").
const PERSON_CONNECTORS: &[&str] = &[
    "-", "al", "bin", "da", "de", "del", "der", "di", "du", "el", "ibn", "la", "le", "van", "von",
];

/// Words that join the parts of other names ("Gulf of Mexico", "Bank of the West", "A&E").
const CONNECTORS: &[&str] = &[
    "&", "-", "al", "bin", "da", "de", "del", "der", "di", "du", "el", "ibn", "la", "le", "of",
    "the", "van", "von",
];

fn gum_sentence(words: &[Word<'_>], doc: usize) -> TrainSentence {
    let n = words.len();
    let capital = |w: &Word<'_>| w.form.chars().next().is_some_and(char::is_uppercase);
    let namey = |w: &Word<'_>, right: bool| {
        w.upos == "PROPN"
            || (matches!(w.upos, "NOUN" | "ADJ" | "VERB" | "X" | "NUM") && capital(w))
            || (right && w.upos == "NUM")
    };
    let mut names: Vec<(usize, usize, Label)> = Vec::new();
    for (first, last, kind) in gum_mentions(words) {
        let label = match kind {
            "person" => Label::Per,
            "organization" => Label::Org,
            "place" => Label::Loc,
            "abstract" | "event" | "object" | "animal" | "plant" | "substance" => Label::Misc,
            _ => continue,
        };
        let Some(span) = words.get(first..=last) else {
            continue;
        };
        let connectors = if label == Label::Per {
            PERSON_CONNECTORS
        } else {
            CONNECTORS
        };
        let is_connector = |w: &Word<'_>| connectors.contains(&w.form.to_lowercase().as_str());
        let (lo_id, hi_id) = (
            span.first().map_or(0, |w| w.id),
            span.last().map_or(0, |w| w.id),
        );
        let Some(h) = span.iter().position(|w| w.head < lo_id || w.head > hi_id) else {
            continue;
        };
        if span.get(h).is_none_or(|w| w.upos != "PROPN") {
            continue;
        }
        // Grow the name around the head.
        let (mut s, mut e) = (h, h + 1);
        loop {
            match span.get(e) {
                Some(w) if namey(w, true) => e += 1,
                Some(w) if is_connector(w) => {
                    let mut k = e + 1;
                    while span.get(k).is_some_and(is_connector) {
                        k += 1;
                    }
                    if span.get(k).is_some_and(|w| namey(w, true)) {
                        e = k + 1;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        while s > 0 {
            match span.get(s - 1) {
                Some(w) if namey(w, false) => s -= 1,
                Some(w) if s >= 2 && is_connector(w) && !w.form.eq_ignore_ascii_case("the") => {
                    if span.get(s - 2).is_some_and(|w| namey(w, false)) {
                        s -= 2;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        if label == Label::Per {
            while s + 1 < e && span.get(s).is_some_and(|w| is_title(w.form)) {
                s += 1;
            }
        }
        names.push((first + s, first + e, label));
    }
    names.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
    let mut tags = vec![BioTag::O; n];
    let mut taken = vec![false; n];
    for (s, e, label) in names {
        let Some(cells) = taken.get(s..e) else {
            continue;
        };
        if cells.iter().any(|&t| t) {
            continue;
        }
        for k in s..e {
            if let (Some(t), Some(c)) = (tags.get_mut(k), taken.get_mut(k)) {
                *t = if k == s {
                    BioTag::B(label)
                } else {
                    BioTag::I(label)
                };
                *c = true;
            }
        }
    }
    TrainSentence {
        tokens: words.iter().map(|w| w.form.to_owned()).collect(),
        tags,
        doc,
    }
}

/// The training and development sets.
#[derive(Clone, Debug, Default)]
pub struct TrainingData {
    /// What the model learns from.
    pub train: Vec<TrainSentence>,
    /// The development set, for choosing features and epochs (never learnt from).
    pub dev: Vec<TrainSentence>,
}

/// Nationality and group words: single tokens tagged OTH in at least two places and in at
/// least half of their occurrences in `sents` (lower case).
pub fn norp_lexicon(sents: &[TrainSentence]) -> HashMap<String, ()> {
    let mut oth: HashMap<String, (u32, u32)> = HashMap::new();
    for s in sents {
        for (i, (tok, tag)) in s.tokens.iter().zip(&s.tags).enumerate() {
            let single = matches!(tag, BioTag::B(Label::Misc))
                && !matches!(s.tags.get(i + 1), Some(BioTag::I(Label::Misc)));
            let e = oth.entry(tok.to_lowercase()).or_default();
            e.1 += 1;
            if single {
                e.0 += 1;
            }
        }
    }
    oth.into_iter()
        .filter(|(_, (o, all))| *o >= 2 && *o * 2 >= *all)
        .map(|(w, _)| (w, ()))
        .collect()
}

/// Tags as MISC the untagged tokens of `sents` found in `lexicon`, so that corpora that do not
/// annotate nationalities agree with those that do.
pub fn tag_norp(sents: &mut [TrainSentence], lexicon: &HashMap<String, ()>) {
    for s in sents {
        let mut prev_added = false;
        for (tok, tag) in s.tokens.iter().zip(s.tags.iter_mut()) {
            if *tag == BioTag::O && lexicon.contains_key(&tok.to_lowercase()) {
                *tag = if prev_added {
                    BioTag::I(Label::Misc)
                } else {
                    BioTag::B(Label::Misc)
                };
                prev_added = true;
            } else {
                prev_added = false;
            }
        }
    }
}

/// Reads the training data from `dir` (the layout of `../shared/train`): trains on
/// `uner-ewt-train.iob2`, `uner-pud-wiki.iob2` and every `gum/*.conllu`, with the nationality
/// words of EWT ([`norp_lexicon`]) tagged in the other two; develops on `uner-ewt-dev.iob2`.
/// Files are read in name order, so the result is the same on every run.
///
/// # Errors
/// [`NerError::Io`] for a missing file, [`NerError::Data`] for a malformed one.
pub fn load_training_dir(dir: &Path) -> Result<TrainingData, NerError> {
    let ewt = read_iob2(&dir.join("uner-ewt-train.iob2"))?;
    let dev = read_iob2(&dir.join("uner-ewt-dev.iob2"))?;
    let mut others = read_iob2(&dir.join("uner-pud-wiki.iob2"))?;
    let gum_dir = dir.join("gum");
    let mut gum_files: Vec<_> = std::fs::read_dir(&gum_dir)
        .map_err(|source| NerError::Io {
            path: gum_dir.display().to_string(),
            source,
        })?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    gum_files.sort();
    for f in &gum_files {
        others.extend(read_gum_conllu(f)?);
    }
    let lexicon = norp_lexicon(&ewt);
    tag_norp(&mut others, &lexicon);
    let mut train = ewt;
    train.extend(others);
    Ok(TrainingData { train, dev })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob2_quirks() {
        let text = "# newdoc id = a\n1\tMaria\tB-PER\t-\tx\n2\tOkafor\tI-PER\n3\t!\tB-O\n4\tX\tI-LOC\n\n1\tHi\tO\n";
        let s = parse_iob2(text, "t").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].doc, s[1].doc), (0, 0));
        let two = parse_iob2("# newdoc\n1\ta\tO\n\n# newdoc\n1\tb\tO\n", "t").unwrap();
        assert_eq!((two[0].doc, two[1].doc), (0, 1));
        assert_eq!(
            s[0].tags,
            vec![
                BioTag::B(Label::Per),
                BioTag::I(Label::Per),
                BioTag::O,
                BioTag::B(Label::Loc)
            ]
        );
        let err = parse_iob2("1\tx\n", "f.iob2").unwrap_err().to_string();
        assert!(err.contains("f.iob2") && err.contains('1'), "{err}");
        assert!(parse_iob2("1\tx\tB-FOO\n", "f").is_err());
    }

    #[test]
    fn gum_names() {
        // Invented sentence: "The mayor met General Ada Binti of the Lake Council in Port Vale ."
        let rows = [
            ("1", "The", "DET", "2", "Entity=(1-person-x-x-x-x-x"),
            ("2", "mayor", "NOUN", "3", "Entity=1)"),
            ("3", "met", "VERB", "0", "_"),
            ("4", "General", "PROPN", "3", "Entity=(2-person-x-x-x-x-x"),
            ("5", "Ada", "PROPN", "4", "_"),
            ("6", "Binti", "PROPN", "4", "_"),
            ("7", "of", "ADP", "10", "_"),
            ("8", "the", "DET", "10", "Entity=(3-organization-x-x-x-x-x"),
            ("9", "Lake", "PROPN", "10", "_"),
            ("10", "Council", "PROPN", "4", "Entity=3)2)"),
            ("11", "in", "ADP", "12", "_"),
            ("12", "Port", "PROPN", "3", "Entity=(4-place-x-x-x-x-x"),
            ("13", "Vale", "PROPN", "12", "Entity=4)"),
            ("14", ".", "PUNCT", "3", "Entity=(5-time-x-x-x-x-x)"),
        ];
        let mut text = String::from("# sent_id = x\n");
        for (id, form, upos, head, misc) in rows {
            text.push_str(&format!(
                "{id}\t{form}\t{form}\t{upos}\t_\t_\t{head}\tdep\t_\t{misc}\n"
            ));
        }
        let s = parse_gum_conllu(&text, "t").unwrap();
        let tags: Vec<String> = s[0].tags.iter().map(|t| t.to_string()).collect();
        assert_eq!(
            tags,
            [
                "O", "O", "O", "O", "B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "O", "B-LOC",
                "I-LOC", "O"
            ]
        );
    }

    #[test]
    fn norp_words_spread() {
        let ewt = parse_iob2(
            "1\tKenyan\tB-OTH\n\n1\tKenyan\tB-OTH\n\n1\tkenyan\tO\n",
            "t",
        )
        .unwrap();
        let lex = norp_lexicon(&ewt);
        assert!(lex.contains_key("kenyan"));
        let mut other = parse_iob2("1\tthe\tO\n2\tKenyan\tO\n3\tNairobi\tB-LOC\n", "t").unwrap();
        tag_norp(&mut other, &lex);
        assert_eq!(other[0].tags[1], BioTag::B(Label::Misc));
    }
}
