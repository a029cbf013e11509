-- Banks, created by the operators of the network; a bank client's tenant id is its code.
CREATE TABLE bank (
    code       text        PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name       text        NOT NULL,
    level      text        NOT NULL CHECK (level IN ('COUNTY_BRANCH', 'CITY_BRANCH', 'PROVINCIAL', 'NATIONAL')),
    created_at timestamptz NOT NULL
);

-- A credit product of one bank. The vocabularies are the API's upper-case names.
CREATE TABLE product (
    id                uuid          PRIMARY KEY,
    bank_code         text          NOT NULL REFERENCES bank (code),
    name              text          NOT NULL,
    category          text          NOT NULL,
    min_amount        numeric(15,2) NOT NULL,
    max_amount        numeric(15,2) NOT NULL,
    min_term_months   integer       NOT NULL,
    max_term_months   integer       NOT NULL,
    min_annual_rate   numeric(6,3)  NOT NULL,
    max_annual_rate   numeric(6,3)  NOT NULL,
    industries        text[]        NOT NULL,
    enterprise_sizes  text[]        NOT NULL,
    regions           text[]        NOT NULL,
    collateral        text[]        NOT NULL, -- empty: a credit loan
    tags              text[]        NOT NULL,
    valid_from        date          NOT NULL,
    valid_to          date,
    budget            numeric(15,2),            -- NULL: no lending budget, unlimited
    committed         numeric(15,2) NOT NULL DEFAULT 0, -- sum of the approvals charged to it
    -- Derived, so that an approval and a budget change can never disagree about what is left.
    remaining_budget  numeric(15,2) GENERATED ALWAYS AS (budget - committed) STORED,
    status            text          NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    version           integer       NOT NULL,
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    CHECK (min_amount > 0 AND min_amount <= max_amount),
    CHECK (min_term_months > 0 AND min_term_months <= max_term_months),
    CHECK (min_annual_rate >= 0 AND min_annual_rate <= max_annual_rate AND max_annual_rate <= 36),
    CHECK (valid_to IS NULL OR valid_from <= valid_to),
    CHECK (budget IS NULL OR committed <= budget),
    CHECK (cardinality(regions) > 0)
);

CREATE INDEX product_bank ON product (bank_code);
CREATE INDEX product_regions ON product USING gin (regions);

-- What changed in the catalog and when, for the periodic digest to the counties. Budget movements
-- from approvals are not catalog changes and are not recorded here.
CREATE TABLE product_change (
    seq        bigserial   PRIMARY KEY,
    product_id uuid        NOT NULL REFERENCES product (id),
    change     text        NOT NULL CHECK (change IN ('NEW', 'UPDATED', 'RETIRED')),
    changed_at timestamptz NOT NULL
);

CREATE INDEX product_change_changed_at ON product_change (changed_at);
