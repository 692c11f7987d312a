//! The kiosk's pieces in pages: on a kiosk they show what the kiosk's chunk
//! draws (`crate::kiosk`), once it is in; elsewhere the phone's version or nothing.

use leptos::prelude::*;

use crate::{
    kiosk::{arrived, KioskParts},
    platform::kiosk::{here_for_phone, is_kiosk},
};

pub fn use_kiosk() -> bool {
    is_kiosk()
}

/// Something the kiosk's chunk draws, once it has arrived.
fn from_chunk(draw: impl Fn(KioskParts) -> AnyView + Send + Sync + 'static) -> impl IntoView {
    move || arrived().map(&draw)
}

/// On a kiosk, a QR code of `target` (a URL, or a `tel:` number) for the
/// worker's own phone; elsewhere nothing.
#[component]
pub fn HandOver(target: String, label: String, caption: String) -> impl IntoView {
    use_kiosk().then(|| from_chunk(move |parts| (parts.qr)(target.clone(), label.clone(), caption.clone())))
}

/// "在手机上继续": on a kiosk, the page shown as a QR code to open on a phone.
#[component]
pub fn ContinueOnPhone() -> impl IntoView {
    use_kiosk().then(|| {
        view! {
            <section class="continue-on-phone" aria-label="在手机上继续">
                <HandOver target=here_for_phone() label="本页的二维码".into()
                    caption="在手机上继续：用微信或相机扫码，打开这一页".into() />
            </section>
        }
    })
}

/// A link that leaves the app — a web page, a phone number. On a kiosk, where
/// nothing may leave, the same words open a QR code to scan with a phone.
#[component]
pub fn OutLink(href: String, text: String, #[prop(optional)] class: &'static str) -> impl IntoView {
    if use_kiosk() {
        return from_chunk(move |parts| (parts.out_link)(href.clone(), text.clone(), class)).into_any();
    }
    view! { <a class=class href=href rel="noopener noreferrer">{text}</a> }.into_any()
}
