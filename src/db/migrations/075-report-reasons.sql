-- Reports (MRPiPS-03): the art. 7 reason chosen at first contact is kept on the intake in the case file too (the
-- engine had it only as a routing variable), so the report counts families by reason without asking the engine.
ALTER TABLE intakes ADD COLUMN aid_reason text;
-- the payouts register and the period aggregates read paid instalments by their payout day
CREATE INDEX payout_instalments_paid_idx ON payout_instalments (paid_at) WHERE status = 'paid';
