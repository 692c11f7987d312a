//! UI pieces shared by pages.

pub mod card;
pub mod course_progress;
pub mod detail_page;
pub mod error_notice;
pub mod feed;
pub mod icon;
pub mod list_parts;
pub mod loaded;
pub mod page_header;
pub mod search_field;
pub mod sections;
pub mod skeleton;
pub mod url_query;

pub use card::Card;
pub use detail_page::DetailPage;
pub use error_notice::ErrorNotice;
pub use feed::{use_feed_loader, use_page_feed, FeedFooter, FeedStore};
pub use icon::Icon;
pub use list_parts::{CardGroup, Chip, CountLine, CutShort, NoMatch};
pub use loaded::Loaded;
pub use page_header::PageHeader;
pub use search_field::SearchField;
pub use skeleton::{Skeleton, SkeletonShape};
pub use url_query::{use_query_param, use_query_setter};
