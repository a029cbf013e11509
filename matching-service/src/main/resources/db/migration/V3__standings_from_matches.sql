-- The banks' standings are counted from their matches on a timer instead of kept in a table that
-- every answer had to update: a match keeps how many working days its bank took to answer first.
ALTER TABLE match ADD COLUMN first_answer_working_days integer;

-- Matches answered before this column existed: their working days counted without the holidays,
-- which the database does not know (the service's configuration does).
UPDATE match m SET first_answer_working_days = (
    SELECT count(*) FROM generate_series(
        (m.proposed_at AT TIME ZONE 'Asia/Shanghai')::date + 1,
        (m.first_answer_at AT TIME ZONE 'Asia/Shanghai')::date,
        interval '1 day') AS day
    WHERE extract(isodow FROM day) < 6)
WHERE m.first_answer_at IS NOT NULL;

DROP TABLE bank_record;
