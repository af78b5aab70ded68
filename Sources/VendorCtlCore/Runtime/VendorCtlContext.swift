import AuthCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything a `vendorctl` command touches outside its arguments: the network, the standard
/// streams, the environment, the config directory, the terminal and the clock.
///
/// The executable passes ``system()``; tests pass a scripted transport, captured streams, a
/// temporary config directory, a scripted terminal and a virtual clock, and run commands
/// in-process with ``VendorCtl/run(_:context:)``.
public struct VendorCtlContext: Sendable {
    /// How requests reach the vendors.
    public var transport: any HTTPTransport
    /// Where results go (tables or JSON).
    public var standardOutput: any VendorCtlOutputStream
    /// Where progress lines and the one-line error go.
    public var standardError: any VendorCtlOutputStream
    /// Reads all of standard input (for `-` in place of a file name).
    public var readStandardInput: @Sendable () throws -> Data
    /// The environment variables (`FLOWERHUB_PASSWORD`, `BC_CLIENT_SECRET`, `VENDORCTL_CONFIG_DIR`, …).
    public var environment: [String: String]
    /// The config directory to use; `nil` resolves it from `--config-dir`, `VENDORCTL_CONFIG_DIR`,
    /// `XDG_CONFIG_HOME` or the home directory.
    public var configDirectory: URL?
    /// Where passwords and secrets are asked for, without echo.
    public var terminal: any VendorCtlTerminal
    /// The clock and sleeper for polling, retries and token expiry.
    public var timeSource: any TimeSource
    /// Whether standard error is a terminal: progress then rewrites one line instead of adding lines.
    public var standardErrorIsTerminal: Bool

    /// Creates a context.
    public init(
        transport: any HTTPTransport,
        standardOutput: any VendorCtlOutputStream,
        standardError: any VendorCtlOutputStream,
        readStandardInput: @escaping @Sendable () throws -> Data = { Data() },
        environment: [String: String] = [:],
        configDirectory: URL? = nil,
        terminal: any VendorCtlTerminal,
        timeSource: any TimeSource = SystemTimeSource(),
        standardErrorIsTerminal: Bool = false
    ) {
        self.transport = transport
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.readStandardInput = readStandardInput
        self.environment = environment
        self.configDirectory = configDirectory
        self.terminal = terminal
        self.timeSource = timeSource
        self.standardErrorIsTerminal = standardErrorIsTerminal
    }

    /// The real process: URLSession, the standard streams, the process environment, the
    /// controlling terminal and the system clock.
    public static func system() -> VendorCtlContext {
        VendorCtlContext(
            transport: URLSessionTransport.shared,
            standardOutput: VendorCtlFileOutput.standardOutput,
            standardError: VendorCtlFileOutput.standardError,
            readStandardInput: { try InputFile.capped(FileHandle.standardInput) },
            environment: ProcessInfo.processInfo.environment,
            terminal: VendorCtlSystemTerminal(),
            standardErrorIsTerminal: isatty(STDERR_FILENO) == 1
        )
    }
}

extension VendorCtlContext: CustomReflectable {
    /// The names of the environment variables only: their values may be passwords and secrets.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "transport": "\(type(of: transport))",
                "environment": environment.keys.sorted(),
                "configDirectory": configDirectory?.path as Any,
                "terminal": "\(type(of: terminal))",
                "standardErrorIsTerminal": standardErrorIsTerminal,
            ],
            displayStyle: .struct
        )
    }
}
