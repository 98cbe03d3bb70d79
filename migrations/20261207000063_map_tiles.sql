-- The field-report map picker (issue 21): where map tiles come from, the
-- credit their licence asks for, and where the map opens. An empty tile
-- address means no map: the filing form asks for the commune, the street
-- and optional coordinates, as it does without JavaScript.
ALTER TABLE portal_settings
    ADD COLUMN map_tile_url text NOT NULL DEFAULT ''
        CHECK (map_tile_url = '' OR (map_tile_url ~ '^https?://' AND map_tile_url LIKE '%{z}%'
            AND map_tile_url LIKE '%{x}%' AND map_tile_url LIKE '%{y}%' AND length(map_tile_url) <= 300)),
    ADD COLUMN map_attribution text NOT NULL DEFAULT '' CHECK (length(map_attribution) <= 200),
    -- Hà Nội until the province sets its own centre; Vietnam's extent, as
    -- `app::field_reports::rules::in_vietnam`.
    ADD COLUMN map_centre_latitude double precision NOT NULL DEFAULT 21.0285
        CHECK (map_centre_latitude BETWEEN 8.0 AND 23.5),
    ADD COLUMN map_centre_longitude double precision NOT NULL DEFAULT 105.8542
        CHECK (map_centre_longitude BETWEEN 102.0 AND 118.0),
    ADD COLUMN map_zoom smallint NOT NULL DEFAULT 13 CHECK (map_zoom BETWEEN 5 AND 18),
    ADD CONSTRAINT map_attributed CHECK (map_tile_url = '' OR map_attribution <> '');
