//! The few facts about the machine actorctl records: who and where.

/// The login name of the effective user, from the password database.
pub(crate) fn login_name() -> String {
    // SAFETY: getpwuid returns NULL or a pointer to a static record whose
    // pw_name is a NUL-terminated string; it is copied out at once.
    unsafe {
        let pw = libc::getpwuid(libc::geteuid());
        if pw.is_null() || (*pw).pw_name.is_null() {
            return "unknown".into();
        }
        std::ffi::CStr::from_ptr((*pw).pw_name).to_string_lossy().into_owned()
    }
}

pub(crate) fn hostname() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length; gethostname NUL-terminates
    // within it or fails.
    let ok = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } == 0;
    let end = buf.iter().position(|b| *b == 0).unwrap_or(0);
    if ok && end > 0 {
        String::from_utf8_lossy(&buf[..end]).into_owned()
    } else {
        "localhost".into()
    }
}

/// `$USER@hostname`, the default operator recorded in the audit trail.
pub(crate) fn default_operator() -> String {
    let user = std::env::var("USER").or_else(|_| std::env::var("LOGNAME")).unwrap_or_else(|_| login_name());
    format!("{user}@{}", hostname())
}
