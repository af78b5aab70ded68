import ArgumentParser

/// A leaf command: parsed by ArgumentParser, then run with the context ``VendorCtl`` injects
/// (rather than ArgumentParser's `run()`, which could only reach the real process).
protocol VendorCtlRunnable: ParsableCommand {
    func execute(in context: VendorCtlContext) async throws
}
