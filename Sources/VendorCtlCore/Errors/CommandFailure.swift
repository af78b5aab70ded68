/// A failure `vendorctl` detects itself (a missing session, a bad input file), with its class.
///
/// The message is shown as it is: it never holds a secret.
struct CommandFailure: Error, Sendable, CustomStringConvertible {
    let exitCode: VendorCtlExitCode
    let message: String

    init(_ exitCode: VendorCtlExitCode, _ message: String) {
        self.exitCode = exitCode
        self.message = message
    }

    var description: String { message }

    static func usage(_ message: String) -> CommandFailure { CommandFailure(.usage, message) }
    static func authentication(_ message: String) -> CommandFailure { CommandFailure(.authentication, message) }
}
