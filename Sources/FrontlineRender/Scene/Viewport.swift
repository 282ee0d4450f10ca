import Foundation
import FrontlineControl
import FrontlineGeo

/// Where the map sits on the canvas: a projection (PROJ) and an affine fit of a lon/lat
/// extent into a rectangle of the canvas, preserving the projection's aspect.
public final class Viewport {
    public let projection: Projection
    /// Device units per projected metre.
    public let scale: Double
    /// Projected coordinates of the canvas origin (top-left).
    let originX: Double
    let originY: Double
    public let width: Double
    public let height: Double

    /// Fits `extent` (lon/lat) into `frame` (device units), centred.
    public init(projection: Projection, extent: Envelope, width: Double, height: Double, frame: Envelope) throws {
        var outline: [Position] = []
        // The projected extent is curved: sample its edges, not only its corners.
        for i in 0...16 {
            let t = Double(i) / 16
            outline += [Position(extent.minX + t * extent.width, extent.minY), Position(extent.minX + t * extent.width, extent.maxY),
                        Position(extent.minX, extent.minY + t * extent.height), Position(extent.maxX, extent.minY + t * extent.height)]
        }
        try projection.project(&outline)
        let box = Envelope(of: outline)!
        let s = min(frame.width / box.width, frame.height / box.height)
        self.projection = projection
        self.scale = s
        self.width = width
        self.height = height
        // Centre: canvas x = (X - originX) * s; canvas y = (originY - Y) * s.
        originX = box.center.x - (frame.center.x) / s
        originY = box.center.y + (frame.center.y) / s
    }

    /// Device coordinates of projected coordinates, in place.
    func toDevice(_ pts: inout [Position]) {
        for i in pts.indices {
            pts[i] = Position((pts[i].x - originX) * scale, (originY - pts[i].y) * scale)
        }
    }

    /// Device coordinates of lon/lat positions.
    public func device(_ lonLat: [Position]) throws -> [Position] {
        var pts = lonLat
        try projection.project(&pts)
        toDevice(&pts)
        return pts
    }

    public func device(_ p: Position) throws -> Position { try device([p])[0] }

    /// The lon/lat under a device position.
    public func lonLat(_ p: Position) throws -> Position {
        try projection.unproject(Position(p.x / scale + originX, originY - p.y / scale))
    }

    /// The lon/lat box the canvas shows (sampled around its edges), or the rows of it given.
    public func visibleExtent(rows: ClosedRange<Double>? = nil) throws -> Envelope {
        let (top, bottom) = (rows?.lowerBound ?? 0, rows?.upperBound ?? height)
        var pts: [Position] = []
        for i in 0...8 {
            let t = Double(i) / 8, y = top + t * (bottom - top)
            pts += [Position(t * width, top), Position(t * width, bottom), Position(0, y), Position(width, y)]
        }
        return Envelope(of: try pts.map(lonLat))!
    }

    /// Metres on the ground per device unit at a device position (geodesic, east-west).
    public func metresPerUnit(at p: Position) throws -> Double {
        let a = try lonLat(Position(p.x - 50, p.y)), b = try lonLat(Position(p.x + 50, p.y))
        return Geodesic.distance(a, b) / 100
    }
}
