//! The casing lexicon: which word forms are mostly written in lower case, learnt from the
//! casing of the training text (not from its labels). A capitalised word whose form is usually
//! lower case ("Write" starting a sentence, "Will" in a headline) is seldom a name.

/// A bit set over hashed word forms.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct Lexicon {
    bits: u32,
    lower: Vec<u64>,
}

impl Lexicon {
    /// The number of hash bits of the lexicon's table.
    pub(crate) const BITS: u32 = 20;

    /// A lexicon over `2^bits` buckets with the given forms (hashes) marked.
    pub(crate) fn from_forms(bits: u32, forms: impl IntoIterator<Item = u64>) -> Self {
        let mut lower = vec![0u64; (1usize << bits).div_ceil(64)];
        let mut lex = Lexicon {
            bits,
            lower: Vec::new(),
        };
        for f in forms {
            let b = lex.bucket(f);
            if let Some(w) = lower.get_mut(b / 64) {
                *w |= 1 << (b % 64);
            }
        }
        lex.lower = lower;
        lex
    }

    fn bucket(&self, form: u64) -> usize {
        if self.bits == 0 {
            0
        } else {
            (crate::hash::avalanche(form ^ 0x1e1e) >> (64 - self.bits)) as usize
        }
    }

    /// Whether the form is mostly written in lower case.
    #[inline]
    pub(crate) fn is_lower(&self, form: u64) -> bool {
        let b = self.bucket(form);
        self.lower
            .get(b / 64)
            .is_some_and(|w| w & (1 << (b % 64)) != 0)
    }

    /// The table's hash bits (0 for an empty lexicon).
    pub(crate) fn bits(&self) -> u32 {
        self.bits
    }

    /// The marked buckets, in order.
    pub(crate) fn marked(&self) -> impl Iterator<Item = usize> + '_ {
        self.lower.iter().enumerate().flat_map(|(i, &w)| {
            (0..64)
                .filter(move |b| w & (1u64 << b) != 0)
                .map(move |b| i * 64 + b)
        })
    }

    /// A lexicon of `2^bits` buckets with the given buckets marked (out-of-range ones ignored).
    pub(crate) fn from_buckets(bits: u32, buckets: impl IntoIterator<Item = usize>) -> Self {
        let mut lower = vec![0u64; (1usize << bits).div_ceil(64)];
        for b in buckets {
            if let Some(w) = lower.get_mut(b / 64) {
                *w |= 1 << (b % 64);
            }
        }
        Lexicon { bits, lower }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_round_trip() {
        let lex = Lexicon::from_forms(10, [1u64, 2, 99]);
        assert!(lex.is_lower(1) && lex.is_lower(99));
        let back = Lexicon::from_buckets(10, lex.marked().collect::<Vec<_>>());
        assert_eq!(lex, back);
        assert!(!Lexicon::default().is_lower(1));
    }
}
