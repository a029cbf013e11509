-- A financial office's matchmaking event (政银企对接会): where banks sign intentions on stage for
-- demands of the office's region, later reconciled with what the banks approve and disburse.
CREATE TABLE matchmaking_event (
    id         uuid          PRIMARY KEY,
    region     varchar(6)    NOT NULL CHECK (region ~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$'),
    title      varchar(200)  NOT NULL,
    held_on    date          NOT NULL,
    venue      varchar(200)  NOT NULL,
    theme      varchar(500)  NOT NULL,
    created_at timestamptz   NOT NULL,
    created_by text
);

CREATE INDEX matchmaking_event_region ON matchmaking_event (region text_pattern_ops, held_on);

-- The banks invited, by the code the network knows them by (the matches' and answers' bank_code).
CREATE TABLE matchmaking_invitation (
    event_id  uuid NOT NULL REFERENCES matchmaking_event (id),
    bank_code text NOT NULL,
    PRIMARY KEY (event_id, bank_code)
);

-- The demands on the agenda.
CREATE TABLE matchmaking_agenda (
    event_id   uuid        NOT NULL REFERENCES matchmaking_event (id),
    project_id uuid        NOT NULL REFERENCES project (id),
    added_at   timestamptz NOT NULL,
    PRIMARY KEY (event_id, project_id)
);

-- One intention per bank and demand of the event: what was announced on stage is not re-signed.
CREATE TABLE matchmaking_intention (
    event_id   uuid          NOT NULL,
    project_id uuid          NOT NULL,
    bank_code  text          NOT NULL,
    amount     numeric(15,2) NOT NULL CHECK (amount > 0),
    signed_at  timestamptz   NOT NULL,
    signed_by  text,
    PRIMARY KEY (event_id, project_id, bank_code),
    FOREIGN KEY (event_id, project_id) REFERENCES matchmaking_agenda (event_id, project_id),
    FOREIGN KEY (event_id, bank_code) REFERENCES matchmaking_invitation (event_id, bank_code)
);
