-- The organisations that may obtain tokens: every county portal, bank system and operator is a
-- client of its own. Secrets are stored only as hashes ({bcrypt}...), and shown once.
CREATE TABLE api_client (
    client_id         text        PRIMARY KEY CHECK (client_id ~ '^[a-z0-9][a-z0-9-]{2,63}$'),
    display_name      text        NOT NULL,
    tenant_type       text        NOT NULL CHECK (tenant_type IN ('COUNTY', 'BANK', 'OPERATOR')),
    tenant_id         text        NOT NULL,
    scopes            text[]      NOT NULL,
    secret_hash       text        NOT NULL,
    enabled           boolean     NOT NULL DEFAULT true,
    created_at        timestamptz NOT NULL,
    secret_rotated_at timestamptz NOT NULL,
    disabled_at       timestamptz
);

CREATE INDEX api_client_tenant ON api_client (tenant_type, tenant_id);

-- Token signing keys. The newest signs; older ones stay published in the JWKS until every token
-- they signed has expired, so a rotation never invalidates a token in flight.
CREATE TABLE signing_key (
    kid          text        PRIMARY KEY,
    jwk          text        NOT NULL,
    created_at   timestamptz NOT NULL,
    retired_at   timestamptz
);

-- Spring Authorization Server's record of issued tokens (its schema, with PostgreSQL types).
CREATE TABLE oauth2_authorization (
    id varchar(100) NOT NULL,
    registered_client_id varchar(100) NOT NULL,
    principal_name varchar(200) NOT NULL,
    authorization_grant_type varchar(100) NOT NULL,
    authorized_scopes varchar(1000) DEFAULT NULL,
    attributes text DEFAULT NULL,
    state varchar(500) DEFAULT NULL,
    authorization_code_value text DEFAULT NULL,
    authorization_code_issued_at timestamptz DEFAULT NULL,
    authorization_code_expires_at timestamptz DEFAULT NULL,
    authorization_code_metadata text DEFAULT NULL,
    access_token_value text DEFAULT NULL,
    access_token_issued_at timestamptz DEFAULT NULL,
    access_token_expires_at timestamptz DEFAULT NULL,
    access_token_metadata text DEFAULT NULL,
    access_token_type varchar(100) DEFAULT NULL,
    access_token_scopes varchar(1000) DEFAULT NULL,
    oidc_id_token_value text DEFAULT NULL,
    oidc_id_token_issued_at timestamptz DEFAULT NULL,
    oidc_id_token_expires_at timestamptz DEFAULT NULL,
    oidc_id_token_metadata text DEFAULT NULL,
    refresh_token_value text DEFAULT NULL,
    refresh_token_issued_at timestamptz DEFAULT NULL,
    refresh_token_expires_at timestamptz DEFAULT NULL,
    refresh_token_metadata text DEFAULT NULL,
    user_code_value text DEFAULT NULL,
    user_code_issued_at timestamptz DEFAULT NULL,
    user_code_expires_at timestamptz DEFAULT NULL,
    user_code_metadata text DEFAULT NULL,
    device_code_value text DEFAULT NULL,
    device_code_issued_at timestamptz DEFAULT NULL,
    device_code_expires_at timestamptz DEFAULT NULL,
    device_code_metadata text DEFAULT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX oauth2_authorization_expiry ON oauth2_authorization (access_token_expires_at);
