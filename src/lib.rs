//! dateline reads news articles, finds the places they mention and the dates the events
//! there happened, and shows them on a map and a timeline.
//!
//! # Overview
//! The core is a pipeline of plain data, with no UI dependency:
//!
//! 1. [`article`]: a file's bytes → an [`article::Article`] with dated
//!    [`article::Item`]s (plain text with a date line, live blogs, JSON, HTML), its
//!    problems reported, never panicking on bad input.
//! 2. [`text`]: sentences and tokens, shared by the two recognisers.
//! 3. [`temporal`]: temporal expressions recognised in a sentence and resolved against
//!    the item's publication date, with a granularity (day, month, year).
//! 4. [`gazetteer`]: 158k places embedded as an `fst` index built at compile time;
//!    candidate names found by longest match and resolved with the article's context.
//! 5. [`extract`]: each place mention with the date that governs it → an
//!    [`extract::Event`].
//! 6. [`corpus`]: many files read in parallel, with one [`problem::Problem`] per bad file.
//! 7. [`export`]: events printed as JSON Lines, CSV or `GeoJSON`; [`cli`] wires it up.

pub mod article;
pub mod basemap;
pub mod cli;
pub mod corpus;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod index;
pub mod problem;
pub mod scene;
pub mod selection;
pub mod synth;
pub mod temporal;
pub mod text;
pub mod time_control;
#[cfg(feature = "gui")]
pub mod ui;
pub mod watch;
