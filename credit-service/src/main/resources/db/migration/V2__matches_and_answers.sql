-- The demand behind the matches, as project-service announced it (huoshui.projects). It names the
-- enterprise and its contact, so a bank sees it only after it declared interest.
CREATE TABLE demand (
    project_id        uuid          PRIMARY KEY,
    county            text          NOT NULL,
    version           integer       NOT NULL,
    amount_requested  numeric(15,2) NOT NULL,
    full_demand       jsonb         NOT NULL,
    withdrawn_at      timestamptz,
    withdrawal_reason text
);

CREATE INDEX demand_county ON demand (county);

-- A match pushed to a bank (huoshui.matches), with the state of that bank's answers to it.
CREATE TABLE bank_match (
    match_id          uuid          PRIMARY KEY,
    project_id        uuid          NOT NULL,
    county            text          NOT NULL,
    bank_code         text          NOT NULL,
    product_id        uuid          NOT NULL,
    product_name      text          NOT NULL,
    tier              text          NOT NULL,
    rank              integer       NOT NULL,
    score             numeric(5,2)  NOT NULL,
    reasons           jsonb         NOT NULL,
    deadline          date          NOT NULL,
    proposed_at       timestamptz   NOT NULL,
    demand            jsonb         NOT NULL, -- the anonymised demand of MatchProposed
    amount_requested  numeric(15,2) NOT NULL,
    status            text          NOT NULL
        CHECK (status IN ('PROPOSED', 'INTERESTED', 'DECLINED', 'APPROVED', 'DISBURSED', 'RELEASED')),
    colour            text,
    escalated_at      timestamptz,
    released_cause    text,
    released_at       timestamptz,
    interested_at     timestamptz,
    declined_at       timestamptz,
    approved_at       timestamptz,
    first_answered_at timestamptz,
    intended          numeric(15,2) NOT NULL DEFAULT 0,
    approved          numeric(15,2) NOT NULL DEFAULT 0,
    disbursed         numeric(15,2) NOT NULL DEFAULT 0,
    CHECK (disbursed <= approved)
);

CREATE INDEX bank_match_inbox ON bank_match (bank_code, status, deadline);
CREATE INDEX bank_match_project ON bank_match (project_id);

-- Every answer a bank accepted, in order; the match's totals are their sums.
CREATE TABLE bank_response (
    id                  uuid          PRIMARY KEY,
    match_id            uuid          NOT NULL REFERENCES bank_match (match_id),
    bank_code           text          NOT NULL,
    answer              text          NOT NULL CHECK (answer IN ('INTEREST', 'DECLINE', 'APPROVAL', 'DISBURSEMENT')),
    amount              numeric(15,2),
    annual_rate         numeric(6,3),
    term_months         integer,
    decline_reason      text,
    note                text,
    over_request_reason text,
    disbursed_on        date,
    responded_at        timestamptz   NOT NULL
);

CREATE INDEX bank_response_match ON bank_response (match_id, responded_at);

-- Each digest run covers the window after the previous one, so no change is told twice or skipped.
CREATE TABLE catalog_digest_run (
    window_to   timestamptz PRIMARY KEY,
    window_from timestamptz NOT NULL,
    digests     integer     NOT NULL
);
