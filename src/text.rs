//! Text helpers shared by the knowledge loader and the engine.

/// The 1-based line number of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    let end = (0..=end).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    text[..end].matches('\n').count() + 1
}
