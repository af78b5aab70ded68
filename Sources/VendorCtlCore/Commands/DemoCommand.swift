import ArgumentParser
import AuthCore
import Foundation
import VendorSandbox

/// `vendorctl demo [kit]`: every kit's main flow against an embedded sandbox, no account needed.
struct DemoCommand: VendorCtlRunnable {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run each kit's main flow against an embedded sandbox and show what happens at each step.",
        discussion: """
            Starts VendorSandbox on a free loopback port (127.0.0.1) and runs, per kit, a sign-in, reads, \
            a write, a session or token that expires mid-run and a fault that is retried, over real HTTP. \
            Nothing leaves the machine and no account is needed. Kits: \(DemoSections.names.joined(separator: ", ")) \
            (default: all).
            """)

    @Argument(help: ArgumentHelp("The kit to show (default: all).", valueName: "kit"))
    var kit: String?

    @Flag(name: .long, help: "Print one JSON document with every step instead of lines.")
    var json = false

    /// A test seam: a route (`flowerhub/asset`) that answers 503 for the whole run, so a step fails.
    @Option(name: .customLong("sandbox-fault"), help: .hidden)
    var sandboxFault: String?

    mutating func validate() throws {
        if let kit, !DemoSections.names.contains(kit) {
            throw ValidationError(
                "unknown kit '\(kit)' (expected one of: \(DemoSections.names.joined(separator: ", ")))")
        }
        if let sandboxFault, SandboxRoute(parsing: sandboxFault) == nil {
            throw ValidationError("--sandbox-fault must be a route such as flowerhub/asset")
        }
    }

    func execute(in context: VendorCtlContext) async throws {
        let sections = DemoSections.all.filter { kit == nil || $0.name == kit }
        let started = ContinuousClock.now
        var settings = VendorSandbox.Configuration()
        settings.businessCentral.customers = 1_500
        let sandbox: VendorSandbox
        do {
            sandbox = try await VendorSandbox.start(port: 0, configuration: settings)
        } catch {
            throw CommandFailure(.localFiles, "the sandbox cannot listen on 127.0.0.1: \(error)")
        }
        if let sandboxFault, let route = SandboxRoute(parsing: sandboxFault) {
            sandbox.faults.inject(.status(503).forever(), on: route)
        }
        let json = self.json
        let log = DemoLog { line in if !json { context.standardOutput.write(line + "\n") } }
        if !json {
            context.standardOutput.write(
                "VendorSandbox on \(sandbox.baseURL.absoluteString): loopback only, no account needed\n")
        }
        var failure: (any Error)?
        for section in sections {
            log.begin(kit: section.name, heading: "\n\(section.title)  \(section.baseURL(of: sandbox))")
            do {
                try await section.run(on: sandbox, transport: URLSessionTransport.shared, log: log)
            } catch {
                failure = error
                break
            }
        }
        await sandbox.stop()
        let report = DemoReport(
            sandbox: sandbox.baseURL.absoluteString, kits: sections.map(\.name), steps: log.all,
            elapsed: ContinuousClock.now - started)
        if json {
            context.standardOutput.write(try Printer.encode(report, pretty: true) + "\n")
        } else {
            context.standardOutput.write("\n" + report.summary + "\n")
        }
        if let failure { throw failure }
    }
}
