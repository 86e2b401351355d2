//! Checks a browser's screenshot of an `unboil --highlight` page: that it is
//! not blank, and that it shows both the kept blocks' colour and the dropped
//! blocks' colour in quantity.
//!
//! ```text
//! cargo run --example check_screenshot -- SHOT.png PAGE.html [MIN_PERCENT]
//! ```
//!
//! The colours are read from the `.kept{background:...}` and
//! `.dropped{background:...}` rules of PAGE.html's style (the highlight page
//! that was rendered, written by `Explanation::to_html` in src/output/explain.rs),
//! so the check follows the stylesheet if it changes. Each colour must cover
//! at least MIN_PERCENT of the screenshot's pixels (default 0.5, well above
//! what the legend's two small swatches cover on their own). The screenshot
//! must also have no colour covering 98% or more of it, and some near-black
//! (text) pixels. `scripts/highlight_screenshot.sh` runs it on headless
//! Chromium's screenshots. Exits 1 with the reason on stderr on failure.
use std::collections::HashMap;
use std::fs::File;
use std::io::BufReader;
use std::process::ExitCode;

/// A colour within this distance per channel counts as the colour: solid
/// fills come out exact, this only forgives a renderer's rounding.
const TOLERANCE: u8 = 3;
/// The most any one colour may cover before the screenshot counts as blank.
const MAX_DOMINANT: f64 = 0.98;
/// Text pixels (luma below 80) needed, as a fraction: the page's text drew.
const MIN_TEXT: f64 = 0.0005;

type Rgb = [u8; 3];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 || args.len() > 3 {
        eprintln!("usage: check_screenshot SHOT.png PAGE.html [MIN_PERCENT]");
        return ExitCode::from(2);
    }
    let min_percent = match args.get(2).map(|s| s.parse::<f64>()) {
        None => 0.5,
        Some(Ok(p)) if p > 0.0 && p < 100.0 => p,
        Some(_) => {
            eprintln!("MIN_PERCENT must be a number between 0 and 100");
            return ExitCode::from(2);
        }
    };
    match check(&args[0], &args[1], min_percent / 100.0) {
        Ok(summary) => {
            println!("{}: ok: {summary}", args[0]);
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("{}: FAILED: {why}", args[0]);
            ExitCode::FAILURE
        }
    }
}

fn check(shot: &str, page: &str, min_fraction: f64) -> Result<String, String> {
    let html = std::fs::read_to_string(page).map_err(|e| format!("cannot read {page}: {e}"))?;
    let kept = background(&html, ".kept")?;
    let dropped = background(&html, ".dropped")?;
    let (width, height, pixels) = decode(shot)?;
    let total = pixels.len();
    if total == 0 {
        return Err("the screenshot has no pixels".into());
    }
    let fraction = |n: usize| n as f64 / total as f64;

    let mut counts: HashMap<Rgb, usize> = HashMap::new();
    for &p in &pixels {
        *counts.entry(p).or_default() += 1;
    }
    let (dominant, dominant_n) = counts
        .iter()
        .max_by_key(|(_, &n)| n)
        .map(|(&c, &n)| (c, n))
        .ok_or("the screenshot has no pixels")?;
    if counts.len() == 1 {
        return Err(format!(
            "blank: every pixel is {} ({width}x{height})",
            hex(dominant)
        ));
    }
    if fraction(dominant_n) >= MAX_DOMINANT {
        return Err(format!(
            "nearly blank: {} covers {:.2}% of the pixels",
            hex(dominant),
            100.0 * fraction(dominant_n)
        ));
    }

    let near = |p: &Rgb, c: &Rgb| p.iter().zip(c).all(|(a, b)| a.abs_diff(*b) <= TOLERANCE);
    let kept_n = pixels.iter().filter(|p| near(p, &kept)).count();
    let dropped_n = pixels.iter().filter(|p| near(p, &dropped)).count();
    let text_n = pixels.iter().filter(|p| luma(p) < 80.0).count();
    let summary = format!(
        "{width}x{height}, {} colours; kept {} {:.1}%, dropped {} {:.1}%, text {:.2}%",
        counts.len(),
        hex(kept),
        100.0 * fraction(kept_n),
        hex(dropped),
        100.0 * fraction(dropped_n),
        100.0 * fraction(text_n)
    );
    let mut missing = Vec::new();
    if fraction(kept_n) < min_fraction {
        missing.push(format!("too few kept-block pixels ({})", hex(kept)));
    }
    if fraction(dropped_n) < min_fraction {
        missing.push(format!("too few dropped-block pixels ({})", hex(dropped)));
    }
    if fraction(text_n) < MIN_TEXT {
        missing.push("too few near-black text pixels".to_string());
    }
    if missing.is_empty() {
        Ok(summary)
    } else {
        Err(format!(
            "{} (need {:.2}% each): {summary}",
            missing.join(", "),
            100.0 * min_fraction
        ))
    }
}

/// The `background:#rgb` or `#rrggbb` of the first rule for `selector` in
/// the page's style, e.g. `.kept{background:#dff5df;...}`.
fn background(html: &str, selector: &str) -> Result<Rgb, String> {
    let rule = format!("{selector}{{");
    let missing = || format!("no `{selector}{{background:#...}}` rule in the page's style");
    let start = html.find(&rule).ok_or_else(missing)? + rule.len();
    let body = &html[start..];
    let body = &body[..body.find('}').ok_or_else(missing)?];
    let value = body
        .split(';')
        .find_map(|decl| decl.trim().strip_prefix("background:"))
        .ok_or_else(missing)?
        .trim();
    parse_hex(value).ok_or_else(|| format!("{selector}: cannot read colour {value:?}"))
}

fn parse_hex(value: &str) -> Option<Rgb> {
    let digits = value.strip_prefix('#')?;
    let nibble = |i: usize| u8::from_str_radix(digits.get(i..i + 1)?, 16).ok();
    let byte = |i: usize| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok();
    match digits.len() {
        3 => Some([nibble(0)? * 17, nibble(1)? * 17, nibble(2)? * 17]),
        6 => Some([byte(0)?, byte(2)?, byte(4)?]),
        _ => None,
    }
}

/// The PNG's pixels as RGB, alpha dropped (a screenshot is opaque).
fn decode(path: &str) -> Result<(u32, u32, Vec<Rgb>), String> {
    let file = File::open(path).map_err(|e| format!("cannot open: {e}"))?;
    let mut decoder = png::Decoder::new(BufReader::new(file));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| format!("not a PNG: {e}"))?;
    let size = reader
        .output_buffer_size()
        .ok_or("the image is too large to decode")?;
    let mut buf = vec![0; size];
    let info = reader
        .next_frame(&mut buf)
        .map_err(|e| format!("cannot decode: {e}"))?;
    let channels = info.color_type.samples();
    let buf = &buf[..info.buffer_size()];
    let mut pixels = Vec::with_capacity(buf.len() / channels);
    for row in buf.chunks_exact(info.line_size) {
        for px in row.chunks_exact(channels).take(info.width as usize) {
            pixels.push(match channels {
                1 | 2 => [px[0]; 3],
                _ => [px[0], px[1], px[2]],
            });
        }
    }
    Ok((info.width, info.height, pixels))
}

fn luma(p: &Rgb) -> f64 {
    0.299 * f64::from(p[0]) + 0.587 * f64::from(p[1]) + 0.114 * f64::from(p[2])
}

fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}
