//! `--help` in the user's language. clap's derive takes its texts from doc comments, fixed at
//! compile time; here the built command gets its about and help texts from the catalogue
//! before parsing. Flags, subcommand names and values stay as they are in every language.

use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Args;
use crate::i18n::{self, Language};

/// The command line as clap parses it, its texts in the current language.
pub fn command() -> Command {
    if i18n::current() == Language::English {
        // The doc comments are the English catalogue's texts word for word (a test holds
        // them together), and clap's own headings and flags are English already: nothing to
        // say again on every run.
        return Args::command();
    }
    headings(speak(Args::command(), ""))
}

/// `cmd` (at `path`: "" for fieldbook, "deal add" for a nested one) and its subcommands with
/// their about and argument help from the catalogue.
fn speak(mut cmd: Command, path: &str) -> Command {
    if let Some(text) = about(path) {
        cmd = cmd.about(text);
    }
    cmd = cmd.mut_args(|arg| match arg_help(path, arg.get_id().as_str()) {
        Some(text) => arg.help(text),
        None => arg,
    });
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let inner = format!("{path} {name}").trim().to_string();
        cmd = cmd.mut_subcommand(&name, |sub| speak(sub, &inner));
    }
    cmd
}

/// clap's "Usage:", "Commands:", "Arguments:", "Options:" and its -h/-V flags, said in the
/// current language: clap has no setting for its flags' texts, so they are replaced by the same
/// flags with translated help.
fn headings(cmd: Command) -> Command {
    let options = t!("help-options");
    headings_only(cmd)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t!("help-help"))
                .help_heading(options.clone())
                .global(true),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t!("help-version"))
                .help_heading(options),
        )
}

/// The headings of `cmd` and its subcommands, whose help flag is fieldbook's (global).
fn headings_only(mut cmd: Command) -> Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t!("help-usage")
    );
    let options = t!("help-options");
    let arguments = t!("help-arguments");
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(t!("help-commands"))
        .mut_args(|arg| {
            let heading = if arg.is_positional() {
                &arguments
            } else {
                &options
            };
            said_defaults(arg.help_heading(heading.clone()))
        });
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| headings_only(sub.disable_help_flag(true)));
    }
    cmd
}

/// clap's "[default: 7]" and "[possible values: ...]", said in the current language.
fn said_defaults(arg: Arg) -> Arg {
    let mut help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    // A flag (--json) has a default ("false") and values clap never shows.
    if !arg.get_action().takes_values() {
        return arg;
    }
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        help = format!("{help} {}", t!("help-default", value = defaults.join(", ")));
    }
    if !values.is_empty() && !arg.is_hide_possible_values_set() {
        help = format!(
            "{help} {}",
            t!("help-possible-values", values = values.join(", "))
        );
    }
    arg.help(help.trim().to_string())
        .hide_default_value(true)
        .hide_possible_values(true)
}

fn about(path: &str) -> Option<String> {
    Some(match path {
        "" => t!("help-fieldbook"),
        "log" => t!("help-log"),
        "today" => t!("help-today"),
        "add" => t!("help-add"),
        "find" => t!("help-find"),
        "unarchive" => t!("help-unarchive"),
        "show" => t!("help-show"),
        "done" => t!("help-done"),
        "snooze" => t!("help-snooze"),
        "completions" => t!("help-completions"),
        "deal" => t!("help-deal"),
        "deal add" => t!("help-deal-add"),
        "deal list" => t!("help-deal-list"),
        "report" => t!("help-report"),
        "greetings" => t!("help-greetings"),
        "greeted" => t!("help-greeted"),
        "backup" => t!("help-backup"),
        "restore" => t!("help-restore"),
        "check" => t!("help-check"),
        "import" => t!("help-import"),
        "export" => t!("help-export"),
        "demo" => t!("help-demo"),
        _ => return None,
    })
}

fn arg_help(path: &str, arg: &str) -> Option<String> {
    Some(match (path, arg) {
        ("", "db") => t!("help-arg-db"),
        ("", "config") => t!("help-arg-config"),
        ("", "json") => t!("help-arg-json"),
        ("", "demo") => t!("help-arg-demo"),
        ("log", "customer") => t!("help-log-customer"),
        ("log", "summary") => t!("help-log-summary"),
        ("log", "channel") => t!("help-log-channel"),
        ("log", "at") => t!("help-log-at"),
        ("log", "with") => t!("help-log-with"),
        ("log", "next") => t!("help-log-next"),
        ("log", "todo") => t!("help-log-todo"),
        ("log", "outcome") => t!("help-log-outcome"),
        ("log", "every") => t!("help-log-every"),
        ("log", "past") => t!("help-log-past"),
        ("log", "closes") => t!("help-log-closes"),
        ("today", "days") => t!("help-today-days"),
        ("today", "all") => t!("help-today-all"),
        ("add", "tags") => t!("help-add-tag"),
        ("add", "kind") => t!("help-add-kind"),
        ("add", "tier") => t!("help-add-tier"),
        ("add", "keep_both") => t!("help-add-keep-both"),
        ("add", "merge") => t!("help-add-merge"),
        ("find", "notes") => t!("help-find-notes"),
        ("find", "archived") => t!("help-find-archived"),
        ("done", "id") => t!("help-done-id"),
        ("snooze", "when") => t!("help-snooze-when"),
        ("snooze", "past") => t!("help-snooze-past"),
        ("greetings", "holiday") => t!("help-greetings-holiday"),
        ("restore", "yes") => t!("help-restore-yes"),
        ("import", "file") => t!("help-import-file"),
        ("import", "format") => t!("help-import-format"),
        ("import", "map") => t!("help-import-map"),
        ("import", "encoding") => t!("help-import-encoding"),
        ("import", "dry_run") => t!("help-import-dry-run"),
        ("import", "skip_bad") => t!("help-import-skip-bad"),
        ("import", "merge") => t!("help-import-merge"),
        ("import", "skip_duplicates") => t!("help-import-skip-duplicates"),
        ("import", "keep_both") => t!("help-import-keep-both"),
        ("export", "format") => t!("help-export-format"),
        ("export", "output") => t!("help-export-output"),
        ("demo", "customers") => t!("help-demo-customers"),
        ("deal add", "customer") => t!("help-deal-add-customer"),
        ("deal add", "title") => t!("help-deal-add-title"),
        ("deal add", "amount") => t!("help-deal-add-amount"),
        ("deal add", "currency") => t!("help-deal-add-currency"),
        ("deal add", "stage") => t!("help-deal-add-stage"),
        ("deal add", "on") => t!("help-deal-add-on"),
        ("deal add", "close") => t!("help-deal-add-close"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::with_language;

    /// Every command and argument of `cmd` with its text: (path, about or help).
    fn texts(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
        let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
        out.push((path.to_string(), about));
        for arg in cmd.get_arguments() {
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            out.push((format!("{path} --{}", arg.get_id()), help));
        }
        for sub in cmd.get_subcommands() {
            texts(sub, format!("{path} {}", sub.get_name()).trim(), out);
        }
    }

    fn all(cmd: &Command) -> Vec<(String, String)> {
        let mut out = Vec::new();
        texts(cmd, "", &mut out);
        out
    }

    /// The English catalogue says exactly what the doc comments say, for every command and
    /// argument that has a text: a new command without its message fails here.
    #[test]
    fn english_help_is_the_doc_comments_and_covers_every_text() {
        let original = all(&Args::command());
        // What the catalogue would say in English (the run itself skips it, since it is this).
        let spoken = || speak(Args::command(), "");
        let english = with_language(Language::English, || all(&spoken()));
        assert_eq!(original, english);
        // And drawn the same, down to clap's own lines, for every command.
        let (mut before, mut after) = (Args::command(), with_language(Language::English, spoken));
        before.build();
        after.build();
        assert_eq!(
            before.render_long_help().to_string(),
            after.render_long_help().to_string()
        );
        for sub in before.get_subcommands_mut() {
            let name = sub.get_name().to_string();
            let mine = after.find_subcommand_mut(&name).unwrap();
            let want = sub.render_long_help().to_string();
            assert_eq!(want, mine.render_long_help().to_string(), "{name}");
        }
        for (path, text) in &original {
            if text.is_empty() {
                continue;
            }
            let (cmd_path, arg) = match path.split_once(" --") {
                Some((p, a)) => (p, Some(a)),
                None => (path.as_str(), None),
            };
            let found = match arg {
                Some(a) => arg_help(cmd_path, a),
                None => about(cmd_path),
            };
            assert!(found.is_some(), "no message for {path:?}");
        }
    }

    #[test]
    fn the_command_is_sound_in_both_languages() {
        for language in Language::ALL {
            with_language(language, || command().debug_assert());
        }
    }

    #[test]
    fn chinese_help_translates_every_text_and_keeps_every_flag_and_name() {
        let english = all(&Args::command());
        let chinese = with_language(Language::Chinese, || all(&speak(Args::command(), "")));
        assert_eq!(english.len(), chinese.len());
        for ((path, en), (zh_path, zh)) in english.iter().zip(&chinese) {
            assert_eq!(path, zh_path);
            if !en.is_empty() {
                assert_ne!(en, zh, "{path} is not translated");
            }
        }
        let help = with_language(Language::Chinese, || {
            command().render_long_help().to_string()
        });
        for word in [
            "用法:",
            "命令:",
            "选项:",
            "--db <PATH>",
            "today",
            "显示帮助",
        ] {
            assert!(help.contains(word), "{word} missing:\n{help}");
        }
        let mut today = with_language(Language::Chinese, command);
        today.build(); // the global flags reach the subcommands
        let today = today
            .find_subcommand_mut("today")
            .unwrap()
            .render_help()
            .to_string();
        assert!(
            today.contains("--days <DAYS>") && today.contains("显示帮助"),
            "{today}"
        );
    }
}
