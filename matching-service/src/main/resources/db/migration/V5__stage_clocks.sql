-- A clock at every stage of a match: the first answer after the push, the decision after
-- INTEREST, the first disbursement after APPROVAL; deadline and colour are the running stage's.
-- NULL: no clock runs (paid out, released). Matches answered before this column existed start no
-- clock: when their answers came is kept, but not on which calendar they would have been due.
ALTER TABLE match ADD COLUMN stage text
    CHECK (stage IN ('FIRST_ANSWER', 'DECISION', 'DISBURSEMENT'));
UPDATE match SET stage = 'FIRST_ANSWER' WHERE status = 'PROPOSED';

-- The supervision sweep and board read the matches whose clock runs.
DROP INDEX match_unanswered;
CREATE INDEX match_clocked ON match (proposed_at) WHERE stage IS NOT NULL;
