-- The working days a bank gives itself for a credit decision after INTEREST and for a first
-- disbursement after APPROVAL; NULL leaves the network's default to matching-service.
ALTER TABLE product
    ADD COLUMN decision_working_days     integer CHECK (decision_working_days BETWEEN 1 AND 60),
    ADD COLUMN disbursement_working_days integer CHECK (disbursement_working_days BETWEEN 1 AND 60);
