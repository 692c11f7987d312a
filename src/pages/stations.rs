//! 酉新驿站: the rest stations and the night 星空补给站.

use leptos::prelude::*;

use crate::{
    api::{model::Station, use_api_resource, Page},
    components::{Card, Loaded, PageHeader},
    domain::{facilities::facility_label, search::group_by},
    platform::document::use_page_meta,
};

#[component]
pub fn Stations() -> impl IntoView {
    use_page_meta(
        || "酉新驿站".into(),
        || "酉阳县 58 个酉新驿站和星空补给站：热水、充电、微波炉、健康药箱，歇歇脚再出发。".into(),
    );
    let stations = use_api_resource(|api| async move { api.stations().await });
    view! {
        <PageHeader title="酉新驿站" lead="累了进来歇歇：喝口热水，充个电，热一热饭。夜里还有星空补给站。" />
        <Loaded resource=stations render={|page: Page<Station>| view! { <StationGroups stations=page.items /> }} />
    }
}

#[component]
fn StationGroups(stations: Vec<Station>) -> impl IntoView {
    if stations.is_empty() {
        return view! { <p class="notice notice-empty">"暂时没有驿站信息。"</p> }.into_any();
    }
    view! {
        <p class="result-count">{format!("共 {} 个驿站", stations.len())}</p>
        {group_by(&stations, |s| &s.town)
            .into_iter()
            .map(|(town, members)| view! {
                <section class="group">
                    <h2 class="group-title">{town}</h2>
                    <ul class="cards">
                        {members.into_iter().map(|s| view! { <li><StationCard station=s.clone() /></li> }).collect_view()}
                    </ul>
                </section>
            })
            .collect_view()}
    }
    .into_any()
}

#[component]
fn StationCard(station: Station) -> impl IntoView {
    let facilities: Vec<&str> = station.facilities.iter().map(|f| facility_label(f)).collect();
    view! {
        <Card
            href=format!("/stations/{}", station.id)
            kicker=if station.night { "星空补给站 · 夜间开放" } else { "" }
            title=station.name.clone()
            text=station.address.clone()
            meta=facilities.join(" · ")
        />
    }
}
