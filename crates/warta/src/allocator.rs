//! One setting of the C allocator, made once at start-up.
//!
//! glibc's malloc raises its mmap threshold each time a large block is freed, so after
//! start-up (compiling the rules frees many large blocks) the per-thread regex caches and
//! large record buffers come from the heap instead of their own mappings. Freed, they
//! leave holes that the heap keeps, and peak RSS grows with the number of threads
//! (docs/performance.md). Fixing the threshold at glibc's own default keeps blocks of
//! 128 KiB and more in mappings that go back to the system when freed.

/// glibc's initial threshold, in bytes; fixing it turns the raising off (`mallopt(3)`).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 128 * 1024;

/// Fixes the mmap threshold where the allocator is glibc's; elsewhere does nothing.
/// Returns whether the setting was made.
pub fn fix_mmap_threshold() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: mallopt only changes the allocator's parameters; it is called before
        // any thread is started, and M_MMAP_THRESHOLD takes any value up to 32 MiB.
        unsafe { libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1 }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        false
    }
}

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn glibc_takes_the_setting() {
        assert!(super::fix_mmap_threshold());
    }
}
