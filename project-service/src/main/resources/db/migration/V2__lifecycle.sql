-- A demand may now be exhausted (no fitting bank left) and closed by its county with a reason.
ALTER TABLE project DROP CONSTRAINT project_status_check;
ALTER TABLE project ADD CONSTRAINT project_status_check
    CHECK (status IN ('SUBMITTED', 'PUSHED', 'NO_MATCH', 'IN_TALKS', 'EXHAUSTED', 'APPROVED',
                      'DISBURSED', 'WITHDRAWN', 'CLOSED'));
ALTER TABLE project
    ADD COLUMN closed_at     timestamptz,
    ADD COLUMN closure_reason text
        CHECK (closure_reason IN ('FINANCED_BELOW_AMOUNT', 'FINANCED_ELSEWHERE', 'NO_LONGER_NEEDED')),
    ADD COLUMN closure_note  varchar(500),
    ADD CHECK ((closed_at IS NULL) = (closure_reason IS NULL));

-- Who took each step: the API client and request for a county's action or an event that names
-- them, and always the service that took or reported it.
ALTER TABLE project_timeline
    ADD COLUMN actor_client_id  text,
    ADD COLUMN actor_request_id text,
    ADD COLUMN actor_service    text;

-- Steps recorded before: those from events are the producer's by their kind; the county's own
-- steps name no client, which was not recorded.
UPDATE project_timeline SET actor_service = CASE
    WHEN step IN ('PUSHED', 'NO_MATCH', 'SUPERVISION_NOTICE', 'MATCH_RELEASED') THEN 'matching-service'
    WHEN step IN ('BANK_INTEREST', 'BANK_DECLINE', 'APPROVED', 'DISBURSED') THEN 'credit-service'
    ELSE 'project-service' END;
