-- Undo records rows, not statements: the old log held SQL text that undo executed, so a row
-- copied into it (by an import, or a doctored backup) ran as code on the next `u`. Each entry
-- now names a tracked table, the row and the change that happened; the old column values are
-- kept as a JSON object and put back through prepared statements on known columns only.
-- Old SQL-text entries cannot be trusted, so a book's earlier undo history is dropped here.

DELETE FROM undo_step;
DROP TABLE undo_log;

CREATE TABLE undo_log (
    id     INTEGER PRIMARY KEY,
    step   INTEGER NOT NULL REFERENCES undo_step(id) ON DELETE CASCADE,
    tbl    TEXT NOT NULL,                -- one of the tables undo tracks (repository/undo.rs)
    change TEXT NOT NULL CHECK (change IN ('insert', 'update', 'delete')),
    row_id INTEGER NOT NULL,
    old    TEXT                          -- the row before an update or delete: {"column": value}
);

CREATE INDEX undo_log_by_step ON undo_log(step);

-- Which book this is, so a restore can tell its own undo history from another book's. Kept if
-- already there (a book taken back to an older version by hand keeps its identity).
CREATE TABLE IF NOT EXISTS book_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT OR IGNORE INTO book_meta (key, value) VALUES ('book_id', lower(hex(randomblob(16))));
