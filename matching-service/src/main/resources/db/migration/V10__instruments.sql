-- The policy instruments, as the latest event carried each; the in-memory index is loaded from
-- here on start, as the products' is.
CREATE TABLE instrument (
    instrument_id uuid    PRIMARY KEY,
    version       bigint  NOT NULL,
    active        boolean NOT NULL,
    data          jsonb   NOT NULL
);

CREATE INDEX instrument_active ON instrument (instrument_id) WHERE active;

-- What public money went with a proposal: the instruments offered and the rate after subsidy.
-- Null for a match proposed before instruments were offered.
ALTER TABLE match ADD COLUMN support jsonb;
