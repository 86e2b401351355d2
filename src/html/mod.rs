//! The HTML front end: bytes to text (`decode`), text to a tree (`parse`,
//! `dom`), the tree without what never holds content (`prune`, after moving
//! streamed segments into place: `streamed`), and the tree
//! cut into text blocks (`segment`).

pub(crate) mod decode;
pub(crate) mod dom;
pub(crate) mod parse;
pub(crate) mod prune;
pub(crate) mod segment;
pub(crate) mod streamed;
pub(crate) mod unreached;
