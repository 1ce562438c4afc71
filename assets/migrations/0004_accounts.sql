-- Account intelligence: deals (won orders and opportunities), complaints, satisfaction,
-- greetings, automatic care reminders, and reasons for hand-set tiers and stages.
-- Amounts are integer minor units (fen, cents), never floats.

CREATE TABLE deal (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    amount         INTEGER NOT NULL CHECK (amount >= 0),
    currency       TEXT NOT NULL DEFAULT 'CNY',
    stage          TEXT NOT NULL CHECK (stage IN ('lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost')),
    expected_close TEXT,
    closed_on      TEXT,               -- the order date of a won deal
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX deal_by_customer ON deal(customer_id, closed_on);
CREATE INDEX deal_won_by_day ON deal(closed_on) WHERE stage = 'won';

CREATE TABLE complaint (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    opened_on    TEXT NOT NULL,
    what         TEXT NOT NULL CHECK (length(trim(what)) > 0),
    severity     TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
    status       TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'resolved')),
    resolved_on  TEXT,
    resolution   TEXT NOT NULL DEFAULT '',
    satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX complaint_by_customer ON complaint(customer_id, status);

-- customer.tier and customer.stage are now the hand-set overrides; the computed ones are derived
-- from deals on every read. Tiers typed before they were computed keep that as their reason.
ALTER TABLE customer ADD COLUMN tier_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN stage_reason TEXT NOT NULL DEFAULT '';
UPDATE customer SET tier_reason = 'set by hand' WHERE tier IS NOT NULL;
UPDATE customer SET stage_reason = 'set by hand' WHERE stage IS NOT NULL;

-- How the customer felt after a contact, 1-5, when asked.
ALTER TABLE interaction ADD COLUMN satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5);

-- Holiday greetings sent, so the greeting list knows who is still to greet this year.
CREATE TABLE greeting (
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    holiday     TEXT NOT NULL,         -- a holiday key: spring_festival, mid_autumn, ...
    year        INTEGER NOT NULL,
    greeted_on  TEXT NOT NULL,
    PRIMARY KEY (customer_id, holiday, year)
);

-- Birthday and yearly-date follow-ups created automatically, one per occurrence.
CREATE TABLE care_reminder (
    customer_id  INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    person       TEXT NOT NULL DEFAULT '',   -- '' for the customer itself
    on_date      TEXT NOT NULL,
    follow_up_id INTEGER REFERENCES follow_up(id) ON DELETE SET NULL,
    PRIMARY KEY (customer_id, person, on_date)
);
