//! Resolving spans to entities through the mentions of the entity layer.

use newsgraph_doc::{ByteSpan, Doc, EntityId, EntityType, MentionKind};

/// One mention, flattened.
#[derive(Clone, Copy, Debug)]
struct M {
    span: ByteSpan,
    entity: u32,
    kind: MentionKind,
}

/// The mentions of a document, sorted by start, for overlap queries.
pub(crate) struct Mentions<'d> {
    doc: &'d Doc,
    items: Vec<M>,
}

impl<'d> Mentions<'d> {
    /// `None` when the document has no entity layer.
    pub fn new(doc: &'d Doc) -> Option<Self> {
        let ents = doc.entities.as_ref()?;
        let mut items = Vec::new();
        for (i, e) in ents.iter().enumerate() {
            for m in &e.mentions {
                if m.span.get(doc.text()).is_some() {
                    items.push(M {
                        span: m.span,
                        entity: i as u32,
                        kind: m.kind,
                    });
                }
            }
        }
        items.sort_by_key(|m| (m.span.start(), std::cmp::Reverse(m.span.end())));
        Some(Self { doc, items })
    }

    /// Mentions lying inside `span`.
    fn inside(&self, span: ByteSpan) -> impl Iterator<Item = &M> + '_ {
        let from = self
            .items
            .partition_point(|m| m.span.start() < span.start());
        self.items[from..]
            .iter()
            .take_while(move |m| m.span.start() < span.end())
            .filter(move |m| m.span.end() <= span.end())
    }

    /// The longest name mention that contains byte `at` and ends by `limit`: the whole name
    /// a source's head word belongs to ("… Centre in Exile" when the head found is "Centre").
    pub fn name_through(&self, at: usize, limit: usize) -> Option<ByteSpan> {
        let to = self.items.partition_point(|m| m.span.start() <= at);
        self.items[..to]
            .iter()
            .filter(|m| m.kind == MentionKind::Name && at < m.span.end() && m.span.end() <= limit)
            .map(|m| m.span)
            .max_by_key(|s| s.len())
    }

    /// The type of entity `id`.
    pub fn kind(&self, id: EntityId) -> Option<EntityType> {
        self.doc
            .entities
            .as_ref()
            .and_then(|es| es.get(id.index()))
            .map(|e| e.kind)
    }

    /// The entity a source phrase names: a pronoun's own entity; else the mention that ends
    /// at the phrase's head (`head_end`, a byte offset: "Iran’s supreme leader" is the leader,
    /// not Iran). A name that only modifies the head ("a Hamas official") is not the source,
    /// except when the head is a document (`document_head`: "U.N. figures" are the U.N.'s)
    /// or itself a name (`named_head`: part of a longer name).
    pub fn source(
        &self,
        span: ByteSpan,
        core: ByteSpan,
        head_end: usize,
        document_head: bool,
        named_head: bool,
        pronoun: bool,
    ) -> Option<EntityId> {
        if pronoun {
            return self
                .inside(span)
                .find(|m| m.kind == MentionKind::Pronoun)
                .map(|m| EntityId(m.entity));
        }
        let mut best: Option<(u8, usize, usize, u32)> = None;
        for m in self.inside(span) {
            if m.kind == MentionKind::Pronoun || m.kind == MentionKind::Demonym {
                continue;
            }
            let person = self.kind(EntityId(m.entity)) == Some(EntityType::Person);
            let in_core = core.contains(m.span);
            let at_head = m.span.end() == head_end;
            let rank = match (at_head, m.kind, in_core) {
                (true, MentionKind::Name, _) => 6,
                (true, MentionKind::Nominal, _) => 5,
                (_, MentionKind::Name, true) if person => 4,
                (_, MentionKind::Name, true) => 3,
                (_, MentionKind::Nominal, true) => 2,
                _ => 0,
            };
            let key = (rank, m.span.end(), m.span.len(), m.entity);
            if best.is_none_or(|b| (key.0, key.1, key.2) > (b.0, b.1, b.2)) {
                best = Some(key);
            }
        }
        let (rank, ..) = best?;
        if rank >= 5 || (document_head && rank >= 2) || (named_head && rank >= 3) {
            best.map(|b| EntityId(b.3))
        } else {
            None
        }
    }

    /// Organisations, places and groups mentioned in a source phrase, other than `except`.
    pub fn affiliations(&self, span: ByteSpan, except: Option<EntityId>) -> Vec<EntityId> {
        let mut out: Vec<EntityId> = Vec::new();
        for m in self.inside(span) {
            let id = EntityId(m.entity);
            if Some(id) == except || m.kind == MentionKind::Pronoun || out.contains(&id) {
                continue;
            }
            if matches!(
                self.kind(id),
                Some(EntityType::Org | EntityType::Gpe | EntityType::Norp | EntityType::Group)
            ) {
                out.push(id);
            }
        }
        out
    }

    /// The entity named by an addressee or outlet phrase.
    pub fn party(&self, span: ByteSpan) -> Option<EntityId> {
        let mut best: Option<(u8, usize, u32)> = None;
        for m in self.inside(span) {
            let rank = match m.kind {
                MentionKind::Name => 3,
                MentionKind::Nominal => 2,
                MentionKind::Demonym => 1,
                MentionKind::Pronoun => 2,
            };
            if best.is_none_or(|b| (rank, m.span.len()) > (b.0, b.1)) {
                best = Some((rank, m.span.len(), m.entity));
            }
        }
        best.map(|b| EntityId(b.2))
    }

    /// Whether entity `id` carries `title` (lower case) among its titles or mention texts,
    /// or its abbreviation ("general" → "Gen.").
    pub fn has_title(&self, id: EntityId, title: &str) -> bool {
        let Some(e) = self.doc.entities.as_ref().and_then(|es| es.get(id.index())) else {
            return false;
        };
        let abbrev = match title {
            "general" => Some("gen."),
            "colonel" => Some("col."),
            "major" => Some("maj."),
            "captain" => Some("capt."),
            "senator" => Some("sen."),
            "governor" => Some("gov."),
            "admiral" => Some("adm."),
            "professor" => Some("prof."),
            "doctor" => Some("dr."),
            _ => None,
        };
        let hit = |s: &str| {
            let l = s.to_lowercase();
            l.split(|c: char| !c.is_alphanumeric() && c != '.' && c != '-')
                .any(|w| w == title || abbrev.is_some_and(|a| w == a))
        };
        e.titles.iter().any(|t| hit(t))
            || e.mentions
                .iter()
                .filter(|m| m.kind != MentionKind::Pronoun)
                .any(|m| hit(self.doc.slice(m.span)))
    }
}
