/// The numbers of `dataset.json` checked where they are read: an extent of ±1e308 trapped the
/// tile code and a total of 1e308 the stats table, far from the file that was wrong.
extension DatasetInfo {
    /// The largest area a total may claim: the Earth's surface, in km².
    static let earthKm2 = 510_072_000.0

    /// What is wrong with the file's numbers, nil when nothing is.
    var numberProblem: String? {
        if extent.count == 4 {
            if let p = Self.lonLatProblem(extent, name: "extent") { return p }
            if !(extent[0] < extent[2] && extent[1] < extent[3]) { return "extent \(extent) is not [minLon, minLat, maxLon, maxLat] with min < max" }
        }
        if let c = center {
            guard c.count == 2 else { return "center must be [lon, lat], got \(c.count) numbers" }
            if let p = Self.lonLatProblem(c, name: "center") { return p }
        }
        if let total = adminBasis?.totalKm2, !(total > 0 && total <= Self.earthKm2) {
            return "adminBasis.totalKm2 must be an area between 0 and \(Int(Self.earthKm2)) km², got \(total)"
        }
        // Every name and word is looked up by these codes: none, an empty one or one twice is
        // a dataset no name can be read from.
        if let l = languages, l.isEmpty || l.contains(where: { $0.isEmpty || $0.contains("/") }) || Set(l).count != l.count {
            return "languages must list distinct language codes (\"en\", \"uk\"), got \(l)"
        }
        return nil
    }

    /// Longitudes in -180...180 and latitudes in -90...90, pairs of [lon, lat].
    private static func lonLatProblem(_ v: [Double], name: String) -> String? {
        for (i, x) in v.enumerated() {
            let limit = i % 2 == 0 ? 180.0 : 90.0
            if !(x.isFinite && abs(x) <= limit) { return "\(name) holds \(x), not a \(i % 2 == 0 ? "longitude" : "latitude")" }
        }
        return nil
    }
}
