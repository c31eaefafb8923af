//! Changing a shared text by the smallest edit: what lies between the common beginning and the
//! common end of the old and the new text is removed and inserted. Two people typing in
//! different places of the same text both keep what they typed.

use yrs::{GetString, Text, TextRef, TransactionMut};

/// The edit that turns `old` into `new`: `(at, removed, inserted)`, in bytes of `old`, always on
/// character boundaries. `None` when the texts are equal.
pub fn edit<'a>(old: &str, new: &'a str) -> Option<(usize, usize, &'a str)> {
    if old == new {
        return None;
    }
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .find(|((_, a), b)| a != b)
        .map_or_else(|| old.len().min(new.len()), |((at, _), _)| at);
    // A common prefix of whole characters is the same bytes in both texts.
    let (old_rest, new_rest) = (&old[prefix..], &new[prefix..]);
    let suffix: usize = old_rest
        .chars()
        .rev()
        .zip(new_rest.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let removed = old_rest.len() - suffix;
    let inserted = &new_rest[..new_rest.len() - suffix];
    Some((prefix, removed, inserted))
}

/// Brings `text` to `new` by the smallest edit.
pub fn write(text: &TextRef, txn: &mut TransactionMut, new: &str) {
    let old = text.get_string(txn);
    if let Some((at, removed, inserted)) = edit(&old, new) {
        if removed > 0 {
            text.remove_range(txn, at as u32, removed as u32);
        }
        if !inserted.is_empty() {
            text.insert(txn, at as u32, inserted);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(old: &str, new: &str) -> String {
        match edit(old, new) {
            None => old.to_string(),
            Some((at, removed, inserted)) => {
                format!("{}{}{}", &old[..at], inserted, &old[at + removed..])
            }
        }
    }

    #[test]
    fn the_edit_is_the_part_between_the_common_ends() {
        assert_eq!(edit("same", "same"), None);
        assert_eq!(
            edit("Grow sales", "Grow joint sales"),
            Some((5, 0, "joint "))
        );
        assert_eq!(edit("Grow joint sales", "Grow sales"), Some((5, 6, "")));
        assert_eq!(edit("abc", "abXc"), Some((2, 0, "X")));
        // Repeated letters: the prefix is taken first, so the edit never overlaps itself.
        assert_eq!(edit("aaa", "aa"), Some((2, 1, "")));
        assert_eq!(edit("", "new"), Some((0, 0, "new")));
        assert_eq!(edit("old", ""), Some((0, 3, "")));
    }

    #[test]
    fn edits_stay_on_character_boundaries() {
        for (old, new) in [
            ("café", "cafè"),
            ("🚀 launch", "🚁 launch"),
            ("中文", "中国文"),
            ("é", "e\u{301}"),
            ("ab🚀", "ab"),
        ] {
            let (at, removed, _) = edit(old, new).expect("different");
            assert!(old.is_char_boundary(at) && old.is_char_boundary(at + removed));
            assert_eq!(apply(old, new), new);
        }
    }
}
