//! Which cards of a long list to draw in this frame.
//!
//! A list draws its cards a few at a time so that no frame waits on a
//! thousand of them: cards already on screen stay, and each frame adds at most
//! a screenful of the new ones, in the order they are listed.

use super::key_set::KeySet;

/// A card to draw: its heading, its key (unique in the list) and its position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub heading: String,
    pub key: String,
    pub at: usize,
}

/// Gives each card a key of its own: repeated keys are told apart by how
/// many times they came before ("a#1", "a#2"), so a backend that repeats an
/// id still has every item drawn.
pub fn unique_keys(cards: impl IntoIterator<Item = Card>) -> Vec<Card> {
    // How many times each key came so far, by the key's place in `seen`.
    let mut seen = KeySet::default();
    let mut counts: Vec<usize> = Vec::new();
    cards
        .into_iter()
        .map(|card| {
            let at = match seen.get_full(&card.key) {
                Some((at, _)) => at,
                None => {
                    seen.insert(card.key.clone());
                    counts.push(0);
                    counts.len() - 1
                }
            };
            counts[at] += 1;
            Card { key: format!("{}#{}", card.key, counts[at]), ..card }
        })
        .collect()
}

/// The cards of `wanted` to draw this frame: every one already drawn
/// (`before`), and at most `new_at_most` more. Also whether some were left
/// for a later frame.
pub fn this_frame(wanted: &[Card], before: &[Card], new_at_most: usize) -> (Vec<Card>, bool) {
    let mut was_drawn = KeySet::default();
    for card in before {
        was_drawn.insert(card.key.clone());
    }
    let mut new_left = new_at_most;
    let mut left_out = false;
    let drawn = wanted
        .iter()
        .filter(|card| {
            if was_drawn.contains(&card.key) {
                true
            } else if new_left > 0 {
                new_left -= 1;
                true
            } else {
                left_out = true;
                false
            }
        })
        .cloned()
        .collect();
    (drawn, left_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cards(keys: &[&str]) -> Vec<Card> {
        keys.iter()
            .enumerate()
            .map(|(at, key)| Card { heading: String::new(), key: (*key).into(), at })
            .collect()
    }

    fn keys(cards: &[Card]) -> Vec<&str> {
        cards.iter().map(|card| card.key.as_str()).collect()
    }

    #[test]
    fn repeated_keys_are_told_apart_and_others_keep_theirs() {
        assert_eq!(keys(&unique_keys(cards(&["a", "b", "a", "a"]))), ["a#1", "b#1", "a#2", "a#3"]);
    }

    #[test]
    fn a_first_frame_draws_only_the_first_new_cards() {
        let (drawn, left_out) = this_frame(&cards(&["a", "b", "c", "d"]), &[], 2);
        assert_eq!(keys(&drawn), ["a", "b"]);
        assert!(left_out);
    }

    #[test]
    fn cards_already_drawn_stay_and_new_ones_fill_in_from_the_top() {
        let before = cards(&["b", "d"]);
        let (drawn, left_out) = this_frame(&cards(&["a", "b", "c", "d", "e"]), &before, 1);
        assert_eq!(keys(&drawn), ["a", "b", "d"], "b and d stay; a is the one new card");
        assert!(left_out, "c and e wait for a later frame");
        let (drawn, left_out) = this_frame(&cards(&["a", "b", "c", "d", "e"]), &drawn, 2);
        assert_eq!(keys(&drawn), ["a", "b", "c", "d", "e"]);
        assert!(!left_out, "nothing waits once all are drawn");
    }

    #[test]
    fn a_narrower_list_drops_what_no_longer_matches_at_once() {
        let (drawn, left_out) = this_frame(&cards(&["c"]), &cards(&["a", "b", "c"]), 0);
        assert_eq!(keys(&drawn), ["c"]);
        assert!(!left_out);
    }
}
