-- A county's financing demand. The checks repeat the API's rules so that no path into the
-- database (a migration, a fix by hand) can store a demand the API would have refused.
CREATE TABLE project (
    id                     uuid          PRIMARY KEY,
    county                 varchar(12)   NOT NULL,
    title                  varchar(200)  NOT NULL,
    description            varchar(4000) NOT NULL,
    enterprise_name        varchar(100)  NOT NULL,
    enterprise_credit_code char(18)      NOT NULL,
    enterprise_size        text          NOT NULL
        CHECK (enterprise_size IN ('MICRO', 'SMALL', 'MEDIUM', 'LARGE')),
    industry               text          NOT NULL
        CHECK (industry IN ('AGRICULTURE', 'INDUSTRY_AND_SOFTWARE', 'CONSTRUCTION',
                            'TRADE_AND_HOSPITALITY', 'CULTURE_AND_TOURISM', 'TRANSPORT',
                            'OTHER_SERVICES')),
    purpose                text          NOT NULL
        CHECK (purpose IN ('WORKING_CAPITAL', 'FIXED_ASSETS', 'TECHNOLOGY_UPGRADE',
                           'GREEN_TRANSITION', 'ACQUISITION', 'OTHER')),
    total_investment       numeric(15,2) CHECK (total_investment > 0),
    amount_requested       numeric(15,2) NOT NULL CHECK (amount_requested > 0),
    term_months            integer       NOT NULL CHECK (term_months BETWEEN 1 AND 360),
    collateral             text[]        NOT NULL,
    tags                   text[]        NOT NULL,
    contact_name           varchar(100)  NOT NULL,
    contact_phone          varchar(20)   NOT NULL,
    status                 text          NOT NULL
        CHECK (status IN ('SUBMITTED', 'PUSHED', 'NO_MATCH', 'IN_TALKS', 'APPROVED', 'DISBURSED',
                          'WITHDRAWN', 'CLOSED')),
    -- What matching reported when nothing fitted: {evaluatedProducts, failures: [{rule, failedProducts}]}
    no_match               jsonb,
    amount_intended        numeric(15,2) NOT NULL DEFAULT 0,
    amount_approved        numeric(15,2) NOT NULL DEFAULT 0,
    amount_disbursed       numeric(15,2) NOT NULL DEFAULT 0,
    submitted_at           timestamptz   NOT NULL,
    -- When the county last submitted or changed the demand itself.
    changed_at             timestamptz   NOT NULL,
    withdrawn_at           timestamptz,
    withdrawal_reason      varchar(500),
    version                integer       NOT NULL CHECK (version >= 1),
    CHECK (total_investment IS NULL OR amount_requested <= total_investment)
);

-- The list: a tenant's demands newest first, with a stable tie-break on the id.
CREATE INDEX project_county_submitted ON project (county, submitted_at DESC, id DESC);
-- Operators list a region by division-code prefix.
CREATE INDEX project_county_prefix ON project (county text_pattern_ops);

-- One row per bank match of a demand: what was pushed, and the answers' running totals. Bank
-- answers and match events travel on different topics, so either may create the row.
CREATE TABLE project_match (
    match_id         uuid          PRIMARY KEY,
    project_id       uuid          NOT NULL REFERENCES project (id),
    bank_code        text          NOT NULL,
    product_id       uuid          NOT NULL,
    product_name     text,
    proposed_at      timestamptz,
    released_at      timestamptz,
    release_cause    text,
    amount_intended  numeric(15,2) NOT NULL DEFAULT 0,
    amount_approved  numeric(15,2) NOT NULL DEFAULT 0,
    amount_disbursed numeric(15,2) NOT NULL DEFAULT 0,
    -- respondedAt of the answer whose totals are held: an older answer delivered late is ignored.
    totals_as_of     timestamptz
);

CREATE INDEX project_match_project ON project_match (project_id);

-- Every step of a demand, in the order it happened (occurred_at is the step's own time, not the
-- time the service learnt of it); seq breaks ties in the order of recording.
CREATE TABLE project_timeline (
    seq          bigserial     PRIMARY KEY,
    project_id   uuid          NOT NULL REFERENCES project (id),
    step         text          NOT NULL,
    occurred_at  timestamptz   NOT NULL,
    bank_code    text,
    product_id   uuid,
    product_name text,
    amount       numeric(15,2),
    details      jsonb         NOT NULL DEFAULT '{}'
);

CREATE INDEX project_timeline_project ON project_timeline (project_id, occurred_at, seq);
