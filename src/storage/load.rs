//! Loading: read and check everything first, then — and only then — write.
//!
//! A value that cannot be read is never overwritten: it is copied under a quarantine key, the
//! copy is read back, and only then is the original removed. If even that fails, the value stays
//! where it is, its key is protected from writes, and its id stays in the index.

use super::keys::{
    plan_id_of, quarantine_key, trash_id_of, INDEX_KEY, PLAN_PREFIX, QUARANTINE_PREFIX,
};
use super::record::{decode_index, decode_plan, decode_trashed, encode_index, Unreadable};
use super::store::{KeyValueStore, StorageError};
use crate::domain::order::insertion_order;
use crate::domain::{Plan, PlanId, Trashed};
use std::collections::HashSet;

/// What was found in storage.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Every plan that could be read, in the user's order.
    pub plans: Vec<Plan>,
    /// Deleted plans that can still be restored, most recently deleted first.
    pub trash: Vec<Trashed>,
    /// Values found unreadable in this load.
    pub quarantined: Vec<Quarantined>,
    /// Every key holding a value set aside, by this load or an earlier one.
    pub kept_aside: Vec<String>,
    /// Plans whose unreadable value could not be moved aside: never written, kept in the index.
    pub protected: Vec<PlanId>,
    /// The data was saved by a newer Pilotdeck: this tab reads it but writes nothing.
    pub read_only: bool,
    /// The index could not be brought up to date; it is rebuilt on the next save.
    pub index_stale: bool,
}

/// A value found unreadable, where it is now, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    pub key: String,
    /// The key now holding the value untouched (the original key when it could not be moved).
    pub kept_at: String,
    pub reason: String,
}

/// Reads every stored plan, sets unreadable values aside, and repairs the index.
pub fn load(store: &dyn KeyValueStore) -> Result<Loaded, StorageError> {
    let keys = store.keys()?;
    let mut loaded = Loaded::default();

    let index = store.get(INDEX_KEY)?.map(|raw| {
        let decoded = decode_index(&raw);
        (raw, decoded)
    });
    loaded.read_only = matches!(index, Some((_, Err(Unreadable::Newer(_)))));

    // Plans in the index's order first, then any plan key the index does not list.
    let stored: Vec<PlanId> = keys.iter().filter_map(|k| plan_id_of(k)).collect();
    let stored_set: HashSet<&PlanId> = stored.iter().collect();
    // An id listed twice (an index written by hand, or damaged) counts once, where it first
    // appears; the index is then rewritten without the repeat.
    let mut seen: HashSet<&PlanId> = HashSet::new();
    let mut order: Vec<PlanId> = match &index {
        Some((_, Ok(index))) => index
            .plan_ids
            .iter()
            .filter(|id| stored_set.contains(id) && seen.insert(id))
            .cloned()
            .collect(),
        _ => Vec::new(),
    };
    let listed: HashSet<PlanId> = order.iter().cloned().collect();
    order.extend(stored.iter().filter(|id| !listed.contains(*id)).cloned());

    let mut unreadable: Vec<(String, String, Unreadable)> = Vec::new();
    let mut orphans = Vec::new();
    for id in &order {
        let key = format!("{PLAN_PREFIX}{id}");
        let Some(raw) = store.get(&key)? else {
            continue;
        };
        match decode_plan(&raw, id) {
            Ok(plan) if listed.contains(id) => loaded.plans.push(plan),
            Ok(plan) => orphans.push(plan),
            Err(why) => unreadable.push((key, raw, why)),
        }
    }
    // Plans the index did not list (an interrupted save) go after the listed ones.
    loaded.plans.extend(orphans);
    for key in keys.iter().filter(|k| trash_id_of(k).is_some()) {
        let (Some(id), Some(raw)) = (trash_id_of(key), store.get(key)?) else {
            continue;
        };
        match decode_trashed(&raw, &id) {
            Ok(trashed) => loaded.trash.push(trashed),
            Err(why) => unreadable.push((key.clone(), raw, why)),
        }
    }
    // Newest deletion first.
    insertion_order(&mut loaded.trash, |a, b| a.deleted_at < b.deleted_at);
    if let Some((raw, Err(why))) = &index {
        if !loaded.read_only {
            unreadable.push((INDEX_KEY.to_string(), raw.clone(), why.clone()));
        }
    }

    // One value from a newer Pilotdeck is enough: that version owns this storage, so this tab
    // reads what it can and moves or writes nothing, that value included.
    if unreadable
        .iter()
        .any(|(_, _, why)| matches!(why, Unreadable::Newer(_)))
    {
        loaded.read_only = true;
    }

    // Everything is read; from here on, writes are allowed unless a newer version owns the data.
    // Values set aside by an earlier load, then those this load sets aside.
    loaded.kept_aside = keys
        .iter()
        .filter(|k| k.starts_with(QUARANTINE_PREFIX))
        .cloned()
        .collect();
    for (key, raw, why) in unreadable {
        let kept_at = if loaded.read_only {
            key.clone()
        } else {
            set_aside(store, &key, &raw).unwrap_or_else(|_| key.clone())
        };
        if kept_at == key {
            if let Some(id) = plan_id_of(&key) {
                loaded.protected.push(id);
            }
        }
        if kept_at != key && !loaded.kept_aside.contains(&kept_at) {
            loaded.kept_aside.push(kept_at.clone());
        }
        loaded.quarantined.push(Quarantined {
            key,
            kept_at,
            reason: why.describe(),
        });
    }

    if !loaded.read_only {
        let wanted: Vec<PlanId> = loaded
            .plans
            .iter()
            .map(|p| p.id.clone())
            .chain(loaded.protected.iter().cloned())
            .collect();
        let current = match &index {
            Some((_, Ok(index))) => Some(&index.plan_ids),
            _ => None,
        };
        let needs_write = match current {
            Some(ids) => ids != &wanted,
            None => !wanted.is_empty(),
        };
        if needs_write && store.set(INDEX_KEY, &encode_index(&wanted)).is_err() {
            loaded.index_stale = true;
        }
    }
    Ok(loaded)
}

/// Copies `raw` under a free quarantine key, checks the copy, then removes the original.
fn set_aside(store: &dyn KeyValueStore, key: &str, raw: &str) -> Result<String, StorageError> {
    for attempt in 0..1000 {
        let target = quarantine_key(key, attempt);
        match store.get(&target)? {
            Some(existing) if existing != raw => continue,
            Some(_) => {}
            None => store.set(&target, raw)?,
        }
        if store.get(&target)?.as_deref() != Some(raw) {
            return Err(StorageError::Failed(
                "the quarantined copy did not read back".into(),
            ));
        }
        store.remove(key)?;
        return Ok(target);
    }
    Err(StorageError::Failed("no free quarantine key".into()))
}
