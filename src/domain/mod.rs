//! Pure logic: no browser, no network. Everything here is tested with plain `cargo test`.

pub mod activities;
pub mod auth;
pub mod campaigns;
pub mod courses;
pub mod decimal;
pub mod drawing;
pub mod facilities;
pub mod feed;
pub mod forms;
pub mod geo;
pub mod hours;
pub mod key_set;
pub mod kiosk;
pub mod outbox;
pub mod points;
pub mod qr;
pub mod reading;
pub mod report;
pub mod saved_answers;
pub mod search;
pub mod small_sort;
pub mod stations;
pub mod time;
pub mod url;
pub mod voice;
