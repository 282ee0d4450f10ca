"""Helpers the shapely peers share: geodesic km² (GeographicLib through pyproj) and the
polygons of any geometry."""
from pyproj import Geod

GEOD = Geod(ellps="WGS84")


def km2(geom):
    return abs(GEOD.geometry_area_perimeter(geom)[0]) / 1e6


def polygon_parts(geom):
    """The polygons of a (multi)polygon or collection, dropping lines and points."""
    if geom.is_empty:
        return []
    if geom.geom_type == "Polygon":
        return [geom]
    return [p for g in getattr(geom, "geoms", []) for p in polygon_parts(g)]
