//! A string key-value store (what localStorage offers) and an in-memory one.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

/// Why the browser's storage refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    #[error("Browser storage is not available here ({0}).")]
    Unavailable(String),
    #[error("Browser storage is full.")]
    QuotaExceeded,
    #[error("The data here was saved by a newer version of Pilotdeck, so this tab does not write to it.")]
    ReadOnly,
    #[error("Browser storage failed: {0}.")]
    Failed(String),
}

/// What Pilotdeck needs from a storage area.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// A store that lives in memory: the fallback when the browser offers none, and the test double.
#[derive(Debug, Default)]
pub struct MemoryStore {
    values: RefCell<BTreeMap<String, String>>,
    refuse_writes: Cell<bool>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes every following write fail as a full store does (or succeed again).
    pub fn refuse_writes(&self, refuse: bool) {
        self.refuse_writes.set(refuse);
    }

    pub fn len(&self) -> usize {
        self.values.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.borrow().is_empty()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.values.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if self.refuse_writes.get() {
            return Err(StorageError::QuotaExceeded);
        }
        self.values
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        if self.refuse_writes.get() {
            return Err(StorageError::Failed("removal refused".into()));
        }
        self.values.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.values.borrow().keys().cloned().collect())
    }
}
