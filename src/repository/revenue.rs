//! The revenue ranking kept in the book (migration 0008): each customer's won revenue over one
//! window of days in one currency, and the cut-offs of the tiers over it, so a command knows a
//! customer's computed tier without summing every order of the book. A command moves the
//! window to its own day; the deal triggers keep it as orders change.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::sql_text as text;
use super::{Repository, Result};
use crate::book::model::CustomerId;
use crate::book::tiers::{Cutoffs, TierThresholds, cutoffs};

/// The tiers the revenue gives, as cut-offs; `ranked` is false when the window holds no order
/// at all (a book that does not track deals ranks nobody).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RevenueRanking {
    pub ranked: bool,
    pub cutoffs: Cutoffs,
}

/// Past this many days a window is summed afresh rather than moved.
const MOVE_AT_MOST_DAYS: i64 = 62;

/// The window as the book holds it.
struct Window {
    from: String,
    to: String,
    currency: String,
    shares: Option<(u8, u8)>,
    cutoffs: Cutoffs,
}

impl Repository {
    /// The revenue ranking over `from ..= to` in `currency` (as `revenue_between` sums it), with
    /// tiers cut at `shares`. Writes only when the book's window or cut-offs are not those yet:
    /// on a new day, after an order changed, or with other settings.
    pub fn revenue_ranking(
        &mut self,
        from: NaiveDate,
        to: NaiveDate,
        currency: &str,
        shares: TierThresholds,
    ) -> Result<RevenueRanking> {
        let (from, to, currency) = (text::date(from), text::date(to), currency.to_uppercase());
        let wanted = (shares.a_share, shares.b_share);
        let current = |w: &Window| {
            w.from == from && w.to == to && w.currency == currency && w.shares == Some(wanted)
        };
        if let Some(w) = read_window(&self.conn)?.filter(current) {
            return Ok(RevenueRanking {
                ranked: self.any_revenue()?,
                cutoffs: w.cutoffs,
            });
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let window = read_window(&tx)?;
        let same_days = window
            .as_ref()
            .is_some_and(|w| w.from == from && w.to == to && w.currency == currency);
        if !same_days {
            move_window(&tx, window.as_ref(), &from, &to, &currency)?;
        }
        let cut = ranking_cutoffs(&tx, shares)?;
        let part = |c: Option<(i128, CustomerId)>| c.map(|(amount, id)| (amount as i64, id));
        let (a, b) = (part(cut.last_a), part(cut.last_b));
        tx.execute(
            "UPDATE revenue_window SET a_share = ?1, b_share = ?2, a_amount = ?3, a_id = ?4,
                                       b_amount = ?5, b_id = ?6",
            params![
                shares.a_share,
                shares.b_share,
                a.map(|x| x.0),
                a.map(|x| x.1),
                b.map(|x| x.0),
                b.map(|x| x.1)
            ],
        )?;
        tx.commit()?;
        Ok(RevenueRanking {
            ranked: self.any_revenue()?,
            cutoffs: cut,
        })
    }

    fn any_revenue(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM revenue_12m)", [], |r| {
                r.get(0)
            })?)
    }

    /// A customer's revenue in the window the book holds (`None`: no order in it).
    pub fn revenue_in_window(&self, id: crate::book::model::CustomerId) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT amount FROM revenue_12m WHERE customer_id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }
}

/// The cut-offs of the ranking the roll-up holds, walked from the top only as far as B goes:
/// the rest would only be found C.
fn ranking_cutoffs(tx: &rusqlite::Transaction<'_>, shares: TierThresholds) -> Result<Cutoffs> {
    let total: i128 = tx
        .query_row(
            "SELECT coalesce(sum(amount), 0) FROM revenue_12m",
            [],
            |r| r.get::<_, i64>(0),
        )?
        .into();
    let b_line = i128::from(shares.b_share.min(100)) * total;
    let mut stmt = tx
        .prepare("SELECT customer_id, amount FROM revenue_12m ORDER BY amount DESC, customer_id")?;
    let mut rows = stmt.query([])?;
    let (mut ranked, mut before) = (Vec::new(), 0i128);
    while let Some(r) = rows.next()? {
        let amount = i128::from(r.get::<_, i64>(1)?);
        ranked.push((r.get(0)?, amount));
        if amount <= 0 || before * 100 >= b_line {
            break;
        }
        before += amount;
    }
    Ok(cutoffs(ranked, total, shares))
}

fn read_window(conn: &rusqlite::Connection) -> Result<Option<Window>> {
    Ok(conn
        .query_row(
            "SELECT from_day, to_day, currency, a_share, b_share, a_amount, a_id, b_amount, b_id
               FROM revenue_window",
            [],
            |r| {
                let shares = match (r.get::<_, Option<u8>>(3)?, r.get::<_, Option<u8>>(4)?) {
                    (Some(a), Some(b)) => Some((a, b)),
                    _ => None,
                };
                let cut = |amount: Option<i64>, id: Option<CustomerId>| {
                    amount.zip(id).map(|(amount, id)| (i128::from(amount), id))
                };
                Ok(Window {
                    from: r.get(0)?,
                    to: r.get(1)?,
                    currency: r.get(2)?,
                    shares,
                    cutoffs: Cutoffs {
                        last_a: cut(r.get(5)?, r.get(6)?),
                        last_b: cut(r.get(7)?, r.get(8)?),
                    },
                })
            },
        )
        .optional()?)
}

/// Brings the roll-up to `from ..= to` in `currency`: the orders that left and entered the
/// window when it moved forward a little, else everything summed again.
fn move_window(
    tx: &rusqlite::Transaction<'_>,
    old: Option<&Window>,
    from: &str,
    to: &str,
    currency: &str,
) -> Result<()> {
    let days = |a: &str, b: &str| -> Option<i64> {
        let (a, b) = (
            text::parse_date("day", a).ok()?,
            text::parse_date("day", b).ok()?,
        );
        Some((b - a).num_days())
    };
    // Moved forward a little, the windows overlapping: only the orders at the edges change.
    let forward = old.filter(|w| {
        let step =
            |a: &str, b: &str| days(a, b).is_some_and(|d| (0..=MOVE_AT_MOST_DAYS).contains(&d));
        w.currency == currency && step(&w.from, from) && step(&w.to, to) && from <= w.to.as_str()
    });
    match forward {
        Some(w) => {
            // Orders that left: from the old first day up to the new one.
            tx.execute(
                "UPDATE revenue_12m SET amount = revenue_12m.amount - x.left_amount,
                                        deals = revenue_12m.deals - x.left_deals
                   FROM (SELECT customer_id, sum(amount) AS left_amount, count(*) AS left_deals
                           FROM deal
                          WHERE stage = 'won' AND closed_on >= ?1 AND closed_on < ?2
                            AND closed_on <= ?3 AND currency = ?4
                          GROUP BY customer_id) AS x
                  WHERE revenue_12m.customer_id = x.customer_id",
                params![w.from, from, w.to, currency],
            )?;
            tx.execute("DELETE FROM revenue_12m WHERE deals <= 0", [])?;
            // Orders that entered: after the old last day up to the new one.
            tx.execute(
                "INSERT INTO revenue_12m (customer_id, amount, deals)
                 SELECT customer_id, sum(amount), count(*) FROM deal
                  WHERE stage = 'won' AND closed_on > ?1 AND closed_on <= ?2 AND closed_on >= ?3
                    AND currency = ?4
                  GROUP BY customer_id
                 ON CONFLICT (customer_id) DO UPDATE
                    SET amount = amount + excluded.amount, deals = deals + excluded.deals",
                params![w.to, to, from, currency],
            )?;
        }
        None => {
            tx.execute("DELETE FROM revenue_12m", [])?;
            tx.execute(
                "INSERT INTO revenue_12m (customer_id, amount, deals)
                 SELECT customer_id, sum(amount), count(*) FROM deal
                  WHERE stage = 'won' AND closed_on BETWEEN ?1 AND ?2 AND currency = ?3
                  GROUP BY customer_id",
                params![from, to, currency],
            )?;
        }
    }
    tx.execute(
        "INSERT INTO revenue_window (only, from_day, to_day, currency) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT (only) DO UPDATE SET from_day = excluded.from_day, to_day = excluded.to_day,
                currency = excluded.currency, a_share = NULL",
        params![from, to, currency],
    )?;
    Ok(())
}
