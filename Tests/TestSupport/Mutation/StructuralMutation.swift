import Foundation

/// A step into a JSON value: an object member or an array element.
enum JSONStep: Sendable {
    case key(String)
    case index(Int)
}

/// Paths to every value in a parsed JSON document.
enum JSONPaths {
    static func all(in root: Any, prefix: [JSONStep] = [], limit: Int = 2_000) -> [[JSONStep]] {
        var found: [[JSONStep]] = []
        func walk(_ value: Any, _ path: [JSONStep]) {
            guard found.count < limit else { return }
            if !path.isEmpty { found.append(path) }
            if let object = value as? [String: Any] {
                for key in object.keys.sorted() { walk(object[key]!, path + [.key(key)]) }
            } else if let array = value as? [Any] {
                for (index, element) in array.enumerated().prefix(50) { walk(element, path + [.index(index)]) }
            }
        }
        walk(root, prefix)
        return found
    }

    static func describe(_ path: [JSONStep]) -> String {
        "$"
            + path.map { step in
                switch step {
                case .key(let key): return ".\(key)"
                case .index(let index): return "[\(index)]"
                }
            }.joined()
    }

    /// `root` with the value at `path` replaced by `transform(old)`; `nil` removes it.
    static func replacing(in root: Any, at path: [JSONStep], with transform: (Any) -> Any?) -> Any? {
        guard let step = path.first else { return transform(root) }
        let rest = Array(path.dropFirst())
        switch step {
        case .key(let key):
            guard var object = root as? [String: Any], let child = object[key] else { return root }
            if rest.isEmpty {
                object[key] = transform(child)
            } else {
                object[key] = replacing(in: child, at: rest, with: transform)
            }
            return object
        case .index(let index):
            guard var array = root as? [Any], array.indices.contains(index) else { return root }
            if rest.isEmpty {
                if let replacement = transform(array[index]) {
                    array[index] = replacement
                } else {
                    array.remove(at: index)
                }
            } else if let replacement = replacing(in: array[index], at: rest, with: transform) {
                array[index] = replacement
            }
            return array
        }
    }
}

/// The structural mutations: each keeps the document valid JSON but breaks what a reader expects.
enum StructuralMutation: String, CaseIterable, Sendable {
    case null
    case delete
    case typeSwap = "type-swap"
    case emptyObject = "empty-object"
    case emptyArray = "empty-array"
    case hugeNumber = "huge-number"
    case hugeInteger = "huge-integer"
    case negative
    case fraction
    case longString = "long-string"
    case numericString = "numeric-string"
    case deepValue = "deep-value"

    /// A string `JSONSerialization` writes that is swapped for literal number text afterwards.
    static let rawMarker = "__RAW_NUMBER__"

    /// The literal number text this mutation writes in place of ``rawMarker``.
    var rawNumberText: String? {
        switch self {
        case .hugeNumber: return "1e400"
        case .hugeInteger: return "123456789012345678901234567890"
        default: return nil
        }
    }

    func apply(to root: Any, at path: [JSONStep]) -> Any? {
        JSONPaths.replacing(in: root, at: path) { old in
            switch self {
            case .null: return NSNull()
            case .delete: return nil
            case .typeSwap: return Self.swapped(old)
            case .emptyObject: return [String: Any]()
            case .emptyArray: return [Any]()
            case .hugeNumber, .hugeInteger: return Self.rawMarker
            case .negative: return -1
            case .fraction: return 0.5
            case .longString: return String(repeating: "x", count: 1_000_000)
            case .numericString: return "1e308"
            case .deepValue:
                var value: Any = "bottom"
                for _ in 0..<400 { value = [value] }
                return value
            }
        }
    }

    private static func swapped(_ value: Any) -> Any {
        switch value {
        case is String: return 42
        case is NSNumber: return "not a number"
        case is [Any]: return ["unexpected": true]
        case is [String: Any]: return ["unexpected"]
        default: return "was null"
        }
    }
}
