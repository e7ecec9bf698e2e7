//! Actors: the entities or descriptor phrases that fill an event's source and target, read
//! from noun phrases (subjects, objects, possessors, light-verb subjects), with compounds,
//! pronouns, definite descriptions and speakers of reported speech.

use newsgraph_doc::{Actor, ByteSpan, EntityId, EntityType, EventType, TokenKind};

use crate::triggers::is_light_verb;
use crate::{chunk, roles, word, Ment, Word};

pub(crate) fn dedup(v: &mut Vec<EntityId>) {
    let mut seen = Vec::new();
    v.retain(|e| {
        if seen.contains(e) {
            false
        } else {
            seen.push(*e);
            true
        }
    });
}

/// Words strictly between two byte offsets.
fn between<'w>(words: &'w [Word], a: usize, b: usize) -> impl Iterator<Item = &'w Word<'w>> {
    words
        .iter()
        .filter(move |w| w.span.start() >= a && w.span.end() <= b)
}

fn joins(words: &[Word], a: usize, b: usize) -> bool {
    let gap: Vec<&str> = between(words, a, b).map(|w| w.low.as_str()).collect();
    matches!(gap.as_slice(), ["and"] | [","] | [",", "and"])
}

/// "ordered the troops to leave the country, and France withdrew": a mention that is the
/// object of a verb, before ", and", ends a clause rather than a list.
fn ends_clause(words: &[Word], m: &Ment, next: usize) -> bool {
    let comma_and = between(words, m.span.end(), next).count() == 2;
    if !comma_and {
        return false;
    }
    let k = words.partition_point(|w| w.span.start() < m.span.start());
    let mut j = k;
    while j > 0
        && words
            .get(j - 1)
            .is_some_and(|w| crate::chunk::is_det_word(&w.low))
    {
        j -= 1;
    }
    j > 0
        && words.get(j - 1).is_some_and(|w| {
            w.kind == newsgraph_doc::TokenKind::Word
                && w.raw.starts_with(char::is_lowercase)
                && !crate::chunk::is_stop_word(&w.low)
                && w.low != "and"
        })
}

/// The last actor of `ms` and those joined to it by "and" or commas.
pub(crate) fn group_back(
    words: &[Word],
    ms: &[&Ment],
    head_ok: &dyn Fn(&Ment) -> bool,
) -> Vec<EntityId> {
    let mut out = Vec::new();
    let Some(h) = ms.iter().rposition(|m| head_ok(m)) else {
        return out;
    };
    let ms = ms.get(..=h).unwrap_or(&[]);
    let Some(last) = ms.last() else { return out };
    out.push(last.entity);
    let mut cur = **last;
    for m in ms.iter().rev().skip(1) {
        if m.span.end() <= cur.span.start()
            && joins(words, m.span.end(), cur.span.start())
            && !ends_clause(words, m, cur.span.start())
        {
            out.push(m.entity);
            cur = **m;
        } else if m.span.end() > cur.span.start() {
            continue;
        } else {
            break;
        }
    }
    out.reverse();
    out
}

/// The first actor of `ms` and those joined to it.
pub(crate) fn group_fwd(
    words: &[Word],
    ms: &[&Ment],
    head_ok: &dyn Fn(&Ment) -> bool,
) -> Vec<EntityId> {
    let mut out = Vec::new();
    let Some(h) = ms.iter().position(|m| head_ok(m)) else {
        return out;
    };
    let ms = ms.get(h..).unwrap_or(&[]);
    let Some(first) = ms.first() else {
        return out;
    };
    out.push(first.entity);
    let mut cur = **first;
    for m in ms.iter().skip(1) {
        if m.span.start() >= cur.span.end() && joins(words, cur.span.end(), m.span.start()) {
            out.push(m.entity);
            cur = **m;
        } else if m.span.start() < cur.span.end() {
            continue;
        } else {
            break;
        }
    }
    out
}

/// True when a description's head ("the union") and a word of a name ("Dockworkers'
/// Federation") name the same kind of body.
fn same_kind_of_body(head: &str, name_word: &str) -> bool {
    const FAMILIES: &[&[&str]] = &[
        &[
            "union",
            "federation",
            "association",
            "confederation",
            "syndicate",
        ],
        &[
            "company",
            "firm",
            "corp",
            "corporation",
            "inc",
            "ltd",
            "plc",
            "group",
            "operator",
        ],
        &["party", "alliance", "front", "movement", "coalition"],
        &[
            "bloc",
            "alliance",
            "organization",
            "organisation",
            "community",
            "union",
            "treaty",
            "pact",
            "coalition",
        ],
        &["ministry", "department"],
        &["militia", "brigade", "army", "front", "group"],
        &["charity", "foundation", "trust"],
    ];
    let w = name_word.to_ascii_lowercase();
    let head = head.strip_suffix('s').unwrap_or(head);
    FAMILIES
        .iter()
        .any(|f| f.contains(&head) && f.contains(&w.as_str()))
}

/// The roles a noun trigger finds around it.
#[derive(Default)]
pub(crate) struct Nominal {
    /// Its agent.
    pub(crate) source: Option<Vec<Actor>>,
    /// The indirect object of its light verb ("lend the group support").
    pub(crate) recipient: Option<Vec<Actor>>,
}

/// What the role finder reads: the sentence's words and mentions around one trigger.
pub(crate) struct Roles<'r, 'w> {
    pub(crate) words: &'r [Word<'w>],
    pub(crate) sments: &'r [Ment],
    pub(crate) quotes: &'r [newsgraph_doc::Quote],
    pub(crate) trig: ByteSpan,
    pub(crate) before: &'r [&'r Ment],
    pub(crate) after: &'r [&'r Ment],
    pub(crate) head_ok: &'r dyn Fn(&Ment) -> bool,
    /// Every mention of the document, in text order.
    pub(crate) all: &'r [Ment],
    /// The document's entities.
    pub(crate) ents: &'r [newsgraph_doc::Entity],
}

impl Roles<'_, '_> {
    /// The actors a noun phrase names: the entity whose mention covers its head (with the
    /// actors joined to it by "and"), else the phrase itself when its head is a noun for
    /// people or organisations.
    pub(crate) fn np_actors(&self, np: chunk::Np, subject: bool) -> Option<Vec<Actor>> {
        let words = self.words;
        let head = words.get(np.head)?;
        let covering = self.sments.iter().rfind(|m| m.span.overlaps(head.span));
        // A bare group noun the entity layer named ("fighters") inside a longer description
        // ("Highland fighters"): the description says more.
        let bare_group = covering.is_some_and(|m| {
            let first = words
                .get(np.start..np.head)
                .and_then(|ws| ws.iter().position(|w| !chunk::is_det_word(&w.low)))
                .map(|k| np.start + k);
            self.ents
                .get(m.entity.index())
                .is_some_and(|e| e.kind == EntityType::Group)
                && first
                    .and_then(|k| words.get(k))
                    .is_some_and(|w| w.span.start() < m.span.start() && w.kind == TokenKind::Word)
                && chunk::is_actor_noun(&head.low)
        });
        // "its fighters", "their members": a bare group noun owned by a pronoun stands for
        // the owner, found below.
        let owned_group = covering.is_some_and(|m| {
            self.ents
                .get(m.entity.index())
                .is_some_and(|e| e.kind == EntityType::Group)
                && matches!(word(words, np.start), "its" | "their")
                && np.head == np.start + 1
        });
        // "gunmen from the Red Hand Front", "fighters of the group": a bare group noun
        // followed by the body it belongs to stands for that body.
        if let Some(m) = covering {
            let generic = self
                .ents
                .get(m.entity.index())
                .is_some_and(|e| e.kind == EntityType::Group)
                && chunk::is_actor_noun(&head.low);
            let prep = np.head + 1;
            if generic && matches!(word(words, prep), "from" | "of") {
                let lo = words.get(prep)?.span.end();
                let hi = words
                    .get((prep + 7).min(words.len().saturating_sub(1)))
                    .map(|w| w.span.end())
                    .unwrap_or(lo);
                let body = self.sments.iter().find(|b| {
                    b.span.start() >= lo
                        && b.span.end() <= hi
                        && self.ents.get(b.entity.index()).is_some_and(|e| {
                            matches!(e.kind, EntityType::Org)
                                || (e.kind == EntityType::Group && e.name.contains(' '))
                        })
                        && words
                            .iter()
                            .filter(|w| w.span.start() >= lo && w.span.end() <= b.span.start())
                            .all(|w| chunk::is_det_word(&w.low))
                });
                if let Some(b) = body {
                    return Some(vec![Actor::Entity(b.entity)]);
                }
            }
        }
        if let Some(m) = covering.filter(|_| !bare_group && !owned_group) {
            if !m.actor {
                return None;
            }
            let group = if subject {
                let upto: Vec<&Ment> = self
                    .before
                    .iter()
                    .copied()
                    .filter(|x| x.span.end() <= m.span.end())
                    .collect();
                group_back(words, &upto, self.head_ok)
            } else {
                let from: Vec<&Ment> = self
                    .after
                    .iter()
                    .copied()
                    .filter(|x| x.span.start() >= m.span.start())
                    .collect();
                group_fwd(words, &from, self.head_ok)
            };
            let mut ids = if group.contains(&m.entity) {
                group
            } else {
                vec![m.entity]
            };
            dedup(&mut ids);
            return Some(ids.into_iter().map(Actor::Entity).collect());
        }
        // "pressed Varga to tighten policy": a surname alone, which the entity layer left
        // unlinked, names the person of the article who bears it.
        if covering.is_none()
            && np.start == np.head
            && head.kind == TokenKind::Word
            && head.raw.starts_with(char::is_uppercase)
            && head.raw.len() > 2
        {
            let person = self.ents.iter().position(|e| {
                e.kind == EntityType::Person
                    && e.name.contains(' ')
                    && e.name
                        .rsplit(' ')
                        .next()
                        .is_some_and(|last| last == head.raw)
                    && e.mentions.iter().any(|m| m.span.end() <= head.span.start())
            });
            if let Some(k) = person.and_then(|k| u32::try_from(k).ok()) {
                return Some(vec![Actor::Entity(EntityId(k))]);
            }
        }
        // "his country", "our government" inside reported speech: the speaker's country.
        if matches!(
            word(words, np.start),
            "his" | "her" | "its" | "their" | "our"
        ) && np.head == np.start + 1
            && matches!(head.low.as_str(), "country" | "government" | "nation")
        {
            let det = words.get(np.start)?.span;
            if let Some(a) = self
                .quotes
                .iter()
                .find(|q| q.content.contains(det) && q.content.contains(self.trig))
                .and_then(|q| q.source.affiliations.first())
            {
                return Some(vec![Actor::Entity(*a)]);
            }
        }
        // "Norland's foreign ministry", "the Sudrian army": the country or body inside.
        if chunk::is_organ_noun(&head.low) {
            let lo = words.get(np.start)?.span.start();
            if let Some(m) = self
                .sments
                .iter()
                .rfind(|m| m.actor && m.span.start() >= lo && m.span.end() <= head.span.start())
            {
                return Some(vec![Actor::Entity(m.entity)]);
            }
        }
        // "three Palestinians", "200 Rohingya": a counted group of people named by origin.
        let counted = np.head > np.start
            && head.raw.starts_with(char::is_uppercase)
            && words.get(np.start).is_some_and(|w| {
                w.kind == TokenKind::Number
                    || crate::number_word(&w.low).is_some_and(|n| n > 1)
                    || matches!(
                        w.low.as_str(),
                        "dozens" | "hundreds" | "thousands" | "several"
                    )
            });
        // "nine of those held": part of a group named before.
        let partitive = word(words, np.head + 1) == "of"
            && matches!(word(words, np.head + 2), "those" | "them");
        // "the body might expel Norland": the organisation named last.
        if word(words, np.start) == "the"
            && np.head == np.start + 1
            && matches!(
                head.low.as_str(),
                "body" | "organisation" | "organization" | "institution"
            )
        {
            if let Some(e) = self.antecedent(&head.low) {
                return Some(vec![Actor::Entity(e)]);
            }
        }
        // "struck targets in southern Sudria", "shelled positions across the north": a
        // generic military object with no owner named stands for the place it lies in.
        if !subject
            && np.head + 1 == np.end
            && (np.start..np.head).all(|k| {
                !matches!(
                    word(words, k),
                    "its" | "their" | "his" | "her" | "our" | "'s" | "'"
                )
            })
            && matches!(
                head.low.as_str(),
                "targets"
                    | "positions"
                    | "sites"
                    | "areas"
                    | "facilities"
                    | "installations"
                    | "infrastructure"
                    | "strongholds"
                    | "hideouts"
                    | "camps"
                    | "depots"
                    | "bases"
            )
            && matches!(
                word(words, np.end),
                "in" | "across" | "inside" | "throughout" | "near"
            )
        {
            let lo = words.get(np.start)?.span.start();
            let owned = self
                .sments
                .iter()
                .any(|m| m.span.start() >= lo && m.span.end() <= head.span.start());
            let from = words.get(np.end)?.span.end();
            let to = words
                .get((np.end + 5).min(words.len().saturating_sub(1)))
                .map(|w| w.span.end())
                .unwrap_or(from);
            if let Some(m) = self
                .sments
                .iter()
                .find(|m| m.place && m.span.start() >= from && m.span.end() <= to && !owned)
            {
                return Some(vec![Actor::Entity(m.entity)]);
            }
        }
        // "any trader who sells the goods", "those who resist": a relative clause with "who"
        // makes a generic description of people, whatever its head noun.
        let generic_who = !subject
            && matches!(
                word(words, np.start),
                "any" | "every" | "anyone" | "those" | "all"
            )
            && word(words, np.end) == "who";
        if !counted && !partitive && !generic_who && !chunk::is_actor_noun(&head.low) {
            if !subject {
                // "condemned the Sudrian sanctions", "the Norlandic strikes on Tarso": the
                // country whose adjective qualifies the act.
                let lo = words.get(np.start)?.span.start();
                if let Some(m) = self.sments.iter().find(|m| {
                    m.actor
                        && m.span.start() >= lo
                        && m.span.end() <= head.span.start()
                        && self.ents.get(m.entity.index()).is_some_and(|e| {
                            e.kind == EntityType::Gpe
                                && e.mentions.iter().any(|x| {
                                    x.span == m.span
                                        && x.kind == newsgraph_doc::MentionKind::Demonym
                                })
                        })
                }) {
                    return Some(vec![Actor::Entity(m.entity)]);
                }
                // "rejected the appeal by the former minister": the act's agent.
                if word(words, np.end) == "by" {
                    if let Some(t) =
                        chunk::np_forward(words, np.end + 1).and_then(|n| self.np_actors(n, false))
                    {
                        return Some(t);
                    }
                }
                // "praised the ruling of the tribunal": the body whose act it is.
                if let Some(of) = (np.head + 1..np.end).find(|&k| word(words, k) == "of") {
                    if let Some(t) = chunk::np_forward(words, of + 1)
                        .filter(|n| n.end <= np.end)
                        .and_then(|n| self.np_actors(n, false))
                    {
                        return Some(t);
                    }
                }
            }
            // "welcomed Norland's decision": the decision's owner.
            if !subject {
                let poss = (np.start..np.head).find(|&k| matches!(word(words, k + 1), "'s" | "'"));
                if let Some(m) = poss.and_then(|k| {
                    let w = words.get(k)?;
                    self.sments
                        .iter()
                        .find(|m| m.actor && m.span.overlaps(w.span))
                }) {
                    return Some(vec![Actor::Entity(m.entity)]);
                }
                // "backed the fund's plan": the body the description refers back to.
                if let Some(k) =
                    poss.filter(|&k| k == np.start + 1 && word(words, np.start) == "the")
                {
                    if let Some(e) = self.antecedent(word(words, k)) {
                        return Some(vec![Actor::Entity(e)]);
                    }
                }
            }
            return None;
        }
        // "both sides", "the two governments": the last two parties named (also as a subject:
        // "the two neighbours began talks").
        if (word(words, np.start) == "both"
            || (word(words, np.start) == "the" && word(words, np.start + 1) == "two"))
            && matches!(
                head.low.as_str(),
                "sides"
                    | "governments"
                    | "countries"
                    | "parties"
                    | "neighbours"
                    | "neighbors"
                    | "nations"
                    | "states"
            )
        {
            let mut two: Vec<EntityId> = Vec::new();
            let limit = self.trig.start().saturating_sub(1200);
            // Parties named before this clause (its own subject is no "side"); in an opening
            // sentence, those named before the phrase ("Norland and Sudria exchanged fire, the
            // first incident involving the two neighbours").
            let here = words.first().map(|w| w.span.start()).unwrap_or(0);
            let at = words.get(np.start).map(|w| w.span.start()).unwrap_or(here);
            for bound in [here, at] {
                two.clear();
                for m in self.all.iter().rev() {
                    if m.span.end() > bound {
                        continue;
                    }
                    if m.span.start() < limit {
                        break;
                    }
                    let party = self.ents.get(m.entity.index()).is_some_and(|e| {
                        e.kind == EntityType::Gpe
                            && e.kb.as_ref().is_some_and(|k| !k.id.contains('/'))
                    });
                    if party && !two.contains(&m.entity) {
                        two.push(m.entity);
                        if two.len() == 2 {
                            return Some(two.into_iter().map(Actor::Entity).collect());
                        }
                    }
                }
            }
        }
        // "the union", "the group": the last organisation named before whose name holds the
        // head noun (or, for "the group", the last armed or civic group).
        if matches!(
            word(words, np.start),
            "the" | "its" | "their" | "his" | "her" | "our"
        ) && np.head <= np.start + 2
        {
            if let Some(e) = self.antecedent(&head.low) {
                return Some(vec![Actor::Entity(e)]);
            }
        }
        // "its teams", "their fighters": the owner named by the pronoun, or inside
        // reported speech the speaker.
        if matches!(word(words, np.start), "its" | "their" | "our") && np.head == np.start + 1 {
            let det = words.get(np.start)?.span;
            if let Some(m) = self.sments.iter().find(|m| m.actor && m.span.overlaps(det)) {
                return Some(vec![Actor::Entity(m.entity)]);
            }
            if let Some(q) = self
                .quotes
                .iter()
                .find(|q| q.content.contains(det) && q.content.contains(self.trig))
            {
                // "the ministry said … on its positions": a state's positions and troops are
                // the country's.
                let body = q
                    .source
                    .affiliations
                    .first()
                    .copied()
                    .filter(|_| chunk::is_organ_noun(&head.low));
                if let Some(e) = body.or(q.source.party.entity) {
                    return Some(vec![Actor::Entity(e)]);
                }
            }
        }
        // "The Front said its fighters …", "the Fund, whose staff visited …": the nearest
        // organisation or country named before the owner word in the sentence.
        let owner_at = if np.start > 0 && word(words, np.start - 1) == "whose" {
            Some(np.start - 1)
        } else if subject
            && matches!(word(words, np.start), "its" | "their" | "whose")
            && np.head == np.start + 1
        {
            Some(np.start)
        } else {
            None
        };
        if let Some(det) = owner_at.and_then(|k| words.get(k)).map(|w| w.span) {
            let owner = self.sments.iter().rev().find(|m| {
                m.actor
                    && m.span.end() <= det.start()
                    && det.start() - m.span.end() < 200
                    && self.ents.get(m.entity.index()).is_some_and(|e| {
                        matches!(
                            e.kind,
                            EntityType::Org | EntityType::Group | EntityType::Gpe
                        )
                    })
            });
            if let Some(m) = owner {
                return Some(vec![Actor::Entity(m.entity)]);
            }
        }
        // "recalled its ambassador": an object the subject owns is not its target ("met his
        // Sudrian counterpart" is).
        if !subject
            && matches!(word(words, np.start), "its" | "their" | "his" | "her")
            && !matches!(head.low.as_str(), "counterpart" | "counterparts")
        {
            return None;
        }
        let mut start = np.start;
        while start < np.head
            && matches!(
                word(words, start),
                "its" | "their" | "his" | "her" | "our" | "my" | "your"
            )
        {
            start += 1;
        }
        let first = words.get(start)?.span;
        let mut end = np.end;
        // "a chemist at Orvane Holdings", "porters at the city's old market": one place or
        // employer phrase belongs to the description.
        // ("met the president of Sudria in Tarso", "kidnapped three aid workers in Sudria":
        // a place after "in" or "at" is where the event happened.)
        let place_after = matches!(word(words, end), "in" | "at")
            && words.get(end + 1).is_some_and(|w| {
                self.sments
                    .iter()
                    .any(|m| m.place && m.span.start() == w.span.start())
            });
        if matches!(word(words, end), "at" | "from" | "in" | "of" | "with")
            && !place_after
            && words
                .get(end + 1)
                .is_some_and(|w| w.raw.starts_with(char::is_uppercase))
        {
            if let Some(pp) = chunk::np_forward(words, end + 1).filter(|pp| {
                pp.end <= end + 6
                    && words.get(pp.start..pp.end).is_some_and(|ws| {
                        ws.iter().all(|w| {
                            w.raw.starts_with(char::is_uppercase) || w.kind == TokenKind::Punct
                        })
                    })
                    && !matches!(word(words, pp.end), "'s" | "'")
            }) {
                end = pp.end;
            }
        }
        // "hundreds of miners and teachers": joined plural nouns name one group.
        if word(words, end) == "and"
            && words.get(end + 1).is_some_and(|w| {
                w.raw.starts_with(char::is_lowercase) && chunk::is_actor_noun(&w.low)
            })
            && !matches!(word(words, end + 2), "'s" | "'")
        {
            end += 2;
        }
        // "any official who cooperates with the auditors": a generic description is
        // named with its relative clause.
        if !subject
            && matches!(
                word(words, np.start),
                "any" | "every" | "anyone" | "those" | "all"
            )
            && word(words, end) == "who"
        {
            let lim = (end + 9).min(words.len());
            end = (end + 2..lim)
                .find(|&j| {
                    words.get(j).is_some_and(|w| {
                        !matches!(w.kind, TokenKind::Word | TokenKind::Number)
                            || matches!(
                                w.low.as_str(),
                                "will"
                                    | "would"
                                    | "could"
                                    | "can"
                                    | "may"
                                    | "might"
                                    | "must"
                                    | "should"
                                    | "shall"
                                    | "is"
                                    | "are"
                                    | "was"
                                    | "were"
                                    | "has"
                                    | "have"
                                    | "had"
                                    | "said"
                            )
                    })
                })
                .unwrap_or(lim);
        }
        let last = words.get(end.checked_sub(1)?)?.span;
        let phrase = Actor::Phrase(first.cover(last));
        // "Norland's president", "Sudrian unions": the country or body the description
        // names before its head acts beside it.
        let head_start = head.span.start();
        let possessor = |m: &Ment| {
            let k = words.partition_point(|w| w.span.start() < m.span.end());
            matches!(word(words, k), "'s" | "'")
                || words
                    .get(k.saturating_sub(1))
                    .is_some_and(|w| w.low.ends_with("'s") && w.span.end() >= m.span.end())
        };
        let owner = self.sments.iter().find(|m| {
            m.actor
                && (!m.minor_place || possessor(m))
                && m.span.start() >= first.start()
                && m.span.end() <= head_start
                && !self
                    .ents
                    .get(m.entity.index())
                    .is_some_and(|e| e.kind == EntityType::Group)
        });
        match owner {
            Some(m) => Some(vec![phrase, Actor::Entity(m.entity)]),
            None => Some(vec![phrase]),
        }
    }

    /// The agent of a noun trigger at word `i`: a possessor ("Norland's attack", "its
    /// offensive"), an actor right before it ("Sudrian airstrikes"), or the subject of a
    /// light verb governing it ("Norland launched an attack").
    pub(crate) fn nominal_source(&self, i: usize, lo: usize, kind: EventType) -> Nominal {
        let words = self.words;
        // "Drest's release", "the journalist's arrest": the possessor is who it befell.
        // "Norland's crackdown on students": a patient after "on" or "against" leaves the
        // possessor the agent ("on charges of" names no patient).
        let patient_after = matches!(word(words, i + 1), "on" | "against")
            && !matches!(
                word(words, i + 2),
                "charges" | "suspicion" | "accusations" | "allegations" | "grounds"
            );
        let patient_first =
            matches!(kind, EventType::Retreat | EventType::Coerce) && !patient_after;
        // A town names where, not who ("the Tulsa rally").
        let mention_at = |k: usize| -> Option<&Ment> {
            let w = words.get(k)?;
            self.sments
                .iter()
                .find(|m| m.actor && !m.minor_place && m.span.overlaps(w.span))
        };
        let none = Nominal::default();
        let one = |m: Option<&Ment>| Nominal {
            source: m.map(|m| vec![Actor::Entity(m.entity)]),
            recipient: None,
        };
        // Modifiers between the determiner and the noun: adjectives, dates, numbers.
        let mut k = i;
        let mut steps = 0;
        while k > lo && steps < 6 {
            let w = word(words, k - 1);
            if let Some(m) = mention_at(k - 1) {
                if patient_first {
                    return none;
                }
                return one(Some(m));
            }
            if matches!(w, "'s" | "'") && k >= 2 {
                if patient_first {
                    return none;
                }
                return one(mention_at(k - 2));
            }
            if is_light_verb(w) || (w.ends_with("ed") && steps > 0) {
                break;
            }
            // "five rounds of talks", "three days of drills", "at least two strikes".
            if k >= 2
                && ((w == "of"
                    && matches!(
                        word(words, k - 2),
                        "round"
                            | "rounds"
                            | "series"
                            | "wave"
                            | "waves"
                            | "days"
                            | "weeks"
                            | "months"
                            | "spate"
                            | "string"
                            | "number"
                            | "day"
                            | "week"
                    ))
                    || (w == "least" && word(words, k - 2) == "at"))
            {
                k -= 2;
                steps += 1;
                continue;
            }
            // "full and lasting support".
            let link = steps > 0 && matches!(w, "and" | ",");
            let modifier = link
                || words.get(k - 1).is_some_and(|x| {
                    x.kind == TokenKind::Number
                        || (x.kind == TokenKind::Word
                            && !chunk::is_stop_word(&x.low)
                            && !chunk::is_det_word(&x.low))
                        || x.low == "."
                });
            if !modifier {
                break;
            }
            k -= 1;
            steps += 1;
        }
        // A determiner: "its attack" names its agent through the pronoun.
        if k > lo && matches!(word(words, k - 1), "its" | "their" | "his" | "her") {
            if let Some(m) = mention_at(k - 1) {
                return one(Some(m));
            }
        }
        let indefinite = k > lo && matches!(word(words, k - 1), "a" | "an");
        while k > lo && chunk::is_det_word(word(words, k - 1)) {
            k -= 1;
        }
        // "engaged in fierce fighting", "carried out strikes", "held talks"; "called a
        // strike" but not "called the arrest …".
        if k > lo && word(words, k - 1).starts_with("call") && !indefinite && k != i {
            return none;
        }
        let mut v = k;
        if v > lo && matches!(word(words, v - 1), "in" | "out" | "up" | "on") {
            v -= 1;
        }
        // "lend the group its support", "gave Sudria their backing": the light verb sits
        // before an indirect object.
        let mut recipient = None;
        if v > lo && !is_light_verb(word(words, v - 1)) {
            if let Some(lv) = (v.saturating_sub(5).max(lo)..v)
                .rev()
                .find(|&j| is_light_verb(word(words, j)))
            {
                if let Some(n) = chunk::np_forward(words, lv + 1).filter(|n| n.end == v) {
                    recipient = self.np_actors(n, false);
                    v = lv + 1;
                }
            }
        }
        if v > lo && is_light_verb(word(words, v - 1)) {
            // "offered to host talks": the offer is the event.
            if v >= 3 && word(words, v - 2) == "to" && roles::is_intent_trigger(word(words, v - 3))
            {
                return none;
            }
            let g = roles::verb_group_start(words, v - 1, lo);
            // "The union said … and called a strike": the speaker.
            if g > 0 && word(words, g - 1) == "and" {
                let at = words.get(g).map(|w| w.span.start()).unwrap_or(0);
                let sentence_lo = words.first().map(|w| w.span.start()).unwrap_or(0);
                let speaker = self
                    .quotes
                    .iter()
                    .filter(|q| {
                        q.cue
                            .is_some_and(|c| c.start() >= sentence_lo && c.end() <= at)
                            && q.content.end() <= at
                    })
                    .max_by_key(|q| q.cue.map(|c| c.start()))
                    .and_then(|q| q.source.party.entity);
                return Nominal {
                    source: speaker.map(|e| vec![Actor::Entity(e)]),
                    recipient,
                };
            }
            return Nominal {
                source: roles::subject(words, g, lo)
                    .and_then(|s| self.subject_actors(s, EventType::Consult)),
                recipient,
            };
        }
        none
    }

    /// The organisation a definite description ("the union") refers back to.
    pub(crate) fn antecedent(&self, head: &str) -> Option<EntityId> {
        let limit = self.trig.start().saturating_sub(1500);
        for m in self.all.iter().rev() {
            if m.span.end() > self.trig.start() {
                continue;
            }
            if m.span.start() < limit {
                break;
            }
            let Some(e) = self.ents.get(m.entity.index()) else {
                continue;
            };
            if !matches!(e.kind, EntityType::Org | EntityType::Group) {
                continue;
            }
            let named = e
                .name
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(head) || same_kind_of_body(head, w));
            // Heads too general to name one body ("the federal government") match no name.
            let generic = matches!(head, "government" | "authorities" | "administration");
            // "the body", "the organisation": the last organisation named.
            let any_body = matches!(
                head,
                "group" | "body" | "organisation" | "organization" | "institution"
            );
            if (named && !generic) || (any_body && e.kind == EntityType::Org) {
                return Some(m.entity);
            }
        }
        None
    }

    /// The actors of a subject: a phrase as above; a pronoun through its mention, or inside
    /// reported speech the speaker ("Norland said it had attacked …").
    /// A subject phrase that names no actor the usual ways: the possessor that opens it
    /// ("Norland's air force", "Westmark's data regulator").
    fn subject_fallback(&self, np: chunk::Np) -> Option<Vec<Actor>> {
        let words = self.words;
        let mut k = np.start;
        while matches!(word(words, k), "the" | "a" | "an") && k < np.head {
            k += 1;
        }
        let owner = words.get(k)?.span;
        let split = matches!(word(words, k + 1), "'s" | "'") && k + 1 < np.head;
        let joined = word(words, k).ends_with("'s") && k < np.head;
        if (split || joined) && np.head <= k + 5 {
            if let Some(m) = self
                .sments
                .iter()
                .find(|m| m.actor && m.span.overlaps(owner))
            {
                return Some(vec![Actor::Entity(m.entity)]);
            }
        }
        None
    }

    pub(crate) fn subject_actors(&self, s: roles::Subject, kind: EventType) -> Option<Vec<Actor>> {
        match s {
            roles::Subject::Phrase(np) => {
                let mut actors = match self.np_actors(np, true) {
                    Some(a) => a,
                    None => self.subject_fallback(np)?,
                };
                // "X said his party's members would boycott": inside reported speech, a
                // description owned by the speaker's pronoun speaks for the speaker.
                let owned = matches!(word(self.words, np.start), "his" | "her" | "our");
                if owned && actors.iter().all(|a| a.entity().is_none()) {
                    let det = self.words.get(np.start)?.span;
                    if let Some(e) = self
                        .quotes
                        .iter()
                        .find(|q| q.content.contains(det) && q.content.contains(self.trig))
                        .and_then(|q| q.source.party.entity)
                    {
                        actors = vec![Actor::Entity(e)];
                    }
                }
                // "Norland's army and the Red Hand Front": both phrases.
                // (Not ", and France withdrew": a new clause.)
                if np.start >= 2
                    && word(self.words, np.start - 1) == "and"
                    && word(self.words, np.start - 2) != ","
                {
                    if let Some(first) = chunk::np_backward(self.words, np.start - 1)
                        .and_then(|n| self.np_actors(n, true))
                    {
                        for a in first.into_iter().rev() {
                            if !actors.contains(&a) {
                                actors.insert(0, a);
                            }
                        }
                    }
                }
                Some(actors)
            }
            roles::Subject::Apposed(outer, inner) => {
                let outer = outer.and_then(|n| self.np_actors(n, true));
                let inner = inner.and_then(|n| self.np_actors(n, true));
                let named = |a: &Option<Vec<Actor>>| {
                    a.as_ref()
                        .is_some_and(|v| v.iter().all(|x| x.entity().is_some()))
                };
                if named(&outer) {
                    outer
                } else if named(&inner) {
                    inner
                } else {
                    outer.or(inner)
                }
            }
            roles::Subject::Pronoun(k) => {
                let w = self.words.get(k)?;
                // "the two neighbours … as they resumed talks": the pair named just before
                // (before any single antecedent the entity layer gave the pronoun).
                if w.low == "they" {
                    let pair = (k.saturating_sub(12)..k).rev().find_map(|j| {
                        let start = match (word(self.words, j), word(self.words, j + 1)) {
                            ("both", _) => j,
                            ("the", "two") => j,
                            _ => return None,
                        };
                        let n = chunk::np_forward(self.words, start)?;
                        (n.end <= k).then_some(n)
                    });
                    if let Some(two) = pair.and_then(|n| self.np_actors(n, false)) {
                        if two.len() == 2 {
                            return Some(two);
                        }
                    }
                }
                if let Some(m) = self
                    .sments
                    .iter()
                    .find(|m| m.actor && m.span.overlaps(w.span))
                {
                    return Some(vec![Actor::Entity(m.entity)]);
                }
                // "when they met": the two actors named last before.
                if w.low == "they" && kind == EventType::Consult {
                    let mut two: Vec<EntityId> = Vec::new();
                    for m in self
                        .sments
                        .iter()
                        .rev()
                        .filter(|m| m.span.end() <= w.span.start())
                    {
                        let person = self
                            .ents
                            .get(m.entity.index())
                            .is_some_and(|e| e.kind == EntityType::Person);
                        if person && !two.contains(&m.entity) {
                            two.push(m.entity);
                            if two.len() == 2 {
                                two.reverse();
                                return Some(two.into_iter().map(Actor::Entity).collect());
                            }
                        }
                    }
                    // One named person and one described: "a letter to the chair of the
                    // union when they met".
                    if let [person] = two.as_slice() {
                        let described = (0..k).rev().take(12).find_map(|j| {
                            if !matches!(word(self.words, j), "to" | "with") {
                                return None;
                            }
                            let n = chunk::np_forward(self.words, j + 1)?;
                            let head = self.words.get(n.head)?;
                            let named = self.sments.iter().any(|m| m.span.overlaps(head.span));
                            (n.end <= k && !named && chunk::is_actor_noun(&head.low)).then(
                                || {
                                    let a = self.words.get(n.start).map(|x| x.span);
                                    let b = self.words.get(n.end - 1).map(|x| x.span);
                                    a.zip(b).map(|(a, b)| a.cover(b))
                                },
                            )?
                        });
                        if let Some(sp) = described {
                            return Some(vec![Actor::Entity(*person), Actor::Phrase(sp)]);
                        }
                    }
                }
                // "Members of the team said they would boycott": an unnamed speaker's words.
                if let Some(sp) = self
                    .quotes
                    .iter()
                    .find(|q| {
                        q.content.contains(self.trig)
                            && q.content.contains(w.span)
                            && q.source.party.entity.is_none()
                    })
                    .and_then(|q| q.source.party.span)
                    .filter(|sp| {
                        let here = self.words.first().map(|x| x.span.start()).unwrap_or(0);
                        sp.len() < 60
                            && sp.start() >= here
                            && sp.end() <= w.span.start()
                            && self.words.iter().any(|x| {
                                sp.contains(x.span)
                                    && (x.raw.starts_with(char::is_uppercase)
                                        || crate::chunk::is_det_word(&x.low))
                            })
                            && matches!(w.low.as_str(), "they" | "we" | "it")
                    })
                {
                    return Some(vec![Actor::Phrase(sp)]);
                }
                let q = self
                    .quotes
                    .iter()
                    .find(|q| q.content.contains(self.trig) && q.source.party.entity.is_some())?;
                if !q.content.contains(w.span) {
                    return None;
                }
                // "“They opened fire on our boat,” he said": in the speaker's own words only the first
                // person is the speaker.
                if q.kind == newsgraph_doc::QuoteKind::Direct
                    && !matches!(w.low.as_str(), "we" | "i")
                {
                    return None;
                }
                // "we" speaks for the speaker's body ("We will not attack", said its envoy).
                if w.low == "we" {
                    if let Some(a) = q.source.affiliations.first() {
                        return Some(vec![Actor::Entity(*a)]);
                    }
                }
                q.source.party.entity.map(|e| vec![Actor::Entity(e)])
            }
        }
    }
}
