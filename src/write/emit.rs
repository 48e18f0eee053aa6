//! A command's output to stdout.

/// Send a command's output to stdout and return its exit code, which a reader that stops
/// early (`teamplan check teams/ | head`) does not change: a broken pipe is not an error.
///
/// # Errors
/// Writing failed for another reason.
pub fn emit(out: &mut dyn std::io::Write, text: &[u8], code: u8) -> std::io::Result<u8> {
    match out.write_all(text).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(code),
        other => other.map(|()| code),
    }
}
