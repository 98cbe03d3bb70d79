-- How people ask, as data the editors keep: questions typed as people
-- speak them ("muốn xây nhà cần giấy phép gì", "lấy vợ cần giấy tờ gì")
-- find their procedure when the words that only make it a question need
-- not match, and colloquial phrases mean the catalogue's own words. Both
-- are stored as search keys (no diacritics, lower case), so a phrase
-- typed with or without accents reads the same.

-- Words that carry no subject: "muốn", "cần", "gì", "bao nhiêu", …
CREATE TABLE search_filler_words (
    word text PRIMARY KEY CHECK (word <> '' AND word = search_key(word) AND word !~ '\s')
);

-- "lấy vợ" means "kết hôn"; "sổ đỏ" means the land-use certificate.
-- `phrase` is the key matched, `typed` the phrase as the editor wrote it.
CREATE TABLE search_synonyms (
    phrase text PRIMARY KEY CHECK (phrase <> '' AND phrase = search_key(phrase)),
    typed text NOT NULL CHECK (search_key(typed) = phrase),
    means text NOT NULL CHECK (btrim(means) <> ''),
    added_at timestamptz NOT NULL DEFAULT now()
);

-- What a question asks, as a search key: colloquial phrases replaced by
-- what they mean (longest first, whole words only), then filler words
-- dropped. Empty when nothing but filler is left.
CREATE FUNCTION search_question(input text) RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE STRICT AS $$
DECLARE
    asked text := ' ' || btrim(regexp_replace(search_key(input), '[[:punct:][:space:]]+', ' ', 'g')) || ' ';
    synonym record;
BEGIN
    FOR synonym IN SELECT phrase, search_key(means) AS means FROM search_synonyms
                   ORDER BY length(phrase) DESC, phrase LOOP
        -- Joined by '_' until the end, so a shorter phrase never matches
        -- inside what a longer one put there.
        asked := replace(asked, ' ' || synonym.phrase || ' ', ' ' || replace(synonym.means, ' ', '_') || ' ');
    END LOOP;
    RETURN coalesce((
        SELECT string_agg(w.word, ' ' ORDER BY w.n)
        FROM unnest(string_to_array(btrim(replace(asked, '_', ' ')), ' ')) WITH ORDINALITY AS w (word, n)
        WHERE w.word <> '' AND NOT EXISTS (SELECT 1 FROM search_filler_words f WHERE f.word = w.word)
    ), '');
END
$$;

INSERT INTO search_filler_words (word)
SELECT DISTINCT search_key(word) FROM unnest(ARRAY[
    'muốn', 'cần', 'gì', 'thì', 'ở', 'đâu', 'bao', 'nhiêu', 'làm', 'nào',
    'thủ', 'tục', 'những', 'các', 'cho', 'tôi', 'mình', 'em', 'anh', 'chị', 'được',
    'không', 'ko', 'hết', 'tiền', 'và', 'là', 'để', 'về', 'như', 'ạ', 'à', 'vậy', 'nhé',
    'xin', 'hỏi', 'giúp', 'với', 'phải', 'nộp', 'mất', 'bây', 'giờ', 'hiện', 'nay',
    'ai', 'khi', 'nếu', 'mà', 'nên', 'rồi', 'sẽ', 'của'
    -- Not "đang", "đi", "có", "thế", "sao": without diacritics they are
    -- "đăng" (ký), "di" (chúc), "cơ" (sở), "thẻ", (bản) "sao".
]) AS filler (word);

INSERT INTO search_synonyms (phrase, typed, means) VALUES
    (search_key('lấy vợ'), 'lấy vợ', 'kết hôn'),
    (search_key('lấy chồng'), 'lấy chồng', 'kết hôn'),
    (search_key('cưới'), 'cưới', 'kết hôn'),
    (search_key('giấy tờ kết hôn'), 'giấy tờ kết hôn', 'đăng ký kết hôn'),
    (search_key('giấy độc thân'), 'giấy độc thân', 'giấy xác nhận tình trạng hôn nhân'),
    (search_key('bằng lái xe'), 'bằng lái xe', 'giấy phép lái xe'),
    (search_key('bằng lái'), 'bằng lái', 'giấy phép lái xe'),
    (search_key('sổ đỏ'), 'sổ đỏ', 'giấy chứng nhận quyền sử dụng đất'),
    (search_key('sổ hồng'), 'sổ hồng', 'giấy chứng nhận quyền sử dụng đất quyền sở hữu'),
    (search_key('nhập hộ khẩu'), 'nhập hộ khẩu', 'đăng ký thường trú'),
    (search_key('hộ khẩu'), 'hộ khẩu', 'thường trú'),
    (search_key('xây nhà'), 'xây nhà', 'xây dựng mới nhà ở riêng lẻ'),
    (search_key('giấy khai sinh'), 'giấy khai sinh', 'đăng ký khai sinh'),
    (search_key('làm giấy khai sinh'), 'làm giấy khai sinh', 'đăng ký khai sinh'),
    (search_key('giấy chứng tử'), 'giấy chứng tử', 'khai tử'),
    (search_key('công chứng'), 'công chứng', 'chứng thực'),
    (search_key('sao y'), 'sao y', 'chứng thực bản sao'),
    (search_key('mở quán'), 'mở quán', 'đăng ký thành lập hộ kinh doanh'),
    (search_key('kinh doanh cá thể'), 'kinh doanh cá thể', 'hộ kinh doanh'),
    (search_key('đóng cửa hàng'), 'đóng cửa hàng', 'chấm dứt hoạt động hộ kinh doanh'),
    (search_key('giấy phép lao động'), 'giấy phép lao động', 'giấy phép lao động'),
    (search_key('tạm trú tạm vắng'), 'tạm trú tạm vắng', 'tạm trú'),
    (search_key('chôn cất'), 'chôn cất', 'mai táng'),
    (search_key('người khuyết tật'), 'người khuyết tật', 'khuyết tật');

-- The catalogue's search reads both: cached public pages are dropped when
-- they change (see 20261205000040_public_pages_changed.sql).
CREATE TRIGGER search_synonyms_public_pages_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON search_synonyms FOR EACH STATEMENT EXECUTE FUNCTION notify_public_pages_changed();
CREATE TRIGGER search_filler_words_public_pages_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON search_filler_words FOR EACH STATEMENT EXECUTE FUNCTION notify_public_pages_changed();
