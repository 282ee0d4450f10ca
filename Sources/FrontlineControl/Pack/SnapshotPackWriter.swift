import Foundation
import FrontlineGeo
import FrontlineSupport

/// Builds a snapshot pack from snapshot files' contents. Entries are written in date order and
/// chains numbered in the order they are first used, so the same snapshots give the same bytes.
public struct SnapshotPackWriter {
    private var entries: [DayDate: GeoJSONFeatureCollection] = [:]

    public init() {}

    public var count: Int { entries.count }

    /// Adds (or replaces) the snapshot of `date`. Only what the snapshot format holds can be
    /// packed: string members and properties, Polygon and MultiPolygon geometries.
    public mutating func add(_ fc: GeoJSONFeatureCollection, date: DayDate) throws {
        for m in fc.foreignMembers where m.value.stringValue == nil {
            throw FrontlineError.badData("snapshot \(date): member '\(m.key)' is not a string: a pack keeps the snapshot format only")
        }
        for (n, f) in fc.features.enumerated() {
            for p in f.properties where p.value.stringValue == nil {
                throw FrontlineError.badData("snapshot \(date): feature \(n): property '\(p.key)' is not a string")
            }
            switch f.geometry {
            case .polygon?, .multiPolygon?: break
            default: throw FrontlineError.badData("snapshot \(date): feature \(n): a pack holds Polygon and MultiPolygon geometries only")
            }
        }
        entries[date] = fc
    }

    /// The pack's bytes.
    public func data() -> Data {
        var chainIDs: [[CoordinateChains.Vertex]: Int] = [:]
        var chainData = PackWriter()
        var chainOffsets: [UInt32] = [0]
        var entryData = PackWriter()
        var table: [(date: DayDate, offset: Int, length: Int)] = []
        func chainID(_ c: [CoordinateChains.Vertex]) -> Int {
            if let id = chainIDs[c] { return id }
            let id = chainIDs.count
            chainIDs[c] = id
            Self.write(chain: c, &chainData)
            chainOffsets.append(UInt32(chainData.bytes.count))
            return id
        }
        for date in entries.keys.sorted() {
            let start = entryData.bytes.count
            Self.write(entries[date]!, chainID: chainID, &entryData)
            table.append((date, start, entryData.bytes.count - start))
        }
        var w = PackWriter()
        w.append(SnapshotPackFormat.magic)
        w.u32(UInt32(chainIDs.count))
        w.u32(UInt32(table.count))
        for o in chainOffsets { w.u32(o) }
        for t in table {
            w.u32(UInt32(bitPattern: Int32(t.date.daysSinceEpoch)))
            w.u32(UInt32(t.offset))
            w.u32(UInt32(t.length))
        }
        w.append(chainData.bytes)
        w.append(entryData.bytes)
        var data = Data(w.bytes)
        var crc = PackWriter()
        crc.u32(Checksum.crc32Value(data))
        data.append(contentsOf: crc.bytes)
        return data
    }

    private static func write(chain: [CoordinateChains.Vertex], _ w: inout PackWriter) {
        w.varint(chain.count)
        var last = CoordinateChains.Vertex(x: 0, y: 0)
        for v in chain {
            w.zigzag(v.x - last.x)
            w.zigzag(v.y - last.y)
            last = v
        }
    }

    private static func write(_ fc: GeoJSONFeatureCollection, chainID: ([CoordinateChains.Vertex]) -> Int, _ w: inout PackWriter) {
        w.varint(fc.foreignMembers.count)
        for m in fc.foreignMembers { w.string(m.key); w.string(m.value.stringValue!) }
        w.varint(fc.features.count)
        for f in fc.features {
            w.varint(f.properties.count)
            for p in f.properties { w.string(p.key); w.string(p.value.stringValue!) }
            let polygons: [[[Position]]]
            switch f.geometry {
            case .polygon(let rings)?: w.append([SnapshotPackFormat.polygon]); polygons = [rings]
            case .multiPolygon(let p)?: w.append([SnapshotPackFormat.multiPolygon]); polygons = p
            default: preconditionFailure("checked by add")
            }
            w.varint(polygons.count)
            for rings in polygons {
                w.varint(rings.count)
                for ring in rings {
                    let chains = CoordinateChains.split(ring.map(CoordinateChains.vertex))
                    w.varint(chains.count)
                    for c in chains { w.varint(chainID(c)) }
                }
            }
        }
    }
}
