/// Where `vendorctl` asks the person at the keyboard for a user name, a password or a secret.
///
/// The real one is ``VendorCtlSystemTerminal`` (the controlling terminal, with echo switched
/// off for secrets); tests inject a scripted one.
public protocol VendorCtlTerminal: Sendable {
    /// Shows `prompt` and reads one line.
    ///
    /// - Parameters:
    ///   - prompt: The question, for example `"Flowerhub password: "`.
    ///   - echo: `false` for secrets: what is typed must not appear on the screen.
    /// - Returns: The line without its line break, or `nil` when there is no terminal to ask
    ///   (the process runs without one, or input ended).
    func readLine(prompt: String, echo: Bool) throws -> String?
}
