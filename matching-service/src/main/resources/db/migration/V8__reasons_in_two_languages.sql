-- Reasons were worded in English only; they now carry a Chinese explanation and its English
-- translation. Earlier rows keep their English sentence for both, so every stored reason answers
-- in either language.
UPDATE match
SET reasons = (
  SELECT jsonb_agg(reason || jsonb_build_object('english', reason -> 'explanation'))
  FROM jsonb_array_elements(reasons) AS reason
)
WHERE jsonb_array_length(reasons) > 0;
