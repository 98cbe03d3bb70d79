-- Optional semantic retrieval for the assistant (issue 20, item 6): when an
-- embeddings endpoint is configured, every source text is embedded once and
-- the question's neighbours are fused with the lexical ranking.

-- What the assistant embeds: each published article (question and answer),
-- and each passage of a procedure's version in force, headed by the
-- procedure's name so that "lệ phí" alone does not look like every fee.
-- `digest` names the exact text, so an edited source is simply a new text.
CREATE VIEW embedding_texts AS
SELECT t.kind, t.code, t.audience, t.body, sha256(convert_to(t.body, 'UTF8')) AS digest
FROM (
    SELECT 'article'::text AS kind, a.code, a.audience, a.question || E'\n' || a.answer AS body
    FROM articles a
    WHERE a.version IS NOT NULL AND a.archived_at IS NULL
    UNION ALL
    SELECT 'procedure', p.code, 'citizens',
           CASE WHEN pp.field = 'name' THEN v.name ELSE v.name || E'\n' || pp.body END
    FROM procedure_passages pp
    JOIN current_procedure_versions v ON v.id = pp.version_id
    JOIN procedures p ON p.id = v.procedure_id
) t;

-- One vector per text and model; texts no longer in use are swept by the
-- embedding job.
CREATE TABLE text_embeddings (
    model text NOT NULL CHECK (model <> ''),
    digest bytea NOT NULL,
    embedding real[] NOT NULL CHECK (cardinality(embedding) > 0),
    embedded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (model, digest)
);

-- How the portal's own texts write each syllable, and each pair of
-- syllables, keyed without diacritics: a question typed without them is
-- restored from these before it is embedded ("ly lich" → "lý lịch").
CREATE TABLE corpus_syllables (
    plain text NOT NULL,
    written text NOT NULL,
    seen integer NOT NULL CHECK (seen > 0),
    PRIMARY KEY (plain, written)
);
CREATE TABLE corpus_syllable_pairs (
    plain text NOT NULL,
    written text NOT NULL,
    seen integer NOT NULL CHECK (seen > 0),
    PRIMARY KEY (plain, written)
);
