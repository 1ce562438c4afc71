//! Searching what was said and noted: FTS5 over interaction summaries and customer/people
//! notes (migration 0005), with CJK text folded so any run of Chinese characters is findable.

use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;

use super::sql_text as text;
use super::{Repository, Result};
use crate::book::model::{Channel, NoteHit};

/// A CJK character (Han, kana, Hangul, fullwidth forms): each becomes its own token.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xAC00..=0xD7AF | 0x20000..=0x2FA1F)
}

/// Lowercase, with spaces around every CJK character: what the index stores and what a query
/// is turned into, so both sides cut text the same way.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    for c in text.chars() {
        if is_cjk(c) {
            out.push(' ');
            out.push(c);
            out.push(' ');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Registers fieldbook's SQL functions on a connection: `fts_fold(text)`, which the triggers of
/// migration 0005 call, and the customer search's (migration 0008). Any other program that
/// writes the book needs them too (reading needs nothing).
pub fn register(conn: &Connection) -> Result<()> {
    super::search_index::register(conn)?;
    conn.create_scalar_function(
        "fts_fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let text: Option<String> = ctx.get(0)?;
            Ok(text.map(|t| fold(&t)))
        },
    )?;
    Ok(())
}

/// The FTS5 query for what a person typed: every word must appear (a CJK run as a phrase), the
/// last one as a prefix so results come while typing. `None` when nothing searchable was typed.
pub fn match_query(typed: &str) -> Option<String> {
    let words: Vec<String> = typed
        .split_whitespace()
        .map(|w| {
            fold(w)
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || c == ' ' {
                        c
                    } else {
                        ' '
                    }
                })
                .collect::<String>()
        })
        .map(|w| w.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|w| !w.is_empty())
        .collect();
    let last = words.len().checked_sub(1)?;
    Some(
        words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let prefix = i == last && !w.chars().last().is_some_and(is_cjk);
                format!("\"{w}\"{}", if prefix { "*" } else { "" })
            })
            .collect::<Vec<_>>()
            .join(" AND "),
    )
}

impl Repository {
    /// Customer and people notes matching `typed` (each hit the notes that hold the words),
    /// then interactions, newest first; at most `limit`.
    pub fn search_notes(&self, typed: &str, limit: usize) -> Result<Vec<NoteHit>> {
        let Some(query) = match_query(typed) else {
            return Ok(Vec::new());
        };
        let mut hits = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.name, c.notes FROM customer_notes_fts f
               JOIN customer c ON c.id = f.rowid
              WHERE customer_notes_fts MATCH ?1 AND c.archived = 0
              LIMIT ?2",
        )?;
        let rows = stmt.query_map(rusqlite::params![query, limit as i64], |r| {
            Ok(NoteHit {
                customer_id: r.get(0)?,
                customer_name: r.get(1)?,
                interaction_id: None,
                person: None,
                contact_id: None,
                at: None,
                channel: None,
                text: r.get(2)?,
            })
        })?;
        for row in rows {
            hits.extend(self.whose_notes(row?, typed)?);
        }
        // Newest first by rowid: ids grow with time, and FTS5 walks rowids in order, so the
        // LIMIT stops the scan early.
        let mut stmt = self.conn.prepare_cached(
            // CROSS JOIN keeps this join order: left to itself the planner walked every
            // interaction (230 ms at a million) instead of the 200 the index found (under 1 ms).
            "SELECT i.id, i.customer_id, c.name, i.at, i.channel, i.summary
               FROM (SELECT rowid AS hit FROM interaction_fts WHERE interaction_fts MATCH ?1
                      ORDER BY rowid DESC LIMIT ?2) f
               CROSS JOIN interaction i ON i.id = f.hit
               CROSS JOIN customer c ON c.id = i.customer_id
              WHERE c.archived = 0
              ORDER BY i.at DESC, i.id DESC",
        )?;
        let rows = stmt.query_map(
            rusqlite::params![query, limit.saturating_sub(hits.len()) as i64],
            |r| {
                let channel: String = r.get(4)?;
                Ok(NoteHit {
                    interaction_id: Some(r.get(0)?),
                    person: None,
                    contact_id: None,
                    customer_id: r.get(1)?,
                    customer_name: r.get(2)?,
                    at: Some(text::parse_datetime("at", &r.get::<_, String>(3)?)?),
                    channel: Channel::parse(&channel),
                    text: r.get(5)?,
                })
            },
        )?;
        for row in rows {
            hits.push(row?);
        }
        Ok(hits)
    }
}

/// Whether every typed word appears in `text` (as the index cuts words, roughly).
fn holds_words(text: &str, typed: &str) -> bool {
    let text = fold(text);
    typed
        .split_whitespace()
        .all(|w| text.contains(fold(w).trim()))
}

impl Repository {
    /// A customer's notes hit, as the notes that hold the words: the customer's own and each
    /// person's (the index holds them as one); the customer's when none holds them all.
    fn whose_notes(&self, hit: NoteHit, typed: &str) -> Result<Vec<NoteHit>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, notes FROM contact WHERE customer_id = ?1 AND notes != '' ORDER BY id",
        )?;
        let people = stmt.query_map([hit.customer_id], |r| {
            Ok((r.get(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
        })?;
        let mut found = Vec::new();
        if holds_words(&hit.text, typed) {
            found.push(hit.clone());
        }
        for person in people {
            let (id, name, notes) = person?;
            if holds_words(&notes, typed) {
                found.push(NoteHit {
                    person: Some(name),
                    contact_id: Some(id),
                    text: notes,
                    ..hit.clone()
                });
            }
        }
        if found.is_empty() {
            found.push(hit);
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn cjk_is_cut_into_characters_and_latin_is_folded() {
        assert_eq!(fold("客户要求Q1报价"), " 客  户  要  求 q1 报  价 ");
        assert_eq!(match_query("报价").as_deref(), Some("\"报 价\""));
        assert_eq!(
            match_query("Q1 quo").as_deref(),
            Some("\"q1\" AND \"quo\"*")
        );
        assert_eq!(
            match_query("\"; DROP TABLE x; --").as_deref(),
            Some("\"drop\" AND \"table\" AND \"x\"*")
        );
        assert_eq!(match_query("  ,, "), None);
    }

    proptest! {
        #[test]
        fn any_typed_text_gives_a_query_fts5_accepts(typed in ".{0,40}") {
            let conn = Connection::open_in_memory().unwrap();
            register(&conn).unwrap();
            conn.execute_batch("CREATE VIRTUAL TABLE t USING fts5(body); INSERT INTO t VALUES ('hello 客 户');").unwrap();
            if let Some(q) = match_query(&typed) {
                let n: rusqlite::Result<i64> =
                    conn.query_row("SELECT count(*) FROM t WHERE t MATCH ?1", [q.as_str()], |r| r.get(0));
                prop_assert!(n.is_ok(), "{q}: {n:?}");
            }
        }
    }
}
