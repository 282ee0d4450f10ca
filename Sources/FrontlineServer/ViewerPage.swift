/// `GET /`: a slippy map of the server's own tiles with a date slider over the snapshots and
/// the figures of the shown date. Plain HTML and JavaScript written here: no library, no CDN,
/// nothing fetched from outside.
enum ViewerPage {
    /// The page, starting at the dataset's centre.
    static func html(center: (lon: Double, lat: Double)) -> String {
        template.replacingOccurrences(of: "project(START_LON,START_LAT)", with: "project(\(center.lon),\(center.lat))")
    }

    private static let template = #"""
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Frontline viewer</title>
    <style>
    html,body{margin:0;height:100%;font-family:"DejaVu Sans",Arial,sans-serif;color:#1f1f1f}
    #wrap{display:flex;height:100%}#map{flex:1;position:relative;overflow:hidden;background:#e9e7e2;cursor:grab;touch-action:none}
    #map img{position:absolute;width:256px;height:256px;user-select:none;-webkit-user-drag:none}
    #side{width:300px;padding:14px;box-sizing:border-box;overflow:auto;border-left:1px solid #ddd;background:#fbfaf7}
    h1{font-size:18px;margin:0 0 8px}#date{font-size:20px;font-weight:bold;margin:8px 0}
    input[type=range]{width:100%}.big{font-size:26px;font-weight:bold;color:#b3261e}table{width:100%;font-size:13px;border-collapse:collapse}
    td{padding:3px 2px;border-bottom:1px solid #eee}td.n{text-align:right}small{color:#666}
    #zoom{position:absolute;left:10px;top:10px;z-index:5}#zoom button{display:block;width:32px;height:32px;font-size:18px;margin-bottom:4px}
    @media (max-width:700px){#wrap{flex-direction:column}#side{width:auto;height:40%;border-left:0;border-top:1px solid #ddd}}
    </style></head><body>
    <div id="wrap"><div id="map"><div id="zoom"><button id="zin" title="Zoom in">+</button><button id="zout" title="Zoom out">−</button></div></div>
    <div id="side"><h1>Territorial control</h1><div id="date">…</div>
    <input id="slider" type="range" min="0" max="0" value="0" aria-label="Snapshot date">
    <p><span class="big" id="km2">…</span><br><span id="pct"></span></p><table id="regions"></table>
    <p><small id="attr">Tiles and figures from this Frontline server.</small></p></div></div>
    <script>
    (function(){
      var map=document.getElementById('map'), tiles={}, z=6, cx=0, cy=0, dates=[], date='';
      var ratio=window.devicePixelRatio>1?'@2x':'';
      function world(){return 256*Math.pow(2,z);}
      function project(lon,lat){var s=Math.sin(lat*Math.PI/180);return [(lon+180)/360*world(),(0.5-Math.log((1+s)/(1-s))/(4*Math.PI))*world()];}
      function draw(){
        var w=map.clientWidth,h=map.clientHeight,n=Math.pow(2,z),keep={};
        var x0=Math.floor((cx-w/2)/256),x1=Math.floor((cx+w/2)/256),y0=Math.floor((cy-h/2)/256),y1=Math.floor((cy+h/2)/256);
        for(var x=x0;x<=x1;x++)for(var y=y0;y<=y1;y++){
          if(x<0||y<0||x>=n||y>=n||!date)continue;
          var key=date+'/'+z+'/'+x+'/'+y; keep[key]=1;
          var img=tiles[key];
          if(!img){img=document.createElement('img');img.alt='';img.src='/tiles/'+key+ratio+'.png';tiles[key]=img;map.appendChild(img);}
          img.style.left=Math.round(x*256-cx+w/2)+'px'; img.style.top=Math.round(y*256-cy+h/2)+'px';
        }
        for(var k in tiles)if(!keep[k]){map.removeChild(tiles[k]);delete tiles[k];}
      }
      function zoomTo(nz,px,py){
        nz=Math.max(3,Math.min(12,nz)); if(nz===z)return;
        var w=map.clientWidth,h=map.clientHeight; px=px===undefined?w/2:px; py=py===undefined?h/2:py;
        var f=Math.pow(2,nz-z), wx=cx+px-w/2, wy=cy+py-h/2;
        cx=wx*f-(px-w/2); cy=wy*f-(py-h/2); z=nz; draw();
      }
      var drag=null;
      map.addEventListener('pointerdown',function(e){drag=[e.clientX,e.clientY];map.setPointerCapture(e.pointerId);map.style.cursor='grabbing';});
      map.addEventListener('pointermove',function(e){if(!drag)return;cx-=e.clientX-drag[0];cy-=e.clientY-drag[1];drag=[e.clientX,e.clientY];draw();});
      map.addEventListener('pointerup',function(){drag=null;map.style.cursor='grab';});
      map.addEventListener('wheel',function(e){e.preventDefault();var r=map.getBoundingClientRect();zoomTo(z+(e.deltaY<0?1:-1),e.clientX-r.left,e.clientY-r.top);},{passive:false});
      document.getElementById('zin').onclick=function(e){e.stopPropagation();zoomTo(z+1);};
      document.getElementById('zout').onclick=function(e){e.stopPropagation();zoomTo(z-1);};
      window.addEventListener('resize',draw);
      function fmt(v){return Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g,',');}
      function show(d){
        date=d; document.getElementById('date').textContent=d; draw();
        fetch('/stats/'+d+'.json').then(function(r){return r.json();}).then(function(s){
          var n=s.national; document.getElementById('km2').textContent=fmt(n.occupied_km2||0)+' km²';
          document.getElementById('pct').textContent=(n.occupied_pct||0).toFixed(1)+' % occupied · snapshot '+s.snapshot.source+' '+s.snapshot.date;
          var rows=s.regions.filter(function(r){return r.occupied_km2>0;}).sort(function(a,b){return b.occupied_km2-a.occupied_km2;});
          document.getElementById('regions').innerHTML=rows.map(function(r){return '<tr><td>'+r.name_en+'</td><td class="n">'+fmt(r.occupied_km2)+'</td><td class="n">'+r.occupied_pct.toFixed(1)+' %</td></tr>';}).join('');
        });
      }
      var slider=document.getElementById('slider');
      slider.addEventListener('input',function(){show(dates[slider.value]);});
      var c=project(START_LON,START_LAT); cx=c[0]; cy=c[1];
      fetch('/snapshots.json').then(function(r){return r.json();}).then(function(j){
        var all={}; j.sources.forEach(function(s){s.dates.forEach(function(d){all[d]=1;});});
        dates=Object.keys(all).sort(); slider.max=dates.length-1; slider.value=dates.length-1; show(dates[dates.length-1]);
      });
    })();
    </script></body></html>
    """#
}
