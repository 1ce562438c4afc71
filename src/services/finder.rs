//! Finding customers for a command through the book's search index: the candidates a query can
//! match (`search::index`), matched by the list's own search in slices, and only the best of
//! them read in full (dates, tier, going cold) and ranked. A command answers with the customers
//! the list's search over the whole book would give, in the same order, without reading it.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::standing::Standing;
use crate::book::due::{self, SortOrder};
use crate::book::model::{CustomerId, CustomerRow};
use crate::config::Config;
use crate::repository::{Among, Repository, Result};
use crate::search::index::{self, Need};
use crate::search::{CustomerSearch, Found as How, Tier};

/// Rows matched in one slice of a scan: as many as the pass splits over two cores, a few MB.
const SLICE: usize = 4_096;

/// How many of the best matches a command needs in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// The best `n` (and the number of all).
    Top(usize),
    All,
    /// What `resolve` decides on: the best two, and the best ten not archived.
    Resolve,
}

/// The best matches in order, each with how it was found and whether it is archived; `total`
/// counts every match.
#[derive(Debug, Clone, Default)]
pub struct Hits {
    pub rows: Vec<(CustomerRow, How, bool)>,
    pub total: usize,
}

/// The rows in attention order (overdue first, then by last contact), as ties are broken.
pub fn by_attention(rows: &mut [CustomerRow], today: NaiveDate) {
    rows.sort_by_cached_key(|r| due::sort_key(SortOrder::Attention, r, today));
}

/// The customers `query` finds `among` on `today`: the list's search (not archived ones in
/// attention order, then archived ones in theirs), its best `want` read in full.
pub fn find(
    repo: &mut Repository,
    config: &Config,
    today: NaiveDate,
    query: &str,
    among: Among,
    want: Want,
) -> Result<Hits> {
    let standing = Standing::read(repo, config, today)?;
    let candidates = candidates(repo, query)?;
    let matched = match_text(repo, among, candidates.as_deref(), query)?;
    let filtered = CustomerSearch::has_filters(query);
    let needed = needed(&matched, if filtered { Want::All } else { want });
    let (rows, active) = full_rows(repo, &standing, &needed)?;
    let mut gone: Vec<bool> = (0..rows.len()).map(|i| i >= active).collect();
    let rows = match filtered {
        // Filters read the whole rows (a tier, a day): every row is ranked.
        true => rows,
        false => {
            let (rows, gone_of_best) = best_first(rows, &gone, &needed, want);
            gone = gone_of_best;
            rows
        }
    };
    let order: Vec<usize> = (0..rows.len()).collect();
    let hits = CustomerSearch::for_ranking(&rows).ranked(&rows, &order, query, today);
    let total = if filtered { hits.len() } else { matched.len() };
    let mut rows: Vec<Option<CustomerRow>> = rows.into_iter().map(Some).collect();
    Ok(Hits {
        rows: hits
            .into_iter()
            .filter_map(|(i, how)| rows[i].take().map(|row| (row, how, gone[i])))
            .collect(),
        total,
    })
}

/// The rows read in full, put in the order `ranked` gives them and cut to what `want` needs:
/// by their text's score (the same for a whole group), then the list's order. Only those are
/// scored again, for how each was found: a query of a common word matches ten thousand
/// customers of a big book alike, and building the search keys of all of them to show fifty
/// was most of a command's memory.
fn best_first(
    rows: Vec<CustomerRow>,
    gone: &[bool],
    needed: &[(CustomerId, bool, u64)],
    want: Want,
) -> (Vec<CustomerRow>, Vec<bool>) {
    let score: HashMap<CustomerId, u64> = needed.iter().map(|&(id, _, s)| (id, s)).collect();
    let mut placed: Vec<(u64, usize)> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (score.get(&r.id).copied().unwrap_or(u64::MAX), i))
        .collect();
    placed.sort_unstable();
    let mut taken: Vec<usize> = Vec::new();
    for (_, i) in placed {
        if enough(want, taken.len(), || {
            taken.iter().filter(|&&t| !gone[t]).count()
        }) {
            break;
        }
        taken.push(i);
    }
    let mut rows: Vec<Option<CustomerRow>> = rows.into_iter().map(Some).collect();
    let best = taken.iter().filter_map(|&i| rows[i].take()).collect();
    (best, taken.iter().map(|&i| gone[i]).collect())
}

/// Whether `taken` rows (`active` of them not archived) are enough for `want`.
fn enough(want: Want, taken: usize, active: impl FnOnce() -> usize) -> bool {
    match want {
        Want::All => false,
        Want::Top(n) => taken >= n,
        Want::Resolve => taken >= 2 && active() >= 10,
    }
}

/// The customers each word of `query` can match, all words together: `None` when no word
/// narrows (a Latin word, or only filters).
fn candidates(repo: &Repository, query: &str) -> Result<Option<Vec<CustomerId>>> {
    let mut found: Option<Vec<CustomerId>> = None;
    let mut cities: Option<Vec<String>> = None;
    for need in index::needs(query) {
        let mut ids = match need {
            Need::Anything => continue,
            Need::Digits(variants) => repo.customers_with_digits(&variants)?,
            Need::Chars { chars, word } => {
                let mut ids = repo.customers_with_chars(&chars)?;
                if cities.is_none() {
                    cities = Some(repo.cities()?);
                }
                let named: Vec<String> = cities
                    .iter()
                    .flatten()
                    .filter(|c| index::names_city(c, &word))
                    .cloned()
                    .collect();
                if !named.is_empty() {
                    ids.extend(repo.customers_in_cities(&named)?);
                }
                ids
            }
        };
        ids.sort_unstable();
        ids.dedup();
        found = Some(match found {
            None => ids,
            Some(before) => before
                .into_iter()
                .filter(|id| ids.binary_search(id).is_ok())
                .collect(),
        });
    }
    Ok(found)
}

/// A match before its row is read in full: the customer, archived or not, how it ranks.
type Matched = (CustomerId, bool, u64);

/// Every customer `among` the candidates (all when `None`) whose text matches the query's,
/// read and matched slice by slice.
fn match_text(
    repo: &Repository,
    among: Among,
    candidates: Option<&[CustomerId]>,
    query: &str,
) -> Result<Vec<Matched>> {
    let mut matched = Vec::new();
    let mut slice: Vec<(CustomerRow, bool)> = Vec::with_capacity(SLICE);
    let flush = |slice: &mut Vec<(CustomerRow, bool)>, matched: &mut Vec<Matched>| {
        let rows: Vec<CustomerRow> = slice
            .drain(..)
            .map(|(row, gone)| {
                // The flag rides in a field the text match never reads.
                CustomerRow {
                    tier_by_hand: gone,
                    ..row
                }
            })
            .collect();
        for (i, rank) in CustomerSearch::text_hits(&rows, query) {
            matched.push((rows[i].id, rows[i].tier_by_hand, rank));
        }
    };
    repo.search_rows(among, candidates, &mut |row, gone| {
        slice.push((row, gone));
        if slice.len() == SLICE {
            flush(&mut slice, &mut matched);
        }
    })?;
    flush(&mut slice, &mut matched);
    Ok(matched)
}

/// The matches a command reads in full: the best ones, whole groups of equal rank (the order
/// within a group is only known once read), enough for `want`.
fn needed(matched: &[Matched], want: Want) -> Vec<(CustomerId, bool, u64)> {
    let mut sorted: Vec<&Matched> = matched.iter().collect();
    sorted.sort_unstable_by_key(|(id, gone, rank)| (*rank, *gone, *id));
    let mut taken: Vec<(CustomerId, bool, u64)> = Vec::new();
    let mut i = 0;
    while i < sorted.len()
        && !enough(want, taken.len(), || {
            taken.iter().filter(|(_, gone, _)| !gone).count()
        })
    {
        let rank = sorted[i].2;
        while i < sorted.len() && sorted[i].2 == rank {
            taken.push(*sorted[i]);
            i += 1;
        }
    }
    taken
}

/// The rows of `ids` as the list has them, in its order: customers not archived finished
/// (tier, going cold) in attention order, then archived ones as read, in theirs; and how many
/// are not archived.
fn full_rows(
    repo: &Repository,
    standing: &Standing,
    ids: &[(CustomerId, bool, u64)],
) -> Result<(Vec<CustomerRow>, usize)> {
    let mut ids: Vec<CustomerId> = ids.iter().map(|(id, _, _)| *id).collect();
    ids.sort_unstable();
    let (active, gone): (Vec<_>, Vec<_>) =
        repo.rows_of(&ids)?.into_iter().partition(|(_, gone)| !gone);
    let mut active: Vec<CustomerRow> = active.into_iter().map(|(r, _)| r).collect();
    let mut gone: Vec<CustomerRow> = gone.into_iter().map(|(r, _)| r).collect();
    standing.finish(repo, &mut active)?;
    by_attention(&mut active, standing.today());
    by_attention(&mut gone, standing.today());
    let count = active.len();
    active.extend(gone);
    Ok((active, count))
}

/// What a command's customer argument names.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    One(CustomerRow),
    None,
    /// Several match and none stands out: the best first (at most ten, none archived).
    Many(Vec<CustomerRow>),
    /// The best match is archived.
    Archived(CustomerRow),
}

/// `c45` is customer 45. Otherwise the search (filters too, `today` for `due:`) over the
/// customers not archived and archived: the one that matched exactly (its whole name, a
/// person's whole name, a whole number) when every other match is looser; `Archived` when the
/// best match is archived. Through the index: see `resolve_among` for the rule over rows.
pub fn resolve(
    repo: &mut Repository,
    config: &Config,
    today: NaiveDate,
    query: &str,
) -> Result<Resolved> {
    let query = query.trim();
    if query.is_empty() {
        return Ok(Resolved::None);
    }
    if let Some(id) = by_id(query)
        && let Some((mut row, gone)) = repo.rows_of(&[id])?.pop()
    {
        if gone {
            return Ok(Resolved::Archived(row));
        }
        Standing::read(repo, config, today)?.finish(repo, std::slice::from_mut(&mut row))?;
        return Ok(Resolved::One(row));
    }
    let hits = find(repo, config, today, query, Among::Both, Want::Resolve)?;
    Ok(decide(hits.rows))
}

/// The archived customer `query` names (`c45`, or the best match among archived customers),
/// for bringing it back.
pub fn resolve_archived(
    repo: &mut Repository,
    config: &Config,
    today: NaiveDate,
    query: &str,
) -> Result<Option<CustomerRow>> {
    let query = query.trim();
    if query.is_empty() {
        return Ok(None);
    }
    if let Some(id) = by_id(query)
        && let Some((row, true)) = repo.rows_of(&[id])?.pop()
    {
        return Ok(Some(row));
    }
    let hits = find(repo, config, today, query, Among::Archived, Want::Top(1))?;
    Ok(hits.rows.into_iter().next().map(|(row, _, _)| row))
}

fn by_id(query: &str) -> Option<CustomerId> {
    query
        .strip_prefix(['c', 'C'])
        .and_then(|n| n.parse::<CustomerId>().ok())
}

/// `resolve` over rows already read and finished: `active` and `archived` customers.
pub fn resolve_among(
    active: &[CustomerRow],
    archived: &[CustomerRow],
    query: &str,
    today: NaiveDate,
) -> Resolved {
    let query = query.trim();
    if query.is_empty() {
        return Resolved::None;
    }
    if let Some(id) = by_id(query) {
        if let Some(row) = active.iter().find(|r| r.id == id) {
            return Resolved::One(row.clone());
        }
        if let Some(row) = archived.iter().find(|r| r.id == id) {
            return Resolved::Archived(row.clone());
        }
    }
    let mut rows = active.to_vec();
    by_attention(&mut rows, today);
    let mut gone = archived.to_vec();
    by_attention(&mut gone, today);
    rows.extend(gone);
    let order: Vec<usize> = (0..rows.len()).collect();
    let hits = CustomerSearch::for_ranking(&rows).ranked(&rows, &order, query, today);
    let is_archived = |i: usize| i >= active.len();
    decide(
        hits.into_iter()
            .map(|(i, how)| (rows[i].clone(), how, is_archived(i)))
            .collect(),
    )
}

/// The decision on ranked matches (each with how it was found and whether it is archived):
/// an exact match wins when the next is looser (a name over a person of the same name); an
/// archived best match is never swapped for another.
pub fn decide(hits: Vec<(CustomerRow, How, bool)>) -> Resolved {
    let stands_out = |best: How, next: How| best.tier == Tier::Exact && next.rank() > best.rank();
    match hits.as_slice() {
        [] => Resolved::None,
        [(best, _, true), ..] => Resolved::Archived(best.clone()),
        [(one, _, _)] => Resolved::One(one.clone()),
        [(best, how, _), (_, next, _), ..] if stands_out(*how, *next) => {
            Resolved::One(best.clone())
        }
        many => Resolved::Many(
            many.iter()
                .filter(|(_, _, gone)| !gone)
                .take(10)
                .map(|(row, _, _)| row.clone())
                .collect(),
        ),
    }
}
