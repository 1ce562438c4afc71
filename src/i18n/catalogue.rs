//! The two catalogues, parsed once, and the one function that formats a message from them.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{LazyLock, Mutex, MutexGuard, PoisonError};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::resolver::errors::{ReferenceKind, ResolverError};
use fluent_bundle::{FluentError, FluentResource};

use super::Language;

/// Named arguments for a message: `$count`, `$name`...
pub type Args<'a> = fluent_bundle::FluentArgs<'a>;

pub(super) const ENGLISH: &str = include_str!("../../assets/i18n/en.ftl");
pub(super) const CHINESE: &str = include_str!("../../assets/i18n/zh-CN.ftl");

type Bundle = FluentBundle<FluentResource>;

/// A catalogue read as it is used: its entries found by id at the first message, each parsed
/// on its first use. A command says a handful of the ~1,000 messages, and parsing the whole
/// catalogue was a seventh of a short command's instructions.
struct Catalogue {
    /// Each entry's text by its id (a term's with its `-`), as the source has it.
    entries: Entries,
    /// The entries parsed so far.
    bundle: Bundle,
}

// Each found on its first message: a command speaks one language.
static ENGLISH_CATALOGUE: LazyLock<Mutex<Catalogue>> =
    LazyLock::new(|| Mutex::new(Catalogue::new(Language::English)));
static CHINESE_CATALOGUE: LazyLock<Mutex<Catalogue>> =
    LazyLock::new(|| Mutex::new(Catalogue::new(Language::Chinese)));

pub(super) fn source(language: Language) -> &'static str {
    match language {
        Language::English => ENGLISH,
        Language::Chinese => CHINESE,
    }
}

impl Catalogue {
    fn new(language: Language) -> Self {
        Self::of(language, source(language))
    }

    fn of(language: Language, source: &'static str) -> Self {
        let id = language.tag().parse().unwrap_or_default();
        let mut bundle = Bundle::new_concurrent(vec![id]);
        // A terminal shows Unicode's isolation marks around arguments as stray cells.
        bundle.set_use_isolating(false);
        Catalogue {
            entries: entries(source),
            bundle,
        }
    }

    /// Parses entry `id` into the bundle; false when there is no such entry or it was parsed
    /// already. A catalogue that does not parse is caught by the tests; what did parse is used.
    fn load(&mut self, id: &str) -> bool {
        let Some(text) = self.entries.remove(id) else {
            return false;
        };
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = self.bundle.add_resource(resource);
        true
    }

    fn format(&mut self, id: &str, args: Option<&Args>) -> Option<(String, Vec<FluentError>)> {
        if !self.bundle.has_message(id) && !self.load(id) {
            return None;
        }
        loop {
            let pattern = self.bundle.get_message(id)?.value()?;
            let mut errors = Vec::new();
            let text = self.bundle.format_pattern(pattern, args, &mut errors);
            let text = text.into_owned();
            // A message or term it refers to is parsed on first use too, then it is said again;
            // a reference still missing once nothing new was parsed stays an error.
            let mut loaded = false;
            for e in &errors {
                if let FluentError::ResolverError(ResolverError::Reference(kind)) = e {
                    loaded |= match kind {
                        ReferenceKind::Message { id, .. } => self.load(id),
                        ReferenceKind::Term { id, .. } => self.load(&format!("-{id}")),
                        _ => false,
                    };
                }
            }
            if !loaded {
                return Some((text, errors));
            }
        }
    }
}

/// Every entry of a Fluent source by id: an entry starts at a line beginning with its id and
/// runs to the next line that starts in the first column with anything but `}` (the close of
/// a select may stand there; every other line of an entry is indented).
fn entries(source: &'static str) -> Entries {
    let mut entries = Entries::with_capacity_and_hasher(1200, Default::default());
    let mut open: Option<(&'static str, usize)> = None;
    let bytes = source.as_bytes();
    let starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
    for at in starts {
        let first = bytes.get(at).copied().unwrap_or(b' ');
        if first.is_ascii_whitespace() || first == b'}' {
            continue;
        }
        if let Some((id, start)) = open.take() {
            entries.entry(id).or_insert(&source[start..at]);
        }
        if first.is_ascii_alphabetic() || first == b'-' {
            let len = bytes[at..]
                .iter()
                .position(|&b| b == b'=' || b.is_ascii_whitespace())
                .unwrap_or(bytes.len() - at);
            open = Some((&source[at..at + len], at));
        }
    }
    if let Some((id, start)) = open {
        entries.entry(id).or_insert(&source[start..]);
    }
    entries
}

/// Entries by id. Ids are short ASCII written by us, so FNV-1a hashes them in a few
/// instructions a byte where the default hasher's collision resistance buys nothing.
type Entries = HashMap<&'static str, &'static str, BuildHasherDefault<Fnv>>;

struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

fn catalogue(language: Language) -> MutexGuard<'static, Catalogue> {
    match language {
        Language::English => &ENGLISH_CATALOGUE,
        Language::Chinese => &CHINESE_CATALOGUE,
    }
    .lock()
    .unwrap_or_else(PoisonError::into_inner)
}

/// The message `id` in `language`, formatted with `args`. A message missing from the Chinese
/// catalogue falls back to English, and one missing from both shows its id: the tests make
/// sure neither happens, but a salesperson must never meet a panic for a missing sentence.
pub fn message(language: Language, id: &str, args: Option<&Args>) -> String {
    format(language, id, args)
        .or_else(|| format(Language::English, id, args))
        .unwrap_or_else(|| id.to_string())
}

/// The message and any errors Fluent met formatting it, for the tests.
#[cfg(test)]
pub(super) fn format_checked(
    language: Language,
    id: &str,
    args: Option<&Args>,
) -> Option<(String, Vec<String>)> {
    let (text, errors) = catalogue(language).format(id, args)?;
    Some((text, errors.iter().map(ToString::to_string).collect()))
}

fn format(language: Language, id: &str, args: Option<&Args>) -> Option<String> {
    catalogue(language).format(id, args).map(|(text, _)| text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "\
# A comment ends the entry before it.
-brand = fieldbook
hello = { -brand } says { greeting }
greeting = hi
    there

    again
count = { $n ->
    [one] one call
   *[other] { $n } calls
}
after = still found
odd = { greeting.missing } and { nowhere }
";

    #[test]
    fn entries_are_found_whole_and_what_they_refer_to_is_parsed_on_use() {
        let mut catalogue = Catalogue::of(Language::English, SOURCE);
        let say = |c: &mut Catalogue, id: &str, n: i64| {
            let mut args = Args::new();
            args.set("n", n);
            c.format(id, Some(&args)).map(|(text, errors)| {
                assert!(errors.is_empty(), "{id}: {errors:?}");
                text
            })
        };
        assert_eq!(
            say(&mut catalogue, "hello", 1).as_deref(),
            Some("fieldbook says hi\nthere\n\nagain")
        );
        assert_eq!(say(&mut catalogue, "count", 1).as_deref(), Some("one call"));
        assert_eq!(say(&mut catalogue, "count", 3).as_deref(), Some("3 calls"));
        assert_eq!(
            say(&mut catalogue, "after", 1).as_deref(),
            Some("still found")
        );
        assert_eq!(say(&mut catalogue, "missing", 1), None);
        // References that stay missing end as errors, not as a loop.
        let (text, errors) = catalogue.format("odd", None).unwrap();
        assert_eq!(errors.len(), 2, "{text}: {errors:?}");
        assert!(
            !catalogue.bundle.has_message("brand"),
            "terms are not messages"
        );
    }
}
