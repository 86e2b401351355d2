//! Tests of `dates`.

use super::*;

/// Fetched on 2024-06-01: a day's grace.
fn latest() -> Day {
    Day::new(2024, 6, 2).unwrap()
}

fn text(s: &str) -> Option<String> {
    find_in_text(s, &Vocab::load(), latest(), false).map(Day::iso)
}

fn stamp(s: &str) -> Option<String> {
    parse_stamp(s, &Vocab::load(), latest()).map(|s| s.iso)
}

#[test]
fn machine_stamps() {
    assert_eq!(stamp("2021-11-03").as_deref(), Some("2021-11-03"));
    assert_eq!(
        stamp("2021-11-03T10:05:00+01:00").as_deref(),
        Some("2021-11-03T10:05:00+01:00")
    );
    assert_eq!(
        stamp("2021-11-03T10:05:07.123Z").as_deref(),
        Some("2021-11-03T10:05:07Z")
    );
    assert_eq!(
        stamp("2021-11-03 10:05").as_deref(),
        Some("2021-11-03T10:05:00")
    );
    assert_eq!(
        stamp("2021-11-03T10:05:00+0100").as_deref(),
        Some("2021-11-03T10:05:00+01:00")
    );
    assert_eq!(stamp("20211103").as_deref(), Some("2021-11-03"));
    assert_eq!(stamp("2021/1/3").as_deref(), Some("2021-01-03"));
    assert_eq!(
        stamp("Wed, 03 Nov 2021 10:00:00 GMT").as_deref(),
        Some("2021-11-03")
    );
}

#[test]
fn garbage_is_refused() {
    for s in [
        "",
        "2021-13-03",
        "2021-02-30",
        "0000-00-00",
        "1970-01-01",
        "2099-01-01",
        "{{date}}",
        "yesterday",
        "9999999999999999999999",
        "2021-11",
        "12:30",
        "v1.2.3",
    ] {
        assert_eq!(stamp(s), None, "{s:?}");
    }
}

#[test]
fn written_dates() {
    let cases = [
        ("November 3, 2021", "2021-11-03"),
        ("Nov. 3rd, 2021", "2021-11-03"),
        ("3 November 2021", "2021-11-03"),
        ("the 3rd of November 2021", "2021-11-03"),
        ("Published: 12.03.2024, 10:30 Uhr", "2024-03-12"),
        ("12. März 2024", "2024-03-12"),
        ("Veröffentlicht am 1. Dezember 2021", "2021-12-01"),
        ("1er mars 2024", "2024-03-01"),
        ("le 12 février 2024 à 10h", "2024-02-12"),
        ("3 de noviembre de 2021", "2021-11-03"),
        ("3 novembre 2021", "2021-11-03"),
        ("3 maart 2021", "2021-03-03"),
        ("25/12/2021", "2021-12-25"),
        ("12/25/2021", "2021-12-25"),
        ("03-11-2021", "2021-11-03"),
        ("Posted on 2021/11/03 by admin", "2021-11-03"),
        ("Mi., 3. Nov. 2021", "2021-11-03"),
    ];
    for (input, want) in cases {
        assert_eq!(text(input).as_deref(), Some(want), "{input:?}");
    }
}

#[test]
fn short_years_only_when_asked() {
    let v = Vocab::load();
    let short = |s: &str| find_in_text(s, &v, latest(), true).map(Day::iso);
    assert_eq!(short("Kultur, 2.11.22").as_deref(), Some("2022-11-02"));
    assert_eq!(text("Kultur, 2.11.22"), None);
    assert_eq!(short("version 1.2.22.4"), None);
    assert_eq!(short("2.11.99"), None, "2099 is in the future");
}

#[test]
fn ambiguous_or_partial_dates_are_skipped() {
    assert_eq!(text("03/11/2021"), None);
    assert_eq!(text("November 2021"), None);
    assert_eq!(text("May I help you, 3 times?"), None);
    assert_eq!(text("31 February 2021"), None);
}

#[test]
fn url_dates() {
    let t = latest();
    let iso = |u: &str| from_url(u, t).map(Day::iso);
    assert_eq!(
        iso("https://ex.com/news/29-10-2021").as_deref(),
        Some("2021-10-29")
    );
    assert_eq!(
        iso("https://ex.com/news/10-29-2021").as_deref(),
        Some("2021-10-29")
    );
    assert_eq!(iso("https://ex.com/news/03-04-2021"), None);
    assert_eq!(
        from_url("https://ex.com/2021/11/03/some-story/", t)
            .map(Day::iso)
            .as_deref(),
        Some("2021-11-03")
    );
    assert_eq!(
        from_url("https://ex.com/news/2021-11-03-story", t)
            .map(Day::iso)
            .as_deref(),
        Some("2021-11-03")
    );
    assert_eq!(from_url("https://ex.com/news/20211103123-story", t), None);
    assert_eq!(
        from_url("https://ex.com/2021-11-03/story", t)
            .map(Day::iso)
            .as_deref(),
        Some("2021-11-03")
    );
    assert_eq!(from_url("https://ex.com/2021/11/story", t), None);
    assert_eq!(from_url("https://ex.com/story?id=2021/11/03", t), None);
    assert_eq!(from_url("not a url", t), None);
}

#[test]
fn day_arithmetic() {
    assert_eq!(Day::new(1970, 1, 1).map(Day::days), Some(0));
    assert_eq!(Day::new(2024, 1, 1).map(Day::days), Some(19_723));
    assert_eq!(
        Day::new(2023, 12, 31).unwrap().next(),
        Day::new(2024, 1, 1).unwrap()
    );
    let fetched = "2024-12-31".parse().ok();
    assert_eq!(Day::latest(fetched), Day::new(2025, 1, 1).unwrap());
    assert_eq!(Day::latest(None), Day::new(2100, 12, 31).unwrap());
}
