//! Small browser services the screens use: fetching one of the app's own files, reading a file
//! the user chose, copying text to the clipboard, offering a text file for download, moving
//! keyboard focus, and
//! calling browser methods web-sys does not bind as needed. Errors come back as a
//! [`BrowserError`], whose text reads in a notice.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why the browser did not do what was asked, in words for a notice.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BrowserError {
    #[error("there is no window")]
    NoWindow,
    #[error("there is no document")]
    NoDocument,
    /// The browser threw: its own message.
    #[error("{0}")]
    Refused(String),
    #[error("{path} answered {status}")]
    Answered { path: String, status: u16 },
    #[error("{path} is not text")]
    NotText { path: String },
    #[error("could not create a link")]
    NoLink,
    #[error("the file is not text")]
    FileNotText,
}

/// What the browser threw, as its message (or "the browser refused" when it gave none).
fn refused(error: JsValue) -> BrowserError {
    BrowserError::Refused(
        error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| error.as_string())
            .unwrap_or_else(|| "the browser refused".into()),
    )
}

/// Fetches one of the app's own files (a path relative to the page's base URL) as text.
pub async fn fetch_text(path: &str) -> Result<String, BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(refused)?;
    let response: web_sys::Response = response.dyn_into().map_err(refused)?;
    if !response.ok() {
        return Err(BrowserError::Answered {
            path: path.to_string(),
            status: response.status(),
        });
    }
    let text = JsFuture::from(response.text().map_err(refused)?)
        .await
        .map_err(refused)?;
    text.as_string().ok_or_else(|| BrowserError::NotText {
        path: path.to_string(),
    })
}

/// Offers `text` as a file named `file_name` for the user to save.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    let document = window.document().ok_or(BrowserError::NoDocument)?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(refused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(refused)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(refused)?
        .dyn_into()
        .map_err(|_| BrowserError::NoLink)?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url).map_err(refused)?;
    Ok(())
}

/// Reads a file the user chose or dropped, as text.
pub async fn read_file_text(file: &web_sys::File) -> Result<String, BrowserError> {
    let text = JsFuture::from(file.text()).await.map_err(refused)?;
    text.as_string().ok_or(BrowserError::FileNotText)
}

/// Puts `text` on the clipboard. Browsers may refuse (no permission, not a secure page).
pub async fn copy_text(text: &str) -> Result<(), BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    let clipboard = window.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(refused)
}

/// Asks the browser to keep this site's storage when space runs low; `None` where it cannot be
/// asked (no StorageManager, or it refused to answer).
pub async fn persist_storage() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let answer = JsFuture::from(storage.persist().ok()?).await.ok()?;
    answer.as_bool()
}

/// Waits for `promise` and drops its outcome: for browser calls whose failure needs no answer,
/// so that a rejection is handled instead of surfacing as an unhandled page error.
pub fn settle(promise: js_sys::Promise) {
    wasm_bindgen_futures::spawn_local(async move {
        let _ = JsFuture::from(promise).await;
    });
}

/// `target[name]`, when reading it does not throw.
pub fn property(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).ok()
}

/// `target.name()`, as the promise it returns, so that its result can be awaited (web-sys
/// binds some such methods without it, and a rejection then surfaces as an unhandled page
/// error). `None` when it is not a method, throws, or returns no promise.
pub fn call_for_promise(target: &JsValue, name: &str) -> Option<js_sys::Promise> {
    property(target, name)?
        .dyn_into::<js_sys::Function>()
        .ok()?
        .call0(target)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()
}

/// Moves keyboard focus to the element with `id`, if it is on the page.
pub fn focus_by_id(id: &str) {
    let element = leptos::prelude::document()
        .get_element_by_id(id)
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
