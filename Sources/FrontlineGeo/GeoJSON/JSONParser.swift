import Foundation

/// A small, fast JSON parser (RFC 8259) working on bytes. It exists because GeoJSON files are
/// mostly numbers: Foundation's parser boxes each one, this one reads coordinate arrays
/// straight into `[Position]` buffers. Errors give the line and column.
struct JSONParser {
    /// The text followed by one 0 byte, a sentinel that stops every scanning loop, so that
    /// the loops need no end check of their own.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    /// Arrays and objects open around the current position. The parser recurses once per
    /// level, so without a limit a file of 40,000 `[` ran off the end of the stack.
    private var depth = 0
    /// Far above any real GeoJSON (a MultiPolygon inside a FeatureCollection is 7 deep), and
    /// shallow enough for the recursion to fit a worker thread's stack in a debug build.
    static let maxDepth = 512

    /// Parses one JSON document; trailing non-space content is an error.
    static func parse(_ data: Data) throws -> JSONValue {
        var text = [UInt8](data)
        text.append(0)
        return try text.withUnsafeBufferPointer { buf in
            var p = JSONParser(bytes: buf)
            p.skipSpace()
            let v = try p.value(key: nil)
            p.skipSpace()
            guard p.i == buf.count - 1 else { throw p.error("unexpected content after the JSON value") }
            return v
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private var atEnd: Bool { i >= bytes.count - 1 }
    /// Unchecked read: every loop stops at the sentinel, and `atEnd` guards the rest.
    private var current: UInt8 { bytes.baseAddress.unsafelyUnwrapped[i] }

    func error(_ message: String) -> GeoError {
        var line = 1, column = 1
        for b in bytes[0..<min(i, bytes.count - 1)] {
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        let at = atEnd ? "at end of file (truncated?)" : "at line \(line), column \(column)"
        return .malformedJSON("invalid JSON \(at): \(message)")
    }

    private mutating func skipSpace() {
        while true {
            switch current {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    private mutating func expect(_ c: UInt8) throws {
        skipSpace()
        guard !atEnd, current == c else { throw error("expected '\(Character(UnicodeScalar(c)))'") }
        i += 1
    }

    /// Enters one more level of nesting; the caller leaves it with `depth -= 1`.
    private mutating func enter() throws {
        depth += 1
        guard depth <= JSONParser.maxDepth else {
            throw error("nested deeper than \(JSONParser.maxDepth) levels")
        }
    }

    private mutating func value(key: String?) throws -> JSONValue {
        skipSpace()
        guard !atEnd else { throw error("expected a value") }
        switch current {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["):
            return key == "coordinates" ? .coordinates(try coordinates()) : try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("unexpected character '\(Character(UnicodeScalar(current)))'")
        }
    }

    private mutating func literal(_ word: String) throws {
        let w = Array(word.utf8)
        let n = w.count
        guard i + n <= bytes.count - 1, bytes[i..<i + n].elementsEqual(w) else { throw error("invalid literal") }
        i += n
    }

    private mutating func object() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        i += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if !atEnd && current == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard !atEnd, current == UInt8(ascii: "\"") else { throw error("expected a member name") }
            let key = try string()
            try expect(UInt8(ascii: ":"))
            members.append((key, try value(key: key)))
            skipSpace()
            guard !atEnd else { throw error("unterminated object") }
            if current == UInt8(ascii: ",") { i += 1; continue }
            if current == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw error("expected ',' or '}'")
        }
    }

    private mutating func array() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if !atEnd && current == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            items.append(try value(key: nil))
            skipSpace()
            guard !atEnd else { throw error("unterminated array") }
            if current == UInt8(ascii: ",") { i += 1; continue }
            if current == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("expected ',' or ']'")
        }
    }

    /// Reads a `coordinates` array of any depth. An array of numbers is a position; an array
    /// of positions becomes one `[Position]`; anything deeper is a list.
    private mutating func coordinates() throws -> CoordinateNode {
        try enter()
        defer { depth -= 1 }
        i += 1
        skipSpace()
        guard !atEnd else { throw error("unterminated coordinates") }
        if current == UInt8(ascii: "]") { i += 1; return .list([]) }
        if current != UInt8(ascii: "[") { return .position(try positionTail()) }
        let first = try coordinates()
        if case .position(let p) = first {
            var points = [p]
            while try nextElement() {
                guard current == UInt8(ascii: "[") else { throw error("expected a position [x, y]") }
                guard case .position(let q) = try coordinates() else { throw error("expected a position [x, y]") }
                points.append(q)
            }
            return .positions(points)
        }
        var children = [first]
        while try nextElement() {
            guard current == UInt8(ascii: "[") else { throw error("expected a nested coordinate array") }
            children.append(try coordinates())
        }
        return .list(children)
    }

    /// After an array element: true (positioned at the next element) on ',', false after ']'.
    private mutating func nextElement() throws -> Bool {
        skipSpace()
        guard !atEnd else { throw error("unterminated coordinates") }
        if current == UInt8(ascii: ",") { i += 1; skipSpace(); return true }
        if current == UInt8(ascii: "]") { i += 1; return false }
        throw error("expected ',' or ']' in coordinates")
    }

    /// The numbers of a position, the opening '[' already consumed.
    private mutating func positionTail() throws -> Position {
        var values: (Double, Double) = (0, 0)
        var count = 0
        repeat {
            skipSpace()
            guard !atEnd, current == UInt8(ascii: "-") || JSONParser.isDigit(current) else {
                throw error("expected a number in a position")
            }
            let v = try number()
            if count == 0 { values.0 = v } else if count == 1 { values.1 = v }
            count += 1
        } while try nextElement()
        guard count >= 2 else { throw error("a position needs at least two numbers") }
        return Position(values.0, values.1)
    }

    private static let exactPowers: [Double] = (0...22).map { pow(10, Double($0)) }

    @inline(__always) private static func isDigit(_ c: UInt8) -> Bool { c &- 48 < 10 }

    /// RFC 8259 number. Fast path (Clinger): up to 15 significant digits and a power of ten
    /// up to 22 give a correctly rounded result by one multiply or divide; else strtod.
    private mutating func number() throws -> Double {
        let start = i
        var negative = false
        if current == UInt8(ascii: "-") { negative = true; i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        guard JSONParser.isDigit(current) else { throw error("invalid number") }
        if current == UInt8(ascii: "0") {
            i += 1
        } else {
            while JSONParser.isDigit(current) {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(current - 48); digits += 1 } else { scale += 1 }
                i += 1
            }
        }
        var simple = true
        if current == UInt8(ascii: ".") {
            i += 1
            guard JSONParser.isDigit(current) else { throw error("invalid number") }
            while JSONParser.isDigit(current) {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(current - 48); digits += 1; scale -= 1 }
                i += 1
            }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            simple = false
            i += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { i += 1 }
            guard JSONParser.isDigit(current) else { throw error("invalid number") }
            while JSONParser.isDigit(current) { i += 1 }
        }
        if simple && digits <= 15 && abs(scale) <= 22 {
            let m = Double(mantissa)
            let v = scale < 0 ? m / JSONParser.exactPowers[-scale] : m * JSONParser.exactPowers[scale]
            return negative ? -v : v
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard let v = Double(text), v.isFinite else { throw error("number out of range: \(text)") }
        return v
    }

    private mutating func string() throws -> String {
        i += 1
        let start = i
        var plain = true
        while true {
            guard !atEnd else { throw error("unterminated string") }
            let c = current
            if c == UInt8(ascii: "\"") { break }
            if c < 0x20 { throw error("control character in string") }
            if c == UInt8(ascii: "\\") { plain = false; i += 2; continue }
            i += 1
        }
        defer { i += 1 }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<i])
        if plain { return String(decoding: raw, as: UTF8.self) }
        return try unescape(raw)
    }

    private func unescape(_ raw: UnsafeBufferPointer<UInt8>) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var j = raw.startIndex
        var pendingHigh: UInt32?
        while j < raw.endIndex {
            let c = raw[j]
            guard c == UInt8(ascii: "\\") else { out.append(c); j += 1; continue }
            guard j + 1 < raw.endIndex else { throw error("invalid escape") }
            let e = raw[j + 1]
            j += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard j + 4 <= raw.endIndex, let u = UInt32(String(decoding: UnsafeBufferPointer(rebasing: raw[j..<j + 4]), as: UTF8.self), radix: 16)
                else { throw error("invalid \\u escape") }
                j += 4
                var scalar = u
                if (0xD800...0xDBFF).contains(u) { pendingHigh = u; continue }
                if (0xDC00...0xDFFF).contains(u), let high = pendingHigh {
                    scalar = 0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00)
                }
                pendingHigh = nil
                out.append(contentsOf: Array(String(UnicodeScalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
            default: throw error("invalid escape")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
