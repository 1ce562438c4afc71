-- Full-text search over what was said (interaction summaries) and what is known (customer and
-- people notes). Contentless FTS5 tables kept by triggers inside every writing transaction.
-- fts_fold() is registered by fieldbook on every connection: it lowercases and puts spaces
-- around each CJK character, so 报价 is found inside 客户要求下周报价 as the phrase "报 价".

CREATE VIRTUAL TABLE interaction_fts USING fts5(
    body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO interaction_fts (rowid, body) SELECT id, fts_fold(summary) FROM interaction;

CREATE TRIGGER interaction_fts_insert AFTER INSERT ON interaction BEGIN
    INSERT INTO interaction_fts (rowid, body) VALUES (NEW.id, fts_fold(NEW.summary));
END;
CREATE TRIGGER interaction_fts_update AFTER UPDATE OF summary ON interaction BEGIN
    DELETE FROM interaction_fts WHERE rowid = OLD.id;
    INSERT INTO interaction_fts (rowid, body) VALUES (NEW.id, fts_fold(NEW.summary));
END;
CREATE TRIGGER interaction_fts_delete AFTER DELETE ON interaction BEGIN
    DELETE FROM interaction_fts WHERE rowid = OLD.id;
END;

-- One row per customer: its notes and its people's notes together.
CREATE VIRTUAL TABLE customer_notes_fts USING fts5(
    body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO customer_notes_fts (rowid, body)
    SELECT c.id, fts_fold(c.notes || ' ' || coalesce((SELECT group_concat(p.notes, ' ') FROM contact p WHERE p.customer_id = c.id), ''))
      FROM customer c;

CREATE TRIGGER customer_notes_fts_insert AFTER INSERT ON customer BEGIN
    INSERT INTO customer_notes_fts (rowid, body) VALUES (NEW.id, fts_fold(NEW.notes));
END;
CREATE TRIGGER customer_notes_fts_update AFTER UPDATE OF notes ON customer BEGIN
    DELETE FROM customer_notes_fts WHERE rowid = OLD.id;
    INSERT INTO customer_notes_fts (rowid, body)
        VALUES (NEW.id, fts_fold(NEW.notes || ' ' || coalesce((SELECT group_concat(p.notes, ' ') FROM contact p WHERE p.customer_id = NEW.id), '')));
END;
CREATE TRIGGER customer_notes_fts_delete AFTER DELETE ON customer BEGIN
    DELETE FROM customer_notes_fts WHERE rowid = OLD.id;
END;
-- A person's notes change what their customer's row says.
CREATE TRIGGER contact_notes_fts AFTER INSERT ON contact BEGIN
    DELETE FROM customer_notes_fts WHERE rowid = NEW.customer_id;
    INSERT INTO customer_notes_fts (rowid, body)
        SELECT c.id, fts_fold(c.notes || ' ' || coalesce((SELECT group_concat(p.notes, ' ') FROM contact p WHERE p.customer_id = c.id), ''))
          FROM customer c WHERE c.id = NEW.customer_id;
END;
CREATE TRIGGER contact_notes_fts_update AFTER UPDATE OF notes ON contact BEGIN
    DELETE FROM customer_notes_fts WHERE rowid = NEW.customer_id;
    INSERT INTO customer_notes_fts (rowid, body)
        SELECT c.id, fts_fold(c.notes || ' ' || coalesce((SELECT group_concat(p.notes, ' ') FROM contact p WHERE p.customer_id = c.id), ''))
          FROM customer c WHERE c.id = NEW.customer_id;
END;
CREATE TRIGGER contact_notes_fts_delete AFTER DELETE ON contact BEGIN
    DELETE FROM customer_notes_fts WHERE rowid = OLD.customer_id;
    INSERT INTO customer_notes_fts (rowid, body)
        SELECT c.id, fts_fold(c.notes || ' ' || coalesce((SELECT group_concat(p.notes, ' ') FROM contact p WHERE p.customer_id = c.id), ''))
          FROM customer c WHERE c.id = OLD.customer_id;
END;
