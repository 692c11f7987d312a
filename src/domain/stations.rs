//! Finding a station: filters, open now, distance and the 15-minute circle.

use super::{
    facilities::facility_label,
    geo::{distance_m, EBIKE_15_MIN_M, WALK_15_MIN_M},
    hours::{state_at, OpenState},
    search::SearchIndex,
    small_sort::sorted_by,
    time::ChinaTime,
};
use crate::api::model::{GeoPoint, Station};

/// What the worker asked for; every part is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StationFilter {
    /// A facility code the station must have.
    pub facility: Option<String>,
    pub open_now: bool,
    /// Only the night 星空补给站.
    pub night: bool,
    /// Typed words, folded ([`super::search::query_words`]): each must be in
    /// the station's name, town, address, host or one of its facilities.
    pub words: Vec<String>,
}

/// A station as the list shows it: where it is in the list (not a copy: a
/// keystroke over a long list copies nothing), its state now and, if known,
/// how far.
#[derive(Clone, Debug, PartialEq)]
pub struct StationMatch {
    pub at: usize,
    pub open: OpenState,
    /// Metres from the worker (both in GCJ-02), when the position is known.
    pub distance_m: Option<f64>,
}

/// The stations of one answer, with what each is searched by, folded once
/// when the list arrives: a keystroke then only looks for its words.
pub struct StationFinder {
    stations: Vec<Station>,
    index: SearchIndex,
}

impl StationFinder {
    pub fn new(stations: Vec<Station>) -> Self {
        let index = SearchIndex::new(stations.iter().map(|s| {
            [s.name.as_str(), &s.town, &s.address, s.host.as_deref().unwrap_or_default()]
                .into_iter()
                .chain(s.facilities.iter().map(|code| facility_label(code)))
        }));
        Self { stations, index }
    }

    /// The station at a [`StationMatch::at`].
    pub fn station(&self, at: usize) -> &Station {
        &self.stations[at]
    }

    /// Each station's state at `now`, in list order: worked out when the
    /// minute changes, not at every keystroke.
    pub fn states_at(&self, now: &ChinaTime) -> Vec<OpenState> {
        self.stations.iter().map(|s| state_at(&s.hours, now)).collect()
    }

    /// Stations that pass the filter, given their [`Self::states_at`] now:
    /// nearest first when `here` (GCJ-02) is known, otherwise in the order the
    /// backend gave (grouped by town on screen).
    pub fn find(
        &self,
        filter: &StationFilter,
        states: &[OpenState],
        here: Option<GeoPoint>,
    ) -> Vec<StationMatch> {
        let found = self
            .stations
            .iter()
            .enumerate()
            // The words first: the cheapest test, and it spares the others most stations.
            .filter(|(at, _)| self.index.matches(*at, &filter.words))
            .filter(|(_, s)| filter.facility.as_ref().is_none_or(|f| s.facilities.contains(f)))
            .filter(|(_, s)| !filter.night || s.night)
            .map(|(at, s)| StationMatch {
                at,
                open: states.get(at).copied().unwrap_or(OpenState::NeverOpen),
                distance_m: here.zip(s.location).map(|(here, there)| distance_m(here, there)),
            })
            .filter(|m| !filter.open_now || m.open.is_open());
        match here {
            // Stations without a position go last rather than vanish.
            Some(_) => sorted_by(found, |a, b| {
                a.distance_m.unwrap_or(f64::INFINITY).total_cmp(&b.distance_m.unwrap_or(f64::INFINITY))
            }),
            None => found.collect(),
        }
    }
}

/// The programme's "15-minute service circle": on foot (≈1.2 km) or by e-bike (≈4 km).
pub fn reach_label(distance_m: f64) -> Option<&'static str> {
    if distance_m <= WALK_15_MIN_M {
        Some("步行 15 分钟内")
    } else if distance_m <= EBIKE_15_MIN_M {
        Some("骑车 15 分钟内")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        api::model::{OpeningHours, OpeningSpan},
        domain::search::query_words,
    };

    fn station(id: &str, lat: f64, night: bool, facilities: &[&str], opens: &str, closes: &str) -> Station {
        Station {
            id: id.into(),
            name: id.into(),
            location: Some(GeoPoint { lat, lng: 108.77 }),
            facilities: facilities.iter().map(|f| f.to_string()).collect(),
            night,
            hours: OpeningHours {
                always_open: false,
                spans: vec![OpeningSpan {
                    days: vec![1, 2, 3, 4, 5, 6, 7],
                    opens: opens.into(),
                    closes: closes.into(),
                }],
                note: None,
            },
            ..Default::default()
        }
    }

    fn fixtures() -> Vec<Station> {
        vec![
            station("far", 28.90, false, &["hot_water", "charging"], "08:00", "21:00"),
            station("near", 28.841, false, &["hot_water", "microwave"], "08:00", "21:00"),
            station("night", 28.85, true, &["hot_water"], "20:00", "06:00"),
        ]
    }

    fn finder() -> StationFinder {
        StationFinder::new(fixtures())
    }

    fn at(clock: &str) -> ChinaTime {
        ChinaTime::parse_rfc3339(&format!("2026-11-30T{clock}:00+08:00")).unwrap()
    }

    fn ids(finder: &StationFinder, found: &[StationMatch]) -> Vec<String> {
        found.iter().map(|m| finder.station(m.at).id.clone()).collect()
    }

    /// The ids found at a China clock time, with no position known.
    fn found_ids(finder: &StationFinder, filter: &StationFilter, clock: &str) -> Vec<String> {
        ids(finder, &finder.find(filter, &finder.states_at(&at(clock)), None))
    }

    #[test]
    fn without_a_position_the_order_is_kept_and_distances_are_unknown() {
        let finder = finder();
        let found = finder.find(&StationFilter::default(), &finder.states_at(&at("12:00")), None);
        assert_eq!(ids(&finder, &found), ["far", "near", "night"]);
        assert!(found.iter().all(|m| m.distance_m.is_none()));
    }

    #[test]
    fn with_a_position_the_nearest_come_first() {
        let here = GeoPoint { lat: 28.84, lng: 108.77 };
        let finder = finder();
        let found = finder.find(&StationFilter::default(), &finder.states_at(&at("12:00")), Some(here));
        assert_eq!(ids(&finder, &found), ["near", "night", "far"]);
        assert!(found[0].distance_m.unwrap() < 200.0);
    }

    #[test]
    fn stations_without_a_position_go_last_and_equals_keep_the_backends_order() {
        let mut stations = fixtures();
        stations[1].location = None;
        let mut twin = stations[2].clone();
        twin.id = "night-2".into();
        stations.insert(0, twin);
        let here = GeoPoint { lat: 28.84, lng: 108.77 };
        let finder = StationFinder::new(stations);
        let found = finder.find(&StationFilter::default(), &finder.states_at(&at("12:00")), Some(here));
        assert_eq!(ids(&finder, &found), ["night-2", "night", "far", "near"]);
        assert_eq!(found[3].distance_m, None);
    }

    #[test]
    fn filters_combine() {
        let stations = finder();
        let microwave = StationFilter { facility: Some("microwave".into()), ..Default::default() };
        assert_eq!(found_ids(&stations, &microwave, "12:00"), ["near"]);
        let night = StationFilter { night: true, ..Default::default() };
        assert_eq!(found_ids(&stations, &night, "12:00"), ["night"]);
        let open_now = StationFilter { open_now: true, ..Default::default() };
        assert_eq!(found_ids(&stations, &open_now, "12:00"), ["far", "near"]);
        assert_eq!(found_ids(&stations, &open_now, "23:00"), ["night"]);
    }

    #[test]
    fn typed_words_find_a_station_by_its_name_town_address_host_or_facility() {
        let mut stations = fixtures();
        stations[0].town = "龙潭镇".into();
        stations[1].address = "桃花源大道 8 号".into();
        stations[2].host = Some("ＡＢＣ超市".into());
        let finder = StationFinder::new(stations);
        let search = |query: &str| {
            let filter = StationFilter { words: query_words(query), ..Default::default() };
            found_ids(&finder, &filter, "12:00").join(",")
        };
        assert_eq!(search("龙潭"), "far");
        assert_eq!(search("桃花源 8"), "near");
        assert_eq!(search("abc"), "night");
        assert_eq!(search("微波炉"), "near");
        assert_eq!(search("热水"), "far,near,night");
        assert_eq!(search("龙潭 微波炉"), "");
        assert_eq!(search("night"), "night");
    }

    #[test]
    fn typed_words_combine_with_the_filters() {
        let finder = finder();
        let filter = StationFilter { words: query_words("热水"), open_now: true, ..Default::default() };
        assert_eq!(found_ids(&finder, &filter, "23:00"), ["night"]);
    }

    #[test]
    fn the_fifteen_minute_circle() {
        assert_eq!(reach_label(900.0), Some("步行 15 分钟内"));
        assert_eq!(reach_label(3_000.0), Some("骑车 15 分钟内"));
        assert_eq!(reach_label(9_000.0), None);
    }
}
