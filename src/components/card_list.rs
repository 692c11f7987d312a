//! A filtered list of cards under group headings, drawn a screenful at a time.
//!
//! Search lists change on every keystroke. Each card is keyed, so a keystroke
//! only adds and removes the cards that stopped or started matching; the rest
//! keep their nodes. And only the first cards are drawn until 显示更多 is
//! pressed, so clearing a search over a thousand items stays quick on a cheap phone.

use std::{collections::HashMap, sync::Arc};

use leptos::prelude::*;

use super::CardGroup;
use crate::domain::search::distinct;

/// How many cards a list draws at first, and how many more each 显示更多 adds.
pub const CARDS_PER_STEP: usize = 60;

/// One drawn card: its heading, a key unique in the list, the item.
type Drawn<T> = (String, String, T);

#[component]
pub fn CardList<T>(
    /// What matches now, in the order shown.
    #[prop(into)]
    items: Signal<Vec<T>>,
    /// The heading an item is shown under; "" lists it with no heading.
    group: impl Fn(&T) -> String + Send + Sync + 'static,
    /// What names an item across changes, such as its id: a card keeps its
    /// nodes while its key stays. Repeated keys are told apart by their count.
    key: impl Fn(&T) -> String + Send + Sync + 'static,
    card: impl Fn(&T) -> AnyView + Send + Sync + 'static,
    /// The counting word in 显示更多's line: 项, 门, 个.
    measure: &'static str,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let limit = RwSignal::new(CARDS_PER_STEP);
    let drawn = Memo::new(move |_| {
        items.with(|items| {
            let mut seen = HashMap::<String, usize>::new();
            items
                .iter()
                .take(limit.get())
                .map(|item| {
                    let key = key(item);
                    let count = seen.entry(key.clone()).or_default();
                    *count += 1;
                    (group(item), format!("{key}#{count}"), item.clone())
                })
                .collect::<Vec<Drawn<T>>>()
        })
    });
    let headings = Memo::new(move |_| drawn.with(|drawn| distinct(drawn, |(heading, ..)| heading)));
    let hidden = move || items.with(Vec::len).saturating_sub(limit.get());
    let card = Arc::new(card);

    view! {
        <For each=move || headings.get() key=|heading| heading.clone() let:heading>
            {
                let card = card.clone();
                let title = heading.clone();
                let members = Memo::new(move |_| {
                    drawn.with(|drawn| {
                        drawn
                            .iter()
                            .filter(|(group, ..)| *group == heading)
                            .map(|(_, key, item)| (key.clone(), item.clone()))
                            .collect::<Vec<_>>()
                    })
                });
                let cards = view! {
                    <For each=move || members.get() key=|(key, _)| key.clone()
                        children=move |(_, item)| view! { <li>{card(&item)}</li> } />
                };
                if title.is_empty() {
                    view! { <ul class="cards">{cards}</ul> }.into_any()
                } else {
                    view! { <CardGroup title>{cards}</CardGroup> }.into_any()
                }
            }
        </For>
        <Show when=move || { hidden() > 0 }>
            <p class="more">
                <button class="button button-secondary" type="button"
                    on:click=move |_| limit.update(|limit| *limit += CARDS_PER_STEP)>
                    {move || format!("显示更多（还有 {} {measure}）", hidden())}
                </button>
            </p>
        </Show>
    }
}
