-- Reports read a case's latest income statement and its applications for every case paid in a period (the
-- applications' index by case, with their filing day, comes from 071).
CREATE INDEX income_statements_case_idx ON income_statements (case_id, computed_at DESC);
