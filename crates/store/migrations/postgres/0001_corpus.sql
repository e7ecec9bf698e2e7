-- The corpus graph (PostgreSQL). Keep in step with ../sqlite/0001_corpus.sql: same tables,
-- columns and indexes; only the id column type differs.

CREATE TABLE articles (
    id            BIGSERIAL PRIMARY KEY,
    doc_key       TEXT NOT NULL UNIQUE,
    content_hash  TEXT NOT NULL UNIQUE,
    title         TEXT,
    url           TEXT,
    outlet        TEXT,
    published     TEXT,
    pub_day       BIGINT,
    language      TEXT,
    input         TEXT,
    words         BIGINT NOT NULL,
    ingested_at   BIGINT NOT NULL
);

CREATE TABLE entities (
    id     BIGSERIAL PRIMARY KEY,
    key    TEXT NOT NULL UNIQUE,
    name   TEXT NOT NULL,
    norm   TEXT NOT NULL,
    type   TEXT NOT NULL,
    kb_id  TEXT,
    codes  TEXT
);
CREATE INDEX entities_norm ON entities (norm);

CREATE TABLE entity_names (
    norm       TEXT NOT NULL,
    type       TEXT NOT NULL,
    entity_id  BIGINT NOT NULL,
    PRIMARY KEY (norm, type, entity_id)
);
CREATE INDEX entity_names_entity ON entity_names (entity_id);

CREATE TABLE article_entities (
    article_id   BIGINT NOT NULL,
    idx          BIGINT NOT NULL,
    entity_id    BIGINT NOT NULL,
    name         TEXT NOT NULL,
    aliases      TEXT NOT NULL,
    titles       TEXT NOT NULL,
    mentions     BIGINT NOT NULL,
    first_start  BIGINT,
    first_end    BIGINT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX article_entities_entity ON article_entities (entity_id, article_id);

CREATE TABLE claims (
    id    BIGSERIAL PRIMARY KEY,
    key   TEXT NOT NULL UNIQUE,
    text  TEXT NOT NULL
);

CREATE TABLE quotes (
    article_id      BIGINT NOT NULL,
    idx             BIGINT NOT NULL,
    kind            TEXT NOT NULL,
    content         TEXT NOT NULL,
    content_start   BIGINT NOT NULL,
    content_end     BIGINT NOT NULL,
    cue             TEXT,
    speaker_id      BIGINT,
    speaker         TEXT,
    anonymous       BIGINT NOT NULL,
    negated         BIGINT NOT NULL,
    denial          BIGINT NOT NULL,
    outlet          TEXT,
    claim_id        BIGINT,
    denies_claim_id BIGINT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes (speaker_id);
CREATE INDEX quotes_claim ON quotes (claim_id);
CREATE INDEX quotes_denies ON quotes (denies_claim_id);

CREATE TABLE quote_about (
    article_id  BIGINT NOT NULL,
    quote_idx   BIGINT NOT NULL,
    entity_id   BIGINT NOT NULL,
    PRIMARY KEY (article_id, quote_idx, entity_id)
);
CREATE INDEX quote_about_entity ON quote_about (entity_id, article_id);

CREATE TABLE events (
    id        BIGSERIAL PRIMARY KEY,
    type      TEXT NOT NULL,
    negated   BIGINT NOT NULL,
    date      TEXT,
    day_lo    BIGINT NOT NULL,
    day_hi    BIGINT NOT NULL,
    place_id  BIGINT
);
CREATE INDEX events_type_day ON events (type, day_lo);
CREATE INDEX events_day ON events (day_lo);

CREATE TABLE event_mentions (
    article_id     BIGINT NOT NULL,
    idx            BIGINT NOT NULL,
    event_id       BIGINT NOT NULL,
    type           TEXT NOT NULL,
    mode           TEXT,
    date           TEXT,
    date_text      TEXT,
    place_id       BIGINT,
    fatalities     BIGINT,
    injured        BIGINT,
    trigger_text   TEXT NOT NULL,
    trigger_start  BIGINT NOT NULL,
    trigger_end    BIGINT NOT NULL,
    evidence       TEXT NOT NULL,
    negated        BIGINT NOT NULL,
    modality       TEXT NOT NULL,
    attributed_to  BIGINT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX event_mentions_event ON event_mentions (event_id);

CREATE TABLE event_actors (
    article_id  BIGINT NOT NULL,
    event_idx   BIGINT NOT NULL,
    role        TEXT NOT NULL,
    pos         BIGINT NOT NULL,
    event_id    BIGINT NOT NULL,
    entity_id   BIGINT,
    phrase      TEXT,
    -- The report's type and first day, and whether its date spans more than a week: the keys
    -- by which a new report finds the events it may join without scanning an actor's past.
    type        TEXT NOT NULL,
    wide        BIGINT NOT NULL,
    day_lo      BIGINT NOT NULL,
    PRIMARY KEY (article_id, event_idx, role, pos)
);
CREATE INDEX event_actors_entity ON event_actors (entity_id, type, wide, day_lo);
CREATE INDEX event_actors_event ON event_actors (event_id);

-- Each event's distinct resolved actors, whatever the number of its reports.
CREATE TABLE event_entities (
    event_id   BIGINT NOT NULL,
    role       TEXT NOT NULL,
    entity_id  BIGINT NOT NULL,
    PRIMARY KEY (event_id, role, entity_id)
);
CREATE INDEX event_entities_entity ON event_entities (entity_id, role, event_id);

-- Each claim's distinct sources (speaker, else as written) and outlets, for corroboration.
CREATE TABLE claim_sources (
    claim_id  BIGINT NOT NULL,
    kind      TEXT NOT NULL,
    source    TEXT NOT NULL,
    PRIMARY KEY (claim_id, kind, source)
);

CREATE TABLE relations (
    article_id  BIGINT NOT NULL,
    idx         BIGINT NOT NULL,
    type        TEXT NOT NULL,
    source_id   BIGINT NOT NULL,
    target_id   BIGINT NOT NULL,
    evidence    TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX relations_source ON relations (source_id);
CREATE INDEX relations_target ON relations (target_id);
