-- Escalation by level (逐级督办): a RED match goes first to the office of its own tier, then, while
-- its case is neither answered nor closed, to the city's and the province's, each a number of
-- working days later. escalated_to is the level reached at the running stage, escalate_on the day
-- the next level is due (NULL: none is left, or not RED); a new stage starts both afresh.
ALTER TABLE match ADD COLUMN escalated_to text CHECK (escalated_to IN ('COUNTY', 'CITY', 'PROVINCE'));
ALTER TABLE match ADD COLUMN escalate_on date;
