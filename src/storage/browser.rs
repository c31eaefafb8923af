//! localStorage, behind [`KeyValueStore`]. Every browser call is taken as a `Result`: storage may
//! be disabled, refused in a private window, or full.

use super::store::{KeyValueStore, StorageError};
use wasm_bindgen::{JsCast, JsValue};

/// The window's localStorage.
pub struct BrowserStore {
    storage: web_sys::Storage,
}

impl BrowserStore {
    /// Opens localStorage, or says why it cannot be used.
    pub fn open() -> Result<Self, StorageError> {
        let window = web_sys::window()
            .ok_or_else(|| StorageError::Unavailable("there is no window".into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(Self { storage }),
            Ok(None) => Err(StorageError::Unavailable(
                "the browser offers no localStorage".into(),
            )),
            Err(error) => Err(StorageError::Unavailable(describe(&error))),
        }
    }
}

/// The name and message of a thrown DOMException or Error.
fn describe(error: &JsValue) -> String {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", exception.name(), exception.message());
    }
    if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    error.as_string().unwrap_or_else(|| "unknown error".into())
}

fn is_quota(error: &JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| e.name() == "QuotaExceededError" || e.code() == 22)
}

fn failure(error: JsValue) -> StorageError {
    if is_quota(&error) {
        StorageError::QuotaExceeded
    } else {
        StorageError::Failed(describe(&error))
    }
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(failure)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(failure)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage.remove_item(key).map_err(failure)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let length = self.storage.length().map_err(failure)?;
        let mut keys = Vec::with_capacity(length as usize);
        for index in 0..length {
            if let Some(key) = self.storage.key(index).map_err(failure)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}
