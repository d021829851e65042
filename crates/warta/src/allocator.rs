//! One setting of the C allocator, made once at start-up.
//!
//! glibc's malloc raises its mmap threshold each time a block above it is freed, so after
//! start-up (compiling the rules frees many large blocks) the per-thread regex caches and
//! large record buffers come from the heap instead of their own mappings. Freed, they
//! leave holes that the heap keeps, and peak RSS grows with the number of threads
//! (docs/performance.md). Fixing the threshold at glibc's own default keeps blocks of
//! 128 KiB and more in mappings that go back to the system when freed. The call
//! overrides `MALLOC_MMAP_THRESHOLD_` and the `glibc.malloc.mmap_threshold` tunable.

/// Fixes glibc's mmap threshold at its initial 128 KiB, which turns the raising off
/// (`mallopt(3)`). Elsewhere than on glibc it does nothing.
///
/// # Safety
///
/// `mallopt` is not thread-safe: call this before any other thread starts.
pub unsafe fn fix_mmap_threshold() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: the caller guarantees no other thread is running; mallopt only changes
    // the allocator's parameters, and a refused value (it returns 0) leaves them as
    // they were.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}
