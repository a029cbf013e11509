-- The registration of a green pledge behind a match (取水证, 碳配额, 排污权): its number in the
-- national movable-property registry (动产融资统一登记公示系统) and the filing with the licensing
-- authority (备案号, e.g. the water authority's). A bank records them with its approval or a later
-- disbursement; a disbursement on a demand that details a green pledge its product takes is
-- accepted only once both are recorded. A number once recorded is kept: a later answer that gives
-- none leaves it, one that gives another replaces it.
CREATE TABLE pledge_registration (
    match_id            uuid         PRIMARY KEY REFERENCES bank_match (match_id),
    registration_number varchar(64)  CHECK (registration_number <> ''),
    filing_number       varchar(64)  CHECK (filing_number <> ''),
    recorded_at         timestamptz  NOT NULL
);

-- What a product lends on each green kind it takes: [{kind, pledgeRatio, valuations}], the share of
-- a detailed pledge's value it lends and how it values the pledge (UNIT_PRICE, ENTERPRISE_VALUATION).
-- Read whole with the product, never queried by member; [] for a product that states none and
-- lends on the kind alone.
ALTER TABLE product ADD COLUMN green_terms jsonb NOT NULL DEFAULT '[]'
    CHECK (jsonb_typeof(green_terms) = 'array');
