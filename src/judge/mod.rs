//! Judging each block on its own: the word lists (`lexicon`), the measured
//! features of a block and its page (`features`), the verdict rules
//! (`score`) and the thresholds both use (`thresholds`).

pub(crate) mod features;
pub(crate) mod lexicon;
pub(crate) mod score;
pub(crate) mod thresholds;
