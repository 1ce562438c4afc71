-- The first screenful of the list (overdue and due today, earliest first) straight from an
-- index, so fieldbook can draw before the whole book is read.
CREATE INDEX customer_by_next_follow_up ON customer(archived, next_follow_up_on);
