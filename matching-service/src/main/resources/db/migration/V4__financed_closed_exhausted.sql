-- The demand's lifecycle: a demand the banks' approvals cover is FINANCED and routed no more, one
-- its county closes is CLOSED, one every fitting bank declined or let go RED is EXHAUSTED (and may
-- still be re-opened by a product that fits later).
ALTER TABLE demand DROP CONSTRAINT demand_status_check;
ALTER TABLE demand ADD CONSTRAINT demand_status_check
    CHECK (status IN ('OPEN', 'NO_MATCH', 'EXHAUSTED', 'FINANCED', 'WITHDRAWN', 'CLOSED'));

-- Loading a partition's demands with room reads only those that may still be routed.
DROP INDEX demand_by_partition;
CREATE INDEX demand_by_partition ON demand (partition_no)
    WHERE status IN ('OPEN', 'NO_MATCH', 'EXHAUSTED');

ALTER TABLE match DROP CONSTRAINT match_release_cause_check;
ALTER TABLE match ADD CONSTRAINT match_release_cause_check CHECK (release_cause IN
    ('DECLINED', 'RED', 'WITHDRAWN', 'SUPERSEDED', 'FINANCED', 'CLOSED'));

-- The match's sums after the bank's latest answer (credit-service counts them), from which
-- matching tells when a demand is financed; and a decline's reason, which an exhausted demand's
-- county learns.
ALTER TABLE match ADD COLUMN approved numeric(15, 2) NOT NULL DEFAULT 0;
ALTER TABLE match ADD COLUMN disbursed numeric(15, 2) NOT NULL DEFAULT 0;
ALTER TABLE match ADD COLUMN decline_reason text;
