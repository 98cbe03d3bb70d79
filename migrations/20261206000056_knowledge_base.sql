-- Hỏi đáp (issue 20): question-and-answer articles that editors write and
-- a second person publishes, and the passages the search and the
-- assistant retrieve from — articles and the procedures' own fields
-- (documents, fees, time limit, conditions, steps, where to file).

ALTER TABLE user_roles DROP CONSTRAINT user_roles_role_check;
ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_check
    CHECK (role IN ('reception', 'specialist', 'leader', 'manager', 'administrator',
                    'form_designer', 'editor'));

-- An article is edited as a draft (every save kept in `article_saves`) and
-- published as numbered versions (`article_versions`, which never change)
-- by someone other than the draft's author. The article row also carries
-- its published version's content, which is what citizens, the search and
-- the assistant read.
CREATE TABLE articles (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{2,79}$'),
    -- Whose it is to keep up to date.
    owner_id bigint REFERENCES users (id),
    draft jsonb,
    draft_saved_by bigint REFERENCES users (id),
    draft_saved_at timestamptz,
    review_requested_by bigint REFERENCES users (id),
    review_requested_at timestamptz,
    archived_at timestamptz,
    created_at timestamptz NOT NULL,
    -- The published version (NULL until the first publication).
    version integer,
    question text,
    answer text,
    audience text CHECK (audience IN ('citizens', 'officials')),
    -- The owning agency; NULL: the province's.
    agency_id bigint REFERENCES agencies (id),
    sector_id bigint REFERENCES sectors (id),
    procedure_codes text[] NOT NULL DEFAULT '{}',
    legal_references text[] NOT NULL DEFAULT '{}',
    valid_until date,
    -- The last time someone other than the author checked and published it
    -- ("cập nhật ngày …").
    published_at timestamptz,
    question_key text GENERATED ALWAYS AS (search_key(coalesce(question, ''))) STORED,
    search_text text GENERATED ALWAYS AS (search_key(coalesce(question, '') || ' ' || coalesce(answer, ''))) STORED,
    CHECK ((version IS NULL) = (question IS NULL) AND (version IS NULL) = (answer IS NULL)
           AND (version IS NULL) = (audience IS NULL) AND (version IS NULL) = (published_at IS NULL))
);
CREATE INDEX articles_question_trgm_idx ON articles USING gin (question_key gin_trgm_ops);
CREATE INDEX articles_search_fts_idx ON articles USING gin (to_tsvector('simple', search_text));

CREATE TABLE article_versions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id bigint NOT NULL REFERENCES articles (id),
    number integer NOT NULL CHECK (number > 0),
    content jsonb NOT NULL,
    written_by bigint REFERENCES users (id),
    published_by bigint REFERENCES users (id),
    published_at timestamptz NOT NULL,
    UNIQUE (article_id, number),
    CHECK (written_by IS NULL OR published_by IS NULL OR written_by <> published_by)
);

CREATE FUNCTION article_versions_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'article version % is published and cannot change', OLD.id;
END $$;
CREATE TRIGGER article_versions_never_change BEFORE UPDATE OR DELETE ON article_versions
    FOR EACH ROW EXECUTE FUNCTION article_versions_never_change();

-- Every change, newest last: saves, requests for review, publications,
-- returns to the author, archiving.
CREATE TABLE article_saves (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id bigint NOT NULL REFERENCES articles (id),
    kind text NOT NULL CHECK (kind IN ('created', 'saved', 'review_requested', 'published',
                                       'returned', 'archived', 'restored')),
    content jsonb,
    note text,
    saved_by bigint REFERENCES users (id),
    saved_at timestamptz NOT NULL
);
CREATE INDEX article_saves_article_idx ON article_saves (article_id, id);

-- The passages a question is matched against: one per field of a
-- procedure version, kept by triggers so it never drifts from the
-- catalogue. `body` is the text shown, `key` what is matched.
CREATE TABLE procedure_passages (
    version_id bigint NOT NULL REFERENCES procedure_versions (id) ON DELETE CASCADE,
    field text NOT NULL CHECK (field IN ('name', 'documents', 'fees', 'time_limit', 'conditions',
                                         'steps', 'where', 'legal_basis')),
    body text NOT NULL,
    key text GENERATED ALWAYS AS (search_key(body)) STORED,
    words tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_key(body))) STORED,
    PRIMARY KEY (version_id, field)
);
CREATE INDEX procedure_passages_trgm_idx ON procedure_passages USING gin (key gin_trgm_ops);
CREATE INDEX procedure_passages_words_idx ON procedure_passages USING gin (words);

CREATE FUNCTION index_procedure_version(p_version_id bigint) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM procedure_passages WHERE version_id = p_version_id;
    INSERT INTO procedure_passages (version_id, field, body)
    SELECT p_version_id, passage.field, passage.body
    FROM procedure_versions v
    CROSS JOIN LATERAL (VALUES
        ('name', concat_ws('. ', v.name, v.description, v.applicants, v.result_type)),
        ('documents', (SELECT string_agg(d.name || coalesce(' (' || d.note || ')', ''), '; ' ORDER BY d.position)
                       FROM procedure_documents d WHERE d.version_id = v.id)),
        ('fees', (SELECT string_agg(CASE f.kind WHEN 'phi' THEN 'Phí' ELSE 'Lệ phí' END || ' ' || f.description
                                    || ': ' || CASE WHEN f.amount_vnd = 0 THEN 'miễn phí'
                                                    ELSE replace(to_char(f.amount_vnd, 'FM999,999,999,999'), ',', '.') || ' đồng' END
                                    || coalesce(' (' || f.note || ')', ''), '; ' ORDER BY f.position)
                  FROM procedure_fees f WHERE f.version_id = v.id)),
        ('time_limit', 'Thời hạn giải quyết: ' || CASE v.processing_time_unit
                           WHEN 'same_day' THEN 'trong ngày'
                           WHEN 'working_hours' THEN v.processing_time_value || ' giờ làm việc'
                           ELSE v.processing_time_value || ' ngày làm việc' END),
        ('conditions', v.requirements),
        ('steps', array_to_string(v.steps, ' ')),
        ('where', 'Cơ quan thực hiện: ' || v.implementing_agency),
        ('legal_basis', array_to_string(v.legal_basis, '; '))
    ) AS passage (field, body)
    WHERE v.id = p_version_id AND coalesce(btrim(passage.body), '') <> '';
END $$;

-- Statement triggers with the changed rows, so a bulk load indexes each
-- version once per statement, not once per row.
CREATE FUNCTION procedure_passages_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint;
BEGIN
    FOR changed IN
        SELECT DISTINCT id FROM (
            SELECT CASE WHEN TG_TABLE_NAME = 'procedure_versions' THEN n.id ELSE n.version_id END AS id
            FROM (SELECT to_jsonb(r) AS row FROM new_rows r) x
            CROSS JOIN LATERAL (SELECT (x.row ->> 'id')::bigint AS id, (x.row ->> 'version_id')::bigint AS version_id) n
        ) ids WHERE id IS NOT NULL
    LOOP
        PERFORM index_procedure_version(changed);
    END LOOP;
    RETURN NULL;
END $$;
CREATE FUNCTION procedure_passages_removed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint;
BEGIN
    FOR changed IN SELECT DISTINCT (to_jsonb(r) ->> 'version_id')::bigint FROM old_rows r LOOP
        PERFORM index_procedure_version(changed);
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER procedure_versions_passages_inserted AFTER INSERT ON procedure_versions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION procedure_passages_changed();
CREATE TRIGGER procedure_versions_passages_updated AFTER UPDATE ON procedure_versions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION procedure_passages_changed();
CREATE TRIGGER procedure_documents_passages_inserted AFTER INSERT ON procedure_documents
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION procedure_passages_changed();
CREATE TRIGGER procedure_documents_passages_updated AFTER UPDATE ON procedure_documents
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION procedure_passages_changed();
CREATE TRIGGER procedure_documents_passages_deleted AFTER DELETE ON procedure_documents
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION procedure_passages_removed();
CREATE TRIGGER procedure_fees_passages_inserted AFTER INSERT ON procedure_fees
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION procedure_passages_changed();
CREATE TRIGGER procedure_fees_passages_updated AFTER UPDATE ON procedure_fees
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION procedure_passages_changed();
CREATE TRIGGER procedure_fees_passages_deleted AFTER DELETE ON procedure_fees
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION procedure_passages_removed();

SELECT index_procedure_version(id) FROM procedure_versions;

-- Published articles are public content: a change drops the kept pages.
CREATE TRIGGER articles_public_pages_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON articles FOR EACH STATEMENT EXECUTE FUNCTION notify_public_pages_changed();

-- A question's words as a full-text query any of whose words may match
-- (ranked by how many do), and its neighbouring pairs as phrases
-- ("giấy phép", "xây dựng"), which weigh more when they occur together.
CREATE FUNCTION search_any_words(meant text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
SELECT to_tsquery('simple', string_agg(quote_literal(w), ' | '))
FROM unnest(string_to_array(btrim(regexp_replace(meant, '[^[:alnum:]]+', ' ', 'g')), ' ')) AS w
WHERE w <> ''
$$;
CREATE FUNCTION search_word_pairs(meant text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
SELECT to_tsquery('simple', string_agg(quote_literal(words[i]) || ' <-> ' || quote_literal(words[i + 1]), ' | '))
FROM (SELECT string_to_array(btrim(regexp_replace(meant, '[^[:alnum:]]+', ' ', 'g')), ' ') AS words) split,
     generate_series(1, coalesce(array_length(words, 1), 0) - 1) AS i
$$;

-- The assistant's questions, scrubbed of identity numbers, phone numbers
-- and e-mail addresses before they are stored, with the reply given and
-- whether it helped: what editors write new articles from. A conversation
-- is a random key kept in the visitor's session.
CREATE TABLE assistant_exchanges (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation text NOT NULL,
    question text NOT NULL CHECK (length(question) BETWEEN 1 AND 1000),
    reply_kind text NOT NULL CHECK (reply_kind IN ('article', 'procedure_field', 'passages', 'no_answer',
                                                   'own_dossier', 'complaint')),
    reply jsonb NOT NULL,
    sources text[] NOT NULL DEFAULT '{}',
    helpful boolean,
    asked_at timestamptz NOT NULL
);
CREATE INDEX assistant_exchanges_conversation_idx ON assistant_exchanges (conversation, id);
CREATE INDEX assistant_exchanges_to_review_idx ON assistant_exchanges (asked_at)
    WHERE reply_kind = 'no_answer' OR helpful = false;
