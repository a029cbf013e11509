-- What a demand's detailed green pledges carry with the match's product (value, pledge ratio,
-- ceiling), as its proposal named it. Null when the product lends on no detailed pledge, and for a
-- match proposed before pledges were detailed. The demands' pledges and the products' green terms
-- travel inside their jsonb data and need no column.
ALTER TABLE match ADD COLUMN pledge jsonb;
