use leptos::prelude::*;

use crate::platform::base;

/// One big link: where it leads, its title, and a line on what it offers.
pub type Door = (&'static str, &'static str, &'static str);

/// A labelled grid of big links (`class` is `doors` or `ways`).
#[component]
pub fn Doors(label: &'static str, class: &'static str, doors: &'static [Door]) -> impl IntoView {
    view! {
        <nav class=class aria-label=label>
            <ul>
                {doors.iter().map(|(href, title, text)| view! {
                    <li>
                        <a class="door" href=base::href(href)>
                            <span class="door-title">{*title}</span>
                            <span class="door-text">{*text}</span>
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
