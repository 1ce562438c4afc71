-- Redo, and undo that says when: undoing a step now records what it put back as a step of its
-- own on the redo stack (`redo = 1`), rows as data like any undo step, so `U` re-applies it
-- through the same fixed statements. A new change empties the redo stack.
-- `run` names the run of fieldbook that made a step (a random id per open connection), so the
-- app can tell a change made in this session from one made before it and ask before undoing
-- the latter. Steps from before this version have none: they are from before this session.

ALTER TABLE undo_step ADD COLUMN redo INTEGER NOT NULL DEFAULT 0 CHECK (redo IN (0, 1));
ALTER TABLE undo_step ADD COLUMN run TEXT;

CREATE INDEX undo_step_by_stack ON undo_step(redo, id);
