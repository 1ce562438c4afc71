//! Who is in a demo book: the customer itself and the people at it.

use std::fmt::Write;

use super::phrases::{CN, EN, Phrases, for_the_user};
use super::rng::Rng;
use super::words::*;
use crate::book::model::{Birthday, ContactDraft, CustomerDraft, CustomerKind, Stage, Tier};

/// What is decided about a customer before anything else: it sets how much history it gets.
#[derive(Debug, Clone, Copy)]
pub struct Profile {
    pub chinese: bool,
    pub kind: CustomerKind,
    pub tier: Option<Tier>,
    pub stage: Stage,
    pub archived: bool,
    /// Relative share of the book's interactions and open follow-ups.
    pub interaction_weight: u32,
    pub follow_up_weight: u32,
}

impl Profile {
    pub fn draw(rng: &mut Rng) -> Self {
        let chinese = rng.percent(60);
        let kind = if rng.percent(75) {
            CustomerKind::Company
        } else {
            CustomerKind::Person
        };
        let tier = rng.weighted(&[
            (Some(Tier::A), 10),
            (Some(Tier::B), 20),
            (Some(Tier::C), 67),
            (None, 3),
        ]);
        let mut stage = rng.weighted(&[
            (Stage::Prospect, 12),
            (Stage::New, 12),
            (Stage::Active, 42),
            (Stage::Repeat, 18),
            (Stage::AtRisk, 10),
            (Stage::Lost, 6),
        ]);
        // Added to the book, not contacted yet.
        let never_contacted = rng.below(1000) < 25;
        let archived = !never_contacted && rng.below(1000) < 15;
        if never_contacted {
            stage = Stage::Prospect;
        } else if archived {
            stage = Stage::Lost;
        }
        let by_tier = match tier {
            Some(Tier::A) => 30,
            Some(Tier::B) => 15,
            Some(Tier::C) => 10,
            None => 8,
        };
        let by_stage = match stage {
            Stage::Prospect => 4,
            Stage::New => 6,
            Stage::AtRisk => 7,
            Stage::Lost => 5,
            Stage::Active | Stage::Repeat => 10,
        };
        // Jitter, so two customers alike on paper still get different amounts of history.
        let jitter = rng.between(50, 150) as u32;
        let interaction_weight = if never_contacted {
            0
        } else {
            by_tier * by_stage * jitter
        };
        let follow_up_weight = match (archived, stage) {
            (true, _) | (_, Stage::Lost) => 0,
            (_, Stage::AtRisk) => 2 * by_tier,
            _ => by_tier,
        };
        Profile {
            chinese,
            kind,
            tier,
            stage,
            archived,
            interaction_weight,
            follow_up_weight,
        }
    }

    /// The language the salesperson writes in for this customer (mostly, not always).
    pub fn phrases(&self, rng: &mut Rng) -> &'static Phrases {
        if self.chinese == rng.percent(92) {
            &CN
        } else {
            &EN
        }
    }
}

/// A name with the ASCII spelling used for e-mail and WeChat ids.
struct Name {
    full: String,
    ascii: String,
}

fn chinese_name(rng: &mut Rng) -> Name {
    let (surname, s_py) = rng.pick(CN_SURNAMES);
    let (given, g_py) = rng.pick(CN_GIVEN);
    Name {
        full: format!("{surname}{given}"),
        ascii: format!("{s_py}{g_py}"),
    }
}

fn english_name(rng: &mut Rng) -> Name {
    let first = rng.pick(EN_FIRST);
    let last = rng.pick(EN_LAST);
    let mut ascii = String::new();
    for c in first.chars().chain(['.']).chain(last.chars()) {
        match c {
            'é' => ascii.push('e'),
            'ü' => ascii.push_str("ue"),
            c if c.is_ascii_alphanumeric() || c == '.' => ascii.push(c.to_ascii_lowercase()),
            _ => {}
        }
    }
    Name {
        full: format!("{first} {last}"),
        ascii,
    }
}

fn digits(out: &mut String, rng: &mut Rng, n: usize) {
    for _ in 0..n {
        out.push(char::from(b'0' + rng.below(10) as u8));
    }
}

/// `138 0013 8000`: how a mainland mobile number is written on a card.
fn cn_mobile(rng: &mut Rng) -> String {
    let mut out = String::with_capacity(13);
    out.push_str(rng.pick(CN_MOBILE_PREFIXES));
    out.push(' ');
    digits(&mut out, rng, 4);
    out.push(' ');
    digits(&mut out, rng, 4);
    out
}

/// `010-62345678`: area code, then a local number that never starts with 0 or 1.
fn cn_landline(rng: &mut Rng, area: &str) -> String {
    let mut out = format!("{area}-{}", rng.between(2, 8));
    digits(&mut out, rng, 7);
    out
}

/// `+852 2345 6789`
fn intl_phone(rng: &mut Rng, prefix: &str, len: usize) -> String {
    let mut out = format!("{prefix} {}", rng.between(2, 9));
    digits(&mut out, rng, len / 2 - 1);
    out.push(' ');
    digits(&mut out, rng, len - len / 2);
    out
}

fn wechat_id(rng: &mut Rng, ascii: &str) -> String {
    let mut out = String::with_capacity(20);
    if rng.percent(40) {
        out.push_str("wxid_");
        for _ in 0..10 {
            out.push(rng.pick(b"abcdefghijkmnpqrstuvwxyz23456789") as char);
        }
    } else {
        out.extend(ascii.chars().filter(char::is_ascii_alphanumeric).take(14));
        let _ = write!(out, "_{}", rng.between(60, 99) * 100 + rng.between(0, 99));
    }
    out
}

fn birthday(rng: &mut Rng, with_year: usize) -> Birthday {
    let month = rng.between(1, 12) as u32;
    let day = rng.between(1, 28) as u32;
    let year = rng
        .percent(with_year)
        .then(|| rng.between(1962, 1998) as i32);
    Birthday { year, month, day }
}

fn tags(rng: &mut Rng, profile: &Profile) -> Vec<String> {
    let (pool, key) = if profile.chinese {
        (CN_TAGS, "重点客户")
    } else {
        (EN_TAGS, "vip")
    };
    let mut tags: Vec<String> = Vec::new();
    if profile.tier == Some(Tier::A) && rng.percent(70) {
        tags.push(key.into());
    }
    for _ in 0..rng.weighted(&[(0, 30), (1, 40), (2, 22), (3, 8)]) {
        let tag = rng.pick(pool);
        if !tags.iter().any(|t| t == tag) {
            tags.push((*tag).into());
        }
    }
    tags
}

fn notes(rng: &mut Rng, phrases: &Phrases, lines: usize) -> String {
    let mut out = String::new();
    for _ in 0..lines {
        let note = rng.pick(phrases.notes);
        if !out.contains(note) {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(note);
        }
    }
    out
}

/// What the people at a company share with it.
pub struct Firm {
    /// E-mail domain; empty for a customer who is a person.
    domain: String,
    /// Dialling prefix and local digits outside the mainland.
    dialling: Option<(&'static str, usize)>,
}

pub fn customer(rng: &mut Rng, p: &Profile) -> (CustomerDraft, Firm) {
    let industry = rng.pick(INDUSTRIES);
    let mut d = CustomerDraft {
        kind: Some(p.kind),
        tier: p.tier,
        stage: Some(p.stage),
        ..CustomerDraft::default()
    };
    let (domain, dialling) = match (p.chinese, p.kind) {
        (true, CustomerKind::Company) => (cn_company(rng, industry, &mut d), None),
        (false, CustomerKind::Company) => intl_company(rng, industry, &mut d),
        (true, CustomerKind::Person) => {
            cn_person(rng, industry, &mut d);
            (String::new(), None)
        }
        (false, CustomerKind::Person) => {
            intl_person(rng, industry, &mut d);
            (String::new(), None)
        }
    };
    if !domain.is_empty() {
        d.email = format!("{}@{domain}", rng.pick(&["info", "sales", "purchasing"]));
        if rng.percent(60) {
            d.website = format!("https://www.{domain}");
        }
    }
    if p.kind == CustomerKind::Person && rng.percent(60) {
        d.birthday = Some(birthday(rng, 70));
    }
    d.tags = tags(rng, p);
    let (sources, phrases) = if p.chinese {
        (CN_LEAD_SOURCES, &CN)
    } else {
        (EN_LEAD_SOURCES, &EN)
    };
    if rng.percent(80) {
        d.lead_source = rng.pick(sources).into();
    }
    if rng.percent(50) {
        let lines = rng.weighted(&[(1, 70), (2, 30)]);
        d.notes = notes(rng, for_the_user(phrases), lines);
    }
    if rng.percent(70) {
        d.cadence_days = p.tier.map(|t| match t {
            Tier::A => 14,
            Tier::B => 30,
            Tier::C => 60,
        });
    }
    (d, Firm { domain, dialling })
}

/// A Chinese company: its name, city, address and landline; returns its e-mail domain.
fn cn_company(rng: &mut Rng, industry: Industry, d: &mut CustomerDraft) -> String {
    let (city, area) = rng.pick(CN_CITIES);
    let (brand, brand_py) = rng.pick(CN_BRANDS);
    let suffix = rng.weighted(CN_SUFFIXES);
    d.name = format!("{city}{brand}{}{suffix}", industry.cn_word);
    d.industry = industry.cn_label.into();
    d.city = city.into();
    d.address = format!("{city}市{}{}号", rng.pick(CN_ROADS), rng.between(1, 300));
    if rng.percent(40) {
        let _ = write!(
            d.address,
            "{}栋{}室",
            rng.between(1, 9),
            rng.between(101, 1808)
        );
    }
    d.phone = cn_landline(rng, area);
    let domain = format!("{brand_py}{}.example", industry.stem);
    if rng.percent(40) {
        d.wechat = format!("{brand_py}_{}", industry.stem);
    }
    domain
}

/// A company abroad: returns its e-mail domain and its dialling prefix and length.
fn intl_company(
    rng: &mut Rng,
    industry: Industry,
    d: &mut CustomerDraft,
) -> (String, Option<(&'static str, usize)>) {
    let (city, prefix, len) = rng.pick(INTL_CITIES);
    let first = rng.pick(EN_PREFIXES);
    let name = format!("{first} {}{}", rng.pick(EN_MIDDLES), industry.en_word);
    d.name = format!("{name} {}", rng.pick(EN_SUFFIXES))
        .trim_end()
        .into();
    d.industry = industry.en_label.into();
    d.city = city.into();
    d.address = format!("{} {}, {city}", rng.between(1, 250), rng.pick(EN_ROADS));
    d.phone = intl_phone(rng, prefix, len);
    let mut domain = name
        .split(' ')
        .next()
        .unwrap_or("firm")
        .to_ascii_lowercase();
    let _ = write!(domain, "{}.example", industry.stem);
    (domain, Some((prefix, len)))
}

/// A Chinese individual customer.
fn cn_person(rng: &mut Rng, industry: Industry, d: &mut CustomerDraft) {
    let name = chinese_name(rng);
    d.city = rng.pick(CN_CITIES).0.into();
    d.phone = cn_mobile(rng);
    if rng.percent(50) {
        d.email = format!("{}{}@mail.example", name.ascii, rng.between(10, 99));
    }
    if rng.percent(85) {
        d.wechat = wechat_id(rng, &name.ascii);
    }
    if rng.percent(50) {
        d.industry = industry.cn_label.into();
    }
    d.name = name.full;
}

/// An individual customer abroad.
fn intl_person(rng: &mut Rng, industry: Industry, d: &mut CustomerDraft) {
    let name = english_name(rng);
    let (city, prefix, len) = rng.pick(INTL_CITIES);
    d.city = city.into();
    d.phone = intl_phone(rng, prefix, len);
    d.email = format!("{}@mail.example", name.ascii);
    if rng.percent(30) {
        d.wechat = wechat_id(rng, &name.ascii);
    }
    if rng.percent(50) {
        d.industry = industry.en_label.into();
    }
    d.name = name.full;
}

/// One person at `firm`.
pub fn contact(rng: &mut Rng, p: &Profile, firm: &Firm) -> ContactDraft {
    let chinese = p.chinese == rng.percent(90);
    let name = if chinese {
        chinese_name(rng)
    } else {
        english_name(rng)
    };
    let mut c = ContactDraft {
        title: rng
            .pick(if p.chinese { CN_TITLES } else { EN_TITLES })
            .into(),
        email: format!("{}@{}", name.ascii, firm.domain),
        ..ContactDraft::default()
    };
    c.phone = match firm.dialling {
        Some((prefix, len)) => intl_phone(rng, prefix, len),
        None => cn_mobile(rng),
    };
    if rng.percent(if chinese { 80 } else { 30 }) {
        c.wechat = wechat_id(rng, &name.ascii);
    }
    if rng.percent(30) {
        c.birthday = Some(birthday(rng, 50));
    }
    if rng.percent(20) {
        c.notes = notes(rng, for_the_user(if chinese { &CN } else { &EN }), 1);
    }
    c.name = name.full;
    c
}
