import ArgumentParser

/// A leaf command: parsed by ArgumentParser, then run with the context ``VendorCtl`` injects
/// (rather than ArgumentParser's `run()`, which could only reach the real process).
protocol VendorCtlRunnable: ParsableCommand {
    /// What to do when the vendor refused the credentials or session, appended to the error line.
    static var signInHint: String { get }

    func execute(in context: VendorCtlContext) async throws
}

extension VendorCtlRunnable {
    static var signInHint: String { "sign in again" }
}

/// A Flowerhub command: a refused session is fixed by logging in again.
protocol FlowerhubRunnable: VendorCtlRunnable {}

extension FlowerhubRunnable {
    static var signInHint: String { "run 'vendorctl flowerhub login'" }
}

/// A Business Central command: a refused credential is fixed by a new one.
protocol BusinessCentralRunnable: VendorCtlRunnable {}

extension BusinessCentralRunnable {
    static var signInHint: String {
        "check the credentials (--client-id and BC_CLIENT_SECRET, BC_TOKEN, or BC_USERNAME and BC_WEB_SERVICE_KEY)"
    }
}
