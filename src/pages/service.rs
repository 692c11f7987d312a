//! One service: who provides it, how to get it, who it is for.

use leptos::prelude::*;

use crate::{
    api::model::Service,
    components::{DetailPage, OutLink, ReadAloud},
    domain::{
        reading::script,
        url::{safe_link, tel_link},
    },
};

#[component]
pub fn ServiceDetail() -> impl IntoView {
    view! {
        <DetailPage
            fetch=|api, id| async move { api.service(&id).await }
            back=("/services", "服务清单")
            title="服务详情"
            describe=|s: &Service| (s.title.clone(), s.summary.clone())
            render=|service: Service, _| view! { <ServiceArticle service /> }
        />
    }
}

#[component]
fn ServiceArticle(service: Service) -> impl IntoView {
    let Service { title, number, category, summary, provider, audience, access, tags, .. } = service;
    let phone = access.phone.clone();
    let mut parts = vec![title.clone(), summary.clone(), format!("提供单位：{provider}")];
    parts.extend(access.place.as_ref().map(|place| format!("办理地点：{place}")));
    parts.extend(access.hours.as_ref().map(|hours| format!("服务时间：{hours}")));
    parts.extend(access.steps.iter().cloned());
    let spoken = script(parts.iter().map(String::as_str));
    let more = access.url.as_deref().and_then(safe_link).map(str::to_owned);
    view! {
        <article class="detail">
            <header class="page-header">
                <p class="kicker">
                    {category}
                    {number.map(|n| format!(" · 第 {n} 项"))}
                </p>
                <h1>{title}</h1>
                <p class="lead">{summary}</p>
                <ReadAloud text=spoken />
                <ul class="tags" aria-label="标签">
                    {tags.into_iter().map(|tag| view! { <li class="tag">{tag}</li> }).collect_view()}
                </ul>
            </header>
            <dl class="facts">
                <div class="fact">
                    <dt>"提供单位"</dt>
                    <dd>{provider}</dd>
                </div>
                <div class="fact">
                    <dt>"服务对象"</dt>
                    <dd>{if audience.is_empty() { "新就业群体".to_owned() } else { audience }}</dd>
                </div>
                {access.place.map(|place| view! {
                    <div class="fact"><dt>"办理地点"</dt><dd>{place}</dd></div>
                })}
                {access.hours.map(|hours| view! {
                    <div class="fact"><dt>"服务时间"</dt><dd>{hours}</dd></div>
                })}
                {phone.map(|phone| {
                    let href = tel_link(&phone);
                    view! {
                        <div class="fact">
                            <dt>"咨询电话"</dt>
                            <dd>
                                {match href {
                                    Some(href) => view! { <OutLink class="phone" href text=phone /> }.into_any(),
                                    None => phone.into_any(),
                                }}
                            </dd>
                        </div>
                    }
                })}
            </dl>
            {(!access.steps.is_empty()).then(|| view! {
                <section class="steps">
                    <h2>"怎么办理"</h2>
                    <ol>
                        {access.steps.into_iter().map(|step| view! { <li>{step}</li> }).collect_view()}
                    </ol>
                </section>
            })}
            {more.map(|href| view! {
                <p><OutLink class="button button-secondary" href=href.to_owned() text="了解更多".into() /></p>
            })}
        </article>
    }
}
