import AuthCore
import AuthCoreAsyncHTTPClient
import BticinoKit
import FlowerhubKit
import Foundation
import OdynKit
import Testing
import UtecKit
import VendorCtlCore
import VendorSandbox
import ViessmannKit

@Suite("vendorctl: version, help, usage errors and secrets on the command line")
struct RootCommandTests {
    @Test("--version prints the tool's version, then every library's, one product per line")
    func version() async {
        let run = await CLIHarness().run("--version")
        #expect(run.code == .success)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "vendorctl \(VendorCtlVersion.current)")
        let expected = [
            "AuthCore \(AuthCoreVersion.current)",
            "AuthCoreAsyncHTTPClient \(AuthCoreAsyncHTTPClientVersion.current)",
            "FlowerhubKit \(FlowerhubKitVersion.current)",
            "OdynKit \(OdynKitVersion.current)",
            "BticinoKit \(BticinoKitVersion.current)",
            "ViessmannKit \(ViessmannKitVersion.current)",
            "UtecKit \(UtecKitVersion.current)",
            "VendorSandbox \(VendorSandboxVersion.current)",
        ]
        for line in expected { #expect(lines.contains(line)) }
        #expect(run.stderr.isEmpty)
    }

    @Test("--help lists the vendors and documents every exit code")
    func help() async {
        let run = await CLIHarness().run("--help")
        #expect(run.code == .success)
        #expect(run.stdout.contains("flowerhub"))
        #expect(run.stdout.contains("bc"))
        for code in VendorCtlExitCode.all {
            #expect(run.stdout.contains("\(code.rawValue)  \(code.label): \(code.meaning)"))
        }
        #expect(VendorCtlExitCode.all.map(\.rawValue) == [0, 1, 64, 65, 69, 70, 73, 77, 130])
    }

    @Test("no arguments, a vendor alone and 'help <command>' show help with code 0")
    func groupsShowHelp() async {
        let harness = CLIHarness()
        for arguments in [[], ["bc"], ["flowerhub"], ["help", "bc", "get"], ["flowerhub", "status", "--help"]] {
            let run = await harness.run(arguments)
            #expect(run.code == .success, "\(arguments)")
            #expect(run.stdout.contains("USAGE: vendorctl"), "\(arguments)")
        }
    }

    @Test("an unknown command or option exits 64 with one line naming the help to read")
    func usageErrors() async {
        let harness = CLIHarness()
        let unknown = await harness.run("toaster")
        #expect(unknown.code == .usage)
        #expect(unknown.code.rawValue == 64)
        #expect(unknown.stderr.split(separator: "\n").count == 1)
        #expect(unknown.stderr.hasPrefix("vendorctl: usage: "))
        let option = await harness.run("flowerhub", "status", "--colour")
        #expect(option.code == .usage)
        #expect(option.stderr.contains("vendorctl flowerhub status --help"))
        #expect(option.stdout.isEmpty)
    }

    @Test("a password, secret or token option is refused before parsing, without repeating its value")
    func secretsOnTheCommandLine() async {
        let harness = CLIHarness()
        for arguments in [
            ["flowerhub", "login", "--password=hunter2-canary"],
            ["flowerhub", "login", "--password", "hunter2-canary"],
            ["bc", "companies", "--client-secret", "hunter2-canary"],
            ["bc", "companies", "--TOKEN=hunter2-canary"],
        ] {
            let run = await harness.run(arguments)
            #expect(run.code == .usage, "\(arguments)")
            #expect(run.stderr.contains("never taken on the command line"), "\(arguments)")
            #expect(!run.allOutput.contains("hunter2-canary"), "\(arguments)")
        }
        #expect(harness.transport.requests.isEmpty)
        // After "--" an argument is a value, not an option.
        let literal = await harness.run("bc", "get", "--", "--password")
        #expect(!literal.stderr.contains("never taken on the command line"))
    }

    @Test("the config directory comes from --config-dir, then VENDORCTL_CONFIG_DIR, XDG_CONFIG_HOME and HOME")
    func configDirectory() async throws {
        let harness = CLIHarness()
        let explicit = harness.directory.appendingPathComponent("explicit").path
        let byOption = await harness.run("flowerhub", "status", "--config-dir", explicit)
        #expect(byOption.stderr.contains(explicit + "/flowerhub-session.json"))
        let xdg = await harness.run(
            "flowerhub", "status", environment: ["VENDORCTL_CONFIG_DIR": "", "XDG_CONFIG_HOME": "/xdg/config"])
        #expect(xdg.stderr.contains("/xdg/config/vendorctl/flowerhub-session.json"))
        let home = await harness.run(
            "flowerhub", "status", environment: ["VENDORCTL_CONFIG_DIR": "", "HOME": "/home/kim"])
        #expect(home.stderr.contains("/home/kim/.config/vendorctl/flowerhub-session.json"))
        let nowhere = await harness.run("flowerhub", "status", environment: ["VENDORCTL_CONFIG_DIR": ""])
        #expect(nowhere.code == .usage)
    }
}
