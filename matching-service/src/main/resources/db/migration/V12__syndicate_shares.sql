-- A match of a demand shared among banks (银团) carries its bank's place in the syndicate: LEAD or
-- PARTICIPANT, the share of the amount requested proposed to it, and the lead bank. All three are
-- null for a match asking a bank for the whole amount.
ALTER TABLE match
    ADD COLUMN syndicate_role  text CHECK (syndicate_role IN ('LEAD', 'PARTICIPANT')),
    ADD COLUMN syndicate_share numeric(15,2),
    ADD COLUMN syndicate_lead  text,
    ADD CONSTRAINT match_syndicate_whole CHECK (
        (syndicate_role IS NULL) = (syndicate_share IS NULL)
        AND (syndicate_role IS NULL) = (syndicate_lead IS NULL));

-- The lead bank may give a participant's share to another bank: the participant's match is then
-- released REPLACED.
ALTER TABLE match DROP CONSTRAINT match_release_cause_check;
ALTER TABLE match ADD CONSTRAINT match_release_cause_check CHECK (release_cause IN
    ('DECLINED', 'RED', 'WITHDRAWN', 'SUPERSEDED', 'FINANCED', 'CLOSED', 'REPLACED'));
