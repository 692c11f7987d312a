//! UI pieces shared by pages.

pub mod card;
pub mod course_progress;
pub mod detail_page;
pub mod error_notice;
pub mod facts;
pub mod feed;
pub mod icon;
pub mod list_parts;
pub mod loaded;
pub mod once_action;
pub mod page_header;
pub mod page_scope;
pub mod search_field;
pub mod sections;
pub mod sign_in_prompt;
pub mod skeleton;
pub mod text_size;
pub mod url_query;

pub use card::Card;
pub use detail_page::DetailPage;
pub use error_notice::ErrorNotice;
pub use facts::fact;
pub use feed::{use_feed_loader, use_page_feed, FeedFooter, FeedStore};
pub use icon::Icon;
pub use list_parts::{CardGroup, Chip, CountLine, CutShort, NoMatch};
pub use loaded::Loaded;
pub use once_action::{use_once_action, OnceAction};
pub use page_header::PageHeader;
pub use page_scope::{page_memo, use_signed_in};
pub use search_field::SearchField;
pub use sign_in_prompt::SignInPrompt;
pub use skeleton::{Skeleton, SkeletonShape};
pub use text_size::{use_large_text, TextSizeToggle};
pub use url_query::{use_query_param, use_query_setter};
