//! A small, fast, non-cryptographic string hasher for the lexicon's tables.
//!
//! The tables are built once from embedded data and probed per word, per class
//! token and per text block, so the hash of short strings dominates. SipHash
//! (the std default) resists hash flooding, which does not matter here: the
//! tables never grow from input, so hostile input can only probe fixed chains.
//! This is the multiply-rotate scheme of the Firefox/rustc "Fx" hash, written
//! out so the crate needs no extra dependency.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

/// A `HashMap` keyed with [`FxHasher`].
pub(crate) type FxMap<K, V> = HashMap<K, V, FxBuildHasher>;

/// An empty [`FxMap`] with room for `capacity` entries.
pub(crate) fn map_with_capacity<K, V>(capacity: usize) -> FxMap<K, V> {
    HashMap::with_capacity_and_hasher(capacity, FxBuildHasher)
}

/// Builds [`FxHasher`]s; stateless, so every map hashes alike.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FxBuildHasher;

impl BuildHasher for FxBuildHasher {
    type Hasher = FxHasher;

    fn build_hasher(&self) -> FxHasher {
        FxHasher(0)
    }
}

/// Multiply-rotate hasher over 8-byte words.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The multiply leaves the low bits weakest; hashbrown indexes buckets
        // with low bits, so rotate the strong high bits down.
        self.0.rotate_left(26)
    }
}
