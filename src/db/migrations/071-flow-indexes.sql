-- The flow of applications (/monitoring/przeplyw) joins a case's applications and interviews by case.
CREATE INDEX applications_case_idx ON applications (case_id, submitted_on);
CREATE INDEX interviews_case_idx ON interviews (case_id);
