-- What notification-service knows, delivers and has delivered.

-- Each audience (a county, a bank, an operator's region) numbers its notifications 1, 2, 3...
-- The row is locked by the transaction that takes the next number until it commits, so the
-- numbers of one audience become visible in order: a reader that has seen n has seen all below n.
CREATE TABLE audience_sequence (
    audience_type text   NOT NULL,
    audience_id   text   NOT NULL,
    last_seq      bigint NOT NULL,
    PRIMARY KEY (audience_type, audience_id)
);

CREATE TABLE notification (
    id            uuid        PRIMARY KEY,
    audience_type text        NOT NULL CHECK (audience_type IN ('COUNTY', 'BANK', 'OPERATOR')),
    audience_id   text        NOT NULL,
    seq           bigint      NOT NULL,
    kind          text        NOT NULL,
    -- the demand (or, for a catalog digest, the county) the notification is about: webhook
    -- deliveries of one subject to one endpoint keep their order
    subject       text        NOT NULL,
    county        text        NOT NULL,
    -- what caused it (an event id, a reminder's key): one cause makes one notification per audience
    origin        text        NOT NULL,
    data          jsonb       NOT NULL,
    created_at    timestamptz NOT NULL,
    read_at       timestamptz,
    UNIQUE (audience_type, audience_id, seq),
    UNIQUE (audience_type, audience_id, origin, kind)
);

CREATE INDEX notification_unread ON notification (audience_type, audience_id, seq) WHERE read_at IS NULL;

-- Read models of other services' events, only what the texts and the recipients need.
CREATE TABLE known_project (
    project_id uuid    PRIMARY KEY,
    county     text    NOT NULL,
    title      text    NOT NULL,
    version    integer NOT NULL
);

CREATE TABLE known_match (
    match_id       uuid        PRIMARY KEY,
    project_id     uuid        NOT NULL,
    county         text        NOT NULL,
    bank_code      text        NOT NULL,
    product_id     uuid        NOT NULL,
    product_name   text        NOT NULL,
    amount_requested numeric(15,2),
    deadline       date,
    colour         text,
    released_cause text,
    reminded_at    timestamptz
);

CREATE INDEX known_match_project ON known_match (project_id);
CREATE INDEX known_match_awaiting_answer ON known_match (deadline)
    WHERE released_cause IS NULL AND reminded_at IS NULL;

-- First answers, by match: apart from known_match because an answer (huoshui.bank-responses) may
-- be read before the match it answers (huoshui.matches).
CREATE TABLE answered_match (
    match_id    uuid        PRIMARY KEY,
    answered_at timestamptz NOT NULL
);

CREATE TABLE known_bank (
    bank_code text PRIMARY KEY,
    bank_name text NOT NULL
);

-- Webhooks. The secret is kept readable because every delivery is signed with it.
CREATE TABLE webhook_endpoint (
    id          uuid        PRIMARY KEY,
    tenant_type text        NOT NULL,
    tenant_id   text        NOT NULL,
    url         text        NOT NULL,
    secret      text        NOT NULL,
    language    text        NOT NULL,
    created_at  timestamptz NOT NULL,
    deleted_at  timestamptz
);

CREATE INDEX webhook_endpoint_tenant ON webhook_endpoint (tenant_type, tenant_id) WHERE deleted_at IS NULL;

CREATE TABLE webhook_delivery (
    id              uuid        PRIMARY KEY,
    endpoint_id     uuid        NOT NULL REFERENCES webhook_endpoint (id),
    notification_id uuid        NOT NULL REFERENCES notification (id),
    subject         text        NOT NULL,
    seq             bigint      NOT NULL,
    county          text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'PARKED', 'CANCELLED')),
    -- every attempt ever made (numbers the log); those of the current round (the backoff and the
    -- parking count these; a replay starts a new round)
    attempts        integer     NOT NULL DEFAULT 0,
    round_attempts  integer     NOT NULL DEFAULT 0,
    -- the persisted schedule: a restart picks up exactly where the last process left off
    next_attempt_at timestamptz NOT NULL,
    -- a lease while an attempt is in flight; a process that dies mid-attempt lets it lapse
    claimed_until   timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz,
    parked_at       timestamptz,
    UNIQUE (endpoint_id, notification_id)
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_order ON webhook_delivery (endpoint_id, subject, seq) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_parked ON webhook_delivery (parked_at) WHERE status = 'PARKED';
CREATE INDEX webhook_delivery_notification ON webhook_delivery (notification_id);

CREATE TABLE webhook_attempt (
    delivery_id  uuid        NOT NULL REFERENCES webhook_delivery (id),
    attempt      integer     NOT NULL,
    attempted_at timestamptz NOT NULL,
    status_code  integer,
    error        text,
    duration_ms  integer     NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
