//! A filtered list of cards under group headings, drawn a screenful at a time.
//!
//! Search lists change on every keystroke. Each card is keyed, so a keystroke
//! only adds and removes the cards that stopped or started matching; the rest
//! keep their nodes. Only the first cards are drawn until 显示更多 is pressed,
//! and a frame draws at most a screenful of new cards, the rest following frame
//! by frame: clearing a search over a thousand items never holds up a keystroke
//! on a cheap phone.
//!
//! Items are passed by position, not by type: one copy of this code (and of the
//! keyed lists inside it) serves every list page.

use leptos::{prelude::*, wasm_bindgen::JsCast};

use super::CardGroup;
use crate::{
    domain::{
        drawing::{this_frame, unique_keys, Card},
        search::distinct,
    },
    platform::frame,
};

/// How many cards a list draws at first, and how many more each 显示更多 adds.
pub const CARDS_PER_STEP: usize = 60;

/// How many cards one frame adds at most: more than a phone's screenful. Cards
/// already drawn do not count, so a keystroke that keeps them is drawn at once.
pub const NEW_CARDS_PER_FRAME: usize = 12;

/// What a list says of one of its items.
#[derive(Clone, Debug, PartialEq)]
pub struct CardEntry {
    /// The heading it is shown under; "" lists it with no heading.
    pub heading: String,
    /// What names it across changes, such as its id: a card keeps its nodes
    /// while its key stays. Repeated keys are told apart by their count.
    pub key: String,
}

#[component]
pub fn CardList(
    /// The positions of the items that match now, in the order shown.
    #[prop(into)]
    matches: Signal<Vec<usize>>,
    /// The heading and key of the item at a position.
    entry: Callback<usize, CardEntry>,
    /// The card of the item at a position, drawn when its key first appears.
    card: Callback<usize, AnyView>,
    /// The counting word in 显示更多's line: 项, 门, 个.
    measure: &'static str,
) -> impl IntoView {
    let limit = RwSignal::new(CARDS_PER_STEP);
    // Ticks after each paint while cards wait to be drawn (a usize, as the
    // limit is: one signal type, one copy of its code).
    let catch_up = RwSignal::new(0_usize);
    // The cards before `limit`, worked out once per change of the matches:
    // the frames that catch up only pick from them.
    let wanted = Memo::new(move |_| {
        matches.with(|matches| {
            unique_keys(matches.iter().take(limit.get()).map(|&at| {
                let CardEntry { heading, key } = entry.run(at);
                Card { heading, key, at }
            }))
        })
    });
    // The cards drawn: those wanted that were drawn already, and up to a
    // frame's worth of new ones.
    let drawn = Memo::new(move |before: Option<&Vec<Card>>| {
        catch_up.track();
        let (drawn, left_out) =
            wanted.with(|wanted| this_frame(wanted, before.map_or(&[], Vec::as_slice), NEW_CARDS_PER_FRAME));
        if left_out {
            frame::after_next_paint(move || {
                catch_up.try_update(|tick| *tick = tick.wrapping_add(1));
            });
        }
        drawn
    });
    // Groups are keyed by their heading; the position is unused.
    let headings = Memo::new(move |_| {
        drawn.with(|drawn| {
            distinct(drawn, |card| &card.heading).into_iter().map(|heading| (heading, 0)).collect()
        })
    });
    let hidden = move || matches.with(Vec::len).saturating_sub(limit.get());
    let list = NodeRef::<leptos::html::Div>::new();
    let links = move || {
        let found = list.get_untracked().and_then(|list| list.query_selector_all(".cards > li a").ok());
        found.map_or_else(Vec::new, |links| (0..links.length()).filter_map(|at| links.get(at)).collect())
    };
    // Keyboard and screen-reader users go on from the first card just drawn,
    // not from the top of the page (the button may be gone).
    let show_more = move |_| {
        let before = links();
        limit.update(|limit| *limit += CARDS_PER_STEP);
        frame::before_next_paint(move || {
            let is_new = |link: &web_sys::Node| !before.iter().any(|old| old.is_same_node(Some(link)));
            if let Some(link) = links().into_iter().find(is_new) {
                let _ = link.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    };

    let group = Callback::new(move |(heading, _): (String, usize)| {
        let title = heading.clone();
        let members = Memo::new(move |_| {
            drawn.with(|drawn| {
                drawn
                    .iter()
                    .filter(|card| card.heading == heading)
                    .map(|card| (card.key.clone(), card.at))
                    .collect::<Vec<_>>()
            })
        });
        let cards =
            keyed(members, Callback::new(move |(_, at)| view! { <li>{card.run(at)}</li> }.into_any()));
        if title.is_empty() {
            view! { <ul class="cards">{cards}</ul> }.into_any()
        } else {
            view! { <CardGroup title>{cards}</CardGroup> }.into_any()
        }
    });

    view! {
        <div class="card-list" node_ref=list>{keyed(headings, group)}</div>
        <Show when=move || { hidden() > 0 }>
            <p class="more">
                <button class="button button-secondary" type="button" on:click=show_more>
                    {move || format!("显示更多（还有 {} {measure}）", hidden())}
                </button>
            </p>
        </Show>
    }
}

/// A keyed list of `(key, position)` items. Both levels of a card list, the
/// groups and the cards in each, go through this one function, so that the
/// keyed diffing is compiled once for both.
fn keyed(items: Memo<Vec<(String, usize)>>, child: Callback<(String, usize), AnyView>) -> impl IntoView {
    view! { <For each=move || items.get() key=|(key, _)| key.clone() children=move |item| child.run(item) /> }
}

/// The positions of every item of a list, for a [`CardList`] over a list that
/// is already filtered and ordered.
pub fn positions<T: Send + Sync + 'static>(items: Memo<Vec<T>>) -> Signal<Vec<usize>> {
    Signal::derive(move || (0..items.with(Vec::len)).collect())
}
