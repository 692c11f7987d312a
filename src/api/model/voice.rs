//! 礼遇尊崇: honours, 先锋骑士团 and 社区议事, as `public/openapi.yaml` describes them.

use serde::{Deserialize, Serialize};

use super::{lenient, lenient_vec, Answer, Answers, Image};

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

impl NewKnightApplication {
    /// The application from the checked answers of its form
    /// (`domain::voice::application_form`); `None` if one is missing or of another kind.
    pub fn from_answers(answers: &Answers) -> Option<Self> {
        let text = |id: &str| match answers.get(id)? {
            Answer::Text(text) => Some(text.clone()),
            _ => None,
        };
        let years = match answers.get("years")? {
            Answer::Number(years) => u8::try_from(*years).ok()?,
            _ => return None,
        };
        Some(Self {
            occupation: text("occupation")?,
            employer: text("employer"),
            years,
            town: text("town")?,
            reason: text("reason")?,
        })
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{forms::FormDraft, voice::application_form};

    fn checked(pairs: &[(&str, &str)]) -> Answers {
        let draft = FormDraft {
            answers: pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            members: vec![],
        };
        application_form().check_draft(&draft).expect("a valid application").0
    }

    #[test]
    fn an_application_is_made_of_its_forms_answers() {
        let answers = checked(&[
            ("occupation", "外卖骑手"),
            ("years", " 3 "),
            ("town", "钟多街道"),
            ("reason", "想说说停车点"),
        ]);
        let application = NewKnightApplication::from_answers(&answers).expect("complete");
        assert_eq!(
            application,
            NewKnightApplication {
                occupation: "外卖骑手".into(),
                employer: None,
                years: 3,
                town: "钟多街道".into(),
                reason: "想说说停车点".into(),
            }
        );
        let with_employer = checked(&[
            ("occupation", "快递员"),
            ("employer", "某快递"),
            ("years", "0"),
            ("town", "龙潭镇"),
            ("reason", "带动同行"),
        ]);
        let application = NewKnightApplication::from_answers(&with_employer).expect("complete");
        assert_eq!(application.employer.as_deref(), Some("某快递"));
    }

    #[test]
    fn an_application_missing_an_answer_or_of_the_wrong_kind_is_not_made() {
        let mut answers = checked(&[
            ("occupation", "网约车司机"),
            ("years", "12"),
            ("town", "钟多街道"),
            ("reason", "议事"),
        ]);
        answers.insert("years".into(), Answer::Text("12".into()));
        assert_eq!(NewKnightApplication::from_answers(&answers), None);
        answers.insert("years".into(), Answer::Number(300));
        assert_eq!(NewKnightApplication::from_answers(&answers), None, "more years than a u8 holds");
        answers.remove("years");
        assert_eq!(NewKnightApplication::from_answers(&answers), None);
    }
}
