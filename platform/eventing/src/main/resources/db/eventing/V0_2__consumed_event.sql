-- The idempotent-consumer log: the id of every event a consumer has applied, written in the
-- same transaction as the effect, so that a redelivered event is recognised and skipped.
CREATE TABLE consumed_event (
    consumer    text        NOT NULL,
    event_id    text        NOT NULL,
    event_type  text        NOT NULL,
    topic       text        NOT NULL,
    consumed_at timestamptz NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX consumed_event_consumed_at ON consumed_event (consumed_at);
