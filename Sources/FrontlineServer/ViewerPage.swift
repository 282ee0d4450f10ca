import FrontlineControl
import FrontlineGeo
import FrontlineRender
import FrontlineSupport

/// `GET /`: the server's own raster tiles on Leaflet (Debian's libjs-leaflet, served from its
/// install path under `/leaflet/`), with the attribution of every source, a scale, a legend,
/// a date slider on a time axis with a tick at each snapshot and a play button, a permalink
/// (`#2026-02-05/8/48.3/37.2`: date/zoom/lat/lon) and the figures of the date. Nothing is
/// fetched from outside; without Leaflet the page says so and still shows the figures.
enum ViewerPage {
    /// One legend row: a fill (or, with `line`, a line) in the printed map's colours.
    struct LegendRow {
        let label: String
        let color: RGBA
        var line = false
        /// The fill drawn under this one on the map (land held before the record lies inside occupied land).
        var under: RGBA? = nil
    }

    /// The page for a dataset: its name, start point, legend and attribution built in.
    static func html(info: DatasetInfo) -> String {
        let c = info.startCenter
        let config = JSONOut.object([
            ("title", .string(info.name(.english))),
            ("center", .array([.fixed(c.lat, decimals: 4), .fixed(c.lon, decimals: 4)])),
            ("attribution", .string(attribution(info))),
            ("legend", .array(legend(info).map { r in
                .object([("label", .string(r.label)), ("color", .string(css(r.color))),
                         ("under", r.under.map { .string(css($0)) } ?? .null), ("line", .bool(r.line))])
            })),
        ]).text
        // `</` cannot close the script element from inside the JSON.
        return template.replacingOccurrences(of: "CONFIG_JSON", with: config.replacingOccurrences(of: "</", with: "<\\/"))
    }

    /// Every source's line, linked to its site, then the boundaries' and base layers' lines
    /// (© OpenStreetMap contributors among them): Leaflet's attribution control shows it.
    static func attribution(_ info: DatasetInfo) -> String {
        let sources = info.sources.map { s in
            s.url.map { "<a href=\"\(escape($0))\" target=\"_blank\" rel=\"noopener\">\(escape(s.attribution))</a>" } ?? escape(s.attribution)
        }
        return (sources + info.attribution.map(escape)).joined(separator: " · ")
    }

    /// The statuses in the order and wording of the printed map's legend, and the front line.
    static func legend(_ info: DatasetInfo) -> [LegendRow] {
        let t = Theme.light
        var rows = ControlStatus.allCases.map { s in
            LegendRow(label: info.statusLabel(s, .english) ?? s.rawValue.capitalized, color: t.fill(s).color)
        }
        if let before = info.text(info.baselineLabels, .english) {
            rows.insert(LegendRow(label: before, color: t.baseline.color, under: t.fill(.occupied).color), at: 1)
        }
        rows.append(LegendRow(label: "Front line", color: t.frontLine.color, line: true))
        return rows
    }

    /// A colour with its opacity, as CSS takes it.
    static func css(_ c: RGBA) -> String {
        String(format: "rgba(%d,%d,%d,%.2f)", Int((c.r * 255).rounded()), Int((c.g * 255).rounded()), Int((c.b * 255).rounded()), c.a)
    }

    static func escape(_ s: String) -> String { Markup.escape(s) }

    private static let template = #"""
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Frontline viewer</title>
    <link rel="stylesheet" href="/leaflet/leaflet.css">
    <style>
    html,body{margin:0;height:100%;font-family:"DejaVu Sans",Arial,sans-serif;color:#1f1f1f}
    #wrap{display:flex;height:100%}#map{flex:1;background:#dfe9ee}
    #side{width:310px;padding:14px;box-sizing:border-box;overflow:auto;border-left:1px solid #ddd;background:#fbfaf7}
    h1{font-size:18px;margin:0 0 6px}#date{font-size:20px;font-weight:bold;margin:6px 0 2px}#snap{color:#5f5f5f;font-size:12px}
    #controls{display:flex;gap:8px;align-items:center;margin:8px 0}#play{width:34px;height:30px;font-size:15px}
    input[type=range]{flex:1;margin:0}.big{font-size:26px;font-weight:bold;color:#a51d12}
    table{width:100%;font-size:13px;border-collapse:collapse}td{padding:3px 2px;border-bottom:1px solid #eee}td.n{text-align:right}
    #years{display:flex;justify-content:space-between;font-size:11px;color:#5f5f5f;margin:-4px 42px 6px 42px}
    .legend{background:rgba(255,255,255,.92);padding:6px 8px;border-radius:4px;font-size:12px;line-height:18px;box-shadow:0 1px 4px rgba(0,0,0,.3)}
    .legend i{display:inline-block;width:14px;height:12px;margin-right:6px;vertical-align:-1px;border:1px solid rgba(0,0,0,.25)}
    .legend i.line{height:0;border:0;border-top:3px solid;vertical-align:3px}
    .leaflet-control-attribution{max-width:55%;font-size:11px}
    #nolib{display:none;padding:24px;font-size:15px}#permalink{font-size:12px;word-break:break-all}small{color:#5f5f5f}
    @media (max-width:700px){#wrap{flex-direction:column}#side{width:auto;height:42%;border-left:0;border-top:1px solid #ddd}}
    </style></head><body>
    <div id="wrap"><div id="map"><div id="nolib"></div></div>
    <div id="side"><h1 id="title">Territorial control</h1><div id="date">…</div><div id="snap"></div>
    <div id="controls"><button id="play" title="Play through the snapshots" aria-label="Play">▶</button>
    <input id="slider" type="range" min="0" max="0" value="0" step="1" list="ticks" aria-label="Date"><datalist id="ticks"></datalist></div>
    <div id="years"></div>
    <p><span class="big" id="km2">…</span><br><span id="pct"></span></p><table id="regions"></table>
    <p><a id="permalink" href="#">Permalink</a></p>
    <p><small>Raster tiles and figures from this Frontline server; the date shown is the date of the snapshot that stands for the chosen day.</small></p></div></div>
    <script>var FRONTLINE = CONFIG_JSON;</script>
    <script src="/leaflet/leaflet.js"></script>
    <script>
    (function(){
      var C=FRONTLINE, dates=[], days=[], date='', map=null, layer=null, timer=null;
      var slider=document.getElementById('slider');
      document.getElementById('title').textContent='Territorial control: '+C.title;
      function dayOf(d){return Math.round(Date.parse(d+'T00:00:00Z')/86400000);}
      function fmt(v){return Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g,',');}
      // The permalink: #date/zoom/lat/lon.
      function readHash(){
        var p=location.hash.replace(/^#/,'').split('/');
        if(!/^\d{4}-\d{2}-\d{2}$/.test(p[0]||''))return null;
        var h={date:p[0]};
        if(p.length===4&&!isNaN(+p[1])&&!isNaN(+p[2])&&!isNaN(+p[3])){h.zoom=+p[1];h.center=[+p[2],+p[3]];}
        return h;
      }
      function writeHash(){
        var z=map?map.getZoom():6, c=map?map.getCenter():{lat:C.center[0],lng:C.center[1]};
        var h='#'+date+'/'+z+'/'+c.lat.toFixed(4)+'/'+c.lng.toFixed(4);
        history.replaceState(null,'',h);
        var a=document.getElementById('permalink'); a.href=h; a.textContent=location.href;
      }
      // The newest snapshot on or before a day: what the server serves for it.
      function snapshotFor(day){var i=0;while(i+1<days.length&&days[i+1]<=day)i++;return i;}
      function show(i){
        date=dates[i]; slider.value=days[i];
        document.getElementById('date').textContent=date;
        if(layer)layer.setUrl('/tiles/'+date+'/{z}/{x}/{y}{r}.png');
        writeHash();
        fetch('/stats/'+date+'.json').then(function(r){return r.json();}).then(function(s){
          var n=s.national;
          document.getElementById('km2').textContent=fmt(n.occupied_km2||0)+' km² occupied';
          var extra=s.statuses.filter(function(st){return st!=='occupied'&&n[st+'_km2']>0;})
            .map(function(st){return fmt(n[st+'_km2'])+' km² '+st;}).join(' · ');
          document.getElementById('pct').textContent=(n.occupied_pct||0).toFixed(1)+' % of '+n.name+(extra?' · '+extra:'')+' · front line '+fmt(n.front_km)+' km';
          document.getElementById('snap').textContent='Snapshot '+s.snapshot.source+' '+s.snapshot.date+(s.snapshot.age_days>0?' ('+s.snapshot.age_days+' days before '+s.date+')':'');
          var rows=s.regions.filter(function(r){return r.occupied_km2>0;}).sort(function(a,b){return b.occupied_km2-a.occupied_km2;});
          document.getElementById('regions').innerHTML=rows.map(function(r){return '<tr><td>'+r.name_en+'</td><td class="n">'+fmt(r.occupied_km2)+' km²</td><td class="n">'+r.occupied_pct.toFixed(1)+' %</td></tr>';}).join('');
        });
      }
      function legend(){
        var l=L.control({position:'topright'});
        l.onAdd=function(){var d=L.DomUtil.create('div','legend');
          d.innerHTML=C.legend.map(function(r){
            // A swatch is the fill over the map's free land, as the map shows it.
            var bg='linear-gradient('+r.color+','+r.color+')'+(r.under?',linear-gradient('+r.under+','+r.under+')':'')+',#faf8f3';
            var sw=r.line?'<i class="line" style="border-top-color:'+r.color+'"></i>':'<i style="background:'+bg+'"></i>';
            return sw+r.label;}).join('<br>');
          return d;};
        l.addTo(map);
      }
      function startMap(h){
        if(!window.L){var m=document.getElementById('nolib');m.style.display='block';
          m.textContent='The map needs Leaflet, which is not installed on this server (Debian\'s libjs-leaflet). The figures on the right still work.';return;}
        map=L.map('map',{zoomSnap:1,minZoom:3,maxZoom:12,attributionControl:false})
          .setView(h&&h.center?h.center:C.center,h&&h.zoom?h.zoom:6);
        L.control.attribution({prefix:'<a href="https://leafletjs.com">Leaflet</a>'}).addAttribution(C.attribution).addTo(map);
        L.control.scale({imperial:false,maxWidth:160}).addTo(map);
        legend();
        layer=L.tileLayer('/tiles/'+date+'/{z}/{x}/{y}{r}.png',{maxZoom:12,minZoom:3,detectRetina:false}).addTo(map);
        map.on('moveend',writeHash);
      }
      function play(){
        var b=document.getElementById('play');
        if(timer){clearInterval(timer);timer=null;b.textContent='▶';return;}
        var i=dates.indexOf(date); if(i>=dates.length-1)i=-1;
        b.textContent='❚❚';
        timer=setInterval(function(){i++;if(i>=dates.length){play();return;}show(i);},700);
      }
      slider.addEventListener('input',function(){show(snapshotFor(+slider.value));});
      document.getElementById('play').onclick=play;
      window.addEventListener('hashchange',function(){var h=readHash();if(!h)return;
        var i=snapshotFor(dayOf(h.date)); if(dates[i]!==date)show(i);
        if(map&&h.center)map.setView(h.center,h.zoom);});
      fetch('/snapshots.json').then(function(r){return r.json();}).then(function(j){
        var all={}; j.sources.forEach(function(s){s.dates.forEach(function(d){all[d]=1;});});
        dates=Object.keys(all).sort(); days=dates.map(dayOf);
        slider.min=days[0]; slider.max=days[days.length-1];
        document.getElementById('ticks').innerHTML=days.map(function(d){return '<option value="'+d+'">';}).join('');
        var y0=+dates[0].slice(0,4), y1=+dates[dates.length-1].slice(0,4), ys=[];
        for(var y=y0;y<=y1;y++)ys.push('<span>'+y+'</span>');
        document.getElementById('years').innerHTML=ys.join('');
        var h=readHash(), i=h?snapshotFor(dayOf(h.date)):dates.length-1;
        date=dates[i]; startMap(h); show(i);
      });
    })();
    </script></body></html>
    """#
}
