//! The shared types every layer speaks: the article and its blocks, the
//! options and the error, and what every layer reads the same way: the data
//! files (`data`) and the calendar (`dates`). Depends on nothing else in the
//! crate.

pub(crate) mod article;
pub(crate) mod data;
pub(crate) mod date;
pub(crate) mod dates;
pub(crate) mod error;
pub(crate) mod input;
pub(crate) mod options;
pub(crate) mod page_signals;
