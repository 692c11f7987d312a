//! The fixed forms of 礼遇尊崇 — a nomination, an application to 先锋骑士团,
//! an opinion — as typed questions, so they are checked and shown like any
//! activity's sign-up form, with the limits the contract sets.

use super::{
    forms::{Question, QuestionKind, SignupForm},
    time::ChinaTime,
};

/// The longest nomination story, application reason and opinion.
pub const MAX_STORY_CHARS: u32 = 500;

fn text(id: &str, label: &str, max: u32) -> Question {
    Question {
        id: id.into(),
        label: label.into(),
        kind: QuestionKind::Text,
        required: true,
        max_length: Some(max),
        ..Question::default()
    }
}

fn optional(question: Question) -> Question {
    Question { required: false, ..question }
}

fn hinted(question: Question, hint: &str) -> Question {
    Question { hint: Some(hint.into()), ..question }
}

/// 推荐身边的榜样; `honours` are the titles a nomination may propose.
pub fn nomination_form(honours: Vec<String>) -> SignupForm {
    let mut questions = vec![
        text("nominee", "被推荐人姓名", 40),
        hinted(text("occupation", "职业", 40), "例如：外卖骑手、快递员、网约车司机"),
        hinted(text("deed", "推荐理由和事迹", MAX_STORY_CHARS), "做了什么好事、帮了谁，越具体越好"),
        hinted(optional(text("contact", "联系方式", 60)), "被推荐人或你的电话，方便工作人员核实"),
    ];
    if !honours.is_empty() {
        let honour =
            Question {
                kind: QuestionKind::Choice, options: honours, ..text("honour", "推荐的荣誉", 40)
            };
        questions.insert(3, optional(honour));
    }
    SignupForm { questions, group: None }
}

/// 申请加入先锋骑士团.
pub fn application_form() -> SignupForm {
    let years = Question {
        kind: QuestionKind::Number,
        min: Some(0),
        max: Some(50),
        max_length: None,
        ..text("years", "从业年限（年）", 0)
    };
    SignupForm {
        questions: vec![
            hinted(text("occupation", "职业", 40), "例如：外卖骑手、快递员、网约车司机"),
            optional(text("employer", "平台或单位", 40)),
            years,
            hinted(text("town", "所在乡镇或街道", 40), "例如：钟多街道、龙潭镇"),
            hinted(text("reason", "为什么想加入", MAX_STORY_CHARS), "想在议事会上说说哪些事"),
        ],
        group: None,
    }
}

/// An opinion on a topic of 社区议事.
pub fn opinion_form() -> SignupForm {
    SignupForm { questions: vec![text("text", "你的意见", MAX_STORY_CHARS)], group: None }
}

/// Whether a topic still takes opinions: not closed by the backend, and its
/// closing time (when readable) not passed.
pub fn takes_opinions(closed: bool, closes_at: Option<&str>, now: &ChinaTime) -> bool {
    let passed =
        closes_at.and_then(ChinaTime::parse_rfc3339).is_some_and(|t| t.unix_millis < now.unix_millis);
    !closed && !passed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::forms::{Answer, FormDraft};

    fn draft(pairs: &[(&str, &str)]) -> FormDraft {
        FormDraft {
            answers: pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            members: vec![],
        }
    }

    #[test]
    fn a_nomination_needs_a_name_a_job_and_a_story() {
        let form = nomination_form(vec!["志愿者先锋".into()]);
        let problems = form.check_draft(&draft(&[("contact", "")])).unwrap_err();
        let which: Vec<&str> = problems.iter().map(|p| p.question.as_str()).collect();
        assert_eq!(which, ["nominee", "occupation", "deed"]);
        let (answers, _) = form
            .check_draft(&draft(&[
                ("nominee", "龚师傅"),
                ("occupation", "快递员"),
                ("deed", "送药上楼"),
                ("honour", "志愿者先锋"),
            ]))
            .unwrap();
        assert_eq!(answers.get("contact"), None);
        assert_eq!(answers["honour"].as_text(), Some("志愿者先锋"));
        let long = "好".repeat(MAX_STORY_CHARS as usize + 1);
        let problems = form
            .check_draft(&draft(&[("nominee", "龚"), ("occupation", "快递员"), ("deed", &long)]))
            .unwrap_err();
        assert_eq!(problems[0].message, "推荐理由和事迹最多 500 个字");
    }

    #[test]
    fn an_application_takes_whole_years_up_to_fifty() {
        let form = application_form();
        let base = [("occupation", "外卖骑手"), ("town", "龙潭镇"), ("reason", "想参加议事")];
        let with = |years: &str| {
            let mut pairs = base.to_vec();
            pairs.push(("years", years));
            form.check_draft(&draft(&pairs))
        };
        assert_eq!(with("3").unwrap().0["years"], Answer::Number(3));
        assert_eq!(with("0").unwrap().0["years"], Answer::Number(0));
        assert_eq!(with("51").unwrap_err()[0].message, "从业年限（年）应在 0 到 50 之间");
        assert_eq!(with("三").unwrap_err()[0].message, "从业年限（年）请填整数");
    }

    #[test]
    fn a_topic_closes_by_its_state_or_its_time() {
        let now = ChinaTime::parse_rfc3339("2026-12-15T18:01:00+08:00").unwrap();
        assert!(takes_opinions(false, Some("2026-12-15T18:02:00+08:00"), &now));
        assert!(!takes_opinions(false, Some("2026-12-15T18:00:00+08:00"), &now));
        assert!(!takes_opinions(true, Some("2027-01-01T00:00:00+08:00"), &now));
        assert!(takes_opinions(false, Some("年底"), &now), "an unreadable time leaves it to the backend");
    }

    #[test]
    fn an_opinion_is_one_to_five_hundred_characters() {
        let form = opinion_form();
        assert_eq!(form.check_draft(&draft(&[("text", "  ")])).unwrap_err()[0].message, "请填写你的意见");
        assert!(form.check_draft(&draft(&[("text", &"字".repeat(500))])).is_ok());
        assert!(form.check_draft(&draft(&[("text", &"字".repeat(501))])).is_err());
    }
}
