-- Reports read a case's latest interview and its applications for every case paid in a period.
CREATE INDEX income_statements_case_idx ON income_statements (case_id, computed_at DESC);
CREATE INDEX applications_case_idx ON applications (case_id);
