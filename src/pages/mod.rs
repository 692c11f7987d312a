//! One module per page, by name.

pub mod campaign;
pub mod campaigns;
pub mod course;
pub mod courses;
pub mod home;
pub mod login;
pub mod not_found;
pub mod points;
pub mod report;
pub mod reports;
pub mod reward;
pub mod rewards;
pub mod service;
pub mod services;
pub mod station;
pub mod stations;
pub mod stories;
pub mod story;
pub mod voucher;
pub mod vouchers;
