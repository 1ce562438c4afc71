//! Where a record of the file is, said in the current language: the import's refusals here
//! name it, and so do both front ends' previews (through `services::import_words`).

use crate::interop::Place;

/// "row 3 (line 4)" / "第3行（文件第4行）".
pub fn place(p: &Place) -> String {
    match *p {
        Place::Row { row, line } => t!("import-place-row", row = row, line = line),
        Place::Card { card, line } => t!("import-place-card", card = card, line = line),
        Place::Entry { table, id } => t!("import-place-entry", table = table, id = id),
        Place::Line { line } => t!("import-place-line", line = line),
    }
}
