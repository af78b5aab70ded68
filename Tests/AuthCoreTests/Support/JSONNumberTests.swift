import AuthCore
import Foundation
import Testing

@Suite("JSONNumber")
struct JSONNumberTests {
    private func number(_ literal: String) throws -> JSONNumber {
        try #require(JSONNumber(literal), "\(literal) should be a JSON number")
    }

    private func read(_ literal: String) throws -> JSONNumber {
        try #require(JSONValue(jsonData: Data(literal.utf8)).numberValue)
    }

    @Test("the literal is kept exactly as written", arguments: ["1.50", "1E+2", "-0", "-0.0", "1e007", "0.1", "1e128"])
    func keepsLiteral(_ literal: String) throws {
        #expect(try read(literal).description == literal)
        #expect(
            String(decoding: try JSONValue(jsonData: Data("[\(literal)]".utf8)).jsonData(), as: UTF8.self)
                == "[\(literal)]")
    }

    @Test(
        "text that is not a JSON number, or overflows a Double, is not a JSONNumber",
        arguments: [
            "", " 1", "1 ", "+1", "01", "-01", ".5", "1.", "1e", "1e+", "-", "--1", "0x10", "NaN", "inf", "-Infinity",
            "1e999", "-1e999", "1.7976931348623159e308", "1,5", "١",
        ])
    func refusesNonNumbers(_ text: String) {
        #expect(JSONNumber(text) == nil)
    }

    @Test(
        "Decimal conversion is exact in range and nil outside it",
        arguments: [
            ("0.1", Decimal(string: "0.1")), ("1234.56", Decimal(string: "1234.56")), ("-0", Decimal(0)),
            ("1E+2", Decimal(100)), ("1e127", Decimal(string: "1e127")),
            ("1e128", Decimal(string: "10e127")), ("12e150", Decimal(string: "1200000000000000000000000e127")),
            ("1e-128", Decimal(string: "1e-128")), ("1.5e-128", Decimal(string: "2e-128")),
            ("0." + String(repeating: "0", count: 127) + "1", Decimal(string: "1e-128")),
            (
                "123456789012345678901234567890123456789012345",
                Decimal(string: "12345678901234567890123456789012345679e7")
            ),
            ("99999999999999999999999999999999999999.5", Decimal(string: "1e38")),
            ("9223372036854775808", Decimal(string: "9223372036854775808")),
            ("1e300", nil), ("1e166", nil), ("-1e200", nil), ("1e-129", nil), ("4.9e-324", nil),
        ] as [(String, Decimal?)])
    func decimalValue(_ literal: String, _ expected: Decimal?) throws {
        #expect(try read(literal).decimalValue == expected)
    }

    @Test(
        "Double conversion rounds correctly, even for very long literals",
        arguments: [
            "0.1", "1e300", "-1e300", "1E+2", "1e-400", "-1e-400", "123456789012345678901234567890", "4.9e-324",
            "1.7976931348623157e308", "1.7976931348623158e308", "2.2250738585072011e-308", "9007199254740993",
            "0." + String(repeating: "1234567890", count: 200),
            "1" + String(repeating: "0", count: 307) + "." + String(repeating: "9", count: 1_000),
            // Just below the midpoint between the largest Double and infinity: rounds down to the largest.
            String(JSONNumberTests.halfwayToInfinity.dropLast()) + "1." + String(repeating: "9", count: 1_000),
        ])
    func doubleValue(_ literal: String) throws {
        let value = try number(literal).doubleValue
        #expect(value == Double(literal))
        #expect(value.isFinite)
    }

    /// 2^1024 - 2^970, the midpoint between `Double.greatestFiniteMagnitude` and 2^1024.
    private static let halfwayToInfinity =
        "1797693134862315807937289714053034150799341327100378269361737789804449682927647509466490179775872070"
        + "9633028641669288791094655554785194040263065748867150582068190890200070838367627385484581771153176447"
        + "5730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904"
        + "174497792"

    @Test("a long literal just past the midpoint to infinity overflows, as Double(_:) says")
    func overflowAtTheMidpoint() {
        let justAbove = Self.halfwayToInfinity + "." + String(repeating: "0", count: 1_000) + "1"
        #expect(Double(justAbove) == .infinity)
        #expect(JSONNumber(justAbove) == nil)
        #expect(JSONNumber(Self.halfwayToInfinity) == nil)
    }

    @Test("-0 keeps its sign as a Double only when written as a fraction, as JSONSerialization reads it")
    func negativeZero() throws {
        #expect(try number("-0.0").doubleValue.sign == .minus)
        #expect(try number("-0").doubleValue == 0)
        #expect(try number("-0") == number("0"))
    }

    @Test(
        "integer conversion is exact, nil rather than a trap when out of range or fractional",
        arguments: [
            ("0", 0), ("-0", 0), ("42", 42), ("1.0", 1), ("1E+2", 100), ("100e-2", 1), ("0.0000", 0), ("0e99999", 0),
            ("1e18", 1_000_000_000_000_000_000), ("9223372036854775807", Int64.max),
            ("-9223372036854775808", Int64.min),
            ("922337203685477580.7e1", Int64.max), ("1e20", nil), ("1.5", nil), ("9223372036854775808", nil),
            ("-9223372036854775809", nil), ("12345678901234567890", nil), ("1e-400", nil), ("1e300", nil),
            ("0.1e1", 1), ("10E-1", 1), ("1" + String(repeating: "0", count: 400) + "e-400", 1),
        ] as [(String, Int64?)])
    func integerValues(_ literal: String, _ expected: Int64?) throws {
        let value = try number(literal)
        #expect(value.int64Value == expected)
        #expect(value.intValue == expected.flatMap { Int(exactly: $0) })
    }

    @Test("numbers with the same value are equal and hash alike, however they are written")
    func equality() throws {
        let ones = try ["1", "1.0", "1e0", "10E-1", "0.1e1", "1.000e+0", "100e-2"].map(number)
        #expect(Set(ones).count == 1)
        for one in ones { #expect(one == ones[0] && one.hashValue == ones[0].hashValue) }
        let zeros = try ["0", "-0", "0.0", "-0.0e5", "0e-7"].map(number)
        #expect(Set(zeros).count == 1)
        #expect(try number("1.5") != number("1.50000001"))
        #expect(try number("0.1") != number("0.1000000000000000055511151231257827"))
        #expect(try number("-1") != number("1"))
        #expect(try number("1e2") != number("1e3"))
        #expect(try number("12") != number("21"))
        #expect(JSONValue.number(try number("2.50")) == 2.5)
    }

    @Test("numbers are made from Int, Double, Decimal and literals; NaN and infinity are refused")
    func initializers() throws {
        #expect(JSONNumber(42).description == "42")
        #expect(JSONNumber(Int.min).intValue == Int.min)
        // `JSONNumber(0.1)` would be the literal initializer; these go through `init?(_: Double)`.
        func from(_ double: Double) -> JSONNumber? { JSONNumber(double) }
        #expect(from(100)?.description == "100")
        #expect(from(0.1)?.description == "0.1")
        #expect(from(-0.0)?.description == "-0")
        #expect(from(1e300)?.doubleValue == 1e300)
        #expect(from(.leastNonzeroMagnitude)?.doubleValue == .leastNonzeroMagnitude)
        #expect(from(.nan) == nil)
        #expect(from(.infinity) == nil)
        #expect(from(-.infinity) == nil)
        #expect(JSONNumber(Decimal(string: "1234.50")!)?.description == "1234.5")
        #expect(JSONNumber(Decimal(string: "1e100")!)?.decimalValue == Decimal(string: "1e100"))
        #expect(JSONNumber(Decimal.nan) == nil)
        let literal: JSONNumber = 2.5
        #expect(literal.description == "2.5")
        let integer: JSONNumber = 7
        #expect(integer.intValue == 7)
        #expect(JSONNumber(floatLiteral: .infinity).doubleValue == .greatestFiniteMagnitude)
        #expect(JSONNumber(floatLiteral: -.infinity).doubleValue == -.greatestFiniteMagnitude)
        #expect(JSONNumber(floatLiteral: .nan) == 0)
    }

    @Test(
        "extreme literals convert without trapping",
        arguments: [
            "1e-99999999999999999999999", "-1e-99999999999999999999999", "0e99999999999999999999999",
            "0." + String(repeating: "0", count: 5_000) + "1", String(repeating: "9", count: 300) + "e-300",
            "123456789" + String(repeating: "0", count: 20_000) + "e-20000",
        ])
    func extremes(_ literal: String) throws {
        let value = try number(literal)
        #expect(value.doubleValue.isFinite)
        _ = value.decimalValue
        _ = value.intValue
        _ = value.hashValue
        #expect(value == value)
    }

    @Test("JSONNumber is Codable: exact Decimal in range, Double beyond it")
    func codable() throws {
        struct Model: Codable { var amount: JSONNumber }
        let decoded = try JSONDecoder().decode(Model.self, from: Data(#"{"amount": 0.1}"#.utf8))
        #expect(decoded.amount.decimalValue == Decimal(string: "0.1"))
        let huge = try JSONDecoder().decode(Model.self, from: Data(#"{"amount": 1e300}"#.utf8))
        #expect(huge.amount.doubleValue == 1e300)
        #expect(String(decoding: try JSONEncoder().encode(huge), as: UTF8.self) == #"{"amount":1e+300}"#)
        #expect(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self) == #"{"amount":0.1}"#)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Model.self, from: Data(#"{"amount": "1"}"#.utf8))
        }
    }
}
