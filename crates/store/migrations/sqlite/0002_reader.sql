-- What the article reader needs: the text, and the spans (code points) the older tables do not
-- keep. Quote contents and event triggers already carry their spans (quotes.content_start,
-- event_mentions.trigger_start). Keep in step with the other engine's 0002_reader.sql.

CREATE TABLE article_texts (
    article_id  BIGINT NOT NULL PRIMARY KEY,
    text        TEXT NOT NULL
);

-- layer: 'mention' (item: the article's entity index, entity_id: the resolved entity),
-- 'speaker' (item: quote index), 'cue' (item: quote index), 'relation' (item: relation index,
-- the evidence span).
CREATE TABLE article_spans (
    article_id  BIGINT NOT NULL,
    pos         BIGINT NOT NULL,
    layer       TEXT NOT NULL,
    item        BIGINT NOT NULL,
    start_cp    BIGINT NOT NULL,
    end_cp      BIGINT NOT NULL,
    entity_id   BIGINT,
    PRIMARY KEY (article_id, pos)
);
