-- When this service last took a new version of a product in: an instance that takes over a
-- partition of demands reverse-matches them against the products received shortly before, which
-- their former owner may not have applied yet.
ALTER TABLE product ADD COLUMN received_at timestamptz NOT NULL DEFAULT now();

CREATE INDEX product_received_at ON product (received_at) WHERE active;
