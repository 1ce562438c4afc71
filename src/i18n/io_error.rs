//! An I/O failure as people are told it, in the language spoken: the common kinds (a file not
//! found, permission denied...) in words of their own, any other with the system's wording.
//! English keeps the system's wording (`No such file or directory (os error 2)`), as the
//! command line always said it.

use std::io::{Error, ErrorKind};

pub fn io_error(e: &Error) -> String {
    let error = e.to_string();
    match e.kind() {
        ErrorKind::NotFound => t!("io-not-found", error = error),
        ErrorKind::PermissionDenied => t!("io-permission-denied", error = error),
        ErrorKind::AlreadyExists => t!("io-already-exists", error = error),
        ErrorKind::ReadOnlyFilesystem => t!("io-read-only", error = error),
        ErrorKind::IsADirectory => t!("io-is-a-directory", error = error),
        ErrorKind::NotADirectory => t!("io-not-a-directory", error = error),
        ErrorKind::StorageFull => t!("io-storage-full", error = error),
        ErrorKind::InvalidData => t!("io-invalid-data", error = error),
        ErrorKind::UnexpectedEof => t!("io-unexpected-eof", error = error),
        ErrorKind::TimedOut => t!("io-timed-out", error = error),
        ErrorKind::ResourceBusy => t!("io-busy", error = error),
        ErrorKind::FileTooLarge => t!("io-too-large", error = error),
        _ => t!("io-other", error = error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, with_language};

    #[test]
    fn common_failures_are_said_in_chinese_and_english_keeps_the_systems_words() {
        let missing = Error::from(ErrorKind::NotFound);
        let denied = Error::from(ErrorKind::PermissionDenied);
        let odd = Error::other("strange");
        with_language(Language::English, || {
            for e in [&missing, &denied, &odd] {
                assert_eq!(io_error(e), e.to_string());
            }
        });
        with_language(Language::Chinese, || {
            assert_eq!(io_error(&missing), "找不到这个文件或文件夹");
            assert_eq!(io_error(&denied), "没有权限读写这个文件");
            assert_eq!(io_error(&odd), "读写文件失败：strange");
        });
    }
}
