import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import VendorCtlCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one in-process run of `vendorctl` produced.
struct CLIRun: Sendable {
    let code: VendorCtlExitCode
    let stdout: String
    let stderr: String

    /// Both streams, for "never printed" checks.
    var allOutput: String { stdout + stderr }

    /// Standard output parsed as one JSON document.
    func json() throws -> JSONValue {
        try JSONValue(jsonData: Data(stdout.utf8))
    }
}

/// Runs `vendorctl` in-process against a scripted transport, a temporary config directory, a
/// scripted terminal and a virtual clock.
final class CLIHarness: Sendable {
    let transport: MockTransport
    let terminal: ScriptedTerminal
    let clock: TestClock
    let directory: URL
    let environment: [String: String]
    let standardInput: Data

    init(
        transport: MockTransport = MockTransport(),
        terminal: ScriptedTerminal = ScriptedTerminal(),
        clock: TestClock = TestClock(),
        environment: [String: String] = [:],
        standardInput: Data = Data()
    ) {
        self.transport = transport
        self.terminal = terminal
        self.clock = clock
        self.directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vendorctl-tests-\(UUID().uuidString)", isDirectory: true)
        self.environment = environment
        self.standardInput = standardInput
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The config directory the runs use (created by the first save, not before).
    var configDirectory: URL { directory.appendingPathComponent("config", isDirectory: true) }

    func file(_ name: String) -> URL { configDirectory.appendingPathComponent(name) }

    func run(_ arguments: String..., environment extra: [String: String] = [:], transport: (any HTTPTransport)? = nil)
        async -> CLIRun
    {
        await run(arguments, environment: extra, transport: transport)
    }

    func run(_ arguments: [String], environment extra: [String: String] = [:], transport: (any HTTPTransport)? = nil)
        async -> CLIRun
    {
        let stdout = VendorCtlCapturedOutput()
        let stderr = VendorCtlCapturedOutput()
        let input = standardInput
        let context = VendorCtlContext(
            transport: transport ?? self.transport,
            standardOutput: stdout,
            standardError: stderr,
            readStandardInput: { input },
            environment: environment.merging(extra) { _, new in new }
                .merging(["VENDORCTL_CONFIG_DIR": configDirectory.path]) { old, _ in old },
            terminal: terminal,
            timeSource: clock
        )
        let code = await VendorCtl.run(arguments, context: context)
        return CLIRun(code: code, stdout: stdout.text, stderr: stderr.text)
    }

    /// The POSIX mode bits of a path.
    func mode(of url: URL) -> Int? {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return nil }
        return Int(status.st_mode & 0o777)
    }

    /// Writes `text` to a file in the config directory (creating it), for damaged-file tests.
    func write(_ text: String, to name: String) throws {
        try FileManager.default.createDirectory(at: configDirectory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file(name))
    }

    /// Writes a file outside the config directory and returns its path.
    func writeInput(_ text: String, named name: String) throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

/// `Set-Cookie` header fields.
func setCookies(_ values: String...) -> HTTPFields {
    var fields = HTTPFields()
    for value in values { fields.append(HTTPField(name: .setCookie, value: value)) }
    return fields
}
