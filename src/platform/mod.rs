//! Browser edges: everything that touches `window`. Pages and components call
//! these instead of `web_sys`, so the rest of the code stays testable natively.

pub mod base;
pub mod clock;
pub mod crash;
pub mod document;
pub mod dom;
pub mod early;
pub mod frame;
pub mod geolocation;
pub mod js;
pub mod kiosk;
pub mod link_intent;
pub mod location;
pub mod offline;
pub mod photo;
pub mod photo_store;
pub mod random;
pub mod report_store;
pub mod saved_answers;
pub mod scroll;
pub mod shell;
pub mod speech;
pub mod storage;
pub mod wake;
pub mod wechat;
