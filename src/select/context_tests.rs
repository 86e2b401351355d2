//! The neighbour rules on hand-built blocks and verdicts.

use super::*;
use crate::html::segment::Block;

/// A block of `chars` characters of the given kind.
fn block(kind: BlockKind, chars: u32) -> Block {
    Block {
        text: "x".repeat(chars as usize),
        kind,
        container: 0,
        words: chars / 5,
        link_words: 0,
        chars,
        spans: Vec::new(),
        images: Vec::new(),
    }
}

fn verdicts(classes: &[Class]) -> Vec<Verdict> {
    classes
        .iter()
        .map(|&class| Verdict {
            class,
            reason: Reason::Short,
        })
        .collect()
}

fn classes(verdicts: &[Verdict]) -> Vec<Class> {
    verdicts.iter().map(|v| v.class).collect()
}

use Class::{Bad, Good, NearGood, Short};

#[test]
fn short_blocks_take_the_class_of_their_neighbours() {
    for (page, balanced, precision) in [
        ([Good, Short, Good], Good, Good),
        ([Bad, Short, Bad], Bad, Bad),
        ([Good, Short, Bad], NearGood, Bad),
        ([Bad, Short, Good], NearGood, Bad),
        // Near-good and short neighbours are looked past.
        ([Good, NearGood, Short], NearGood, Bad),
    ] {
        let mut v = verdicts(&page);
        smooth_short(&mut v, Balance::Balanced);
        let at = page.iter().position(|&c| c == Short).unwrap_or(0);
        assert_eq!(v[at].class, balanced, "{page:?} balanced");
        assert_eq!(v[at].reason, Reason::Context);
        let mut v = verdicts(&page);
        smooth_short(&mut v, Balance::Precision);
        assert_eq!(v[at].class, precision, "{page:?} precision");
    }
    // The page edges count as bad.
    let mut v = verdicts(&[Short, Good, Short]);
    smooth_short(&mut v, Balance::Balanced);
    assert_eq!(classes(&v), [NearGood, Good, NearGood]);
}

#[test]
fn near_good_blocks_need_a_good_neighbour() {
    let mut v = verdicts(&[Good, NearGood, Bad, NearGood, Bad]);
    settle_near_good(&mut v);
    assert_eq!(classes(&v), [Good, Good, Bad, Bad, Bad]);
    // Looking past short and near-good blocks to the nearest other class.
    let mut v = verdicts(&[NearGood, Short, NearGood, Good]);
    settle_near_good(&mut v);
    assert_eq!(classes(&v), [Good, Short, Good, Good]);
}

#[test]
fn a_short_heading_before_content_is_near_good() {
    let heading = || block(BlockKind::Heading(2), 20);
    let near = vec![
        heading(),
        block(BlockKind::Paragraph, 150),
        block(BlockKind::Paragraph, 400),
    ];
    let mut v = verdicts(&[Short, Bad, Good]);
    promote_headings(&near, &mut v);
    assert_eq!(v[0].class, NearGood, "content within the heading distance");
    // More than MAX_HEADING_DISTANCE characters before the content.
    let far = vec![
        heading(),
        block(BlockKind::Paragraph, MAX_HEADING_DISTANCE + 1),
        block(BlockKind::Paragraph, 400),
    ];
    let mut v = verdicts(&[Short, Bad, Good]);
    promote_headings(&far, &mut v);
    assert_eq!(v[0].class, Short, "content too far");
    // Only headings are promoted.
    let mut v = verdicts(&[Short, Good]);
    promote_headings(
        &[
            block(BlockKind::Paragraph, 20),
            block(BlockKind::Paragraph, 400),
        ],
        &mut v,
    );
    assert_eq!(v[0].class, Short);
}
