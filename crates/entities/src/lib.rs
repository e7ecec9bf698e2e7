//! The newsgraph entity stage: every actor and place of an article, each with the mentions that
//! refer to it and, when it has one, its knowledge base entry.
//!
//! [`EntityStage`] (stage name `entities`) reads a document's sentences, tokens, regions and
//! quotation marks, and fills `doc.entities`. It works in three steps, each in its own module:
//!
//! 1. **Recognition** (`names`). [`newsgraph_ner::Recogniser`] (the averaged-perceptron tagger
//!    with knowledge-base gazetteer features) tags the body sentences, the headline, the dateline
//!    and the byline. Its names are then repaired: hyphenated names taken whole ("Anna-Lena"),
//!    longer knowledge-base aliases and capitalised head words taken in ("Asian Development"
//!    with "Bank", "Baltic Ferry" with "Lines"), names joined over connectors ("Bank" of
//!    "England", "Institute for Peace and Security", "Unión … del Norte") and
//!    possessives ("People’s Front"), a run of capitalised words followed by its initials in
//!    brackets made one organisation ("Coastal Farmers Union (CFU)"), capitalised
//!    runs the tagger missed that end in a head word kept ("Green Future Party"), a
//!    capitalised run after "so-called" or quoted after "called"/"known as" taken as one
//!    organisation when a group cue backs it, a plural name acting as a group ("the Varnis
//!    have launched") made an organisation, days of the week cut from names ("X Sunday"), a
//!    town and its state joined ("Springfield, Illinois"), and names of events, holidays and
//!    storms ("… Day", "… Games", "Hurricane …") dropped, as no scored type fits them. Each name
//!    is typed by its head word ("Red Sea" → LOC, "Gulf of Aden" → LOC, "Cairo Airport" → FAC,
//!    "Defence Ministry" → ORG), else by the knowledge base entry it names when compatible with
//!    the tagger's label, else by the label corrected by its context (a title or apposition →
//!    PERSON, "the town of X" or "in X" → GPE, "telecoms operator X" → ORG, coordination with a
//!    place → GPE). Titles are cut from persons' names and kept ("Trade Minister"),
//!    with the country or organisation that owns them. Countries, capitals, international
//!    organisations, armed groups, well-known persons and organisations the tagger missed are
//!    added from the knowledge base, as are "Iran" in "Iran-backed", the place and outlet of a
//!    dateline and the authors of a "By …" byline. In an all-caps headline only names the
//!    knowledge base or the body confirms are kept. Single words the tagger left out or could
//!    not type (`lone`) are added: an acronym standing alone ("the NHS"; not "CEO", "TV"), an
//!    outlet named on "news", a well-known company or web service (`known`: "Huawei",
//!    "Twitter"), the subject of "died"/"was born" or a name with its age in apposition ("X, 31,"), a capitalised run after an
//!    organisation noun ("the border agency X") or "the town of", an untagged repeat of a name
//!    found elsewhere in the article, an unknown word opening its sentence before a finite verb
//!    ("X expelled …", "X has recalled …"; typed GPE by a country's shape or a state's action,
//!    else PERSON on person evidence, else ORG; no common word or word of a common ending). An
//!    unknown word of a demonym's shape before an actor noun ("X-ian police") is a NORP, so
//!    the phrase is a group of that people. A source ("according to X") or a business
//!    context ("founder of X") is no place; a name opening with a foreign article ("Le X") that
//!    the knowledge base does not know is an organisation, and so is an unknown acronym the
//!    tagger took for a person or a place ("VW"); a place standing for its side in a sports
//!    report ("X beat Y 2–1", "Y's coach") is the team, an organisation (`teams`); a "Convention Centre" is a
//!    facility; "Jr."/"III"/"the Elder" stay in a person's name, post-nominals ("FRS", "QC")
//!    do not. A common word (or a compound of two: "Roadwork was …") capitalised only by
//!    opening its sentence ("Rainfall was …"), a one-word section heading, a word derived by
//!    a hyphen ("X-like"), a place after
//!    "pro-"/"anti-" and a storm's name ("Cyclone X", then "X" alone) are no names; "on" joins
//!    no code ("… Center on XR-7"). A person's surname that is also a place ("Ana Lima" …
//!    "Lima said") is the person unless the text also uses it as the place; a person noun in
//!    an apposition ("X, an Irish woman,") types a person; names coordinated with a person
//!    the text is sure of are persons; a place owning the office after it ("Ohio Senator")
//!    stays a place; a person run on into "of" + an organisation ("X Y of Z Party") is split;
//!    a well-known company before its product ("Google Chrome") is the company alone.
//!    Unknown names typed by their context: a name after "<person> of" is the person's
//!    organisation, not a person ("guitarist X Y of Z"); names in apposition after a plural
//!    noun for organisations or places ("the private schools X and Y", "the islands X and Y")
//!    take its type; "the X Y in <known place>" is an organisation (a building when its last
//!    word is one, "X Opera House"); a single word after "in <town>," ending its phrase is the
//!    town's region; a name ending in a plural noun for people ("X Stormchasers") is a group;
//!    a person noun before a name ("the composer X") makes a person, an organisation noun
//!    ("the band X") an organisation, and "X poll" a pollster; a full name opening with a
//!    known given name stays a person after "in" ("drove in X Y"); two capitals after a place
//!    and a comma ("Brookvale, NJ") are a state's code, and "the X side of" the border is
//!    part of the place, no team; every name of a list after "the towns of" is a place
//!    ("the towns of X, Y, Z and W").
//!    Spans: a person's name before a body's head word or "Memorial" names that body ("X Y
//!    Foundation for the Arts", "X Y Memorial Hall"), with a lone given name coordinated before
//!    it ("the X and Y Z Museum"); a body's name cut after its connector takes the common words
//!    after it, and one run on into a person's name before "said" is split ("Council on X
//!    Relations" / "A B said"), as are a country run on into an unknown name and two bodies run
//!    together before a first name ("… Maritime Museum" / "A B. C Center"); an officer's title is
//!    cut from a body ("Transport Ministry Spokesperson"); capitalised common words ending in a
//!    plural before a place name an agency ("Marine Parks" + country); a study is no body;
//!    an acronym spelled out as a term, in lower case or as capitalised common words heading on
//!    a noun of things ("reactive nitrogen compounds (RNC)", "RNC [Reactive Nitrogen
//!    Compounds]") is no entity anywhere in the text.
//!    Wire-story names: possessives inside organisations' names ("Grain Growers’ Union",
//!    "People’s X Party"); a capitalised run before a lower-case party or group noun ("the
//!    liberal X party", "the X hacker group") or in a party apposition ("X, the opposition
//!    party") and a group "calling itself X" are organisations; a brand with a common word
//!    after an organisation noun ("the charity X Rescue") stays whole everywhere; an organ after
//!    an organisation ("X Commission President") is its own organisation; a given name after a
//!    title joins a hyphenated surname; "Operation X", numbered divisions and agency-shaped words
//!    ("Eurojust") are organisations, compass divisions regions; a single word after "near",
//!    a common word after "the port of" and a name coordinated with a place after "at"/"in"
//!    are places, and so is an untagged capitalised run before a place's descriptor ("the X
//!    gas field", "the X copper mine", "X province"), whose "X province" is another place than
//!    the town X of the dateline; an outlet told something ("telling X Wire") is an
//!    organisation; diseases,
//!    ships ("the Panama-flagged X"), a region's adjective before "country" and a sentence's
//!    opening preposition ("Outside X") are no names; "Uzbek" is a demonym of Uzbekistan even
//!    where the knowledge base lists a longer one. What only looks like a name
//!    (`layout`) is dropped: a place naming a treaty ("Paris Agreement"), vehicles ("Space
//!    Shuttle X", "HMS X", "the tanker X"), a genus before its species, words inside web
//!    addresses, a caption's "Image:"; a reference list's "Surname, Given." is one person,
//!    named in order (an unknown given name is trusted beside an entry with a known one).
//!    Natural features and structures are places by their head word ("the X Ice Shelf", "the
//!    X Lighthouse"); a field after "professor of", "degree in" or "studied" is no entity,
//!    nor is a named festival or holiday ("Ramadan", "Easter celebrations"; not "Easter
//!    Island", nor a person so named); an outlet after "told" or "according to" is taken
//!    whole ("KC Weekly"); a modifier and a plural of party members make one party ("the
//!    Young Greens"); a lone unknown word after "according to" is a source organisation.
//!    Names of things that are no actors or places (`works`) are dropped: titles of works
//!    after a work noun ("the novel X", "his latest book, X,", "X, a film by"), after
//!    "titled", "author of", "an adaptation of", "called" after a work noun, or a quoted title
//!    after "released"; a name given to a made thing ("a robot named X"); one or more
//!    unknown words before a product noun ("the X browser", "X chocolate", "the X
//!    spacecraft", "the X mission"); a well-known company's product named again alone; a
//!    licence's name; a one-word "-ism" or "-phobia". A person whose clause follows a work
//!    noun ("the film Ann Lee directed") and the author before a possessive ("an adaptation of X's Y")
//!    stay; an unknown name before "poll" is the pollster, an organisation. Names ending in
//!    "Act", "Convention", "License", "Show" or "Series" are dropped like events.
//!    Characters and gods named by their context ("the goddess X", "the voice of X", "dressed
//!    as X", "X, the superhero", "gods such as X, Y and Z") are persons; the Sun, the Moon and
//!    the planets near an astronomical word ("orbit", "probe", "surface") are places (not
//!    "The Sun" the newspaper).
//! 2. **Coreference** (`coref`): names become entities (same knowledge base entry, same text,
//!    partial person names, given-name variants ("Bob" and "Robert", "Chris" and "Christine"),
//!    acronyms (not a country's acronym for an organisation of the same initials), a head word
//!    alone for the one longer name holding it ("the Court"), short organisation names,
//!    "the Church" = "Church of X", an inner word of a long person's name ("Villca" for
//!    "Esteban Villca Torrico"), a company's first word ("Norvelo" for "Norvelo
//!    Telecomunicações"), but neither an organisation's organ ("X Union Commission") nor a
//!    place with a descriptor ("the X copper mine") for the organisation of the same words,
//!    a town and the same town with its state, "Peru’s" = "Peruvian"
//!    Defence Ministry), the tail of one longer organisation or place name ending in a head
//!    word ("the Berg Center" for "the Anna K. Berg Center"; not inside a list of names), the
//!    initials of a name's tail ("RPCC"), a mixed-case acronym in brackets,
//!    "the X Ministry" for "the Ministry of X",
//!    "X" alone for "Church of X", the place X for "the State of X", a compass word coordinated
//!    before a place ("North and South X"), a company without its legal form ("Inc."), a
//!    middle given name with the surname, a given name with another inner vowel ("Annika",
//!    "Anneka"), but never names with different middle initials; then demonyms ("Iranian officials" → Iran), collective actors (GROUP
//!    entities: "Iran-backed militias", "Israeli troops", with affiliations), appositions and
//!    definite descriptions ("X, the foreign minister,", "Iran's deputy foreign minister, X",
//!    "the minister", "the head of Hamas", "the Lebanese group", "the company", "the country")
//!    and pronouns are resolved onto them, conservatively: what is unclear stays unresolved.
//!    A demonym inside a description of an organisation ("the Palestinian group") makes no
//!    country entity of its own.
//! 3. **Linking**: an entity with a knowledge base entry carries its id and CAMEO/ISO codes and
//!    takes its canonical name; others are named by their longest name.
//!
//! Every look-back is bounded, so the stage is linear in the length of the article; it
//! allocates per document and per mention, not per token. Nothing here panics on any input,
//! and every span lies on character boundaries of the text: layers that do not fit the text
//! (out of bounds, unordered, overlapping) are cleaned or ignored.
//!
//! The word lists in `words` hold general English vocabulary (head words, role nouns,
//! pronouns); names come only from the tagger and the knowledge base.
//!
//! ```
//! use newsgraph_doc::{Doc, EntityType, Meta, Stage};
//! use newsgraph_entities::EntityStage;
//!
//! let text = "Maria Okafor flew to Nairobi on Monday. Okafor said Kenya would help.";
//! let mut doc = Doc::new("a1", text, Meta::default());
//! for stage in newsgraph_segment::article_stages() {
//!     stage.run(&mut doc);
//! }
//! EntityStage::new()?.run(&mut doc);
//! let entities = doc.entities.as_ref().unwrap();
//! let okafor = entities.iter().find(|e| e.name == "Maria Okafor").unwrap();
//! assert_eq!(okafor.kind, EntityType::Person);
//! assert_eq!(okafor.mentions.len(), 2);
//! let kenya = entities.iter().find(|e| e.name == "Kenya").unwrap();
//! assert_eq!(kenya.kb.as_ref().map(|k| k.id.as_str()), Some("kb:KEN"));
//! # Ok::<(), newsgraph_entities::EntityError>(())
//! ```
#![deny(missing_docs)]

mod coref;
mod known;
mod layout;
mod lone;
mod names;
mod teams;
mod words;
mod works;

use newsgraph_doc::{ByteSpan, Doc, Entity, Layer, RegionKind, Sentence, Stage, Token};
use newsgraph_kb::Kb;
use newsgraph_ner::NamedSpan;

use newsgraph_ner::Recogniser;

/// Why the entity stage could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EntityError {
    /// The tagger's model could not be loaded.
    #[error("entity stage: the tagger model: {0}")]
    Model(#[from] newsgraph_ner::NerError),
    /// The knowledge base could not be loaded.
    #[error("entity stage: the knowledge base: {0}")]
    Kb(String),
}

/// The entity stage: recognition, coreference and knowledge base linking.
pub struct EntityStage {
    recogniser: Recogniser,
    kb: &'static Kb,
}

impl std::fmt::Debug for EntityStage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EntityStage").finish_non_exhaustive()
    }
}

impl EntityStage {
    /// Loads the tagger model and the knowledge base (both embedded in the binary).
    ///
    /// # Errors
    /// [`EntityError`] when either embedded data file cannot be decoded.
    pub fn new() -> Result<Self, EntityError> {
        let kb = Kb::global().map_err(|e| EntityError::Kb(e.to_string()))?;
        Ok(Self {
            recogniser: Recogniser::new()?,
            kb,
        })
    }

    /// The entities of `text`, given its tokens, body sentences and non-body regions (all in
    /// text order, as the segment stages make them) and quotation pairs (pronouns inside
    /// quotations are not resolved). Headline, dateline and byline regions are read too.
    ///
    /// Spans that do not fit `text` are ignored; no input makes this panic.
    pub fn find(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
        regions: &[newsgraph_doc::Region],
        quotes: &[newsgraph_doc::QuotePair],
    ) -> Vec<Entity> {
        let mut units: Vec<(ByteSpan, Option<RegionKind>)> = sentences
            .iter()
            .filter(|s| s.span.get(text).is_some())
            .map(|s| (s.span, None))
            .chain(
                regions
                    .iter()
                    .filter(|r| {
                        matches!(
                            r.kind,
                            RegionKind::Headline | RegionKind::Dateline | RegionKind::Byline
                        ) && r.span.get(text).is_some()
                    })
                    .map(|r| (r.span, Some(r.kind))),
            )
            .collect();
        units.sort_by_key(|(s, _)| (s.start(), s.end()));
        // Overlapping units (bad input): keep the first of each overlap.
        let mut last_end = 0;
        units.retain(|(s, _)| {
            let keep = s.start() >= last_end;
            if keep {
                last_end = s.end();
            }
            keep
        });
        if units.is_empty() || tokens.is_empty() {
            return Vec::new();
        }
        // Tokens must fit the text and come in order without overlaps; others are dropped.
        let sound = tokens
            .windows(2)
            .all(|w| w[0].span.end() <= w[1].span.start())
            && tokens.iter().all(|t| t.span.get(text).is_some());
        let cleaned: Vec<Token>;
        let tokens = if sound {
            tokens
        } else {
            let mut v: Vec<Token> = tokens
                .iter()
                .filter(|t| !t.span.is_empty() && t.span.get(text).is_some())
                .copied()
                .collect();
            v.sort_by_key(|t| (t.span.start(), t.span.end()));
            let mut end = 0;
            v.retain(|t| {
                let keep = t.span.start() >= end;
                if keep {
                    end = t.span.end();
                }
                keep
            });
            cleaned = v;
            &cleaned[..]
        };
        let tagged: Vec<Sentence> = units.iter().map(|(s, _)| Sentence::new(*s)).collect();
        let mut named: Vec<NamedSpan> = Vec::new();
        self.recogniser.tag(text, tokens, &tagged, &mut named);
        let quoted: Vec<ByteSpan> = quotes.iter().map(|q| q.content).collect();
        let ctx = names::Ctx::new(
            text,
            self.kb,
            tokens,
            &units,
            &quoted,
            self.recogniser.model(),
            self.recogniser.gazetteer(),
        );
        let mut cands = Vec::new();
        names::candidates(&ctx, &named, &mut cands);
        coref::Resolver::new(&ctx, &cands).run()
    }
}

impl Stage for EntityStage {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Regions, Layer::Sentences, Layer::Tokens]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }

    fn run(&self, doc: &mut Doc) {
        let entities = self.find(
            doc.text(),
            doc.tokens.as_deref().unwrap_or(&[]),
            doc.sentences.as_deref().unwrap_or(&[]),
            doc.regions.as_deref().unwrap_or(&[]),
            doc.quotations.as_ref().map_or(&[], |q| &q.pairs[..]),
        );
        doc.entities = Some(entities);
    }
}
