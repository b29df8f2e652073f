//! What the user has selected: an item (article or live-blog entry), a place, an event.
//!
//! Like time, the selection changes only through commands, applied once per frame.
//! Selecting an item clears the place (the pane shows the item's text); selecting a
//! place keeps the item so "back to the article" works; selecting an event selects its
//! item and place too.

use crate::gazetteer::PlaceId;

/// An item of a corpus: article index and item index within it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemRef {
    /// Index of the article in the corpus.
    pub article: u32,
    /// Index of the item in the article.
    pub item: u32,
}

/// A change of selection.
#[must_use = "a command does nothing until applied"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectionCommand {
    /// Show an item's text.
    SelectItem(ItemRef),
    /// Show a place's passages.
    SelectPlace(PlaceId),
    /// Select one event (a mention), its item and its place.
    SelectEvent {
        /// Index of the event in the corpus.
        event: usize,
        /// Its item.
        item: ItemRef,
        /// Its place.
        place: PlaceId,
    },
    /// Leave the place's passages, back to the item.
    ClearPlace,
    /// Select nothing.
    Clear,
}

/// The current selection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    item: Option<ItemRef>,
    place: Option<PlaceId>,
    event: Option<usize>,
}

impl Selection {
    /// The selected item, if any.
    pub fn item(&self) -> Option<ItemRef> {
        self.item
    }

    /// The selected place, if any.
    pub fn place(&self) -> Option<PlaceId> {
        self.place
    }

    /// The selected event, if any.
    pub fn event(&self) -> Option<usize> {
        self.event
    }

    /// True when nothing is selected.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Applies a command; returns true when the selection changed.
    pub fn apply(&mut self, command: SelectionCommand) -> bool {
        let before = *self;
        match command {
            SelectionCommand::SelectItem(item) => {
                *self = Self {
                    item: Some(item),
                    place: None,
                    event: None,
                };
            }
            SelectionCommand::SelectPlace(place) => {
                self.place = Some(place);
                self.event = None;
            }
            SelectionCommand::SelectEvent { event, item, place } => {
                *self = Self {
                    item: Some(item),
                    place: Some(place),
                    event: Some(event),
                };
            }
            SelectionCommand::ClearPlace => {
                self.place = None;
                self.event = None;
            }
            SelectionCommand::Clear => *self = Self::default(),
        }
        *self != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEM: ItemRef = ItemRef {
        article: 1,
        item: 2,
    };

    /// Choosing an article leaves place mode; choosing a place keeps the article to go
    /// back to.
    #[test]
    fn item_and_place_selection_interact() {
        let mut s = Selection::default();
        assert!(
            s.apply(SelectionCommand::SelectPlace(PlaceId(7))),
            "changed"
        );
        assert!(s.apply(SelectionCommand::SelectItem(ITEM)), "changed");
        assert_eq!(
            (s.item(), s.place()),
            (Some(ITEM), None),
            "the item replaces the place"
        );
        let _ = s.apply(SelectionCommand::SelectPlace(PlaceId(7)));
        assert_eq!(
            (s.item(), s.place()),
            (Some(ITEM), Some(PlaceId(7))),
            "the item is kept"
        );
        let _ = s.apply(SelectionCommand::ClearPlace);
        assert_eq!(
            (s.item(), s.place()),
            (Some(ITEM), None),
            "back to the item"
        );
        assert!(
            !s.apply(SelectionCommand::ClearPlace),
            "nothing more to clear"
        );
    }

    /// An event brings its item and place along; Clear empties everything.
    #[test]
    fn event_selects_item_and_place() {
        let mut s = Selection::default();
        let _ = s.apply(SelectionCommand::SelectEvent {
            event: 3,
            item: ITEM,
            place: PlaceId(9),
        });
        assert_eq!(
            (s.item(), s.place(), s.event()),
            (Some(ITEM), Some(PlaceId(9)), Some(3))
        );
        let _ = s.apply(SelectionCommand::Clear);
        assert!(s.is_empty(), "cleared");
    }
}
