//! Small browser services the screens use: fetching one of the app's own files, reading a file
//! the user chose, copying text to the clipboard, offering a text file for download, moving
//! keyboard focus, and
//! calling browser methods web-sys does not bind as needed. Errors come back as readable text
//! for a notice.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn message(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser refused".into())
}

/// Fetches one of the app's own files (a path relative to the page's base URL) as text.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("there is no window")?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(message)?;
    let response: web_sys::Response = response.dyn_into().map_err(message)?;
    if !response.ok() {
        return Err(format!("{path} answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(message)?)
        .await
        .map_err(message)?;
    text.as_string()
        .ok_or_else(|| format!("{path} is not text"))
}

/// Offers `text` as a file named `file_name` for the user to save.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("there is no window")?;
    let document = window.document().ok_or("there is no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(message)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(message)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(message)?
        .dyn_into()
        .map_err(|_| "could not create a link".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url).map_err(message)?;
    Ok(())
}

/// Reads a file the user chose or dropped, as text.
pub async fn read_file_text(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text()).await.map_err(message)?;
    text.as_string()
        .ok_or_else(|| "the file is not text".to_string())
}

/// Puts `text` on the clipboard. Browsers may refuse (no permission, not a secure page).
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("there is no window")?;
    let clipboard = window.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(message)
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
