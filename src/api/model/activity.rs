//! Programme activities and their sign-ups, as `public/openapi.yaml` describes them.

use serde::{Deserialize, Serialize};

use super::lenient;
pub use crate::domain::forms::{Answer, Answers, Question, QuestionGroup, QuestionKind, SignupForm};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    Festival,
    SummerCare,
    Training,
    #[default]
    #[serde(other)]
    Other,
}

impl ActivityKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Festival => "节日慰问",
            Self::SummerCare => "暑托班",
            Self::Training => "培训",
            Self::Other => "活动",
        }
    }
}

/// A programme activity workers (and their families) sign up for.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub kind: ActivityKind,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub organiser: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub starts_at: Option<String>,
    #[serde(default)]
    pub ends_at: Option<String>,
    #[serde(default)]
    pub deadline: Option<String>,
    #[serde(default)]
    pub seats: Option<u32>,
    #[serde(default)]
    pub seats_left: Option<u32>,
    /// A form the app cannot read is left out: the backend then says what it misses.
    #[serde(default, deserialize_with = "lenient")]
    pub form: Option<SignupForm>,
    #[serde(default, deserialize_with = "lenient")]
    pub my_signup: Option<Signup>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignupStatus {
    #[default]
    Confirmed,
    Cancelled,
    #[serde(other)]
    Unknown,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewSignup {
    pub answers: Answers,
    pub group: Vec<Answers>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Signup {
    pub id: String,
    #[serde(default)]
    pub activity_id: Option<String>,
    #[serde(default)]
    pub status: SignupStatus,
    #[serde(default)]
    pub answers: Answers,
    #[serde(default)]
    pub group: Vec<Answers>,
    #[serde(default)]
    pub created_at: Option<String>,
}

impl Signup {
    pub fn is_confirmed(&self) -> bool {
        self.status != SignupStatus::Cancelled
    }
}
