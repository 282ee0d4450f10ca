import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineRender
import FrontlineTiles
import Hummingbird

/// The HTTP surface: tiles, maps, diffs, stats, snapshots, health and the viewer page.
struct Routes {
    let service: MapService
    let tiles: TileCache
    let origin: PublicOrigin
    let vectors = VectorTileService()

    func add(to router: Router<BasicRequestContext>) {
        router.get("/health") { _, _ in json(#"{"status":"ok"}"#) }
        let viewer = ViewerPage.html(info: service.dataset.info)
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: viewer)))
        }
        LeafletAssets().add(to: router)
        router.get("/snapshots.json") { _, _ in
            let t = service.dataset.timeline
            return json(SnapshotListing(timeline: t, sources: t.sources).render(format: "json", allDates: true))
        }
        router.get("/stats/{file}") { request, context in
            let (name, _) = try RequestParsing.file(try context.parameters.require("file"), allowed: ["json"])
            let date = try RequestParsing.date(name)
            let basis = try RequestParsing.basis(request.uri.queryParameters.get("basis"))
            _ = try service.match(date)
            let text = try await service.run { ds in
                StatsFormatter(nationalName: ds.info.title).json(try ds.control(asOf: date, basis: basis))
            }
            return json(text)
        }
        router.get("/tiles/{date}/{z}/{x}/{y}") { request, context in try await tile(request, context) }
        router.get("/map/{file}") { request, context in try await map(request, context) }
        router.get("/diff/{from}/{file}") { request, context in try await diff(request, context) }
        router.get("/vector/{date}/{z}/{x}/{y}") { request, context in try await vectorTile(request, context) }
        router.get("/tilejson/{file}") { request, context in try await tileJSON(request, context, style: false) }
        router.get("/style/{file}") { request, context in try await tileJSON(request, context, style: true) }
        router.get("/places/changed/{from}/{file}") { request, context in try await changedPlaces(request, context) }
        router.get("/places/{file}") { request, context in try await place(request, context) }
    }

    /// `/vector/{date}/{z}/{x}/{y}.pbf`: Mapbox Vector Tiles, z 0-16, gzipped when the client
    /// accepts it; a tile with nothing in it is 204.
    func vectorTile(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let date = try RequestParsing.date(try context.parameters.require("date"))
        let (name, _) = try RequestParsing.file(try context.parameters.require("y"), allowed: ["pbf", "mvt"])
        guard let z = Int(try context.parameters.require("z")), let x = Int(try context.parameters.require("x")), let y = Int(name) else {
            throw HTTPError(.badRequest, message: "tile coordinates must be whole numbers")
        }
        guard VectorPyramid.zoomLimit.contains(z) else { throw HTTPError(.badRequest, message: "zoom \(z) is outside 0...16 for vector tiles") }
        guard let tile = TileCoord(z: z, x: x, y: y) else { throw HTTPError(.badRequest, message: "tile \(z)/\(x)/\(y) does not exist") }
        let ref = try service.match(date).ref
        let gzip = request.headers[.acceptEncoding]?.contains("gzip") ?? false
        let etag = "\"mvt-\(ref.source)-\(ref.date)-\(z)-\(x)-\(y)\(gzip ? "-gz" : "")\""
        var headers = cacheHeaders(ref.date, etag: etag, type: "application/vnd.mapbox-vector-tile")
        // The body is gzipped or not by what the client accepts: a shared cache must key on it.
        headers[.vary] = "Accept-Encoding"
        if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: headers) }
        let vectors = self.vectors
        let data = try await tiles.value(etag) {
            try await service.run { ds in
                guard let pbf = try vectors.world(ds, ref, date: date).encoder.encode(tile) else { return Data() }
                return gzip ? try VectorPyramid.gzip(pbf) : pbf
            }
        }
        if data.isEmpty { return Response(status: .noContent, headers: headers) }
        if gzip { headers[.contentEncoding] = "gzip" }
        headers[.contentLength] = "\(data.count)"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `/tilejson/{date}.json` (TileJSON 3.0 of the date's vector tiles) and `/style/{date}.json`
    /// (a MapLibre style drawing them), with URLs on the configured public origin, or on the
    /// host the client asked when it is a plain host (`PublicOrigin`).
    func tileJSON(_ request: Request, _ context: BasicRequestContext, style: Bool) async throws -> Response {
        let (name, _) = try RequestParsing.file(try context.parameters.require("file"), allowed: ["json"])
        let date = try RequestParsing.date(name)
        let ref = try service.match(date).ref
        let (base, fromHost) = try origin.origin(for: request)
        let vectors = self.vectors
        let text = try await service.run { ds -> String in
            let m = VectorTileService.metadata(ds, try vectors.world(ds, ref, date: date).world)
            return style ? TileJSON.style(m, tileJSON: "\(base)/tilejson/\(date).json", palette: .light)
                         : TileJSON.document(m, tiles: "\(base)/vector/\(date)/{z}/{x}/{y}.pbf", date: date.description)
        }
        // The ETag is the content's: the URLs in it are part of what it says.
        let etag = "\"\(style ? "style" : "tilejson")-\(ref.date)-\(String(Checksum.crc32Value(Data(text.utf8)), radix: 16))\""
        var headers = cacheHeaders(ref.date, etag: etag, type: "application/json")
        if fromHost { headers[.vary] = "Host" }
        if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `/places/Bakhmut.json?date=2023-06-01&history=1`: what `places QUERY --format json` says.
    /// The query is a name (with ", region" for namesakes) or "lat,lon".
    func place(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let (raw, _) = try RequestParsing.file(try context.parameters.require("file"), allowed: ["json"])
        let query = raw.removingPercentEncoding ?? raw
        let q = request.uri.queryParameters
        let date = try q.get("date").map(RequestParsing.date)
        if let date { _ = try service.match(date) }
        let history = q.get("history").map { $0 == "1" || $0 == "true" } ?? false
        let gazetteer = service.gazetteer
        return json(try await service.run { ds in
            let lookup = PlaceLookup(gazetteer: gazetteer, regions: ds.regions, info: ds.info)
            return PlaceFormatter(lookup: lookup).json(try ds.placeReport(try lookup.find(query), asOf: date, history: history))
        })
    }

    /// `/places/changed/2025-02-05/2026-02-05.json?region=UA-14&min_population=1000`.
    func changedPlaces(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let from = try RequestParsing.date(try context.parameters.require("from"))
        let (name, _) = try RequestParsing.file(try context.parameters.require("file"), allowed: ["json"])
        let to = try RequestParsing.date(name)
        guard from <= to else { throw HTTPError(.badRequest, message: "\(from) is after \(to)") }
        let refs = (try service.match(from).ref, try service.match(to).ref)
        let q = request.uri.queryParameters
        let regions = q.getAll("region").map { String($0) }
        let minPopulation = try q.get("min_population").map { text -> Int in
            guard let n = Int(text), n >= 0 else { throw HTTPError(.badRequest, message: "min_population must be a whole number, got '\(text)'") }
            return n
        } ?? 0
        let key = "places-\(refs.0.source)-\(refs.0.date)-\(refs.1.source)-\(refs.1.date)-\(regions.joined(separator: ","))-\(minPopulation)"
        let gazetteer = service.gazetteer
        let data = try await tiles.value(key) {
            try await service.run { ds in
                let c = try ds.changedPlaces(from: from, to: to, regions: regions, minPopulation: minPopulation, gazetteer: gazetteer)
                return Data(PlaceFormatter(lookup: PlaceLookup(gazetteer: gazetteer, regions: ds.regions, info: ds.info)).changedJSON(c).utf8)
            }
        }
        return Response(status: .ok, headers: cacheHeaders(refs.1.date, etag: "\"\(key)\"", type: "application/json"),
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func tile(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let date = try RequestParsing.date(try context.parameters.require("date"))
        let (tile, scale) = try RequestParsing.tile(z: try context.parameters.require("z"), x: try context.parameters.require("x"),
                                                    y: try context.parameters.require("y"))
        let overlay = request.uri.queryParameters.get("overlay").map { $0 == "1" || $0 == "true" } ?? false
        let ref = try service.match(date).ref
        let etag = "\"\(ref.source)-\(ref.date)-\(overlay ? "o" : "f")\(scale)-\(tile.z)-\(tile.x)-\(tile.y)\""
        var headers = cacheHeaders(ref.date, etag: etag, type: "image/png")
        if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: headers) }
        // A tile in the byte cache needs no world: one evicted from the worlds is not measured again.
        let data: Data
        if let hit = await tiles.cached(etag) {
            data = hit
        } else {
            let renderer = try await service.tileRenderer(date)
            data = try await tiles.value(etag) {
                try await RenderWorker.parallel { try renderer.png(tile: tile, style: overlay ? .overlay : .full, scale: scale) }
            }
        }
        headers[.contentLength] = "\(data.count)"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func map(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let (name, ext) = try RequestParsing.file(try context.parameters.require("file"), allowed: ["png", "svg", "pdf"])
        let date = try RequestParsing.date(name)
        let q = request.uri.queryParameters
        var options = MapOptions()
        if let (w, h) = try RequestParsing.size(q.get("size")) { options.width = w; options.height = h }
        if let t = q.get("theme") {
            guard let theme = Theme.Name(rawValue: t) else { throw HTTPError(.badRequest, message: "unknown theme '\(t)'") }
            options.theme = theme
        }
        if let lang = q.get("lang") {
            do { options.language = try service.dataset.language(lang) } catch { throw RequestParsing.http(error) }
        }
        options.regions = q.getAll("region").map { String($0) }
        // An unknown region is the client's error, said before seconds of rendering.
        do { _ = try service.dataset.regions.resolve(options.regions) } catch { throw RequestParsing.http(error) }
        options.format = OutputFormat(rawValue: ext)!
        let ref = try service.match(date).ref
        let key = "map-\(ref.source)-\(ref.date)-\(date)-\(ext)-\(options.width)x\(options.height)-\(options.theme.rawValue)-\(options.language.code)-\(options.regions.joined(separator: ","))"
        let opts = options
        let data = try await tiles.value(key) {
            try await service.run { _ in try service.maps.render(date: date, options: opts).data }
        }
        return Response(status: .ok, headers: cacheHeaders(ref.date, etag: "\"\(key)\"", type: options.format.mimeType),
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func diff(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let from = try RequestParsing.date(try context.parameters.require("from"))
        let (name, ext) = try RequestParsing.file(try context.parameters.require("file"), allowed: ["png", "json"])
        let to = try RequestParsing.date(name)
        guard from <= to else { throw HTTPError(.badRequest, message: "\(from) is after \(to)") }
        _ = try service.match(from)
        let refs = (try service.match(from).ref, try service.match(to).ref)
        let basis = try RequestParsing.basis(request.uri.queryParameters.get("basis"))
        if basis == .admin && ext != "json" { throw HTTPError(.badRequest, message: "the change map is drawn on land: basis=admin is for .json") }
        let key = "diff-\(refs.0.source)-\(refs.0.date)-\(refs.1.source)-\(refs.1.date)-\(ext)-\(basis.rawValue)"
        let data = try await tiles.value(key) {
            try await service.run { ds -> Data in
                let change = try ds.change(from: from, to: to, basis: basis)
                let places = try ds.changedPlaces(from: from, to: to, gazetteer: service.gazetteer)
                if ext == "json" {
                    let settlements = PlaceFormatter(lookup: PlaceLookup(gazetteer: service.gazetteer, regions: ds.regions, info: ds.info)).changedObject(places)
                    return Data(ChangeFormatter(nationalName: ds.info.title).json(change.changes, settlements: settlements).utf8)
                }
                return try service.diffs.render(change, places: places, options: MapOptions()).data
            }
        }
        return Response(status: .ok, headers: cacheHeaders(refs.1.date, etag: "\"\(key)\"", type: ext == "json" ? "application/json" : "image/png"),
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A date whose snapshot is older than the newest one never changes: cache it for a year.
    /// The newest snapshot's pictures may change when a new one arrives: an hour.
    func cacheHeaders(_ snapshot: DayDate, etag: String, type: String) -> HTTPFields {
        let newest = service.dataset.timeline.last?.date ?? snapshot
        let maxAge = snapshot < newest ? 31_536_000 : 3_600
        return [.contentType: type, .eTag: etag, .cacheControl: "public, max-age=\(maxAge)"]
    }

    func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
