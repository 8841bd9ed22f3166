-- Case page: finding an element instance's end by its key, the audit trail of a case.
CREATE INDEX engine_records_key_idx ON engine_records (record_key);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, at);
