//! Layout of `data/lexdb.bin` (written by `tools/build_lexdb.py`) and
//! zero-copy views of its sections.
//!
//! The file is a header followed by sections, each starting on an 8-byte
//! boundary; integers are little-endian `u32`. The embedded copy is 8-byte
//! aligned (see [`EMBEDDED`]), so `u32` sections are viewed in place.

use crate::SynsetId;

#[cfg(target_endian = "big")]
compile_error!("factdesk-lexdb views its little-endian data file in place; big-endian targets are not supported");

/// Forces the alignment of the embedded bytes.
#[repr(C, align(8))]
struct Aligned<B: ?Sized>(B);

/// The embedded data file, 8-byte aligned.
static EMBEDDED: &Aligned<[u8]> = &Aligned(*include_bytes!("../data/lexdb.bin"));

/// The embedded data file's bytes.
pub(crate) fn embedded() -> &'static [u8] {
    &EMBEDDED.0
}

const MAGIC: &[u8; 8] = b"LEXDB\0v1";
const SECTIONS: usize = 17;

/// Why the data file could not be read (only a corrupt or mismatched build).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FormatError(pub &'static str);

/// Typed views of the sections.
#[derive(Debug)]
pub(crate) struct Sections {
    pub strings: &'static str,
    pub lemma_off: &'static [u32],
    pub lemma_family: &'static [u32],
    pub lemma_sense_off: &'static [u32],
    pub lemma_senses: &'static [SynsetId],
    pub syn_pos: &'static [u8],
    pub syn_member_off: &'static [u32],
    pub syn_members: &'static [u32],
    pub syn_hyper_off: &'static [u32],
    pub syn_hypers: &'static [SynsetId],
    pub syn_offset: &'static [u32],
    pub exc_form_off: &'static [u32],
    pub exc_entry_off: &'static [u32],
    pub exc_entries: &'static [u32],
    pub meta: &'static str,
    /// Pairs (lemma id, antonym lemma id), flattened, sorted.
    pub antonyms: &'static [u32],
    /// Pairs (verb synset id, synset id of what it causes), flattened, sorted.
    pub causes: &'static [u32],
}

fn read_u32(bytes: &[u8], at: usize) -> Result<u32, FormatError> {
    let b = bytes
        .get(at..at + 4)
        .ok_or(FormatError("truncated header"))?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Views a section as `u32`s, in place.
#[allow(unsafe_code)]
fn as_u32s(bytes: &'static [u8]) -> Result<&'static [u32], FormatError> {
    if bytes.len() % 4 != 0 {
        return Err(FormatError("u32 section length is not a multiple of 4"));
    }
    // SAFETY: every bit pattern is a valid u32; `align_to` only puts in the
    // middle part what is correctly aligned for u32, and we reject the
    // result unless that is the whole section (the embedded file and each
    // section are 8-byte aligned, so it always is).
    let (head, body, tail) = unsafe { bytes.align_to::<u32>() };
    if !head.is_empty() || !tail.is_empty() {
        return Err(FormatError("u32 section is not 4-byte aligned"));
    }
    Ok(body)
}

/// Views a section of synset ids, in place.
#[allow(unsafe_code)]
fn as_synsets(bytes: &'static [u8]) -> Result<&'static [SynsetId], FormatError> {
    let words = as_u32s(bytes)?;
    // SAFETY: `SynsetId` is `#[repr(transparent)]` over `u32`, so a slice of
    // u32 has the same layout, alignment and validity as a slice of SynsetId.
    Ok(unsafe { std::slice::from_raw_parts(words.as_ptr().cast::<SynsetId>(), words.len()) })
}

/// Parses the header and slices the sections; checks bounds, not contents.
pub(crate) fn parse(bytes: &'static [u8]) -> Result<Sections, FormatError> {
    if bytes.len() < 16 || &bytes[..8] != MAGIC {
        return Err(FormatError("bad magic: not a lexdb v1 file"));
    }
    let count = read_u32(bytes, 8)? as usize;
    if count != SECTIONS {
        return Err(FormatError("unexpected section count"));
    }
    let mut sec: [&'static [u8]; SECTIONS] = [&[]; SECTIONS];
    for (i, slot) in sec.iter_mut().enumerate() {
        let off = read_u32(bytes, 16 + 8 * i)? as usize;
        let len = read_u32(bytes, 20 + 8 * i)? as usize;
        if off % 8 != 0 {
            return Err(FormatError("section is not 8-byte aligned"));
        }
        *slot = bytes
            .get(off..off + len)
            .ok_or(FormatError("section out of bounds"))?;
    }
    let s = Sections {
        strings: std::str::from_utf8(sec[0]).map_err(|_| FormatError("strings are not utf-8"))?,
        lemma_off: as_u32s(sec[1])?,
        lemma_family: as_u32s(sec[2])?,
        lemma_sense_off: as_u32s(sec[3])?,
        lemma_senses: as_synsets(sec[4])?,
        syn_pos: sec[5],
        syn_member_off: as_u32s(sec[6])?,
        syn_members: as_u32s(sec[7])?,
        syn_hyper_off: as_u32s(sec[8])?,
        syn_hypers: as_synsets(sec[9])?,
        syn_offset: as_u32s(sec[10])?,
        exc_form_off: as_u32s(sec[11])?,
        exc_entry_off: as_u32s(sec[12])?,
        exc_entries: as_u32s(sec[13])?,
        meta: std::str::from_utf8(sec[14]).map_err(|_| FormatError("META is not utf-8"))?,
        antonyms: as_u32s(sec[15])?,
        causes: as_u32s(sec[16])?,
    };
    let lemmas = s.lemma_family.len();
    let synsets = s.syn_pos.len();
    if s.lemma_off.len() != lemmas + 1
        || s.lemma_sense_off.len() != lemmas + 1
        || s.syn_member_off.len() != synsets + 1
        || s.syn_hyper_off.len() != synsets + 1
        || s.syn_offset.len() != synsets
        || s.exc_form_off.len() != s.exc_entry_off.len()
        || s.exc_form_off.is_empty()
        || s.antonyms.len() % 2 != 0
        || s.causes.len() % 2 != 0
    {
        return Err(FormatError("section lengths disagree"));
    }
    Ok(s)
}

/// Full consistency check of every offset and id (O(size); used by tests).
#[cfg(test)]
pub(crate) fn validate(s: &Sections) -> Result<(), FormatError> {
    fn csr(off: &[u32], target_len: usize, what: &'static str) -> Result<(), FormatError> {
        if off.windows(2).any(|w| w[0] > w[1]) || off.last().copied() != Some(target_len as u32) {
            return Err(FormatError(what));
        }
        Ok(())
    }
    let lemmas = s.lemma_family.len() as u32;
    let synsets = s.syn_pos.len() as u32;
    if s.lemma_off.windows(2).any(|w| w[0] > w[1])
        || s.lemma_off
            .last()
            .is_none_or(|&e| e as usize > s.strings.len())
    {
        return Err(FormatError("lemma offsets"));
    }
    let boundaries = s.lemma_off.iter().chain(s.exc_form_off);
    if boundaries
        .clone()
        .any(|&o| !s.strings.is_char_boundary(o as usize))
    {
        return Err(FormatError("string offset inside a character"));
    }
    csr(
        s.lemma_sense_off,
        s.lemma_senses.len(),
        "lemma sense offsets",
    )?;
    csr(
        s.syn_member_off,
        s.syn_members.len(),
        "synset member offsets",
    )?;
    csr(
        s.syn_hyper_off,
        s.syn_hypers.len(),
        "synset hypernym offsets",
    )?;
    csr(s.exc_entry_off, s.exc_entries.len(), "exception offsets")?;
    if s.lemma_senses
        .iter()
        .chain(s.syn_hypers)
        .any(|x| x.0 >= synsets)
    {
        return Err(FormatError("synset id out of range"));
    }
    if s.syn_members.iter().any(|&x| x >= lemmas) {
        return Err(FormatError("lemma id out of range"));
    }
    if s.antonyms.iter().any(|&x| x >= lemmas) {
        return Err(FormatError("antonym lemma id out of range"));
    }
    let pairs: Vec<&[u32]> = s.antonyms.chunks(2).collect();
    if pairs.windows(2).any(|w| w[0] >= w[1]) {
        return Err(FormatError("antonym pairs are not sorted"));
    }
    if s.causes.iter().any(|&x| x >= synsets) {
        return Err(FormatError("cause synset id out of range"));
    }
    let pairs: Vec<&[u32]> = s.causes.chunks(2).collect();
    if pairs.windows(2).any(|w| w[0] >= w[1]) {
        return Err(FormatError("cause pairs are not sorted"));
    }
    if s.exc_entries.iter().any(|&x| x & 0x3fff_ffff >= lemmas) {
        return Err(FormatError("exception lemma id out of range"));
    }
    if s.syn_pos.iter().any(|&p| p > 3) {
        return Err(FormatError("part of speech out of range"));
    }
    if s.exc_form_off.windows(2).any(|w| w[0] > w[1])
        || s.exc_form_off
            .last()
            .is_none_or(|&e| e as usize > s.strings.len())
    {
        return Err(FormatError("exception form offsets"));
    }
    Ok(())
}
