-- A policy instrument (贴息, 政府性融资担保, 风险补偿资金池) that a region's government funds and its
-- financial office manages. The vocabularies are the API's upper-case names; an empty list of
-- industries, sizes or purposes leaves that dimension open.
CREATE TABLE instrument (
    id               uuid          PRIMARY KEY,
    kind             text          NOT NULL
        CHECK (kind IN ('INTEREST_SUBSIDY', 'GUARANTEE', 'RISK_COMPENSATION')),
    issuer_region    text          NOT NULL CHECK (issuer_region ~ '^\d{2}(\d{2}(\d{2})?)?$'),
    name             text          NOT NULL,
    regions          text[]        NOT NULL CHECK (cardinality(regions) > 0),
    industries       text[]        NOT NULL,
    enterprise_sizes text[]        NOT NULL,
    purposes         text[]        NOT NULL,
    tags             text[]        NOT NULL, -- every one must be on the demand
    max_amount       numeric(15,2) CHECK (max_amount > 0),
    max_term_months  integer       CHECK (max_term_months > 0),
    subsidy_points   numeric(5,3),
    subsidy_ceiling  numeric(15,2),
    coverage_ratio   numeric(5,2),
    fee_rate         numeric(5,3),
    loss_share       numeric(5,2),
    budget           numeric(15,2) NOT NULL CHECK (budget > 0),
    drawn            numeric(15,2) NOT NULL DEFAULT 0, -- what approvals have drawn on it
    -- Derived, as a product's, so that a drawing and a budget change never disagree on what is left.
    remaining_budget numeric(15,2) GENERATED ALWAYS AS (budget - drawn) STORED,
    valid_from       date          NOT NULL,
    valid_to         date,
    status           text          NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    version          integer       NOT NULL,
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    CHECK (drawn >= 0 AND drawn <= budget),
    CHECK (valid_to IS NULL OR valid_from <= valid_to),
    -- Each kind carries its own benefit and no other's.
    CHECK (CASE kind
        WHEN 'INTEREST_SUBSIDY' THEN subsidy_points > 0 AND coverage_ratio IS NULL
            AND fee_rate IS NULL AND loss_share IS NULL
        WHEN 'GUARANTEE' THEN coverage_ratio > 0 AND coverage_ratio <= 100 AND fee_rate >= 0
            AND subsidy_points IS NULL AND subsidy_ceiling IS NULL AND loss_share IS NULL
        ELSE loss_share > 0 AND loss_share <= 100 AND subsidy_points IS NULL
            AND subsidy_ceiling IS NULL AND coverage_ratio IS NULL AND fee_rate IS NULL
        END)
);

CREATE INDEX instrument_regions ON instrument USING gin (regions);
CREATE INDEX instrument_issuer ON instrument (issuer_region text_pattern_ops);

-- Who changed an instrument and when.
CREATE TABLE instrument_change (
    seq              bigserial   PRIMARY KEY,
    instrument_id    uuid        NOT NULL REFERENCES instrument (id),
    change           text        NOT NULL CHECK (change IN ('NEW', 'UPDATED', 'RETIRED')),
    changed_at       timestamptz NOT NULL,
    actor_client_id  text        NOT NULL,
    actor_request_id text
);

CREATE INDEX instrument_change_instrument ON instrument_change (instrument_id, seq);
