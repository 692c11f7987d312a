//! 随手拍: report a hazard with a few words, photos and the place. The draft is
//! kept on the phone as it is typed; 提交 hands the report to the outbox,
//! which delivers it whenever the connection allows.

use leptos::{prelude::*, task::spawn_local};
use leptos_router::hooks::use_navigate;

use crate::{
    api::use_api,
    components::{use_signed_in, PageHeader},
    domain::{
        geo::wgs84_to_gcj02,
        outbox::{Outbox, OutboxItem, OutboxState},
        report::{
            bytes_label, char_count_label, DraftPhoto, DraftProblem, ReportDraft, CATEGORIES, MAX_PHOTOS,
        },
        url::login_path,
    },
    outbox,
    platform::{
        base,
        document::use_page_meta,
        dom,
        geolocation::{current_position, LocationError},
        photo, photo_store, random, report_store,
        wake::{is_online, Wake},
    },
};

/// The browser's own limit for a position fix.
const LOCATE_TIMEOUT_MS: u32 = 10_000;
/// A tap on 提交 this soon after a report left the form is the second tap of a double tap.
const DOUBLE_TAP_MS: i64 = 3_000;

/// `/report` and `/reports`: one chunk for both, told apart by the address.
#[component]
pub fn ReportPages() -> impl IntoView {
    let path = leptos_router::hooks::use_location().pathname.get_untracked();
    if path.trim_end_matches('/').ends_with("/reports") {
        view! { <crate::pages::reports::Reports /> }.into_any()
    } else {
        view! { <Report /> }.into_any()
    }
}

#[component]
pub fn Report() -> impl IntoView {
    use_page_meta(|| "随手拍".into(), || "看到安全隐患，拍下来告诉我们，被采纳可以得积分。".into());
    let api = use_api();
    let signed_in = use_signed_in();
    let navigate = use_navigate();

    let draft = RwSignal::new(report_store::load_draft());
    let save_error = RwSignal::new(None::<&'static str>);
    // Saved as it is typed: a reload or a closed tab loses nothing.
    Effect::new(move |_| {
        let result = draft.with(report_store::save_draft);
        save_error.set(result.err().map(|full| full.user_message()));
    });

    let outbox_now = RwSignal::new(report_store::load_outbox());
    report_store::on_outbox_change(move || {
        outbox_now.try_set(report_store::load_outbox());
    });

    let previews = use_photo_previews(draft);
    let show_problems = RwSignal::new(false);
    let problems = Memo::new(move |_| draft.with(ReportDraft::problems));
    let problem_shown = move |which: DraftProblem| {
        move || (show_problems.get() && problems.with(|p| p.contains(&which))).then(|| which.user_message())
    };
    let shrinking = RwSignal::new(0usize);
    let confirm_discard = RwSignal::new(false);
    let notice = RwSignal::new(None::<String>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if shrinking.get_untracked() > 0 {
            return;
        }
        let now = js_sys::Date::now() as i64;
        let just_sent =
            outbox_now.with_untracked(|o| o.items.iter().any(|i| now - i.created_at_ms < DOUBLE_TAP_MS));
        if just_sent && draft.with_untracked(ReportDraft::is_empty) {
            return; // the second tap of a double tap: the report is already on its way
        }
        if !problems.get_untracked().is_empty() {
            show_problems.set(true);
            dom::focus_by_id("report-problems");
            return;
        }
        if !signed_in.get_untracked() {
            // The draft is already on the phone; it is here again after signing in.
            navigate(&login_path("/report"), Default::default());
            return;
        }
        let item = OutboxItem::new(random::idempotency_key(), draft.get_untracked(), now);
        if let Err(full) = report_store::update_outbox(|outbox| outbox.add(item)) {
            save_error.set(Some(full.user_message()));
            return;
        }
        outbox_now.set(report_store::load_outbox());
        // The photos now belong to the outbox item: forget the draft, keep the files.
        previews.forget_all();
        draft.set(ReportDraft::default());
        show_problems.set(false);
        notice.set(None);
        outbox::wake(api.clone(), Wake::Now);
        dom::focus_by_id("report-latest");
    };

    let discard = move |_| {
        let ids: Vec<String> = draft.with_untracked(|d| d.photos.iter().map(|p| p.id.clone()).collect());
        previews.forget_all();
        draft.set(ReportDraft::default());
        report_store::clear_draft();
        confirm_discard.set(false);
        show_problems.set(false);
        notice.set(Some("草稿已放弃。".into()));
        spawn_local(async move {
            let _ = photo_store::delete(&ids).await;
        });
    };

    view! {
        <PageHeader title="随手拍" lead="看到道路、消防、用电等安全隐患，拍下来告诉我们。被采纳可以得积分。" />
        <Show when=move || !signed_in.get()>
            <div class="notice">
                <p class="notice-text">"登录后才能提交。可以先写，草稿会一直保存在这台手机上。"</p>
                <a class="button button-secondary" href=base::href(&login_path("/report"))>"登录"</a>
            </div>
        </Show>
        <LatestReport outbox=outbox_now />
        <form class="form report-form" on:submit=submit novalidate>
            <fieldset class="field choices">
                <legend class="field-label">"隐患类别"</legend>
                {CATEGORIES.iter().map(|category| {
                    let category = *category;
                    view! {
                        <label class="choice">
                            <input type="radio" name="category" value=category
                                prop:checked=move || draft.with(|d| d.category == category)
                                on:change=move |_| draft.update(|d| d.category = category.to_owned()) />
                            <span>{category}</span>
                        </label>
                    }
                }).collect_view()}
                <p class="field-error">{problem_shown(DraftProblem::NoCategory)}</p>
            </fieldset>

            <div class="field">
                <label class="field-label" for="report-text">"描述"</label>
                <textarea id="report-text" rows="5" aria-describedby="report-text-count" placeholder="在哪里、什么隐患、有多危险"
                    prop:value=move || draft.with(|d| d.text.clone())
                    on:input=move |ev| draft.update(|d| d.text = event_target_value(&ev))></textarea>
                <span id="report-text-count" class="hint">{move || draft.with(|d| char_count_label(&d.text))}</span>
                <span class="field-error">
                    {problem_shown(DraftProblem::TextTooShort)}{problem_shown(DraftProblem::TextTooLong)}
                </span>
            </div>

            <Photos draft previews shrinking />

            <Place draft />
            <p class="field-error">{problem_shown(DraftProblem::NoPlace)}</p>

            <label class="choice">
                <input type="checkbox" prop:checked=move || draft.with(|d| d.anonymous)
                    on:change=move |ev| draft.update(|d| d.anonymous = event_target_checked(&ev)) />
                <span>"不公开我的姓名"</span>
            </label>

            <div id="report-problems" tabindex="-1" role="alert">
                {move || (show_problems.get() && !problems.with(Vec::is_empty)).then(|| view! {
                    <div class="notice notice-error">
                        <p class="notice-title">"还不能提交"</p>
                        <ul>{problems.get().into_iter().map(|p| view! { <li>{p.user_message()}</li> }).collect_view()}</ul>
                    </div>
                })}
                {move || save_error.get().map(|message| view! { <p class="notice notice-error">{message}</p> })}
            </div>
            <p class="form-message" role="status">
                {move || notice.get().or_else(|| (!draft.with(ReportDraft::is_empty) && save_error.get().is_none())
                    .then(|| "草稿已保存在这台手机上。".to_owned()))}
            </p>
            <div class="actions">
                <button type="submit" class="button" disabled=move || shrinking.get() != 0>
                    {move || if shrinking.get() > 0 { "照片处理中…" } else { "提交" }}
                </button>
                <Show when=move || !draft.with(ReportDraft::is_empty) && !confirm_discard.get()>
                    <button type="button" class="button button-secondary" on:click=move |_| confirm_discard.set(true)>
                        "放弃草稿"
                    </button>
                </Show>
            </div>
            <Show when=move || confirm_discard.get()>
                <div class="notice" role="group" aria-label="确认放弃草稿">
                    <p class="notice-text">"文字、选择和照片都会从手机上删除。"</p>
                    <div class="actions">
                        <button type="button" class="button" on:click=discard>"确定放弃"</button>
                        <button type="button" class="button button-secondary" on:click=move |_| confirm_discard.set(false)>
                            "继续填写"
                        </button>
                    </div>
                </div>
            </Show>
        </form>
        <p><a href=base::href("/reports")>"查看我的上报"</a></p>
    }
}

/// Where the worker's latest report stands: sent, waiting, or why not.
#[component]
fn LatestReport(outbox: RwSignal<Outbox>) -> impl IntoView {
    let latest = move || outbox.with(|o| o.items.iter().max_by_key(|i| i.created_at_ms).cloned());
    view! {
        <div id="report-latest" tabindex="-1" role="status" aria-live="polite">
            {move || latest().map(|item| {
                let (class, text) = latest_words(&item);
                let sign_in = item.state == OutboxState::WaitingForSignIn;
                view! {
                    <div class=class>
                        <p class="notice-title">"你最近的上报"</p>
                        <p class="notice-text">{text}</p>
                        {sign_in.then(|| view! { <a class="button" href=base::href(&login_path("/report"))>"重新登录"</a> })}
                        <a href=base::href("/reports")>"查看我的上报"</a>
                    </div>
                }
            })}
        </div>
    }
}

fn latest_words(item: &OutboxItem) -> (&'static str, String) {
    match &item.state {
        OutboxState::Sent { .. } => ("notice", "已提交，等待审核。审核通过后会加积分。".into()),
        OutboxState::Sending => ("notice", "发送中…".into()),
        OutboxState::Queued | OutboxState::RetryLater { .. } if !is_online() => {
            ("notice", "待发送：手机现在没有网络，联网后会自动发送。".into())
        }
        OutboxState::Queued => ("notice", "待发送，马上发出。".into()),
        OutboxState::RetryLater { reason, .. } => ("notice", format!("待发送：{reason}稍后会自动重试。")),
        OutboxState::WaitingForSignIn => {
            ("notice notice-error", "待发送：登录已过期，请重新登录，登录后会自动发送。".into())
        }
        OutboxState::Rejected { reason } => ("notice notice-error", format!("未能提交：{reason}")),
    }
}

/// `blob:` addresses of the draft's photos, by photo id, given back when done.
#[derive(Clone, Copy)]
struct Previews(RwSignal<Vec<(String, String)>>);

impl Previews {
    fn url(self, id: &str) -> Option<String> {
        self.0.with(|all| all.iter().find(|(i, _)| i == id).map(|(_, url)| url.clone()))
    }

    fn add(self, id: String, url: String) {
        if self.0.try_update(|all| all.push((id, url.clone()))).is_none() {
            photo::revoke(&url);
        }
    }

    fn forget(self, id: &str) {
        self.0.update(|all| {
            all.retain(|(i, url)| {
                if i == id {
                    photo::revoke(url);
                }
                i != id
            })
        });
    }

    fn forget_all(self) {
        self.0.update(|all| all.drain(..).for_each(|(_, url)| photo::revoke(&url)));
    }
}

/// Shows the kept photos again (after a reload); drops from the draft any
/// whose file is gone; gives every address back when the page is left.
fn use_photo_previews(draft: RwSignal<ReportDraft>) -> Previews {
    let previews = Previews(RwSignal::new(Vec::new()));
    let ids: Vec<String> = draft.with_untracked(|d| d.photos.iter().map(|p| p.id.clone()).collect());
    spawn_local(async move {
        for id in ids {
            match photo_store::get(&id).await {
                Ok(Some(blob)) => {
                    if let Some(url) = photo::object_url(&blob) {
                        previews.add(id, url);
                    }
                }
                Ok(None) => {
                    draft.try_update(|d| d.photos.retain(|p| p.id != id));
                }
                Err(_) => {}
            }
        }
    });
    on_cleanup(move || {
        previews.0.try_with_untracked(|all| all.iter().for_each(|(_, url)| photo::revoke(url)));
    });
    previews
}

/// Up to three photos, shrunk on the phone, with a preview and 删除.
#[component]
fn Photos(draft: RwSignal<ReportDraft>, previews: Previews, shrinking: RwSignal<usize>) -> impl IntoView {
    let error = RwSignal::new(None::<&'static str>);
    let room = move || MAX_PHOTOS.saturating_sub(draft.with(|d| d.photos.len()));
    let picked = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target() else { return };
        let files = photo::take_picked(&input);
        let room = room();
        if files.len() > room {
            error.set(Some("最多 3 张照片，多出的没有添加。"));
        } else {
            error.set(None);
        }
        let files: Vec<_> = files.into_iter().take(room).collect();
        if files.is_empty() {
            return;
        }
        shrinking.update(|n| *n += files.len());
        // One at a time: a cheap phone holds one decoded camera photo at once.
        spawn_local(async move {
            for file in files {
                if let Err(message) = keep_photo(&file, draft, previews).await {
                    error.try_set(Some(message));
                }
                shrinking.try_update(|n| *n = n.saturating_sub(1));
            }
        });
    };
    let remove = move |id: String| {
        draft.update(|d| d.photos.retain(|p| p.id != id));
        previews.forget(&id);
        spawn_local(async move {
            let _ = photo_store::delete(&[id]).await;
        });
    };
    view! {
        <div class="field">
            <span class="field-label" id="photos-label">"照片（最多 3 张）"</span>
            <ul class="photos" aria-labelledby="photos-label">
                {move || draft.with(|d| d.photos.clone()).into_iter().enumerate().map(|(index, shot)| {
                    let DraftPhoto { id, width, height, bytes } = shot;
                    let name = format!("照片 {}", index + 1);
                    let size = format!("{width}×{height}，{}", bytes_label(bytes));
                    let preview = { let id = id.clone(); move || previews.url(&id) };
                    let gone = id.clone();
                    view! {
                        <li class="photo">
                            {move || preview().map(|src| view! { <img src=src alt=name.clone() width="96" height="96" /> })}
                            <span class="photo-size" data-bytes=bytes.to_string()>{size}</span>
                            <button type="button" class="button button-secondary"
                                aria-label=format!("删除照片 {}", index + 1)
                                on:click=move |_| remove(gone.clone())>"删除"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=move || room() != 0>
                <label class="button button-secondary photo-pick">
                    "添加照片"
                    <input class="visually-hidden" type="file" accept="image/*" multiple on:change=picked />
                </label>
            </Show>
            <p class="hint" role="status">
                {move || (shrinking.get() > 0).then_some("正在压缩照片，请稍候…")}
            </p>
            <p class="field-error" role="alert">{move || error.get()}</p>
        </div>
    }
}

/// Shrinks one picked photo, keeps it on the phone and adds it to the draft.
async fn keep_photo(
    file: &web_sys::Blob,
    draft: RwSignal<ReportDraft>,
    previews: Previews,
) -> Result<(), &'static str> {
    let shrunk = photo::shrink(file).await.map_err(|e| e.user_message())?;
    let id = format!("photo-{}", random::idempotency_key());
    photo_store::put(&id, &shrunk.blob).await.map_err(|e| e.user_message())?;
    let kept = DraftPhoto { id: id.clone(), width: shrunk.width, height: shrunk.height, bytes: shrunk.bytes };
    // The worker may have left the page meanwhile: the photo still joins the stored draft.
    if draft.try_update(|d| d.photos.push(kept.clone())).is_none() {
        let mut stored = report_store::load_draft();
        stored.photos.push(kept);
        report_store::save_draft(&stored).map_err(|full| full.user_message())?;
        return Ok(());
    }
    if let Some(url) = photo::object_url(&shrunk.blob) {
        previews.add(id, url);
    }
    Ok(())
}

/// Where the hazard is: the phone's position (with the worker's consent) or words.
#[component]
fn Place(draft: RwSignal<ReportDraft>) -> impl IntoView {
    let api = use_api();
    let locating = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let locate = move |_| {
        if locating.get_untracked() {
            return;
        }
        locating.set(true);
        message.set(None);
        let api = api.clone();
        spawn_local(async move {
            let result = current_position(LOCATE_TIMEOUT_MS).await;
            locating.try_set(false);
            let here = match result {
                Ok(wgs) => wgs84_to_gcj02(wgs),
                Err(error) => {
                    message.try_set(Some(location_words(error).into()));
                    return;
                }
            };
            draft.try_update(|d| d.location = Some(here));
            message.try_set(Some("已记录你现在的位置。".into()));
            // The nearest station's town is a good guess for where the worker stands.
            if let Ok(suggest) = town::load().await {
                if let Some(town) = suggest(api, here).await {
                    let filled = draft.try_update(|d| {
                        let empty = d.town.is_empty();
                        if empty {
                            d.town = town.clone();
                        }
                        empty
                    });
                    if filled == Some(true) {
                        message.try_set(Some(format!("已记录你现在的位置，按最近的驿站推荐镇街：{town}。")));
                    }
                }
            }
        });
    };
    view! {
        <fieldset class="field">
            <legend class="field-label">"位置"</legend>
            <p class="hint">"点“使用我的位置”后，手机会问你是否允许定位；位置只用于这条上报。"</p>
            <div class="actions">
                <button type="button" class="button button-secondary" on:click=locate disabled=move || locating.get()>
                    {move || if locating.get() { "正在定位…" } else { "使用我的位置" }}
                </button>
                <Show when=move || draft.with(|d| d.location.is_some())>
                    <button type="button" class="button button-secondary" on:click=move |_| {
                        draft.update(|d| d.location = None);
                        message.set(Some("已清除位置。".into()));
                    }>"清除位置"</button>
                </Show>
            </div>
            <p class="form-message" role="status">{move || message.get()}</p>
            <label class="field">
                <span class="field-label">"地址或地点"</span>
                <input type="text" autocomplete="off" placeholder="如：桃花源大道与民族路路口"
                    prop:value=move || draft.with(|d| d.address.clone())
                    on:input=move |ev| draft.update(|d| d.address = event_target_value(&ev)) />
            </label>
            <label class="field">
                <span class="field-label">"所在镇街（可不填）"</span>
                <input type="text" autocomplete="off" placeholder="如：桃花源街道"
                    prop:value=move || draft.with(|d| d.town.clone())
                    on:input=move |ev| draft.update(|d| d.town = event_target_value(&ev)) />
            </label>
        </fieldset>
    }
}

/// Suggests a town from the stations' list: its code (the station list's
/// decoding) is fetched only once a worker uses their position.
mod town {
    use futures::future::LocalBoxFuture;

    use crate::{api::ApiClient, domain::geo::GeoPoint, lazy_pages::ChunkMissing};

    pub type SuggestTown = fn(ApiClient, GeoPoint) -> LocalBoxFuture<'static, Option<String>>;

    #[cfg(feature = "split")]
    #[leptos::wasm_split::wasm_split(report_town, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn load() -> Result<SuggestTown, ChunkMissing> {
        Ok(suggest)
    }

    #[cfg(not(feature = "split"))]
    pub async fn load() -> Result<SuggestTown, ChunkMissing> {
        Ok(suggest)
    }

    fn suggest(api: ApiClient, here: GeoPoint) -> LocalBoxFuture<'static, Option<String>> {
        Box::pin(async move {
            let stations = api.stations().await.ok()?;
            crate::domain::report::nearest_town(&stations.items, here)
        })
    }
}

/// Why there is no position, for a report (the station finder says it its own way).
fn location_words(error: LocationError) -> &'static str {
    match error {
        LocationError::Denied => "没有获得定位权限。可以在浏览器或微信设置里允许定位，或直接填写地址。",
        LocationError::Unavailable => "暂时定不到位置，可能是信号弱或定位没有打开。请直接填写地址。",
        LocationError::Timeout | LocationError::NoAnswer => "定位超时了，请稍后再试，或直接填写地址。",
        LocationError::Unsupported => "这个浏览器不支持定位，请直接填写地址。",
    }
}
