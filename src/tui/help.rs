//! The `?` overlay as data: which section it opens on (where the person was), how far it is
//! scrolled, and what it covers, so closing it uncovers a form or a question as it was.

use super::keymap::{self, Context};
use super::state::{Overlay, State, TextScroll};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpView {
    pub scroll: TextScroll,
    /// The section to scroll to at the next draw, where the line it starts on is known (it
    /// depends on the width the text wraps to).
    pub jump_to: Option<Context>,
    /// The form or question help was opened over (F1): back on screen when help closes.
    pub behind: Option<Box<Overlay>>,
}

impl HelpView {
    /// Help for what has the keys now: the section of the innermost context.
    pub fn over(state: &mut State) -> Self {
        let section = keymap::contexts(state).first().copied();
        HelpView {
            scroll: TextScroll::default(),
            jump_to: section,
            behind: state.overlay.take().map(Box::new),
        }
    }
}
