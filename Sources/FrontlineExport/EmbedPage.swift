import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

/// One self-contained HTML file with an interactive map of a period (`frontline embed`):
/// Leaflet inlined from Debian's libjs-leaflet, the regions and, per snapshot, the held land
/// as simplified GeoJSON coordinates, a date slider with a play button, the figures of the
/// date, a region's figures on hover or tap, the legend, the sources and a link back. Nothing
/// is fetched: the page works offline and inside any article's iframe.
public struct EmbedPage {
    public struct Leaflet: Sendable {
        public let js: String
        public let css: String

        /// The installed Leaflet (see `LeafletInstall`), or a missing-input error that says how to get it.
        public static func installed(in folder: URL = LeafletInstall.folder) throws -> Leaflet {
            let js = folder.appendingPathComponent("leaflet.js"), css = folder.appendingPathComponent("leaflet.css")
            guard let j = try? String(contentsOf: js, encoding: .utf8), let c = try? String(contentsOf: css, encoding: .utf8) else {
                throw FrontlineError.missingInput(LeafletInstall.missing(folder))
            }
            return Leaflet(js: j, css: c)
        }
    }

    public let frames: EmbedFrames
    public let info: DatasetInfo
    public let attribution: [String]
    public let title: String
    public let words: Wording
    /// Where "the full map" links to (the publisher's page); none when nil.
    public let link: String?

    public init(frames: EmbedFrames, info: DatasetInfo, attribution: [String], title: String, words: Wording = .english, link: String? = nil) {
        (self.frames, self.info, self.attribution, self.title, self.words, self.link) = (frames, info, attribution, title, words, link)
    }

    /// The sources shown, each linked to its own site, and the link back.
    func footer() -> String {
        let used = Set(frames.frames.map(\.state.source))
        let links = info.sources.filter { used.contains($0.id) }.compactMap { s in
            s.url.map { "<a href=\"\(escape($0))\" target=\"_blank\" rel=\"noopener\">\(escape(s.name))</a>" }
        }
        let back = link.flatMap { Markup.isWebLink($0) ? $0 : nil }.map { " · <a href=\"\(escape($0))\" target=\"_top\">\(words["Full map"])</a>" } ?? ""
        return escape(attribution.joined(separator: " · ")) + (links.isEmpty ? "" : " · " + links.joined(separator: ", ")) + back
            + " · " + words("Made with {tool}", ["tool": FrontlineVersion.tool])
    }

    /// A responsive iframe (4:3 on a desktop, taller on a phone) for an article's HTML.
    public static func iframe(src: String, title: String) -> String {
        let t = title.replacingOccurrences(of: "\"", with: "&quot;")
        return #"<div style="position:relative;width:100%;aspect-ratio:4/3;min-height:480px">"#
            + #"<iframe src="\#(src)" title="\#(t)" loading="lazy" style="position:absolute;inset:0;width:100%;height:100%;border:0"></iframe></div>"#
            + "\n"
    }

    /// "Ukraine: territorial control, 5 Aug 2025 – 5 Feb 2026".
    public static func defaultTitle(place: String, from: DayDate, to: DayDate, words: Wording) -> String {
        func day(_ d: DayDate) -> String {
            let c = d.components
            return "\(c.day) \(words.shortMonths[c.month - 1]) \(c.year)"
        }
        return words("{place}: territorial control, {from} – {to}", ["place": place, "from": day(from), "to": day(to)])
    }

    /// Colours of the printed maps' light theme.
    static let colours: [ControlStatus: String] = [.occupied: "#b3261e", .contested: "#a0958a", .liberated: "#cddc39", .heldAbroad: "#1f5f9e"]

    public func html(leaflet: Leaflet) -> String {
        """
        <!doctype html>
        <html lang="\(words.language.code)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(leaflet.css)</style>
        <style>\(Self.css)</style>
        </head><body>
        <main id="frontline">
        <header><h1>\(escape(title))</h1><p id="figures" aria-live="polite"></p></header>
        <div id="map" role="img" aria-label="\(escape(title))"></div>
        <div id="bar"><button id="play" type="button" aria-label="\(words["Play"])">▶</button>
        <input id="slider" type="range" min="0" max="\(frames.frames.count - 1)" value="\(frames.frames.count - 1)" step="1" list="ticks" aria-label="\(words["Date"])">
        <datalist id="ticks">\((0..<frames.frames.count).map { "<option value=\"\($0)\"></option>" }.joined())</datalist>
        <output id="date" for="slider"></output></div>
        <div id="legend"></div>
        <footer>\(footer())</footer>
        </main>
        <script>\(leaflet.js)</script>
        <script>const DATA = \(data());</script>
        <script>\(Self.script)</script>
        </body></html>

        """
    }

    /// `{lang, statuses: [{id, label, colour}], regions: [{iso, name, rings}], frames: [{date, snapshot,
    /// national: {status: [km2, pct]}, regions: {iso: {status: [km2, pct]}}, held: {status: rings}}]}`.
    func data() -> String {
        // The statuses drawn: the regions' and, where a frame has some, land held abroad.
        let statuses = Array(Set(frames.frames.flatMap { $0.state.statuses + $0.held.map(\.0) })).sorted()
        func polygons(_ p: [[[Position]]]) -> JSONOut {
            .array(p.map { rings in .array(rings.map { ring in .array(ring.map { .array([.fixed($0.x, decimals: 4), .fixed($0.y, decimals: 4)]) }) }) })
        }
        func figures(_ km2: (ControlStatus) -> Double, _ pct: (ControlStatus) -> Double, _ list: [ControlStatus]) -> JSONOut {
            .object(list.map { ($0.rawValue, .array([.fixed(km2($0), decimals: 0), .fixed(pct($0), decimals: 1)])) })
        }
        let statusList = JSONOut.array(statuses.map { s in
            .object([("id", .string(s.rawValue)), ("label", .string(info.statusLabel(s, words.language) ?? s.rawValue.capitalized)),
                     ("colour", .string(Self.colours[s] ?? "#888888"))])
        })
        let regions = JSONOut.array(frames.outlines.map { o in
            .object([("iso", .string(o.iso)), ("name", .string(o.names(words.language))), ("rings", polygons(o.polygons))])
        })
        let list = JSONOut.lines(frames.frames.map { f in
            let s = f.state
            return .object([
                ("date", .string(s.snapshotDate.description)), ("source", .string(s.source)),
                ("national", figures(s.km2, s.percent, s.statuses)),
                ("regions", .object(s.regions.map { r in (r.iso, figures(r.km2, r.percent, s.statuses)) })),
                ("held", .object(f.held.map { ($0.status.rawValue, polygons($0.polygons)) })),
            ])
        })
        let strings: JSONOut = .object([("of", .string(words["of the area"])), ("snapshot", .string(words["snapshot"])), ("km2", .string(words["km²"]))])
        // The page's dates and numbers in the reader's browser, by the language's locale
        // (British English for the tool's English: "5 Feb 2026", "114,821").
        let lang = words.language.code, locale = words.language == .english ? "en-GB" : lang
        return JSONOut.object([("lang", .string(lang)), ("locale", .string(locale)), ("place", .string(info.name(words.language))), ("words", strings),
                               ("statuses", statusList), ("water", polygons(frames.water)), ("regions", regions), ("frames", list)]).text
    }

    func escape(_ s: String) -> String { KMLExport.escape(s) }

    static let css = """
    html,body{margin:0;height:100%;font:15px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1f1f1f;background:#fff}
    #frontline{display:flex;flex-direction:column;height:100%;max-width:1200px;margin:0 auto}
    header{padding:10px 12px 4px}h1{font-size:1.15em;margin:0 0 2px}#figures{margin:0;color:#444;min-height:1.35em}
    #map{flex:1;min-height:240px;background:#e9e7e2}
    #bar{display:flex;align-items:center;gap:10px;padding:8px 12px}
    #slider{flex:1;min-width:0;accent-color:#b3261e;height:28px}
    #play{width:40px;height:40px;border:1px solid #999;border-radius:50%;background:#fff;font-size:16px;cursor:pointer}
    #date{font-variant-numeric:tabular-nums;min-width:6.5em;text-align:right;font-weight:600}
    #legend{padding:0 12px;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:.9em}
    #legend span::before{content:"";display:inline-block;width:14px;height:14px;margin-right:6px;vertical-align:-2px;background:var(--c);opacity:.8}
    footer{padding:6px 12px 10px;font-size:.78em;color:#5f5f5f}footer a{color:#5f5f5f}
    .leaflet-container{font:inherit}.leaflet-tooltip{font-size:.9em}
    @media (max-width:520px){body{font-size:14px}h1{font-size:1.05em}#map{flex:none;height:80vw;min-height:0}}
    """

    /// The page's code: a Leaflet map with no tile layer (the land comes from the data), the
    /// status layers of the shown date under an interactive layer of region outlines.
    static let script = """
    (function(){
    const D=DATA, fmt=new Intl.NumberFormat(D.locale);
    const map=L.map("map",{zoomSnap:0.1,attributionControl:false,preferCanvas:true});
    const latlngs=p=>p.map(r=>r.map(c=>[c[1],c[0]]));
    L.layerGroup(D.water.map(p=>L.polygon(latlngs(p),{stroke:false,fillColor:"#cfe1ea",fillOpacity:1,interactive:false}))).addTo(map);
    const land=L.layerGroup(D.regions.map(r=>L.polygon(r.rings.map(latlngs),{stroke:false,fillColor:"#fbfaf7",fillOpacity:1,interactive:false}))).addTo(map);
    let held=L.layerGroup().addTo(map), index=D.frames.length-1, timer=null;
    const outlines=L.layerGroup(D.regions.map(r=>{
      const layer=L.polygon(r.rings.map(latlngs),{color:"#8c8c8c",weight:0.8,fillOpacity:0,fillColor:"#000"});
      layer.on("mouseover",()=>layer.setStyle({weight:2.2,color:"#1f1f1f"}));
      layer.on("mouseout",()=>layer.setStyle({weight:0.8,color:"#8c8c8c"}));
      layer.bindTooltip(()=>regionText(r),{sticky:true});
      return layer;})).addTo(map);
    // Fit once the page is laid out, and again when the frame changes size (a phone turned).
    const bounds=L.featureGroup(outlines.getLayers()).getBounds();
    const fit=()=>{map.invalidateSize();map.fitBounds(bounds,{padding:[6,6]});};
    fit();requestAnimationFrame(fit);window.addEventListener("resize",fit);
    function line(figs){return D.statuses.filter(s=>figs[s.id]).map(s=>s.label+": "+fmt.format(figs[s.id][0])+" "+D.words.km2+", "+figs[s.id][1].toFixed(1)+" %").join(" · ");}
    function regionText(r){const f=D.frames[index].regions[r.iso];return "<b>"+r.name+"</b><br>"+(f?line(f):"");}
    function show(i){
      index=i; const f=D.frames[i];
      held.clearLayers();
      for(const s of D.statuses){const rings=f.held[s.id]; if(!rings)continue;
        held.addLayer(L.polygon(rings.map(latlngs),{stroke:false,fillColor:s.colour,fillOpacity:0.72,interactive:false}));}
      document.getElementById("date").textContent=new Date(f.date+"T00:00:00Z").toLocaleDateString(D.locale,{day:"numeric",month:"short",year:"numeric",timeZone:"UTC"});
      document.getElementById("figures").textContent=D.place+": "+line(f.national);
      document.getElementById("slider").value=i;
    }
    document.getElementById("legend").innerHTML=D.statuses.map(s=>'<span style="--c:'+s.colour+'">'+s.label+"</span>").join("");
    document.getElementById("slider").addEventListener("input",e=>{stop();show(+e.target.value);});
    function stop(){if(timer){clearInterval(timer);timer=null;document.getElementById("play").textContent="▶";}}
    document.getElementById("play").addEventListener("click",()=>{
      if(timer)return stop();
      if(index>=D.frames.length-1)show(0);
      document.getElementById("play").textContent="❚❚";
      timer=setInterval(()=>{if(index>=D.frames.length-1)return stop();show(index+1);},600);});
    // A link may name the date: page.html#2025-10-01 opens on the snapshot standing for it.
    const asked=decodeURIComponent(location.hash.slice(1));
    if(/^\\d{4}-\\d{2}-\\d{2}$/.test(asked)){const k=D.frames.map(f=>f.date<=asked).lastIndexOf(true);if(k>=0)index=k;}
    show(index);
    window.frontline={show:show,frames:D.frames.length};
    })();
    """
}
