//! Sign-up forms the backend defines: typed questions, asked once or for each
//! member of a group (each child of a 暑托班 sign-up), checked on the phone
//! with the same rules the backend applies, so a new activity needs no release.

use std::collections::BTreeMap;

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// A text answer's length when the question does not say.
pub const DEFAULT_MAX_LENGTH: usize = 100;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    #[default]
    Text,
    Number,
    Choice,
    Phone,
    /// A type this app does not know yet: asked as text, the backend judges it.
    #[serde(other)]
    Unknown,
}

fn yes() -> bool {
    true
}

/// One typed question of a sign-up form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub label: String,
    #[serde(default, rename = "type")]
    pub kind: QuestionKind,
    #[serde(default = "yes")]
    pub required: bool,
    #[serde(default)]
    pub hint: Option<String>,
    #[serde(default)]
    pub max_length: Option<u32>,
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    #[serde(default)]
    pub options: Vec<String>,
}

/// Questions asked for each member of a group, between `min` and `max` members.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuestionGroup {
    pub noun: String,
    #[serde(default = "one")]
    pub min: u32,
    #[serde(default = "one")]
    pub max: u32,
    #[serde(default)]
    pub questions: Vec<Question>,
}

fn one() -> u32 {
    1
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignupForm {
    pub questions: Vec<Question>,
    pub group: Option<QuestionGroup>,
}

/// Answers as sent: by question id, a string or an integer.
pub type Answers = BTreeMap<String, Answer>;
/// Answers as typed on the phone, by question id.
pub type Typed = BTreeMap<String, String>;

/// A form as it is being filled in: the answers asked once and, for a
/// group, one set per member. Kept on the phone as a draft.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FormDraft {
    pub answers: Typed,
    pub members: Vec<Typed>,
}

impl FormDraft {
    /// A fresh draft for `form`: as many empty members as its group asks for at least.
    pub fn for_form(form: &SignupForm) -> Self {
        let members = form.group.as_ref().map_or(0, |group| group.min.max(1) as usize);
        Self { answers: Typed::new(), members: vec![Typed::new(); members] }
    }

    /// Whether nothing has been typed yet.
    pub fn is_blank(&self) -> bool {
        let blank = |typed: &Typed| typed.values().all(|value| value.trim().is_empty());
        blank(&self.answers) && self.members.iter().all(blank)
    }
}

/// A text's length as a person counts it: one per character, whatever the
/// script; surrounding blanks do not count.
pub fn char_count(text: &str) -> usize {
    text.trim().chars().count()
}

/// "已写 12 字，还能写 488 字" and its over-the-limit form.
pub fn count_label(text: &str, max: usize) -> String {
    let used = char_count(text);
    if used > max {
        format!("已写 {used} 字，超出 {} 字", used - max)
    } else {
        format!("已写 {used} 字，还能写 {} 字", max - used)
    }
}

/// What is wrong with one answer: which member (for group questions), which question, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub member: Option<usize>,
    pub question: String,
    pub message: String,
}

impl Question {
    fn max_chars(&self) -> usize {
        self.max_length.map_or(DEFAULT_MAX_LENGTH, |n| n as usize)
    }

    /// Checks what was typed; `Ok(None)` for an optional question left empty.
    pub fn check(&self, typed: &str) -> Result<Option<Answer>, String> {
        let typed = typed.trim();
        let label = &self.label;
        if typed.is_empty() {
            return match (self.required, self.kind) {
                (false, _) => Ok(None),
                (true, QuestionKind::Choice) => Err(format!("请选择{label}")),
                (true, _) => Err(format!("请填写{label}")),
            };
        }
        match self.kind {
            QuestionKind::Text | QuestionKind::Unknown => {
                let max = self.max_chars();
                if typed.chars().count() > max {
                    return Err(format!("{label}最多 {max} 个字"));
                }
                Ok(Some(Answer::Text(typed.to_owned())))
            }
            QuestionKind::Number => {
                let Ok(number) = typed.parse::<i64>() else { return Err(format!("{label}请填整数")) };
                let (min, max) = (self.min.unwrap_or(i64::MIN), self.max.unwrap_or(i64::MAX));
                if number < min || number > max {
                    return Err(match (self.min, self.max) {
                        (Some(min), Some(max)) => format!("{label}应在 {min} 到 {max} 之间"),
                        (Some(min), None) => format!("{label}不能小于 {min}"),
                        _ => format!("{label}不能大于 {max}"),
                    });
                }
                Ok(Some(Answer::Number(number)))
            }
            QuestionKind::Choice => match self.options.iter().any(|option| option == typed) {
                true => Ok(Some(Answer::Text(typed.to_owned()))),
                false => Err(format!("请选择{label}")),
            },
            QuestionKind::Phone => {
                let digits: String = typed.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
                let mobile = digits.len() == 11
                    && digits.starts_with('1')
                    && digits.bytes().all(|b| b.is_ascii_digit());
                match mobile {
                    true => Ok(Some(Answer::Text(digits))),
                    false => Err(format!("{label}应是 11 位手机号")),
                }
            }
        }
    }
}

/// One answer as sent: the text given, or a whole number. What else a
/// backend may keep in a sign-up (a fraction, a list) is `Other`: read, so
/// the rest of the sign-up still shows, and shown as nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Text(String),
    Number(i64),
    Other,
}

impl Answer {
    /// A text answer's text.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Answer::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The answer as the text it would have been typed as; `None` for `Other`.
    pub fn as_typed(&self) -> Option<String> {
        match self {
            Answer::Text(text) => Some(text.clone()),
            Answer::Number(number) => Some(number.to_string()),
            Answer::Other => None,
        }
    }
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Text(text) => serializer.serialize_str(text),
            Answer::Number(number) => serializer.serialize_i64(*number),
            Answer::Other => serializer.serialize_unit(),
        }
    }
}

// By hand rather than `untagged`, which buffers every answer in serde's
// generic content tree before trying each variant.
impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AnswerVisitor)
    }
}

struct AnswerVisitor;

impl<'de> de::Visitor<'de> for AnswerVisitor {
    type Value = Answer;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("an answer")
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<Answer, E> {
        Ok(Answer::Text(text.to_owned()))
    }
    fn visit_i64<E: de::Error>(self, number: i64) -> Result<Answer, E> {
        Ok(Answer::Number(number))
    }
    fn visit_u64<E: de::Error>(self, number: u64) -> Result<Answer, E> {
        Ok(i64::try_from(number).map_or(Answer::Other, Answer::Number))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Answer, E> {
        Ok(Answer::Other)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Answer, E> {
        Ok(Answer::Other)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Answer, E> {
        Ok(Answer::Other)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Answer, A::Error> {
        de::IgnoredAny.visit_seq(seq).map(|_| Answer::Other)
    }
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Answer, A::Error> {
        de::IgnoredAny.visit_map(map).map(|_| Answer::Other)
    }
}

fn check_all(
    questions: &[Question],
    typed: &Typed,
    member: Option<usize>,
    problems: &mut Vec<FieldProblem>,
) -> Answers {
    let mut answers = Answers::new();
    for question in questions {
        let text = typed.get(&question.id).map_or("", String::as_str);
        match question.check(text) {
            Ok(Some(value)) => {
                answers.insert(question.id.clone(), value);
            }
            Ok(None) => {}
            Err(message) => problems.push(FieldProblem { member, question: question.id.clone(), message }),
        }
    }
    answers
}

impl SignupForm {
    /// Checks a whole sign-up: the answers asked once and those of each group
    /// member. Every problem is returned, so that each field can say its own.
    pub fn check(
        &self,
        typed: &Typed,
        members: &[Typed],
    ) -> Result<(Answers, Vec<Answers>), Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let answers = check_all(&self.questions, typed, None, &mut problems);
        let mut group = Vec::new();
        if let Some(spec) = &self.group {
            let count = members.len() as u32;
            if count < spec.min || count > spec.max {
                let message = match count < spec.min {
                    true => format!("至少填写 {} 个{}", spec.min, spec.noun),
                    false => format!("最多 {} 个{}", spec.max, spec.noun),
                };
                problems.push(FieldProblem { member: None, question: String::new(), message });
            }
            for (index, member) in members.iter().enumerate() {
                group.push(check_all(&spec.questions, member, Some(index), &mut problems));
            }
        }
        if problems.is_empty() {
            Ok((answers, group))
        } else {
            Err(problems)
        }
    }

    /// Checks a draft, as [`SignupForm::check`] does.
    pub fn check_draft(&self, draft: &FormDraft) -> Result<(Answers, Vec<Answers>), Vec<FieldProblem>> {
        self.check(&draft.answers, &draft.members)
    }

    /// Seats a sign-up with `members` group members takes: one per member, or one.
    pub fn seats_for(&self, members: usize) -> u32 {
        if self.group.is_some() {
            members as u32
        } else {
            1
        }
    }

    /// A problem in words that need no form beside them: "第 2 个孩子的年龄…".
    pub fn describe(&self, problem: &FieldProblem) -> String {
        match (problem.member, &self.group) {
            (Some(index), Some(group)) => format!("第 {} 个{}的{}", index + 1, group.noun, problem.message),
            _ => problem.message.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(kind: QuestionKind) -> Question {
        Question { id: "q".into(), label: "年龄".into(), kind, required: true, ..Question::default() }
    }

    fn typed(pairs: &[(&str, &str)]) -> Typed {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn summer_care() -> SignupForm {
        serde_json::from_value(serde_json::json!({
            "questions": [{ "id": "guardian_phone", "label": "监护人手机号", "type": "phone" }],
            "group": { "noun": "孩子", "min": 1, "max": 3, "questions": [
                { "id": "name", "label": "姓名", "type": "text", "max_length": 20 },
                { "id": "age", "label": "年龄", "type": "number", "min": 3, "max": 14 },
                { "id": "school", "label": "学校或年级", "required": false }
            ]}
        }))
        .unwrap()
    }

    #[test]
    fn numbers_are_whole_and_within_their_range() {
        let age = Question { min: Some(3), max: Some(14), ..question(QuestionKind::Number) };
        assert_eq!(age.check(" 8 "), Ok(Some(Answer::Number(8))));
        assert_eq!(age.check("3"), Ok(Some(Answer::Number(3))));
        assert_eq!(age.check("14"), Ok(Some(Answer::Number(14))));
        assert_eq!(age.check("2"), Err("年龄应在 3 到 14 之间".into()));
        assert_eq!(age.check("15"), Err("年龄应在 3 到 14 之间".into()));
        assert_eq!(age.check("八"), Err("年龄请填整数".into()));
        assert_eq!(age.check("7.5"), Err("年龄请填整数".into()));
        assert_eq!(age.check(""), Err("请填写年龄".into()));
    }

    #[test]
    fn text_is_trimmed_and_counted_in_characters() {
        let name = Question { label: "姓名".into(), max_length: Some(4), ..question(QuestionKind::Text) };
        assert_eq!(name.check("  小雨 "), Ok(Some(Answer::Text("小雨".into()))));
        assert_eq!(
            name.check("欧阳小雨"),
            Ok(Some(Answer::Text("欧阳小雨".into()))),
            "4 characters, 12 bytes"
        );
        assert_eq!(name.check("欧阳小雨儿"), Err("姓名最多 4 个字".into()));
        let default = question(QuestionKind::Text);
        assert!(default.check(&"字".repeat(DEFAULT_MAX_LENGTH)).is_ok());
        assert!(default.check(&"字".repeat(DEFAULT_MAX_LENGTH + 1)).is_err());
    }

    #[test]
    fn choices_phones_and_optional_questions() {
        let meal = Question {
            label: "用餐".into(),
            options: vec!["普通餐".into(), "素食".into()],
            ..question(QuestionKind::Choice)
        };
        assert_eq!(meal.check("素食"), Ok(Some(Answer::Text("素食".into()))));
        assert_eq!(meal.check("火锅"), Err("请选择用餐".into()));
        assert_eq!(meal.check(""), Err("请选择用餐".into()));
        let phone = Question { label: "手机号".into(), ..question(QuestionKind::Phone) };
        assert_eq!(phone.check("138 0000-0000"), Ok(Some(Answer::Text("13800000000".into()))));
        assert_eq!(phone.check("23800000000"), Err("手机号应是 11 位手机号".into()));
        assert_eq!(phone.check("1380000000"), Err("手机号应是 11 位手机号".into()));
        let optional = Question { required: false, ..question(QuestionKind::Number) };
        assert_eq!(optional.check("  "), Ok(None));
        let unknown: Question =
            serde_json::from_value(serde_json::json!({ "id": "x", "label": "其他", "type": "date" }))
                .unwrap();
        assert_eq!((unknown.kind, unknown.required), (QuestionKind::Unknown, true));
        assert_eq!(unknown.check("下周"), Ok(Some(Answer::Text("下周".into()))), "asked as text");
    }

    #[test]
    fn a_summer_care_sign_up_checks_every_child() {
        let form = summer_care();
        let phone = typed(&[("guardian_phone", "13800000000")]);
        let children = [
            typed(&[("name", "小雨"), ("age", "8"), ("school", "三年级")]),
            typed(&[("name", "小山"), ("age", "5")]),
        ];
        let (answers, group) = form.check(&phone, &children).expect("two valid children");
        assert_eq!(answers["guardian_phone"], Answer::Text("13800000000".into()));
        assert_eq!(group.len(), 2);
        assert_eq!(group[1].get("school"), None, "an optional answer left empty is left out");
        assert_eq!(form.seats_for(group.len()), 2);

        let too_old = [children[0].clone(), typed(&[("name", "小山"), ("age", "15")])];
        let problems = form.check(&phone, &too_old).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].member, Some(1));
        assert_eq!(form.describe(&problems[0]), "第 2 个孩子的年龄应在 3 到 14 之间");
    }

    #[test]
    fn the_group_has_its_bounds() {
        let form = summer_care();
        let phone = typed(&[("guardian_phone", "13800000000")]);
        let child = typed(&[("name", "小雨"), ("age", "8")]);
        let none = form.check(&phone, &[]).unwrap_err();
        assert_eq!(form.describe(&none[0]), "至少填写 1 个孩子");
        let four = vec![child; 4];
        assert_eq!(form.check(&phone, &four).unwrap_err()[0].message, "最多 3 个孩子");
        let missing_phone = form.check(&Typed::new(), &four[..1]).unwrap_err();
        assert_eq!((missing_phone[0].member, missing_phone[0].question.as_str()), (None, "guardian_phone"));
    }

    #[test]
    fn a_fresh_draft_has_room_for_the_fewest_members() {
        let draft = FormDraft::for_form(&summer_care());
        assert_eq!(draft.members.len(), 1);
        assert!(draft.is_blank());
        let typed_once = FormDraft { answers: typed(&[("guardian_phone", " 1")]), ..draft };
        assert!(!typed_once.is_blank());
        assert_eq!(FormDraft::for_form(&SignupForm::default()).members.len(), 0);
    }

    #[test]
    fn counts_are_in_characters_without_surrounding_blanks() {
        assert_eq!(count_label(" 井盖松动 ", 500), "已写 4 字，还能写 496 字");
        assert_eq!(count_label(&"长".repeat(502), 500), "已写 502 字，超出 2 字");
    }

    #[test]
    fn sent_answers_read_back_as_typed_and_odd_ones_as_nothing() {
        let sent = r#"{"age": 8, "name": "小雨", "big": 18446744073709551615, "height": 1.2,
            "list": ["a", {"b": 1}], "map": {"c": [2]}, "yes": true, "none": null}"#;
        let answers: Answers = serde_json::from_str(sent).expect("every answer is read");
        let typed = |id: &str| answers[id].as_typed();
        assert_eq!(typed("age"), Some("8".into()));
        assert_eq!(typed("name"), Some("小雨".into()));
        for odd in ["big", "height", "list", "map", "yes", "none"] {
            assert_eq!(answers[odd], Answer::Other, "{odd}");
        }
    }

    #[test]
    fn answers_are_sent_as_strings_and_integers() {
        let answers =
            Answers::from([("age".into(), Answer::Number(-3)), ("name".into(), Answer::Text("小雨".into()))]);
        assert_eq!(serde_json::to_string(&answers).unwrap(), r#"{"age":-3,"name":"小雨"}"#);
    }
}
