// Lunisolar festival dates computed from first principles: true new moons
// (Meeus, Astronomical Algorithms, 2nd ed., ch. 49) and the sun's apparent
// longitude (ch. 25 "higher accuracy": VSOP87D Earth series of Appendix III,
// nutation of ch. 22, aberration), placed on Beijing civil days (UTC+8) via a
// ΔT model, then numbered by the rules of GB/T 33661-2017 《农历的编算和颁行》.
//
// Why not the low-precision formulas: a new moon or solar term a few minutes
// from Beijing midnight moves a date by one day. In 2001–2100 the closest
// events that decide a festival are the new moon starting 八月 2089 (2.4 min
// before midnight on 2089-09-04), the one starting 正月 2030 (7.5 min after
// midnight on 2030-02-03) and 清明 2071 (10.2 min after midnight). The 0.01°
// solar formula (up to ~15 min of time) could misplace 清明 2071; the
// truncated VSOP87 series used here is good to about 1″ (< 25 s of time), and
// Meeus's new moons to well under a minute. Two new moons are closer to
// midnight still but decide no festival: 2057-09-28 (九月, 2.5 s before) and
// 2097-08-07 (七月, 20 s before).
//
// Cost: ~85 µs per year (measured at -O2 on a 2.5 GHz Xeon): 3 Newton solves
// of the solar series (14 in a leap year) and ~15 new moons, so the 100 years
// 2001–2100 take ~9 ms.
#include "calendar/lunar.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <numbers>

namespace shixian::detail {
namespace {

constexpr double pi = std::numbers::pi;
constexpr double deg = pi / 180.0;               // radians per degree
constexpr double arcsec = deg / 3600.0;          // radians per arc second
constexpr double j2000 = 2451545.0;              // JD of 2000-01-01 12:00 TT
constexpr double unix_epoch_jd = 2440587.5;      // JD of 1970-01-01 00:00 UT
constexpr double beijing_offset_days = 8.0 / 24.0;
constexpr double tropical_year_days = 365.2422;  // only for first guesses

// --- ΔT = TT − UT -----------------------------------------------------------

// ΔT in seconds for a decimal year: the Espenak & Meeus polynomials (NASA
// "Five Millennium Canon of Solar Eclipses", 2006), restricted to the pieces
// 1900–2199 needs. The future branches are extrapolations (ΔT ≈ 179 s in
// 2089, 203 s in 2100) and may be off by a minute or two, which only matters
// for an event that close to Beijing midnight; the tightest decisive case,
// 2089's 八月, would flip only if ΔT were under ~35 s then.
double delta_t_seconds(double y) {
  if (y < 1920.0) {
    const double t = y - 1900.0;
    return -2.79 + t * (1.494119 + t * (-0.0598939 + t * (0.0061966 + t * -0.000197)));
  }
  if (y < 1941.0) {
    const double t = y - 1920.0;
    return 21.20 + t * (0.84493 + t * (-0.076100 + t * 0.0020936));
  }
  if (y < 1961.0) {
    const double t = y - 1950.0;
    return 29.07 + t * (0.407 + t * (-1.0 / 233.0 + t / 2547.0));
  }
  if (y < 1986.0) {
    const double t = y - 1975.0;
    return 45.45 + t * (1.067 + t * (-1.0 / 260.0 - t / 718.0));
  }
  if (y < 2005.0) {
    const double t = y - 2000.0;
    return 63.86 + t * (0.3345 + t * (-0.060374 + t * (0.0017275 + t * (0.000651814 + t * 0.00002373599))));
  }
  if (y < 2050.0) {
    const double t = y - 2000.0;
    return 62.92 + t * (0.32217 + t * 0.005589);
  }
  const double u = (y - 1820.0) / 100.0;
  if (y < 2150.0) return -20.0 + 32.0 * u * u - 0.5628 * (2150.0 - y);
  return -20.0 + 32.0 * u * u;
}

// The Beijing civil day (days since 1970-01-01) containing the instant `jde`
// (Julian Ephemeris Day, TT).
std::int32_t beijing_day(double jde) {
  const double year = 2000.0 + (jde - j2000) / 365.25;  // good enough for ΔT
  const double jd_ut = jde - delta_t_seconds(year) / 86400.0;
  return static_cast<std::int32_t>(std::floor(jd_ut - unix_epoch_jd + beijing_offset_days));
}

// --- The sun (Meeus ch. 25, 22, Appendix III) -------------------------------

struct Term {
  double a;  // amplitude, 1e-8 rad (L) or 1e-8 au (R)
  double b;  // phase, rad
  double c;  // frequency, rad per Julian millennium
};

// VSOP87D, heliocentric ecliptic longitude of the Earth referred to the mean
// equinox of date, truncated as in Meeus Appendix III.
constexpr Term earth_l0[] = {
    {175347046, 0, 0}, {3341656, 4.6692568, 6283.0758500}, {34894, 4.6261, 12566.1517},
    {3497, 2.7441, 5753.3849}, {3418, 2.8289, 3.5231}, {3136, 3.6277, 77713.7715},
    {2676, 4.4181, 7860.4194}, {2343, 6.1352, 3930.2097}, {1324, 0.7425, 11506.7698},
    {1273, 2.0371, 529.6910}, {1199, 1.1096, 1577.3435}, {990, 5.233, 5884.927},
    {902, 2.045, 26.298}, {857, 3.508, 398.149}, {780, 1.179, 5223.694},
    {753, 2.533, 5507.553}, {505, 4.583, 18849.228}, {492, 4.205, 775.523},
    {357, 2.920, 0.067}, {317, 5.849, 11790.629}, {284, 1.899, 796.298},
    {271, 0.315, 10977.079}, {243, 0.345, 5486.778}, {206, 4.806, 2544.314},
    {205, 1.869, 5573.143}, {202, 2.458, 6069.777}, {156, 0.833, 213.299},
    {132, 3.411, 2942.463}, {126, 1.083, 20.775}, {115, 0.645, 0.980},
    {103, 0.636, 4694.003}, {102, 0.976, 15720.839}, {102, 4.267, 7.114},
    {99, 6.21, 2146.17}, {98, 0.68, 155.42}, {86, 5.98, 161000.69},
    {85, 1.30, 6275.96}, {85, 3.67, 71430.70}, {80, 1.81, 17260.15},
    {79, 3.04, 12036.46}, {75, 1.76, 5088.63}, {74, 3.50, 3154.69},
    {74, 4.68, 801.82}, {70, 0.83, 9437.76}, {62, 3.98, 8827.39},
    {61, 1.82, 7084.90}, {57, 2.78, 6286.60}, {56, 4.39, 14143.50},
    {56, 3.47, 6279.55}, {52, 0.19, 12139.55}, {52, 1.33, 1748.02},
    {51, 0.28, 5856.48}, {49, 0.49, 1194.45}, {41, 5.37, 8429.24},
    {41, 2.40, 19651.05}, {39, 6.17, 10447.39}, {37, 6.04, 10213.29},
    {37, 2.57, 1059.38}, {36, 1.71, 2352.87}, {36, 1.78, 6812.77},
    {33, 0.59, 17789.85}, {30, 0.44, 83996.85}, {30, 2.74, 1349.87},
    {25, 3.16, 4690.48},
};
constexpr Term earth_l1[] = {
    {628331966747, 0, 0}, {206059, 2.678235, 6283.075850}, {4303, 2.6351, 12566.1517},
    {425, 1.590, 3.523}, {119, 5.796, 26.298}, {109, 2.966, 1577.344},
    {93, 2.59, 18849.23}, {72, 1.14, 529.69}, {68, 1.87, 398.15},
    {67, 4.41, 5507.55}, {59, 2.89, 5223.69}, {56, 2.17, 155.42},
    {45, 0.40, 796.30}, {36, 0.47, 775.52}, {29, 2.65, 7.11},
    {21, 5.34, 0.98}, {19, 1.85, 5486.78}, {19, 4.97, 213.30},
    {17, 2.99, 6275.96}, {16, 0.03, 2544.31}, {16, 1.43, 2146.17},
    {15, 1.21, 10977.08}, {12, 2.83, 1748.02}, {12, 3.26, 5088.63},
    {12, 5.27, 1194.45}, {12, 2.08, 4694.00}, {11, 0.77, 553.57},
    {10, 1.30, 6286.60}, {10, 4.24, 1349.87}, {9, 2.70, 242.73},
    {9, 5.64, 951.72}, {8, 5.30, 2352.87}, {6, 2.65, 9437.76},
    {6, 4.67, 4690.48},
};
constexpr Term earth_l2[] = {
    {52919, 0, 0}, {8720, 1.0721, 6283.0758}, {309, 0.867, 12566.152},
    {27, 0.05, 3.52}, {16, 5.19, 26.30}, {16, 3.68, 155.42},
    {10, 0.76, 18849.23}, {9, 2.06, 77713.77}, {7, 0.83, 775.52},
    {5, 4.66, 1577.34}, {4, 1.03, 7.11}, {4, 3.44, 5573.14},
    {3, 5.14, 796.30}, {3, 6.05, 5507.55}, {3, 1.19, 242.73},
    {3, 6.12, 529.69}, {3, 0.31, 398.15}, {3, 2.28, 553.57},
    {2, 4.38, 5223.69}, {2, 3.75, 0.98},
};
constexpr Term earth_l3[] = {
    {289, 5.844, 6283.076}, {35, 0, 0}, {17, 5.49, 12566.15}, {3, 5.20, 155.42},
    {1, 4.72, 3.52}, {1, 5.30, 18849.23}, {1, 5.97, 242.73},
};
constexpr Term earth_l4[] = {{114, 3.142, 0}, {8, 4.13, 6283.08}, {1, 3.84, 12566.15}};
constexpr Term earth_l5[] = {{1, 3.14, 0}};

// The radius vector only feeds the aberration (20.5″/R, R = 0.983…1.017 au),
// so its three largest terms (error < 1e-5 au → < 0.001″) are plenty.
constexpr Term earth_r0[] = {
    {100013989, 0, 0}, {1670700, 3.0984635, 6283.0758500}, {13956, 3.05525, 12566.15170},
};
constexpr Term earth_r1[] = {{103019, 1.107490, 6283.075850}};

template <std::size_t N>
double series(const Term (&terms)[N], double tau) {
  double sum = 0.0;
  for (const Term& t : terms) sum += t.a * std::cos(t.b + t.c * tau);
  return sum;
}

// Nutation in longitude Δψ (radians), Meeus ch. 22, Table 22.A: the 22 terms
// of at least 0.003″; the omitted ones add up to < 0.05″ (≈ 1 s of time).
struct NutationTerm {
  std::int8_t d, m, mp, f, om;  // multiples of D, M, M′, F, Ω
  double s0, s1;                // coefficient of sin(arg): s0 + s1·T, in 0.0001″
};
constexpr NutationTerm nutation_terms[] = {
    {0, 0, 0, 0, 1, -171996, -174.2}, {-2, 0, 0, 2, 2, -13187, -1.6}, {0, 0, 0, 2, 2, -2274, -0.2},
    {0, 0, 0, 0, 2, 2062, 0.2},       {0, 1, 0, 0, 0, 1426, -3.4},    {0, 0, 1, 0, 0, 712, 0.1},
    {-2, 1, 0, 2, 2, -517, 1.2},      {0, 0, 0, 2, 1, -386, -0.4},    {0, 0, 1, 2, 2, -301, 0},
    {-2, -1, 0, 2, 2, 217, -0.5},     {-2, 0, 1, 0, 0, -158, 0},      {-2, 0, 0, 2, 1, 129, 0.1},
    {0, 0, -1, 2, 2, 123, 0},         {2, 0, 0, 0, 0, 63, 0},         {0, 0, 1, 0, 1, 63, 0.1},
    {2, 0, -1, 2, 2, -59, 0},         {0, 0, -1, 0, 1, -58, -0.1},    {0, 0, 1, 2, 1, -51, 0},
    {-2, 0, 2, 0, 0, 48, 0},          {0, 0, -2, 2, 1, 46, 0},        {2, 0, 0, 2, 2, -38, 0},
    {0, 0, 2, 2, 2, -31, 0},
};

double nutation_in_longitude(double t) {  // t: Julian centuries TT from J2000
  const double d = (297.85036 + t * (445267.111480 + t * (-0.0019142 + t / 189474.0))) * deg;
  const double m = (357.52772 + t * (35999.050340 + t * (-0.0001603 - t / 300000.0))) * deg;
  const double mp = (134.96298 + t * (477198.867398 + t * (0.0086972 + t / 56250.0))) * deg;
  const double f = (93.27191 + t * (483202.017538 + t * (-0.0036825 + t / 327270.0))) * deg;
  const double om = (125.04452 + t * (-1934.136261 + t * (0.0020708 + t / 450000.0))) * deg;
  double sum = 0.0;
  for (const NutationTerm& n : nutation_terms) {
    const double arg = n.d * d + n.m * m + n.mp * mp + n.f * f + n.om * om;
    sum += (n.s0 + n.s1 * t) * std::sin(arg);
  }
  return sum * 1e-4 * arcsec;
}

// The sun's apparent geocentric longitude (radians, not reduced to [0, 2π))
// at `jde`: Meeus (25.x) "higher accuracy" — VSOP87 L + 180°, the FK5 frame
// correction −0.09033″, nutation Δψ and aberration −20.4898″/R.
double sun_apparent_longitude(double jde) {
  const double tau = (jde - j2000) / 365250.0;  // Julian millennia; |τ| ≤ 0.2 for 1900–2200
  const double l =
      (series(earth_l0, tau) +
       tau * (series(earth_l1, tau) +
              tau * (series(earth_l2, tau) +
                     tau * (series(earth_l3, tau) + tau * (series(earth_l4, tau) + tau * series(earth_l5, tau)))))) *
      1e-8;
  const double r = (series(earth_r0, tau) + tau * series(earth_r1, tau)) * 1e-8;
  return l + pi - 0.09033 * arcsec + nutation_in_longitude(tau * 10.0) - 20.4898 * arcsec / r;
}

// The instant (JDE) near `guess` when the apparent longitude equals
// `target_deg`. Newton's method with the derivative from the equation of
// centre (0.9856° + 0.0329°·cos M per day): the error shrinks ~1000× per step,
// so 3–4 steps reach the 0.1 s stopping tolerance from a guess days away.
double solar_term_jde(double target_deg, double guess) {
  double jde = guess;
  for (int i = 0; i < 10; ++i) {
    const double diff = std::remainder(target_deg * deg - sun_apparent_longitude(jde), 2.0 * pi);  // [−π, π]
    const double m = (357.52911 + 0.98560028 * (jde - j2000)) * deg;  // sun's mean anomaly
    const double speed = (0.9856474 + 0.032935 * std::cos(m) + 0.000688 * std::cos(2.0 * m)) * deg;  // rad/day
    const double step = diff / speed;
    jde += step;
    if (std::abs(step) < 1e-6) break;
  }
  return jde;
}

// JDE of the moment the sun reaches `target_deg` (a multiple of 15°) in
// Gregorian year `year`. The first guess uses the mean sun (longitude 280.46°
// at J2000, 0.98565°/day), within ~2.5 days of the truth.
double solar_term_in_year(int year, double target_deg) {
  const double jan1 = j2000 + 365.2425 * (year - 2000) - 0.5;                // ≈ Jan 1, 0h of `year`
  const double mean_lon_jan1 = 280.46 + 0.9856474 * (jan1 - j2000);           // degrees
  const double days = std::fmod(std::fmod(target_deg - mean_lon_jan1, 360.0) + 360.0, 360.0) / 360.0 *
                      tropical_year_days;                                     // [0, 365.24)
  return solar_term_jde(target_deg, jan1 + days);
}

// --- The moon (Meeus ch. 49) --------------------------------------------------

// JDE of true new moon number k (k = 0: 2000-01-06). Meeus (49.1) mean phase,
// the periodic terms for a new moon and the 14 additional (planetary)
// corrections; Meeus gives a mean error of 3.7 s and at most 17.4 s against
// ELP-2000/82 for 1980–2020, growing slowly with |T|.
double new_moon_jde(int k_int) {
  const double k = k_int;
  const double t = k / 1236.85;  // Julian centuries from J2000
  const double t2 = t * t, t3 = t2 * t, t4 = t3 * t;
  double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;

  const double e = 1.0 - 0.002516 * t - 0.0000074 * t2;  // eccentricity factor (47.6)
  const double m = (2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3) * deg;
  const double mp = (201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4) * deg;
  const double f = (160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4) * deg;
  const double om = (124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3) * deg;

  jde += -0.40720 * std::sin(mp) + 0.17241 * e * std::sin(m) + 0.01608 * std::sin(2 * mp) +
         0.01039 * std::sin(2 * f) + 0.00739 * e * std::sin(mp - m) - 0.00514 * e * std::sin(mp + m) +
         0.00208 * e * e * std::sin(2 * m) - 0.00111 * std::sin(mp - 2 * f) - 0.00057 * std::sin(mp + 2 * f) +
         0.00056 * e * std::sin(2 * mp + m) - 0.00042 * std::sin(3 * mp) + 0.00042 * e * std::sin(m + 2 * f) +
         0.00038 * e * std::sin(m - 2 * f) - 0.00024 * e * std::sin(2 * mp - m) - 0.00017 * std::sin(om) -
         0.00007 * std::sin(mp + 2 * m) + 0.00004 * std::sin(2 * mp - 2 * f) + 0.00004 * std::sin(3 * m) +
         0.00003 * std::sin(mp + m - 2 * f) + 0.00003 * std::sin(2 * mp + 2 * f) -
         0.00003 * std::sin(mp + m + 2 * f) + 0.00003 * std::sin(mp - m + 2 * f) -
         0.00002 * std::sin(mp - m - 2 * f) - 0.00002 * std::sin(3 * mp + m) + 0.00002 * std::sin(4 * mp);

  // Additional corrections: {amplitude (days), A₀ (°), rate (° per lunation)}.
  struct Planetary {
    double amplitude, a0, rate;
  };
  constexpr Planetary planetary[] = {
      {0.000325, 299.77, 0.107408}, {0.000165, 251.88, 0.016321}, {0.000164, 251.83, 26.651886},
      {0.000126, 349.42, 36.412478}, {0.000110, 84.66, 18.206239}, {0.000062, 141.74, 53.303771},
      {0.000060, 207.14, 2.453732},  {0.000056, 154.84, 7.306860}, {0.000047, 34.52, 27.261239},
      {0.000042, 207.19, 0.121824},  {0.000040, 291.34, 1.844379}, {0.000037, 161.72, 24.198154},
      {0.000035, 239.56, 25.513099}, {0.000023, 331.55, 3.592518},
  };
  for (std::size_t i = 0; i < std::size(planetary); ++i) {
    double a = planetary[i].a0 + planetary[i].rate * k;
    if (i == 0) a -= 0.009173 * t2;  // A1 has a secular term
    jde += planetary[i].amplitude * std::sin(a * deg);
  }
  return jde;
}

// Index k of the last mean new moon at or before `jde`. True new moons differ
// from mean ones by up to ~0.6 day, so callers step k to the exact one.
int lunation_near(double jde) {
  return static_cast<int>(std::floor((jde - 2451550.09766) / 29.530588861));
}

// --- The calendar rules (GB/T 33661-2017) ------------------------------------

struct LunarYear {
  // Beijing days of the new moons starting months 11, 12, 1, … of the span
  // from the month containing 冬至 of year−1 to the month containing 冬至 of
  // `year` (exclusive), plus one more: month i spans [start[i], start[i+1]).
  std::array<std::int32_t, 15> start{};
  int month_count = 0;  // 12 or 13
  int leap_index = -1;  // index of the leap month, −1 when none
};

LunarYear lunar_year_from_winter_solstice(int year) {
  LunarYear ly;
  const double ws_prev = solar_term_in_year(year - 1, 270.0);
  const double ws_this = solar_term_in_year(year, 270.0);
  const std::int32_t ws_prev_day = beijing_day(ws_prev);
  const std::int32_t ws_this_day = beijing_day(ws_this);

  // Month 11 starts with the last new moon on or before the 冬至 day.
  int k = lunation_near(ws_prev) + 1;
  while (beijing_day(new_moon_jde(k)) > ws_prev_day) --k;
  while (beijing_day(new_moon_jde(k + 1)) <= ws_prev_day) ++k;

  // Months of the span: up to the one containing the next 冬至 (≤ 13 + 1).
  int n = 0;
  for (;; ++n, ++k) {
    ly.start[static_cast<std::size_t>(n)] = beijing_day(new_moon_jde(k));
    if (n > 0 && ly.start[static_cast<std::size_t>(n)] > ws_this_day) break;
    if (n == 14) break;  // bounds guard: 冬至 to 冬至 never holds 14 new moons
  }
  // start[n] is the first new moon after the next 冬至 day, so months
  // 0 … n−2 form the span and month n−1 is next year's 11th month.
  ly.month_count = n - 1;

  // 置闰 only in a span of 13 months; then the first month of the span with
  // no 中气 (a multiple of 30°) is the leap month. The 中气 after 冬至 are
  // 大寒 300°, 雨水 330°, 春分 0°, …, 小雪 240°: eleven for twelve months
  // after month 11, so at least one lacks one, and only the first is leap.
  // A month without 中气 in a 12-month span is an ordinary month: in 2033 the
  // month after 七月 has none, but the span 冬至 2032 → 冬至 2033 has 12
  // months, so there is no 闰七月; the next span has 13 and its first month
  // without 中气 follows 十一月, giving 闰十一月 (2033-12-22) and 春节
  // 2034-02-19. This is the GB/T 33661-2017 rule that settled the "2033
  // problem".
  if (ly.month_count == 13) {
    std::array<std::int32_t, 11> zhongqi{};
    for (int j = 0; j < 11; ++j) {
      // All eleven fall in Gregorian `year`: 大寒 ≈ Jan 20 … 小雪 ≈ Nov 22.
      const double target = std::fmod(300.0 + 30.0 * j, 360.0);
      zhongqi[static_cast<std::size_t>(j)] = beijing_day(solar_term_in_year(year, target));
    }
    for (int i = 1; i < 13; ++i) {
      const std::int32_t lo = ly.start[static_cast<std::size_t>(i)];
      const std::int32_t hi = ly.start[static_cast<std::size_t>(i + 1)];
      bool has_zhongqi = false;
      for (std::int32_t z : zhongqi) has_zhongqi = has_zhongqi || (z >= lo && z < hi);
      if (!has_zhongqi) {
        ly.leap_index = i;
        break;
      }
    }
  }
  return ly;
}

// Index in LunarYear::start of regular (non-leap) month `number`, 1–10.
std::size_t month_index(const LunarYear& ly, int number) {
  // Index 0 is month 11; numbers advance except at the leap month.
  int current = 11;
  for (int i = 1; i <= ly.month_count; ++i) {
    if (i == ly.leap_index) continue;
    current = current % 12 + 1;
    if (current == number) return static_cast<std::size_t>(i);
  }
  return 0;  // unreachable for number in [1, 10]
}

}  // namespace

FestivalDates festival_dates(int year) {
  const LunarYear ly = lunar_year_from_winter_solstice(year);
  const Date chunjie = Date::from_days(ly.start[month_index(ly, 1)]);
  FestivalDates out;
  out.chunjie = chunjie;
  out.chuxi = chunjie - 1;
  out.qingming = Date::from_days(beijing_day(solar_term_in_year(year, 15.0)));
  out.duanwu = Date::from_days(ly.start[month_index(ly, 5)] + 4);
  out.zhongqiu = Date::from_days(ly.start[month_index(ly, 8)] + 14);
  return out;
}

}  // namespace shixian::detail
