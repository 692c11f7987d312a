//! One station: where it is, what it has, when it is open, how to get there.

use leptos::prelude::*;

use crate::{
    api::model::Station,
    components::{DetailPage, OutLink},
    domain::{
        facilities::{facility_icon, facility_label},
        hours::state_at,
        time::weekday_label,
        url::{amap_route_link, tel_link},
    },
    platform::clock,
};

#[component]
pub fn StationDetail() -> impl IntoView {
    view! {
        <DetailPage
            fetch=|api, id| async move { api.station(&id).await }
            back=("/stations", "酉新驿站")
            title="驿站详情"
            describe=|s: &Station| (s.name.clone(), s.address.clone())
            render=|station: Station, _| view! { <StationArticle station /> }
        />
    }
}

#[component]
fn StationArticle(station: Station) -> impl IntoView {
    let hours: Vec<String> = if station.hours.always_open {
        vec!["全天 24 小时开放".into()]
    } else {
        station
            .hours
            .spans
            .iter()
            .map(|span| {
                let days: Vec<&str> = span.days.iter().map(|d| weekday_label(*d)).collect();
                format!("{}：{}–{}", days.join("、"), span.opens, span.closes)
            })
            .collect()
    };
    let phone = station.phone.clone();
    let now = clock::now();
    let open = state_at(&station.hours, &now);
    let route = station.location.map(|at| amap_route_link(at.lat, at.lng, &station.name));
    view! {
        <article class="detail">
            <header class="page-header">
                <p class="kicker">{station.town.clone()} {station.night.then_some(" · 星空补给站")}</p>
                <h1>{station.name.clone()}</h1>
                <p class="lead">{station.address.clone()}</p>
            </header>
            <p class=if open.is_open() { "status status-open" } else { "status status-closed" }>{open.label(&now)}</p>
            {route.map(|href| view! {
                <p><OutLink class="button" href text="用高德地图导航到这里".into() /></p>
            })}
            <section>
                <h2>"开放时间"</h2>
                <ul class="plain">{hours.into_iter().map(|h| view! { <li>{h}</li> }).collect_view()}</ul>
                {station.hours.note.clone().map(|note| view! { <p>{note}</p> })}
            </section>
            <section>
                <h2>"站内设施"</h2>
                <ul class="facilities">
                    {station.facilities.iter().map(|code| view! {
                        <li class="facility">
                            <span class="facility-icon" aria-hidden="true">{facility_icon(code)}</span>
                            {facility_label(code).to_owned()}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
            <dl class="facts">
                {station.host.clone().map(|host| view! { <div class="fact"><dt>"依托单位"</dt><dd>{host}</dd></div> })}
                {phone.map(|phone| view! {
                    <div class="fact"><dt>"联系电话"</dt><dd>{match tel_link(&phone) {
                        Some(href) => view! { <OutLink class="phone" href text=phone.clone() /> }.into_any(),
                        None => phone.clone().into_any(),
                    }}</dd></div>
                })}
            </dl>
        </article>
    }
}
