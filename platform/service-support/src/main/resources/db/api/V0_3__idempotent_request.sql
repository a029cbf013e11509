-- The first answer to every create request that carried an Idempotency-Key, written in the
-- transaction that created the object, so that a retry replays it instead of creating again.
CREATE TABLE idempotent_request (
    tenant_type   text        NOT NULL,
    tenant_id     text        NOT NULL,
    request_key   text        NOT NULL,
    route         text        NOT NULL,
    fingerprint   text        NOT NULL,
    status        integer     NOT NULL,
    location      text,
    body          text,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_type, tenant_id, request_key)
);

CREATE INDEX idempotent_request_created_at ON idempotent_request (created_at);
