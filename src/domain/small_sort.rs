//! A stable sort that costs a page a few hundred bytes of download.
//!
//! std's sorts are generic over the items and the order: each use on a new
//! item type or order brings 3–7 KB of WebAssembly into the page that uses it
//! (driftsort with its merge, pivot and small-sort helpers). Here the sorting
//! itself is one merge sort of positions, compiled once for every list; a
//! use adds only the few lines that compare two of its items and put them in
//! the order found. n·log n comparisons, like std's.

use std::cmp::Ordering;

/// `items` in the order `compare` gives, items that compare equal in the order
/// they came (a stable sort).
pub fn sorted_by<T>(items: impl IntoIterator<Item = T>, compare: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let items: Vec<T> = items.into_iter().collect();
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    in_order(items, order)
}

/// `items` by `key`, computed once per item; stable like [`sorted_by`].
pub fn sorted_by_key<T, K: Ord>(items: impl IntoIterator<Item = T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let items: Vec<T> = items.into_iter().collect();
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_positions(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    in_order(items, order)
}

/// `items` rearranged so that the item at `order[i]` comes i-th.
fn in_order<T>(items: Vec<T>, order: Vec<usize>) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|at| slots.get_mut(at).and_then(Option::take)).collect()
}

/// The positions `0..len` in the order `compare` gives them, stable: a
/// bottom-up merge sort, not generic, so that every list shares its code.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = order.clone();
    let mut run = 1;
    while run < len {
        for start in (0..len).step_by(2 * run) {
            let middle = (start + run).min(len);
            let end = (start + 2 * run).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                // The right run's item goes first only when it is smaller:
                // equal items keep the order they came in.
                let right_first =
                    left == middle || (right < end && compare(order[right], order[left]) == Ordering::Less);
                if right_first {
                    *slot = order[right];
                    right += 1;
                } else {
                    *slot = order[left];
                    left += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        run *= 2;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_std_stable_sort_on_many_orders() {
        // A small generator, so the test needs no crate: every length up to 70
        // and many repeated keys, compared with std's stable sort.
        let mut seed = 7u32;
        for len in 0..70 {
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
    fn ten_thousand_items_in_reverse_come_out_in_order() {
        let sorted = sorted_by_key((0..10_000).rev(), |n| *n);
        assert_eq!(sorted, (0..10_000).collect::<Vec<_>>());
        let by_compare = sorted_by((0..10_000).rev(), |a, b| a.cmp(b));
        assert_eq!(by_compare, sorted);
    }
}
