-- The working calendar: public holidays and make-up working days (ngày làm
-- bù). Weekdays not listed are worked; weekends not listed are not.
-- An administrator edits it per year; these are defaults for 2026 and 2027
-- from the Labour Code (Art. 112): 1/1, Tết (5 days), Hùng Kings (10/3
-- lunar), 30/4, 1/5, 2/9 and one adjacent day, with a compensatory working
-- day off when a holiday falls on a weekend. Tết follows the government's
-- announced plan where known.
CREATE TABLE calendar_days (
    day date PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('holiday', 'make_up')),
    name text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO calendar_days (day, kind, name) VALUES
    ('2026-01-01', 'holiday', 'Tết Dương lịch'),
    ('2026-02-16', 'holiday', 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)'),
    ('2026-02-17', 'holiday', 'Tết Nguyên đán Bính Ngọ (mùng 1)'),
    ('2026-02-18', 'holiday', 'Tết Nguyên đán Bính Ngọ (mùng 2)'),
    ('2026-02-19', 'holiday', 'Tết Nguyên đán Bính Ngọ (mùng 3)'),
    ('2026-02-20', 'holiday', 'Tết Nguyên đán Bính Ngọ (mùng 4)'),
    ('2026-04-27', 'holiday', 'Giỗ Tổ Hùng Vương (nghỉ bù cho Chủ nhật 26/4)'),
    ('2026-04-30', 'holiday', 'Ngày Chiến thắng'),
    ('2026-05-01', 'holiday', 'Ngày Quốc tế Lao động'),
    ('2026-09-01', 'holiday', 'Quốc khánh (ngày liền kề)'),
    ('2026-09-02', 'holiday', 'Quốc khánh'),
    ('2027-01-01', 'holiday', 'Tết Dương lịch'),
    ('2027-02-05', 'holiday', 'Tết Nguyên đán Đinh Mùi (30 tháng Chạp)'),
    ('2027-02-08', 'holiday', 'Tết Nguyên đán Đinh Mùi (mùng 3)'),
    ('2027-02-09', 'holiday', 'Tết Nguyên đán Đinh Mùi (mùng 4)'),
    ('2027-02-10', 'holiday', 'Tết Nguyên đán Đinh Mùi (nghỉ bù cho Thứ Bảy mùng 1)'),
    ('2027-02-11', 'holiday', 'Tết Nguyên đán Đinh Mùi (nghỉ bù cho Chủ nhật mùng 2)'),
    ('2027-04-16', 'holiday', 'Giỗ Tổ Hùng Vương'),
    ('2027-04-30', 'holiday', 'Ngày Chiến thắng'),
    ('2027-05-03', 'holiday', 'Ngày Quốc tế Lao động (nghỉ bù cho Thứ Bảy 1/5)'),
    ('2027-09-02', 'holiday', 'Quốc khánh'),
    ('2027-09-03', 'holiday', 'Quốc khánh (ngày liền kề)');
