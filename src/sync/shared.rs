//! One plan as a Yjs document: bringing the document to match a plan by the smallest change,
//! reading the plan back (checked like an import, with this device's internal content put
//! back), taking changes from other devices, and saving the document's whole state.

use super::error::SyncError;
use super::layout::{self, Identity, List, Object, FIELDS, FORMAT, LISTS, META, TEXTS};
use super::text;
use crate::domain::{new_record_id, validate_plan, LogEntry, Plan, Problem, SCHEMA_VERSION};
use crate::exchange::json::{read_json, write_json, JsonError, Layout};
use crate::exchange::problems::{plan_problems, READ_AGAIN_BYTES};
use crate::exchange::MAX_FILE_BYTES;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use yrs::updates::decoder::Decode;
use yrs::{
    Any, Array, ArrayRef, Doc, Map, MapPrelim, MapRef, Out, ReadTxn, StateVector, TextPrelim,
    TextRef, Transact, TransactionMut, Update,
};

/// The largest change taken from another device, in bytes. A real edit is a few hundred bytes
/// and a whole busy plan a few dozen kilobytes.
pub const MAX_UPDATE_BYTES: usize = 1024 * 1024;
/// The largest saved state read back, in bytes: the same cap as a file.
pub const MAX_STATE_BYTES: usize = MAX_FILE_BYTES;

/// The document's root types, made once when the document is.
struct Roots {
    meta: MapRef,
    fields: MapRef,
    texts: Vec<(&'static str, TextRef)>,
    lists: Vec<(&'static List, MapRef, ArrayRef)>,
}

/// A plan shared through Yjs: the document every device holding the plan merges into.
///
/// A device joining a shared plan starts from an empty document and takes the others' state
/// before it writes anything: two documents each filled from the same plan on their own would
/// merge into two copies of every text.
pub struct SharedPlan {
    doc: Doc,
    roots: Roots,
    /// A second document holding the same changes, where a change from another device is
    /// rehearsed first: an update that reads can still be refused half-way (a block whose
    /// parent is not a type), after part of it is in. Rebuilt from `doc` when that happens.
    rehearsal: RefCell<Doc>,
}

impl Roots {
    fn of(doc: &Doc) -> Self {
        Roots {
            meta: doc.get_or_insert_map(META),
            fields: doc.get_or_insert_map(FIELDS),
            texts: TEXTS
                .iter()
                .map(|&path| (path, doc.get_or_insert_text(path)))
                .collect(),
            lists: LISTS
                .iter()
                .map(|list| {
                    (
                        list,
                        doc.get_or_insert_map(list.path),
                        doc.get_or_insert_array(list.order_name()),
                    )
                })
                .collect(),
        }
    }
}

/// An empty document with the plan's root types.
fn empty_doc() -> Doc {
    let doc = Doc::new();
    Roots::of(&doc);
    doc
}

impl Default for SharedPlan {
    fn default() -> Self {
        Self::new()
    }
}

impl SharedPlan {
    /// An empty document, with a fresh random client id (never reused across devices or tabs).
    pub fn new() -> Self {
        let doc = Doc::new();
        let roots = Roots::of(&doc);
        Self {
            doc,
            roots,
            rehearsal: RefCell::new(empty_doc()),
        }
    }

    /// A document from a state saved by [`SharedPlan::encode_state`], under a new client id.
    pub fn from_state(state: &[u8]) -> Result<Self, SyncError> {
        if state.len() > MAX_STATE_BYTES {
            return Err(SyncError::TooLarge {
                bytes: state.len(),
                max: MAX_STATE_BYTES,
            });
        }
        let shared = Self::new();
        shared.apply_updates_unchecked(&[state])?;
        Ok(shared)
    }

    /// The document's whole state, to save with the plan so that offline edits survive a reload.
    pub fn encode_state(&self) -> Vec<u8> {
        self.doc
            .transact()
            .encode_state_as_update_v1(&StateVector::default())
    }

    /// This document's state vector: what it has seen from every device.
    pub fn state_vector(&self) -> StateVector {
        self.doc.transact().state_vector()
    }

    /// The changes this document holds that a document with `seen` lacks.
    pub fn changes_since(&self, seen: &StateVector) -> Vec<u8> {
        self.doc.transact().encode_state_as_update_v1(seen)
    }

    /// The id this document's own changes are made under.
    pub fn client_id(&self) -> u64 {
        self.doc.client_id().get()
    }

    pub(crate) fn doc(&self) -> &Doc {
        &self.doc
    }

    /// Brings the document to match `plan`, as the partner may see it, by the smallest set of
    /// changes: only fields that differ are written, texts by the edit between their common
    /// ends. Returns the update to send to the others, or `None` when nothing changed.
    ///
    /// Refused for a document written by a newer Pilotdeck, which this one must not rewrite.
    pub fn apply_plan(&self, plan: &Plan) -> Result<Option<Vec<u8>>, SyncError> {
        // Through the text the app's JSON writer and reader already make (rather than
        // `serde_json::to_value`, a second copy of every type's writer in the browser bundle).
        let text = write_json(&plan.for_partner(), Layout::Compact);
        let shared: Object =
            read_json(&text).map_err(|_| SyncError::Malformed("a plan is not an object".into()))?;
        let mut txn = self.doc.transact_mut();
        if let Some(found) = schema_version(&txn, &self.roots.meta) {
            if found > u64::from(SCHEMA_VERSION) {
                return Err(SyncError::NewerVersion {
                    found,
                    supported: SCHEMA_VERSION,
                });
            }
        }
        let roots = &self.roots;
        write_scalar(&mut txn, &roots.meta, "format", Any::from(FORMAT));
        write_scalar(
            &mut txn,
            &roots.meta,
            "schema_version",
            Any::from(i64::from(SCHEMA_VERSION)),
        );

        let scalars = layout::scalars(&shared);
        let wanted: HashSet<&str> = scalars.iter().map(|(path, _)| path.as_str()).collect();
        for (path, value) in &scalars {
            write_scalar(&mut txn, &roots.fields, path, layout::to_any(value));
        }
        let stale: Vec<String> = roots
            .fields
            .keys(&txn)
            .filter(|key| !wanted.contains(key))
            .map(str::to_string)
            .collect();
        for key in stale {
            roots.fields.remove(&mut txn, &key);
        }

        for (path, shared_text) in &roots.texts {
            let new = layout::get(&shared, path)
                .and_then(Value::as_str)
                .unwrap_or_default();
            text::write(shared_text, &mut txn, new);
        }

        let no_items = Vec::new();
        for (list, items, order) in &roots.lists {
            let wanted = match layout::get(&shared, list.path) {
                Some(Value::Array(wanted)) => wanted,
                _ => &no_items,
            };
            match list.identity {
                Identity::Id => write_by_id(&mut txn, list, items, order, wanted),
                Identity::Key => write_by_key(&mut txn, list, items, order, wanted),
            }
        }

        if !txn.has_changes() {
            return Ok(None);
        }
        let update = txn.encode_update_v1();
        drop(txn);
        let mirrored = decode(&update).and_then(|update| {
            let rehearsal = self.rehearsal.borrow();
            let mut txn = rehearsal.transact_mut();
            txn.apply_update(update)
                .map_err(|error| SyncError::Malformed(error.to_string()))
        });
        if mirrored.is_err() {
            self.rebuild_rehearsal();
        }
        Ok(Some(update))
    }

    /// The plan the document holds, checked like an imported plan.
    ///
    /// `local` is this device's copy of the plan, if it has one: what it keeps to itself (its
    /// partner notes, its internal log entries, its own save count and time) is put back into
    /// the result, so none of it is lost here. Internal entries keep their place after the
    /// shared entry they followed.
    pub fn read_plan(&self, local: Option<&Plan>) -> Result<Plan, SyncError> {
        let txn = self.doc.transact();
        let roots = &self.roots;
        match schema_version(&txn, &roots.meta) {
            None => return Err(SyncError::Empty),
            Some(found) if found > u64::from(SCHEMA_VERSION) => {
                return Err(SyncError::NewerVersion {
                    found,
                    supported: SCHEMA_VERSION,
                })
            }
            Some(_) => {}
        }
        let mut problems = Vec::new();
        let mut plan = Object::new();

        // In the map's own order: fields that clash (a value and an object at one path) are
        // refused whichever comes first.
        for (path, value) in roots.fields.iter(&txn) {
            if layout::is_local(path) {
                continue;
            }
            let value = match value {
                Out::Any(any) => layout::to_json(&any),
                _ => None,
            };
            let placed = value.is_some_and(|value| layout::put(&mut plan, path, value));
            if !placed {
                problems.push(problem(path, "not a value a plan holds here"));
            }
        }
        for (path, shared_text) in &roots.texts {
            let value = Value::String(text_of(&txn, shared_text));
            if !layout::put(&mut plan, path, value) {
                problems.push(problem(path, "not a value a plan holds here"));
            }
        }
        for (list, items, order) in &roots.lists {
            let count = items.len(&txn) as usize;
            if count > list.max {
                // The same words as the rule itself; the items are not read at all.
                problems.push(problem(
                    list.path,
                    &format!("{count} entries; at most {}", list.max),
                ));
                continue;
            }
            let mut values = Vec::with_capacity(count);
            for key in ordered_keys(&txn, items, order) {
                let index = values.len();
                match items.get(&txn, &key).and_then(|item| read_item(&txn, item)) {
                    Some(mut value) => {
                        if let (Identity::Id, Value::Object(fields)) = (list.identity, &mut value) {
                            fields.insert("id".into(), Value::String(key));
                            // What is in the document is shared, whatever a peer wrote.
                            fields.remove("internal");
                        }
                        values.push(value);
                    }
                    None => problems.push(problem(
                        &format!("{}[{index}]", list.path),
                        "not a value a plan holds here",
                    )),
                }
            }
            if !layout::put(&mut plan, list.path, Value::Array(values)) {
                problems.push(problem(list.path, "not a value a plan holds here"));
            }
        }
        drop(txn);
        if !problems.is_empty() {
            return Err(SyncError::Problems(problems));
        }

        if let Some(local) = local {
            let shared_id = plan.get("id").and_then(Value::as_str).unwrap_or_default();
            if shared_id != local.id.as_str() {
                return Err(SyncError::OtherPlan {
                    shared: crate::domain::PlanId(shared_id.to_string()),
                    local: local.id.clone(),
                });
            }
        }
        fill_local(&mut plan);

        let text = write_json(&plan, Layout::Compact);
        let mut plan: Plan = match read_json(&text) {
            Ok(plan) => plan,
            Err(JsonError::Data(first)) => {
                let mut budget = READ_AGAIN_BYTES;
                return Err(SyncError::Problems(plan_problems(
                    &text,
                    first,
                    &mut budget,
                )));
            }
            Err(JsonError::Syntax(message)) => return Err(SyncError::Malformed(message)),
        };
        if let Some(local) = local {
            keep_local(&mut plan, local);
        }
        let problems = validate_plan(&plan);
        if problems.is_empty() {
            Ok(plan)
        } else {
            Err(SyncError::Problems(problems))
        }
    }

    /// Takes one change from another device. Refused, leaving the document as it was, when it
    /// is larger than [`MAX_UPDATE_BYTES`] or cannot be read. Returns whether anything changed.
    pub fn apply_update(&self, update: &[u8]) -> Result<bool, SyncError> {
        self.apply_updates(&[update])
    }

    /// Takes several changes at once (a queue that built up offline): all of them, or, when
    /// one is refused, none.
    pub fn apply_updates(&self, updates: &[&[u8]]) -> Result<bool, SyncError> {
        for update in updates {
            if update.len() > MAX_UPDATE_BYTES {
                return Err(SyncError::TooLarge {
                    bytes: update.len(),
                    max: MAX_UPDATE_BYTES,
                });
            }
        }
        self.apply_updates_unchecked(updates)
    }

    /// Takes changes of any size: all of them, or, when one is refused, none.
    fn apply_updates_unchecked(&self, updates: &[&[u8]]) -> Result<bool, SyncError> {
        let decoded = updates
            .iter()
            .map(|update| decode(update))
            .collect::<Result<Vec<_>, _>>()?;
        if decoded.is_empty() {
            return Ok(false);
        }
        let rehearsed = {
            let rehearsal = self.rehearsal.borrow();
            let mut txn = rehearsal.transact_mut();
            decoded
                .into_iter()
                .try_for_each(|update| txn.apply_update(update))
        };
        if let Err(error) = rehearsed {
            self.rebuild_rehearsal();
            return Err(SyncError::Malformed(error.to_string()));
        }
        let mut txn = self.doc.transact_mut();
        for update in updates {
            txn.apply_update(decode(update)?)
                .map_err(|error| SyncError::Malformed(error.to_string()))?;
        }
        Ok(txn.has_changes())
    }

    /// Makes the rehearsal document anew from the document itself.
    fn rebuild_rehearsal(&self) {
        let copy = empty_doc();
        if let Ok(state) = decode(&self.encode_state()) {
            // The document's own state always applies to an empty document.
            let _ = copy.transact_mut().apply_update(state);
        }
        *self.rehearsal.borrow_mut() = copy;
    }
}

fn decode(update: &[u8]) -> Result<Update, SyncError> {
    Update::decode_v1(update).map_err(|error| SyncError::Malformed(error.to_string()))
}

fn problem(path: &str, message: &str) -> Problem {
    Problem {
        path: path.to_string(),
        message: message.to_string(),
    }
}

fn schema_version<T: ReadTxn>(txn: &T, meta: &MapRef) -> Option<u64> {
    match meta.get(txn, "schema_version")? {
        Out::Any(Any::Number(number)) => number
            .as_i64()
            .map(|version| u64::try_from(version).unwrap_or(u64::MAX)),
        // Something is there, but not a version this build knows how to read.
        _ => Some(u64::MAX),
    }
}

fn text_of<T: ReadTxn>(txn: &T, shared: &TextRef) -> String {
    use yrs::GetString;
    shared.get_string(txn)
}

/// Writes `value` under `key` unless it is there already.
fn write_scalar(txn: &mut TransactionMut, map: &MapRef, key: &str, value: Any) {
    let same = matches!(map.get(txn, key), Some(Out::Any(ref held)) if *held == value);
    if !same {
        map.insert(txn, key, value);
    }
}

/// An item of a list as JSON: a map of fields (texts read as strings), or one value.
fn read_item<T: ReadTxn>(txn: &T, item: Out) -> Option<Value> {
    match item {
        Out::Any(any) => layout::to_json(&any),
        Out::YMap(fields) => {
            let mut object = Object::new();
            for (key, value) in fields.iter(txn) {
                let value = match value {
                    Out::Any(any) => layout::to_json(&any)?,
                    Out::YText(shared) => Value::String(text_of(txn, &shared)),
                    _ => return None,
                };
                object.insert(key.to_string(), value);
            }
            Some(Value::Object(object))
        }
        _ => None,
    }
}

/// The keys of a list's items in order: as the order array has them, each once and only if
/// the item is there. An item is added with its place in one change, so an item the array does
/// not name is not part of the plan (only a faulty peer makes one; the next save removes it).
fn ordered_keys<T: ReadTxn>(txn: &T, items: &MapRef, order: &ArrayRef) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut keys = Vec::new();
    for value in order.iter(txn) {
        if let Out::Any(Any::String(key)) = value {
            if items.contains_key(txn, &key) && seen.insert(key.to_string()) {
                keys.push(key.to_string());
            }
        }
    }
    keys
}

/// Removes the items whose key is not in `keys`.
fn keep_only(txn: &mut TransactionMut, items: &MapRef, keys: &[String]) {
    let kept: HashSet<&str> = keys.iter().map(String::as_str).collect();
    let gone: Vec<String> = items
        .keys(txn)
        .filter(|key| !kept.contains(key))
        .map(str::to_string)
        .collect();
    for key in gone {
        items.remove(txn, &key);
    }
}

/// Brings one item to `value`: a map changed field by field, or a single value.
fn write_item(txn: &mut TransactionMut, list: &List, items: &MapRef, key: &str, value: &Value) {
    let Value::Object(fields) = value else {
        write_scalar(txn, items, key, layout::to_any(value));
        return;
    };
    let item = match items.get(txn, key) {
        Some(Out::YMap(item)) => item,
        _ => items.insert(txn, key, MapPrelim::default()),
    };
    let keyed_by_id = list.identity == Identity::Id;
    for (field, value) in fields {
        if keyed_by_id && field == "id" {
            continue;
        }
        match value {
            Value::String(new) if list.texts.contains(&field.as_str()) => {
                match item.get(txn, field) {
                    Some(Out::YText(shared)) => text::write(&shared, txn, new),
                    _ => {
                        item.insert(txn, field.as_str(), TextPrelim::new(new.as_str()));
                    }
                }
            }
            _ => write_scalar(txn, &item, field, layout::to_any(value)),
        }
    }
    let stale: Vec<String> = item
        .keys(txn)
        .filter(|key| !fields.contains_key(*key) || (keyed_by_id && *key == "id"))
        .map(str::to_string)
        .collect();
    for key in stale {
        item.remove(txn, &key);
    }
}

/// Brings the order array to `keys` by replacing only what lies between the common ends.
fn write_order(txn: &mut TransactionMut, order: &ArrayRef, keys: &[String]) {
    let held: Vec<Option<String>> = order
        .iter(txn)
        .map(|value| match value {
            Out::Any(Any::String(key)) => Some(key.to_string()),
            _ => None,
        })
        .collect();
    let same = |a: &Option<String>, b: &String| a.as_deref() == Some(b.as_str());
    let prefix = held
        .iter()
        .zip(keys)
        .take_while(|(a, b)| same(a, b))
        .count();
    let suffix = held[prefix..]
        .iter()
        .rev()
        .zip(keys[prefix..].iter().rev())
        .take_while(|(a, b)| same(a, b))
        .count();
    let removed = held.len() - prefix - suffix;
    if removed > 0 {
        order.remove_range(txn, prefix as u32, removed as u32);
    }
    let inserted = &keys[prefix..keys.len() - suffix];
    if !inserted.is_empty() {
        order.insert_range(
            txn,
            prefix as u32,
            inserted.iter().map(|key| Any::from(key.as_str())),
        );
    }
}

/// A list whose items carry their id: each id is its item's key.
fn write_by_id(
    txn: &mut TransactionMut,
    list: &List,
    items: &MapRef,
    order: &ArrayRef,
    wanted: &[Value],
) {
    let mut keys = Vec::with_capacity(wanted.len());
    for value in wanted {
        let Some(id) = value.get("id").and_then(Value::as_str) else {
            continue;
        };
        write_item(txn, list, items, id, value);
        keys.push(id.to_string());
    }
    keep_only(txn, items, &keys);
    write_order(txn, order, &keys);
}

/// A list whose items have no id: the plan's items are matched to the document's by position,
/// equal items at both ends first; the document's keys of matched items are kept, and new
/// items get new keys.
fn write_by_key(
    txn: &mut TransactionMut,
    list: &List,
    items: &MapRef,
    order: &ArrayRef,
    wanted: &[Value],
) {
    let held_keys = ordered_keys(txn, items, order);
    let held: Vec<Option<Value>> = held_keys
        .iter()
        .map(|key| items.get(txn, key).and_then(|item| read_item(txn, item)))
        .collect();
    let equal = |a: &Option<Value>, b: &Value| a.as_ref() == Some(b);
    let prefix = held
        .iter()
        .zip(wanted)
        .take_while(|(a, b)| equal(a, b))
        .count();
    let suffix = held[prefix..]
        .iter()
        .rev()
        .zip(wanted[prefix..].iter().rev())
        .take_while(|(a, b)| equal(a, b))
        .count();
    let held_middle = &held_keys[prefix..held_keys.len() - suffix];
    let wanted_middle = &wanted[prefix..wanted.len() - suffix];

    let mut keys: Vec<String> = held_keys[..prefix].to_vec();
    for (at, value) in wanted_middle.iter().enumerate() {
        let key = match held_middle.get(at) {
            Some(key) => key.clone(),
            None => new_record_id(),
        };
        write_item(txn, list, items, &key, value);
        keys.push(key);
    }
    keys.extend_from_slice(&held_keys[held_keys.len() - suffix..]);
    // The items left over in the middle, and any the order does not name.
    keep_only(txn, items, &keys);
    write_order(txn, order, &keys);
}

/// Fields a plan read from the document has before this device's own are put in: a plan new
/// to this device was last changed when it was made, as far as it knows, and has no notes.
fn fill_local(plan: &mut Object) {
    let created_at = plan.get("created_at").cloned().unwrap_or(Value::Null);
    plan.insert("updated_at".into(), created_at);
    plan.insert("rev".into(), Value::from(0));
    if let Some(Value::Object(partner)) = plan.get_mut("partner") {
        partner.insert("notes".into(), Value::String(String::new()));
    }
}

/// Puts this device's own part of the plan into the plan read from the document: its save
/// count and time, how it got the plan, its partner notes and its internal log entries, each
/// after the last shared entry before it that is still there.
fn keep_local(plan: &mut Plan, local: &Plan) {
    plan.updated_at = local.updated_at;
    plan.rev = local.rev;
    plan.example = local.example;
    plan.partner.notes.clone_from(&local.partner.notes);

    let internal: HashSet<&str> = local
        .log
        .iter()
        .filter(|entry| entry.internal)
        .map(|entry| entry.id.as_str())
        .collect();
    if internal.is_empty() {
        return;
    }
    // An entry this device has marked internal stays internal, whatever the document holds.
    plan.log
        .retain(|entry| !internal.contains(entry.id.as_str()));
    // Where each shared entry is in the plan read back; `after[0]` holds what comes first,
    // `after[i + 1]` what follows entry `i`.
    let at: HashMap<&str, usize> = plan
        .log
        .iter()
        .enumerate()
        .map(|(index, entry)| (entry.id.as_str(), index))
        .collect();
    let mut after: Vec<Vec<LogEntry>> = vec![Vec::new(); plan.log.len() + 1];
    let mut anchor = 0;
    for entry in &local.log {
        if entry.internal {
            after[anchor].push(entry.clone());
        } else if let Some(index) = at.get(entry.id.as_str()) {
            anchor = index + 1;
        }
    }
    drop(at);
    let mut merged = std::mem::take(&mut after[0]);
    merged.reserve(plan.log.len());
    for (index, entry) in std::mem::take(&mut plan.log).into_iter().enumerate() {
        merged.push(entry);
        merged.append(&mut after[index + 1]);
    }
    plan.log = merged;
}
