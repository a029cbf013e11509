-- The financial office acts on supervision cases (督办): a match that turned YELLOW or RED at any
-- stage opens a case, which the office acknowledges with a note or closes (销号) with a reason; a
-- closed case runs no clock any more, so it turns no colour and is escalated no further.
ALTER TABLE match ADD COLUMN case_opened_at timestamptz;
ALTER TABLE match ADD COLUMN closed_at timestamptz;
ALTER TABLE match ADD COLUMN closure_reason text
    CHECK (closure_reason IN ('BANK_ANSWERED_OFFLINE', 'SETTLED', 'NOT_APPLICABLE'));
-- A match the office pushed by hand (to the next tier or a named product), not the matcher.
ALTER TABLE match ADD COLUMN manual boolean NOT NULL DEFAULT false;
-- A match released RED before its demand was re-opened: its bank may be tried again.
ALTER TABLE match ADD COLUMN retryable boolean NOT NULL DEFAULT false;

-- Cases already open when the office could first act: opened when their match was proposed, the
-- day they turned being unknown.
UPDATE match SET case_opened_at = proposed_at
WHERE colour IN ('YELLOW', 'RED') OR release_cause = 'RED';

-- A bank holds at most one live match of a demand; it may hold a demand again after a re-opening
-- (it went RED) or an office's push by name (it declined earlier).
ALTER TABLE match DROP CONSTRAINT match_project_id_bank_code_key;
CREATE UNIQUE INDEX match_live_bank ON match (project_id, bank_code) WHERE status <> 'RELEASED';

-- What the offices did, each with who did it: the board shows a case's acknowledgements and
-- closure from here.
CREATE TABLE supervision_action (
    action_id       uuid        PRIMARY KEY,
    project_id      uuid        NOT NULL REFERENCES demand,
    match_id        uuid        REFERENCES match,
    action          text        NOT NULL
        CHECK (action IN ('ACKNOWLEDGED', 'CLOSED', 'PUSHED', 'REOPENED')),
    reason          text,
    note            text,
    operator_region text        NOT NULL,
    client_id       text        NOT NULL,
    request_id      text        NOT NULL,
    acted_at        timestamptz NOT NULL
);

CREATE INDEX supervision_action_of_match ON supervision_action (match_id, acted_at);
