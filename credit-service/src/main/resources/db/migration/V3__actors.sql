-- Who acted: the API client whose token made the request and the request's X-Request-Id. Rows kept
-- before the network recorded it have none.
ALTER TABLE bank_response
    ADD COLUMN actor_client_id  text,
    ADD COLUMN actor_request_id text;

ALTER TABLE product_change
    ADD COLUMN actor_client_id  text,
    ADD COLUMN actor_request_id text;
