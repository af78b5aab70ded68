import ArgumentParser

/// Runs `vendorctl` in-process: parses the arguments, runs the command with an injected
/// context and returns the exit code instead of exiting.
///
/// ```swift
/// let output = VendorCtlCapturedOutput()
/// let code = await VendorCtl.run(["flowerhub", "status", "--json"], context: context)
/// ```
public enum VendorCtl {
    /// Runs one command line.
    ///
    /// Help and `--version` go to standard output with code 0. Everything else that fails
    /// writes one line to standard error (`vendorctl: <class>: <reason>`) and returns the
    /// class's ``VendorCtlExitCode``.
    ///
    /// - Parameters:
    ///   - arguments: The arguments without the program name, for example `["bc", "companies"]`.
    ///   - context: The transport, streams, environment, terminal and clock to use.
    /// - Returns: The exit code.
    public static func run(_ arguments: [String], context: VendorCtlContext) async -> VendorCtlExitCode {
        if let refusal = SecretArguments.refusal(in: arguments) {
            context.standardError.write("vendorctl: \(VendorCtlExitCode.usage.label): \(refusal)\n")
            return .usage
        }
        let command: any ParsableCommand
        do {
            command = try VendorCtlCommand.parseAsRoot(arguments)
        } catch {
            return report(parsingError: error, context: context)
        }
        guard let runnable = command as? any VendorCtlRunnable else {
            // A group (`vendorctl bc`) or a built-in (`vendorctl help bc`): their run shows help.
            do {
                var builtIn = command
                try builtIn.run()
                return .success
            } catch {
                return report(parsingError: error, context: context)
            }
        }
        do {
            try await runnable.execute(in: context)
            return .success
        } catch {
            context.standardError.write(ErrorClassification.line(for: error, signInHint: type(of: runnable).signInHint))
            return ErrorClassification.exitCode(for: error)
        }
    }

    /// Help, version and completion scripts go to standard output; a parsing error is one line.
    private static func report(parsingError error: any Error, context: VendorCtlContext) -> VendorCtlExitCode {
        let status = VendorCtlCommand.exitCode(for: error)
        if status.isSuccess {
            let text = VendorCtlCommand.fullMessage(for: error)
            context.standardOutput.write(text.hasSuffix("\n") ? text : text + "\n")
            return .success
        }
        let message = VendorCtlCommand.message(for: error).split(whereSeparator: \.isNewline).joined(separator: " ")
        context.standardError.write(
            "vendorctl: \(VendorCtlExitCode.usage.label): \(message) (see '\(helpCommand(for: error))')\n")
        return .usage
    }

    /// The help command ArgumentParser suggests for the failing subcommand, e.g. `vendorctl bc get --help`.
    private static func helpCommand(for error: any Error) -> String {
        let full = VendorCtlCommand.fullMessage(for: error, columns: 1000)
        guard let start = full.range(of: "See '"), let end = full[start.upperBound...].firstIndex(of: "'") else {
            return "vendorctl --help"
        }
        return String(full[start.upperBound..<end])
    }
}
