-- Indexes so a command reads only the rows it answers, not the whole book. Everything here is
-- derived from the book's own rows and kept by triggers inside every writing transaction (a
-- form, an import, a merge, an undo, a restore's upgrade), like the other roll-ups. The
-- search functions (search_chars, search_digits, match_keys) are registered by fieldbook on
-- its connections, as fts_fold() is. A book taken back to an older version by hand may still
-- hold some of this: it is kept, and its rows written afresh.

-- The customer search's narrow copy of what it reads: a customer's text and its people's, in
-- the shape the customer list reads them (people one a line; reach: the WeChat id, then per
-- person phone, e-mail and WeChat id). A search that cannot be narrowed reads this table,
-- not the wide customer rows and their people.
CREATE TABLE IF NOT EXISTS customer_search (
    customer_id INTEGER PRIMARY KEY,
    archived    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    city        TEXT NOT NULL,
    tags        TEXT NOT NULL,
    phone       TEXT NOT NULL,
    email       TEXT NOT NULL,
    people      TEXT NOT NULL,
    reach       TEXT NOT NULL
);
-- Each distinct non-Latin character of those texts as a token: a word with 星 and 河 can only
-- match customers holding both, whatever else the match allows (pinyin, fuzzy).
CREATE VIRTUAL TABLE IF NOT EXISTS customer_search_chars USING fts5(
    chars, content = '', contentless_delete = 1, tokenize = 'ascii', detail = 'none'
);
-- Every phone number's digits, for a number typed in part.
CREATE VIRTUAL TABLE IF NOT EXISTS customer_search_digits USING fts5(
    digits, content = '', contentless_delete = 1, tokenize = 'trigram'
);
-- What a customer being added is compared on (name, company name, e-mails, phones), hashed,
-- for the likely-duplicate check at the door.
CREATE TABLE IF NOT EXISTS customer_match_key (
    customer_id INTEGER NOT NULL,
    key         INTEGER NOT NULL,
    PRIMARY KEY (customer_id, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS customer_match_key_by_key ON customer_match_key(key);

-- Inserting a customer's id here writes its search rows afresh from the book (or removes them
-- when the customer is gone): the one place their derivation is written down.
CREATE VIEW IF NOT EXISTS customer_search_refresh (customer_id) AS SELECT NULL;
CREATE TRIGGER IF NOT EXISTS customer_search_refresh_row INSTEAD OF INSERT ON customer_search_refresh BEGIN
    DELETE FROM customer_search WHERE customer_id = NEW.customer_id;
    DELETE FROM customer_search_chars WHERE rowid = NEW.customer_id;
    DELETE FROM customer_search_digits WHERE rowid = NEW.customer_id;
    INSERT INTO customer_search (customer_id, archived, name, city, tags, phone, email, people, reach)
        SELECT c.id, c.archived, c.name, c.city, c.tags, c.phone, c.email,
               -- Ordered in a subquery, not inside group_concat: SQLite before 3.44 could
               -- not read a book whose schema held that.
               coalesce((SELECT group_concat(name, char(10))
                           FROM (SELECT p.name FROM contact p
                                  WHERE p.customer_id = c.id ORDER BY p.id)), ''),
               c.wechat || coalesce((SELECT group_concat(part, '')
                           FROM (SELECT char(10) || p.phone || char(9) || p.email || char(9)
                                        || p.wechat AS part
                                   FROM contact p WHERE p.customer_id = c.id ORDER BY p.id)), '')
          FROM customer c WHERE c.id = NEW.customer_id;
    INSERT INTO customer_search_chars (rowid, chars)
        SELECT customer_id, search_chars(name, people, city, tags, phone, email, reach)
          FROM customer_search WHERE customer_id = NEW.customer_id;
    INSERT INTO customer_search_digits (rowid, digits)
        SELECT customer_id, search_digits(phone, reach)
          FROM customer_search WHERE customer_id = NEW.customer_id;
END;

CREATE TRIGGER IF NOT EXISTS customer_search_insert AFTER INSERT ON customer BEGIN
    INSERT INTO customer_search_refresh VALUES (NEW.id);
END;
CREATE TRIGGER IF NOT EXISTS customer_search_update
    AFTER UPDATE OF id, name, city, tags, phone, email, wechat, archived ON customer BEGIN
    INSERT INTO customer_search_refresh SELECT OLD.id WHERE OLD.id != NEW.id;
    INSERT INTO customer_search_refresh VALUES (NEW.id);
END;
CREATE TRIGGER IF NOT EXISTS customer_search_delete AFTER DELETE ON customer BEGIN
    INSERT INTO customer_search_refresh VALUES (OLD.id);
END;
CREATE TRIGGER IF NOT EXISTS contact_search_insert AFTER INSERT ON contact BEGIN
    INSERT INTO customer_search_refresh VALUES (NEW.customer_id);
END;
CREATE TRIGGER IF NOT EXISTS contact_search_update
    AFTER UPDATE OF id, customer_id, name, phone, email, wechat ON contact BEGIN
    INSERT INTO customer_search_refresh SELECT OLD.customer_id WHERE OLD.customer_id != NEW.customer_id;
    INSERT INTO customer_search_refresh VALUES (NEW.customer_id);
END;
CREATE TRIGGER IF NOT EXISTS contact_search_delete AFTER DELETE ON contact BEGIN
    INSERT INTO customer_search_refresh VALUES (OLD.customer_id);
END;

DELETE FROM customer_search;
INSERT INTO customer_search_chars (customer_search_chars) VALUES ('delete-all');
INSERT INTO customer_search_digits (customer_search_digits) VALUES ('delete-all');
INSERT INTO customer_search_refresh SELECT id FROM customer;

-- A customer's match keys follow its own name, e-mail and phone (its people play no part).
CREATE TRIGGER IF NOT EXISTS customer_match_key_insert AFTER INSERT ON customer BEGIN
    INSERT OR IGNORE INTO customer_match_key (customer_id, key)
        SELECT NEW.id, value FROM json_each(match_keys(NEW.name, NEW.email, NEW.phone));
END;
CREATE TRIGGER IF NOT EXISTS customer_match_key_update AFTER UPDATE OF id, name, email, phone ON customer BEGIN
    DELETE FROM customer_match_key WHERE customer_id IN (OLD.id, NEW.id);
    INSERT OR IGNORE INTO customer_match_key (customer_id, key)
        SELECT NEW.id, value FROM json_each(match_keys(NEW.name, NEW.email, NEW.phone));
END;
CREATE TRIGGER IF NOT EXISTS customer_match_key_delete AFTER DELETE ON customer BEGIN
    DELETE FROM customer_match_key WHERE customer_id = OLD.id;
END;
DELETE FROM customer_match_key;
INSERT OR IGNORE INTO customer_match_key (customer_id, key)
    SELECT c.id, k.value FROM customer c, json_each(match_keys(c.name, c.email, c.phone)) k;

-- The distinct cities, walked one index step at a time (a city written in the other script
-- matches without sharing a character).
CREATE INDEX IF NOT EXISTS customer_by_city ON customer(city);

-- Tiers rank 12-month revenue. The revenue of one window (days and currency) per customer is
-- kept here; a command moves the window to its day (only the orders crossing its edges are
-- read) and the triggers below keep it as deals change. The cut-offs of the ranking (the last
-- A and the last B customer) are kept with it until the revenue changes.
CREATE TABLE IF NOT EXISTS revenue_window (
    only      INTEGER PRIMARY KEY CHECK (only = 1),
    from_day  TEXT NOT NULL,
    to_day    TEXT NOT NULL,
    currency  TEXT NOT NULL,
    -- Cut-offs, valid for these shares; NULL until read, and again after a change.
    a_share   INTEGER,
    b_share   INTEGER,
    a_amount  INTEGER,
    a_id      INTEGER,
    b_amount  INTEGER,
    b_id      INTEGER
);
CREATE TABLE IF NOT EXISTS revenue_12m (
    customer_id INTEGER PRIMARY KEY,
    amount      INTEGER NOT NULL,
    deals       INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS revenue_12m_ranked ON revenue_12m(amount DESC, customer_id);
-- Summed afresh by the first command that ranks.
DELETE FROM revenue_window;
DELETE FROM revenue_12m;
-- Won deals by day with what the window sums, read from the index alone.
CREATE INDEX IF NOT EXISTS deal_won_revenue ON deal(closed_on, currency, customer_id, amount) WHERE stage = 'won';
-- A customer's last order (is it lost?) in one step.
CREATE INDEX IF NOT EXISTS deal_won_by_customer ON deal(customer_id, closed_on) WHERE stage = 'won';

CREATE TRIGGER IF NOT EXISTS deal_revenue_insert AFTER INSERT ON deal
    WHEN NEW.stage = 'won' AND EXISTS (SELECT 1 FROM revenue_window w
        WHERE NEW.closed_on BETWEEN w.from_day AND w.to_day AND NEW.currency = w.currency) BEGIN
    INSERT INTO revenue_12m (customer_id, amount, deals) VALUES (NEW.customer_id, NEW.amount, 1)
        ON CONFLICT (customer_id) DO UPDATE SET amount = amount + excluded.amount, deals = deals + 1;
    UPDATE revenue_window SET a_share = NULL;
END;
CREATE TRIGGER IF NOT EXISTS deal_revenue_delete AFTER DELETE ON deal
    WHEN OLD.stage = 'won' AND EXISTS (SELECT 1 FROM revenue_window w
        WHERE OLD.closed_on BETWEEN w.from_day AND w.to_day AND OLD.currency = w.currency) BEGIN
    UPDATE revenue_12m SET amount = amount - OLD.amount, deals = deals - 1
     WHERE customer_id = OLD.customer_id;
    DELETE FROM revenue_12m WHERE customer_id = OLD.customer_id AND deals <= 0;
    UPDATE revenue_window SET a_share = NULL;
END;
CREATE TRIGGER IF NOT EXISTS deal_revenue_update
    AFTER UPDATE OF customer_id, amount, currency, stage, closed_on ON deal BEGIN
    UPDATE revenue_12m SET amount = amount - OLD.amount, deals = deals - 1
     WHERE customer_id = OLD.customer_id AND OLD.stage = 'won' AND EXISTS (
        SELECT 1 FROM revenue_window w
         WHERE OLD.closed_on BETWEEN w.from_day AND w.to_day AND OLD.currency = w.currency);
    DELETE FROM revenue_12m WHERE customer_id = OLD.customer_id AND deals <= 0;
    INSERT INTO revenue_12m (customer_id, amount, deals)
        SELECT NEW.customer_id, NEW.amount, 1 FROM revenue_window w
         WHERE NEW.stage = 'won' AND NEW.closed_on BETWEEN w.from_day AND w.to_day
           AND NEW.currency = w.currency
        ON CONFLICT (customer_id) DO UPDATE SET amount = amount + excluded.amount, deals = deals + 1;
    UPDATE revenue_window SET a_share = NULL;
END;

-- Going cold: customers with nothing planned, by the day their own cadence runs out, and
-- (without one) by the day they were last heard from, for the tier's cadence.
CREATE INDEX IF NOT EXISTS customer_cold_by_own_cadence
    ON customer(date(coalesce(last_contact_at, created_at), '+' || cadence_days || ' days'))
    WHERE archived = 0 AND next_follow_up_on IS NULL AND cadence_days IS NOT NULL;
CREATE INDEX IF NOT EXISTS customer_quiet_by_tier_cadence ON customer(coalesce(last_contact_at, created_at))
    WHERE archived = 0 AND next_follow_up_on IS NULL AND cadence_days IS NULL;

-- Birthdays by month and day (a spelling fieldbook does not write files under '?', always read).
CREATE INDEX IF NOT EXISTS customer_birthday_by_day ON customer(
    CASE WHEN birthday GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
           OR birthday GLOB '--[0-9][0-9]-[0-9][0-9]' THEN substr(birthday, -5) ELSE '?' END)
    WHERE birthday IS NOT NULL;
CREATE INDEX IF NOT EXISTS contact_birthday_by_day ON contact(
    CASE WHEN birthday GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
           OR birthday GLOB '--[0-9][0-9]-[0-9][0-9]' THEN substr(birthday, -5) ELSE '?' END)
    WHERE birthday IS NOT NULL;

-- Open complaints, newest first, without reading the resolved ones.
CREATE INDEX IF NOT EXISTS complaint_open ON complaint(opened_on DESC, id DESC) WHERE status != 'resolved';
