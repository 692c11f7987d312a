//! - A split build (feature `split`) links the wasm with its relocations kept:
//!   `wasm-split-cli` needs them to move each lazy page into its own chunk.
//! - `src/page_texts.json`, the title, description and lead of the home page
//!   and each section page, becomes one Rust constant per page
//!   (`components::page_texts`, `HOME` for `/`). The release build writes the
//!   same words into each page's own HTML (scripts/section-pages.mjs): a page
//!   and its static shell say the same.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let split = env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if split && wasm {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
    write_page_texts();
}

fn write_page_texts() {
    const TABLE: &str = "src/page_texts.json";
    println!("cargo:rerun-if-changed={TABLE}");
    let text = fs::read_to_string(TABLE).expect("src/page_texts.json is readable");
    let table: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&text).expect("src/page_texts.json is a map of addresses");
    let mut rust = String::new();
    for (address, page) in &table {
        let name = match address.trim_start_matches('/') {
            "" => "HOME".to_owned(),
            section => section.to_uppercase(),
        };
        assert!(
            address.starts_with('/') && name.chars().all(|c| c.is_ascii_uppercase()),
            "{TABLE}: {address} is not / or a section's address such as /services"
        );
        let field = |key: &str| {
            page.get(key)
                .and_then(|value| value.as_str())
                .unwrap_or_else(|| panic!("{TABLE}: {address} has no {key}"))
        };
        rust.push_str(&format!(
            "/// `{address}`.\npub const {name}: PageText = PageText {{ title: {:?}, description: {:?}, lead: {:?} }};\n",
            field("title"),
            field("description"),
            field("lead"),
        ));
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("page_texts.rs");
    fs::write(out, rust).expect("OUT_DIR is writable");
}
