//! The article pane: items in time order, the selected item's text with its place
//! mentions (clickable) and date expressions (underlined, clickable), or a selected
//! place's passages grouped by date.

use super::command::{Command, Origin};
use super::{ViewCtx, theme};
use crate::extract::Event;
use crate::selection::{ItemRef, SelectionCommand};
use crate::temporal::{EventDate, Granularity};
use crate::time_control::TimeCommand;
use chrono::Datelike as _;
use egui::{
    Galley, Label, Response, RichText, Role, ScrollArea, Sense, Ui, WidgetInfo, WidgetText,
};
use std::borrow::Cow;
use std::sync::Arc;

/// Height of one row of the item list.
const ROW_HEIGHT: f32 = 22.0;

/// Rows the list lays out in a frame, at most, counting those that came into view new:
/// the rest of the budget goes to rows ahead (about 0.5 ms on the development machine).
const ROWS_PER_FRAME: usize = 12;

/// The pane's own state across frames.
#[derive(Default)]
pub struct PaneState {
    /// Scroll the list to the cursor's day (someone else moved the cursor).
    pub scroll_to_cursor: bool,
    /// Scroll the list just enough to show the selected item's row (an item was opened;
    /// the list shrinks to make room for its text, and the row must stay in view).
    pub reveal_selected: bool,
    /// The list's scroll offset in the last frame.
    list_offset: f32,
    /// The rows shown or shaped ahead, kept across frames.
    rows: RowCache,
    /// The selected place's passages, kept while it stays selected.
    passages: Passages,
}

/// The sentences of one place's events, white space collapsed, quoted once when the
/// place is selected rather than every frame: a place can have thousands, from as many
/// (packed) articles.
#[derive(Default)]
struct Passages {
    /// Corpus generation and place index they were quoted for.
    key: Option<(u64, usize)>,
    /// Event index → its sentence and where the place's mention is in it.
    sentences: std::collections::HashMap<usize, Passage>,
}

/// A sentence, white space collapsed, and the byte range of a mention in it.
#[derive(Debug, PartialEq)]
struct Passage {
    text: String,
    mention: std::ops::Range<usize>,
}

impl Passage {
    /// `sentence` with runs of white space as one space and its ends trimmed; `mention`
    /// (byte offsets in `sentence`) follows the text it marks.
    fn quote(sentence: &str, mention: std::ops::Range<usize>) -> Self {
        let mut text = String::with_capacity(sentence.len());
        let (mut start, mut end) = (None, None);
        let mut space = false;
        for (i, c) in sentence.char_indices() {
            if i >= mention.start && start.is_none() {
                if space && !text.is_empty() {
                    text.push(' ');
                    space = false;
                }
                start = Some(text.len());
            }
            if i >= mention.end && end.is_none() {
                end = Some(text.len());
            }
            if c.is_whitespace() {
                space = true;
                continue;
            }
            if space && !text.is_empty() {
                text.push(' ');
            }
            space = false;
            text.push(c);
        }
        let start = start.unwrap_or(text.len());
        let end = end.unwrap_or(text.len()).max(start);
        Self {
            text,
            mention: start..end,
        }
    }

    /// The sentence laid out with its mention marked as in the item's text.
    fn job(&self, ui: &Ui) -> egui::text::LayoutJob {
        let font = egui::TextStyle::Button.resolve(ui.style());
        let color = ui.visuals().text_color();
        let plain = egui::TextFormat::simple(font.clone(), color);
        let marked = egui::TextFormat {
            background: theme::MENTION_BG,
            ..egui::TextFormat::simple(font, color)
        };
        let mut job = egui::text::LayoutJob::default();
        let (before, rest) = self
            .text
            .split_at_checked(self.mention.start)
            .unwrap_or(("", ""));
        let (mention, after) = rest
            .split_at_checked(self.mention.len())
            .unwrap_or((rest, ""));
        job.append(before, 0.0, plain.clone());
        job.append(mention, 0.0, marked);
        job.append(after, 0.0, plain);
        job
    }
}

impl Passages {
    /// The sentences of `place`'s events, quoted now unless already.
    fn of(
        &mut self,
        view: &ViewCtx<'_>,
        place: usize,
    ) -> &std::collections::HashMap<usize, Passage> {
        let key = (view.corpus_generation, place);
        if self.key != Some(key) {
            self.key = Some(key);
            // In corpus order, so each article is unpacked once.
            self.sentences = view
                .index
                .events_of_place(place)
                .iter()
                .filter_map(|&e| {
                    let event = view.corpus.events.get(e)?;
                    let text = view.corpus.text(event.article as usize)?;
                    let from = event.sentence_start as usize;
                    let sentence = text.get(from..event.sentence_end as usize)?;
                    let mention = (event.start as usize).saturating_sub(from)
                        ..(event.end as usize).saturating_sub(from);
                    Some((e, Passage::quote(sentence, mention)))
                })
                .collect();
        }
        &self.sentences
    }
}

impl PaneState {
    /// Rows of the item list that the last frame showed without having laid them out
    /// before (0 when the day's rows were ready).
    pub fn rows_unprepared(&self) -> usize {
        self.rows.unprepared
    }

    /// True while rows of the neighbouring days remain to be laid out ahead (by frames
    /// that come anyway: the pane asks for none).
    pub fn rows_pending(&self) -> bool {
        self.rows.pending
    }
}

/// The item list's rows that are on screen or will be after the next day step.
///
/// egui shapes a row's text once and keeps the result while some frame still asks for
/// it; moving the cursor a day scrolls a whole screen of new rows into view. So in the
/// frames between day changes (playback draws a dozen between two days), a few rows of
/// the neighbouring days are laid out each frame (and asked for again every frame
/// after, to stay in egui's cache): when the day moves, its rows are ready. This map
/// holds the rows' text and tells which rows egui has.
#[derive(Default)]
struct RowCache {
    /// Corpus generation, wrap width and font size (bits) the rows were laid out for:
    /// when they change, the rows are stale (the texts or egui's layouts of them).
    layout: (u64, u32, u32),
    /// Frame counter, to drop rows no frame asked for.
    frame: u32,
    /// Global item number → its row.
    rows: std::collections::HashMap<usize, Row>,
    /// The rows to shape ahead, and what they were computed for (cursor, rows listed,
    /// rows on screen; a search that lists as many rows keeps a stale plan, which only
    /// costs rows shaped in vain).
    ahead: Vec<usize>,
    ahead_for: Option<(chrono::NaiveDate, usize, usize)>,
    /// Rows the last frame showed that no frame had laid out before.
    unprepared: usize,
    /// Rows ahead still to lay out.
    pending: bool,
}

/// One row: its whole text and the frame that last used it.
struct Row {
    text: String,
    used: u32,
}

impl RowCache {
    /// Starts a frame of rows laid out `width` points wide in a font of `size` points.
    /// Returns whether that layout (or the corpus) changed since the last frame, which
    /// drops every row.
    fn begin(&mut self, view: &ViewCtx<'_>, width: f32, size: f32) -> bool {
        let layout = (
            view.corpus_generation,
            width.round().to_bits(),
            size.to_bits(),
        );
        let changed = layout != self.layout;
        if changed {
            self.layout = layout;
            self.rows.clear();
            self.ahead_for = None;
        }
        self.frame = self.frame.wrapping_add(1);
        changed
    }

    /// Has a frame laid this row out since the layout last changed?
    fn has(&self, g: usize) -> bool {
        self.rows.contains_key(&g)
    }

    /// The whole text of item `g`'s row, marked as used this frame.
    fn text(&mut self, view: &ViewCtx<'_>, g: usize) -> Option<&str> {
        let frame = self.frame;
        let row = match self.rows.entry(g) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => v.insert(Row {
                text: row_label(view, g)?,
                used: frame,
            }),
        };
        row.used = frame;
        Some(row.text.as_str())
    }

    /// Forgets the rows this frame did not use.
    fn end(&mut self) {
        let frame = self.frame;
        self.rows.retain(|_, r| r.used == frame);
    }

    /// Finds the rows shown when the list is scrolled to the day after or before the
    /// cursor (the next day's first), `on_screen` rows each.
    /// Returns whether they changed (the cursor moved, or the list did).
    fn plan_ahead(&mut self, view: &ViewCtx<'_>, shown: &[usize], on_screen: usize) -> bool {
        let cursor = view.time.cursor();
        let key = (cursor, shown.len(), on_screen);
        let changed = self.ahead_for != Some(key);
        if changed {
            self.ahead_for = Some(key);
            self.ahead.clear();
            let days = [cursor.succ_opt(), cursor.pred_opt()];
            for day in days.into_iter().flatten() {
                let first = first_row_from(view, shown, day).saturating_sub(1);
                for &g in shown.iter().skip(first).take(on_screen) {
                    if !self.ahead.contains(&g) {
                        self.ahead.push(g);
                    }
                }
            }
        }
        changed
    }
}

/// The first row of `shown` published on `day` or later (`shown.len()` if none).
fn first_row_from(view: &ViewCtx<'_>, shown: &[usize], day: chrono::NaiveDate) -> usize {
    shown
        .iter()
        .position(|&g| view.index.item_day(g).is_some_and(|d| d >= day))
        .unwrap_or(shown.len())
}

/// Draws the article pane.
pub fn article_pane_ui(
    view: &ViewCtx<'_>,
    state: &mut PaneState,
    ui: &mut Ui,
    out: &mut Vec<Command>,
) {
    if let Some(place) = view
        .selection
        .place()
        .and_then(|id| view.index.place_index(id))
    {
        passages_ui(view, place, state.passages.of(view, place), ui, out);
        return;
    }
    let list_height = if view.selection.item().is_some() {
        (ui.available_height() * 0.38).max(120.0)
    } else {
        ui.available_height()
    };
    ui.add_space(4.0);
    let shown = visible_items(view);
    ui.horizontal(|ui| {
        ui.heading("Articles");
        ui.label(RichText::new(format!("{} items", shown.len())).weak());
    });
    item_list_ui(view, &shown, state, list_height, ui, out);
    if let Some(item) = view.selection.item() {
        ui.separator();
        item_text_ui(view, item, ui, out);
    }
}

/// Global numbers of the items to list, in time order, after the search filter.
fn visible_items<'v>(view: &ViewCtx<'v>) -> Cow<'v, [usize]> {
    match view.filter {
        None => Cow::Borrowed(&view.index.items_by_time),
        Some(f) => Cow::Owned(
            view.index
                .items_by_time
                .iter()
                .copied()
                .filter(|g| f.allows(*g))
                .collect(),
        ),
    }
}

/// The whole text of item `g`'s row: "1 Jun 16:14  Title  ·  Source".
fn row_label(view: &ViewCtx<'_>, g: usize) -> Option<String> {
    let (article, item) = lookup(view, view.index.item(g)?)?;
    let source = item.source.as_deref().unwrap_or(&article.name);
    let (first, last) = view.time.bounds();
    let with_year = first.year() != last.year();
    Some(format!(
        "{}  {}  ·  {}",
        when(item, with_year),
        item.title,
        source
    ))
}

fn item_list_ui(
    view: &ViewCtx<'_>,
    shown: &[usize],
    state: &mut PaneState,
    height: f32,
    ui: &mut Ui,
    out: &mut Vec<Command>,
) {
    let cursor = view.time.cursor();
    let mut area = ScrollArea::vertical()
        .id_salt("items")
        .max_height(height)
        .auto_shrink([false, true]);
    let row_step = ROW_HEIGHT + ui.spacing().item_spacing.y;
    let mut offset = None;
    if state.scroll_to_cursor {
        let row = first_row_from(view, shown, cursor);
        offset = Some((row.saturating_sub(1) as f32) * row_step);
    }
    if std::mem::take(&mut state.reveal_selected)
        && let Some(row) = view
            .selection
            .item()
            .and_then(|r| shown.iter().position(|&g| view.index.item(g) == Some(r)))
    {
        let top = offset.unwrap_or(state.list_offset);
        offset = Some(reveal(top, row as f32 * row_step, row_step, height));
    }
    if let Some(offset) = offset {
        area = area.vertical_scroll_offset(offset);
    }
    let cache = &mut state.rows;
    let output = area.show_rows(ui, ROW_HEIGHT, shown.len(), |ui, rows| {
        let font = egui::TextStyle::Button.resolve(ui.style());
        let wrap_width = ui.available_width() - 2.0 * ui.spacing().button_padding.x;
        let max_chars = row_chars(wrap_width, font.size);
        let layout_changed = cache.begin(view, wrap_width, font.size);
        let on_screen = rows.len();
        cache.unprepared = 0;
        for &g in shown.get(rows).unwrap_or(&[]) {
            let Some(item_ref) = view.index.item(g) else {
                continue;
            };
            let Some((article, item)) = lookup(view, item_ref) else {
                continue;
            };
            cache.unprepared += usize::from(!cache.has(g));
            let Some(full) = cache.text(view, g) else {
                continue;
            };
            let today = view.index.item_day(g) == Some(cursor);
            let selected = view.selection.item() == Some(item_ref);
            let galley = row_galley(ui, full, max_chars, wrap_width);
            let response = row_ui(ui, galley, selected, today, full);
            if response.clicked() {
                out.push(Command::OpenItem(item_ref, Origin::Pane));
            }
            // The tooltip's text is made only when it shows.
            response.on_hover_ui(|ui| {
                ui.label(format!(
                    "{}\n{} · {}",
                    item.title,
                    item.published.to_rfc3339(),
                    article.name
                ));
            });
        }
        // Keep the neighbouring days' rows laid out, and lay out a few more with what
        // is left of the frame's budget; none in a frame that moved the day (it has
        // enough to draw) or while the layout changes (a panel being resized).
        let moved = cache.plan_ahead(view, shown, on_screen);
        let mut budget = if layout_changed || moved {
            0
        } else {
            ROWS_PER_FRAME.saturating_sub(cache.unprepared)
        };
        let mut pending = false;
        let ahead = std::mem::take(&mut cache.ahead);
        for &g in &ahead {
            if !cache.has(g) {
                if budget == 0 {
                    pending = true;
                    continue;
                }
                budget -= 1;
            }
            if let Some(full) = cache.text(view, g) {
                row_galley(ui, full, max_chars, wrap_width);
            }
        }
        cache.ahead = ahead;
        cache.end();
        // No frame is asked for to finish them: where the renderer is slow (a CPU
        // one), a frame costs far more than the row it would prepare. Playback draws
        // every frame, and any pointer movement draws one.
        cache.pending = pending;
    });
    state.list_offset = output.state.clamped_offset().y;
}

/// The scroll offset nearest `offset` that shows a row from `row_top` to `row_top + row`
/// in a list `height` tall.
fn reveal(offset: f32, row_top: f32, row: f32, height: f32) -> f32 {
    if row_top < offset {
        row_top
    } else if row_top + row > offset + height {
        (row_top + row - height).max(0.0)
    } else {
        offset
    }
}

/// A row's text laid out on one line `wrap_width` points wide (egui keeps the layout
/// while frames keep asking for it). The text is cut before it is shaped: egui shapes
/// a whole text before truncating it to the row.
fn row_galley(ui: &Ui, full: &str, max_chars: usize, wrap_width: f32) -> Arc<Galley> {
    WidgetText::from(row_text(full, max_chars)).into_galley(
        ui,
        Some(egui::TextWrapMode::Truncate),
        wrap_width,
        egui::TextStyle::Button,
    )
}

/// One row of the item list: a selectable line, filled when it is the cursor's day.
/// Screen readers get the whole row, not the text cut to fit.
fn row_ui(ui: &mut Ui, galley: Arc<Galley>, selected: bool, today: bool, full: &str) -> Response {
    let size = egui::vec2(ui.available_width(), ROW_HEIGHT);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| WidgetInfo::selected(Role::Button, ui.is_enabled(), selected, full));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        let active =
            response.hovered() || response.has_focus() || response.is_pointer_button_down_on();
        let fill = if selected {
            Some(visuals.bg_fill)
        } else if today {
            Some(theme::TODAY_BG)
        } else if active {
            Some(visuals.weak_bg_fill)
        } else {
            None
        };
        if let Some(fill) = fill {
            let stroke = if active {
                visuals.bg_stroke
            } else {
                egui::Stroke::NONE
            };
            ui.painter().rect(
                rect,
                visuals.corner_radius,
                fill,
                stroke,
                egui::StrokeKind::Inside,
            );
        }
        let pos = egui::pos2(
            rect.left() + ui.spacing().button_padding.x,
            rect.center().y - galley.size().y / 2.0,
        );
        ui.painter().galley(pos, galley, visuals.text_color());
    }
    response
}

/// About the most characters a row `width` points wide shows in a font of `size`
/// points: English text averages half the font size per character or more, so a cut
/// at 0.4 of it leaves the row full.
fn row_chars(width: f32, size: f32) -> usize {
    let per_char = (size * 0.4).max(1.0);
    #[expect(
        clippy::cast_sign_loss,
        reason = "clamped to 0 first; the cast saturates"
    )]
    let chars = (width.max(0.0) / per_char).ceil() as usize;
    chars
}

/// `text` cut after `max_chars` characters, with an ellipsis when cut.
fn row_text(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or(text).trim_end()),
        None => text.to_owned(),
    }
}

/// "1 Jun 16:14", or "1 Jun" for an item known only by its day (midnight UTC); "1 Jun
/// 2023 16:14" `with_year` (a corpus of more than one year).
fn when(item: &crate::article::Item, with_year: bool) -> String {
    let t = item.published;
    let date_only = t.offset().local_minus_utc() == 0 && t.time() == chrono::NaiveTime::MIN;
    let day = if with_year { "%-d %b %Y" } else { "%-d %b" };
    if date_only {
        t.format(day).to_string()
    } else {
        t.format(&format!("{day} %H:%M")).to_string()
    }
}

fn lookup<'v>(
    view: &ViewCtx<'v>,
    r: ItemRef,
) -> Option<(&'v crate::article::Article, &'v crate::article::Item)> {
    let article = view.corpus.articles.get(r.article as usize)?;
    Some((article, article.items.get(r.item as usize)?))
}

/// "Thu 1 Jun 2023, 16:14 +01:00", or the day alone for a day-only item.
fn when_long(item: &crate::article::Item) -> String {
    let t = item.published;
    if t.offset().local_minus_utc() == 0 && t.time() == chrono::NaiveTime::MIN {
        t.format("%a %-d %b %Y").to_string()
    } else {
        t.format("%a %-d %b %Y, %H:%M %:z").to_string()
    }
}

/// Events and date expressions of one item, in text order.
fn item_spans<'v>(
    view: &ViewCtx<'v>,
    r: ItemRef,
) -> (
    Vec<(usize, &'v Event)>,
    Vec<&'v crate::extract::DateMention>,
) {
    let events = &view.corpus.events;
    let lo = events.partition_point(|e| e.article < r.article);
    let hi = events.partition_point(|e| e.article <= r.article);
    let mentions: Vec<(usize, &Event)> = (lo..hi)
        .filter_map(|i| Some((i, events.get(i)?)))
        .filter(|(_, e)| e.item == r.item)
        .collect();
    let dates = &view.corpus.dates;
    let lo = dates.partition_point(|d| d.article < r.article);
    let hi = dates.partition_point(|d| d.article <= r.article);
    let dates = dates
        .get(lo..hi)
        .unwrap_or(&[])
        .iter()
        .filter(|d| d.item == r.item)
        .collect();
    (mentions, dates)
}

fn item_text_ui(view: &ViewCtx<'_>, r: ItemRef, ui: &mut Ui, out: &mut Vec<Command>) {
    let Some((article, item)) = lookup(view, r) else {
        return;
    };
    ui.label(RichText::new(&item.title).heading().size(17.0));
    let source = item
        .source
        .as_deref()
        .map(|s| format!(" · {s}"))
        .unwrap_or_default();
    ui.label(
        RichText::new(format!(
            "{}{source} · {} ({})",
            when_long(item),
            article.name,
            article.format.as_str()
        ))
        .weak(),
    );
    ui.add_space(4.0);
    let (mentions, dates) = item_spans(view, r);
    // Kept unpacked by the corpus while it is shown.
    let Some(text) = view.corpus.text(r.article as usize) else {
        return;
    };
    ScrollArea::vertical()
        .id_salt("item_text")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for segment in &item.segments {
                let mut start = segment.start;
                for line in text.get(segment.clone()).unwrap_or("").split('\n') {
                    let range = start..start + line.len();
                    start = range.end + 1;
                    if line.trim().is_empty() {
                        continue;
                    }
                    ui.horizontal_wrapped(|ui| {
                        ui.spacing_mut().item_spacing.x = 0.0;
                        paragraph_ui(view, &text, range, &mentions, &dates, ui, out);
                    });
                    ui.add_space(6.0);
                }
            }
        });
}

/// One paragraph as a flow of plain runs, place mentions and date expressions.
fn paragraph_ui(
    view: &ViewCtx<'_>,
    text: &str,
    range: std::ops::Range<usize>,
    mentions: &[(usize, &Event)],
    dates: &[&crate::extract::DateMention],
    ui: &mut Ui,
    out: &mut Vec<Command>,
) {
    enum Span<'a> {
        Place(usize, &'a Event),
        Date(&'a crate::extract::DateMention),
    }
    let mut spans: Vec<(usize, usize, Span<'_>)> = mentions
        .iter()
        .filter(|(_, e)| range.contains(&(e.start as usize)))
        .map(|&(i, e)| (e.start as usize, e.end as usize, Span::Place(i, e)))
        .chain(
            dates
                .iter()
                .filter(|d| range.contains(&(d.start as usize)))
                .map(|d| (d.start as usize, d.end as usize, Span::Date(d))),
        )
        .collect();
    spans.sort_by_key(|(s, _, _)| *s);
    let mut at = range.start;
    for (start, end, span) in spans {
        if start < at || end > range.end {
            continue; // Overlapping spans: keep the first.
        }
        if let Some(plain) = text.get(at..start).filter(|p| !p.is_empty()) {
            ui.add(Label::new(plain).wrap());
        }
        let written = text.get(start..end).unwrap_or("");
        match span {
            Span::Place(index, event) => {
                let selected = view.selection.event() == Some(index);
                let bg = if selected {
                    theme::SELECTED
                } else {
                    theme::MENTION_BG
                };
                let response = ui.add(
                    Label::new(RichText::new(written).background_color(bg)).sense(Sense::click()),
                );
                let place = view.gazetteer.place(event.place);
                response.widget_info(|| WidgetInfo::labeled(Role::Link, true, written));
                if response.clicked() {
                    out.push(select_event(index, event));
                }
                if let Some(p) = place {
                    response.on_hover_text(format!(
                        "{} ({}, {}) · {}{}",
                        p.name,
                        p.kind.as_str(),
                        p.country_str(),
                        describe(event.date),
                        if event.date_source == crate::temporal::DateSource::Published {
                            " (publication date)"
                        } else {
                            ""
                        }
                    ));
                }
            }
            Span::Date(date) => {
                let rich = RichText::new(written)
                    .underline()
                    .color(theme::DATE_UNDERLINE);
                let response = ui.add(Label::new(rich).sense(Sense::click()));
                response.widget_info(|| WidgetInfo::labeled(Role::Link, true, written));
                if response.clicked() {
                    out.push(Command::Time(
                        TimeCommand::SetCursor(date.date.first_day),
                        Origin::Pane,
                    ));
                }
                response.on_hover_text(format!("→ {}", describe(date.date)));
            }
        }
        at = end;
    }
    if let Some(plain) = text.get(at..range.end).filter(|p| !p.is_empty()) {
        ui.add(Label::new(plain).wrap());
    }
}

/// The command that selects one event (its item and place with it).
fn select_event(index: usize, event: &Event) -> Command {
    Command::Select(SelectionCommand::SelectEvent {
        event: index,
        item: ItemRef {
            article: event.article,
            item: event.item,
        },
        place: event.place,
    })
}

/// "Thu 1 Jun 2023", "June 2023" or "2014".
fn describe(date: EventDate) -> String {
    match date.granularity {
        Granularity::Day => date.first_day.format("%a %-d %b %Y").to_string(),
        Granularity::Month => date.first_day.format("%B %Y").to_string(),
        Granularity::Year => date.first_day.format("%Y").to_string(),
    }
}

/// A place's passages: the sentences mentioning it, grouped by the date of the event.
fn passages_ui(
    view: &ViewCtx<'_>,
    place: usize,
    sentences: &std::collections::HashMap<usize, Passage>,
    ui: &mut Ui,
    out: &mut Vec<Command>,
) {
    let Some(entry) = view.index.places.get(place) else {
        return;
    };
    let mut events: Vec<(usize, &Event)> = view
        .index
        .events_of_place(place)
        .iter()
        .filter_map(|&e| Some((e, view.corpus.events.get(e)?)))
        .collect();
    events.retain(|(_, e)| {
        view.filter.is_none_or(|f| {
            view.index
                .global_item(ItemRef {
                    article: e.article,
                    item: e.item,
                })
                .is_some_and(|g| f.allows(g))
        })
    });
    events.sort_by_key(|(i, e)| (e.date, *i));
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        if ui
            .button("⬅ Back")
            .on_hover_text("Back to the articles (Esc clears all)")
            .clicked()
        {
            out.push(Command::Select(SelectionCommand::ClearPlace));
        }
        ui.heading(entry.place.name);
    });
    let p = entry.place;
    ui.label(
        RichText::new(format!(
            "{} · {} · {:.3}, {:.3} · {} passage{}",
            p.kind.as_str(),
            p.country_str(),
            p.lat,
            p.lon,
            events.len(),
            if events.len() == 1 { "" } else { "s" }
        ))
        .weak(),
    );
    ui.separator();
    ScrollArea::vertical()
        .id_salt("passages")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut last_date = None;
            for (index, event) in events {
                if last_date != Some(event.date) {
                    ui.add_space(6.0);
                    ui.label(RichText::new(describe(event.date)).strong());
                    last_date = Some(event.date);
                }
                let Some(article) = view.corpus.articles.get(event.article as usize) else {
                    continue;
                };
                let Some(passage) = sentences.get(&index) else {
                    continue;
                };
                let title = article
                    .items
                    .get(event.item as usize)
                    .map_or("", |i| i.title.as_str());
                let selected = view.selection.event() == Some(index);
                let response = ui.add(egui::Button::selectable(selected, passage.job(ui)).wrap());
                if response.clicked() {
                    out.push(select_event(index, event));
                    out.push(Command::Time(
                        TimeCommand::SetCursor(event.date.first_day),
                        Origin::Pane,
                    ));
                }
                response.on_hover_text(format!("{title} · {}", article.name));
            }
        });
}

#[cfg(test)]
mod tests {
    use super::Passage;

    /// The mention's range follows its text through collapsed white space, at the
    /// start, the middle and the end of a sentence.
    #[test]
    fn a_quoted_passage_keeps_its_mention() {
        let cases = [
            ("Shelling  hit\n\nKyiv on Monday.", "Kyiv"),
            ("\n Kyiv was quiet.", "Kyiv"),
            ("Drones struck the port of\tOdesa", "Odesa"),
            ("A drone hit Novaya\n Tavolzhanka.", "Novaya\n Tavolzhanka"),
        ];
        for (sentence, mention) in cases {
            let start = sentence.find(mention).unwrap();
            let p = Passage::quote(sentence, start..start + mention.len());
            let expected = mention.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(&p.text[p.mention.clone()], expected, "{sentence:?}");
            assert!(!p.text.contains("  ") && p.text.trim() == p.text, "{p:?}");
        }
    }
}
