//! A plan as Markdown, for email and documents.
