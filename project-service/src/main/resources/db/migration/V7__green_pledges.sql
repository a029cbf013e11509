-- The green pledges a demand details (取水证, 碳配额, 排污权): kind, licence number, quantity and
-- unit, last day, unit price or the enterprise's valuation, as the API took them. Read whole with the
-- demand and never queried by member, so one jsonb array; [] for a demand that details none.
ALTER TABLE project ADD COLUMN green_pledges jsonb NOT NULL DEFAULT '[]'
    CHECK (jsonb_typeof(green_pledges) = 'array');
