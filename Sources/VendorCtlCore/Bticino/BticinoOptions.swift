import ArgumentParser
import Foundation

/// The options every `vendorctl bticino` command has.
struct BticinoOptions: ParsableArguments {
    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp("The Netatmo REST host (default https://app.netatmo.net).", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("The Netatmo account e-mail (or BTICINO_USERNAME).", valueName: "email"))
    var username: String?

    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        _ = try requestedBaseURL()
    }

    func requestedBaseURL() throws -> URL? {
        guard let baseURL else { return nil }
        return try BaseURLOption.parse(baseURL)
    }
}

/// The home and module a command acts on.
struct BticinoTarget: ParsableArguments {
    @Option(help: ArgumentHelp("The home id (default: the first home with modules).", valueName: "id"))
    var home: String?

    @Option(help: ArgumentHelp("The module id (default: the home's first module of the right type).", valueName: "id"))
    var module: String?
}
