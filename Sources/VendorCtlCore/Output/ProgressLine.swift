/// A progress report on standard error: on a terminal one line rewritten in place, otherwise
/// one line per update (so a log keeps every step). Silent with `--quiet`.
struct ProgressLine: Sendable {
    let context: VendorCtlContext
    let enabled: Bool

    func update(_ text: String) {
        guard enabled else { return }
        if context.standardErrorIsTerminal {
            // Carriage return, then erase to the end of the line.
            context.standardError.write("\r\u{1B}[K" + text)
        } else {
            context.standardError.write(text + "\n")
        }
    }

    /// Ends the rewritten line so what follows starts on a fresh one.
    func finish() {
        guard enabled, context.standardErrorIsTerminal else { return }
        context.standardError.write("\n")
    }
}
