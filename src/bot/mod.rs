//! The bot before the human: the FAQ file, its matcher, and the safe markup of answers.

pub mod faq;
pub mod markup;
pub mod matcher;
