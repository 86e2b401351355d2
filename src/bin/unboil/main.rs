//! `unboil`: extract the main article text from saved web pages.
//!
//! A run is a pipeline ([`batch`]): [`walk`] turns the PATHs into files,
//! directories and standard input; [`warc`] and [`http`] read the pages out
//! of WARC archives; workers run the extractor in parallel; and an
//! [`output::Sink`] writes each outcome in the chosen format, while
//! [`progress`] reports on standard error.

mod batch;
mod cli;
mod explain;
mod http;
mod input;
mod output;
mod progress;
mod walk;
mod warc;

use clap::error::ErrorKind;
use clap::Parser;
use cli::Args;
use input::ReadError;
use progress::Progress;
use std::fmt;
use std::io::{self, BufWriter, IsTerminal};
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use unboil::{Article, Extractor};

/// Exit status when any input failed, or the output could not be written.
const EXIT_FAILURE: u8 = 1;
/// Exit status for a usage error (clap uses the same).
const EXIT_USAGE: u8 = 2;

/// What became of one input.
pub type Outcome = Result<Article, Failure>;

/// Why one input gave no article.
#[derive(Debug)]
pub enum Failure {
    /// Its bytes could not be read.
    Read(ReadError),
    /// The extractor refused them.
    Extract(unboil::Error),
    /// A WARC record could not be read.
    Warc(warc::WarcError),
    /// The HTTP response in a WARC record could not be decoded.
    Http(http::HttpError),
    /// A directory could not be listed.
    Directory(String),
    /// A file taken for a page by its name is a WARC archive.
    MisnamedWarc,
    /// The extractor panicked: a bug in unboil.
    Panic(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Read(e) => e.fmt(f),
            Failure::Extract(e) => e.fmt(f),
            Failure::Warc(e) => e.fmt(f),
            Failure::Http(e) => e.fmt(f),
            Failure::Directory(e) => write!(f, "cannot list the directory: {e}"),
            Failure::MisnamedWarc => write!(
                f,
                "this is a WARC archive, not a page: name it .warc or .warc.gz, \
                 or give it as a PATH, to extract its records"
            ),
            Failure::Panic(message) => write!(
                f,
                "unboil failed on this page (a bug, please report it): {message}"
            ),
        }
    }
}

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            // Help and version go to stdout, usage errors to stderr; a closed
            // pipe there is not worth a panic.
            let _ = e.print();
            return match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => ExitCode::SUCCESS,
                _ => ExitCode::from(EXIT_USAGE),
            };
        }
    };
    if args.files.is_empty() && io::stdin().is_terminal() {
        output::warn(
            "no input",
            &"give FILE arguments or pipe a page into standard input (see --help)",
        );
        return ExitCode::from(EXIT_USAGE);
    }
    run(&args)
}

/// Extract every input and write the results; the exit status says whether all went well.
fn run(args: &Args) -> ExitCode {
    let mut builder = Extractor::builder()
        .favor_precision(args.favor_precision)
        .favor_recall(args.favor_recall)
        .include_links(args.links)
        .include_images(args.images)
        .include_tables(!args.no_tables)
        .include_comments(!args.no_comments);
    if let Some(day) = args.reference_date {
        builder = builder.reference_date(day);
    }
    if let Some(page_type) = args.page_type {
        builder = builder.page_type(page_type);
    }
    let extractor = builder.build();
    let inputs = input::enumerate(&args.files);
    if args.explain || args.highlight {
        let view = if args.explain {
            explain::View::Table
        } else {
            explain::View::Highlight
        };
        let mut out = BufWriter::new(io::stdout().lock());
        return match explain::run(&extractor, &inputs, args.input, view, &mut out) {
            Ok(false) => ExitCode::SUCCESS,
            Ok(true) => ExitCode::from(EXIT_FAILURE),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                output::warn("cannot write output", &e);
                ExitCode::from(EXIT_FAILURE)
            }
        };
    }
    let several = args.files.len() > 1
        || args
            .files
            .iter()
            .any(|path| path.is_dir() || walk::kind_of(path) == walk::Kind::Warc);
    let stdout = io::stdout();
    let mut sink = output::sink(args.format(), BufWriter::new(stdout.lock()), several);
    let settings = batch::Settings {
        threads: args.threads.map_or(0, usize::from),
        ordered: args.ordered,
        input: args.input,
    };
    let mut progress = Progress::new(!args.quiet && io::stderr().is_terminal());
    let counts = batch::Counts::default();

    let written = batch::run(&extractor, &args.files, settings, &counts, |done| {
        let Some(outcome) = done.outcome else {
            // A WARC response of no declared type that is not HTML.
            counts.skipped.fetch_add(1, Ordering::Relaxed);
            return Ok(());
        };
        progress.add(done.page_bytes, outcome.is_err());
        if outcome.is_err() {
            progress.suspend(|| sink.record(&done.input, &outcome))
        } else {
            sink.record(&done.input, &outcome)
        }
    })
    .and_then(|()| sink.finish());
    progress.finish();

    let mut failed = progress.errors > 0;
    let skipped = counts.skipped.load(Ordering::Relaxed);
    match written {
        Ok(()) => {
            if !args.quiet && (several || progress.pages != 1 || skipped > 0) {
                output::warn("done", &progress.summary(skipped));
            }
        }
        // The reader went away (`unboil page.html | head`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            output::warn("cannot write output", &e);
            failed = true;
        }
    }
    if failed {
        ExitCode::from(EXIT_FAILURE)
    } else {
        ExitCode::SUCCESS
    }
}
