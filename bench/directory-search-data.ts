// Shared by bench/directory-search.ts (the loader) and its driver.

/** Zhejiang's cities and their centres: institutions are placed around them, nearby searches start there. */
export const CITIES: [name: string, lat: number, lng: number][] = [
  ['杭州', 30.2741, 120.1551],
  ['宁波', 29.8683, 121.544],
  ['温州', 27.9943, 120.6994],
  ['嘉兴', 30.7464, 120.7555],
  ['湖州', 30.8943, 120.0868],
  ['绍兴', 29.9971, 120.5821],
  ['金华', 29.0785, 119.6478],
  ['衢州', 28.9359, 118.8595],
  ['舟山', 29.9853, 122.2072],
  ['台州', 28.6564, 121.4208],
  ['丽水', 28.4676, 119.9229],
];
