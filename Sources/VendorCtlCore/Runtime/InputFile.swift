import Foundation

/// Reads an input file or standard input (`-`), up to a size cap.
enum InputFile {
    /// The largest input read: 16 MiB.
    static let maximumSize = 16 * 1024 * 1024

    static func read(_ path: String, context: VendorCtlContext) throws -> Data {
        let source = path == "-" ? "standard input" : path
        let data: Data
        if path == "-" {
            do {
                data = try context.readStandardInput()
            } catch {
                throw CommandFailure.usage("standard input cannot be read")
            }
        } else {
            guard let handle = FileHandle(forReadingAtPath: path), let contents = try? capped(handle) else {
                throw CommandFailure.usage("cannot read \(path)")
            }
            data = contents
        }
        guard data.count <= maximumSize else {
            throw CommandFailure.usage("\(source) is larger than \(maximumSize) bytes")
        }
        return data
    }

    /// Everything `handle` gives, but never more than one byte past ``maximumSize``: a device or
    /// a pipe that never ends is not read into memory.
    static func capped(_ handle: FileHandle) throws -> Data {
        var data = Data()
        while data.count <= maximumSize {
            guard let chunk = try handle.read(upToCount: 64 * 1024), !chunk.isEmpty else { break }
            data.append(chunk)
        }
        return data
    }
}
