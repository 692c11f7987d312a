//! Shrinking a camera photo on the phone before it is kept or sent.
//!
//! `createImageBitmap` decodes (turned upright as its EXIF orientation says)
//! and scales off the main thread where the browser can, so a 12 MB photo does
//! not freeze the form; a canvas then encodes the small picture as JPEG, at
//! lower qualities and sizes until it is within `PHOTO_MAX_BYTES`.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ImageBitmap, ImageBitmapOptions, ImageOrientation, ResizeQuality};

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

/// Turns `file` into a JPEG whose long side is at most 1600 px and which
/// weighs about 400 KB at most.
pub async fn shrink(file: &Blob) -> Result<ShrunkPhoto, PhotoError> {
    let window = web_sys::window().ok_or(PhotoError::Unsupported)?;
    let options = ImageBitmapOptions::new();
    options.set_image_orientation(ImageOrientation::FromImage);
    let decoding = window
        .create_image_bitmap_with_blob_and_image_bitmap_options(file, &options)
        .map_err(|_| PhotoError::Unsupported)?;
    let original: ImageBitmap =
        JsFuture::from(decoding).await.map_err(|_| PhotoError::Unreadable)?.unchecked_into();
    let mut encoding = first_encoding(original.width(), original.height());
    let result = loop {
        let blob = encode(&window, &original, encoding).await;
        let blob = match blob {
            Ok(blob) => blob,
            Err(error) => {
                original.close();
                return Err(error);
            }
        };
        let bytes = blob.size() as usize;
        match next_encoding(encoding, bytes) {
            Some(next) => encoding = next,
            None => break ShrunkPhoto { blob, width: encoding.width, height: encoding.height, bytes },
        }
    };
    original.close();
    Ok(result)
}

/// One JPEG of `original` at the size and quality of `encoding`.
async fn encode(
    window: &web_sys::Window,
    original: &ImageBitmap,
    encoding: Encoding,
) -> Result<Blob, PhotoError> {
    let options = ImageBitmapOptions::new();
    options.set_resize_width(encoding.width);
    options.set_resize_height(encoding.height);
    options.set_resize_quality(ResizeQuality::High);
    let scaling = window
        .create_image_bitmap_with_image_bitmap_and_image_bitmap_options(original, &options)
        .map_err(|_| PhotoError::Unsupported)?;
    let scaled: ImageBitmap =
        JsFuture::from(scaling).await.map_err(|_| PhotoError::Unreadable)?.unchecked_into();
    let blob = match web_sys::OffscreenCanvas::new(encoding.width, encoding.height) {
        Ok(canvas) => encode_offscreen(&canvas, &scaled, encoding).await,
        Err(_) => encode_on_page(&scaled, encoding).await,
    };
    scaled.close();
    blob
}

async fn encode_offscreen(
    canvas: &web_sys::OffscreenCanvas,
    picture: &ImageBitmap,
    encoding: Encoding,
) -> Result<Blob, PhotoError> {
    let context: web_sys::OffscreenCanvasRenderingContext2d =
        canvas.get_context("2d").ok().flatten().ok_or(PhotoError::Unsupported)?.unchecked_into();
    // JPEG has no transparency: a transparent PNG would turn black.
    context.set_fill_style_str("#fff");
    context.fill_rect(0.0, 0.0, f64::from(encoding.width), f64::from(encoding.height));
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(
            picture,
            0.0,
            0.0,
            f64::from(encoding.width),
            f64::from(encoding.height),
        )
        .map_err(|_| PhotoError::Unreadable)?;
    let options = web_sys::ImageEncodeOptions::new();
    options.set_type(JPEG);
    options.set_quality(encoding.quality);
    let promise = canvas.convert_to_blob_with_options(&options).map_err(|_| PhotoError::Unsupported)?;
    let blob = JsFuture::from(promise).await.map_err(|_| PhotoError::Unsupported)?;
    blob.dyn_into::<Blob>().map_err(|_| PhotoError::Unsupported)
}

/// For browsers without `OffscreenCanvas`: a canvas that is never attached to the page.
async fn encode_on_page(picture: &ImageBitmap, encoding: Encoding) -> Result<Blob, PhotoError> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(PhotoError::Unsupported)?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").map_err(|_| PhotoError::Unsupported)?.unchecked_into();
    canvas.set_width(encoding.width);
    canvas.set_height(encoding.height);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok().flatten().ok_or(PhotoError::Unsupported)?.unchecked_into();
    context.set_fill_style_str("#fff");
    context.fill_rect(0.0, 0.0, f64::from(encoding.width), f64::from(encoding.height));
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(
            picture,
            0.0,
            0.0,
            f64::from(encoding.width),
            f64::from(encoding.height),
        )
        .map_err(|_| PhotoError::Unreadable)?;
    let (sender, receiver) = futures::channel::oneshot::channel::<Option<Blob>>();
    let mut sender = Some(sender);
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |blob: JsValue| {
        if let Some(sender) = sender.take() {
            let _ = sender.send(blob.dyn_into::<Blob>().ok());
        }
    });
    canvas
        .to_blob_with_type_and_encoder_options(
            callback.as_ref().unchecked_ref(),
            JPEG,
            &JsValue::from_f64(encoding.quality),
        )
        .map_err(|_| PhotoError::Unsupported)?;
    let blob = receiver.await.ok().flatten();
    drop(callback);
    blob.ok_or(PhotoError::Unsupported)
}

/// The bytes of a blob, to send.
pub async fn bytes_of(blob: &Blob) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A `blob:` address to show a kept photo; give it back with [`revoke`].
pub fn object_url(blob: &Blob) -> Option<String> {
    web_sys::Url::create_object_url_with_blob(blob).ok()
}

pub fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}
