-- The first customer book: customers, the people at them, every contact, and follow-ups.
-- Dates are ISO text: 'YYYY-MM-DD' for days, 'YYYY-MM-DDTHH:MM:SS' for local date-times.

CREATE TABLE customer (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind            TEXT NOT NULL DEFAULT 'company' CHECK (kind IN ('company', 'person')),
    industry        TEXT NOT NULL DEFAULT '',
    city            TEXT NOT NULL DEFAULT '',
    address         TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    wechat          TEXT NOT NULL DEFAULT '',
    website         TEXT NOT NULL DEFAULT '',
    tags            TEXT NOT NULL DEFAULT '',   -- comma separated, trimmed, no empties
    tier            TEXT CHECK (tier IN ('A', 'B', 'C')),
    stage           TEXT CHECK (stage IN ('prospect', 'new', 'active', 'repeat', 'at_risk', 'lost')),
    lead_source     TEXT NOT NULL DEFAULT '',
    birthday        TEXT,                       -- 'YYYY-MM-DD', or '--MM-DD' when the year is unknown
    notes           TEXT NOT NULL DEFAULT '',
    cadence_days    INTEGER CHECK (cadence_days > 0),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    -- Kept by the triggers below, inside the writing transaction, so they are never stale.
    last_contact_at   TEXT,
    next_follow_up_on TEXT
);

CREATE TABLE contact (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    title       TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    wechat      TEXT NOT NULL DEFAULT '',
    birthday    TEXT,
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX contact_by_customer ON contact(customer_id);

CREATE TABLE interaction (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    contact_id  INTEGER REFERENCES contact(id) ON DELETE SET NULL,
    at          TEXT NOT NULL,
    channel     TEXT NOT NULL CHECK (channel IN ('visit', 'call', 'wechat', 'email', 'meeting', 'message', 'other')),
    summary     TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX interaction_by_customer ON interaction(customer_id, at DESC);

CREATE TABLE follow_up (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    interaction_id INTEGER REFERENCES interaction(id) ON DELETE SET NULL,
    due_on         TEXT NOT NULL,
    due_time       TEXT,                        -- 'HH:MM', optional
    task           TEXT NOT NULL,
    done_at        TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX follow_up_open_by_due ON follow_up(due_on) WHERE done_at IS NULL;
CREATE INDEX follow_up_by_customer ON follow_up(customer_id, due_on);

-- Roll-ups: "last contacted" and "next follow-up" follow every write in the same transaction.
CREATE TRIGGER interaction_rollup_insert AFTER INSERT ON interaction BEGIN
    UPDATE customer SET last_contact_at = NEW.at
     WHERE id = NEW.customer_id AND (last_contact_at IS NULL OR last_contact_at < NEW.at);
END;
CREATE TRIGGER interaction_rollup_update AFTER UPDATE OF at, customer_id ON interaction BEGIN
    UPDATE customer SET last_contact_at = (SELECT max(at) FROM interaction WHERE customer_id = customer.id)
     WHERE id IN (OLD.customer_id, NEW.customer_id);
END;
CREATE TRIGGER interaction_rollup_delete AFTER DELETE ON interaction BEGIN
    UPDATE customer SET last_contact_at = (SELECT max(at) FROM interaction WHERE customer_id = OLD.customer_id)
     WHERE id = OLD.customer_id;
END;

CREATE TRIGGER follow_up_rollup_insert AFTER INSERT ON follow_up WHEN NEW.done_at IS NULL BEGIN
    UPDATE customer SET next_follow_up_on = NEW.due_on
     WHERE id = NEW.customer_id AND (next_follow_up_on IS NULL OR next_follow_up_on > NEW.due_on);
END;
CREATE TRIGGER follow_up_rollup_update AFTER UPDATE OF due_on, done_at, customer_id ON follow_up BEGIN
    UPDATE customer SET next_follow_up_on =
        (SELECT min(due_on) FROM follow_up WHERE customer_id = customer.id AND done_at IS NULL)
     WHERE id IN (OLD.customer_id, NEW.customer_id);
END;
CREATE TRIGGER follow_up_rollup_delete AFTER DELETE ON follow_up BEGIN
    UPDATE customer SET next_follow_up_on =
        (SELECT min(due_on) FROM follow_up WHERE customer_id = OLD.customer_id AND done_at IS NULL)
     WHERE id = OLD.customer_id;
END;
