/// A table for people: a header row and rows of cells, columns padded to their widest cell and
/// separated by two spaces.
struct TextTable: Sendable {
    /// How a column's cells line up.
    enum Alignment: Sendable {
        case left
        case right
    }

    struct Column: Sendable {
        var title: String
        var alignment: Alignment

        init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// The widest a cell is shown; longer text is cut with `…` (`--json` has every byte).
    static let maximumCellWidth = 60

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) {
        self.columns = columns
    }

    init(_ titles: String...) {
        self.columns = titles.map { Column($0) }
    }

    mutating func append(_ cells: [String]) {
        rows.append(cells)
    }

    /// The rendered table, one line per row, each ending with a line break; trailing spaces trimmed.
    var rendered: String {
        let cleanRows = rows.map { row in
            columns.indices.map { index in TextTable.clean(index < row.count ? row[index] : "") }
        }
        var widths = columns.map(\.title.count)
        for row in cleanRows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        var output = ""
        for row in [columns.map(\.title)] + cleanRows {
            var line = ""
            for (index, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                let isLast = index == row.count - 1
                switch columns[index].alignment {
                case .left: line += cell + (isLast ? "" : padding)
                case .right: line += padding + cell
                }
                if !isLast { line += "  " }
            }
            while line.last == " " { line.removeLast() }
            output += line + "\n"
        }
        return output
    }

    /// One line, no control characters (a server's text cannot move the cursor), at most `limit`
    /// characters.
    static func clean(_ text: String, limit: Int? = maximumCellWidth) -> String {
        var cleaned = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    scalar.properties.generalCategory == .control ? " " : scalar
                }))
        if let limit, cleaned.count > limit {
            cleaned = String(cleaned.prefix(max(0, limit - 1))) + "…"
        }
        return cleaned
    }
}

/// A two-column table of a record's fields.
struct FieldList: Sendable {
    private var table = TextTable("FIELD", "VALUE")

    mutating func add(_ field: String, _ value: String?) {
        table.append([field, value ?? "-"])
    }

    var rendered: String { table.rendered }
}
