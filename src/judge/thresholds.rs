//! The thresholds on a block's length and link density, shared by the
//! features (stage 4, which asks whether a block is a link list) and the
//! score (stage 5, which judges it), so neither imports the other.

use crate::model::options::Balance;

/// Blocks under this many characters are "short": too little evidence alone.
/// jusText's LENGTH_LOW default.
pub(crate) const LENGTH_LOW: u32 = 70;
/// Blocks of at least this many characters can be "good" on their own.
/// jusText's LENGTH_HIGH default.
pub(crate) const LENGTH_HIGH: u32 = 200;
/// Share of words in links above which a short block is navigation.
/// jusText uses 0.2; short blocks at 0.2-0.4 inside the region are two-thirds
/// article text on scrapinghub (209 article words vs 103 others), and 0.3
/// measured best on both sets (scrapinghub F1 +0.003, the other flat).
pub(crate) const MAX_LINK_DENSITY: f32 = 0.3;
/// The same for medium blocks (LENGTH_LOW to LENGTH_HIGH characters):
/// inside the region, medium blocks at 0.2-0.4 are five-sixths article text
/// (measured on scrapinghub: 915 article words vs 186 others).
pub(crate) const MAX_LINK_DENSITY_MEDIUM: f32 = 0.5;
/// The same for long blocks: prose with inline links stays prose. Inside
/// the region, long blocks up to 0.7 were all article text (1,384 words,
/// none other, same measurement).
pub(crate) const MAX_LINK_DENSITY_LONG: f32 = 0.7;

/// How much higher link-density limits are with [`Balance::Recall`].
pub(crate) const RECALL_LINK_DENSITY_SLACK: f32 = 0.1;

/// The link density above which a block of `length` (weighted characters)
/// is a link list, with `balance`.
pub(crate) fn max_link_density(length: u32, balance: Balance) -> f32 {
    let max_link_density = if length >= LENGTH_HIGH {
        MAX_LINK_DENSITY_LONG
    } else if length >= LENGTH_LOW {
        MAX_LINK_DENSITY_MEDIUM
    } else {
        MAX_LINK_DENSITY
    };
    if balance == Balance::Recall {
        max_link_density + RECALL_LINK_DENSITY_SLACK
    } else {
        max_link_density
    }
}
