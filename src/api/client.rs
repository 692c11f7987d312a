//! The typed client: one method per endpoint of the contract.

use futures::future::{FutureExt, LocalBoxFuture};
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

use super::{
    decode::{self, Page},
    demo::DEMO_SMS_CODE,
    model::*,
    reads,
    transport::{Method, RequestBody},
    ApiError, ApiRequest, ApiResponse, Transport,
};
use crate::{
    domain::{
        auth::session_end_millis,
        feed::{CursorTrail, Follow, MAX_ITEMS},
        url::item_path,
    },
    platform::storage,
};

mod voice;

/// Where the bearer token is kept between visits.
const TOKEN_KEY: &str = "token";
/// When the kept token's session ends (Unix milliseconds), if the backend said.
const TOKEN_EXPIRY_KEY: &str = "token_expires_at";

/// The body of a write that needs nothing beyond its path: `{}`.
#[derive(Serialize)]
struct NoFields {}

/// The app's one way to the backend. Cheap to clone; provided as context.
#[derive(Clone, Debug)]
pub struct ApiClient {
    transport: Transport,
    token: RwSignal<Option<String>>,
    /// When the token's session ends (Unix milliseconds), read once from storage.
    session_end: RwSignal<Option<i64>>,
    /// When the answer of the last read was saved, if the network could not
    /// give a fresh one (Unix milliseconds).
    saved_at: RwSignal<Option<i64>>,
    /// Reads sent ahead of the page that will ask for them ([`Self::read_ahead`]).
    early: StoredValue<Vec<(Asked, LocalBoxFuture<'static, Answer>)>, LocalStorage>,
}

/// What a read asks for: its path and query.
type Asked = (String, Vec<(String, String)>);

type Answer = Result<ApiResponse, ApiError>;

/// The client provided by the app shell.
pub fn use_api() -> ApiClient {
    expect_context::<ApiClient>()
}

impl ApiClient {
    /// A client over the transport, signed in if a token was kept from an
    /// earlier visit and its session has not ended.
    pub fn new(transport: Transport) -> Self {
        let session_end = storage::get(TOKEN_EXPIRY_KEY).and_then(|end| end.parse::<i64>().ok());
        let client = Self {
            transport,
            token: RwSignal::new(storage::get(TOKEN_KEY)),
            session_end: RwSignal::new(session_end),
            saved_at: RwSignal::new(None),
            early: StoredValue::new_local(Vec::new()),
        };
        client.forget_spent_token();
        client
    }

    pub fn is_demo(&self) -> bool {
        matches!(self.transport, Transport::Demo(_))
    }

    /// What the sign-in page tells a visitor of the demo; `None` with a real backend.
    pub fn demo_sign_in_hint(&self) -> Option<String> {
        self.is_demo().then(|| format!("演示模式：任意手机号，验证码填 {DEMO_SMS_CODE}。"))
    }

    /// When the data on screen was saved, while the network cannot give fresh
    /// data (reactive); `None` when the last read came from the network.
    pub fn saved_at(&self) -> Option<i64> {
        self.saved_at.get()
    }

    /// Whether a worker is signed in (reactive).
    pub fn is_signed_in(&self) -> bool {
        self.token.with(Option::is_some)
    }

    /// Keeps a token handed over by login or by the backend's WeChat redirect,
    /// with the end of its session (Unix milliseconds) when the backend gave one.
    pub fn sign_in(&self, token: String, ends_at_millis: Option<i64>) {
        storage::set(TOKEN_KEY, &token);
        match ends_at_millis {
            Some(end) => storage::set(TOKEN_EXPIRY_KEY, &end.to_string()),
            None => storage::remove(TOKEN_EXPIRY_KEY),
        }
        self.session_end.set(ends_at_millis);
        self.token.set(Some(token));
    }

    pub fn sign_out(&self) {
        storage::remove(TOKEN_KEY);
        storage::remove(TOKEN_EXPIRY_KEY);
        self.session_end.set(None);
        self.token.set(None);
    }

    /// Signs out when the kept token's session has ended, so pages ask the
    /// worker to sign in instead of sending a token the backend will refuse.
    fn forget_spent_token(&self) {
        let end = self.session_end.get_untracked();
        if end.is_some_and(|end| end as f64 <= js_sys::Date::now()) {
            self.sign_out();
        }
    }

    /// Sends a read now, for a page whose code is still downloading: the
    /// page's own request for it then takes this answer instead of asking
    /// again. Belongs to the current route: leaving it cancels the read.
    pub fn read_ahead(&self, request: ApiRequest) {
        let client = self.clone();
        let asked = (request.path.clone(), request.query.clone());
        let mut answer = async move { client.send_now(request).await }.boxed_local();
        // The first poll sends the request; the page's wait for it does the rest.
        if let Some(done) = (&mut answer).now_or_never() {
            answer = futures::future::ready(done).boxed_local();
        }
        self.early.update_value(|early| early.push((asked.clone(), answer)));
        let early = self.early;
        on_cleanup(move || {
            early.try_update_value(|early| early.retain(|(sent, _)| *sent != asked));
        });
    }

    async fn send(&self, request: ApiRequest) -> Answer {
        let early = self.early.try_update_value(|early| {
            let at = early
                .iter()
                .position(|((path, query), _)| *path == request.path && *query == request.query)?;
            Some(early.swap_remove(at).1)
        });
        match early.flatten() {
            Some(answer) => answer.await,
            None => self.send_now(request).await,
        }
    }

    async fn send_now(&self, mut request: ApiRequest) -> Answer {
        // Signing in speaks for nobody yet: a refused code there is not an expired token.
        if !request.is_sign_in() {
            self.forget_spent_token();
            request.bearer = self.token.get_untracked();
        }
        let had_token = request.bearer.is_some();
        let is_read = request.method == Method::Get;
        let response = self.transport.send(request).await?;
        if is_read && self.saved_at.get_untracked() != response.saved_at {
            self.saved_at.set(response.saved_at);
        }
        if response.status == 401 && had_token {
            // The token expired or was revoked: forget it, so the UI asks to sign in again.
            self.sign_out();
        }
        Ok(response)
    }

    async fn get<T: DeserializeOwned>(&self, request: ApiRequest) -> Result<T, ApiError> {
        decode::object(&self.send(request).await?)
    }

    async fn list<T: DeserializeOwned>(&self, request: ApiRequest) -> Result<Page<T>, ApiError> {
        let page = decode::page(&self.send(request).await?)?;
        if page.skipped > 0 {
            leptos::logging::warn!("skipped {} malformed item(s) in a list", page.skipped);
        }
        Ok(page)
    }

    /// Follows a list's cursors to its last page, for the small lists that are
    /// searched as a whole. A repeated cursor ends the walk; past the cap of
    /// pages or items the list is cut short and keeps `next`, so the page can say so.
    async fn whole_list<T: DeserializeOwned>(&self, first: ApiRequest) -> Result<Page<T>, ApiError> {
        let mut whole = Page::default();
        let mut trail = CursorTrail::default();
        let mut request = first.clone();
        loop {
            let page: Page<T> = self.list(request).await?;
            let (count, next) = (page.items.len(), page.next);
            whole.items.extend(page.items);
            whole.skipped += page.skipped;
            match trail.follow(count, next.clone()) {
                Follow::Next(cursor) => request = first.clone().param("cursor", Some(&cursor)),
                Follow::End => return Ok(whole),
                Follow::Capped => {
                    whole.items.truncate(MAX_ITEMS);
                    whole.next = next;
                    return Ok(whole);
                }
            }
        }
    }

    async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: String,
        body: &B,
        idempotency_key: Option<&str>,
    ) -> Result<T, ApiError> {
        let json = serde_json::to_string(body).map_err(|e| ApiError::Decode(e.to_string()))?;
        let mut request = ApiRequest::post(path, Some(RequestBody::Json(json)));
        request.idempotency_key = idempotency_key.map(str::to_owned);
        decode::object(&self.send(request).await?)
    }

    pub async fn site(&self) -> Result<Site, ApiError> {
        self.get(reads::site()).await
    }

    /// Every service, all pages followed.
    pub async fn services(&self) -> Result<Page<Service>, ApiError> {
        self.whole_list(reads::services()).await
    }

    pub async fn service(&self, id: &str) -> Result<Service, ApiError> {
        self.get(reads::service(id)).await
    }

    pub async fn courses(&self, kind: Option<&str>, cursor: Option<&str>) -> Result<Page<Course>, ApiError> {
        self.list(reads::courses(kind, cursor)).await
    }

    pub async fn course(&self, id: &str) -> Result<Course, ApiError> {
        self.get(reads::course(id)).await
    }

    pub async fn enrol(&self, course_id: &str) -> Result<Enrolment, ApiError> {
        let path = item_path("/v1/courses", course_id) + "/enrolments";
        self.post(path, &NoFields {}, None).await
    }

    pub async fn stories(
        &self,
        tag: Option<&str>,
        cursor: Option<&str>,
    ) -> Result<Page<StorySummary>, ApiError> {
        self.list(reads::stories(tag, cursor)).await
    }

    pub async fn story(&self, id: &str) -> Result<Story, ApiError> {
        self.get(reads::story(id)).await
    }

    /// Every station, all pages followed.
    pub async fn stations(&self) -> Result<Page<Station>, ApiError> {
        self.whole_list(reads::stations()).await
    }

    pub async fn station(&self, id: &str) -> Result<Station, ApiError> {
        self.get(reads::station(id)).await
    }

    pub async fn request_sms_code(&self, phone: &str) -> Result<(), ApiError> {
        let body = serde_json::to_string(&SmsCodeRequest { phone: phone.to_owned() })
            .map_err(|e| ApiError::Decode(e.to_string()))?;
        let request = ApiRequest::post("/v1/auth/sms-code", Some(RequestBody::Json(body)));
        decode::empty(&self.send(request).await?)
    }

    /// Signs in with an SMS code and keeps the token.
    pub async fn login(&self, phone: &str, code: &str) -> Result<AuthSession, ApiError> {
        let body = LoginRequest { phone: phone.to_owned(), code: code.to_owned() };
        let session: AuthSession = self.post("/v1/auth/login".into(), &body, None).await?;
        self.sign_in(session.token.clone(), session_end_millis(session.expires_at.as_deref()));
        Ok(session)
    }

    pub async fn me(&self) -> Result<Me, ApiError> {
        self.get(ApiRequest::get("/v1/me")).await
    }

    pub async fn ledger(&self, cursor: Option<&str>) -> Result<Page<LedgerEntry>, ApiError> {
        self.list(ApiRequest::get("/v1/points/ledger").param("cursor", cursor)).await
    }

    pub async fn points_rules(&self) -> Result<Page<PointsRule>, ApiError> {
        self.list(reads::points_rules()).await
    }

    pub async fn upload(&self, name: &str, content_type: &str, bytes: Vec<u8>) -> Result<Upload, ApiError> {
        let body = RequestBody::File { name: name.to_owned(), content_type: content_type.to_owned(), bytes };
        self.get(ApiRequest::post("/v1/uploads", Some(body))).await
    }

    /// Sends a hazard report; the same key always means the same report.
    pub async fn submit_report(&self, report: &NewReport, idempotency_key: &str) -> Result<Report, ApiError> {
        self.post("/v1/reports".into(), report, Some(idempotency_key)).await
    }

    pub async fn reports(&self, cursor: Option<&str>) -> Result<Page<Report>, ApiError> {
        self.list(ApiRequest::get("/v1/reports").param("cursor", cursor)).await
    }

    pub async fn campaigns(&self, cursor: Option<&str>) -> Result<Page<Campaign>, ApiError> {
        self.list(ApiRequest::get("/v1/campaigns").param("cursor", cursor)).await
    }

    pub async fn campaign(&self, id: &str) -> Result<Campaign, ApiError> {
        self.get(ApiRequest::get(item_path("/v1/campaigns", id))).await
    }

    pub async fn check_in(&self, campaign_id: &str, idempotency_key: &str) -> Result<Checkin, ApiError> {
        let path = item_path("/v1/campaigns", campaign_id) + "/checkins";
        self.post(path, &NoFields {}, Some(idempotency_key)).await
    }

    pub async fn rewards(&self, cursor: Option<&str>) -> Result<Page<Reward>, ApiError> {
        self.list(reads::rewards(cursor)).await
    }

    pub async fn reward(&self, id: &str) -> Result<Reward, ApiError> {
        self.get(ApiRequest::get(item_path("/v1/rewards", id))).await
    }

    /// Redeems a reward; the same key always means the same redemption.
    pub async fn redeem(&self, reward_id: &str, idempotency_key: &str) -> Result<Redemption, ApiError> {
        let path = item_path("/v1/rewards", reward_id) + "/redemptions";
        self.post(path, &NoFields {}, Some(idempotency_key)).await
    }

    pub async fn redemptions(&self, cursor: Option<&str>) -> Result<Page<Redemption>, ApiError> {
        self.list(ApiRequest::get("/v1/redemptions").param("cursor", cursor)).await
    }

    pub async fn redemption(&self, id: &str) -> Result<Redemption, ApiError> {
        self.get(ApiRequest::get(item_path("/v1/redemptions", id))).await
    }
}
