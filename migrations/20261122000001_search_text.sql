-- Accent-insensitive search: "dang ky khai sinh" must find "Đăng ký khai sinh".
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could change), which keeps it out of
-- generated columns and indexes; pinning the dictionary makes this wrapper safe
-- to declare IMMUTABLE. Lower-casing after unaccent keeps it locale-independent.
CREATE FUNCTION search_key(input text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(public.unaccent('public.unaccent'::regdictionary, input));
