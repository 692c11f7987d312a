//! QR codes as SVG path data, so a voucher's code can be scanned off the
//! screen by the provider. Drawn with `qrcodegen`; no image is downloaded.

use qrcodegen::{QrCode, QrCodeEcc};

/// The light margin round a QR code, in modules, that scanners need.
pub const QUIET_ZONE: i32 = 4;

/// A QR code ready to draw: the side in modules (margin included) and an SVG
/// path with one unit square per dark module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrDrawing {
    pub side: i32,
    pub path: String,
}

/// The code for `text` with medium error correction (a scratched screen still
/// scans); `None` for text too long for any QR code.
pub fn qr_drawing(text: &str) -> Option<QrDrawing> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = qr.size();
    let mut path = String::new();
    for y in 0..size {
        // Runs of dark modules on a row become one rectangle each.
        let mut x = 0;
        while x < size {
            if !qr.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && qr.get_module(x, y) {
                x += 1;
            }
            path.push_str(&format!(
                "M{} {}h{}v1h-{}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE,
                x - start,
                x - start
            ));
        }
    }
    Some(QrDrawing { side: size + 2 * QUIET_ZONE, path })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_voucher_code_draws_a_version_1_code_with_its_margin() {
        let drawing = qr_drawing("YX-7K3P-2Q9D").unwrap();
        // Version 1 is 21 modules a side; 4 light modules each side.
        assert_eq!(drawing.side, 21 + 8);
        // The top-left finder pattern's first row: seven dark modules in one run.
        assert!(drawing.path.starts_with("M4 4h7v1h-7z"), "{}", &drawing.path[..40]);
    }

    #[test]
    fn different_codes_draw_differently_and_the_same_code_the_same() {
        assert_eq!(qr_drawing("YX-DEMO-0001"), qr_drawing("YX-DEMO-0001"));
        assert_ne!(qr_drawing("YX-DEMO-0001"), qr_drawing("YX-DEMO-0002"));
    }

    #[test]
    fn longer_codes_grow_and_impossible_ones_are_refused() {
        let long = qr_drawing(&"券".repeat(100)).unwrap();
        assert!(long.side > 29);
        assert_eq!(qr_drawing(&"x".repeat(5000)), None);
    }
}
