//! Shrinking a camera photo on the phone before it is kept or sent.
//!
//! `createImageBitmap` decodes (turned upright as its EXIF orientation says)
//! and scales off the main thread where the browser can, so a 12 MB photo does
//! not freeze the form; a canvas then encodes the small picture as JPEG, at
//! lower qualities and sizes until it is within `PHOTO_MAX_BYTES`. The browser
//! is reached through [`super::js`]: this code only runs in the report chunk.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Blob;

use super::js;
use crate::domain::report::{first_encoding, next_encoding, Encoding};

const JPEG: &str = "image/jpeg";

/// A photo ready to keep and send.
pub struct ShrunkPhoto {
    pub blob: Blob,
    pub width: u32,
    pub height: u32,
    pub bytes: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoError {
    /// Not a picture this browser can read (HEIC on some phones, a document…).
    Unreadable,
    /// No canvas or `createImageBitmap` (a very old WebView).
    Unsupported,
}

impl PhotoError {
    pub fn user_message(self) -> &'static str {
        match self {
            PhotoError::Unreadable => "这张照片读不出来，请换一张，或直接用相机拍照。",
            PhotoError::Unsupported => "这个浏览器处理不了照片，请换个浏览器或升级微信后再试。",
        }
    }
}

/// The files picked in a file `input`; the input is emptied, so that the same
/// photo can be picked again after 删除.
pub fn take_picked(input: &JsValue) -> Vec<Blob> {
    let list = js::get(input, "files");
    let count = js::get(&list, "length").as_f64().unwrap_or(0.0) as u32;
    let files = (0..count)
        .filter_map(|index| js::call(&list, "item", &[index.into()]).ok())
        .filter(is_blob)
        .map(JsCast::unchecked_into)
        .collect();
    js::set(input, "value", "");
    files
}

/// Turns `file` into a JPEG whose long side is at most 1600 px and which
/// weighs about 400 KB at most.
pub async fn shrink(file: &Blob) -> Result<ShrunkPhoto, PhotoError> {
    let window = js::global();
    if !js::has_method(&window, "createImageBitmap") {
        return Err(PhotoError::Unsupported);
    }
    let upright = js::object(&[("imageOrientation", "from-image".into())]);
    let original = js::call_async(&window, "createImageBitmap", &[file.into(), upright])
        .await
        .map_err(|_| PhotoError::Unreadable)?;
    let side = |name| js::get(&original, name).as_f64().unwrap_or(0.0) as u32;
    let mut encoding = first_encoding(side("width"), side("height"));
    let result = loop {
        let blob = match encode(&window, &original, encoding).await {
            Ok(blob) => blob,
            Err(error) => break Err(error),
        };
        let bytes = size_of(&blob);
        match next_encoding(encoding, bytes) {
            Some(next) => encoding = next,
            None => break Ok(ShrunkPhoto { blob, width: encoding.width, height: encoding.height, bytes }),
        }
    };
    // A decoded camera photo holds tens of megabytes until closed.
    let _ = js::call(&original, "close", &[]);
    result
}

/// One JPEG of `original` at the size and quality of `encoding`.
async fn encode(window: &JsValue, original: &JsValue, encoding: Encoding) -> Result<Blob, PhotoError> {
    let (width, height) = (encoding.width, encoding.height);
    let scaling = js::object(&[
        ("resizeWidth", width.into()),
        ("resizeHeight", height.into()),
        ("resizeQuality", "high".into()),
    ]);
    let scaled = js::call_async(window, "createImageBitmap", &[original.clone(), scaling])
        .await
        .map_err(|_| PhotoError::Unreadable)?;
    let canvas = js::construct("OffscreenCanvas", &[width.into(), height.into()]);
    let blob = match canvas {
        Ok(canvas) => {
            draw(&canvas, &scaled, encoding)?;
            let options = js::object(&[("type", JPEG.into()), ("quality", encoding.quality.into())]);
            js::call_async(&canvas, "convertToBlob", &[options]).await
        }
        // No `OffscreenCanvas`: a canvas element that never joins the page.
        Err(_) => {
            let document = js::get(window, "document");
            let canvas = js::call(&document, "createElement", &["canvas".into()])
                .map_err(|_| PhotoError::Unsupported)?;
            js::set(&canvas, "width", width);
            js::set(&canvas, "height", height);
            draw(&canvas, &scaled, encoding)?;
            js::settled(|done, _| {
                let _ = js::call(&canvas, "toBlob", &[done.into(), JPEG.into(), encoding.quality.into()]);
            })
            .await
        }
    };
    let _ = js::call(&scaled, "close", &[]);
    blob.ok().filter(is_blob).map(JsCast::unchecked_into).ok_or(PhotoError::Unsupported)
}

/// Paints `picture` over white on `canvas`: JPEG has no transparency, and a
/// transparent PNG would otherwise turn black.
fn draw(canvas: &JsValue, picture: &JsValue, encoding: Encoding) -> Result<(), PhotoError> {
    let context = js::call(canvas, "getContext", &["2d".into()])
        .ok()
        .filter(JsValue::is_object)
        .ok_or(PhotoError::Unsupported)?;
    let (width, height) = (f64::from(encoding.width), f64::from(encoding.height));
    js::set(&context, "fillStyle", "#fff");
    let area = || [JsValue::from(0.0), JsValue::from(0.0), width.into(), height.into()];
    let _ = js::call(&context, "fillRect", &area());
    let drawing: Vec<JsValue> = std::iter::once(picture.clone()).chain(area()).collect();
    js::call(&context, "drawImage", &drawing).map(|_| ()).map_err(|_| PhotoError::Unreadable)
}

fn is_blob(value: &JsValue) -> bool {
    js::has_method(value, "arrayBuffer") && js::get(value, "size").as_f64().is_some()
}

fn size_of(blob: &Blob) -> usize {
    js::get(blob, "size").as_f64().unwrap_or(0.0) as usize
}

/// The bytes of a blob, to send.
pub async fn bytes_of(blob: &Blob) -> Option<Vec<u8>> {
    let buffer = js::call_async(blob, "arrayBuffer", &[]).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A `blob:` address to show a kept photo; give it back with [`revoke`].
pub fn object_url(blob: &Blob) -> Option<String> {
    js::call(&js::get(&js::global(), "URL"), "createObjectURL", &[blob.into()]).ok()?.as_string()
}

pub fn revoke(url: &str) {
    let _ = js::call(&js::get(&js::global(), "URL"), "revokeObjectURL", &[url.into()]);
}
