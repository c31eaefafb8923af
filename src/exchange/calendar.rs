//! Calendar files (RFC 5545) for a plan: the sync rhythm, the review date and the step due dates.
