//! Fixed word lists looked up by [`Token::lower_key`]: one hash probe per token, no
//! string compare, for lists consulted on every word of every article (the date
//! recogniser's word classes, the boilerplate key words).

use super::token::{Token, key_of};

/// An open-addressing hash map from lower-case ASCII words to values, built once.
///
/// # Examples
/// ```
/// use dateline::text::token::tokenize_into;
/// use dateline::text::words::WordMap;
/// let map = WordMap::new([("kyiv", 1), ("moscow", 2)]);
/// let text = "From MOSCOW to Kyiv's suburbs";
/// let mut tokens = Vec::new();
/// tokenize_into(text, 0..text.len(), &mut tokens);
/// let found: Vec<Option<i32>> = tokens.iter().map(|t| map.get(text, t)).collect();
/// assert_eq!(found, [None, Some(2), None, Some(1), None]);
/// ```
pub struct WordMap<V> {
    slots: Vec<Option<(u128, V)>>,
}

impl<V: Copy> WordMap<V> {
    /// A map of the given lower-case words (of at most
    /// [`KEY_BYTES`](super::token::KEY_BYTES) bytes; longer ones are left out). A word
    /// given twice keeps its last value.
    pub fn new<'w>(words: impl IntoIterator<Item = (&'w str, V)>) -> Self {
        let words: Vec<(u128, V)> = words
            .into_iter()
            .filter_map(|(w, v)| Some((key_of(w.as_bytes())?, v)))
            .collect();
        // At most a quarter full, so that a miss (most words) ends at once.
        let len = (words.len() * 4).next_power_of_two().max(16);
        let mut slots = vec![None; len];
        for (key, value) in words {
            let mut slot = slot_of(key, len);
            while let Some(Some((k, _))) = slots.get(slot) {
                if *k == key {
                    break;
                }
                slot = (slot + 1) & (len - 1);
            }
            if let Some(s) = slots.get_mut(slot) {
                *s = Some((key, value));
            }
        }
        Self { slots }
    }

    /// The value of a word by its key ([`key_of`] of the lower-case word).
    pub fn get_key(&self, key: u128) -> Option<V> {
        let len = self.slots.len();
        let mut slot = slot_of(key, len);
        loop {
            match self.slots.get(slot)? {
                Some((k, value)) if *k == key => return Some(*value),
                Some(_) => slot = (slot + 1) & (len - 1),
                None => return None,
            }
        }
    }

    /// The value of a token's stem, case aside.
    pub fn get(&self, text: &str, token: &Token) -> Option<V> {
        self.get_key(token.lower_key(text)?)
    }
}

/// The slot of a key in a table of `len` (a power of two) slots: a multiplicative hash
/// of the key's two halves.
fn slot_of(key: u128, len: usize) -> usize {
    let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(31);
    (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - len.trailing_zeros())) as usize
}
