-- What a contact led to, and follow-ups that come back.

-- An outcome key from the config (no_answer, quote_sent, ...); free text so the config can grow.
ALTER TABLE interaction ADD COLUMN outcome TEXT;

-- A repeating follow-up: completing it creates the next one in the same transaction.
ALTER TABLE follow_up ADD COLUMN repeat_every INTEGER CHECK (repeat_every > 0);
ALTER TABLE follow_up ADD COLUMN repeat_unit TEXT CHECK (repeat_unit IN ('day', 'week', 'month', 'year'));
ALTER TABLE follow_up ADD COLUMN repeat_basis TEXT CHECK (repeat_basis IN ('schedule', 'done'));

-- Recent contacts per customer, for the "not too often" check and the review.
CREATE INDEX follow_up_done ON follow_up(customer_id, done_at) WHERE done_at IS NOT NULL;
