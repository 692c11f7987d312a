//! 酉新送暖 (youxin): the web app of Youyang county's services for new employment groups.

pub mod api;
pub mod app;
pub mod components;
pub mod config;
pub mod domain;
pub mod kiosk;
pub mod lazy_pages;
pub mod outbox;
pub mod pages;
pub mod platform;
pub mod routes;
