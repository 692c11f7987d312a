//! 礼遇尊崇: honours, 先锋骑士团 and 社区议事, as `public/openapi.yaml` describes them.

use serde::{Deserialize, Serialize};

use super::{lenient, lenient_vec, Image};

/// An honour the programme awards (志愿者先锋, 党员先锋岗, 岗位标兵…).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Honour {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    /// What it is awarded for.
    #[serde(default, deserialize_with = "lenient_vec")]
    pub criteria: Vec<String>,
}

/// A person the programme honoured.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Honouree {
    pub id: String,
    pub name: String,
    /// The honour's id.
    #[serde(default)]
    pub honour: Option<String>,
    #[serde(default)]
    pub honour_title: Option<String>,
    #[serde(default)]
    pub year: Option<u16>,
    #[serde(default)]
    pub occupation: Option<String>,
    /// The platform or employer.
    #[serde(default)]
    pub employer: Option<String>,
    #[serde(default)]
    pub town: Option<String>,
    #[serde(default)]
    pub citation: String,
    #[serde(default, deserialize_with = "lenient")]
    pub photo: Option<Image>,
    /// Their story in 酉新向党, if there is one.
    #[serde(default)]
    pub story_id: Option<String>,
}

/// Where a nomination or an application stands: 已提交, 已入选 or 未入选.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    #[default]
    Submitted,
    Selected,
    NotSelected,
    #[serde(other)]
    Unknown,
}

impl ReviewStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Submitted => "已提交",
            Self::Selected => "已入选",
            Self::NotSelected => "未入选",
            Self::Unknown => "审核中",
        }
    }
}

/// 推荐身边的榜样, as the worker sends it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewNomination {
    pub nominee: String,
    pub occupation: String,
    pub deed: String,
    pub contact: Option<String>,
    pub honour: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Nomination {
    pub id: String,
    pub nominee: String,
    #[serde(default)]
    pub occupation: String,
    #[serde(default)]
    pub deed: String,
    #[serde(default)]
    pub honour: Option<String>,
    #[serde(default)]
    pub status: ReviewStatus,
    #[serde(default)]
    pub review_note: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
}

/// A member of 先锋骑士团.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Knight {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub occupation: Option<String>,
    #[serde(default)]
    pub employer: Option<String>,
    #[serde(default)]
    pub town: Option<String>,
    /// The year they joined.
    #[serde(default)]
    pub since: Option<u16>,
    /// What they take part in.
    #[serde(default)]
    pub duty: Option<String>,
}

/// 申请加入先锋骑士团, as the worker sends it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewKnightApplication {
    pub occupation: String,
    pub employer: Option<String>,
    pub years: u8,
    pub town: String,
    pub reason: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KnightApplication {
    pub id: String,
    #[serde(default)]
    pub status: ReviewStatus,
    #[serde(default)]
    pub review_note: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TopicState {
    #[default]
    Open,
    Closed,
    #[serde(other)]
    Unknown,
}

/// A question put to workers in a community consultation (社区议事).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub background: String,
    /// Who asks: a community committee, a department…
    #[serde(default)]
    pub asker: Option<String>,
    #[serde(default)]
    pub state: TopicState,
    #[serde(default)]
    pub closes_at: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub meeting: Option<Meeting>,
    /// 议事结果, once decided.
    #[serde(default)]
    pub outcome: Option<String>,
    #[serde(default)]
    pub opinion_count: Option<u32>,
    /// What the signed-in worker sent on it, newest first.
    #[serde(default, deserialize_with = "lenient_vec")]
    pub my_opinions: Vec<Opinion>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meeting {
    pub at: Option<String>,
    pub place: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewOpinion {
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Opinion {
    pub id: String,
    #[serde(default)]
    pub topic_id: Option<String>,
    pub text: String,
    #[serde(default)]
    pub created_at: Option<String>,
}
