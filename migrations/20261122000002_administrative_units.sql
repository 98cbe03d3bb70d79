-- Đơn vị hành chính after 2025-07-01: 34 provinces and their communes, wards
-- and special zones (no districts). Reference data loaded from server/seed.
CREATE TABLE administrative_units (
    code text PRIMARY KEY,
    name text NOT NULL,
    short_name text,
    kind text NOT NULL,
    level text NOT NULL CHECK (level IN ('province', 'commune')),
    province_code text REFERENCES administrative_units (code),
    CHECK ((level = 'province') = (province_code IS NULL))
);

CREATE INDEX administrative_units_province_idx ON administrative_units (province_code);
