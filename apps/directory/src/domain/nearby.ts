/** Mean Earth radius in metres (IUGG), for great-circle distances. */
export const EARTH_RADIUS_M = 6_371_008.8;
const METRES_PER_DEGREE = (Math.PI * EARTH_RADIUS_M) / 180;

export interface Point {
  lat: number;
  lng: number;
}

/** Great-circle (haversine) distance in metres. */
export function distanceMetres(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The latitude/longitude box that holds every point within the radius: an index answers the box,
 * the exact distance then trims its corners. The longitude span widens with latitude.
 */
export function boundingBox(center: Point, radiusM: number) {
  const dLat = radiusM / METRES_PER_DEGREE;
  const nearestPole = Math.min(90, Math.abs(center.lat) + dLat);
  const dLng = nearestPole >= 89.9 ? 180 : dLat / Math.cos((nearestPole * Math.PI) / 180);
  return {
    south: center.lat - dLat,
    north: center.lat + dLat,
    west: center.lng - dLng,
    east: center.lng + dLng,
  };
}
