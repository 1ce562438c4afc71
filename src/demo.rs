//! PLACEHOLDER: the demo generator is being written; this file is replaced before commit.
use crate::repository::{Repository, Result};
use chrono::NaiveDateTime;
#[derive(Debug, Clone, Copy)]
pub struct DemoSize {
    pub customers: usize,
    pub interactions: usize,
    pub follow_ups: usize,
}
impl DemoSize {
    pub fn with_customers(n: usize) -> Self {
        Self {
            customers: n,
            interactions: n * 12,
            follow_ups: n / 2,
        }
    }
}
pub fn generate(_repo: &mut Repository, _size: DemoSize, _now: NaiveDateTime) -> Result<()> {
    Ok(())
}
