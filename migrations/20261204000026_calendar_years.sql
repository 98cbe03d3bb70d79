-- The years whose working calendar an administrator has confirmed against
-- the government's announcement. Years after them get days off proposed
-- from the Labour Code (app/src/deadlines/calendar_proposals.rs) and are
-- shown as provisional until confirmed.
CREATE TABLE calendar_years (
    year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2200),
    confirmed_at timestamptz NOT NULL DEFAULT now(),
    confirmed_by bigint REFERENCES users (id),
    note text
);

INSERT INTO calendar_years (year, note) VALUES
    (2026, 'Theo phương án nghỉ Tết và các ngày lễ năm 2026 đã công bố'),
    (2027, 'Theo phương án nghỉ Tết và các ngày lễ năm 2027 đã công bố');

-- 5 February 2027 is the eve of Tết Đinh Mùi: tháng Chạp of Bính Ngọ has
-- 29 days, so it is "29 tháng Chạp".
UPDATE calendar_days SET name = 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp)' WHERE day = '2027-02-05';
