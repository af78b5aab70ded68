import ArgumentParser
import AuthCore
import Foundation
import OdynKit

/// `vendorctl bc`: Microsoft Dynamics 365 Business Central (OData V4).
struct BusinessCentralCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bc",
        abstract: "Business Central: read entities page by page, create, update, delete, $batch.",
        discussion: """
            Credentials, in this order: client credentials (--client-id and --tenant; the secret from \
            BC_CLIENT_SECRET or a prompt without echo; tokens are cached in bc-token-*.json in the \
            config directory), a bearer token in BC_TOKEN, or basic authentication with BC_USERNAME \
            and BC_WEB_SERVICE_KEY (on-premises). BC_BASE_URL, BC_TENANT, BC_ENVIRONMENT, \
            BC_CLIENT_ID, BC_AUTHORITY_HOST and BC_COMPANY give defaults for the options.
            """,
        subcommands: [
            Companies.self, Get.self, Create.self, Update.self, Delete.self, Batch.self, Logout.self,
        ]
    )

    struct Companies: BusinessCentralRunnable {
        static let configuration = CommandConfiguration(abstract: "List the environment's companies.")

        @OptionGroup var connection: BCOptions

        func execute(in context: VendorCtlContext) async throws {
            let client = try await BCConnection.make(connection, context: context).client
            let companies = try await client.companies()
            try connection.output.printer(context).emit(companies) {
                var table = TextTable("ID", "NAME", "DISPLAY NAME")
                for company in companies {
                    table.append([Cell.text(company.id), Cell.text(company.name), Cell.text(company.displayName)])
                }
                return table.rendered
            }
        }
    }

    struct Get: BusinessCentralRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Read an entity set, following every page, or one entity with --id.",
            discussion: """
                Pages are fetched one at a time; a progress line on standard error counts records and \
                pages (--quiet hides it). With --json the records are written as they arrive, as one \
                JSON array; if a later page fails, the array is left unfinished and the exit code says why.
                """)

        @Argument(help: "The entity set, for example customers, items, salesOrders or companies.")
        var entity: String

        @Option(help: ArgumentHelp("Read only this entity (its id).", valueName: "id"))
        var id: String?

        @Option(help: ArgumentHelp("An OData $filter expression.", valueName: "expression"))
        var filter: String?

        @Option(help: ArgumentHelp("The fields to return, comma-separated ($select).", valueName: "fields"))
        var select: String?

        @Option(help: ArgumentHelp("At most this many records ($top).", valueName: "n"))
        var top: Int?

        @Option(help: ArgumentHelp("Related entities to include ($expand).", valueName: "navigation"))
        var expand: String?

        @Option(help: ArgumentHelp("The sort order ($orderby), for example 'displayName desc'.", valueName: "order"))
        var orderby: String?

        @Option(name: .customLong("page-size"), help: ArgumentHelp("Records per page to ask for.", valueName: "n"))
        var pageSize: Int?

        @Flag(help: "No progress line on standard error.")
        var quiet = false

        @OptionGroup var company: BCCompanyOption
        @OptionGroup var connection: BCOptions

        mutating func validate() throws {
            try BCEntityName.validate(entity)
            if let top, top < 0 { throw ValidationError("--top must be 0 or more") }
            if let pageSize, pageSize < 1 { throw ValidationError("--page-size must be at least 1") }
            if id != nil, filter != nil || top != nil || orderby != nil || pageSize != nil {
                throw ValidationError("--id reads one entity: --filter, --top, --orderby and --page-size do not apply")
            }
        }

        var selectedFields: [String]? {
            select.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        }

        var query: ODataQuery {
            var query = ODataQuery()
            if let filter { query = query.filter(raw: filter) }
            if let selectedFields { query = query.select(selectedFields) }
            if let expand { query = query.setting("$expand", expand) }
            if let orderby { query = query.setting("$orderby", orderby) }
            if let top { query = query.top(top) }
            return query
        }

        func execute(in context: VendorCtlContext) async throws {
            let bc = try await BCConnection.make(
                connection, context: context, pagination: ODataPagination(maxPageSize: pageSize))
            let path = try await BCEntityPath.resolve(entity, id: id, company: company, connection: bc)
            let printer = connection.output.printer(context)
            if id != nil {
                let record = try await bc.client.entity(path, query: query)
                try printer.emit(record) { RecordTable.render(record) }
                return
            }
            try await BCRecordStream(context: context, json: connection.output.json, label: entity, quiet: quiet)
                .run(bc.client.pages(path, query: query), selected: selectedFields)
        }
    }

    struct Create: BusinessCentralRunnable {
        static let configuration = CommandConfiguration(abstract: "Create an entity (POST) and print it.")

        @Argument(help: "The entity set, for example customers.")
        var entity: String

        @OptionGroup var body: BCBodyOptions
        @OptionGroup var company: BCCompanyOption
        @OptionGroup var connection: BCOptions

        mutating func validate() throws { try BCEntityName.validate(entity) }

        func execute(in context: VendorCtlContext) async throws {
            let payload = try body.body(context)
            let bc = try await BCConnection.make(connection, context: context)
            let path = try await BCEntityPath.resolve(entity, id: nil, company: company, connection: bc)
            let record = try await bc.client.create(path, body: payload)
            try connection.output.printer(context).emit(record) { RecordTable.render(record) }
        }
    }

    struct Update: BusinessCentralRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Change fields of an entity (PATCH with If-Match) and print it.",
            discussion: "--etag is the entity's @odata.etag as read (or '*' to overwrite whatever version is there).")

        @Argument(help: "The entity set, for example customers.")
        var entity: String

        @Argument(help: "The entity's id.")
        var id: String

        @Option(help: ArgumentHelp("The entity's @odata.etag, sent as If-Match.", valueName: "etag"))
        var etag: String

        @OptionGroup var body: BCBodyOptions
        @OptionGroup var company: BCCompanyOption
        @OptionGroup var connection: BCOptions

        mutating func validate() throws {
            try BCEntityName.validate(entity)
            guard !etag.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--etag is empty") }
        }

        func execute(in context: VendorCtlContext) async throws {
            let payload = try body.body(context)
            let bc = try await BCConnection.make(connection, context: context)
            let path = try await BCEntityPath.resolve(entity, id: id, company: company, connection: bc)
            let record = try await bc.client.update(path, etag: ODataETag(etag), patch: payload)
            try connection.output.printer(context).emit(record) { RecordTable.render(record) }
        }
    }

    struct Delete: BusinessCentralRunnable {
        static let configuration = CommandConfiguration(abstract: "Delete an entity (DELETE with If-Match).")

        @Argument(help: "The entity set, for example customers.")
        var entity: String

        @Argument(help: "The entity's id.")
        var id: String

        @Option(help: ArgumentHelp("The entity's @odata.etag, sent as If-Match ('*' for any).", valueName: "etag"))
        var etag: String

        @OptionGroup var company: BCCompanyOption
        @OptionGroup var connection: BCOptions

        mutating func validate() throws {
            try BCEntityName.validate(entity)
            guard !etag.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--etag is empty") }
        }

        struct Report: Encodable {
            var deleted: Bool
            var entity: String
            var id: String
        }

        func execute(in context: VendorCtlContext) async throws {
            let bc = try await BCConnection.make(connection, context: context)
            let path = try await BCEntityPath.resolve(entity, id: id, company: company, connection: bc)
            try await bc.client.delete(path, etag: ODataETag(etag))
            let report = Report(deleted: true, entity: entity, id: id)
            try connection.output.printer(context).emit(report) { "Deleted \(entity) \(id).\n" }
        }
    }

    struct Batch: BusinessCentralRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Send the operations of a JSON file as $batch requests (100 per request).",
            discussion: """
                The file holds Business Central's $batch body, {"requests": [{"id", "method", "url", \
                "headers", "body"}, …]}, or just the array; urls are relative to the service root \
                (companies(<id>)/items). Exit code 65 when any operation failed.
                """)

        @Argument(help: ArgumentHelp("The JSON file ('-' for standard input).", valueName: "file"))
        var file: String

        @Flag(help: "All or nothing (Isolation: snapshot); at most 100 operations.")
        var transactional = false

        @OptionGroup var connection: BCOptions

        func execute(in context: VendorCtlContext) async throws {
            let source = file == "-" ? "standard input" : file
            let operations = try BCBatchFile.operations(
                from: try InputFile.read(file, context: context), source: source)
            let bc = try await BCConnection.make(connection, context: context)
            let results = try await bc.client.batch(operations, transactional: transactional).map(
                BCBatchFile.Result.init)
            try connection.output.printer(context).emit(results) { BCBatchFile.table(results) }
            let failed = results.filter { $0.error != nil }.count
            if failed > 0 {
                throw CommandFailure(.refused, "\(failed) of \(results.count) batch operations failed")
            }
        }
    }

    struct Logout: BusinessCentralRunnable {
        static let configuration = CommandConfiguration(abstract: "Forget the cached access tokens (bc-token-*.json).")

        @OptionGroup var output: OutputOptions

        struct Report: Encodable {
            var removed: [String]
        }

        func execute(in context: VendorCtlContext) async throws {
            let directory = try output.directory(context)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.url.path)) ?? []
            var removed: [String] = []
            for name in names.sorted() where name.hasPrefix(BCTokenCache.filePrefix) && name.hasSuffix(".json") {
                let file = PrivateFile(url: directory.file(name))
                if try file.remove() { removed.append(file.url.path) }
            }
            let report = Report(removed: removed)
            try output.printer(context).emit(report) {
                removed.isEmpty
                    ? "No cached Business Central tokens.\n"
                    : removed.map { "Removed \($0)\n" }.joined()
            }
        }
    }
}
