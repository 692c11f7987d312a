//! The page for an address that leads nowhere.

use leptos::prelude::*;

use crate::platform::{base, document::use_page_meta, shell};

#[component]
pub fn NotFound() -> impl IntoView {
    // A first visit to a wrong address: this page takes the static shell's place.
    shell::remove();
    use_page_meta(|| "页面不存在".into(), || "没有找到这个页面。".into());
    view! {
        <section class="not-found">
            <p class="big-number" aria-hidden="true">"404"</p>
            <h1>"没有找到这个页面"</h1>
            <p class="lead">"链接可能写错了，或者内容已经下线。可以回到首页，从栏目里找找看。"</p>
            <p class="actions">
                <a class="button" href=base::href("/")>"回到首页"</a>
                <a class="button button-secondary" href=base::href("/services")>"查看服务清单"</a>
            </p>
        </section>
    }
}
