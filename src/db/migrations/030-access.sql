-- RODO: the audit trail is append-only for the app. The app may connect as a superuser (CI), for whom GRANT and
-- REVOKE bind nothing, so a trigger refuses every UPDATE, DELETE and TRUNCATE of audit_log.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log jest tylko do dopisywania (% zabronione)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Failed logins, per account and per address, counted in a window (shared by every replica).
CREATE TABLE login_failures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  login text NOT NULL,
  address text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_login_idx ON login_failures (login, at);
CREATE INDEX login_failures_address_idx ON login_failures (address, at);

CREATE INDEX audit_log_action_idx ON audit_log (action, at);
