import Testing

@testable import VendorCtlCore

@Suite("Tables for people")
struct OutputFormattingTests {
    @Test("columns are padded to the widest cell, right-aligned ones end together, no trailing spaces")
    func alignment() {
        var table = TextTable([.init("NAME"), .init("AMOUNT", .right), .init("NOTE")])
        table.append(["a", "1.00", ""])
        table.append(["longer name", "-1234.50", "x"])
        let lines = [
            "NAME" + String(repeating: " ", count: 11) + "AMOUNT  NOTE",
            "a" + String(repeating: " ", count: 16) + "1.00",
            "longer name  -1234.50  x",
        ]
        #expect(table.rendered == lines.joined(separator: "\n") + "\n")
    }

    @Test("a server's text cannot move the cursor or break a row, and long cells are cut")
    func cleaning() {
        #expect(TextTable.clean("line\nbreak\u{1B}[2J") == "line break [2J")
        let long = String(repeating: "x", count: 100)
        #expect(TextTable.clean(long).count == TextTable.maximumCellWidth)
        #expect(TextTable.clean(long).hasSuffix("…"))
        #expect(TextTable.clean(long, limit: nil) == long)
    }
}
