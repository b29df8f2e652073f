//! Commands to the time control and the report of what they changed.

use super::TimeControl;
use chrono::NaiveDate;

/// How much time around the cursor the views show.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum WindowMode {
    /// The cursor's day only.
    Day,
    /// The seven days ending on the cursor.
    Week,
    /// Everything up to and including the cursor.
    #[default]
    Cumulative,
}

impl WindowMode {
    /// All modes, in the order the UI offers them.
    pub const ALL: [Self; 3] = [Self::Day, Self::Week, Self::Cumulative];

    /// The UI's name for the mode.
    pub fn label(self) -> &'static str {
        match self {
            Self::Day => "Day",
            Self::Week => "7 days",
            Self::Cumulative => "All up to date",
        }
    }
}

/// Everything that may change time.
#[must_use = "a command does nothing until applied"]
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TimeCommand {
    /// Move the cursor to a day (clamped to the bounds).
    SetCursor(NaiveDate),
    /// Move the cursor by whole days.
    Step(i32),
    /// Move to the previous day that has events.
    PreviousEventDay,
    /// Move to the next day that has events.
    NextEventDay,
    /// Move to the first day.
    Home,
    /// Move to the last day.
    End,
    /// Start playback (from the start if at the end).
    Play,
    /// Stop playback.
    Pause,
    /// Play or pause.
    TogglePlay,
    /// Set the playback speed in days per second.
    SetSpeed(f64),
    /// Start over at the end, or stop there.
    SetLoop(bool),
    /// Change the window shown around the cursor.
    SetWindow(WindowMode),
    /// Change the timeline's first and last day.
    SetBounds {
        /// First day.
        first: NaiveDate,
        /// Last day.
        last: NaiveDate,
    },
}

/// What a command or a playback step changed.
#[must_use = "views should react to what changed"]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimeChange {
    /// The cursor moved.
    pub cursor_moved: bool,
    /// Playback started or stopped.
    pub playing_changed: bool,
    /// Window, speed, loop or bounds changed.
    pub settings_changed: bool,
}

impl TimeChange {
    pub(super) fn between(before: &TimeControl, after: &TimeControl) -> Self {
        Self {
            cursor_moved: before.cursor != after.cursor,
            playing_changed: before.playing != after.playing,
            settings_changed: before.window != after.window
                || before.days_per_sec.to_bits() != after.days_per_sec.to_bits()
                || before.looping != after.looping
                || before.first != after.first
                || before.last != after.last,
        }
    }

    /// True when anything changed.
    pub fn any(self) -> bool {
        self.cursor_moved || self.playing_changed || self.settings_changed
    }
}
