-- A county's upload of a demand list, keyed by the file's SHA-256, with each row's outcome: the
-- same file uploaded again answers this report and submits nothing.
CREATE TABLE demand_import (
    county      text        NOT NULL,
    sha256      text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    report      jsonb       NOT NULL,
    imported_at timestamptz NOT NULL,
    PRIMARY KEY (county, sha256)
);
