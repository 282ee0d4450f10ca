import Foundation

/// The errors a Frontline user can meet, each with its sysexits-style exit code (DESIGN.md):
/// 64 usage, 65 bad data, 66 missing input, 69 a service that cannot be reached (offline,
/// a dropped download), 73 cannot write output, 74 a failed write to an open stream (stdout
/// on a full disk).
public enum FrontlineError: Error, CustomStringConvertible, Equatable {
    case usage(String)
    case badData(String)
    case missingInput(String)
    case cannotWrite(String)
    case ioError(String)
    case unavailable(String)

    public var description: String {
        switch self {
        case .usage(let m), .badData(let m), .missingInput(let m), .cannotWrite(let m), .ioError(let m), .unavailable(let m): return m
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .badData: return 65
        case .missingInput: return 66
        case .cannotWrite: return 73
        case .ioError: return 74
        case .unavailable: return 69
        }
    }

    /// Bad data found in a file: GEOS, PROJ and GeoJSON errors all land here, with the file named.
    public static func badData(in file: String, _ error: Error) -> FrontlineError {
        if let e = error as? FrontlineError { return e }
        let text = "\(error)"
        return .badData(text.hasPrefix(file) ? text : "\(file): \(text)")
    }
}
