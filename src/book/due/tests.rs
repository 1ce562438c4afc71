use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn dt(s: &str) -> NaiveDateTime {
    format!("{s}T10:00:00").parse().unwrap()
}

fn row(id: i64, name: &str, next: Option<&str>, last: Option<&str>) -> CustomerRow {
    CustomerRow {
        last_contact_at: last.map(dt),
        next_follow_up_on: next.map(d),
        ..CustomerRow::named(id, name)
    }
}

#[test]
fn buckets_split_at_today_and_a_week() {
    let now = d("2026-11-28").and_hms_opt(10, 0, 0).unwrap();
    assert_eq!(Bucket::of(d("2026-11-27"), None, now), Bucket::Overdue);
    assert_eq!(Bucket::of(d("2026-11-28"), None, now), Bucket::Today);
    assert_eq!(
        Bucket::of(d("2026-11-29"), None, now),
        Bucket::NextSevenDays
    );
    assert_eq!(
        Bucket::of(d("2026-12-05"), None, now),
        Bucket::NextSevenDays
    );
    assert_eq!(Bucket::of(d("2026-12-06"), None, now), Bucket::Later);
}

#[test]
fn a_follow_up_at_a_time_is_overdue_once_the_time_has_passed() {
    let at = |h, m| d("2026-11-28").and_hms_opt(h, m, 0).unwrap();
    let three = NaiveTime::from_hms_opt(15, 0, 0);
    let today = d("2026-11-28");
    assert_eq!(Bucket::of(today, three, at(15, 0)), Bucket::Today);
    assert_eq!(Bucket::of(today, three, at(15, 1)), Bucket::Overdue);
    assert_eq!(Bucket::of(today, None, at(23, 59)), Bucket::Today);
    let (nine, three) = (NaiveTime::from_hms_opt(9, 0, 0).unwrap(), three.unwrap());
    assert_eq!(
        due_at(today, Some(three), at(14, 0)),
        DueAt::DayAt(DueDay::Today, three)
    );
    assert_eq!(
        due_at(today, Some(three), at(15, 1)),
        DueAt::OverdueAt(three)
    );
    assert_eq!(
        due_at(d("2026-11-29"), Some(nine), at(15, 1)),
        DueAt::DayAt(DueDay::Tomorrow, nine)
    );
    assert_eq!(
        due_at(d("2026-11-25"), Some(three), at(9, 0)),
        DueAt::Day(DueDay::Overdue(3))
    );
}

#[test]
fn timed_follow_ups_come_first_in_their_day_by_time() {
    let t = |h| NaiveTime::from_hms_opt(h, 0, 0);
    let day = d("2026-11-28");
    let mut keys = [
        follow_up_order(day, None),
        follow_up_order(day, t(15)),
        follow_up_order(d("2026-11-27"), None),
        follow_up_order(day, t(9)),
    ];
    keys.sort();
    assert_eq!(keys.map(|k| k.2), [None, t(9), t(15), None]);
}

#[test]
fn silences_and_due_days_are_counted_in_the_unit_a_person_would_use() {
    let today = d("2026-11-28");
    let cases = [
        (None, Since::Never),
        (Some("2026-11-29"), Since::Ahead),
        (Some("2026-11-28"), Since::Today),
        (Some("2026-11-27"), Since::Yesterday),
        (Some("2026-11-25"), Since::Days(3)),
        (Some("2026-10-31"), Since::Weeks(4)),
        (Some("2026-06-01"), Since::Months(6)),
        (Some("2023-11-01"), Since::Years(3)),
    ];
    for (last, want) in cases {
        assert_eq!(since(last.map(dt), today), want, "{last:?}");
    }
    let cases = [
        ("2026-11-26", DueDay::Overdue(2)),
        ("2026-11-28", DueDay::Today),
        ("2026-11-29", DueDay::Tomorrow),
        ("2026-12-02", DueDay::InDays(4)),
        ("2026-12-12", DueDay::InDays(14)),
        ("2026-12-24", DueDay::ThisYear(d("2026-12-24"))),
        ("2027-01-05", DueDay::OtherYear(d("2027-01-05"))),
    ];
    for (due, want) in cases {
        assert_eq!(due_day(d(due), today), want, "{due}");
    }
}

#[test]
fn attention_puts_overdue_then_today_first() {
    let today = d("2026-11-28");
    let mut rows = [
        row(1, "Nothing planned, quiet", None, Some("2026-01-01")),
        row(2, "Upcoming", Some("2026-12-01"), None),
        row(3, "Today", Some("2026-11-28"), None),
        row(4, "Overdue a little", Some("2026-11-27"), None),
        row(5, "Overdue a lot", Some("2026-11-01"), None),
        row(6, "Nothing planned, recent", None, Some("2026-11-27")),
        row(7, "Never contacted", None, None),
    ];
    rows.sort_by(|a, b| compare(SortOrder::Attention, a, b, today));
    let ids: Vec<i64> = rows.iter().map(|r| r.id.get()).collect();
    assert_eq!(ids, [5, 4, 3, 2, 7, 1, 6]);

    rows.sort_by(|a, b| compare(SortOrder::Name, a, b, today));
    assert_eq!(rows[0].name, "Never contacted");

    rows.sort_by(|a, b| compare(SortOrder::LastContact, a, b, today));
    let ids: Vec<i64> = rows.iter().take(2).map(|r| r.id.get()).collect();
    assert_eq!(ids, [7, 4], "never-contacted come first, by name");
}

#[test]
fn going_cold_comes_after_today_and_before_upcoming() {
    let today = d("2026-11-28");
    let mut cold = row(1, "Cold", None, Some("2026-01-01"));
    cold.cold_by = Some(3);
    let mut colder = row(2, "Colder", Some("2026-12-20"), Some("2025-01-01"));
    colder.cold_by = Some(40);
    let mut rows = [
        row(3, "Upcoming", Some("2026-12-01"), None),
        cold,
        row(4, "Today", Some("2026-11-28"), None),
        colder,
        row(5, "Nothing", None, None),
    ];
    rows.sort_by(|a, b| compare(SortOrder::Attention, a, b, today));
    let ids: Vec<i64> = rows.iter().map(|r| r.id.get()).collect();
    assert_eq!(ids, [4, 2, 1, 3, 5]);
}

proptest::proptest! {
    #[test]
    fn compare_and_the_name_prefix_order_as_the_sort_key(a in "[ -~é北京星河科技A-Z]{0,12}", b in "[ -~é北京星河科技A-Z]{0,12}") {
        let (ra, rb) = (row(1, &a, None, None), row(2, &b, None, None));
        let today = d("2026-11-28");
        let keyed = sort_key(SortOrder::Name, &ra, today).cmp(&sort_key(SortOrder::Name, &rb, today));
        proptest::prop_assert_eq!(compare(SortOrder::Name, &ra, &rb, today), keyed);
        let (pa, pb) = (name_prefix(&a), name_prefix(&b));
        if pa != pb {
            proptest::prop_assert_eq!(pa.cmp(&pb), name_order(&a, &b));
        }
    }
}

proptest::proptest! {
    #[test]
    fn the_packed_lead_key_never_orders_two_rows_the_other_way(
        rows in proptest::collection::vec((
            proptest::option::of(-800i64..800),
            proptest::option::of(-3i32..90),
            proptest::option::of((-4000i64..400, 0u32..86_400, 0u32..2)),
        ), 2..12),
    ) {
        let today = d("2026-11-28");
        let rows: Vec<CustomerRow> = rows
            .into_iter()
            .enumerate()
            .map(|(i, placing)| CustomerRow::placed(i as i64, "x", today, placing))
            .collect();
        for order in [SortOrder::Attention, SortOrder::Name, SortOrder::LastContact] {
            for a in &rows {
                for b in &rows {
                    let packed = packed_lead_key(order, a, today).cmp(&packed_lead_key(order, b, today));
                    let full = lead_key(order, a, today).cmp(&lead_key(order, b, today));
                    if packed != Ordering::Equal {
                        proptest::prop_assert_eq!(packed, full, "{:?} {:?}", a, b);
                    }
                }
            }
        }
    }
}

#[test]
fn sort_order_cycles_through_all_three() {
    let o = SortOrder::default();
    assert_eq!(o.next().next().next(), o);
}
