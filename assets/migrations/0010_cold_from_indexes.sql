-- `today` reads only what it prints and counts the rest from indexes.

-- The day of each customer's last order (won deal), kept by the deals' triggers in the writing
-- transaction like the other roll-ups: whether a customer is lost is known from its row. Only
-- a change is written (an unchanged customer row is not touched, so undo records nothing).
ALTER TABLE customer ADD COLUMN last_order_on TEXT;
UPDATE customer SET last_order_on =
    (SELECT max(d.closed_on) FROM deal d WHERE d.customer_id = customer.id AND d.stage = 'won');
CREATE TRIGGER IF NOT EXISTS deal_last_order_insert AFTER INSERT ON deal WHEN NEW.stage = 'won' BEGIN
    UPDATE customer SET last_order_on = NEW.closed_on
     WHERE id = NEW.customer_id AND NEW.closed_on IS NOT NULL
       AND (last_order_on IS NULL OR last_order_on < NEW.closed_on);
END;
CREATE TRIGGER IF NOT EXISTS deal_last_order_update AFTER UPDATE OF customer_id, stage, closed_on ON deal
    WHEN OLD.stage = 'won' OR NEW.stage = 'won' BEGIN
    UPDATE customer SET last_order_on = (SELECT max(d.closed_on) FROM deal d
                                          WHERE d.customer_id = customer.id AND d.stage = 'won')
     WHERE id IN (OLD.customer_id, NEW.customer_id)
       AND last_order_on IS NOT (SELECT max(d.closed_on) FROM deal d
                                  WHERE d.customer_id = customer.id AND d.stage = 'won');
END;
CREATE TRIGGER IF NOT EXISTS deal_last_order_delete AFTER DELETE ON deal WHEN OLD.stage = 'won' BEGIN
    UPDATE customer SET last_order_on = (SELECT max(d.closed_on) FROM deal d
                                          WHERE d.customer_id = customer.id AND d.stage = 'won')
     WHERE id = OLD.customer_id
       AND last_order_on IS NOT (SELECT max(d.closed_on) FROM deal d
                                  WHERE d.customer_id = customer.id AND d.stage = 'won');
END;

-- Going cold, judged from the indexes alone: each holds what the rule reads of a customer with
-- nothing planned (since when quiet, its own cadence, the tier and stage set by hand, the last
-- order), so counting who is going cold reads no customer row; names are read only for the
-- few shown. They replace 0009's indexes of the same names, which held the day alone.
DROP INDEX IF EXISTS customer_cold_by_own_cadence;
DROP INDEX IF EXISTS customer_quiet_by_tier_cadence;
CREATE INDEX customer_cold_by_own_cadence
    ON customer(date(coalesce(last_contact_at, created_at), '+' || cadence_days || ' days'),
                cadence_days, last_contact_at, created_at, stage, last_order_on,
                archived, next_follow_up_on)
    WHERE archived = 0 AND next_follow_up_on IS NULL AND cadence_days IS NOT NULL;
CREATE INDEX customer_quiet_by_tier_cadence
    ON customer(coalesce(last_contact_at, created_at), last_contact_at, created_at, tier, stage,
                last_order_on, archived, next_follow_up_on, cadence_days)
    WHERE archived = 0 AND next_follow_up_on IS NULL AND cadence_days IS NULL;

-- The open follow-ups in the order the morning lists them, with their customer: a section's
-- first page is read in order and stops, and its size is counted, from the index alone.
CREATE INDEX IF NOT EXISTS follow_up_open_in_order
    ON follow_up(due_on, due_time IS NULL, due_time, id, customer_id, done_at)
    WHERE done_at IS NULL;
-- An archived customer's open follow-ups (off every list), found without reading them.
CREATE INDEX IF NOT EXISTS follow_up_open_by_customer ON follow_up(customer_id, due_on, due_time, done_at)
    WHERE done_at IS NULL;
