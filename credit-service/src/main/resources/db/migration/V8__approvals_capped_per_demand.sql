-- What all banks together have approved for one demand. Approvals of different banks lock
-- different bank_match rows; this row is where they meet, so that their sum is checked against the
-- amount requested one approval at a time (ON CONFLICT … DO UPDATE … WHERE takes its row lock).
CREATE TABLE demand_approval (
    project_id uuid          PRIMARY KEY,
    approved   numeric(15,2) NOT NULL CHECK (approved > 0)
);

INSERT INTO demand_approval (project_id, approved)
SELECT project_id, sum(approved) FROM bank_match GROUP BY project_id HAVING sum(approved) > 0;
