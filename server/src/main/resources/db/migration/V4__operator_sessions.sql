-- Operator sessions of the dashboard, kept in the database so that any instance behind the load
-- balancer knows them and a logout ends a session everywhere at once.
-- id is an HMAC of the random cookie value keyed by the admin token: the cookie itself is never
-- stored, and changing the admin token ends every session.
CREATE TABLE operator_session (
    id            VARCHAR(64) PRIMARY KEY,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_operator_session_expires ON operator_session (expires_at);
