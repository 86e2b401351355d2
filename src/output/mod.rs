//! What the caller gets: the kept blocks assembled into an article
//! (`assemble`, with `marks` reading links and emphasis from the tree), its
//! Markdown and HTML (`render`), and the block-by-block account (`explain`).

pub(crate) mod assemble;
pub(crate) mod explain;
pub(crate) mod marks;
pub(crate) mod not_found;
pub(crate) mod product;
pub(crate) mod render;
