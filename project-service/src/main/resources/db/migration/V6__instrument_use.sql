-- The policy instruments (贴息, 政府性融资担保, 风险补偿资金池) each approval drew on, as credit-service
-- announced them with the approval: the quarterly pack counts their use by instrument, county and
-- bank. A match is approved once, so a match and an instrument make one use; an approval delivered
-- again writes nothing. Kind, name and issuer are absent from approvals announced before they were
-- told.
CREATE TABLE project_instrument_use (
    match_id      uuid          NOT NULL,
    instrument_id uuid          NOT NULL,
    project_id    uuid          NOT NULL REFERENCES project (id),
    bank_code     text          NOT NULL,
    kind          text, -- INTEREST_SUBSIDY, GUARANTEE, RISK_COMPENSATION, or one credit adds later
    name          text,
    issuer_region text,
    loan_amount   numeric(15,2) NOT NULL, -- the amount approved with the instrument
    drawn         numeric(15,2) NOT NULL, -- what the approval took of the instrument's budget
    approved_at   timestamptz   NOT NULL,
    PRIMARY KEY (match_id, instrument_id)
);

CREATE INDEX project_instrument_use_approved ON project_instrument_use (approved_at);
CREATE INDEX project_instrument_use_project ON project_instrument_use (project_id);
