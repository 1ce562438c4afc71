-- Undo: every user action is one step; each row it changed leaves the SQL that puts the row back.
-- The recording triggers are created per connection from the live schema (repository/undo.rs),
-- so a later migration that adds a column or a table is covered without rewriting them.

CREATE TABLE undo_step (
    id    INTEGER PRIMARY KEY,
    label TEXT NOT NULL,       -- what the person did: "logged call with 星河科技"
    at    TEXT NOT NULL
);

CREATE TABLE undo_log (
    id   INTEGER PRIMARY KEY,
    step INTEGER NOT NULL REFERENCES undo_step(id) ON DELETE CASCADE,
    sql  TEXT NOT NULL         -- one statement that reverses one row change
);

CREATE INDEX undo_log_by_step ON undo_log(step);
