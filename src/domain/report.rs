//! A hazard report (随手拍) as the worker writes it: the draft, what it needs
//! before it can be sent, and how large its photos may be.

use serde::{Deserialize, Serialize};

use super::geo::{distance_m, GeoPoint};
use crate::api::model::Station;

/// The categories a worker chooses from, in the order they are offered.
pub const CATEGORIES: [&str; 6] = ["道路隐患", "消防隐患", "用电隐患", "设施损坏", "诈骗线索", "其他"];

/// At most this many photos per report.
pub const MAX_PHOTOS: usize = 3;
/// The description's limit, in characters as a person counts them (一 = 1, a = 1).
pub const MAX_TEXT_CHARS: usize = 500;
/// A description shorter than this says too little to act on.
pub const MIN_TEXT_CHARS: usize = 5;
/// A typed address is cut here: the backend need not store a novel.
pub const MAX_ADDRESS_CHARS: usize = 100;

/// A photo's longest side after shrinking, in pixels.
pub const PHOTO_MAX_SIDE: u32 = 1600;
/// What a shrunk photo may weigh at most, in bytes (about 400 KB).
pub const PHOTO_MAX_BYTES: usize = 400 * 1024;

/// One photo of a draft, already shrunk; its bytes are stored beside the draft under `id`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DraftPhoto {
    /// Local id of the stored bytes (not the backend's upload id).
    pub id: String,
    pub width: u32,
    pub height: u32,
    pub bytes: usize,
}

/// A report being written. Saved as it is typed, so nothing is lost to a reload.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportDraft {
    pub category: String,
    pub text: String,
    pub photos: Vec<DraftPhoto>,
    /// Where the hazard is (GCJ-02), when the worker let the phone tell.
    pub location: Option<GeoPoint>,
    /// Where the hazard is, in words.
    pub address: String,
    /// The town (镇 / 街道), suggested from the nearest station or chosen.
    pub town: String,
    /// The worker's name is not shown to the public.
    pub anonymous: bool,
}

/// What keeps a draft from being sent; each is said next to its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftProblem {
    NoCategory,
    TextTooShort,
    TextTooLong,
    NoPlace,
    TooManyPhotos,
}

impl DraftProblem {
    pub fn user_message(self) -> &'static str {
        match self {
            DraftProblem::NoCategory => "请选择隐患类别。",
            DraftProblem::TextTooShort => "请写几句话说明隐患（至少 5 个字）。",
            DraftProblem::TextTooLong => "描述太长了，请删减到 500 字以内。",
            DraftProblem::NoPlace => "请使用我的位置，或填写隐患所在的地址。",
            DraftProblem::TooManyPhotos => "最多 3 张照片。",
        }
    }
}

impl ReportDraft {
    /// Whether the worker has put anything in it at all.
    pub fn is_empty(&self) -> bool {
        self.category.is_empty()
            && self.text.trim().is_empty()
            && self.photos.is_empty()
            && self.location.is_none()
            && self.address.trim().is_empty()
            && self.town.is_empty()
            && !self.anonymous
    }

    /// Everything that must change before the draft can be sent, in form order.
    pub fn problems(&self) -> Vec<DraftProblem> {
        let mut problems = Vec::new();
        if !CATEGORIES.contains(&self.category.as_str()) {
            problems.push(DraftProblem::NoCategory);
        }
        let length = char_count(&self.text);
        if length < MIN_TEXT_CHARS {
            problems.push(DraftProblem::TextTooShort);
        } else if length > MAX_TEXT_CHARS {
            problems.push(DraftProblem::TextTooLong);
        }
        if self.location.is_none() && self.address.trim().is_empty() {
            problems.push(DraftProblem::NoPlace);
        }
        if self.photos.len() > MAX_PHOTOS {
            problems.push(DraftProblem::TooManyPhotos);
        }
        problems
    }

    /// The typed address, trimmed and cut to its limit.
    pub fn clean_address(&self) -> String {
        self.address.trim().chars().take(MAX_ADDRESS_CHARS).collect()
    }
}

pub use super::forms::char_count;

/// "已写 12 字，还能写 488 字" and its over-the-limit form.
pub fn char_count_label(text: &str) -> String {
    super::forms::count_label(text, MAX_TEXT_CHARS)
}

/// The size a photo of `width` × `height` is drawn at: the long side at most
/// `max_side`, the proportions kept, never enlarged, never below 1 pixel.
pub fn fit_within(width: u32, height: u32, max_side: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= max_side || long == 0 {
        return (width.max(1), height.max(1));
    }
    let scale = f64::from(max_side) / f64::from(long);
    let side = |n: u32| ((f64::from(n) * scale).round() as u32).clamp(1, max_side);
    (side(width), side(height))
}

/// One way to encode a shrunk photo: its size and JPEG quality.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Encoding {
    pub width: u32,
    pub height: u32,
    pub quality: f64,
}

/// JPEG qualities tried in turn before the picture is made smaller.
const QUALITIES: [f64; 3] = [0.82, 0.7, 0.55];
/// Each further step shrinks the sides by this much.
const STEP_SCALE: f64 = 0.75;
/// Below this long side a photo shows too little: the last step stops here.
const MIN_LONG_SIDE: u32 = 480;

/// The first encoding of a photo of `width` × `height` (as oriented for viewing).
pub fn first_encoding(width: u32, height: u32) -> Encoding {
    let (width, height) = fit_within(width, height, PHOTO_MAX_SIDE);
    Encoding { width, height, quality: QUALITIES[0] }
}

/// What to try after `tried` came out at `bytes`: `None` when it is small
/// enough, or when nothing smaller is worth trying (the caller keeps the last).
pub fn next_encoding(tried: Encoding, bytes: usize) -> Option<Encoding> {
    if bytes <= PHOTO_MAX_BYTES {
        return None;
    }
    if let Some(quality) = QUALITIES.iter().copied().find(|q| *q < tried.quality) {
        return Some(Encoding { quality, ..tried });
    }
    let long = tried.width.max(tried.height);
    if long <= MIN_LONG_SIDE {
        return None;
    }
    let target = ((f64::from(long) * STEP_SCALE).round() as u32).max(MIN_LONG_SIDE);
    let (width, height) = fit_within(tried.width, tried.height, target);
    Some(Encoding { width, height, quality: QUALITIES[1] })
}

/// The town of the station nearest to `here` (both GCJ-02), if any has a place and a town.
pub fn nearest_town(stations: &[Station], here: GeoPoint) -> Option<String> {
    stations
        .iter()
        .filter(|s| !s.town.trim().is_empty())
        .filter_map(|s| s.location.map(|at| (distance_m(here, at), s)))
        .filter(|(distance, _)| distance.is_finite())
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, s)| s.town.trim().to_owned())
}

/// "312 KB" or "1.4 MB", as a photo's size is shown.
pub fn bytes_label(bytes: usize) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{} MB", super::decimal::fixed(bytes as f64 / (1024.0 * 1024.0), 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> ReportDraft {
        ReportDraft {
            category: "道路隐患".into(),
            text: "路口井盖松动，电动车容易侧滑。".into(),
            address: "桃花源大道与民族路路口".into(),
            ..ReportDraft::default()
        }
    }

    #[test]
    fn a_complete_draft_has_no_problems() {
        assert_eq!(complete().problems(), vec![]);
        let located = ReportDraft {
            address: String::new(),
            location: Some(GeoPoint { lat: 28.8, lng: 108.7 }),
            ..complete()
        };
        assert_eq!(located.problems(), vec![]);
    }

    #[test]
    fn each_missing_part_is_named_in_form_order() {
        assert_eq!(
            ReportDraft::default().problems(),
            vec![DraftProblem::NoCategory, DraftProblem::TextTooShort, DraftProblem::NoPlace]
        );
        let unknown = ReportDraft { category: "<script>".into(), ..complete() };
        assert_eq!(unknown.problems(), vec![DraftProblem::NoCategory]);
        let blank_address = ReportDraft { address: " \u{3000} ".into(), ..complete() };
        assert_eq!(blank_address.problems(), vec![DraftProblem::NoPlace]);
        let four = ReportDraft { photos: vec![DraftPhoto::default(); 4], ..complete() };
        assert_eq!(four.problems(), vec![DraftProblem::TooManyPhotos]);
    }

    #[test]
    fn characters_are_counted_as_a_person_counts_them() {
        assert_eq!(char_count("井盖松动"), 4);
        assert_eq!(char_count("  ab 井\n"), 4);
        assert_eq!(char_count("👍🏽"), 2, "a skin-toned emoji is two code points");
        assert_eq!(char_count_label("井盖松动"), "已写 4 字，还能写 496 字");
        let long = "字".repeat(MAX_TEXT_CHARS + 3);
        assert_eq!(char_count_label(&long), "已写 503 字，超出 3 字");
        let too_long = ReportDraft { text: long, ..complete() };
        assert_eq!(too_long.problems(), vec![DraftProblem::TextTooLong]);
        let at_limit = ReportDraft { text: "字".repeat(MAX_TEXT_CHARS), ..complete() };
        assert_eq!(at_limit.problems(), vec![]);
        let short = ReportDraft { text: "  坑  ".into(), ..complete() };
        assert_eq!(short.problems(), vec![DraftProblem::TextTooShort]);
    }

    #[test]
    fn an_untouched_draft_is_empty_and_any_choice_is_not() {
        assert!(ReportDraft::default().is_empty());
        assert!(ReportDraft { text: "  ".into(), ..ReportDraft::default() }.is_empty());
        assert!(!ReportDraft { anonymous: true, ..ReportDraft::default() }.is_empty());
        assert!(!ReportDraft { category: "其他".into(), ..ReportDraft::default() }.is_empty());
    }

    #[test]
    fn addresses_are_trimmed_and_cut() {
        let long = ReportDraft { address: format!(" {} ", "路".repeat(300)), ..complete() };
        assert_eq!(long.clean_address().chars().count(), MAX_ADDRESS_CHARS);
    }

    #[test]
    fn photos_fit_the_long_side_and_keep_their_shape() {
        assert_eq!(fit_within(4000, 3000, 1600), (1600, 1200));
        assert_eq!(fit_within(3000, 4000, 1600), (1200, 1600));
        assert_eq!(fit_within(1200, 900, 1600), (1200, 900), "never enlarged");
        assert_eq!(fit_within(16000, 10, 1600), (1600, 1), "never below one pixel");
        assert_eq!(fit_within(0, 0, 1600), (1, 1));
        assert_eq!(fit_within(4032, 3024, 1600), (1600, 1200));
    }

    #[test]
    fn encodings_step_down_in_quality_then_in_size_until_small_enough() {
        let first = first_encoding(4000, 3000);
        assert_eq!((first.width, first.height), (1600, 1200));
        assert_eq!(next_encoding(first, PHOTO_MAX_BYTES), None, "small enough at once");

        let mut tried = first;
        let mut steps = 0;
        // A photo that never gets small enough: the ladder still ends.
        while let Some(next) = next_encoding(tried, usize::MAX) {
            let (long, before) = (next.width.max(next.height), tried.width.max(tried.height));
            assert!(next.quality < tried.quality || long < before, "{tried:?} → {next:?}");
            assert!(long >= MIN_LONG_SIDE);
            tried = next;
            steps += 1;
            assert!(steps < 20);
        }
        assert_eq!(tried.width.max(tried.height), MIN_LONG_SIDE);
        assert!(steps >= 3);
    }

    #[test]
    fn the_nearest_station_with_a_town_names_the_town() {
        let station = |town: &str, lat: f64| Station {
            id: town.into(),
            name: town.into(),
            town: town.into(),
            location: Some(GeoPoint { lat, lng: 108.77 }),
            ..Station::default()
        };
        let stations = vec![
            station("龙潭镇", 28.95),
            station("桃花源街道", 28.84),
            station("", 28.841),
            station("钟多街道", 28.86),
        ];
        assert_eq!(
            nearest_town(&stations, GeoPoint { lat: 28.8405, lng: 108.77 }).as_deref(),
            Some("桃花源街道")
        );
        assert_eq!(nearest_town(&stations, GeoPoint { lat: 29.5, lng: 108.77 }).as_deref(), Some("龙潭镇"));
        let nowhere = Station { location: None, ..station("x", 0.0) };
        assert_eq!(nearest_town(&[nowhere], GeoPoint { lat: 28.84, lng: 108.77 }), None);
        assert_eq!(nearest_town(&[], GeoPoint::default()), None);
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(bytes_label(312 * 1024), "312 KB");
        assert_eq!(bytes_label(1), "1 KB");
        assert_eq!(bytes_label(12 * 1024 * 1024 + 400 * 1024), "12.4 MB");
    }
}
