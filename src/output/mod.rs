//! Everything that reaches the terminal: [`term::Term`], the one writer of
//! stdout and stderr, and pure renderers from results to text.

pub(crate) mod print;
pub(crate) mod progress;
pub(crate) mod render;
pub(crate) mod term;
pub(crate) mod textfile;
pub(crate) mod ui;

pub(crate) use term::Term;
