//! localStorage, behind [`KeyValueStore`]. Every browser call is taken as a `Result`: storage may
//! be disabled, refused in a private window, or full.

use super::store::{KeyValueStore, StorageError};
use std::cell::RefCell;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// The browser's UTF-8 encoder.
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;

    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Utf8Encoder;

    /// Writes `text` as UTF-8 straight into `into` (a view of the wasm's memory).
    #[wasm_bindgen(method, js_class = "TextEncoder", js_name = encodeInto)]
    fn encode_into(this: &Utf8Encoder, text: &JsValue, into: &mut [u8]) -> EncodedInto;

    /// What `encodeInto` did.
    type EncodedInto;

    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodedInto) -> u32;

    #[wasm_bindgen(method, getter)]
    fn read(this: &EncodedInto) -> u32;

    /// A `Storage` whose values are left JS strings.
    #[wasm_bindgen(js_name = Storage)]
    type RawStorage;

    #[wasm_bindgen(method, catch, js_class = "Storage", js_name = getItem)]
    fn get_item(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;
}

/// The window's localStorage.
pub struct BrowserStore {
    storage: web_sys::Storage,
    encoder: Utf8Encoder,
    /// Where the encoder writes a value before it is copied out at its exact length; kept
    /// between reads, so loading 1,000 plans allocates it only a few times.
    scratch: RefCell<Vec<u8>>,
}

impl BrowserStore {
    /// Opens localStorage, or says why it cannot be used.
    pub fn open() -> Result<Self, StorageError> {
        let window = web_sys::window()
            .ok_or_else(|| StorageError::Unavailable("there is no window".into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(Self {
                storage,
                encoder: Utf8Encoder::new(),
                scratch: RefCell::new(Vec::new()),
            }),
            Ok(None) => Err(StorageError::Unavailable(
                "the browser offers no localStorage".into(),
            )),
            Err(error) => Err(StorageError::Unavailable(describe(&error))),
        }
    }
}

impl BrowserStore {
    /// Whether `key` holds a value, without reading the value out.
    pub fn holds(&self, key: &str) -> bool {
        self.storage
            .unchecked_ref::<RawStorage>()
            .get_item(key)
            .is_ok_and(|value| !value.is_null() && !value.is_undefined())
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
    /// A value reaches the wasm as the browser's own UTF-8 encoding of it, written by
    /// `encodeInto` straight into the wasm's memory: for the 4.9 million characters of 1,000
    /// plans, about twice as fast as passing it as a string (which copies it a character at a
    /// time in JavaScript), and about 10 ms sooner than `encode`, which builds a separate array
    /// first.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        let value = self
            .storage
            .unchecked_ref::<RawStorage>()
            .get_item(key)
            .map_err(failure)?;
        if value.is_null() || value.is_undefined() {
            return Ok(None);
        }
        let Some(text) = value.dyn_ref::<js_sys::JsString>() else {
            return Err(StorageError::Failed(format!(
                "the value of {key} is not text"
            )));
        };
        // At most three bytes of UTF-8 for each UTF-16 unit of the value.
        let units = text.length() as usize;
        let mut scratch = self.scratch.borrow_mut();
        if scratch.len() < units * 3 {
            scratch.resize(units * 3, 0);
        }
        let done = self.encoder.encode_into(&value, &mut scratch[..units * 3]);
        if done.read() as usize != units {
            return Err(StorageError::Failed(format!(
                "the value of {key} was not read whole"
            )));
        }
        let bytes = scratch[..done.written() as usize].to_vec();
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| StorageError::Failed(format!("the value of {key} is not text")))
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
