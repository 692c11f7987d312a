//! UI pieces shared by pages.

pub mod card;
pub mod error_notice;
pub mod icon;
pub mod loaded;
pub mod page_header;
pub mod page_scope;
pub mod search_field;
pub mod skeleton;
pub mod url_query;

pub use card::Card;
pub use error_notice::ErrorNotice;
pub use icon::Icon;
pub use loaded::Loaded;
pub use page_header::PageHeader;
pub use page_scope::{page_memo, use_signed_in};
pub use search_field::SearchField;
pub use skeleton::{Skeleton, SkeletonShape};
pub use url_query::{use_query_param, use_query_setter};
