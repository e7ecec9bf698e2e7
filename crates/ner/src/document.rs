//! Document-level consistency: a name is one kind of thing throughout an article.
//!
//! After each sentence has been decoded on its own, the names found in the whole document
//! vote:
//!
//! 1. Names with the same words (case ignored) take the label most of their occurrences got
//!    ("Okafor" tagged PER twice and ORG once becomes PER everywhere), the last word of a
//!    person's name of two words or more counting as a person; a tie keeps each occurrence's
//!    own label.
//! 2. Capitalised words left untagged that repeat a name found elsewhere in the document are
//!    tagged with its label: the whole name, or the last word of a person's name of two words
//!    or more ("Maria Okafor … Okafor said"). The match must stand alone: no capitalised
//!    untagged word right before it (other than the sentence's first word or a title such as
//!    "Mr.") or right after it, and a one-word match must not be a word mostly written in lower
//!    case.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::hash::{fx, KeyHasher};
use crate::label::{bio_spans, BioTag, Label};
use crate::lexicon::Lexicon;
use crate::rules::is_title;

/// The longest name (in tokens) that is propagated.
const MAX_NAME: usize = 6;

fn label_index(l: Label) -> usize {
    Label::ALL.iter().position(|x| *x == l).unwrap_or(0)
}

fn capitalised(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}

/// Reusable buffers of the document pass.
#[derive(Debug, Default)]
pub(crate) struct DocPass {
    votes: HashMap<u64, [u32; 4], BuildHasherDefault<KeyHasher>>,
    spans: Vec<(usize, usize, Label)>,
}

impl DocPass {
    /// Harmonises `tags` (one per token of `tokens`, whose form hashes are `forms`) over the
    /// sentences `sents` (token ranges, in order, not overlapping).
    pub(crate) fn run(
        &mut self,
        tokens: &[&str],
        forms: &[u64],
        sents: &[(usize, usize)],
        tags: &mut [BioTag],
        lex: &Lexicon,
    ) {
        self.votes.clear();
        self.spans.clear();
        for &(s, e) in sents {
            let Some(st) = tags.get(s..e) else { continue };
            self.spans
                .extend(bio_spans(st).into_iter().map(|(a, b, l)| (a + s, b + s, l)));
        }
        if self.spans.is_empty() {
            return;
        }
        let key = |forms: &[u64]| forms.iter().fold(0x5eed_u64, |h, &f| fx(h, f));
        for &(s, e, l) in &self.spans {
            let Some(f) = forms.get(s..e) else {
                continue;
            };
            if e - s > MAX_NAME {
                continue;
            }
            if let Some(v) = self
                .votes
                .entry(key(f))
                .or_default()
                .get_mut(label_index(l))
            {
                *v += 1;
            }
        }
        // The last word of a person's name votes for a person.
        for &(s, e, l) in &self.spans {
            if l == Label::Per && e - s >= 2 {
                if let Some(&last) = forms.get(e - 1) {
                    let k = key(&[last]);
                    if let Some(v) = self.votes.entry(k).or_default().get_mut(0) {
                        *v += 1;
                    }
                }
            }
        }
        // 1. Majority labels.
        for &(s, e, l) in &self.spans {
            let Some(f) = forms.get(s..e) else {
                continue;
            };
            let Some(v) = self.votes.get(&key(f)) else {
                continue;
            };
            let own = v.get(label_index(l)).copied().unwrap_or(0);
            let (best, count) = v
                .iter()
                .enumerate()
                .max_by_key(|&(i, c)| (*c, std::cmp::Reverse(i)))
                .map_or((0, 0), |(i, c)| (i, *c));
            if count > own {
                let label = Label::ALL.get(best).copied().unwrap_or(l);
                set(tags, s, e, label);
            }
        }
        // 2. Propagation to untagged repeats.
        for &(s, e) in sents {
            let mut i = s;
            while i < e {
                let mut matched = 0;
                let free = |j: usize| tags.get(j).is_some_and(|t| *t == BioTag::O);
                let cap_free = |j: usize| free(j) && tokens.get(j).is_some_and(|t| capitalised(t));
                if cap_free(i) {
                    let before_ok = i == s
                        || !cap_free(i - 1)
                        || (i - 1 == s)
                        || tokens.get(i - 1).is_some_and(|t| is_title(t));
                    if before_ok {
                        for len in (1..=MAX_NAME.min(e - i)).rev() {
                            if !(i..i + len).all(cap_free) || (i + len < e && cap_free(i + len)) {
                                continue;
                            }
                            if len == 1 && forms.get(i).is_none_or(|&f| lex.is_lower(f)) {
                                continue;
                            }
                            let Some(f) = forms.get(i..i + len) else {
                                continue;
                            };
                            let Some(v) = self.votes.get(&key(f)) else {
                                continue;
                            };
                            let (best, count) = v
                                .iter()
                                .enumerate()
                                .max_by_key(|&(i, c)| (*c, std::cmp::Reverse(i)))
                                .map_or((0, 0), |(i, c)| (i, *c));
                            if count == 0 {
                                continue;
                            }
                            if let Some(&label) = Label::ALL.get(best) {
                                set(tags, i, i + len, label);
                                matched = len;
                                break;
                            }
                        }
                    }
                }
                i += matched.max(1);
            }
        }
    }
}

fn set(tags: &mut [BioTag], s: usize, e: usize, label: Label) {
    for k in s..e {
        if let Some(t) = tags.get_mut(k) {
            *t = if k == s {
                BioTag::B(label)
            } else {
                BioTag::I(label)
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(sents: &[&[&str]], tags: &mut [BioTag]) {
        let mut tokens = Vec::new();
        let mut bounds = Vec::new();
        for s in sents {
            bounds.push((tokens.len(), tokens.len() + s.len()));
            tokens.extend_from_slice(s);
        }
        let mut ex = crate::features::Extractor::default();
        let forms: Vec<u64> = tokens.iter().map(|t| ex.form_case(t).0).collect();
        let lex = Lexicon::from_forms(12, [ex.form_case("will").0]);
        DocPass::default().run(&tokens, &forms, &bounds, tags, &lex);
    }

    #[test]
    fn majority_and_propagation() {
        use BioTag::*;
        let (p, o) = (Label::Per, Label::Org);
        let s1: &[&str] = &["Maria", "Okafor", "spoke", "."];
        let s2: &[&str] = &["Okafor", "said", "Will", "Quell", "agreed", "."];
        let s3: &[&str] = &["Then", "Okafor", "left", "with", "Jon", "Okafor", "."];
        let mut tags = vec![
            B(p),
            I(p),
            O,
            O, //
            B(o),
            O,
            O,
            O,
            O,
            O, //
            O,
            B(p),
            O,
            O,
            O,
            O,
            O,
        ];
        run(&[s1, s2, s3], &mut tags);
        // "Okafor" tagged ORG once and PER (alone or as a surname) more often: PER; "Jon Okafor"
        // is not split; "Will" is a lower-case word.
        assert_eq!(&tags[4..6], &[B(p), O]);
        assert_eq!(&tags[6..8], &[O, O]);
        assert_eq!(&tags[14..16], &[O, O]);
    }

    #[test]
    fn empty_input() {
        let mut tags = Vec::new();
        run(&[], &mut tags);
        assert!(tags.is_empty());
    }
}
