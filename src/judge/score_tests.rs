//! The first verdict's rules on hand-built blocks and features: link
//! density by length and balance, cruft, length and stop-word thresholds.

use super::*;
use crate::judge::thresholds::{
    MAX_LINK_DENSITY, MAX_LINK_DENSITY_LONG, MAX_LINK_DENSITY_MEDIUM, RECALL_LINK_DENSITY_SLACK,
};

fn block(kind: BlockKind) -> Block {
    Block {
        text: String::new(),
        kind,
        container: 0,
        words: 0,
        link_words: 0,
        chars: 0,
        spans: Vec::new(),
        images: Vec::new(),
    }
}

/// Features of a link-free block of `length` characters at `stopwords`.
fn features(length: u32, stopwords: f32) -> Features {
    Features {
        words: length as f32 / 6.0,
        length,
        link_density: 0.0,
        text_density: 10.0,
        stopword_density: stopwords,
        sentence_ends: 1,
        commas: 1,
        ends_with_punctuation: true,
        digit_ratio: 0.0,
        cruft: None,
        position: 0.5,
    }
}

fn verdict(f: Features, balance: Balance) -> Verdict {
    judge(&block(BlockKind::Paragraph), &f, true, balance)
}

const ALL: [Balance; 3] = [Balance::Precision, Balance::Balanced, Balance::Recall];

#[test]
fn link_density_limits_rise_with_length_and_with_recall() {
    for balance in ALL {
        let slack = if balance == Balance::Recall {
            RECALL_LINK_DENSITY_SLACK
        } else {
            0.0
        };
        for (length, limit) in [
            (LENGTH_LOW - 1, MAX_LINK_DENSITY),
            (LENGTH_LOW, MAX_LINK_DENSITY_MEDIUM),
            (LENGTH_HIGH, MAX_LINK_DENSITY_LONG),
        ] {
            assert_eq!(max_link_density(length, balance), limit + slack);
            let mut over = features(length, 0.4);
            over.link_density = limit + slack + 0.01;
            assert_eq!(verdict(over, balance).reason, Reason::LinkDense);
            let mut under = features(length, 0.4);
            under.link_density = limit + slack - 0.01;
            assert_ne!(verdict(under, balance).reason, Reason::LinkDense);
        }
    }
}

#[test]
fn cruft_is_bad_whatever_its_length() {
    for length in [10, LENGTH_HIGH * 3] {
        let mut f = features(length, 0.5);
        f.cruft = Some(CruftKind::Share);
        let v = verdict(f, Balance::Recall);
        assert_eq!(v.class, Class::Bad);
        assert_eq!(v.reason, Reason::Cruft(CruftKind::Share));
    }
}

#[test]
fn length_and_stopwords_decide_the_rest() {
    for balance in ALL {
        // Short: left to the neighbours.
        assert_eq!(
            verdict(features(LENGTH_LOW - 1, 0.5), balance).class,
            Class::Short
        );
        // Long and dense with stop words: prose; long without: maybe.
        let long = verdict(features(LENGTH_HIGH, STOPWORDS_HIGH), balance);
        assert_eq!((long.class, long.reason), (Class::Good, Reason::Prose));
        let list = verdict(features(LENGTH_HIGH, STOPWORDS_HIGH - 0.01), balance);
        assert_eq!(list.class, Class::NearGood);
    }
    // Medium blocks: near-good by default, stop words needed for precision.
    let thin = features(LENGTH_LOW, STOPWORDS_MEDIUM - 0.01);
    assert_eq!(verdict(thin, Balance::Balanced).class, Class::NearGood);
    assert_eq!(verdict(thin, Balance::Recall).class, Class::NearGood);
    let v = verdict(thin, Balance::Precision);
    assert_eq!((v.class, v.reason), (Class::Bad, Reason::NotProse));
    let dense = features(LENGTH_LOW, STOPWORDS_MEDIUM);
    assert_eq!(verdict(dense, Balance::Precision).class, Class::NearGood);
}

#[test]
fn headings_are_short_and_punctuation_stands_in_for_stopwords() {
    let heading = block(BlockKind::Heading(2));
    let v = judge(
        &heading,
        &features(LENGTH_HIGH, 0.5),
        true,
        Balance::Balanced,
    );
    assert_eq!(v.class, Class::Short);
    // A language without a list: sentences read as prose, bare text not.
    let para = block(BlockKind::Paragraph);
    let f = features(LENGTH_HIGH, 0.0);
    assert_eq!(
        judge(&para, &f, false, Balance::Balanced).class,
        Class::Good
    );
    let bare = Features {
        sentence_ends: 0,
        commas: 0,
        ..f
    };
    assert_eq!(
        judge(&para, &bare, false, Balance::Balanced).class,
        Class::NearGood
    );
    // score() judges every block in order.
    let blocks = [block(BlockKind::Paragraph), block(BlockKind::Paragraph)];
    let fs = [features(10, 0.5), features(LENGTH_HIGH, 0.5)];
    let classes: Vec<Class> = score(&blocks, &fs, true, Balance::Balanced)
        .iter()
        .map(|v| v.class)
        .collect();
    assert_eq!(classes, [Class::Short, Class::Good]);
}
