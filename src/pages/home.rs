//! 首页: what the programme is, and a door to every section.

use leptos::prelude::*;

use crate::{
    api::model::Site,
    app::SiteResource,
    components::{
        page_memo, page_texts::HOME, sections::SECTIONS, ErrorNotice, OutLink, Skeleton, SkeletonShape,
    },
    domain::url::tel_link,
    platform::{base, document::use_page_meta},
};

#[component]
pub fn Home() -> impl IntoView {
    // The site's own name is the document's title here.
    use_page_meta(String::new, || HOME.description.into());
    let site = expect_context::<SiteResource>();
    // The shell loaded the programme's facts once; this page only looks at them.
    let loaded = page_memo(move || site.get());
    let retry = Callback::new(move |()| site.refetch());

    view! {
        <section class="hero">
            <h1>{HOME.title}</h1>
            <p class="lead">{HOME.lead}</p>
        </section>
        <nav class="doors" aria-label="栏目">
            <ul>
                {SECTIONS
                    .iter()
                    .filter_map(|section| section.door.map(|door| (section.path, door)))
                    .map(|(href, (title, text))| view! {
                        <li>
                            <a class="door" href=base::href(href)>
                                <span class="door-title">{title}</span>
                                <span class="door-text">{text}</span>
                            </a>
                        </li>
                    })
                    .collect_view()}
                // Reporting a hazard is what a worker does between orders: one tap from home.
                <li>
                    <a class="door" href=base::href("/report")>
                        <span class="door-title">"随手拍"</span>
                        <span class="door-text">"路上看到安全隐患，拍下来上报，采纳后加积分"</span>
                    </a>
                </li>
            </ul>
        </nav>
        {move || match loaded.get() {
            None => view! { <Skeleton shape=SkeletonShape::Detail /> }.into_any(),
            Some(Ok(site)) => view! { <SiteNotices site /> }.into_any(),
            Some(Err(error)) => view! { <ErrorNotice error on_retry=retry /> }.into_any(),
        }}
    }
}

#[component]
fn SiteNotices(site: Site) -> impl IntoView {
    let hotline = site.hotline.clone();
    view! {
        {site.demo.then(|| view! {
            <p class="notice notice-demo">"当前展示的是演示数据，仅用于体验功能，不代表真实服务信息。"</p>
        })}
        {(!site.notices.is_empty()).then(|| view! {
            <section class="notices" aria-labelledby="notices-title">
                <h2 id="notices-title">"通知公告"</h2>
                <ul class="cards">
                    {site.notices.into_iter().map(|notice| view! {
                        <li class="card card-static">
                            <span class="card-title">{notice.title}</span>
                            <span class="card-text">{notice.body}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {hotline.map(|hotline| {
            let href = tel_link(&hotline);
            view! {
                <p class="hotline">
                    "有困难，打服务热线："
                    {match href {
                        Some(href) => view! { <OutLink class="phone" href text=hotline.clone() /> }.into_any(),
                        None => hotline.clone().into_any(),
                    }}
                </p>
            }
        })}
    }
}
