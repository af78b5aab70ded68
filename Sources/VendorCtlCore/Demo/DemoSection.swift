import AuthCore
import VendorSandbox

/// One kit's part of `vendorctl demo`: its main flow against the sandbox, step by step.
///
/// A new kit adds one file with its section and one line to ``DemoSections/all``.
protocol DemoSection: Sendable {
    /// The name on the command line (`vendorctl demo flowerhub`) and in the JSON document.
    var name: String { get }
    /// The heading printed above the steps.
    var title: String { get }
    /// Where the kit's client points on `sandbox` (shown under the heading).
    func baseURL(of sandbox: VendorSandbox) -> String
    /// Runs the kit's flow, one ``DemoLog/step(_:_:)`` per thing that happens.
    func run(on sandbox: VendorSandbox, transport: any HTTPTransport, log: DemoLog) async throws
}

/// Every kit's demo, in the order `vendorctl demo` runs them.
enum DemoSections {
    static let all: [any DemoSection] = [
        DemoFlowerhub(),
        DemoBusinessCentral(),
        DemoBticino(),
        DemoViessmann(),
        DemoUtec(),
    ]

    static var names: [String] { all.map(\.name) }
}
