//! TEMPORARY placeholder until the real parser lands (being written now); replaced before commit.
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub input: String,
}
impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "can't read {:?} as a date", self.input)
    }
}
impl std::error::Error for DateError {}
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    match input.trim() {
        "today" => Ok(today),
        "tomorrow" => Ok(today.succ_opt().unwrap()),
        s => NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| DateError { input: s.into() }),
    }
}
pub fn parse_datetime(input: &str, now: NaiveDateTime) -> Result<NaiveDateTime, DateError> {
    if input.trim().is_empty() {
        return Ok(now);
    }
    parse_date(input, now.date()).map(|d| d.and_hms_opt(9, 0, 0).unwrap())
}
pub fn format_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}
