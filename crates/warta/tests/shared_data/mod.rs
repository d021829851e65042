//! The data beside the repo (`../shared/data`), which the corpus tests read: a bare
//! clone has none and skips those tests, but where CI runs (`CI` set) a missing file is
//! a failure, so a test can never pass on CI without reading its data.

use std::path::PathBuf;

/// `../shared/data/<relative>`, if it exists. Absent, it is `None` on a developer's
/// machine (the caller skips, saying so) and a panic that names the path under CI.
pub fn path(relative: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(relative);
    if path.exists() {
        return Some(path);
    }
    let on_ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
    assert!(
        !on_ci,
        "CI is set but {} is missing: the corpus tests need ../shared beside the clone",
        path.display()
    );
    eprintln!("skipped: {} is absent on this machine", path.display());
    None
}
