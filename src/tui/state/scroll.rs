//! A block of text lines that scrolls (the profile, help): where it starts and how many lines
//! showed at the last draw. Keys move it freely; drawing, which knows the lines and the
//! height, clamps it.

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextScroll {
    /// The first line shown.
    pub offset: usize,
    /// Lines in the window at the last draw, for PgUp/PgDn.
    pub height: usize,
    /// The next draw scrolls to what a search found (only drawing knows where it landed).
    pub seek: bool,
}

impl TextScroll {
    /// Moves by `delta` lines; past the end is clamped when drawn.
    pub fn by(&mut self, delta: isize) {
        self.offset = self.offset.saturating_add_signed(delta);
    }

    /// A page, as tall as the window was.
    pub fn page(&self) -> isize {
        self.height.max(1) as isize
    }

    /// Clamps to `len` lines shown `height` at a time, so the last page is full; returns the
    /// first line to draw.
    pub fn fit(&mut self, len: usize, height: usize) -> usize {
        self.height = height;
        self.offset = self.offset.min(len.saturating_sub(height));
        self.offset
    }

    /// "12-40 of 96" when the lines do not all fit; `fit` first.
    pub fn indicator(&self, len: usize) -> Option<String> {
        (len > self.height).then(|| {
            let last = (self.offset + self.height).min(len);
            crate::t!("scroll-at", first = self.offset + 1, last = last, len = len)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_stops_at_the_last_full_page() {
        let mut s = TextScroll::default();
        s.by(isize::MAX / 2);
        assert_eq!(s.fit(96, 29), 67);
        assert_eq!(s.indicator(96).as_deref(), Some("68-96 of 96"));
        s.by(-100);
        assert_eq!(s.fit(96, 29), 0);
        assert_eq!(s.indicator(96).as_deref(), Some("1-29 of 96"));
        assert_eq!(s.fit(10, 29), 0);
        assert_eq!(s.indicator(10), None, "all of it shows");
    }
}
