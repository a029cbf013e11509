-- Platform migrations take versions 0.x so that each service's own start at 1.
-- The transactional outbox: an event row is written in the same transaction as the state change
-- it announces; the relay publishes it to Kafka and marks it published.
CREATE TABLE event_outbox (
    id           uuid        PRIMARY KEY,
    seq          bigserial   NOT NULL UNIQUE,
    topic        text        NOT NULL,
    message_key  text        NOT NULL,
    event_type   text        NOT NULL,
    envelope     json        NOT NULL, -- json, not jsonb: published byte for byte as written
    created_at   timestamptz NOT NULL,
    published_at timestamptz,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text
);

-- The relay reads only what is pending, in write order.
CREATE INDEX event_outbox_pending ON event_outbox (seq) WHERE published_at IS NULL;
CREATE INDEX event_outbox_published_at ON event_outbox (published_at) WHERE published_at IS NOT NULL;
