import FrontlineGeo

/// A layer to take out of the tool: features with typed attributes and lon/lat geometry, as
/// plain values. What Control hands to the export writers (GeoJSON, GeoPackage, KML, CSV),
/// which only encode it.
public struct ExportLayer: Sendable {
    public enum Kind: String, Sendable { case polygon, line, point }

    public enum FieldType: Sendable { case text, integer, real }

    public struct Field: Sendable {
        public let name: String
        public let type: FieldType
        public init(_ name: String, _ type: FieldType) {
            self.name = name
            self.type = type
        }
    }

    public enum Value: Sendable, Equatable {
        case text(String), integer(Int), real(Double), null
    }

    public enum Shape: Sendable {
        /// Polygons, each exterior ring first (orientation as measured; writers orient).
        case polygons([[[Position]]])
        case lines([[Position]])
        case point(Position)
    }

    public struct Feature: Sendable {
        public let shape: Shape
        /// One value per field, in the layer's field order.
        public let values: [Value]
    }

    /// Which layer this is: its table name is the layer's (`control`, `front`, `regions`,
    /// `places`, `change`).
    public let layer: MapLayer
    /// A table-safe name.
    public var name: String { layer.tableName ?? layer.id }
    public let title: String
    public let kind: Kind
    public let fields: [Field]
    public let features: [Feature]
}

/// Where the layers come from: written into every file (GeoJSON foreign members, GeoPackage
/// metadata, KML description, CSV comment line).
public struct ExportProvenance: Sendable {
    public let dataset: String
    /// The snapshots used: "deepstate 2026-02-05".
    public let snapshots: [String]
    public let attribution: [String]
    public let licences: [String]
    public let tool: String

    /// One line a reader sees first.
    public var line: String {
        "\(dataset) from \(snapshots.joined(separator: " and ")); \(attribution.joined(separator: " · ")); "
            + "licences: \(licences.joined(separator: "; ")); made with \(tool)"
    }
}

/// The layers of one export, with their provenance.
public struct ExportSet: Sendable {
    public let layers: [ExportLayer]
    public let provenance: ExportProvenance
}
