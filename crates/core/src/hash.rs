//! The core's one non-cryptographic hash: 64-bit FNV-1a.
//!
//! It is fixed and stable on purpose, not just fast. The entity model's weights are
//! indexed by the hashes of its features (`stages::entities::features`), and the shipped
//! `models/ner.bin` was trained with exactly this function: changing a constant or the
//! byte order would leave the file loading fine while every feature reads some other
//! feature's weights. So this must never change; a model trained with anything else is a
//! different model. `std`'s `DefaultHasher` is randomly seeded per process and its
//! algorithm may change between Rust releases, so it cannot serve here.
//!
//! The same function keys the word tables ([`FnvBuild`]): their keys come from shipped
//! data and input words are only looked up, never inserted, so nobody can choose
//! colliding keys, and SipHash would cost more than the rest of a lookup of a short word.

use std::hash::{BuildHasherDefault, Hasher};

/// Where an FNV-1a hash starts.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a of `bytes`, continuing from `seed` ([`FNV_OFFSET`] for a fresh hash), so a
/// hash can be extended part by part.
pub fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = seed;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// [`fnv1a`] as a [`Hasher`], for hash maps over trusted keys.
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(FNV_OFFSET)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a(self.0, bytes);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`Fnv`] hashers: `HashMap<K, V, FnvBuild>`.
pub type FnvBuild = BuildHasherDefault<Fnv>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_published_fnv1a_test_vectors() {
        // From the FNV reference test suite (Fowler, Noll, Vo): 64-bit FNV-1a.
        assert_eq!(fnv1a(FNV_OFFSET, b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(FNV_OFFSET, b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(FNV_OFFSET, b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn hashing_in_parts_equals_hashing_the_whole() {
        assert_eq!(
            fnv1a(fnv1a(FNV_OFFSET, b"foo"), b"bar"),
            fnv1a(FNV_OFFSET, b"foobar")
        );
        let mut h = Fnv::default();
        h.write(b"foo");
        h.write(b"bar");
        assert_eq!(h.finish(), fnv1a(FNV_OFFSET, b"foobar"));
    }
}
