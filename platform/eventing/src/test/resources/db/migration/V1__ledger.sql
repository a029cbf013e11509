-- A small service of the test's own: a county's ledger of credit granted, and a projection of it
-- that a consumer maintains from the ledger's events.
CREATE TABLE ledger_entry (
    id      uuid          PRIMARY KEY,
    county  text          NOT NULL,
    amount  numeric(18,2) NOT NULL
);

CREATE TABLE ledger_projection (
    event_id text          PRIMARY KEY,
    county   text          NOT NULL,
    amount   numeric(18,2) NOT NULL,
    applied  bigserial     NOT NULL
);
