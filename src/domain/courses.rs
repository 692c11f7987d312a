//! The course catalogue's rules: what can be signed up for, in what order
//! courses are listed, and a worker's own progress with online courses.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{search::matches_all, small_sort::sorted_by_key, time::ChinaTime};
use crate::api::model::{Course, CourseKind};

/// Whether a session or competition can be signed up for now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnrolState {
    /// Online courses need no sign-up.
    NotNeeded,
    /// It has started or is over.
    Past,
    Enrolled,
    Full,
    /// The sign-up deadline has passed.
    Closed,
    Open,
}

impl EnrolState {
    pub fn of(course: &Course, now: &ChinaTime) -> Self {
        let before_now = |time: &Option<String>| {
            time.as_deref()
                .and_then(ChinaTime::parse_rfc3339)
                .is_some_and(|t| t.unix_millis <= now.unix_millis)
        };
        match course.kind {
            CourseKind::Online | CourseKind::Unknown => EnrolState::NotNeeded,
            _ if course.enrolled => EnrolState::Enrolled,
            _ if before_now(&course.starts_at) => EnrolState::Past,
            _ if course.seats_left == Some(0) => EnrolState::Full,
            _ if before_now(&course.enrol_deadline) => EnrolState::Closed,
            _ => EnrolState::Open,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EnrolState::NotNeeded => "",
            EnrolState::Past => "已结束",
            EnrolState::Enrolled => "已报名",
            EnrolState::Full => "名额已满",
            EnrolState::Closed => "报名已截止",
            EnrolState::Open => "报名中",
        }
    }
}

/// What the worker asked the catalogue for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CourseFilter {
    pub kind: Option<CourseKind>,
    pub category: Option<String>,
    pub query: Vec<String>,
}

/// Filters, then orders: upcoming sessions soonest first, then online courses,
/// then past sessions, most recent first.
pub fn arrange_courses(courses: &[Course], filter: &CourseFilter, now: &ChinaTime) -> Vec<Course> {
    let found = courses
        .iter()
        .filter(|c| filter.kind.is_none_or(|k| c.kind == k))
        .filter(|c| filter.category.as_ref().is_none_or(|cat| &c.category == cat))
        .filter(|c| matches_all(&filter.query, &[&c.title, &c.summary, &c.provider, &c.category]))
        .cloned();
    let start = |c: &Course| c.starts_at.as_deref().and_then(ChinaTime::parse_rfc3339).map(|t| t.unix_millis);
    sorted_by_key(found, |c| match start(c) {
        Some(at) if at > now.unix_millis => (0, at),
        None => (1, 0),
        Some(at) => (2, -at),
    })
}

/// The catalogue's groups in order; a kind this app does not know comes last, as 其他.
pub const KIND_ORDER: [CourseKind; 4] =
    [CourseKind::Offline, CourseKind::Competition, CourseKind::Online, CourseKind::Unknown];

/// How each kind of course is named to workers.
pub fn kind_label(kind: CourseKind) -> &'static str {
    match kind {
        CourseKind::Online => "酉新共学 · 线上微课",
        CourseKind::Offline => "酉新学堂 · 线下培训",
        CourseKind::Competition => "技能竞赛",
        CourseKind::Unknown => "其他",
    }
}

/// Arranged courses in groups by kind, in [`KIND_ORDER`], without empty groups;
/// every course is in exactly one group.
pub fn group_by_kind(courses: &[Course]) -> Vec<(CourseKind, Vec<&Course>)> {
    KIND_ORDER
        .iter()
        .map(|kind| (*kind, courses.iter().filter(|c| c.kind == *kind).collect::<Vec<_>>()))
        .filter(|(_, members)| !members.is_empty())
        .collect()
}

/// How far a worker has got with an online course.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    Opened,
    Finished,
}

impl Progress {
    pub fn label(self) -> &'static str {
        match self {
            Progress::Opened => "学习中",
            Progress::Finished => "已学完",
        }
    }
}

/// Progress by course id, kept on the phone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct ProgressBook(pub BTreeMap<String, Progress>);

/// Reads entry by entry: one corrupt or unknown entry (an older or newer app,
/// a hand edit) is dropped on its own instead of failing the whole book, which
/// the next save would then overwrite with nothing.
impl<'de> Deserialize<'de> for ProgressBook {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let entries = BTreeMap::<String, Box<serde_json::value::RawValue>>::deserialize(deserializer)?;
        // Inserted one by one: collecting into a map would sort the entries
        // again, and bring a sort's code into the courses' download.
        let mut book = BTreeMap::new();
        for (id, value) in entries {
            if let Ok(progress) = serde_json::from_str(value.get()) {
                book.insert(id, progress);
            }
        }
        Ok(Self(book))
    }
}

impl ProgressBook {
    pub fn get(&self, course_id: &str) -> Option<Progress> {
        self.0.get(course_id).copied()
    }

    /// Opening a course never undoes having finished it.
    pub fn record(&mut self, course_id: &str, progress: Progress) {
        let entry = self.0.entry(course_id.to_owned()).or_insert(progress);
        if progress == Progress::Finished {
            *entry = Progress::Finished;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: &str = "2026-11-28T10:00:00+08:00";

    fn now() -> ChinaTime {
        ChinaTime::parse_rfc3339(NOW).unwrap()
    }

    fn session(id: &str, starts: &str, deadline: &str, seats_left: u32) -> Course {
        Course {
            id: id.into(),
            title: id.into(),
            kind: CourseKind::Offline,
            starts_at: Some(starts.into()),
            enrol_deadline: Some(deadline.into()),
            seats: Some(30),
            seats_left: Some(seats_left),
            ..Default::default()
        }
    }

    #[test]
    fn enrol_states_follow_seats_deadlines_and_dates() {
        let open = session("open", "2026-12-12T09:00:00+08:00", "2026-12-10T18:00:00+08:00", 5);
        assert_eq!(EnrolState::of(&open, &now()), EnrolState::Open);
        let full = session("full", "2026-12-12T09:00:00+08:00", "2026-12-10T18:00:00+08:00", 0);
        assert_eq!(EnrolState::of(&full, &now()), EnrolState::Full);
        let closed = session("closed", "2026-12-01T09:00:00+08:00", "2026-11-27T18:00:00+08:00", 5);
        assert_eq!(EnrolState::of(&closed, &now()), EnrolState::Closed);
        let past = session("past", "2026-11-01T09:00:00+08:00", "2026-10-27T18:00:00+08:00", 5);
        assert_eq!(EnrolState::of(&past, &now()), EnrolState::Past);
        let enrolled = Course { enrolled: true, ..open.clone() };
        assert_eq!(EnrolState::of(&enrolled, &now()), EnrolState::Enrolled);
        let online = Course { kind: CourseKind::Online, ..Default::default() };
        assert_eq!(EnrolState::of(&online, &now()), EnrolState::NotNeeded);
    }

    #[test]
    fn upcoming_first_then_online_then_past() {
        let courses = vec![
            session("past-old", "2026-10-01T09:00:00+08:00", "2026-09-27T18:00:00+08:00", 5),
            Course { id: "online".into(), kind: CourseKind::Online, ..Default::default() },
            session("later", "2027-01-09T09:00:00+08:00", "2027-01-06T18:00:00+08:00", 5),
            session("past-recent", "2026-11-25T19:00:00+08:00", "2026-11-24T18:00:00+08:00", 5),
            session("soon", "2026-12-12T09:00:00+08:00", "2026-12-10T18:00:00+08:00", 5),
        ];
        let order: Vec<String> =
            arrange_courses(&courses, &CourseFilter::default(), &now()).into_iter().map(|c| c.id).collect();
        assert_eq!(order, ["soon", "later", "online", "past-recent", "past-old"]);
    }

    #[test]
    fn filters_by_kind_category_and_words() {
        let mut first_aid = session("a", "2026-12-12T09:00:00+08:00", "2026-12-10T18:00:00+08:00", 5);
        first_aid.category = "应急救护".into();
        first_aid.title = "应急救护员取证班".into();
        let online = Course {
            id: "b".into(),
            title: "直播带货入门".into(),
            category: "电商运营".into(),
            ..Default::default()
        };
        let courses = vec![first_aid, online];
        let only = |filter: CourseFilter| -> Vec<String> {
            arrange_courses(&courses, &filter, &now()).into_iter().map(|c| c.id).collect()
        };
        assert_eq!(only(CourseFilter { kind: Some(CourseKind::Online), ..Default::default() }), ["b"]);
        assert_eq!(only(CourseFilter { category: Some("应急救护".into()), ..Default::default() }), ["a"]);
        assert_eq!(only(CourseFilter { query: vec!["直播".into()], ..Default::default() }), ["b"]);
    }

    #[test]
    fn a_course_of_an_unknown_kind_is_shown_under_other() {
        let courses = vec![
            Course { id: "webinar".into(), kind: CourseKind::Unknown, ..Default::default() },
            Course { id: "online".into(), kind: CourseKind::Online, ..Default::default() },
            session("session", "2026-12-12T09:00:00+08:00", "2026-12-10T18:00:00+08:00", 5),
        ];
        let groups = group_by_kind(&courses);
        let shown: Vec<(&str, Vec<&str>)> = groups
            .iter()
            .map(|(kind, members)| (kind_label(*kind), members.iter().map(|c| c.id.as_str()).collect()))
            .collect();
        assert_eq!(
            shown,
            [
                ("酉新学堂 · 线下培训", vec!["session"]),
                ("酉新共学 · 线上微课", vec!["online"]),
                ("其他", vec!["webinar"]),
            ]
        );
        assert_eq!(
            groups.iter().map(|(_, m)| m.len()).sum::<usize>(),
            courses.len(),
            "none counted but hidden"
        );
    }

    #[test]
    fn progress_only_moves_forward() {
        let mut book = ProgressBook::default();
        book.record("c1", Progress::Opened);
        assert_eq!(book.get("c1"), Some(Progress::Opened));
        book.record("c1", Progress::Finished);
        book.record("c1", Progress::Opened);
        assert_eq!(book.get("c1"), Some(Progress::Finished));
        assert_eq!(book.get("c2"), None);
        let json = serde_json::to_string(&book).unwrap();
        assert_eq!(json, r#"{"c1":"finished"}"#);
    }

    #[test]
    fn a_corrupt_entry_loses_only_itself() {
        let stored = r#"{"c1":"finished","c2":"watched","c3":null,"c4":{"x":1},"c5":"opened"}"#;
        let mut book: ProgressBook = serde_json::from_str(stored).unwrap();
        assert_eq!(book.get("c1"), Some(Progress::Finished));
        assert_eq!(book.get("c5"), Some(Progress::Opened));
        book.record("c6", Progress::Opened);
        let saved = serde_json::to_string(&book).unwrap();
        assert_eq!(saved, r#"{"c1":"finished","c5":"opened","c6":"opened"}"#);
    }
}
