-- The working days of a match's later stages, fixed when it is pushed (the product's own, else the
-- network's defaults) and announced with it, so that every service counts the same deadline.
-- NULL for the matches pushed before: their later stages run on the product's days as the stage
-- starts, as they did.
ALTER TABLE match
    ADD COLUMN decision_working_days     integer CHECK (decision_working_days > 0),
    ADD COLUMN disbursement_working_days integer CHECK (disbursement_working_days > 0),
    ADD CHECK ((decision_working_days IS NULL) = (disbursement_working_days IS NULL));
