//! Reading a page aloud with the browser's own speech synthesis, in Chinese.
//! Reached through untyped calls (see `js.rs`): most visitors never use it.

use wasm_bindgen::{closure::Closure, JsValue};

use super::js;

fn synthesis() -> JsValue {
    js::get(&js::global(), "speechSynthesis")
}

/// Whether the browser can speak at all (WeChat's and some old browsers cannot).
pub fn available() -> bool {
    js::has_method(&synthesis(), "speak") && js::get(&js::global(), "SpeechSynthesisUtterance").is_function()
}

/// A Chinese voice, mainland first, if the browser has one loaded.
fn chinese_voice() -> Option<JsValue> {
    let voices: js_sys::Array = js::call(&synthesis(), "getVoices", &[]).ok()?.into();
    let lang = |voice: &JsValue| js::get(voice, "lang").as_string().unwrap_or_default().replace('_', "-");
    let voices: Vec<JsValue> = voices.iter().collect();
    voices
        .iter()
        .find(|v| lang(v) == "zh-CN")
        .or_else(|| voices.iter().find(|v| lang(v).starts_with("zh")))
        .cloned()
}

/// Speaks `text` in Chinese, after anything already being read is stopped;
/// `done` runs when it ends, is stopped or fails.
pub fn speak(text: &str, done: impl FnOnce() + 'static) -> Result<(), JsValue> {
    stop();
    let utterance = js::construct("SpeechSynthesisUtterance", &[JsValue::from_str(text)])?;
    js::set(&utterance, "lang", "zh-CN");
    if let Some(voice) = chinese_voice() {
        js::set(&utterance, "voice", voice);
    }
    // One callback for both ends: whichever comes first runs `done`, the other finds it gone.
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let finish = Closure::<dyn Fn()>::new(move || {
        if let Some(done) = done.take() {
            done();
        }
    })
    .into_js_value();
    js::set(&utterance, "onend", finish.clone());
    js::set(&utterance, "onerror", finish);
    js::call(&synthesis(), "speak", &[utterance]).map(drop)
}

/// Stops reading, if anything is being read.
pub fn stop() {
    let _ = js::call(&synthesis(), "cancel", &[]);
}
