import AuthCore
import OdynKit

/// Prints the records of an entity set page by page, counting records and pages on standard error.
struct BCRecordStream: Sendable {
    let context: VendorCtlContext
    let json: Bool
    let label: String
    let quiet: Bool

    /// With `--json` each page is written as it arrives (one JSON array in all); a table needs
    /// every row for its widths, so it is written at the end.
    func run(_ pages: ODataPageSequence<ODataRecord>, selected: [String]?) async throws {
        let progress = ProgressLine(context: context, enabled: !quiet)
        var rows: [ODataRecord] = []
        var records = 0
        var pageCount = 0
        var totalCount: Int?
        for try await page in pages {
            // The array opens with the first page, so a failure before it leaves standard output empty.
            if json, pageCount == 0 { context.standardOutput.write("[") }
            pageCount += 1
            for record in page.records {
                if json {
                    let separator = records == 0 ? "\n  " : ",\n  "
                    context.standardOutput.write(separator + (try Printer.encode(record, pretty: false)))
                } else {
                    rows.append(record)
                }
                records += 1
            }
            // Business Central sends @odata.count with the first page only.
            totalCount = totalCount ?? page.totalCount
            let total = totalCount.map { " of \($0)" } ?? ""
            progress.update(
                "\(label): \(records)\(total) records, \(pageCount) \(pageCount == 1 ? "page" : "pages") so far")
        }
        progress.finish()
        if json {
            context.standardOutput.write(pageCount == 0 ? "[]\n" : records == 0 ? "]\n" : "\n]\n")
        } else {
            let columns = RecordTable.columns(selected: selected, first: rows.first)
            context.standardOutput.write(rows.isEmpty ? "(no records)\n" : RecordTable.render(rows, columns: columns))
        }
    }
}
