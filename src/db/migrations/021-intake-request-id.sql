-- First contact's request id (a hidden field of the form, or the API's Idempotency-Key): a repeated submission of
-- the same form finds the intake it made before instead of registering the person twice.
ALTER TABLE intakes ADD COLUMN request_id uuid UNIQUE;
