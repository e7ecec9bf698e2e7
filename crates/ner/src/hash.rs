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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_contents_are_distinguished() {
        assert_ne!(hash_bytes(1, b"a"), hash_bytes(1, b"a\0"));
        assert_ne!(hash_bytes(1, b"abcdefgh"), hash_bytes(1, b"abcdefgi"));
        assert_ne!(hash_bytes(1, b"x"), hash_bytes(2, b"x"));
        assert_eq!(hash_bytes(7, b"nairobi"), hash_bytes(7, b"nairobi"));
    }
}
