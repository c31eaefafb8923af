//! Two versions of one plan, side by side: what differs, field by field and item by item, and
//! the two combined — lists united by item, and a field that differs taken from the side
//! changed later. Used by the import preview ("Combine"), so a partner's newer edit to a plan
//! is neither dropped unseen nor written over ours wholesale. The preview's types are the
//! domain's (`domain::import`); the comparison lives here because it reads the file format.
//!
//! The comparison walks the plans' JSON (the file format), so every field of the format is
//! covered without a list of fields to keep up to date. Items of a list are matched by what
//! identifies them: steps and log entries by id, key results by name, cycles by the day they
//! started, parking-lot ideas and out-of-scope items by their text.

use super::json::{read_json, write_json, Layout};
use crate::domain::import::{Comparison, Difference, Taken};
use crate::domain::{validate_plan, Plan};
use serde_json::{Map, Value};

/// What to compare and combine: everything but the bookkeeping of saves.
const BOOKKEEPING: [&str; 3] = ["rev", "updated_at", "created_at"];

/// How the items of a list at a field are told apart.
fn key_of(field: &str) -> Option<fn(&Value) -> Option<String>> {
    fn by(name: &'static str) -> impl Fn(&Value) -> Option<String> {
        move |item: &Value| item.get(name).map(|v| v.to_string())
    }
    match field {
        "steps" | "log" => Some(|item| by("id")(item)),
        "key_results" => Some(|item| by("name")(item)),
        "cycles" => Some(|item| by("started_on")(item)),
        "parking_lot" | "out_of_scope" => Some(|item| Some(item.to_string())),
        _ => None,
    }
}

/// How an item of a list is named in a difference's place.
fn item_name(item: &Value) -> String {
    let text = ["title", "name", "text", "started_on"]
        .into_iter()
        .find_map(|field| item.get(field).and_then(Value::as_str))
        .or_else(|| item.as_str())
        .unwrap_or("an item");
    format!("“{}”", crate::domain::written::cut(text, 50))
}

/// A value as the preview shows it.
fn shown(value: &Value) -> String {
    match value {
        Value::Null => "—".to_string(),
        Value::String(text) if text.is_empty() => "(empty)".to_string(),
        Value::String(text) => format!("“{}”", crate::domain::written::cut(text, 60)),
        Value::Bool(true) => "yes".to_string(),
        Value::Bool(false) => "no".to_string(),
        other => crate::domain::written::cut(&other.to_string(), 60),
    }
}

fn words(field: &str) -> String {
    field.replace('_', " ")
}

fn place(prefix: &str, part: &str) -> String {
    if prefix.is_empty() {
        part.to_string()
    } else {
        format!("{prefix} › {part}")
    }
}

struct Walk {
    theirs_later: bool,
    differences: Vec<Difference>,
}

impl Walk {
    fn later(&self) -> Taken {
        if self.theirs_later {
            Taken::Theirs
        } else {
            Taken::Mine
        }
    }

    fn value(&mut self, at: &str, field: &str, mine: &Value, theirs: &Value) -> Value {
        if mine == theirs {
            return mine.clone();
        }
        match (mine, theirs) {
            (Value::Object(a), Value::Object(b)) => Value::Object(self.object(at, a, b)),
            (Value::Array(a), Value::Array(b)) if key_of(field).is_some() => {
                Value::Array(self.list(at, field, a, b))
            }
            _ => {
                let taken = self.later();
                self.differences.push(Difference {
                    place: at.to_string(),
                    mine: Some(shown(mine)),
                    theirs: Some(shown(theirs)),
                    taken,
                });
                if taken == Taken::Theirs {
                    theirs.clone()
                } else {
                    mine.clone()
                }
            }
        }
    }

    fn object(
        &mut self,
        at: &str,
        mine: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Map<String, Value> {
        let mut out = Map::new();
        let fields = mine
            .keys()
            .chain(theirs.keys().filter(|k| !mine.contains_key(*k)));
        for field in fields {
            let here = place(at, &words(field));
            // A field written only when it holds something: its absence is its default.
            let (a, b) = match (mine.get(field), theirs.get(field)) {
                (Some(a), Some(b)) => (a.clone(), b.clone()),
                (Some(a), None) => (a.clone(), default_of(a)),
                (None, Some(b)) => (default_of(b), b.clone()),
                (None, None) => (Value::Null, Value::Null),
            };
            let merged = if at.is_empty() && BOOKKEEPING.contains(&field.as_str()) {
                a
            } else {
                self.value(&here, field, &a, &b)
            };
            out.insert(field.clone(), merged);
        }
        out
    }

    fn list(&mut self, at: &str, field: &str, mine: &[Value], theirs: &[Value]) -> Vec<Value> {
        let Some(key) = key_of(field) else {
            return mine.to_vec();
        };
        let mut out = Vec::with_capacity(mine.len().max(theirs.len()));
        for item in mine {
            let name = place(at, &item_name(item));
            match theirs.iter().find(|t| key(t) == key(item)) {
                Some(other) => out.push(self.value(&name, "", item, other)),
                None => {
                    self.differences.push(Difference {
                        place: name,
                        mine: Some("yours only".to_string()),
                        theirs: None,
                        taken: Taken::Kept,
                    });
                    out.push(item.clone());
                }
            }
        }
        for item in theirs {
            if !mine.iter().any(|m| key(m) == key(item)) {
                self.differences.push(Difference {
                    place: place(at, &item_name(item)),
                    mine: None,
                    theirs: Some("theirs only".to_string()),
                    taken: Taken::Kept,
                });
                out.push(item.clone());
            }
        }
        out
    }
}

/// What a field left out of the JSON holds, judged by the other side's value: false, an
/// empty text or list, or nothing.
fn default_of(value: &Value) -> Value {
    match value {
        Value::Bool(_) => Value::Bool(false),
        Value::String(_) => Value::String(String::new()),
        Value::Array(_) => Value::Array(Vec::new()),
        _ => Value::Null,
    }
}

/// Compares my version of a plan with theirs and combines them.
pub fn compare(mine: &Plan, theirs: &Plan) -> Comparison {
    let theirs_later = theirs.updated_at > mine.updated_at;
    // Through the file format's own writer and reader: the plan's JSON is what is compared.
    let value = |plan: &Plan| read_json::<Value>(&write_json(plan, Layout::Compact)).ok();
    let (Some(a), Some(b)) = (value(mine), value(theirs)) else {
        return Comparison {
            differences: Vec::new(),
            combined: None,
            theirs_later,
        };
    };
    let mut walk = Walk {
        theirs_later,
        differences: Vec::new(),
    };
    let mut merged = walk.value("", "", &a, &b);
    // Our notes about the partner are internal: their copy is without them, not a clearing.
    if theirs.partner.notes.trim().is_empty() && !mine.partner.notes.trim().is_empty() {
        merged["partner"]["notes"] = Value::String(mine.partner.notes.clone());
        for difference in &mut walk.differences {
            if difference.place == "partner › notes" {
                difference.taken = Taken::Mine;
            }
        }
    }
    let combined = read_json::<Plan>(&merged.to_string()).ok().map(|mut plan| {
        plan.updated_at = mine.updated_at.max(theirs.updated_at);
        plan.rev = mine.rev;
        plan
    });
    let combined = combined.filter(|plan| validate_plan(plan).is_empty());
    Comparison {
        differences: walk.differences,
        combined,
        theirs_later,
    }
}

/// The preview of an import, each plan that differs compared with mine.
pub fn preview(
    portfolio: &crate::domain::Portfolio,
    plans: Vec<Plan>,
) -> crate::domain::import::Preview {
    crate::domain::import::Preview::of(portfolio, plans, compare)
}
