//! Ordering the short, nearly sorted lists a plan holds (steps by due date, the log by day, the
//! trash by deletion), without a general sort in the browser bundle.

/// Orders a short, nearly sorted list in place, keeping equal items in their order; `after(a,
/// b)` says `a` belongs after `b`. On a list that is already nearly in order (entries appended
/// as they happen) an insertion pass is linear.
pub fn insertion_order<T>(items: &mut [T], after: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && after(&items[j - 1], &items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_and_keeps_equal_items_in_their_order() {
        let mut items = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        insertion_order(&mut items, |a, b| a.0 > b.0);
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: [u8; 0] = [];
        insertion_order(&mut empty, |a, b| a > b);
    }
}
