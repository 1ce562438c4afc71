//! A whole book (or a slice of one) as rows with their ids and time stamps already chosen: what
//! the demo generator and the importers write in one go, and what the exports read.

use chrono::NaiveDateTime;

use super::complaints::ComplaintDraft;
use super::deals::DealDraft;
use super::model::{
    ContactDraft, ContactId, CustomerDraft, CustomerId, FollowUpDraft, FollowUpId,
    InteractionDraft, InteractionId,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkCustomer {
    pub id: CustomerId,
    pub draft: CustomerDraft,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub archived: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkContact {
    pub id: ContactId,
    pub customer_id: CustomerId,
    pub draft: ContactDraft,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkInteraction {
    pub id: InteractionId,
    pub draft: InteractionDraft,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkFollowUp {
    pub id: FollowUpId,
    pub draft: FollowUpDraft,
    /// The contact at which it was promised.
    pub interaction_id: Option<InteractionId>,
    pub created_at: NaiveDateTime,
    pub done_at: Option<NaiveDateTime>,
}

/// A won order or an opportunity, with the day it entered the book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkDeal {
    pub draft: DealDraft,
    pub created_at: NaiveDateTime,
}

/// A slice of a book. Rows may refer to rows of an earlier chunk or earlier in this one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BulkBook {
    pub customers: Vec<BulkCustomer>,
    pub contacts: Vec<BulkContact>,
    pub interactions: Vec<BulkInteraction>,
    pub follow_ups: Vec<BulkFollowUp>,
    pub deals: Vec<BulkDeal>,
    pub complaints: Vec<ComplaintDraft>,
    /// Why a tier or stage was set by hand: (customer, tier reason, stage reason).
    pub reasons: Vec<(CustomerId, String, String)>,
}

impl BulkBook {
    /// Empties the book but keeps its capacity for the next chunk.
    pub fn clear(&mut self) {
        self.customers.clear();
        self.contacts.clear();
        self.interactions.clear();
        self.follow_ups.clear();
        self.deals.clear();
        self.complaints.clear();
        self.reasons.clear();
    }
}

/// Rows written, by table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BulkCounts {
    pub customers: usize,
    pub contacts: usize,
    pub interactions: usize,
    pub follow_ups: usize,
    pub deals: usize,
    pub complaints: usize,
}
