//! Text primitives shared by the place matcher and the date recogniser.

pub mod scan;
pub mod sentence;
pub mod token;
pub mod words;
