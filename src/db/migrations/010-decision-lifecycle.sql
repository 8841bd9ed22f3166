-- After the decision is issued: dispatch and delivery (art. 44 KPA), waiver of appeal (art. 127a), the appeal and
-- its ruling by the SKO (art. 129–138), enforceability (art. 130), and the art. 36 notices of delay. Each row or
-- column is written once by an idempotent worker or by the clerk's recorded event.
ALTER TABLE decisions ADD COLUMN dispatched_on date;
ALTER TABLE decisions ADD COLUMN delivery_deemed boolean NOT NULL DEFAULT false;
ALTER TABLE decisions ADD COLUMN appeal_waived_on date;
ALTER TABLE decisions ADD COLUMN approval_checked_at timestamptz;

ALTER TABLE appeals ADD COLUMN received_by uuid REFERENCES users (id);
ALTER TABLE appeals ADD COLUMN ruling text CHECK (ruling IN ('upheld', 'changed', 'revoked', 'remanded'));
ALTER TABLE appeals ADD COLUMN ruling_received_on date;
ALTER TABLE appeals ADD COLUMN forwarding_document_id uuid REFERENCES documents (id);
-- one open appeal per decision at a time (a second one before the ruling is a duplicate entry)
CREATE UNIQUE INDEX appeals_one_open_idx ON appeals (decision_id) WHERE ruling IS NULL;

CREATE TABLE delay_notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  reason text NOT NULL,
  new_due_on date NOT NULL,
  notice_key text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX delay_notices_case_idx ON delay_notices (case_id);

-- the appeal body the centre forwards appeals to (art. 17 pkt 1 KPA: the local government board of appeal)
ALTER TABLE centres ADD COLUMN appeal_body_name text NOT NULL DEFAULT 'Samorządowe Kolegium Odwoławcze';
ALTER TABLE centres ADD COLUMN appeal_body_address text NOT NULL DEFAULT '';
UPDATE centres SET appeal_body_name = 'Samorządowe Kolegium Odwoławcze w Przykładowie',
                   appeal_body_address = 'ul. Sądowa 5, 00-002 Przykładowo'
 WHERE id = 'mops-przyklad';

-- "z upoważnienia …" under the signature (art. 268a KPA): the organ in the genitive, as the centre writes it;
-- empty means the wording is derived from the organ's title (Dyrektor → Dyrektora)
ALTER TABLE centres ADD COLUMN organ_name_genitive text;
