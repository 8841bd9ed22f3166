-- Outbox delivery with several app replicas: a sender takes a lease on the messages it sends (FOR UPDATE SKIP LOCKED),
-- so no two replicas send the same letter at once; a sender that dies leaves its lease to expire.
ALTER TABLE outbox_messages ADD COLUMN lease_until timestamptz;
