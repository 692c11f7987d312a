//! Positions and distances. Browsers report WGS-84; Chinese maps and our data
//! use GCJ-02, which is offset by up to a few hundred metres. Convert before measuring.

use std::f64::consts::PI;

use serde::{Deserialize, Serialize};

/// A point on the map: in GCJ-02 (the datum Chinese map apps and our data use)
/// unless said otherwise, as where a browser reports the phone (WGS-84).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    pub lat: f64,
    pub lng: f64,
}

/// Krasovsky 1940 ellipsoid, which GCJ-02 is defined on.
const A: f64 = 6_378_245.0;
const EE: f64 = 0.006_693_421_622_965_943;
/// Mean Earth radius for haversine distances.
const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Sine, cosine and arcsine. In the browser, JavaScript's: the engine has them
/// already, and Rust's own would add 3 KB to the stations pages.
#[cfg(target_arch = "wasm32")]
mod trig {
    pub use js_sys::Math::{asin, cos, sin};
}
#[cfg(not(target_arch = "wasm32"))]
mod trig {
    pub fn sin(x: f64) -> f64 {
        x.sin()
    }
    pub fn cos(x: f64) -> f64 {
        x.cos()
    }
    pub fn asin(x: f64) -> f64 {
        x.asin()
    }
}
use trig::{asin, cos, sin};

/// Walking pace and e-bike speed behind the "15-minute service circle".
pub const WALK_15_MIN_M: f64 = 1_200.0;
pub const EBIKE_15_MIN_M: f64 = 4_000.0;

/// Outside mainland China GCJ-02 equals WGS-84 (a rough box, as the standard does).
fn outside_china(lat: f64, lng: f64) -> bool {
    !(72.004..=137.8347).contains(&lng) || !(0.8293..=55.8271).contains(&lat)
}

fn transform_lat(x: f64, y: f64) -> f64 {
    let mut r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    r += (20.0 * sin(6.0 * x * PI) + 20.0 * sin(2.0 * x * PI)) * 2.0 / 3.0;
    r += (20.0 * sin(y * PI) + 40.0 * sin(y / 3.0 * PI)) * 2.0 / 3.0;
    r += (160.0 * sin(y / 12.0 * PI) + 320.0 * sin(y * PI / 30.0)) * 2.0 / 3.0;
    r
}

fn transform_lng(x: f64, y: f64) -> f64 {
    let mut r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    r += (20.0 * sin(6.0 * x * PI) + 20.0 * sin(2.0 * x * PI)) * 2.0 / 3.0;
    r += (20.0 * sin(x * PI) + 40.0 * sin(x / 3.0 * PI)) * 2.0 / 3.0;
    r += (150.0 * sin(x / 12.0 * PI) + 300.0 * sin(x / 30.0 * PI)) * 2.0 / 3.0;
    r
}

/// Converts a WGS-84 position (what `navigator.geolocation` gives) to GCJ-02.
pub fn wgs84_to_gcj02(wgs: GeoPoint) -> GeoPoint {
    if outside_china(wgs.lat, wgs.lng) {
        return wgs;
    }
    let (x, y) = (wgs.lng - 105.0, wgs.lat - 35.0);
    let rad_lat = wgs.lat / 180.0 * PI;
    let magic = 1.0 - EE * sin(rad_lat).powi(2);
    let sqrt_magic = magic.sqrt();
    let d_lat = transform_lat(x, y) * 180.0 / ((A * (1.0 - EE)) / (magic * sqrt_magic) * PI);
    let d_lng = transform_lng(x, y) * 180.0 / (A / sqrt_magic * cos(rad_lat) * PI);
    GeoPoint { lat: wgs.lat + d_lat, lng: wgs.lng + d_lng }
}

/// Great-circle distance in metres (haversine). Both points must be in one datum.
pub fn distance_m(a: GeoPoint, b: GeoPoint) -> f64 {
    let (lat1, lat2) = (a.lat.to_radians(), b.lat.to_radians());
    let d_lat = lat2 - lat1;
    let d_lng = (b.lng - a.lng).to_radians();
    let h = sin(d_lat / 2.0).powi(2) + cos(lat1) * cos(lat2) * sin(d_lng / 2.0).powi(2);
    2.0 * EARTH_RADIUS_M * asin(h.sqrt().min(1.0))
}

/// "350 米" or "2.4 公里".
pub fn distance_label(metres: f64) -> String {
    if metres < 1_000.0 {
        format!("{} 米", (metres / 10.0).round() as i64 * 10)
    } else {
        format!("{} 公里", super::decimal::fixed(metres / 1_000.0, 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn wgs84_to_gcj02_matches_published_reference_points() {
        // (WGS-84 lat, lng) → (GCJ-02 lat, lng), as published with the reference implementation.
        let cases = [
            ((31.1774276, 121.5272106), (31.17530398364597, 121.531541859215)),
            ((22.543847, 113.912316), (22.540796131694766, 113.9171764808363)),
            ((39.911954, 116.377817), (39.91334545536069, 116.38404722455657)),
        ];
        for ((lat, lng), (gcj_lat, gcj_lng)) in cases {
            let gcj = wgs84_to_gcj02(GeoPoint { lat, lng });
            assert!(close(gcj.lat, gcj_lat) && close(gcj.lng, gcj_lng), "{lat},{lng} → {gcj:?}");
        }
    }

    #[test]
    fn positions_outside_china_are_not_shifted() {
        let paris = GeoPoint { lat: 48.8566, lng: 2.3522 };
        assert_eq!(wgs84_to_gcj02(paris), paris);
    }

    #[test]
    fn the_shift_in_youyang_is_a_few_hundred_metres() {
        let wgs = GeoPoint { lat: 28.8417, lng: 108.7697 };
        let shift = distance_m(wgs, wgs84_to_gcj02(wgs));
        assert!((100.0..800.0).contains(&shift), "{shift}");
    }

    #[test]
    fn distances_are_right_to_the_metre() {
        let a = GeoPoint { lat: 28.84, lng: 108.77 };
        assert_eq!(distance_m(a, a), 0.0);
        // One degree of latitude is about 111.2 km.
        let b = GeoPoint { lat: 29.84, lng: 108.77 };
        assert!((distance_m(a, b) - 111_195.0).abs() < 50.0);
        assert_eq!(distance_m(a, b).round(), distance_m(b, a).round());
    }

    #[test]
    fn distance_labels_read_naturally() {
        assert_eq!(distance_label(346.0), "350 米");
        assert_eq!(distance_label(2_449.0), "2.4 公里");
    }
}
