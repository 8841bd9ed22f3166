-- The account transfers leave from (sample centre: a valid test NRB; the centre sets its own).
ALTER TABLE centres ADD COLUMN bank_account text;
UPDATE centres SET bank_account = '61109010140000071219812874' WHERE id = 'mops-przyklad';
