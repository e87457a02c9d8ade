/**
 * The two astronomical events a lunisolar calendar is built from: the instants of new moon and the sun's
 * apparent longitude (whose multiples of 30° are the major solar terms, trung khí). Formulas from Jean Meeus,
 * "Astronomical Algorithms" (2nd ed., 1998): new moons from chapter 49 with all its periodic and planetary
 * terms (within a minute of the modern lunar theory), the sun from chapter 25's low-accuracy method (about
 * 0.01°, a quarter of an hour of the sun's motion). Both give Dynamical Time; ΔT (TT − UT) from Espenak and
 * Meeus' polynomials brings them to Universal Time. Times are Julian Days (days since noon UT, 1 Jan 4713 BC).
 * The one-letter names are the sources' own: k numbers new moons, t counts centuries (or years) in a formula.
 */

const DEGREE = Math.PI / 180;
const J2000 = 2451545.0;
const DAYS_PER_JULIAN_CENTURY = 36525;
/** Meeus 49.1: the mean new moon number 0 fell on 6 January 2000 (Julian Ephemeris Day 2451550.09766). */
const FIRST_MEAN_NEW_MOON_OF_2000 = 2451550.09766;
const MEAN_SYNODIC_MONTH = 29.530588861;

function sine(degrees: number): number {
  return Math.sin(degrees * DEGREE);
}

function normalizedDegrees(degrees: number): number {
  return ((degrees % 360) + 360) % 360;
}

/**
 * ΔT = TT − UT in seconds around a decimal year, by Espenak and Meeus' polynomials (NASA's Five Millennium
 * Canon of Solar Eclipses), valid from 1860 on; the figures after today are their extrapolation.
 */
function deltaTSeconds(year: number): number {
  if (year < 1900) {
    const t = year - 1860;
    return (
      7.62 + 0.5737 * t - 0.251754 * t ** 2 + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233174
    );
  }
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return (
      63.86 +
      0.3345 * t -
      0.060374 * t ** 2 +
      0.0017275 * t ** 3 +
      0.000651814 * t ** 4 +
      0.00002373599 * t ** 5
    );
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (year - 1820) / 100;
  if (year < 2150) return -20 + 32 * u ** 2 - 0.5628 * (2150 - year);
  return -20 + 32 * u ** 2;
}

function deltaTDays(julianDay: number): number {
  return deltaTSeconds(2000 + (julianDay - J2000) / 365.25) / 86400;
}

/** Meeus table 49.A, new moon: amplitude in days, power of E, and multiples of M′, M and F in the sine. */
const NEW_MOON_TERMS: readonly (readonly [number, number, number, number, number])[] = [
  [-0.4072, 0, 1, 0, 0],
  [0.17241, 1, 0, 1, 0],
  [0.01608, 0, 2, 0, 0],
  [0.01039, 0, 0, 0, 2],
  [0.00739, 1, 1, -1, 0],
  [-0.00514, 1, 1, 1, 0],
  [0.00208, 2, 0, 2, 0],
  [-0.00111, 0, 1, 0, -2],
  [-0.00057, 0, 1, 0, 2],
  [0.00056, 1, 2, 1, 0],
  [-0.00042, 0, 3, 0, 0],
  [0.00042, 1, 0, 1, 2],
  [0.00038, 1, 0, 1, -2],
  [-0.00024, 1, 2, -1, 0],
  [-0.00007, 0, 1, 2, 0],
  [0.00004, 0, 2, 0, -2],
  [0.00004, 0, 0, 3, 0],
  [0.00003, 0, 1, 1, -2],
  [0.00003, 0, 2, 0, 2],
  [-0.00003, 0, 1, 1, 2],
  [0.00003, 0, 1, -1, 2],
  [-0.00002, 0, 1, -1, -2],
  [-0.00002, 0, 3, 1, 0],
  [0.00002, 0, 4, 0, 0],
];

/** Meeus 49, the planetary arguments A1…A14: amplitude in days, and the argument's constant and rate per k. */
const PLANETARY_TERMS: readonly (readonly [number, number, number])[] = [
  [0.000325, 299.77, 0.107408], // A1 also has −0.009173·T², added below
  [0.000165, 251.88, 0.016321],
  [0.000164, 251.83, 26.651886],
  [0.000126, 349.42, 36.412478],
  [0.00011, 84.66, 18.206239],
  [0.000062, 141.74, 53.303771],
  [0.00006, 207.14, 2.453732],
  [0.000056, 154.84, 7.30686],
  [0.000047, 34.52, 27.261239],
  [0.000042, 207.19, 0.121824],
  [0.00004, 291.34, 1.844379],
  [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099],
  [0.000023, 331.55, 3.592518],
];

/** The new moon number (Meeus' k) of the last mean new moon at or before a Julian Day. */
export function newMoonNumberBefore(julianDay: number): number {
  return Math.floor((julianDay - FIRST_MEAN_NEW_MOON_OF_2000) / MEAN_SYNODIC_MONTH);
}

/** The Julian Day (Universal Time) of new moon number `k`; k = 0 is the new moon of 6 January 2000. */
export function newMoonJulianDay(k: number): number {
  const t = k / 1236.85;
  const meanPhase =
    FIRST_MEAN_NEW_MOON_OF_2000 +
    MEAN_SYNODIC_MONTH * k +
    0.00015437 * t ** 2 -
    0.00000015 * t ** 3 +
    0.00000000073 * t ** 4;
  const eccentricity = 1 - 0.002516 * t - 0.0000074 * t ** 2;
  const sunAnomaly = 2.5534 + 29.1053567 * k - 0.0000014 * t ** 2 - 0.00000011 * t ** 3;
  const moonAnomaly =
    201.5643 + 385.81693528 * k + 0.0107582 * t ** 2 + 0.00001238 * t ** 3 - 0.000000058 * t ** 4;
  const moonLatitude =
    160.7108 + 390.67050284 * k - 0.0016118 * t ** 2 - 0.00000227 * t ** 3 + 0.000000011 * t ** 4;
  const moonNode = 124.7746 - 1.56375588 * k + 0.0020672 * t ** 2 + 0.00000215 * t ** 3;

  let correction = -0.00017 * sine(moonNode);
  for (const [amplitude, eccentricityPower, ofMoonAnomaly, ofSunAnomaly, ofLatitude] of NEW_MOON_TERMS) {
    const angle = ofMoonAnomaly * moonAnomaly + ofSunAnomaly * sunAnomaly + ofLatitude * moonLatitude;
    correction += amplitude * eccentricity ** eccentricityPower * sine(angle);
  }
  PLANETARY_TERMS.forEach(([amplitude, constant, rate], index) => {
    const quadratic = index === 0 ? -0.009173 * t ** 2 : 0;
    correction += amplitude * sine(constant + rate * k + quadratic);
  });

  const dynamicalTime = meanPhase + correction;
  return dynamicalTime - deltaTDays(dynamicalTime);
}

/** The sun's apparent geocentric longitude, in degrees from 0 to 360, at a Julian Day (Universal Time). */
export function sunLongitude(julianDay: number): number {
  const t = (julianDay + deltaTDays(julianDay) - J2000) / DAYS_PER_JULIAN_CENTURY;
  const meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t ** 2;
  const meanAnomaly = 357.52911 + 35999.05029 * t - 0.0001537 * t ** 2;
  const equationOfCenter =
    (1.914602 - 0.004817 * t - 0.000014 * t ** 2) * sine(meanAnomaly) +
    (0.019993 - 0.000101 * t) * sine(2 * meanAnomaly) +
    0.000289 * sine(3 * meanAnomaly);
  // Nutation and aberration, from the longitude of the moon's ascending node.
  const moonNode = 125.04 - 1934.136 * t;
  return normalizedDegrees(meanLongitude + equationOfCenter - 0.00569 - 0.00478 * sine(moonNode));
}
