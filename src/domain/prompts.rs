//! The seed's prompts (SPEC §1): the product's voice, shown by the wizard's steps and the
//! workshop deck's slides. Kept here once so both say exactly the same words.

/// Lesson 1: build the foundation before revenue.
pub const FOUNDATION: &str =
    "What systems and trust are we building now that will compound six months from now?";
/// Lesson 2: timing matters more than fit.
pub const TIMING: &str = "What's top-of-mind for your leadership this quarter? How does this partnership fit into that picture?";
/// Lesson 4: start small, with one winnable use case.
pub const FASTEST_JOINT_WIN: &str = "What's the fastest joint win we can deliver together?";
/// Lesson 3: launch energy fades without structure.
pub const NEXT_STEPS: &str =
    "Don't just celebrate the launch — secure the next three steps before the energy dips.";
/// Lesson 5: motion beats the perfect plan.
pub const SCRAPPY_V1: &str =
    "Let's launch a scrappy V1. We'll learn more in 30 days of doing than in 30 more slides.";
/// The wizard's first step: who the partnership is with.
pub const PARTNER: &str = "Partnerships are a long game. Who are you building this with, and who carries it on each side?";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_prompts_are_word_for_word() {
        // SPEC §1 quotes these; the wizard and the workshop both show them.
        assert!(FOUNDATION.contains("compound six months from now"));
        assert!(TIMING.starts_with("What's top-of-mind for your leadership this quarter?"));
        assert!(NEXT_STEPS.contains("secure the next three steps before the energy dips"));
        assert!(SCRAPPY_V1.ends_with("than in 30 more slides."));
        assert_eq!(FASTEST_JOINT_WIN.matches('?').count(), 1);
    }
}
