//! Letting the system drop the embedded data's pages from memory.
//!
//! The data file sits in the executable's read-only data. Pages of it that
//! a lookup touched count in the process's resident memory until the system
//! runs short; building an index touches many of them once. On Linux,
//! [`release`] tells the kernel that this process no longer needs them
//! (`madvise(MADV_DONTNEED)`): they leave its resident set at once, stay in
//! the page cache, and the next lookup faults the few it reads back in from
//! the executable file, with the same bytes.
//!
//! That is only true of a mapping backed by a file and never written, so
//! [`release`] first checks, in `/proc/self/maps`, that the whole range lies
//! in one read-only mapping of a file; anywhere else (an anonymous or
//! writable mapping, another OS) it does nothing.

/// Releases the resident pages of `bytes` (page-aligned interior only).
/// Whether any were released.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
pub(crate) fn release(bytes: &'static [u8]) -> bool {
    // SAFETY: sysconf reads a constant of the system.
    let page = match unsafe { libc::sysconf(libc::_SC_PAGESIZE) } {
        n if n > 0 => n as usize,
        _ => return false,
    };
    let first = bytes.as_ptr() as usize;
    let start = first.div_ceil(page) * page;
    let end = (first + bytes.len()) / page * page;
    if end <= start {
        return false;
    }
    let maps = match std::fs::read_to_string("/proc/self/maps") {
        Ok(maps) => maps,
        Err(_) => return false,
    };
    if !maps.lines().any(|line| read_only_file(line, start, end)) {
        return false;
    }
    // SAFETY: [start, end) lies inside `bytes`, a `'static` immutable slice,
    // and inside one private, read-only mapping of a file (checked above).
    // Its pages were never written, so MADV_DONTNEED only drops them from
    // this process's page tables: a later read faults in the same bytes from
    // the file. No reference is invalidated and no data changes.
    unsafe { libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED) == 0 }
}

/// Elsewhere there is nothing to release.
#[cfg(not(target_os = "linux"))]
pub(crate) fn release(_bytes: &'static [u8]) -> bool {
    false
}

/// Whether a `/proc/self/maps` line is a mapping that holds `[start, end)`,
/// is readable, not writable, private, and backed by a file (inode not 0).
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn read_only_file(line: &str, start: usize, end: usize) -> bool {
    let mut fields = line.split_whitespace();
    let (Some(range), Some(perms), Some(_offset), Some(_device), Some(inode)) = (
        fields.next(),
        fields.next(),
        fields.next(),
        fields.next(),
        fields.next(),
    ) else {
        return false;
    };
    let Some((lo, hi)) = range.split_once('-') else {
        return false;
    };
    let (Ok(lo), Ok(hi)) = (usize::from_str_radix(lo, 16), usize::from_str_radix(hi, 16)) else {
        return false;
    };
    lo <= start && end <= hi && perms.starts_with("r-") && perms.ends_with('p') && inode != "0"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_read_only_private_file_mapping_that_holds_the_range_qualifies() {
        let file = "55a791e74000-55a792b4f000 r--p 00000000 fe:00 5460292    /usr/bin/factdesk";
        let (lo, hi) = (0x55a791e74000, 0x55a792b4f000);
        assert!(read_only_file(file, lo, hi));
        assert!(read_only_file(file, lo + 4096, hi - 4096));
        assert!(!read_only_file(file, lo - 4096, hi), "starts before");
        assert!(!read_only_file(file, lo, hi + 4096), "ends after");
        let writable = file.replace("r--p", "rw-p");
        assert!(!read_only_file(&writable, lo, hi));
        let shared = file.replace("r--p", "r--s");
        assert!(!read_only_file(&shared, lo, hi));
        let anonymous = "55a791e74000-55a792b4f000 r--p 00000000 00:00 0";
        assert!(!read_only_file(anonymous, lo, hi));
        assert!(!read_only_file("garbage", lo, hi));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn released_data_reads_back_the_same() {
        let db = crate::Lexdb::get();
        let before: Vec<_> = db.base_forms("fled").collect();
        let sum = |b: &[u8]| {
            b.iter()
                .fold(0u64, |s, &x| s.wrapping_mul(31).wrapping_add(x as u64))
        };
        let whole = sum(crate::format::embedded());
        // In a test binary the data is in the executable's read-only data,
        // so there is something to release.
        assert!(db.release_resident());
        assert_eq!(sum(crate::format::embedded()), whole);
        assert_eq!(db.base_forms("fled").collect::<Vec<_>>(), before);
        assert_eq!(before, [(crate::Pos::Verb, "flee")]);
    }
}
