//! 关于行动: the programme in brief — what it is, its services and stations,
//! its 18 sub-actions and where each stands, and how to reach it.

use leptos::prelude::*;

use crate::{
    api::{
        model::{Programme, SubAction, SubActionState},
        use_api_resource,
    },
    components::{fact, page_texts, Loaded, OutLink, SkeletonShape},
    domain::url::tel_link,
    platform::base,
};

#[component]
pub fn About() -> impl IntoView {
    page_texts::ABOUT.use_page_meta();
    let programme = use_api_resource(|api| async move { api.programme().await });
    view! {
        {page_texts::ABOUT.header()}
        <section aria-labelledby="what-title">
            <h2 id="what-title">"这是什么"</h2>
            <p>"2024 年，酉阳县委社会工作部联合职能部门、街道、企业和社会组织，为外卖骑手、快递员、网约车司机、网络主播等新就业群体开展专项服务行动：面向社会发布服务清单，制定子行动逐项推进。歇脚有驿站，学本事有学堂，参与治理能攒积分，做了好事会被记住。"</p>
        </section>
        <Figures />
        <Loaded resource=programme skeleton=SkeletonShape::Detail render={|programme: Programme| view! {
            <SubActions actions=programme.sub_actions.clone() />
            <Contact programme />
        }} />
    }
}

/// How many services and stations there are, each a door to its list.
#[component]
fn Figures() -> impl IntoView {
    let services = use_api_resource(|api| async move { api.services().await });
    let stations = use_api_resource(|api| async move { api.stations().await });
    let count = |n: Option<usize>| n.map_or_else(|| "…".to_owned(), |n| n.to_string());
    let services_count = move || count(services.get().and_then(Result::ok).map(|p| p.items.len()));
    let stations_count = move || count(stations.get().and_then(Result::ok).map(|p| p.items.len()));
    let night_count = move || {
        count(stations.get().and_then(Result::ok).map(|p| p.items.iter().filter(|s| s.night).count()))
    };
    view! {
        <ul class="figures" aria-label="行动一览">
            <li><a href=base::href("/services")><strong>{services_count}</strong>" 项服务"</a></li>
            <li><a href=base::href("/stations")><strong>{stations_count}</strong>" 个驿站"</a></li>
            <li><a href=base::href("/stations?night=1")><strong>{night_count}</strong>" 个星空补给站（夜间开放）"</a></li>
        </ul>
    }
}

#[component]
fn SubActions(actions: Vec<SubAction>) -> impl IntoView {
    if actions.is_empty() {
        return ().into_any();
    }
    let groups = [
        (SubActionState::Done, "已完成"),
        (SubActionState::InProgress, "推进中"),
        (SubActionState::Planned, "计划中"),
        (SubActionState::Unknown, "其他"),
    ];
    let total = actions.len();
    view! {
        <section aria-labelledby="actions-title">
            <h2 id="actions-title">{format!("{total} 项子行动")}</h2>
            {groups.into_iter().map(|(state, label)| {
                let members: Vec<SubAction> = actions.iter().filter(|a| a.state == state).cloned().collect();
                (!members.is_empty()).then(|| view! {
                    <h3>{format!("{label}（{}）", members.len())}</h3>
                    <ul class="sub-actions">
                        {members.into_iter().map(|action| view! {
                            <li>
                                <span class="sub-action-title">{action.title}</span>
                                {(!action.summary.is_empty()).then(|| view! { <span class="sub-action-text">{action.summary}</span> })}
                            </li>
                        }).collect_view()}
                    </ul>
                })
            }).collect_view()}
        </section>
    }
    .into_any()
}

#[component]
fn Contact(programme: Programme) -> impl IntoView {
    let contact = programme.contact.unwrap_or_default();
    let hotline = programme.hotline.map(|hotline| {
        let link = match tel_link(&hotline) {
            Some(href) => view! { <OutLink class="phone" href text=hotline.clone() /> }.into_any(),
            None => hotline.clone().into_any(),
        };
        view! { <div class="fact"><dt>"服务热线"</dt><dd>{link}</dd></div> }
    });
    view! {
        <section aria-labelledby="contact-title">
            <h2 id="contact-title">"联系我们"</h2>
            <dl class="facts">
                {fact("牵头单位", contact.organisation)}
                {fact("地址", contact.address)}
                {fact("办公时间", contact.hours)}
                {hotline}
                {fact("邮箱", contact.email)}
            </dl>
        </section>
    }
}
