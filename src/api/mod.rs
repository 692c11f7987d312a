//! The JSON contract (`public/openapi.yaml`): one typed client over two transports.
//!
//! Pages call [`ApiClient`]; it builds an [`ApiRequest`], hands it to the
//! [`Transport`] chosen by the runtime config and decodes the answer. Both
//! transports answer with status and body text, so the decoding code is the
//! same against a real backend and on the bundled demo data.

pub mod client;
pub mod decode;
pub mod demo;
pub mod error;
pub mod http;
pub mod model;
pub mod reads;
pub mod resource;
pub mod transport;

pub use client::{use_api, ApiClient};
pub use decode::Page;
pub use error::ApiError;
pub use resource::{use_api_resource, ApiResource};
pub use transport::{ApiRequest, ApiResponse, Method, Transport};
