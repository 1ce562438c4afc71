//! The book's id types bind and read as the plain integer keys SQLite stores.

use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::book::ids::{ComplaintId, ContactId, CustomerId, DealId, FollowUpId, InteractionId};

/// Binds and reads each id type as its integer key.
macro_rules! sql_id {
    ($($name:ident),+) => {$(
        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.0))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                i64::column_result(value).map($name)
            }
        }
    )+};
}

sql_id!(
    CustomerId,
    ContactId,
    InteractionId,
    FollowUpId,
    DealId,
    ComplaintId
);

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    #[test]
    fn an_id_round_trips_through_sqlite_as_an_integer() {
        let conn = Connection::open_in_memory().unwrap();
        let (kind, back): (String, FollowUpId) = conn
            .query_row("SELECT typeof(?1), ?1", [FollowUpId(42)], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .unwrap();
        assert_eq!(kind, "integer");
        assert_eq!(back, FollowUpId(42));
    }
}
