-- The years of the working-day calendar the network's administrator published: each replaces the
-- shipped file of its year, and is announced on huoshui.calendar through the outbox.
CREATE TABLE calendar_year (
    year         integer     PRIMARY KEY CHECK (year BETWEEN 2000 AND 2999),
    calendar     jsonb       NOT NULL,
    published_by text        NOT NULL,
    published_at timestamptz NOT NULL
);
