-- The working days of a match's later stages as its MatchProposed announced them (the product's
-- own or the network's defaults, fixed at the push): the reminders count the deadline matching
-- supervises. NULL for a match announced without them: the network's defaults then.
ALTER TABLE known_match
    ADD COLUMN decision_working_days     integer,
    ADD COLUMN disbursement_working_days integer;
