//! The endpoints of 礼遇尊崇 (honours, 先锋骑士团, 社区议事) and the programme's activities.

use super::{ApiClient, ApiError, ApiRequest, NoFields, Page};
use crate::{api::model::*, domain::url::item_path};

impl ApiClient {
    /// The programme in brief, from `GET /v1/site`, for 关于行动.
    pub async fn programme(&self) -> Result<Programme, ApiError> {
        self.get(ApiRequest::get("/v1/site")).await
    }

    /// Every honour, all pages followed.
    pub async fn honours(&self) -> Result<Page<Honour>, ApiError> {
        self.whole_list(ApiRequest::get("/v1/honours")).await
    }

    /// Everyone honoured, all pages followed (the roll is searched as a whole).
    pub async fn honourees(&self) -> Result<Page<Honouree>, ApiError> {
        self.whole_list(ApiRequest::get("/v1/honourees")).await
    }

    pub async fn honouree(&self, id: &str) -> Result<Honouree, ApiError> {
        self.get(ApiRequest::get(item_path("/v1/honourees", id))).await
    }

    /// 推荐身边的榜样; the same key always means the same nomination.
    pub async fn nominate(&self, nomination: &NewNomination, key: &str) -> Result<Nomination, ApiError> {
        self.post("/v1/nominations".into(), nomination, Some(key)).await
    }

    pub async fn nominations(&self) -> Result<Page<Nomination>, ApiError> {
        self.list(ApiRequest::get("/v1/nominations")).await
    }

    /// Every member, all pages followed.
    pub async fn knights(&self) -> Result<Page<Knight>, ApiError> {
        self.whole_list(ApiRequest::get("/v1/knights")).await
    }

    /// 申请加入; the same key always means the same application.
    pub async fn apply_to_knights(
        &self,
        application: &NewKnightApplication,
        key: &str,
    ) -> Result<KnightApplication, ApiError> {
        self.post("/v1/knights/applications".into(), application, Some(key)).await
    }

    /// The worker's applications, newest first (the first page is enough to know the latest).
    pub async fn knight_applications(&self) -> Result<Page<KnightApplication>, ApiError> {
        self.list(ApiRequest::get("/v1/knights/applications")).await
    }

    pub async fn topics(&self, cursor: Option<&str>) -> Result<Page<Topic>, ApiError> {
        self.list(ApiRequest::get("/v1/topics").param("cursor", cursor)).await
    }

    pub async fn topic(&self, id: &str) -> Result<Topic, ApiError> {
        self.get(ApiRequest::get(item_path("/v1/topics", id))).await
    }

    /// Sends an opinion; the same key always means the same opinion.
    pub async fn send_opinion(&self, topic_id: &str, text: &str, key: &str) -> Result<Opinion, ApiError> {
        let path = item_path("/v1/topics", topic_id) + "/opinions";
        self.post(path, &NewOpinion { text: text.to_owned() }, Some(key)).await
    }

    pub async fn activities(&self, cursor: Option<&str>) -> Result<Page<Activity>, ApiError> {
        self.list(ApiRequest::get("/v1/activities").param("cursor", cursor)).await
    }

    pub async fn activity(&self, id: &str) -> Result<Activity, ApiError> {
        self.get(ApiRequest::get(item_path("/v1/activities", id))).await
    }

    /// Signs up; the same key always means the same sign-up.
    pub async fn sign_up(
        &self,
        activity_id: &str,
        signup: &NewSignup,
        key: &str,
    ) -> Result<Signup, ApiError> {
        let path = item_path("/v1/activities", activity_id) + "/signups";
        self.post(path, signup, Some(key)).await
    }

    /// Cancels a sign-up; cancelling twice changes nothing more.
    pub async fn cancel_signup(&self, signup_id: &str, key: &str) -> Result<Signup, ApiError> {
        let path = item_path("/v1/signups", signup_id) + "/cancel";
        self.post(path, &NoFields {}, Some(key)).await
    }
}
