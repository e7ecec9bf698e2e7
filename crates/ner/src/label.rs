//! Entity labels, BIO tags and the spans the tagger reports.

use std::fmt;

use newsgraph_doc::ByteSpan;

/// The kind of a named mention found by the tagger.
///
/// The tagger tells people, organisations and places apart; whether a place is a country or
/// city (GPE), a region or sea (LOC) or a building (FAC) is left to the knowledge base and
/// rules downstream.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// A person ("Maria Okafor"), without titles.
    Per,
    /// An organisation: companies, agencies, armed groups, parties, teams.
    Org,
    /// A place: countries, cities, regions, seas, landmarks.
    Loc,
    /// Other names: mostly nationalities and religious or political groups ("Iranian",
    /// "Shi'ite": NORP), also works, products and events (the OTH class of Universal NER's
    /// draft English-EWT).
    Misc,
}

impl Label {
    /// All labels, in tag order.
    pub const ALL: [Label; 4] = [Label::Per, Label::Org, Label::Loc, Label::Misc];

    /// The upper-case name: `PER`, `ORG`, `LOC` or `MISC`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
        }
    }

    /// The label named `name`: `PER`/`PERSON`, `ORG`, `LOC`/`GPE`/`FAC`, or
    /// `MISC`/`OTH`/`NORP` (case-insensitive).
    pub fn parse(name: &str) -> Option<Label> {
        let upper = name.to_ascii_uppercase();
        match upper.as_str() {
            "PER" | "PERSON" => Some(Label::Per),
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Some(Label::Org),
            "LOC" | "GPE" | "FAC" | "LOCATION" | "PLACE" => Some(Label::Loc),
            "MISC" | "OTH" | "NORP" => Some(Label::Misc),
            _ => None,
        }
    }

    fn index(self) -> usize {
        match self {
            Label::Per => 0,
            Label::Org => 1,
            Label::Loc => 2,
            Label::Misc => 3,
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A BIO tag of one token: outside any name, beginning a name, or inside (continuing) one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BioTag {
    /// Not part of a name.
    O,
    /// The first token of a name.
    B(Label),
    /// A later token of a name.
    I(Label),
}

/// The number of BIO tags: O plus B and I for each label.
pub(crate) const N_TAGS: usize = 1 + 2 * Label::ALL.len();

impl BioTag {
    /// The tag's index in the weight rows: 0 for O, then B and I for each label in turn.
    pub(crate) fn index(self) -> usize {
        match self {
            BioTag::O => 0,
            BioTag::B(l) => 1 + 2 * l.index(),
            BioTag::I(l) => 2 + 2 * l.index(),
        }
    }

    /// The tag with index `i` (O when out of range).
    pub(crate) fn from_index(i: usize) -> BioTag {
        if i == 0 || i >= N_TAGS {
            return BioTag::O;
        }
        let label = Label::ALL.get((i - 1) / 2).copied().unwrap_or(Label::Misc);
        if i % 2 == 1 {
            BioTag::B(label)
        } else {
            BioTag::I(label)
        }
    }

    /// The tag's label, if it is not O.
    pub fn label(self) -> Option<Label> {
        match self {
            BioTag::O => None,
            BioTag::B(l) | BioTag::I(l) => Some(l),
        }
    }

    /// Whether this tag may follow `prev` (`None` at the start of a sentence): I-X only after
    /// B-X or I-X.
    pub(crate) fn may_follow(self, prev: Option<BioTag>) -> bool {
        match self {
            BioTag::I(l) => matches!(prev, Some(BioTag::B(p) | BioTag::I(p)) if p == l),
            _ => true,
        }
    }
}

impl fmt::Display for BioTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BioTag::O => f.write_str("O"),
            BioTag::B(l) => write!(f, "B-{l}"),
            BioTag::I(l) => write!(f, "I-{l}"),
        }
    }
}

/// A named mention found in a text: where it is and what it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NamedSpan {
    /// The name, as a byte span of the text: no leading "the", no title, no possessive "'s".
    pub span: ByteSpan,
    /// What it names.
    pub label: Label,
}

/// Token ranges `[start, end)` of the names in a BIO sequence, with their labels. An I tag
/// that does not continue a name of its label starts a new one.
pub fn bio_spans(tags: &[BioTag]) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Label)> = None;
    for (i, t) in tags.iter().enumerate() {
        match *t {
            BioTag::O => {
                if let Some((s, l)) = open.take() {
                    out.push((s, i, l));
                }
            }
            BioTag::B(l) => {
                if let Some((s, pl)) = open.take() {
                    out.push((s, i, pl));
                }
                open = Some((i, l));
            }
            BioTag::I(l) => match open {
                Some((_, pl)) if pl == l => {}
                _ => {
                    if let Some((s, pl)) = open.take() {
                        out.push((s, i, pl));
                    }
                    open = Some((i, l));
                }
            },
        }
    }
    if let Some((s, l)) = open {
        out.push((s, tags.len(), l));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_indices_round_trip() {
        for i in 0..N_TAGS {
            assert_eq!(BioTag::from_index(i).index(), i);
        }
        assert_eq!(BioTag::from_index(99), BioTag::O);
    }

    #[test]
    fn spans_from_bio() {
        use BioTag::*;
        let tags = [
            B(Label::Per),
            I(Label::Per),
            O,
            I(Label::Loc),
            B(Label::Org),
            I(Label::Loc),
        ];
        assert_eq!(
            bio_spans(&tags),
            vec![
                (0, 2, Label::Per),
                (3, 4, Label::Loc),
                (4, 5, Label::Org),
                (5, 6, Label::Loc)
            ]
        );
    }

    #[test]
    fn labels_parse() {
        assert_eq!(Label::parse("oth"), Some(Label::Misc));
        assert_eq!(Label::parse("GPE"), Some(Label::Loc));
        assert_eq!(Label::parse("x"), None);
    }
}
