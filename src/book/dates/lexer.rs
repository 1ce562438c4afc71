//! Splits typed text into tokens and walks them with a rewinding cursor.

// ---- Tokens ---------------------------------------------------------------------------------

/// English glues numbers to letters (`+3d`, `2pm`) and Chinese has no spaces at all, so the
/// tokens are runs of digits, runs of letters, single CJK characters and single punctuation.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Num { value: u64, len: usize },
    Word(String),
    Han(char),
    Punct(char),
    Space,
}

pub(super) fn tokenize(input: &str) -> Vec<Tok> {
    let halfwidth: String = input.chars().map(to_halfwidth).collect();
    let text = halfwidth
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let mut chars = text.chars().peekable();
    let mut toks = Vec::new();
    while let Some(c) = chars.next() {
        toks.push(match c {
            ' ' => Tok::Space,
            '0'..='9' => {
                let (mut value, mut len) = (u64::from(c) - u64::from('0'), 1);
                while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                    chars.next();
                    // Saturating keeps absurdly long numbers too big to be valid, without overflow.
                    value = value.saturating_mul(10).saturating_add(u64::from(d));
                    len += 1;
                }
                Tok::Num { value, len }
            }
            'a'..='z' => {
                let mut word = String::from(c);
                while let Some(&c) = chars.peek().filter(|c| c.is_ascii_lowercase()) {
                    chars.next();
                    word.push(c);
                }
                Tok::Word(word)
            }
            c if c.is_ascii() => Tok::Punct(c),
            c => Tok::Han(c),
        });
    }
    toks
}

/// Chinese input methods often produce full-width digits and colons (`１５：００`).
pub(super) fn to_halfwidth(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => c,
    }
}

/// A cursor over the tokens. Every alternative runs inside `attempt`, which rewinds on
/// failure, so the grammar can simply try the phrases in order.
pub(super) struct Parser {
    pub(super) toks: Vec<Tok>,
    pub(super) pos: usize,
    pub(super) order: super::DateOrder,
    pub(super) lean: super::Lean,
}

impl Parser {
    pub(super) fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    pub(super) fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    pub(super) fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let start = self.pos;
        let result = f(self);
        if result.is_none() {
            self.pos = start;
        }
        result
    }

    pub(super) fn eat(&mut self, want: impl Fn(&Tok) -> bool) -> Option<()> {
        let ok = self.peek().is_some_and(want);
        self.pos += usize::from(ok);
        ok.then_some(())
    }

    pub(super) fn space(&mut self) -> Option<()> {
        self.eat(|t| *t == Tok::Space)
    }

    pub(super) fn punct(&mut self, c: char) -> Option<()> {
        self.eat(|t| *t == Tok::Punct(c))
    }

    /// A literal phrase: English words where each ' ' stands for a space token (`"at "` is the
    /// word and the space after it), or Chinese characters.
    pub(super) fn lit(&mut self, phrase: &str) -> Option<()> {
        self.attempt(|p| {
            for (i, part) in phrase.split(' ').enumerate() {
                if i > 0 {
                    p.space()?;
                }
                if part.is_empty() {
                    continue;
                }
                if part.is_ascii() {
                    p.eat(|t| matches!(t, Tok::Word(w) if w == part))?;
                } else {
                    for c in part.chars() {
                        p.eat(|t| *t == Tok::Han(c))?;
                    }
                }
            }
            Some(())
        })
    }

    /// The value of the first entry in `table` whose phrase is under the cursor.
    pub(super) fn pick<T: Copy>(&mut self, table: &[(&str, T)]) -> Option<T> {
        table
            .iter()
            .find(|(phrase, _)| self.lit(phrase).is_some())
            .map(|&(_, value)| value)
    }

    /// A run of digits, with how many digits it had.
    pub(super) fn num(&mut self) -> Option<(u64, usize)> {
        let Some(&Tok::Num { value, len }) = self.peek() else {
            return None;
        };
        self.pos += 1;
        Some((value, len))
    }

    pub(super) fn num_len(&mut self, lens: std::ops::RangeInclusive<usize>) -> Option<u64> {
        self.attempt(|p| {
            p.num()
                .filter(|(_, len)| lens.contains(len))
                .map(|(v, _)| v)
        })
    }
}
