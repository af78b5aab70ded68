import ArgumentParser
import Foundation
import VendorSandbox

/// `vendorctl sandbox`: the embedded emulator of the vendor clouds.
struct SandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run VendorSandbox, the loopback emulator of the vendor clouds, for apps and scripts.",
        subcommands: [Serve.self]
    )

    struct Serve: VendorCtlRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Serve the sandbox until interrupted (SIGINT or SIGTERM stop it cleanly).",
            discussion: """
                Prints each vendor's base URL and the demo account names. The demo password and client \
                secret are not printed: they are VendorSandbox's documented defaults \
                (SandboxFlowerhub.Settings, SandboxEntra.Settings). GET /_sandbox lists the URLs; \
                /_sandbox/faults injects faults.
                """)

        @Option(help: ArgumentHelp("The port (0 picks a free one).", valueName: "n"))
        var port: Int = 8_080

        @Option(help: ArgumentHelp("The address to listen on (keep it loopback).", valueName: "address"))
        var host: String = "127.0.0.1"

        mutating func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
            guard !host.isEmpty else { throw ValidationError("--host is empty") }
        }

        func execute(in context: VendorCtlContext) async throws {
            try await SandboxServe(port: port, host: host).serve(context) { _ in
                if let number = await SignalWait.next() {
                    context.standardError.write("\nvendorctl: signal \(number): stopping the sandbox\n")
                }
            }
        }
    }
}

/// Serves a sandbox until a condition says to stop: a signal for the command, the test's own
/// trigger in the tests.
struct SandboxServe: Sendable {
    let port: Int
    let host: String

    /// Starts the sandbox, prints where it is, waits for `stop` to return, then stops it.
    func serve(_ context: VendorCtlContext, until stop: @Sendable (VendorSandbox) async -> Void) async throws {
        var configuration = VendorSandbox.Configuration()
        configuration.host = host
        let sandbox: VendorSandbox
        do {
            sandbox = try await VendorSandbox.start(port: port, configuration: configuration)
        } catch {
            throw CommandFailure(.localFiles, "the sandbox cannot listen on \(host):\(port): \(error)")
        }
        context.standardOutput.write(Self.banner(sandbox))
        await stop(sandbox)
        await sandbox.stop()
        context.standardOutput.write("sandbox stopped\n")
    }

    /// The URLs and account names; never a password or a client secret.
    static func banner(_ sandbox: VendorSandbox) -> String {
        let entra = sandbox.entra.settings
        let base = sandbox.baseURL.absoluteString
        return """
            VendorSandbox listening on \(base) (Ctrl-C stops it)
              flowerhub   \(sandbox.flowerhubBaseURL.absoluteString)
                          user \(sandbox.flowerhub.settings.username)
              bc          \(sandbox.businessCentralBaseURL.absoluteString)
                          company \(sandbox.businessCentral.companyId)
              entra       \(sandbox.entraAuthorityURL.absoluteString)
                          tenant \(entra.tenantId), client \(entra.clientId)
              bticino     \(sandbox.bticinoBaseURL.absoluteString)
                          user \(sandbox.bticino.settings.username), push \(sandbox.bticinoPushURL.absoluteString)
              control     \(base)/_sandbox

            The password and client secret are VendorSandbox's documented defaults; they are not printed.
            Try: vendorctl flowerhub login --base-url \(sandbox.flowerhubBaseURL.absoluteString) \
            --username \(sandbox.flowerhub.settings.username)

            """
    }
}
