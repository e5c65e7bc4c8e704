//! The Windows shell: a file handed to the program associated with its type, for a verb
//! («print», «open»). The only unsafe code of the crate: one call into shell32.
#![allow(unsafe_code)]

use std::ffi::OsStr;
use std::os::windows::ffi::OsStrExt as _;
use std::path::Path;

use windows_sys::Win32::Foundation::ERROR_NO_ASSOCIATION;
use windows_sys::Win32::UI::Shell::{
    SE_ERR_NOASSOC, SEE_MASK_FLAG_NO_UI, SEE_MASK_NOASYNC, SHELLEXECUTEINFOW, ShellExecuteExW,
};
use windows_sys::Win32::UI::WindowsAndMessaging::SW_SHOWNORMAL;

/// A string as the shell reads it: UTF-16, ending in NUL.
fn wide(s: &OsStr) -> Vec<u16> {
    s.encode_wide().chain(std::iter::once(0)).collect()
}

/// Hands `path` to the program associated with its type for `verb` (the shell's own error
/// dialog suppressed). `Ok(false)` when no program is associated with the verb.
pub fn execute(path: &Path, verb: &str) -> std::io::Result<bool> {
    let file = wide(path.as_os_str());
    let verb = wide(OsStr::new(verb));
    let mut info = SHELLEXECUTEINFOW {
        cbSize: std::mem::size_of::<SHELLEXECUTEINFOW>() as u32,
        fMask: SEE_MASK_FLAG_NO_UI | SEE_MASK_NOASYNC,
        lpVerb: verb.as_ptr(),
        lpFile: file.as_ptr(),
        nShow: SW_SHOWNORMAL,
        ..Default::default()
    };
    // SAFETY: `info` is a zero-initialised SHELLEXECUTEINFOW of the size it declares; its only
    // pointers are `lpVerb` and `lpFile`, NUL-terminated UTF-16 buffers that live until the
    // call returns (SEE_MASK_NOASYNC: the shell is done with them by then). No handle is asked
    // back (no SEE_MASK_NOCLOSEPROCESS), so nothing is left to close.
    let ok = unsafe { ShellExecuteExW(&mut info) };
    if ok != 0 {
        return Ok(true);
    }
    let error = std::io::Error::last_os_error();
    let no_association = error.raw_os_error() == Some(ERROR_NO_ASSOCIATION as i32)
        || info.hInstApp as usize == SE_ERR_NOASSOC as usize;
    if no_association {
        Ok(false)
    } else {
        Err(error)
    }
}
