import Foundation
import XCTest

final class StatsCommandTests: XCTestCase {
    func testJSONForTheSeedDate() throws {
        // Run from /tmp: the bundled GeoData is found from the binary's location.
        let r = try CLI.run(["stats", "--date", "2026-02-05", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let national = json["national"] as! [String: Any]
        XCTAssertEqual(national["occupied_pct"] as! Double, 19.1, accuracy: 0.3)
        XCTAssertEqual(national["area_km2"] as! Double, 599_000, accuracy: 1_500)
        let regions = json["regions"] as! [[String: Any]]
        XCTAssertEqual(regions.count, 27)
        let donetsk = regions.first { $0["iso"] as? String == "UA-14" }!
        XCTAssertEqual(donetsk["name_uk"] as? String, "Донецька")
        XCTAssertEqual(donetsk["occupied_pct"] as! Double, 78.6, accuracy: 1)
        XCTAssertEqual((json["snapshot"] as! [String: Any])["date"] as? String, "2026-02-05")
    }

    func testTableAndCSVAndRegionFilter() throws {
        let t = try CLI.run(["stats", "--date", "2026-02-05", "--region", "UA-14", "--region", "ua-09"])
        XCTAssertEqual(t.status, 0, t.stderr)
        XCTAssertTrue(t.stdout.contains("Donetsk"))
        XCTAssertTrue(t.stdout.contains("Luhansk"))
        XCTAssertFalse(t.stdout.contains("Lviv"))
        let c = try CLI.run(["stats", "--date", "2026-02-05", "--format", "csv"])
        let lines = c.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "date,snapshot_date,source,iso,name_en,area_km2,occupied_km2,occupied_pct,free_km2,free_pct,front_km")
        XCTAssertEqual(lines.count, 1 + 27 + 1)
    }

    func testDateBetweenSnapshotsSaysWhichIsUsed() throws {
        // The daily archive misses 2022-07-17..23: the export of 2022-07-16 stands for them.
        let r = try CLI.run(["stats", "--date", "2022-07-20", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let snap = json["snapshot"] as! [String: Any]
        XCTAssertGreaterThan(snap["age_days"] as! Int, 0)
        XCTAssertTrue(r.stderr.contains("using \(snap["date"] as! String)"), r.stderr)
    }

    func testTimeSeries() throws {
        let r = try CLI.run(["stats", "--from", "2026-01-01", "--to", "2026-02-05", "--every", "7d", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let series = (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any])["series"] as! [[String: Any]]
        XCTAssertEqual(series.map { $0["date"] as! String },
                       ["2026-01-01", "2026-01-08", "2026-01-15", "2026-01-22", "2026-01-29", "2026-02-05"])
    }

    func testDateBeforeTheDataNamesTheFirstDate() throws {
        let r = try CLI.run(["stats", "--date", "2021-01-01"])
        XCTAssertEqual(r.status, 66)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("2022-02-24"), r.stderr)
    }

    func testUsageErrors() throws {
        for args in [["stats", "--date", "2026-13-45"], ["stats", "--from", "2026-02-05", "--to", "2026-01-01"],
                     ["stats"], ["stats", "--date", "2026-02-05", "--from", "2026-01-01", "--to", "2026-02-01"],
                     ["stats", "--date", "2026-02-05", "--format", "xml"], ["stats", "--from", "2026-01-01", "--to", "2026-02-01", "--every", "0d"],
                     ["stats", "--date", "2026-02-05", "--region", "UA-99"]] {
            let r = try CLI.run(args)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stdout.isEmpty, "\(args)")
        }
    }

    func testCorruptDataDirectory() throws {
        let dir = try CLI.tempDir()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("snapshots/x"), withIntermediateDirectories: true)
        try #"{"id":"t","title":"T","projection":"EPSG:3857","extent":[0,0,1,1],"attribution":[],"sources":[]}"#
            .write(to: dir.appendingPathComponent("dataset.json"), atomically: true, encoding: .utf8)
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"iso":"T-1"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}"#
            .write(to: dir.appendingPathComponent("regions.geojson"), atomically: true, encoding: .utf8)
        try #"{"type":"FeatureCollection","date":"2026-01-01","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}]}"#
            .write(to: dir.appendingPathComponent("snapshots/x/2026-01-01.geojson"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["stats", "--date", "2026-01-01", "--data-dir", dir.path])
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertEqual(r.stderr, "error: 2026-01-01.geojson: feature 0: polygon ring 0 is not closed: it starts at [0.0, 0.0] and ends at [0.0, 1.0]\n")
        let viaEnv = try CLI.run(["stats", "--date", "2026-01-01"], environment: ["FRONTLINE_DATA": dir.path])
        XCTAssertEqual(viaEnv.status, 65)
        let missing = try CLI.run(["stats", "--date", "2026-01-01", "--data-dir", "/nonexistent/frontline"])
        XCTAssertEqual(missing.status, 66)
    }

    /// One source per period: October 2022 without the sawtooth (DeepState every day), one
    /// switch in spring 2022, and `snapshots --check` says the largest snapshot age and the step.
    func testOneSourcePerPeriod() throws {
        let october = try CLI.run(["stats", "--from", "2022-10-01", "--to", "2022-10-31", "--every", "1d", "--format", "csv"])
        XCTAssertEqual(Set(october.stdout.split(separator: "\n").filter { $0.contains(",,Ukraine,") }.map { $0.split(separator: ",")[2] }), ["deepstate"])
        let r = try CLI.run(["stats", "--from", "2022-04-15", "--to", "2022-05-16", "--every", "1d", "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let sources = r.stdout.split(separator: "\n").filter { $0.contains(",,Ukraine,") }.map { $0.split(separator: ",")[2] }
        XCTAssertEqual(sources.count, 32)
        // The source changes once, and never back.
        let changes = zip(sources, sources.dropFirst()).filter { $0 != $1 }
        XCTAssertEqual(changes.map { "\($0.0)>\($0.1)" }, ["liveuamap>deepstate"])
        let check = try CLI.run(["snapshots", "--check"])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.contains("largest snapshot age: 13 days (on 2022-03-23)"), check.stdout)
        XCTAssertTrue(check.stdout.contains("source switch on 2022-05-01: liveuamap 2022-04-20"), check.stdout)
    }

    func testSnapshotsListing() throws {
        let r = try CLI.run(["snapshots"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("deepstate  2022-04-03  2026-08-22       1020"), r.stdout)
        let j = try CLI.run(["snapshots", "--format", "json"])
        let sources = (try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as! [String: Any])["sources"] as! [[String: Any]]
        XCTAssertEqual(sources.first?["source"] as? String, "deepstate")
        XCTAssertEqual(try CLI.run(["snapshots", "--source", "nope"]).status, 64)
    }
}

final class PlacesCommandTests: XCTestCase {
    func testAPlaceOnADateAsJSON() throws {
        let r = try CLI.run(["places", "Pokrovsk", "--date", "2026-02-05", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(json["status"] as? String, "occupied")
        XCTAssertLessThan(json["front_km"] as! Double, 15, "Pokrovsk is at the front")
        XCTAssertEqual((json["place"] as! [String: Any])["region"] as? String, "UA-14")
    }

    /// #31, 5: "held" where the source is silent (no grey zone after 2025-08-10: Kupiansk, 0.1 km
    /// from the line, was "held" with no caveat), and Sudzha in Russia "held" in 2026, read as
    /// held by Ukraine.
    func testAStatusSaysWhoHoldsAndWhatTheSourceLeavesOut() throws {
        func line(_ args: [String]) throws -> String {
            let r = try CLI.run(["places"] + args)
            XCTAssertEqual(r.status, 0, r.stderr)
            return r.stdout.split(separator: "\n").dropFirst().joined(separator: "\n")
        }
        let kupiansk = try line(["Kupiansk", "--date", "2025-11-25"])
        XCTAssertTrue(kupiansk.hasPrefix("2025-11-25: not occupied ("), kupiansk)
        XCTAssertTrue(kupiansk.contains("no grey zone on this date: a place it does not mark occupied may be contested"))
        XCTAssertTrue(try line(["Kramatorsk", "--date", "2024-09-01"]).hasPrefix("2024-09-01: held ("), "a date with a grey zone reported")
        XCTAssertTrue(try line(["Sudzha", "--date", "2026-02-05"]).contains("held by Russia"))
        XCTAssertTrue(try line(["Sudzha", "--date", "2024-09-01"]).contains("held by Ukraine"))
        let json = try JSONSerialization.jsonObject(with: Data(try CLI.run(["places", "Kupiansk", "--date", "2025-11-25", "--format", "json"]).stdout.utf8)) as! [String: Any]
        XCTAssertEqual(json["not_reported"] as? [String], ["contested", "liberated", "held_abroad"])
    }

    func testBadQueriesAreOneLineAndExit64() throws {
        for (q, says) in [("Avdiivka", "names 3 places"), ("Bakhmutt", "did you mean Bakhmut"), ("52.23,21.01", "outside the dataset")] {
            let r = try CLI.run(["places", q])
            XCTAssertEqual(r.status, 64, q)
            XCTAssertTrue(r.stderr.contains(says), r.stderr)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
            XCTAssertEqual(r.stdout, "")
        }
    }
}

final class ChangedPlacesCommandTests: XCTestCase {
    func testTheYearInDonetskOblast() throws {
        let r = try CLI.run(["places", "--changed", "--from", "2025-02-05", "--to", "2026-02-05", "--region", "UA-14", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let places = json["places"] as! [[String: Any]]
        let names = places.map { $0["name_en"] as! String }
        for town in ["Pokrovsk", "Chasiv Yar", "Siversk"] { XCTAssertTrue(names.contains(town), town) }
        XCTAssertEqual(places.first?["name_en"] as? String, "Pokrovsk", "largest first")
        XCTAssertTrue(places.allSatisfy { $0["region"] as? String == "UA-14" })
        let occupied = (json["summary"] as! [String: Any])["occupied"] as! [String: Any]
        XCTAssertEqual(occupied["settlements"] as? Int, places.filter { $0["to"] as? String == "occupied" }.count)
        let table = try CLI.run(["places", "--changed", "--from", "2025-02-05", "--to", "2026-02-05", "--region", "UA-14", "--min-population", "10000"])
        XCTAssertTrue(table.stdout.contains("Settlements: 3 occupied (83,252 people; the largest Pokrovsk, 60,127)."), table.stdout)
    }

    func testBadCombinations() throws {
        for args in [["places", "--changed", "--from", "2025-02-05"], ["places", "Pokrovsk", "--changed", "--from", "2025-01-01", "--to", "2025-02-01"],
                     ["places", "--changed", "--from", "2026-02-05", "--to", "2025-02-05"], ["places"],
                     ["places", "--changed", "--from", "2025-02-05", "--to", "2026-02-05", "--region", "UA-99"]] {
            let r = try CLI.run(args)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stdout, "")
        }
    }
}

final class FrontLengthTests: XCTestCase {
    /// The contact line's geodesic length comes with a date's figures, and the regions' lengths
    /// add up to the national one (the line is cut where it crosses a region border).
    func testFrontLengthOnADate() throws {
        let r = try CLI.run(["stats", "--date", "2026-02-05", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let national = try XCTUnwrap((json["national"] as! [String: Any])["front_km"] as? Double)
        XCTAssertEqual(national, 1_408, accuracy: 5)
        let regions = (json["regions"] as! [[String: Any]]).map { $0["front_km"] as! Double }
        XCTAssertEqual(regions.reduce(0, +), national, accuracy: 0.5)
        XCTAssertEqual((json["regions"] as! [[String: Any]]).first { $0["iso"] as? String == "UA-46" }?["front_km"] as? Double, 0, "Lviv is far from it")
        let table = try CLI.run(["stats", "--date", "2026-02-05", "--region", "UA-14"])
        XCTAssertTrue(table.stdout.contains("Front line: 416 km"), table.stdout)
    }

    /// The front's length is a figure of the series too, the same as on a single date (the
    /// series measures without shapes; both must find the same line).
    func testFrontLengthInASeriesEqualsTheDate() throws {
        let series = try CLI.run(["stats", "--from", "2026-02-01", "--to", "2026-02-05", "--format", "csv"])
        XCTAssertEqual(series.status, 0, series.stderr)
        let national = series.stdout.split(separator: "\n").filter { $0.contains("2026-02-05,2026-02-05") && $0.contains(",,") }
        XCTAssertEqual(national.count, 1, series.stdout)
        let km = Double(national[0].split(separator: ",").last!)!
        XCTAssertEqual(km, 1_407.9, accuracy: 0.05)
        let table = try CLI.run(["stats", "--from", "2022-04-20", "--to", "2022-04-20"])
        XCTAssertTrue(table.stdout.contains("Front km"), table.stdout)
        XCTAssertTrue(table.stdout.contains("1,394"), table.stdout)
    }
}

final class AdvanceRateTests: XCTestCase {
    /// The rate is `diff` over the window divided by the days between its snapshots: the two
    /// commands must agree, and the window names the snapshots it spans.
    func testRateAgreesWithDiff() throws {
        let r = try CLI.run(["stats", "--date", "2026-02-05", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let windows = try XCTUnwrap(json["rate"] as? [[String: Any]])
        XCTAssertEqual(windows.map { $0["days"] as! Int }, [7, 30])
        let month = windows[1]
        XCTAssertEqual(month["from_snapshot"] as? String, "2026-01-06")
        XCTAssertEqual(month["snapshot_days"] as? Int, 30)
        let perDay = (month["occupied"] as! [String: Any])["gained_km2_per_day"] as! Double
        let d = try CLI.run(["diff", "--from", "2026-01-06", "--to", "2026-02-05", "--format", "json"])
        let diff = try JSONSerialization.jsonObject(with: Data(d.stdout.utf8)) as! [String: Any]
        let gained = ((diff["national"] as! [String: Any])["occupied"] as! [String: Any])["gained_km2"] as! Double
        XCTAssertGreaterThan(gained, 100, "the Donbas front moved in January 2026")
        XCTAssertEqual(perDay, gained / 30, accuracy: 0.01)
        let table = try CLI.run(["stats", "--date", "2026-02-05", "--region", "UA-14"])
        XCTAssertTrue(table.stdout.contains("Rate of advance, occupied: +"), table.stdout)
        XCTAssertTrue(table.stdout.contains("over 30 days (snapshots 2026-01-06 to 2026-02-05)"), table.stdout)
    }

    /// A window reaching before the first snapshot starts there, and a date one snapshot
    /// stands for on both ends has no rate (null), rather than a division by zero or a zero.
    func testWindowAtTheStartOfTheRecord() throws {
        let r = try CLI.run(["stats", "--date", "2022-02-24", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let week = try XCTUnwrap((json["rate"] as? [[String: Any]])?.first)
        XCTAssertEqual(week["snapshot_days"] as? Int, 0)
        XCTAssertTrue(week["occupied"] is NSNull, "no rate, not a rate of zero: \(week)")
    }
}

/// The whole record: land held across the border in its own figures, statuses a source stops
/// reporting said to be unknown, and the map of the Kursk incursion.
final class WholeRecordTests: XCTestCase {
    func json(_ args: [String]) throws -> [String: Any] {
        let r = try CLI.run(args + ["--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    }

    func testHeldAbroadIsMeasuredApartByCountry() throws {
        let j = try json(["stats", "--date", "2024-09-01"])
        let abroad = try XCTUnwrap(j["held_abroad"] as? [[String: Any]])
        XCTAssertEqual(abroad.map { $0["country"] as? String }, ["RU"])
        XCTAssertEqual(abroad[0]["km2"] as! Double, 907, accuracy: 30, "DeepState's export of 2024-09-01")
        XCTAssertEqual(j["statuses"] as? [String], ["occupied", "contested", "liberated"], "not a status of the regions")
        let national = j["national"] as! [String: Any]
        XCTAssertEqual(national["area_km2"] as! Double, 598_802.4, accuracy: 0.1, "never mixed into Ukraine's area")
        let table = try CLI.run(["stats", "--date", "2024-09-01"])
        XCTAssertTrue(table.stdout.contains("Held across the border in Russia: 906 km²"), table.stdout)
        XCTAssertNil(try json(["stats", "--date", "2024-07-01"])["held_abroad"], "before the incursion: none")
    }

    func testStatusesTheSourceStoppedReportingAreUnknown() throws {
        let during = try json(["stats", "--date", "2025-01-15"])
        XCTAssertEqual(during["statuses"] as? [String], ["occupied", "contested", "liberated"], "daily occupied with the export's statuses")
        XCTAssertNil(during["not_reported"])
        let after = try json(["stats", "--date", "2026-02-05"])
        XCTAssertEqual(after["not_reported"] as? [String], ["contested", "liberated", "held_abroad"])
        let national = after["national"] as! [String: Any]
        XCTAssertEqual(national["occupied_km2"] as! Double, 114_820.6, accuracy: 0.05, "unchanged")
    }

    func testTheMapOfTheIncursionShowsIt() throws {
        let svg = try CLI.tempDir().appendingPathComponent("kursk.svg")
        let r = try CLI.run(["render", "--date", "2024-09-01", "--size", "800x600", "-o", svg.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = try String(contentsOf: svg, encoding: .utf8)
        XCTAssertTrue(text.contains("Sudzha"), "the town of the salient is named")
        XCTAssertTrue(text.contains("Held by Ukraine in Russia"), "its legend row")
        let later = try CLI.tempDir().appendingPathComponent("later.svg")
        XCTAssertEqual(try CLI.run(["render", "--date", "2026-02-05", "--size", "800x600", "-o", later.path]).status, 0)
        XCTAssertTrue(try String(contentsOf: later, encoding: .utf8).contains("Contested, liberated: not reported"), "the legend says the grey zone is unknown")
    }
}

/// `snapshots --export` and `--pack` from the command line, and their refusals.
final class SnapshotPackCommandTests: XCTestCase {
    func testExportWritesFilesAndRefusesWhatMakesNoSense() throws {
        let out = try CLI.tempDir()
        let r = try CLI.run(["snapshots", "--export", out.path, "--from", "2024-08-30", "--to", "2024-09-01"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("deepstate").path).sorted(),
                       ["2024-08-30.geojson", "2024-08-31.geojson", "2024-09-01.geojson"])
        let text = try String(contentsOf: out.appendingPathComponent("deepstate/2024-09-01.geojson"), encoding: .utf8)
        XCTAssertTrue(text.contains("\"status\":\"held_abroad\""), "the Kursk layer comes out too")
        XCTAssertEqual(try CLI.run(["snapshots", "--from", "2024-01-01"]).status, 64, "--from without --export")
        XCTAssertEqual(try CLI.run(["snapshots", "--pack", "--check"]).status, 64)
        let none = try CLI.run(["snapshots", "--export", out.path, "--from", "2020-01-01", "--to", "2020-02-01"])
        XCTAssertEqual(none.status, 66, none.stderr)
    }

    func testADamagedPackIsOneLineAndExit65() throws {
        let dir = try CLI.tempDir()
        let bundled = CLI.root.appendingPathComponent("GeoData/ukraine")
        for f in ["dataset.json", "regions.geojson"] { try FileManager.default.copyItem(at: bundled.appendingPathComponent(f), to: dir.appendingPathComponent(f)) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("snapshots"), withIntermediateDirectories: true)
        var data = try Data(contentsOf: bundled.appendingPathComponent("snapshots/liveuamap.pack"))
        data[1000] ^= 0xff
        try data.write(to: dir.appendingPathComponent("snapshots/liveuamap.pack"))
        let r = try CLI.run(["stats", "--date", "2022-03-01", "--data-dir", dir.path])
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("error: ") && r.stderr.contains("not a snapshot pack, or damaged") && r.stderr.filter { $0 == "\n" }.count == 1, r.stderr)
    }
}

extension WholeRecordTests {
    /// `diff` over the incursion says what was held across the border at both ends.
    func testDiffSaysWhatWasHeldAbroadAtBothEnds() throws {
        let j = try json(["diff", "--from", "2024-08-18", "--to", "2025-03-16"])
        let abroad = try XCTUnwrap(j["held_abroad"] as? [[String: Any]])
        XCTAssertEqual(abroad.first?["from_km2"] as! Double, 619, accuracy: 30, "DeepState's export of 2024-08-18")
        XCTAssertEqual(abroad.first?["to_km2"] as! Double, 121, accuracy: 10, "2025-03-16")
        let table = try CLI.run(["diff", "--from", "2024-08-18", "--to", "2025-03-16"])
        XCTAssertTrue(table.stdout.contains("Held across the border in Russia: "), table.stdout)
        XCTAssertNil(try json(["diff", "--from", "2023-01-01", "--to", "2024-01-01"])["held_abroad"])
    }
}

/// The rate of advance where the record of the source asked for begins.
final class RateAtTheRecordsStartTests: XCTestCase {
    // Fault: `stats --date D --source deepstate` in the source's first 30 days failed with exit
    // 66, "no snapshot on or before 2022-03-11", a date never asked for (the rate's window).
    func testTheFiguresComeOutInTheSourcesFirstMonth() throws {
        let r = try CLI.run(["stats", "--date", "2022-04-10", "--source", "deepstate"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Ukraine"), r.stdout)
        XCTAssertTrue(r.stdout.contains("over 30 days (snapshots 2022-04-03 to 2022-04-10)"), r.stdout)
    }

    func testARateWithOneSnapshotIsUnavailableNotZero() throws {
        let r = try CLI.run(["stats", "--date", "2022-04-03", "--source", "deepstate", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let rate = try XCTUnwrap(json["rate"] as? [[String: Any]])
        XCTAssertEqual(rate.count, 2)
        XCTAssertTrue(rate.allSatisfy { $0["occupied"] is NSNull }, "\(rate)")
        let table = try CLI.run(["stats", "--date", "2022-04-03", "--source", "deepstate"])
        XCTAssertTrue(table.stdout.contains("unavailable over 7 days"), table.stdout)
    }
}
