//! A set of string keys: the ids a list has already seen.
//!
//! It is the type leptos' keyed lists (`<For>`) keep their keys in, an
//! insertion-ordered set with the Fx hash, so a page's download carries one
//! copy of a set's code, not a second one for std's `HashSet` (with its
//! SipHash). Keys come from the backend and the lists are capped, so a
//! backend that sends colliding ids only slows its own lists, as it already
//! would leptos'.

use std::hash::BuildHasherDefault;

pub type KeySet = indexmap::IndexSet<String, BuildHasherDefault<rustc_hash::FxHasher>>;
