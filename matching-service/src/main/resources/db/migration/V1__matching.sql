-- matching-service's read model and its decisions. Products and demands are copies of what
-- credit-service and project-service announced (rebuilt from their topics when lost); matches and
-- bank records are this service's own state.

-- Every product, as the latest event carried it; the in-memory index is loaded from here on start.
CREATE TABLE product (
    product_id uuid    PRIMARY KEY,
    bank_code  text    NOT NULL,
    version    bigint  NOT NULL,
    active     boolean NOT NULL,
    data       jsonb   NOT NULL
);

CREATE INDEX product_active ON product (product_id) WHERE active;

-- Every demand, anonymised: matching never needs the enterprise's name, code or contact, so it
-- never stores them. partition_no is the huoshui.projects partition the demand is keyed to: the
-- instance that consumes that partition is the one that matches the demand.
CREATE TABLE demand (
    project_id   uuid        PRIMARY KEY,
    county       text        NOT NULL,
    version      bigint      NOT NULL,
    status       text        NOT NULL CHECK (status IN ('OPEN', 'NO_MATCH', 'WITHDRAWN')),
    partition_no integer     NOT NULL,
    data         jsonb       NOT NULL,
    no_match     jsonb,
    submitted_at timestamptz NOT NULL
);

CREATE INDEX demand_by_partition ON demand (partition_no) WHERE status <> 'WITHDRAWN';

-- A demand pushed to one product of one bank. A bank gets a demand at most once, whatever
-- becomes of the match, so that re-routing always moves on to another bank.
CREATE TABLE match (
    match_id        uuid          PRIMARY KEY,
    project_id      uuid          NOT NULL REFERENCES demand,
    county          text          NOT NULL,
    bank_code       text          NOT NULL,
    product_id      uuid          NOT NULL,
    product_name    text          NOT NULL,
    tier            text          NOT NULL,
    rank            integer       NOT NULL,
    score           numeric(5, 2) NOT NULL,
    reasons         jsonb         NOT NULL,
    status          text          NOT NULL CHECK (status IN ('PROPOSED', 'ANSWERED', 'RELEASED')),
    deadline        date          NOT NULL,
    colour          text          CHECK (colour IN ('BLUE', 'YELLOW', 'RED')),
    proposed_at     timestamptz   NOT NULL,
    first_answer_at timestamptz,
    last_answer     text,
    released_at     timestamptz,
    release_cause   text          CHECK (release_cause IN ('DECLINED', 'RED', 'WITHDRAWN', 'SUPERSEDED')),
    UNIQUE (project_id, bank_code)
);

CREATE INDEX match_of_project ON match (project_id);
-- The supervision sweep and board read the unanswered matches only.
CREATE INDEX match_unanswered ON match (proposed_at) WHERE status = 'PROPOSED';

-- Each bank's track record with the demand pushed to it: what the score's TRACK_RECORD part reads.
CREATE TABLE bank_record (
    bank_code                 text   PRIMARY KEY,
    first_answers             bigint NOT NULL DEFAULT 0,
    first_answer_working_days bigint NOT NULL DEFAULT 0,
    approvals                 bigint NOT NULL DEFAULT 0,
    declines                  bigint NOT NULL DEFAULT 0
);
