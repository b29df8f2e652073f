//! The one time cursor every view reads (Rerun's `TimeControl`, scaled down).
//!
//! Its fields are private: time changes only through [`TimeControl::apply`] with a
//! [`TimeCommand`], and through [`TimeControl::update`], which advances playback by a
//! given number of seconds (the caller passes `dt`; nothing here reads a clock). Both
//! return a `#[must_use]` [`TimeChange`] saying what moved, so a view can react to the
//! cursor being moved by someone else (the article pane scrolls, the map re-aggregates).

mod command;

pub use command::{TimeChange, TimeCommand, WindowMode};

use chrono::{Days, NaiveDate};

/// Playback speeds offered in the UI, in days per second.
pub const SPEEDS_DAYS_PER_SEC: [f64; 4] = [0.5, 1.0, 2.0, 5.0];

/// The time cursor, its window, playback state and bounds.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeControl {
    cursor: NaiveDate,
    first: NaiveDate,
    last: NaiveDate,
    window: WindowMode,
    playing: bool,
    days_per_sec: f64,
    looping: bool,
    /// Fraction of a day played but not yet stepped.
    carry_days: f64,
}

impl TimeControl {
    /// A paused control over `first..=last` (swapped if reversed), the cursor on `last`,
    /// showing everything up to the cursor.
    pub fn new(first: NaiveDate, last: NaiveDate) -> Self {
        let (first, last) = if first <= last {
            (first, last)
        } else {
            (last, first)
        };
        Self {
            cursor: last,
            first,
            last,
            window: WindowMode::Cumulative,
            playing: false,
            days_per_sec: 1.0,
            looping: false,
            carry_days: 0.0,
        }
    }

    /// The current day.
    pub fn cursor(&self) -> NaiveDate {
        self.cursor
    }

    /// First and last day of the timeline.
    pub fn bounds(&self) -> (NaiveDate, NaiveDate) {
        (self.first, self.last)
    }

    /// How much time around the cursor is shown.
    pub fn window(&self) -> WindowMode {
        self.window
    }

    /// True while playing.
    pub fn playing(&self) -> bool {
        self.playing
    }

    /// Playback speed.
    pub fn days_per_sec(&self) -> f64 {
        self.days_per_sec
    }

    /// True when playback starts over at the end.
    pub fn looping(&self) -> bool {
        self.looping
    }

    /// The shown days, inclusive: the cursor's day, the seven days ending on it, or
    /// everything up to it (`None` as the start).
    pub fn window_range(&self) -> (Option<NaiveDate>, NaiveDate) {
        match self.window {
            WindowMode::Day => (Some(self.cursor), self.cursor),
            WindowMode::Week => (self.cursor.checked_sub_days(Days::new(6)), self.cursor),
            WindowMode::Cumulative => (None, self.cursor),
        }
    }

    /// Applies one command; `event_days` (sorted) serves "previous/next day with events".
    pub fn apply(&mut self, command: TimeCommand, event_days: &[NaiveDate]) -> TimeChange {
        let before = self.clone();
        match command {
            TimeCommand::SetCursor(day) => self.set_cursor(day),
            TimeCommand::Step(days) => self.step(days),
            TimeCommand::PreviousEventDay => {
                let i = event_days.partition_point(|d| *d < self.cursor);
                if let Some(day) = i.checked_sub(1).and_then(|i| event_days.get(i)) {
                    self.set_cursor(*day);
                }
            }
            TimeCommand::NextEventDay => {
                let i = event_days.partition_point(|d| *d <= self.cursor);
                if let Some(day) = event_days.get(i) {
                    self.set_cursor(*day);
                }
            }
            TimeCommand::Home => self.set_cursor(self.first),
            TimeCommand::End => self.set_cursor(self.last),
            TimeCommand::Play => self.play(),
            TimeCommand::Pause => self.playing = false,
            TimeCommand::TogglePlay => {
                if self.playing {
                    self.playing = false;
                } else {
                    self.play();
                }
            }
            TimeCommand::SetSpeed(days_per_sec) => {
                if days_per_sec.is_finite() {
                    self.days_per_sec = days_per_sec.clamp(0.05, 100.0);
                }
            }
            TimeCommand::SetLoop(looping) => self.looping = looping,
            TimeCommand::SetWindow(window) => self.window = window,
            TimeCommand::SetBounds { first, last } => {
                let (first, last) = if first <= last {
                    (first, last)
                } else {
                    (last, first)
                };
                self.first = first;
                self.last = last;
                self.cursor = self.cursor.clamp(first, last);
            }
        }
        if self.cursor != before.cursor {
            self.carry_days = 0.0;
        }
        TimeChange::between(&before, self)
    }

    /// Advances playback by `dt_secs` seconds.
    pub fn update(&mut self, dt_secs: f64) -> TimeChange {
        if !self.playing || !dt_secs.is_finite() || dt_secs <= 0.0 {
            return TimeChange::default();
        }
        let before = self.clone();
        self.carry_days += dt_secs * self.days_per_sec;
        while self.carry_days >= 1.0 && self.playing {
            self.carry_days -= 1.0;
            if self.cursor >= self.last {
                if self.looping {
                    self.cursor = self.first;
                } else {
                    self.playing = false;
                    self.carry_days = 0.0;
                }
            } else {
                self.step(1);
            }
        }
        TimeChange::between(&before, self)
    }

    fn set_cursor(&mut self, day: NaiveDate) {
        self.cursor = day.clamp(self.first, self.last);
    }

    fn step(&mut self, days: i32) {
        let moved = if days >= 0 {
            self.cursor
                .checked_add_days(Days::new(u64::from(days.unsigned_abs())))
        } else {
            self.cursor
                .checked_sub_days(Days::new(u64::from(days.unsigned_abs())))
        };
        if let Some(day) = moved {
            self.set_cursor(day);
        }
    }

    fn play(&mut self) {
        // Playing from the end starts over, as media players do.
        if self.cursor >= self.last {
            self.cursor = self.first;
        }
        self.playing = true;
        self.carry_days = 0.0;
    }
}

#[cfg(test)]
mod tests;
