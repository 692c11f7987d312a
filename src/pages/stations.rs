//! 酉新驿站: the rest stations and the night 星空补给站 — open now, nearest first.

use std::sync::Arc;

use leptos::prelude::*;

use crate::{
    api::{model::Station, use_api_resource, Page},
    components::{
        card_list::CardEntry, page_texts, use_query_param, use_query_setter, use_typed_search, Card,
        CardList, Chip, CountLine, CutShort, Loaded, NoMatch, SearchField,
    },
    domain::{
        facilities::{facility_label, FACILITIES},
        geo::{distance_label, wgs84_to_gcj02},
        search::query_words,
        stations::{reach_label, StationFilter, StationFinder},
        time::ChinaTime,
        url::item_path,
    },
    platform::{
        clock::use_minute_clock,
        geolocation::{current_position, LocationError},
    },
};

/// How long to wait for a position fix.
const LOCATE_TIMEOUT_MS: u32 = 10_000;

/// Where the worker is, as far as this page knows.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Whereabouts {
    Unknown,
    Locating,
    /// GCJ-02, ready to compare with the stations.
    Known(crate::api::model::GeoPoint),
    Failed(LocationError),
}

#[component]
pub fn Stations() -> impl IntoView {
    page_texts::STATIONS.use_page_meta();
    // Small enough to load whole and filter on the phone.
    let stations = use_api_resource(|api| async move { api.stations().await });
    // "Open now" follows the clock while the page is open.
    let now = use_minute_clock();

    let (facility, open, night) =
        (use_query_param("facility"), use_query_param("open"), use_query_param("night"));
    // The chips' filter; the typed words join it in the results, at every keystroke.
    let filter = Memo::new(move |_| StationFilter {
        facility: Some(facility.get()).filter(|f| !f.is_empty()),
        open_now: open.get() == "1",
        night: night.get() == "1",
        words: Vec::new(),
    });
    let set_query = use_query_setter("/stations");
    let write_query = move |q: String, f: StationFilter| {
        let flag = |on: bool| if on { "1".to_owned() } else { String::new() };
        set_query(&[
            ("q", q),
            ("facility", f.facility.unwrap_or_default()),
            ("open", flag(f.open_now)),
            ("night", flag(f.night)),
        ]);
    };
    let search = use_typed_search(use_query_param("q"), {
        let write_query = write_query.clone();
        move |text: String| write_query(text, filter.get_untracked())
    });
    let set_filter = move |f: StationFilter| write_query(search.text.get_untracked(), f);

    let whereabouts = RwSignal::new(Whereabouts::Unknown);
    let locate = move |_| {
        if whereabouts.get_untracked() == Whereabouts::Locating {
            return;
        }
        whereabouts.set(Whereabouts::Locating);
        leptos::task::spawn_local(async move {
            let found = match current_position(LOCATE_TIMEOUT_MS).await {
                Ok(wgs) => Whereabouts::Known(wgs84_to_gcj02(wgs)),
                Err(error) => Whereabouts::Failed(error),
            };
            whereabouts.try_set(found);
        });
    };

    view! {
        {page_texts::STATIONS.header()}
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
            <SearchField label="搜索驿站" placeholder="搜索：名称、乡镇、地址、热水…" search />
            <div class="chips" role="group" aria-label="筛选驿站">
                <Chip label="营业中" pressed=Signal::derive(move || filter.get().open_now)
                    on_toggle={
                        let set_filter = set_filter.clone();
                        move || { let mut f = filter.get_untracked(); f.open_now = !f.open_now; set_filter(f) }
                    } />
                <Chip label="星空补给站" pressed=Signal::derive(move || filter.get().night)
                    on_toggle={
                        let set_filter = set_filter.clone();
                        move || { let mut f = filter.get_untracked(); f.night = !f.night; set_filter(f) }
                    } />
            </div>
            <div class="chips" role="group" aria-label="按设施筛选">
                {FACILITIES.iter().map(|(code, label, _)| {
                    let code = code.to_string();
                    let pressed = { let code = code.clone(); Signal::derive(move || filter.get().facility.as_deref() == Some(code.as_str())) };
                    let set_filter = set_filter.clone();
                    view! {
                        <Chip label=*label pressed on_toggle=move || {
                            let mut f = filter.get_untracked();
                            f.facility = if f.facility.as_deref() == Some(code.as_str()) { None } else { Some(code.clone()) };
                            set_filter(f)
                        } />
                    }
                }).collect_view()}
            </div>
            <p class="locate">
                <button type="button" class="button button-secondary" on:click=locate
                    disabled=move || whereabouts.get() == Whereabouts::Locating>
                    {move || match whereabouts.get() {
                        Whereabouts::Locating => "正在定位…",
                        Whereabouts::Known(_) => "重新定位",
                        _ => "按距离排序（使用我的位置）",
                    }}
                </button>
            </p>
            {move || match whereabouts.get() {
                Whereabouts::Failed(error) => Some(view! { <p class="notice" role="status">{error.user_message()}</p> }),
                _ => None,
            }}
        </form>
        <Loaded
            resource=stations
            render={move |page: Page<Station>| view! { <StationResults page filter search=search.query whereabouts now /> }}
        />
    }
}

#[component]
fn StationResults(
    page: Page<Station>,
    filter: Memo<StationFilter>,
    search: Signal<String>,
    whereabouts: RwSignal<Whereabouts>,
    now: Signal<ChinaTime>,
) -> impl IntoView {
    let cut_short = page.next.is_some();
    let total = page.items.len();
    let finder = Arc::new(StationFinder::new(page.items));
    let here = move || match whereabouts.get() {
        Whereabouts::Known(point) => Some(point),
        _ => None,
    };
    // Every station's state, worked out when the minute changes; the weekday
    // is kept with them because a state's words ("明天 08:00 开门") change with it.
    let states = Memo::new({
        let finder = finder.clone();
        move |_| now.with(|now| (now.weekday, finder.states_at(now)))
    });
    // Positions and states, not copies or words: a keystroke over a long list
    // copies nothing, and the clock's minute changes nothing until a station
    // opens or closes.
    let found = Memo::new({
        let finder = finder.clone();
        move |_| {
            let filter = StationFilter { words: query_words(&search.get()), ..filter.get() };
            states.with(|(weekday, states)| (*weekday, finder.find(&filter, states, here())))
        }
    });
    let shown = Signal::derive(move || found.with(|(_, found)| found.len()));
    let matches = Signal::derive(move || (0..shown.get()).collect::<Vec<_>>());
    let entry = Callback::new({
        let finder = finder.clone();
        move |at: usize| {
            found.with_untracked(|(_, found)| {
                let m = &found[at];
                let station = finder.station(m.at);
                CardEntry {
                    // By town, unless they are nearest first.
                    heading: if here().is_some() { String::new() } else { station.town.clone() },
                    // What the card says is in the key, so it is drawn again when
                    // its station opens or closes, or the worker moves (to the
                    // metre: finer than any label, and no float printing).
                    key: format!(
                        "{}|{}|{}",
                        station.id,
                        m.open.label(&now.get_untracked()),
                        m.distance_m.map_or(-1, |d| d.round() as i64)
                    ),
                }
            })
        }
    });
    let card = Callback::new(move |at: usize| {
        let found = found.with_untracked(|(_, found)| found[at].clone());
        let state = found.open.label(&now.get_untracked());
        view! { <StationCard station=finder.station(found.at).clone() distance_m=found.distance_m state /> }
            .into_any()
    });
    view! {
        <CutShort cut_short loaded=total />
        <CountLine shown total measure="个" noun="驿站" />
        <Show
            when=move || { shown.get() > 0 }
            fallback=|| view! {
                <NoMatch title="没有符合条件的驿站" text="换个词，或者少选几个条件试试。" reset=("/stations", "查看全部驿站") />
            }
        >
            <CardList matches entry card measure="个" />
        </Show>
    }
}

#[component]
fn StationCard(station: Station, distance_m: Option<f64>, state: String) -> impl IntoView {
    let kicker = if station.night { format!("星空补给站 · {state}") } else { state };
    let distance = distance_m.map(|m| match reach_label(m) {
        Some(reach) => format!("{} · {reach}", distance_label(m)),
        None => distance_label(m),
    });
    let facilities: Vec<&str> = station.facilities.iter().map(|f| facility_label(f)).collect();
    let meta = [distance.unwrap_or_default(), facilities.join(" · ")]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("　");
    view! {
        <Card href=item_path("/stations", &station.id) kicker title=station.name text=station.address meta />
    }
}
