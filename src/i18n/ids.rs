//! Ids go into messages as the bare number people type back (`done 12`, `c45`).

use fluent_bundle::FluentValue;

use crate::book::complaints::ComplaintId;
use crate::book::deals::DealId;
use crate::book::model::{ContactId, CustomerId, FollowUpId, InteractionId};

macro_rules! id_as_message_value {
    ($($id:ty),+) => {$(
        impl From<$id> for FluentValue<'_> {
            fn from(id: $id) -> Self {
                FluentValue::from(id.to_string())
            }
        }
    )+};
}

id_as_message_value!(
    CustomerId,
    ContactId,
    InteractionId,
    FollowUpId,
    DealId,
    ComplaintId
);
