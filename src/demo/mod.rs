//! A demo book: a field salesperson's territory across China and the region, with a year of
//! history and a realistic due list. The same size and `now` always give the same book.

mod accounts;
mod history;
mod people;
mod phrases;
mod rng;
#[cfg(test)]
mod tests;
mod words;

use chrono::NaiveDateTime;

use crate::book::bulk::{BulkBook, BulkContact, BulkCustomer, BulkInteraction};
use crate::book::model::{ContactId, CustomerId, CustomerKind, FollowUpId, InteractionId};
use crate::repository::{Repository, Result};
use history::Ids;
use people::Profile;
use rng::Rng;

const SEED: u64 = 0x000F_1E1D_B00C_2026;
/// Customers per chunk handed to the repository: big enough that the per-chunk overhead
/// vanishes, small enough that a million interactions never sit in memory at once.
const CHUNK: usize = 2_000;

/// How big a book to make. `follow_ups` counts the open ones; done ones come on top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSize {
    pub customers: usize,
    pub interactions: usize,
    pub follow_ups: usize,
}

impl DemoSize {
    /// A territory of `n` customers: 10 interactions and half an open follow-up per customer.
    pub fn with_customers(n: usize) -> Self {
        Self {
            customers: n,
            interactions: n * 10,
            follow_ups: n / 2,
        }
    }

    /// The size the speed targets are measured on.
    pub fn benchmark() -> Self {
        Self::with_customers(100_000)
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSummary {
    pub customers: usize,
    pub contacts: usize,
    pub interactions: usize,
    /// Open follow-ups, as asked for in `DemoSize::follow_ups`.
    pub follow_ups: usize,
    /// Follow-ups already done, set by past interactions.
    pub done_follow_ups: usize,
}

/// Shares `total` out over customers in proportion to their weights, exactly and without
/// randomness: each takes the growth of floor(total * running weight / all weight).
struct Quota {
    total: u128,
    weight_sum: u128,
    running: u128,
    given: u128,
}

impl Quota {
    fn new(total: usize, weights: impl Iterator<Item = u32>) -> Self {
        Quota {
            total: total as u128,
            weight_sum: weights.map(u128::from).sum(),
            running: 0,
            given: 0,
        }
    }

    fn next(&mut self, weight: u32) -> usize {
        if self.weight_sum == 0 {
            return 0;
        }
        self.running += u128::from(weight);
        let upto = self.total * self.running / self.weight_sum;
        let share = upto - self.given;
        self.given = upto;
        share as usize
    }
}

struct Generator {
    now: NaiveDateTime,
    profiles: Vec<Profile>,
    interactions: Quota,
    follow_ups: Quota,
    ids: Ids,
    next_contact: ContactId,
    open_follow_ups: usize,
    times: Vec<(NaiveDateTime, crate::book::model::Channel)>,
    people: Vec<ContactId>,
}

impl Generator {
    fn new(size: DemoSize, now: NaiveDateTime) -> Self {
        let profiles: Vec<Profile> = (0..size.customers)
            .map(|i| Profile::draw(&mut Rng::stream(SEED, i as u64)))
            .collect();
        let interactions = Quota::new(
            size.interactions,
            profiles.iter().map(|p| p.interaction_weight),
        );
        let follow_ups = Quota::new(size.follow_ups, profiles.iter().map(|p| p.follow_up_weight));
        Generator {
            now,
            profiles,
            interactions,
            follow_ups,
            ids: Ids {
                interaction: InteractionId(0),
                follow_up: FollowUpId(0),
            },
            next_contact: ContactId(0),
            open_follow_ups: 0,
            times: Vec::new(),
            people: Vec::new(),
        }
    }

    /// The people at a company (one to three); nobody at a private customer.
    fn add_people(
        &mut self,
        rng: &mut Rng,
        p: &Profile,
        firm: &people::Firm,
        id: CustomerId,
        book: &mut BulkBook,
    ) {
        self.people.clear();
        if p.kind != CustomerKind::Company {
            return;
        }
        for _ in 0..rng.weighted(&[(1, 45), (2, 35), (3, 20)]) {
            self.next_contact.0 += 1;
            self.people.push(self.next_contact);
            book.contacts.push(BulkContact {
                id: self.next_contact,
                customer_id: id,
                draft: people::contact(rng, p, firm),
                created_at: self.now, // replaced below, once the customer's age is known
            });
        }
    }

    /// Writes customer number `i` (0-based; its id is `i + 1`) and everything about it.
    fn customer(&mut self, i: usize, book: &mut BulkBook) {
        let p = self.profiles[i];
        let id = CustomerId(i as i64 + 1);
        // A stream of its own per customer: the book does not depend on how it is chunked.
        let mut rng = Rng::stream(SEED ^ 0xD1CE, i as u64);
        let (mut draft, firm) = people::customer(&mut rng, &p);
        // Tiers and stages are computed from the deals below; only a few are set by hand.
        let (tier, stage, why) = accounts::overrides(&mut rng, &p);
        draft.tier = tier;
        draft.stage = stage;
        if !why.is_empty() {
            let (tier_why, stage_why) = if tier.is_some() { (why, "") } else { ("", why) };
            book.reasons.push((id, tier_why.into(), stage_why.into()));
        }
        let never_contacted = p.interaction_weight == 0;
        accounts::deals(&mut rng, &p, id, never_contacted, self.now, &mut book.deals);
        accounts::complaints(
            &mut rng,
            &p,
            id,
            never_contacted,
            self.now.date(),
            &mut book.complaints,
        );
        let interactions = self.interactions.next(p.interaction_weight);
        let open = self.follow_ups.next(p.follow_up_weight);

        let first_contact = book.interactions.len();
        self.add_people(&mut rng, &p, &firm, id, book);
        history::interactions(
            &mut rng,
            &p,
            id,
            &self.people,
            interactions,
            self.now,
            &mut self.ids,
            &mut self.times,
            &mut book.interactions,
            &mut book.follow_ups,
        );
        let recent: &[BulkInteraction] = &book.interactions[first_contact..];
        for _ in 0..open {
            history::open_follow_up(
                &mut rng,
                &p,
                id,
                self.open_follow_ups,
                recent,
                self.now,
                &mut self.ids,
                &mut book.follow_ups,
            );
            self.open_follow_ups += 1;
        }

        // In the book a while before the first contact; the never-contacted were added lately.
        let created_at = match recent.first() {
            Some(first) => history::office_time(&mut rng, first.draft.at, 1, 400),
            None => history::office_time(&mut rng, self.now, 0, 60),
        };
        let since = (self.now - created_at).num_days();
        let updated_at = history::office_time(&mut rng, self.now, 0, since).max(created_at);
        let new_people = book.contacts.len() - self.people.len();
        for contact in &mut book.contacts[new_people..] {
            contact.created_at = created_at;
        }
        book.customers.push(BulkCustomer {
            id,
            draft,
            created_at,
            updated_at,
            archived: p.archived,
        });
    }
}

/// Fills `repo` with a demo book of `size`, as it would look at `now`, in one transaction.
pub fn generate(repo: &mut Repository, size: DemoSize, now: NaiveDateTime) -> Result<DemoSummary> {
    let mut generator = Generator::new(size, now);
    let mut next = 0;
    let counts = repo.insert_bulk_chunks(|book| {
        let end = (next + CHUNK).min(size.customers);
        for i in next..end {
            generator.customer(i, book);
        }
        next = end;
        !book.customers.is_empty()
    })?;
    Ok(DemoSummary {
        customers: counts.customers,
        contacts: counts.contacts,
        interactions: counts.interactions,
        follow_ups: generator.open_follow_ups,
        done_follow_ups: counts.follow_ups - generator.open_follow_ups,
    })
}
