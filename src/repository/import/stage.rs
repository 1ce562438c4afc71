//! An import is first written into a copy of the book, never into the book: the copy is taken
//! in one read (another fieldbook may keep writing meanwhile), the whole import is run into it,
//! and the result is checked: the file's rows pointing at rows that are nowhere, SQLite's
//! integrity check, and every reader of the app. A preview or a dry run ends there; a real
//! import then hands the copy's new rows to the book in one short write (`apply`).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, params};

use super::said;
use super::written::Written;
use crate::interop::{Batch, ImportPolicy, ImportReport};
use crate::repository::sql_text as text;
use crate::repository::{BookError, Repository, Result, customer_columns, notes};

/// A prepared import: what it would do, and the copy holding it.
pub(super) struct Staged {
    pub(super) report: ImportReport,
    /// The copy (removed when this is dropped), with the table `import_rows` listing its
    /// import's rows.
    pub(super) copy: tempfile::TempPath,
    pub(super) written: Written,
    pub(super) seen: Seen,
}

/// The book as the import saw it, for `apply` to tell whether that still holds.
pub(super) struct Seen {
    /// `PRAGMA data_version` of the book's connection when copied: the same value later means
    /// no other connection has written since.
    pub(super) data_version: i64,
    /// Every customer's own columns and every person, hashed: what matching and merging read.
    pub(super) people: u64,
    /// The highest row id of each table: the import's new rows got ids above them.
    pub(super) max_ids: HashMap<String, i64>,
    /// The file has rows besides customers and people (a fieldbook export's history).
    pub(super) history: bool,
}

impl Repository {
    /// Runs the import into a fresh copy of the book and checks the result; the book itself is
    /// only read, once, while the copy is taken.
    pub(super) fn stage_import(
        &self,
        batch: &Batch,
        policy: &ImportPolicy,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Staged> {
        let path = self.copy_path()?;
        let (conn, data_version) = self.copy_into(&path)?;
        let mut copy = Repository {
            conn,
            path: None,
            clock: self.clock,
            undo: None,
        };
        let seen = Seen {
            data_version,
            people: fingerprint(&copy.conn)?,
            max_ids: max_ids(&copy.conn)?,
            history: batch
                .history
                .tables
                .iter()
                .any(|(_, rows)| !rows.is_empty()),
        };
        let refused = |why: String| {
            BookError::Invalid(t!(
                "import-refused",
                file = batch.source.as_str(),
                why = why
            ))
        };
        let now = text::datetime(self.now());
        let tx = copy.conn.transaction()?;
        let (report, written) = super::run(&tx, now, batch, policy, progress)?;
        refuse_dangling(&tx, &written).map_err(refused)?;
        tx.commit()?;
        copy.integrity_check()
            .map_err(|e| refused(t!("import-integrity-check", why = e.to_string())))?;
        copy.read_back_all(&written).map_err(refused)?;
        record(&copy.conn, &written)?;
        copy.conn.close().map_err(|(_, e)| e)?;
        Ok(Staged {
            report,
            copy: path,
            written,
            seen,
        })
    }

    /// A new file for the copy: beside the book (private like it, on the same disk, removed
    /// at the next start if a kill leaves it), else (a book in memory, a folder that cannot
    /// be written, for a preview) in the temporary folder.
    fn copy_path(&self) -> Result<tempfile::TempPath> {
        let beside = self.path.as_ref().and_then(|book| {
            let prefix = crate::repository::rotation::import_copy_prefix(book);
            let dir = book.parent().filter(|d| !d.as_os_str().is_empty());
            tempfile::Builder::new()
                .prefix(&prefix)
                .suffix(".partial")
                .tempfile_in(dir.unwrap_or(Path::new(".")))
                .ok()
        });
        let file = match beside {
            Some(file) => file,
            None => tempfile::Builder::new()
                .prefix("fieldbook-import-")
                .suffix(".partial")
                .tempfile()?,
        };
        Ok(file.into_temp_path())
    }

    /// Copies the book into `dest` in one read, returning the copy's connection and the book's
    /// data version at that read.
    fn copy_into(&self, dest: &Path) -> Result<(Connection, i64)> {
        let mut copy = Connection::open(dest)?;
        self.conn.execute_batch("BEGIN")?;
        let copied = (|| -> Result<i64> {
            // The read starts here: the copy and the version are of one moment.
            self.conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
            let version = self
                .conn
                .query_row("PRAGMA data_version", [], |r| r.get(0))?;
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut copy)?;
            // Every page in one step, inside the read above; anything but done is no copy.
            match backup.step(-1)? {
                rusqlite::backup::StepResult::Done => Ok(version),
                other => Err(BookError::Invalid(format!(
                    "the book could not be copied for the import ({other:?})"
                ))),
            }
        })();
        self.conn.execute_batch("COMMIT")?;
        let version = copied?;
        notes::register(&copy)?;
        // A scratch file: no write-ahead log beside it, no waiting on the disk.
        let _mode: String = copy.query_row("PRAGMA journal_mode = MEMORY", [], |r| r.get(0))?;
        copy.execute_batch("PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON;")?;
        Ok((copy, version))
    }

    /// The app's readers over the copy; a failure names the first customer of the file whose
    /// own screens fail too, else the reader.
    fn read_back_all(&self, written: &Written) -> std::result::Result<(), String> {
        let Err(why) = self.read_back() else {
            return Ok(());
        };
        let named = written.touched.iter().find_map(|(id, place)| {
            let failed = self.read_back_customer(*id).err()?;
            Some(t!(
                "import-not-read-back",
                place = said::place(place),
                why = failed
            ))
        });
        Err(named.unwrap_or_else(|| t!("import-book-not-read-back", why = why)))
    }
}

/// A row of the file pointing at a row that is neither in the file nor in the book, named.
/// Rows the book had before are not the import's to judge (`fieldbook check` reports them).
fn refuse_dangling(tx: &Connection, written: &Written) -> std::result::Result<(), String> {
    let dangling = || -> rusqlite::Result<Option<(String, i64, String, i64)>> {
        let mut stmt =
            tx.prepare("SELECT \"table\", rowid, parent, fkid FROM pragma_foreign_key_check")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (table, rowid): (String, Option<i64>) = (r.get(0)?, r.get(1)?);
            if let Some(rowid) = rowid.filter(|id| written.place_of(&table, *id).is_some()) {
                return Ok(Some((table, rowid, r.get(2)?, r.get(3)?)));
            }
        }
        Ok(None)
    };
    let found = dangling().map_err(|e| t!("import-references-unchecked", why = e.to_string()))?;
    let Some((table, rowid, parent, key)) = found else {
        return Ok(());
    };
    let column: String = tx
        .query_row(
            "SELECT \"from\" FROM pragma_foreign_key_list(?1) WHERE id = ?2",
            params![table, key],
            |r| r.get(0),
        )
        .unwrap_or_else(|_| t!("import-a-reference"));
    let place = written.place_of(&table, rowid).map(|p| said::place(&p));
    Err(t!(
        "import-dangling",
        place = place.unwrap_or(table),
        column = column,
        parent = parent
    ))
}

/// Lists the import's rows in the copy itself, where `apply` reads them.
fn record(conn: &Connection, written: &Written) -> Result<()> {
    conn.execute_batch(
        "CREATE TABLE import_rows (kind TEXT NOT NULL, tbl TEXT NOT NULL, rid INTEGER NOT NULL,
             PRIMARY KEY (kind, tbl, rid)) WITHOUT ROWID",
    )?;
    let tx = conn.unchecked_transaction()?;
    {
        let mut insert = tx.prepare("INSERT OR IGNORE INTO import_rows VALUES (?1, ?2, ?3)")?;
        for (kind, table, id) in written.rows() {
            insert.execute(params![kind, table, id])?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// Every customer's own columns (the roll-ups a contact logged moves aside) and every person,
/// hashed in id order: equal fingerprints mean matching and merging would choose the same.
pub(super) fn fingerprint(conn: &Connection) -> Result<u64> {
    let mut hasher = DefaultHasher::new();
    let customers = format!(
        "SELECT {} FROM main.customer ORDER BY id",
        customer_columns::stored()
    );
    for sql in [customers.as_str(), "SELECT * FROM main.contact ORDER BY id"] {
        let mut stmt = conn.prepare(sql)?;
        let width = stmt.column_count();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            for i in 0..width {
                match r.get_ref(i)? {
                    ValueRef::Null => 0u8.hash(&mut hasher),
                    ValueRef::Integer(n) => (1u8, n).hash(&mut hasher),
                    ValueRef::Real(f) => (2u8, f.to_bits()).hash(&mut hasher),
                    ValueRef::Text(t) => (3u8, t).hash(&mut hasher),
                    ValueRef::Blob(b) => (4u8, b).hash(&mut hasher),
                }
            }
        }
        1u8.hash(&mut hasher);
    }
    Ok(hasher.finish())
}

/// The highest row id of each of the book's tables (0 when empty).
fn max_ids(conn: &Connection) -> Result<HashMap<String, i64>> {
    let names: Vec<String> = conn
        .prepare(
            "SELECT name FROM pragma_table_list
              WHERE schema = 'main' AND type = 'table' AND wr = 0 AND name NOT LIKE 'sqlite_%'",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = HashMap::new();
    for name in names {
        out.insert(name.clone(), super::apply::max_id(conn, &name)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interop::Place;

    /// A row of the file that points at nothing is named by its place and column; a row the
    /// book already had that points at nothing is not the import's to refuse.
    #[test]
    fn a_dangling_row_of_the_file_is_named_with_its_column() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "PRAGMA foreign_keys = ON;
             CREATE TABLE customer (id INTEGER PRIMARY KEY);
             CREATE TABLE interaction (id INTEGER PRIMARY KEY,
                 customer_id INTEGER REFERENCES customer(id));
             INSERT INTO customer VALUES (1);
             PRAGMA foreign_keys = OFF;
             INSERT INTO interaction VALUES (1, 99);
             PRAGMA foreign_keys = ON;
             BEGIN; PRAGMA defer_foreign_keys = ON;
             INSERT INTO interaction VALUES (2, 1);",
        )
        .unwrap();
        let mut written = Written::default();
        let place = Place::Entry {
            table: "interaction",
            id: 7,
        };
        written.inserted("interaction", 2, place);
        assert_eq!(refuse_dangling(&conn, &written), Ok(()), "the book's own");

        conn.execute_batch("INSERT INTO interaction VALUES (3, 42)")
            .unwrap();
        written.inserted("interaction", 3, place);
        assert_eq!(
            refuse_dangling(&conn, &written),
            Err(
                "interaction #7, customer_id: points at a customer that is neither in the file \
                 nor in the book"
                    .into()
            )
        );
    }
}
