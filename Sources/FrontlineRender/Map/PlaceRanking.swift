import Foundation
import FrontlineControl
import FrontlineGeo

/// Which places a map names, and in what order, by scale and by news value: at country scale
/// the capital, the regions' centres and the large cities; closer in, ever smaller places, and
/// the places within `nearKm` of the front line rank tenfold, among themselves by population,
/// so the towns being fought over are named before quieter, larger ones and Kramatorsk before
/// a smaller town nearer the line. (Whether a small place is a candidate at all still fades
/// with its distance to the line: up to fourfold at it, nothing at `nearKm`.)
struct PlaceRanking: Sendable {
    /// The front line the distances are measured to (lon/lat chains from the measurement).
    let front: LineDistanceIndex
    static let nearKm = 25.0
    static let frontBoost = 9.0
    /// A front town of this size is one a reader looks for (the QA matrix's rule too).
    static let keyTownPopulation = 20_000
    /// The priority of a place a reader must find named: a front town of `keyTownPopulation`,
    /// a town of ten times that anywhere, the regions' centres and the capital.
    static let keyPriority = Double(keyTownPopulation) * (1 + frontBoost)

    init(front: [[Position]]) { self.front = LineDistanceIndex(lines: front) }

    /// Distance in km to the front line, nil beyond `nearKm` (or with no front).
    func frontDistance(_ p: Gazetteer.Place) -> Double? {
        front.isEmpty ? nil : front.distanceKm(to: p.position, within: Self.nearKm)
    }

    /// The smallest place named at a scale of `kmPerUnit` km per style unit (a 96-dpi pixel).
    static func populationFloor(kmPerUnit: Double) -> Int {
        switch kmPerUnit {
        case 1.5...: return 500_000
        case 0.7...: return 150_000
        case 0.35...: return 40_000
        case 0.15...: return 15_000
        case 0.07...: return 5_000
        default: return 1_000
        }
    }

    /// True at scales where a region's centre is named whatever its size.
    static func isCountryScale(_ kmPerUnit: Double) -> Bool { kmPerUnit >= 0.7 }

    /// A place and how much its nearness to the front raises its rank (1 away from the front).
    struct Ranked: Sendable {
        let place: Gazetteer.Place
        let boost: Double
    }

    /// The places with their front boosts (only the regions' own places are boosted).
    func ranked(_ places: [Gazetteer.Place]) -> [Ranked] {
        places.map { p in
            let d = p.isHome ? frontDistance(p) : nil
            return Ranked(place: p, boost: d.map { 1 + Self.frontBoost * max(0, 1 - $0 / Self.nearKm) } ?? 1)
        }
    }

    /// False for a place no front boost can make worth naming at this scale (at most fourfold
    /// for the floor): the map then spends no distance query on it.
    static func mayBeNamed(_ p: Gazetteer.Place, kmPerUnit: Double) -> Bool {
        let country = isCountryScale(kmPerUnit)
        let needed = Double(populationFloor(kmPerUnit: kmPerUnit)) * (p.isHome ? 1 : 4)
        return p.role == .capital || (country && p.role == .regional && p.isHome) || Double(p.population) * 4 >= needed
            || (country && p.isHome && p.population >= 40_000)
    }

    /// Of the places on the map, those worth naming at this scale, with their priorities; the
    /// neighbours' places need four times the floor (they are context, not the subject).
    static func candidates(_ places: [Ranked], kmPerUnit: Double) -> [(place: Gazetteer.Place, priority: Double)] {
        let floor = Double(populationFloor(kmPerUnit: kmPerUnit))
        let country = isCountryScale(kmPerUnit)
        return places.compactMap { r in
            let p = r.place
            let needed = p.isHome ? floor : floor * 4
            // Near the front a place is named down to a quarter of the floor.
            let wanted = p.role == .capital || (country && p.role == .regional && p.isHome) || Double(p.population) * min(4, r.boost) >= needed
            // At country scale a front town needs 40,000 people to be named among the cities.
            let frontTown = country && r.boost > 1 && p.population >= 40_000
            guard wanted || frontTown else { return nil }
            return (p, priority(p, boost: r.boost, country: country))
        }
    }

    /// Capitals first; at country scale the regions' centres and cities of half a million
    /// (over region names, which rank at 1e8); then population, tenfold for any place within
    /// `nearKm` of the front (the fading boost decides only whether a small place is named).
    static func priority(_ p: Gazetteer.Place, boost: Double, country: Bool) -> Double {
        if p.role == .capital { return 3e8 + Double(p.population) }
        if country && (p.role == .regional || p.population >= 500_000) && p.isHome { return 2e8 + Double(p.population) }
        // Near the front the towns rank by population, all over quieter places of up to
        // tenfold their size: Kramatorsk before Kostiantynivka, however near the line each is.
        return boost > 1 ? Double(p.population) * (1 + frontBoost) : Double(p.population)
    }
}
