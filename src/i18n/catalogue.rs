//! The two catalogues, parsed once, and the one function that formats a message from them.

use std::sync::LazyLock;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;

use super::Language;

/// Named arguments for a message: `$count`, `$name`...
pub type Args<'a> = fluent_bundle::FluentArgs<'a>;

pub(super) const ENGLISH: &str = include_str!("../../assets/i18n/en.ftl");
pub(super) const CHINESE: &str = include_str!("../../assets/i18n/zh-CN.ftl");

type Bundle = FluentBundle<FluentResource>;

// Each parsed on its first message: a command speaks one language, and parsing the other
// would be a tenth of a short command's time for nothing.
static ENGLISH_BUNDLE: LazyLock<Bundle> = LazyLock::new(|| bundle(Language::English));
static CHINESE_BUNDLE: LazyLock<Bundle> = LazyLock::new(|| bundle(Language::Chinese));

pub(super) fn source(language: Language) -> &'static str {
    match language {
        Language::English => ENGLISH,
        Language::Chinese => CHINESE,
    }
}

fn bundle(language: Language) -> Bundle {
    let id = language.tag().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // A terminal shows Unicode's isolation marks around arguments as stray cells.
    bundle.set_use_isolating(false);
    // A catalogue that does not parse is caught by the tests; what did parse is still used.
    let resource = FluentResource::try_new(source(language).to_string()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
}

fn bundle_of(language: Language) -> &'static Bundle {
    match language {
        Language::English => &ENGLISH_BUNDLE,
        Language::Chinese => &CHINESE_BUNDLE,
    }
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
pub(super) fn format_checked(
    language: Language,
    id: &str,
    args: Option<&Args>,
) -> Option<(String, Vec<String>)> {
    let bundle = bundle_of(language);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    Some((
        text.into_owned(),
        errors.iter().map(ToString::to_string).collect(),
    ))
}

fn format(language: Language, id: &str, args: Option<&Args>) -> Option<String> {
    format_checked(language, id, args).map(|(text, _)| text)
}
