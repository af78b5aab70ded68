import Foundation
import VendorCtlCore

// All logic lives in VendorCtlCore so tests run the same code in-process.
let code = await VendorCtl.run(Array(CommandLine.arguments.dropFirst()), context: .system())
exit(code.rawValue)
