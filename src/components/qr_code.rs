//! A QR code drawn as SVG (no image is downloaded), with what it is for as
//! its accessible name and its caption.

use leptos::prelude::*;

use crate::domain::qr::qr_drawing;

/// `text` as a QR code; nothing for text too long to encode.
#[component]
pub fn QrCode(text: String, label: String, caption: String) -> impl IntoView {
    qr_drawing(&text).map(|drawing| {
        let view_box = format!("0 0 {0} {0}", drawing.side);
        view! {
            <figure class="qr">
                <svg class="qr-code" viewBox=view_box role="img" aria-label=label shape-rendering="crispEdges">
                    <rect width="100%" height="100%" fill="#fff" />
                    <path d=drawing.path fill="#000" />
                </svg>
                <figcaption>{caption}</figcaption>
            </figure>
        }
    })
}
