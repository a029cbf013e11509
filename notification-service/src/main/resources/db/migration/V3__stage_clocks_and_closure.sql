-- The clock of a match's later stages (DECISION after INTEREST, DISBURSEMENT after APPROVAL) starts
-- with an answer, so it is kept with the answers: an answer may be read before its match. A NULL
-- stage is a clock that no longer runs (a decline, a disbursement, or answered before these
-- clocks existed).
ALTER TABLE answered_match
    ADD COLUMN stage       text,
    ADD COLUMN deadline    date,
    ADD COLUMN reminded_at timestamptz;

CREATE INDEX answered_match_awaiting ON answered_match (deadline)
    WHERE stage IS NOT NULL AND reminded_at IS NULL;

-- A supervision case an office closed (销号): no further reminder or escalation notice for it.
ALTER TABLE known_match ADD COLUMN closed_at timestamptz;
