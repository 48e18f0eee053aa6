//! A command's output to stdout.

/// Send a command's output to stdout and return its exit code, which a reader that stops
/// early (`teamplan check teams/ | head`) does not change: a broken pipe is not an error.
///
/// # Errors
/// Writing failed for another reason.
pub fn emit(out: &mut dyn std::io::Write, text: &[u8], code: u8) -> std::io::Result<u8> {
    emit_with(out, code, |out| out.write_all(text))
}

/// [`emit`] for output written piece by piece by `write`.
///
/// # Errors
/// Writing failed for another reason than a broken pipe.
pub fn emit_with(
    out: &mut dyn std::io::Write,
    code: u8,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<u8> {
    match write(&mut *out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(code),
        other => other.map(|()| code),
    }
}
