//! A worker's progress with online courses, kept on the phone; shown in the
//! catalogue and changed on a course's page.

use crate::{
    domain::courses::{Progress, ProgressBook},
    platform::storage,
};

/// Where the progress is kept in local storage.
const PROGRESS_KEY: &str = "course-progress";

pub fn load_progress() -> ProgressBook {
    storage::load(PROGRESS_KEY).unwrap_or_default()
}

/// Records a step and returns where the worker now stands with the course.
pub fn record_progress(course_id: &str, progress: Progress) -> Option<Progress> {
    let mut book = load_progress();
    book.record(course_id, progress);
    storage::save(PROGRESS_KEY, &book);
    book.get(course_id)
}
