//! The batch pipeline: one reader thread, a pool of extraction workers, and
//! the caller's thread writing results.
//!
//! ```text
//! reader ──jobs──▶ workers (rayon, N threads) ──done──▶ writer (reorders with --ordered)
//!    ▲                                                     │
//!    └──────────────── window (pages in flight) ◀──────────┘
//! ```
//!
//! The reader walks the PATHs and streams WARC archives record by record.
//! Before it hands a page on, it takes a place in the [`Window`]; the writer
//! gives the place back once the page's result is written. So however large
//! the input, at most `window` pages (and about [`MAX_BYTES_IN_FLIGHT`] of
//! page bytes) are between reading and writing, the reorder buffer of
//! `--ordered` included: the page the writer waits for is always among them.

use crate::cli::InputKind;
use crate::http::{self, Head};
use crate::input::{self, Input, Sniffed, WarcOrigin};
use crate::walk::{self, Item};
use crate::warc::{Entry, WarcReader};
use crate::{Failure, Outcome};
use rayon::iter::{ParallelBridge, ParallelIterator};
use std::collections::BTreeMap;
use std::io::{self, BufRead};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;
use unboil::Extractor;

/// Page bytes held between reader and writer, at most (a single larger page
/// still goes through, alone).
pub const MAX_BYTES_IN_FLIGHT: usize = 256 << 20;

/// Pages in flight per worker thread.
const WINDOW_PER_THREAD: usize = 16;

/// How a batch runs.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Worker threads; 0 for one per core.
    pub threads: usize,
    /// Write results in input order.
    pub ordered: bool,
    /// Whether pages are HTML, flattened text, or to be told apart.
    pub input: InputKind,
}

/// One page's result, handed to the writer.
pub struct Done {
    /// Where the page came from.
    pub input: Input,
    /// Its article or why there is none; `None` when a WARC response with no
    /// declared type turned out not to be HTML.
    pub outcome: Option<Outcome>,
    /// The size of the page that was extracted (after decompression).
    pub page_bytes: u64,
    seq: u64,
    held: usize,
}

/// What the reader counted, for the summary.
#[derive(Debug, Default)]
pub struct Counts {
    /// WARC records that were not HTML responses.
    pub skipped: AtomicU64,
}

/// Extract every page named by `paths`, handing each result to `write` on
/// the calling thread. Stops early only when `write` fails, with its error.
pub fn run(
    extractor: &Extractor,
    paths: &[PathBuf],
    settings: Settings,
    counts: &Counts,
    mut write: impl FnMut(Done) -> io::Result<()>,
) -> io::Result<()> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.threads)
        .thread_name(|i| format!("unboil-worker-{i}"))
        .build()
        .map_err(io::Error::other)?;
    let capacity = WINDOW_PER_THREAD * pool.current_num_threads().max(1);
    let window = Window::new(capacity, MAX_BYTES_IN_FLIGHT);
    let (jobs_tx, jobs_rx) = mpsc::sync_channel::<Job>(capacity);
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    let limit = extractor.options().max_input_bytes();

    thread::scope(|scope| {
        let window = &window;
        scope.spawn(move || {
            let mut feeder = Feeder {
                jobs: jobs_tx,
                window,
                seq: 0,
                limit,
                counts,
            };
            feeder.feed(paths);
        });
        scope.spawn(move || {
            pool.install(|| {
                jobs_rx
                    .into_iter()
                    .par_bridge()
                    .for_each_with(done_tx, |done, job| {
                        // After a write error, drain the jobs without work.
                        if !window.is_closed() {
                            let _ = done.send(work(extractor, settings.input, job));
                        }
                    });
            });
        });
        let written = drain(done_rx, settings.ordered, window, &mut write);
        // Whatever happened, let the reader and the workers finish.
        window.close();
        written
    })
}

/// Write results as they come, or in input order; give each page's place
/// in the window back once it is written.
fn drain(
    done: Receiver<Done>,
    ordered: bool,
    window: &Window,
    write: &mut impl FnMut(Done) -> io::Result<()>,
) -> io::Result<()> {
    let mut waiting: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0;
    for result in done {
        if !ordered {
            let held = result.held;
            write(result)?;
            window.release(held);
            continue;
        }
        waiting.insert(result.seq, result);
        while let Some(result) = waiting.remove(&next) {
            next += 1;
            let held = result.held;
            write(result)?;
            window.release(held);
        }
    }
    Ok(())
}

/// A page on its way to a worker.
struct Job {
    seq: u64,
    input: Input,
    payload: Payload,
    /// Bytes held in `payload`.
    held: usize,
}

enum Payload {
    /// Read the file the input names (in the worker, so that reading and
    /// gunzipping run in parallel).
    File,
    /// A page already read (standard input).
    Page(Vec<u8>),
    /// A WARC response: decode its body first.
    Response {
        head: Head,
        body: Vec<u8>,
        sniff: bool,
    },
    /// The input failed before extraction.
    Failed(Failure),
}

/// The reader: turns PATHs into jobs.
struct Feeder<'a> {
    jobs: SyncSender<Job>,
    window: &'a Window,
    seq: u64,
    limit: usize,
    counts: &'a Counts,
}

impl Feeder<'_> {
    fn feed(&mut self, paths: &[PathBuf]) {
        for item in walk::walk(paths) {
            let go_on = match item {
                Item::Page(path) => self.send(Input::File(path), Payload::File),
                Item::Warc(path) => match input::open_warc(&path) {
                    Ok(stream) => self.feed_warc(stream, &path),
                    Err(e) => self.send(Input::File(path), Payload::Failed(Failure::Read(e))),
                },
                Item::Unknown(path) => self.feed_unknown(path),
                Item::Stdin => self.feed_stdin(),
                Item::Unreadable(dir, reason) => self.send(
                    Input::File(dir),
                    Payload::Failed(Failure::Directory(reason)),
                ),
            };
            if !go_on {
                return;
            }
        }
    }

    /// A file whose name does not say what it is: a WARC archive or a page.
    fn feed_unknown(&mut self, path: PathBuf) -> bool {
        let sniffed = std::fs::File::open(&path)
            .map_err(input::ReadError::Open)
            .and_then(input::sniff);
        match sniffed {
            Ok(Sniffed::Warc(stream)) => self.feed_warc(stream, &path),
            // The worker opens it again, or reports why it cannot.
            Ok(Sniffed::Page { .. }) => self.send(Input::File(path), Payload::File),
            Err(e) => self.send(Input::File(path), Payload::Failed(Failure::Read(e))),
        }
    }

    fn feed_stdin(&mut self) -> bool {
        let page = match input::sniff(io::stdin()) {
            Ok(Sniffed::Warc(stream)) => return self.feed_warc(stream, Path::new("-")),
            Ok(Sniffed::Page { stream, gzip }) => input::read_page(stream, gzip, self.limit),
            Err(e) => Err(e),
        };
        match page {
            Ok(bytes) => self.send(Input::Stdin, Payload::Page(bytes)),
            Err(e) => self.send(Input::Stdin, Payload::Failed(Failure::Read(e))),
        }
    }

    /// Every HTML response of an archive, and an error record where it breaks.
    fn feed_warc(&mut self, stream: impl BufRead, path: &Path) -> bool {
        let warc: Arc<Path> = Arc::from(path);
        let origin = |url: Option<String>, status: Option<u16>, date| {
            Input::Record(Box::new(WarcOrigin {
                warc: Arc::clone(&warc),
                url,
                status,
                date,
            }))
        };
        let mut reader = WarcReader::new(stream, self.limit);
        while let Some(entry) = reader.next_entry() {
            let go_on = match entry {
                Ok(Entry::Response(response)) => self.send(
                    origin(response.url, Some(response.head.status), response.date),
                    Payload::Response {
                        head: response.head,
                        body: response.body,
                        sniff: response.sniff,
                    },
                ),
                Ok(Entry::Skipped) => {
                    self.counts.skipped.fetch_add(1, Ordering::Relaxed);
                    true
                }
                Ok(Entry::Bad(e)) | Err(e) => {
                    let input = origin(e.url.clone(), None, None);
                    self.send(input, Payload::Failed(Failure::Warc(e)))
                }
            };
            if !go_on {
                return false;
            }
        }
        true
    }

    /// Hand a page to the workers once the window has room; false when the
    /// run is stopping.
    fn send(&mut self, input: Input, payload: Payload) -> bool {
        let held = match &payload {
            Payload::Page(bytes) | Payload::Response { body: bytes, .. } => bytes.len(),
            Payload::File | Payload::Failed(_) => 0,
        };
        if !self.window.acquire(held) {
            return false;
        }
        let job = Job {
            seq: self.seq,
            input,
            payload,
            held,
        };
        self.seq += 1;
        self.jobs.send(job).is_ok()
    }
}

/// Read, decode and extract one page.
fn work(extractor: &Extractor, kind: InputKind, job: Job) -> Done {
    let limit = extractor.options().max_input_bytes();
    // A WARC response is HTML by its type (or by sniffing) unless told otherwise.
    let from_warc = matches!(job.payload, Payload::Response { .. });
    let page = match job.payload {
        Payload::File => input::read(&job.input, limit)
            .map_err(Failure::Read)
            .and_then(|bytes| match bytes.starts_with(b"WARC/") {
                true => Err(Failure::MisnamedWarc),
                false => Ok(bytes),
            }),
        Payload::Page(bytes) => Ok(bytes),
        Payload::Response { head, body, sniff } => match http::decode_body(&head, body, limit) {
            Ok(bytes) if sniff && !http::sniff_html(&bytes) => {
                return done(job.seq, job.input, None, 0, job.held);
            }
            Ok(bytes) => Ok(bytes),
            Err(e) => Err(Failure::Http(e)),
        },
        Payload::Failed(failure) => Err(failure),
    };
    let (outcome, page_bytes) = match page {
        Ok(bytes) => {
            let is_html = match kind {
                InputKind::Html => true,
                InputKind::Text => false,
                InputKind::Auto => from_warc || unboil::looks_like_html(&bytes),
            };
            let mut page = match is_html {
                true => unboil::Input::html_bytes(&bytes),
                false => unboil::Input::text_bytes(&bytes),
            };
            if let Input::Record(origin) = &job.input {
                if let Some(url) = &origin.url {
                    page = page.url(url);
                }
                // The option, when given, wins over the record's own day.
                if let (Some(day), None) = (origin.date, extractor.options().reference_date()) {
                    page = page.fetched_on(day);
                }
            }
            (extract(extractor, page), bytes.len() as u64)
        }
        Err(failure) => (Err(failure), 0),
    };
    done(job.seq, job.input, Some(outcome), page_bytes, job.held)
}

fn done(seq: u64, input: Input, outcome: Option<Outcome>, page_bytes: u64, held: usize) -> Done {
    Done {
        input,
        outcome,
        page_bytes,
        seq,
        held,
    }
}

/// Extract one page (HTML or flattened text, with a WARC record's target
/// URI and day when it came from one). A panic would be a bug in unboil; at
/// crawl scale it costs that page, not the run.
fn extract(extractor: &Extractor, page: unboil::Input<'_>) -> Outcome {
    let run = || extractor.extract(page);
    match panic::catch_unwind(AssertUnwindSafe(run)) {
        Ok(result) => result.map_err(Failure::Extract),
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(Failure::Panic(message))
        }
    }
}

/// The pages between reader and writer: at most `capacity` of them, and at
/// most `max_bytes` of page bytes unless there is only one.
struct Window {
    state: Mutex<WindowState>,
    changed: Condvar,
    capacity: usize,
    max_bytes: usize,
}

#[derive(Default)]
struct WindowState {
    pages: usize,
    bytes: usize,
    closed: bool,
}

impl Window {
    fn new(capacity: usize, max_bytes: usize) -> Self {
        Window {
            state: Mutex::default(),
            changed: Condvar::new(),
            capacity: capacity.max(1),
            max_bytes,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, WindowState> {
        // A panic while holding this lock cannot leave the counts torn.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Wait for room for a page holding `bytes`; false once closed.
    fn acquire(&self, bytes: usize) -> bool {
        let mut state = self.lock();
        while !state.closed
            && state.pages > 0
            && (state.pages >= self.capacity || state.bytes.saturating_add(bytes) > self.max_bytes)
        {
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        if state.closed {
            return false;
        }
        state.pages += 1;
        state.bytes = state.bytes.saturating_add(bytes);
        true
    }

    /// Give back the place of a written page.
    fn release(&self, bytes: usize) {
        let mut state = self.lock();
        state.pages = state.pages.saturating_sub(1);
        state.bytes = state.bytes.saturating_sub(bytes);
        drop(state);
        self.changed.notify_all();
    }

    /// Stop: every waiting and later `acquire` fails.
    fn close(&self) {
        self.lock().closed = true;
        self.changed.notify_all();
    }

    fn is_closed(&self) -> bool {
        self.lock().closed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_bounds_pages_and_bytes_but_lets_one_big_page_through() {
        let window = Window::new(2, 100);
        assert!(window.acquire(1000), "one page always fits");
        window.release(1000);
        assert!(window.acquire(60));
        let full = thread::scope(|scope| {
            let waiter = scope.spawn(|| window.acquire(60));
            thread::sleep(std::time::Duration::from_millis(50));
            let blocked = !waiter.is_finished();
            window.release(60);
            (blocked, waiter.join().expect("the waiter ends"))
        });
        assert_eq!(full, (true, true), "waits for bytes, then gets in");
        window.close();
        assert!(!window.acquire(0), "nothing gets in once closed");
    }
}
