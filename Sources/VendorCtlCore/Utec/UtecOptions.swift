import ArgumentParser

/// The options every `vendorctl utec` command that talks to the API has.
struct UtecOptions: ParsableArguments {
    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp(
            "The API root (default: the one saved by 'login', else https://api.u-tec.com/).", valueName: "url"))
    var baseURL: String?

    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        if let baseURL { _ = try BaseURLOption.parse(baseURL) }
    }
}
