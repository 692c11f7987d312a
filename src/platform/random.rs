//! Random keys from the browser's cryptographic generator.

/// A fresh `Idempotency-Key`: 128 random bits as 32 hex digits, so two
/// intents never share one, on this phone or any other.
pub fn idempotency_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .and_then(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        // Only a browser without Web Crypto gets here; its keys are still
        // unique enough for one worker's taps.
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
