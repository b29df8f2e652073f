//! Time control without any UI: send commands, step with a constant `dt`, assert on the
//! cursor (Rerun's `time_control/tests.rs` pattern).

use super::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, d).expect("valid June date")
}

/// A fixed frame time of 1/64 s (exact in binary, so sums of it are exact).
const DT: f64 = 1.0 / 64.0;

fn control() -> TimeControl {
    let mut tc = TimeControl::new(day(1), day(10));
    let _ = tc.apply(TimeCommand::Home, &[]);
    tc
}

/// A new control starts paused on its last day, showing everything up to it.
#[test]
fn starts_paused_at_the_end_showing_everything() {
    let tc = TimeControl::new(day(10), day(1));
    assert_eq!(
        tc.bounds(),
        (day(1), day(10)),
        "reversed bounds are put in order"
    );
    assert_eq!(tc.cursor(), day(10));
    assert!(!tc.playing(), "paused");
    assert_eq!(tc.window_range(), (None, day(10)), "cumulative window");
}

/// Playing at one day per second moves one day per second of frames.
#[test]
fn play_advances_one_day_per_second_at_speed_one() {
    let mut tc = control();
    assert!(
        tc.apply(TimeCommand::Play, &[]).playing_changed,
        "play starts"
    );
    let mut moves = 0;
    for _ in 0..192 {
        if tc.update(DT).cursor_moved {
            moves += 1;
        }
    }
    assert_eq!(tc.cursor(), day(4), "3 seconds at 1 day/s from the 1st");
    assert_eq!(moves, 3, "three reported moves");
}

/// Speed scales playback; half a day per second takes two seconds per day.
#[test]
fn speed_scales_playback() {
    let mut tc = control();
    let _ = tc.apply(TimeCommand::SetSpeed(0.5), &[]);
    let _ = tc.apply(TimeCommand::Play, &[]);
    for _ in 0..256 {
        let _ = tc.update(DT);
    }
    assert_eq!(tc.cursor(), day(3), "4 s at 0.5 day/s");
    let _ = tc.apply(TimeCommand::SetSpeed(5.0), &[]);
    for _ in 0..64 {
        let _ = tc.update(DT);
    }
    assert_eq!(tc.cursor(), day(8), "1 s at 5 days/s");
}

/// Without loop, playback stops on the last day; with loop it starts over.
#[test]
fn playback_stops_or_loops_at_the_end() {
    let mut tc = control();
    let _ = tc.apply(TimeCommand::SetSpeed(5.0), &[]);
    let _ = tc.apply(TimeCommand::Play, &[]);
    for _ in 0..500 {
        let _ = tc.update(DT);
    }
    assert_eq!(tc.cursor(), day(10), "stopped at the end");
    assert!(!tc.playing(), "no longer playing");

    let _ = tc.apply(TimeCommand::SetLoop(true), &[]);
    let _ = tc.apply(TimeCommand::Play, &[]);
    assert_eq!(tc.cursor(), day(1), "play at the end starts over");
    for _ in 0..128 {
        let _ = tc.update(DT);
    }
    assert!(tc.playing(), "looping keeps playing");
    assert_eq!(
        tc.cursor(),
        day(1),
        "10 days at 5 days/s wrap exactly to the start"
    );
}

/// Pausing stops the cursor; updates while paused change nothing.
#[test]
fn pause_stops_the_cursor() {
    let mut tc = control();
    let _ = tc.apply(TimeCommand::TogglePlay, &[]);
    let _ = tc.update(1.5);
    let _ = tc.apply(TimeCommand::TogglePlay, &[]);
    let at = tc.cursor();
    assert_eq!(
        tc.update(10.0),
        TimeChange::default(),
        "paused: nothing changes"
    );
    assert_eq!(tc.cursor(), at);
}

/// Steps and jumps stay within the bounds.
#[test]
fn steps_are_clamped_to_the_bounds() {
    let mut tc = control();
    assert!(
        !tc.apply(TimeCommand::Step(-1), &[]).cursor_moved,
        "cannot go before the start"
    );
    let _ = tc.apply(TimeCommand::Step(3), &[]);
    assert_eq!(tc.cursor(), day(4));
    let _ = tc.apply(TimeCommand::Step(100), &[]);
    assert_eq!(tc.cursor(), day(10));
    let _ = tc.apply(TimeCommand::SetCursor(day(30)), &[]);
    assert_eq!(tc.cursor(), day(10), "set cursor clamps too");
    let _ = tc.apply(TimeCommand::Home, &[]);
    assert_eq!(tc.cursor(), day(1));
    let _ = tc.apply(TimeCommand::End, &[]);
    assert_eq!(tc.cursor(), day(10));
}

/// "Previous/next day with events" skips empty days and stops at the ends.
#[test]
fn previous_and_next_event_day_skip_empty_days() {
    let events = [day(2), day(5), day(9)];
    let mut tc = control();
    let _ = tc.apply(TimeCommand::NextEventDay, &events);
    assert_eq!(tc.cursor(), day(2));
    let _ = tc.apply(TimeCommand::NextEventDay, &events);
    assert_eq!(tc.cursor(), day(5));
    let _ = tc.apply(TimeCommand::SetCursor(day(7)), &events);
    let _ = tc.apply(TimeCommand::PreviousEventDay, &events);
    assert_eq!(tc.cursor(), day(5));
    let _ = tc.apply(TimeCommand::SetCursor(day(9)), &events);
    assert!(
        !tc.apply(TimeCommand::NextEventDay, &events).cursor_moved,
        "no later event day"
    );
}

/// The window follows the cursor: one day, seven days, or everything before.
#[test]
fn window_modes_cover_the_right_days() {
    let mut tc = control();
    let _ = tc.apply(TimeCommand::SetCursor(day(8)), &[]);
    let _ = tc.apply(TimeCommand::SetWindow(WindowMode::Day), &[]);
    assert_eq!(tc.window_range(), (Some(day(8)), day(8)));
    let change = tc.apply(TimeCommand::SetWindow(WindowMode::Week), &[]);
    assert!(
        change.settings_changed && !change.cursor_moved,
        "a settings change only"
    );
    assert_eq!(tc.window_range(), (Some(day(2)), day(8)));
}

/// New bounds pull the cursor inside them.
#[test]
fn new_bounds_clamp_the_cursor() {
    let mut tc = control();
    let _ = tc.apply(TimeCommand::SetCursor(day(9)), &[]);
    let change = tc.apply(
        TimeCommand::SetBounds {
            first: day(1),
            last: day(5),
        },
        &[],
    );
    assert!(
        change.cursor_moved && change.settings_changed,
        "both reported"
    );
    assert_eq!(tc.cursor(), day(5));
}

/// Nonsense speeds are refused or clamped, never stored.
#[test]
fn speed_is_sanitised() {
    let mut tc = control();
    let _ = tc.apply(TimeCommand::SetSpeed(f64::NAN), &[]);
    assert!(
        (tc.days_per_sec() - 1.0).abs() < f64::EPSILON,
        "NaN ignored"
    );
    let _ = tc.apply(TimeCommand::SetSpeed(-3.0), &[]);
    assert!(tc.days_per_sec() > 0.0, "negative clamped");
}
