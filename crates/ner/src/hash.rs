//! The feature hasher: FxHash-style multiply/rotate/xor over 8-byte words, with a final
//! avalanche so that the top bits chosen as a bucket index are well spread.

/// The FxHash multiplier.
const K: u64 = 0x517c_c1b7_2722_0a95;

/// One FxHash step: folds `v` into `h`.
#[inline]
pub(crate) fn fx(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// Hashes `bytes` from `seed`, eight bytes at a time.
#[inline]
pub(crate) fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = seed;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = fx(h, u64::from_le_bytes(a));
    }
    let rem = chunks.remainder();
    if !rem.is_empty() {
        let mut a = [0u8; 8];
        for (d, s) in a.iter_mut().zip(rem) {
            *d = *s;
        }
        h = fx(h, u64::from_le_bytes(a));
    }
    fx(h, bytes.len() as u64)
}

/// The murmur3 64-bit finaliser.
#[inline]
pub(crate) fn avalanche(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A hasher for keys that are already hashes (`u64` keys pass through unchanged).
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = fx(self.0, u64::from(b));
        }
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A set of hashes.
pub(crate) type HashSet64 =
    std::collections::HashSet<u64, std::hash::BuildHasherDefault<KeyHasher>>;

/// The hash of `word` with letters lower-cased and curly apostrophes made straight; a final
/// period is dropped when `strip_period` ("Gen." → "gen"). Allocates nothing.
pub(crate) fn fold_hash(word: &str, strip_period: bool) -> u64 {
    let w = if strip_period {
        word.strip_suffix('.').unwrap_or(word)
    } else {
        word
    };
    let mut h = 0xf01d_u64;
    let mut n = 0u64;
    for c in w.chars() {
        n += 1;
        let c = match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
            c => c,
        };
        if c.is_ascii() {
            h = fx(h, u64::from(c.to_ascii_lowercase()));
        } else {
            for l in c.to_lowercase() {
                h = fx(h, u64::from(l));
            }
        }
    }
    avalanche(fx(h, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_contents_are_distinguished() {
        assert_ne!(hash_bytes(1, b"a"), hash_bytes(1, b"a\0"));
        assert_ne!(hash_bytes(1, b"abcdefgh"), hash_bytes(1, b"abcdefgi"));
        assert_ne!(hash_bytes(1, b"x"), hash_bytes(2, b"x"));
        assert_eq!(hash_bytes(7, b"nairobi"), hash_bytes(7, b"nairobi"));
        assert_eq!(fold_hash("Gen.", true), fold_hash("GEN", false));
        assert_eq!(fold_hash("O’Neil", false), fold_hash("o'neil", false));
        assert_ne!(fold_hash("Gen.", false), fold_hash("gen", false));
    }
}
