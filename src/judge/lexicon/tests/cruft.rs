//! Cruft phrases: whole blocks, `*` prefixes, numbers, and substrings.

use super::super::CruftKind::{self, *};
use super::lexicon;

fn check(cases: &[(&str, Option<CruftKind>)]) {
    let lex = lexicon();
    for (text, want) in cases {
        assert_eq!(lex.cruft(text), *want, "{text:?}");
    }
}

#[test]
fn read_more_in_each_language() {
    check(&[
        ("Read more »", Some(ReadMore)),
        ("READ MORE…", Some(ReadMore)),
        ("→ Continue reading", Some(ReadMore)),
        ("Read more about the new budget rules", Some(ReadMore)),
        ("Weiterlesen ›", Some(ReadMore)),
        ("Lire la suite…", Some(ReadMore)),
        ("Leer más →", Some(ReadMore)),
        ("Continua a leggere", Some(ReadMore)),
        ("Leia mais", Some(ReadMore)),
        ("Lees verder »", Some(ReadMore)),
        ("Читать далее", Some(ReadMore)),
    ]);
}

#[test]
fn each_kind_in_samples() {
    check(&[
        ("Share this: Facebook Twitter", Some(Share)),
        ("Facebook Twitter Email WhatsApp", Some(Share)),
        ("Teilen", Some(Share)),
        ("Partager sur Facebook", Some(Share)),
        ("Compartir en Twitter", Some(Share)),
        ("Sign up for our newsletter", Some(Newsletter)),
        ("Newsletter abonnieren", Some(Newsletter)),
        ("Abonnez-vous", Some(Newsletter)),
        (
            "© 2024 Example Media Ltd. All rights reserved.",
            Some(Legal),
        ),
        ("©2024 Example Media", Some(Legal)),
        ("Alle Rechte vorbehalten.", Some(Legal)),
        ("Tous droits réservés", Some(Legal)),
        ("Todos los derechos reservados", Some(Legal)),
        ("Tutti i diritti riservati", Some(Legal)),
        ("Todos os direitos reservados", Some(Legal)),
        ("Alle rechten voorbehouden", Some(Legal)),
        ("Все права защищены", Some(Legal)),
        ("Impressum", Some(Legal)),
        ("Advertisement", Some(Advertising)),
        ("ANZEIGE", Some(Advertising)),
        ("Publicité", Some(Advertising)),
        ("Publicidad", Some(Advertising)),
        ("Back to top ↑", Some(Navigation)),
        ("Skip to main content", Some(Navigation)),
        ("Page 2 of 10", Some(Navigation)),
        ("Zum Inhalt springen", Some(Navigation)),
        ("Follow us on Instagram", Some(Follow)),
        ("Folgen Sie uns auf X", Some(Follow)),
        ("Suivez-nous", Some(Follow)),
        ("Related:", Some(Related)),
        ("You may also like", Some(Related)),
        ("Ähnliche Artikel", Some(Related)),
        ("À lire aussi : la réforme des retraites", Some(Related)),
        ("Te puede interesar", Some(Related)),
        (
            "We use cookies to give you the best experience.",
            Some(Cookie),
        ),
        ("Accept all cookies", Some(Cookie)),
        ("Wir verwenden Cookies", Some(Cookie)),
        ("Nous utilisons des cookies", Some(Cookie)),
        ("12 Comments", Some(Comment)),
        ("Leave a comment", Some(Comment)),
        ("Kommentare (3)", Some(Comment)),
        ("3 thoughts on “Why the sky is blue”", Some(Comment)),
        ("By Jane Doe", Some(Byline)),
        ("Von Max Mustermann und Erika Musterfrau", Some(Byline)),
        ("Par Jean Dupont", Some(Byline)),
        ("Updated 3 hours ago", Some(Date)),
        ("Published: 12 March 2024", Some(Date)),
        ("Stand: 12.03.2024, 10:30 Uhr", Some(Date)),
        ("5 min read", Some(Date)),
        ("Il y a 2 heures", Some(Date)),
        ("Tags: politics, economy, europe", Some(Tags)),
        ("Schlagwörter: Bundestag, Haushalt", Some(Tags)),
        ("Photo: Reuters", Some(Credit)),
        ("Foto: dpa", Some(Credit)),
        // Phrases marked "* " end a block after a few words.
        ("Cicero Newsletter", Some(Newsletter)),
        ("Dein personalisierter Newsletter", Some(Newsletter)),
        // Short blocks holding a strong phrase.
        (
            "Deine E-Mail-Adresse wird nicht veröffentlicht.",
            Some(Comment),
        ),
        (
            "Copyright Example. All rights reserved. Terms apply.",
            Some(Legal),
        ),
    ]);
}

#[test]
fn bare_dates() {
    check(&[
        ("Oct 9, 2019", Some(Date)),
        ("January 2020", Some(Date)),
        ("Dezember", Some(Date)),
        ("Dienstag, 30.11.2021", Some(Date)),
        ("2:54pm", Some(Date)),
        ("12.03.2024, 10:30 Uhr", Some(Date)),
        ("3 de mayo de 2024", Some(Date)),
        ("12 марта 2024 г.", Some(Date)),
        ("2019-11-18", Some(Date)),
        ("42", None),
        ("02-751-1500", None),
        ("+81 158-23-2012", None),
        ("1.234", None),
        ("On the", None),
        ("March for Our Lives", None),
        ("9 October: a day to remember", None),
    ]);
}

#[test]
fn prose_is_not_cruft() {
    check(&[
        ("", None),
        ("  » ·  ", None),
        ("More people are moving to cities than ever before.", None),
        ("By the river bank the children played", None),
        ("By 2030 the city wants to be carbon neutral", None),
        ("Stand up for what you believe in", None),
        ("Facebook said on Tuesday it would cut jobs", None),
        (
            "The home team won the match on Sunday evening after extra time",
            None,
        ),
        // Over the word limit even though it starts like a phrase.
        (
            "Read more about the plan, which the council approved last night by nine votes to two",
            None,
        ),
    ]);
}

#[test]
fn strong_phrases_inside_long_blocks() {
    let lex = lexicon();
    let footer =
        "Example Media Group is a registered trademark. Copyright 2024. All  Rights\nReserved. \
                  Reproduction without permission is prohibited.";
    assert_eq!(lex.contains_cruft_phrase(footer), Some(Legal));
    let banner =
        "This website uses cookies to improve your experience and to show you personalised ads. \
                  By continuing you agree to our use of cookies.";
    assert_eq!(lex.contains_cruft_phrase(banner), Some(Cookie));
    assert_eq!(
        lex.contains_cruft_phrase("Wir verwenden Cookies, um Inhalte zu personalisieren."),
        Some(Cookie)
    );
    assert_eq!(
        lex.contains_cruft_phrase(
            "Your email address will not be published. Required fields are marked *"
        ),
        Some(Comment)
    );
    // Whole words only, and ordinary prose passes.
    assert_eq!(
        lex.contains_cruft_phrase("they said all rights reservedly"),
        None
    );
    assert_eq!(
        lex.contains_cruft_phrase("Forecasters expect heavy rain across the region on Monday."),
        None
    );
    assert_eq!(lex.contains_cruft_phrase(""), None);
}

#[test]
fn a_short_block_with_a_copyright_sign_is_a_credit() {
    let lex = lexicon();
    assert_eq!(
        lex.cruft("Marco Odermatt, ski star from Switzerland. © AFP / Jane Roe"),
        Some(CruftKind::Credit)
    );
    assert_eq!(
        lex.cruft("Titelbild: Jane Roe/picture-alliance"),
        Some(CruftKind::Credit)
    );
    assert_eq!(lex.cruft("The river rose two metres overnight."), None);
}
