import { boundingBox, distanceMetres } from './nearby';

const westLake = { lat: 30.2431, lng: 120.1497 }; // 西湖
const hangzhouEast = { lat: 30.2906, lng: 120.2126 }; // 杭州东站

describe('distances near a point', () => {
  it('gives the great-circle distance in metres', () => {
    expect(distanceMetres(westLake, westLake)).toBe(0);
    // About 8.0 km between the lake and the east station.
    expect(distanceMetres(westLake, hangzhouEast)).toBeGreaterThan(7_900);
    expect(distanceMetres(westLake, hangzhouEast)).toBeLessThan(8_100);
    // One degree of latitude is about 111.2 km anywhere.
    expect(distanceMetres({ lat: 30, lng: 120 }, { lat: 31, lng: 120 })).toBeCloseTo(111_195, -2);
  });

  it('bounds every point within the radius in a box, wider in longitude than in latitude away from the equator', () => {
    const box = boundingBox(westLake, 5_000);
    expect(box.north - box.south).toBeLessThan(box.east - box.west);
    // Points at exactly the radius in the four directions and on the diagonals fall inside.
    for (let bearing = 0; bearing < 360; bearing += 15) {
      const b = (bearing * Math.PI) / 180;
      const p = {
        lat: westLake.lat + (4_999 / 111_195) * Math.cos(b),
        lng: westLake.lng + (4_999 / (111_195 * Math.cos((westLake.lat * Math.PI) / 180))) * Math.sin(b),
      };
      expect(distanceMetres(westLake, p)).toBeLessThan(5_000);
      expect(p.lat).toBeGreaterThanOrEqual(box.south);
      expect(p.lat).toBeLessThanOrEqual(box.north);
      expect(p.lng).toBeGreaterThanOrEqual(box.west);
      expect(p.lng).toBeLessThanOrEqual(box.east);
    }
  });
});
