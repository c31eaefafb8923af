//! A string key-value store (what localStorage offers) and an in-memory one.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

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

/// A store shared by its owners: two tabs' workspaces on one storage area, or a workspace and
/// the test that looks into what it wrote.
impl<T: KeyValueStore + ?Sized> KeyValueStore for Rc<T> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        (**self).set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        (**self).remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        (**self).keys()
    }
}

/// A store that lives in memory: the fallback when the browser offers none, and the test double.
#[derive(Debug, Default)]
pub struct MemoryStore {
    /// Few keys, kept in the order they were first set, which is the order `keys()` gives:
    /// loads and the tests that drive them see the same order every time.
    values: RefCell<Vec<(String, String)>>,
    refuse_writes: Cell<bool>,
    /// The most characters (keys and values) it holds, as a browser's quota does.
    capacity: Cell<Option<usize>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes every following write fail as a full store does (or succeed again).
    pub fn refuse_writes(&self, refuse: bool) {
        self.refuse_writes.set(refuse);
    }

    /// Makes writes fail once keys and values would hold more than `chars` characters.
    pub fn limit_to(&self, chars: Option<usize>) {
        self.capacity.set(chars);
    }

    /// The characters held, keys and values.
    pub fn used(&self) -> usize {
        self.values
            .borrow()
            .iter()
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum()
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
        Ok(self
            .values
            .borrow()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone()))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if self.refuse_writes.get() {
            return Err(StorageError::QuotaExceeded);
        }
        if let Some(capacity) = self.capacity.get() {
            let replaced = self
                .get(key)?
                .map_or(0, |v| key.chars().count() + v.chars().count());
            let added = key.chars().count() + value.chars().count();
            if self.used() - replaced + added > capacity {
                return Err(StorageError::QuotaExceeded);
            }
        }
        let mut values = self.values.borrow_mut();
        match values.iter_mut().find(|(k, _)| k == key) {
            Some((_, existing)) => *existing = value.to_string(),
            None => values.push((key.to_string(), value.to_string())),
        }
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        if self.refuse_writes.get() {
            return Err(StorageError::Failed("removal refused".into()));
        }
        self.values.borrow_mut().retain(|(k, _)| k != key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self
            .values
            .borrow()
            .iter()
            .map(|(k, _)| k.clone())
            .collect())
    }
}
