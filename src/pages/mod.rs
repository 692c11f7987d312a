//! One module per page, in the order of the navigation.

pub mod course;
pub mod courses;
pub mod home;
pub mod login;
pub mod not_found;
pub mod points;
pub mod service;
pub mod services;
pub mod station;
pub mod stations;
pub mod stories;
pub mod story;
