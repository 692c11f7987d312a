//! A stable sort that costs a page a few hundred bytes of download.
//!
//! std's sorts are fast on any length, and each use of them on a new item type
//! or order brings 3–7 KB of WebAssembly into the page that uses it (driftsort
//! with its merge, pivot and small-sort helpers). The lists sorted here are
//! what a page shows — a few dozen to a few thousand items, moved as small
//! values — so inserting each item into place by binary search is enough:
//! n·log n comparisons and a memmove per item.

use std::cmp::Ordering;

/// `items` in the order `compare` gives, items that compare equal in the order
/// they came (a stable sort).
pub fn sorted_by<T>(items: impl IntoIterator<Item = T>, compare: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let mut sorted: Vec<T> = Vec::new();
    for item in items {
        // After every item that is not greater: equal items keep their order.
        let at = sorted.partition_point(|placed| compare(placed, &item) != Ordering::Greater);
        sorted.insert(at, item);
    }
    sorted
}

/// `items` by `key`, computed once per item; stable like [`sorted_by`].
pub fn sorted_by_key<T, K: Ord>(items: impl IntoIterator<Item = T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let keyed = items.into_iter().map(|item| (key(&item), item));
    sorted_by(keyed, |a, b| a.0.cmp(&b.0)).into_iter().map(|(_, item)| item).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_std_stable_sort_on_many_orders() {
        // A small generator, so the test needs no crate: every length up to 60
        // and many repeated keys, compared with std's stable sort.
        let mut seed = 7u32;
        for len in 0..60 {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|at| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 7, at)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|(key, _)| *key);
            assert_eq!(sorted_by_key(items.clone(), |(key, _)| *key), expected, "length {len}");
            assert_eq!(sorted_by(items, |a, b| a.0.cmp(&b.0)), expected, "length {len}");
        }
    }

    #[test]
    fn equal_items_keep_the_order_they_came_in() {
        let names = ["乙", "甲", "丙", "丁"];
        let by_length_only = sorted_by_key(names, |name| name.len());
        assert_eq!(by_length_only, names);
        let reversed = sorted_by(["b1", "a1", "b2", "a2"], |x, y| y[..1].cmp(&x[..1]));
        assert_eq!(reversed, ["b1", "b2", "a1", "a2"]);
    }

    #[test]
    fn a_thousand_items_in_reverse_come_out_in_order() {
        let sorted = sorted_by_key((0..1000).rev(), |n| *n);
        assert_eq!(sorted, (0..1000).collect::<Vec<_>>());
    }
}
