//! Numbers written with a fixed count of decimals, by integer arithmetic:
//! `format!("{:.1}")` brings the standard library's float printing (about
//! 7 KB of WebAssembly) into every page that shows a distance or a size.

/// `value` rounded to `places` decimals (half away from zero): `2.45` → "2.5"
/// at one place. Not for values beyond ±9·10¹⁸ / 10^places.
pub fn fixed(value: f64, places: u32) -> String {
    let scale = 10_i64.pow(places);
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, part) = (scaled.unsigned_abs() / scale as u64, scaled.unsigned_abs() % scale as u64);
    if places == 0 {
        return format!("{sign}{whole}");
    }
    format!("{sign}{whole}.{part:0width$}", width = places as usize)
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn decimals_are_rounded_and_padded() {
        assert_eq!(fixed(2.44, 1), "2.4");
        assert_eq!(fixed(2.46, 1), "2.5");
        assert_eq!(fixed(12.0, 1), "12.0");
        assert_eq!(fixed(0.04, 1), "0.0");
        assert_eq!(fixed(108.7512345, 6), "108.751235");
        assert_eq!(fixed(28.840001, 6), "28.840001");
        assert_eq!(fixed(3.7, 0), "4");
    }

    #[test]
    fn negative_values_keep_their_sign() {
        assert_eq!(fixed(-0.5, 1), "-0.5");
        assert_eq!(fixed(-73.9857, 6), "-73.985700");
        assert_eq!(fixed(-0.01, 1), "0.0");
    }

    #[test]
    fn it_writes_what_the_standard_library_writes_away_from_ties() {
        for value in [0.0, 1.23456789, 29.5, 108.27, 999.94, 1234.5678, -42.4242] {
            for places in [1, 2, 6] {
                assert_eq!(
                    fixed(value, places),
                    format!("{value:.*}", places as usize),
                    "{value} at {places}"
                );
            }
        }
    }
}
