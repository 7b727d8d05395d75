/* The 24 solar terms (节气): the instants at which the sun's apparent
 * geocentric longitude reaches a multiple of 15 degrees, in China Standard
 * Time (UTC+8).
 *
 * The sun's position is the Earth's heliocentric position from VSOP87
 * (Bretagnon and Francou 1988, series D, truncated as in Meeus,
 * Astronomical Algorithms, 2nd ed., appendix III; about 1" over these
 * centuries), turned geocentric, moved to the FK5 frame, corrected for
 * nutation in longitude (the largest terms of the IAU 1980 series) and
 * for aberration. Dynamical time is turned into universal time with the
 * Espenak-Meeus polynomials for delta T. The result is within about half
 * a minute of the published instants over 1901-2100; the few dates that
 * this leaves in doubt (an instant within a minute or two of midnight) are
 * settled by a table of exceptions that follows the official tables. */
#include "config.h"

#include <math.h>

#include <unionplan/calendar.h>

#include "solarterm-private.h"

#define PI 3.14159265358979323846
#define DEG (PI / 180.0)
#define ARCSEC (DEG / 3600.0)
#define J2000 2451545.0
#define JD_UNIX_EPOCH 2440587.5 /* 1970-01-01T00:00 UT */

struct term3 { double a, b, c; };

/* Heliocentric longitude of the Earth, units of 1e-8 radian. */
static const struct term3 L0[] = {
	{ 175347046, 0, 0 }, { 3341656, 4.6692568, 6283.0758500 },
	{ 34894, 4.62610, 12566.15170 }, { 3497, 2.7441, 5753.3849 },
	{ 3418, 2.8289, 3.5231 }, { 3136, 3.6277, 77713.7715 },
	{ 2676, 4.4181, 7860.4194 }, { 2343, 6.1352, 3930.2097 },
	{ 1324, 0.7425, 11506.7698 }, { 1273, 2.0371, 529.6910 },
	{ 1199, 1.1096, 1577.3435 }, { 990, 5.233, 5884.927 },
	{ 902, 2.045, 26.298 }, { 857, 3.508, 398.149 },
	{ 780, 1.179, 5223.694 }, { 753, 2.533, 5507.553 },
	{ 505, 4.583, 18849.228 }, { 492, 4.205, 775.523 },
	{ 357, 2.920, 0.067 }, { 317, 5.849, 11790.629 },
	{ 284, 1.899, 796.298 }, { 271, 0.315, 10977.079 },
	{ 243, 0.345, 5486.778 }, { 206, 4.806, 2544.314 },
	{ 205, 1.869, 5573.143 }, { 202, 2.458, 6069.777 },
	{ 156, 0.833, 213.299 }, { 132, 3.411, 2942.463 },
	{ 126, 1.083, 20.775 }, { 115, 0.645, 0.980 },
	{ 103, 0.636, 4694.003 }, { 102, 0.976, 15720.839 },
	{ 102, 4.267, 7.114 }, { 99, 6.21, 2146.17 },
	{ 98, 0.68, 155.42 }, { 86, 5.98, 161000.69 },
	{ 85, 1.30, 6275.96 }, { 85, 3.67, 71430.70 },
	{ 80, 1.81, 17260.15 }, { 79, 3.04, 12036.46 },
	{ 75, 1.76, 5088.63 }, { 74, 3.50, 3154.69 },
	{ 74, 4.68, 801.82 }, { 70, 0.83, 9437.76 },
	{ 62, 3.98, 8827.39 }, { 61, 1.82, 7084.90 },
	{ 57, 2.78, 6286.60 }, { 56, 4.39, 14143.50 },
	{ 56, 3.47, 6279.55 }, { 52, 0.19, 12139.55 },
	{ 52, 1.33, 1748.02 }, { 51, 0.28, 5856.48 },
	{ 49, 0.49, 1194.45 }, { 41, 5.37, 8429.24 },
	{ 41, 2.40, 19651.05 }, { 39, 6.17, 10447.39 },
	{ 37, 6.04, 10213.29 }, { 37, 2.57, 1059.38 },
	{ 36, 1.71, 2352.87 }, { 36, 1.78, 6812.77 },
	{ 33, 0.59, 17789.85 }, { 30, 0.44, 83996.85 },
	{ 30, 2.74, 1349.87 }, { 25, 3.16, 4690.48 }
};
static const struct term3 L1[] = {
	{ 628331966747.0, 0, 0 }, { 206059, 2.678235, 6283.075850 },
	{ 4303, 2.6351, 12566.1517 }, { 425, 1.590, 3.523 },
	{ 119, 5.796, 26.298 }, { 109, 2.966, 1577.344 },
	{ 93, 2.59, 18849.23 }, { 72, 1.14, 529.69 },
	{ 68, 1.87, 398.15 }, { 67, 4.41, 5507.55 },
	{ 59, 2.89, 5223.69 }, { 56, 2.17, 155.42 },
	{ 45, 0.40, 796.30 }, { 36, 0.47, 775.52 },
	{ 29, 2.65, 7.11 }, { 21, 5.34, 0.98 },
	{ 19, 1.85, 5486.78 }, { 19, 4.97, 213.30 },
	{ 17, 2.99, 6275.96 }, { 16, 0.03, 2544.31 },
	{ 16, 1.43, 2146.17 }, { 15, 1.21, 10977.08 },
	{ 12, 2.83, 1748.02 }, { 12, 3.26, 5088.63 },
	{ 12, 5.27, 1194.45 }, { 12, 2.08, 4694.00 },
	{ 11, 0.77, 553.57 }, { 10, 1.30, 6286.60 },
	{ 10, 4.24, 1349.87 }, { 9, 2.70, 242.73 },
	{ 9, 5.64, 951.72 }, { 8, 5.30, 2352.87 },
	{ 6, 2.65, 9437.76 }, { 6, 4.67, 4690.48 }
};
static const struct term3 L2[] = {
	{ 52919, 0, 0 }, { 8720, 1.0721, 6283.0758 },
	{ 309, 0.867, 12566.152 }, { 27, 0.05, 3.52 },
	{ 16, 5.19, 26.30 }, { 16, 3.68, 155.42 },
	{ 10, 0.76, 18849.23 }, { 9, 2.06, 77713.77 },
	{ 7, 0.83, 775.52 }, { 5, 4.66, 1577.34 },
	{ 4, 1.03, 7.11 }, { 4, 3.44, 5573.14 },
	{ 3, 5.14, 796.30 }, { 3, 6.05, 5507.55 },
	{ 3, 1.19, 242.73 }, { 3, 6.12, 529.69 },
	{ 3, 0.31, 398.15 }, { 3, 2.28, 553.57 },
	{ 2, 4.38, 5223.69 }, { 2, 3.75, 0.98 }
};
static const struct term3 L3[] = {
	{ 289, 5.844, 6283.076 }, { 35, 0, 0 }, { 17, 5.49, 12566.15 },
	{ 3, 5.20, 155.42 }, { 1, 4.72, 3.52 }, { 1, 5.30, 18849.23 },
	{ 1, 5.97, 242.73 }
};
static const struct term3 L4[] = {
	{ 114, 3.142, 0 }, { 8, 4.13, 6283.08 }, { 1, 3.84, 12566.15 }
};
static const struct term3 L5[] = {
	{ 1, 3.14, 0 }
};

/* Radius vector of the Earth, units of 1e-8 AU. */
static const struct term3 R0[] = {
	{ 100013989, 0, 0 }, { 1670700, 3.0984635, 6283.0758500 },
	{ 13956, 3.05525, 12566.15170 }, { 3084, 5.1985, 77713.7715 },
	{ 1628, 1.1739, 5753.3849 }, { 1576, 2.8469, 7860.4194 },
	{ 925, 5.453, 11506.770 }, { 542, 4.564, 3930.210 },
	{ 472, 3.661, 5884.927 }, { 346, 0.964, 5507.553 },
	{ 329, 5.900, 5223.694 }, { 307, 0.299, 5573.143 },
	{ 243, 4.273, 11790.629 }, { 212, 5.847, 1577.344 },
	{ 186, 5.022, 10977.079 }, { 175, 3.012, 18849.228 },
	{ 110, 5.055, 5486.778 }, { 98, 0.89, 6069.78 },
	{ 86, 5.69, 15720.84 }, { 86, 1.27, 161000.69 },
	{ 65, 0.27, 17260.15 }, { 63, 0.92, 529.69 },
	{ 57, 2.01, 83996.85 }, { 56, 5.24, 71430.70 },
	{ 49, 3.25, 2544.31 }, { 47, 2.58, 775.52 },
	{ 45, 5.54, 9437.76 }, { 43, 6.01, 6275.96 },
	{ 39, 5.36, 4694.00 }, { 38, 2.39, 8827.39 },
	{ 37, 0.83, 19651.05 }, { 37, 4.90, 12139.55 },
	{ 36, 1.67, 12036.46 }, { 35, 1.84, 2942.46 },
	{ 33, 0.24, 7084.90 }, { 32, 0.18, 5088.63 },
	{ 32, 1.78, 398.15 }, { 28, 1.21, 6286.60 },
	{ 28, 1.90, 6279.55 }, { 26, 4.59, 10447.39 }
};
static const struct term3 R1[] = {
	{ 103019, 1.107490, 6283.075850 }, { 1721, 1.0644, 12566.1517 },
	{ 702, 3.142, 0 }, { 32, 1.02, 18849.23 }, { 31, 2.84, 5507.55 },
	{ 25, 1.32, 5223.69 }, { 18, 1.42, 1577.34 }, { 10, 5.91, 10977.08 },
	{ 9, 1.42, 6275.96 }, { 9, 0.27, 5486.78 }
};
static const struct term3 R2[] = {
	{ 4359, 5.7846, 6283.0758 }, { 124, 5.579, 12566.152 }, { 12, 3.14, 0 },
	{ 9, 3.63, 77713.77 }, { 6, 1.87, 5573.14 }, { 3, 5.47, 18849.23 }
};
static const struct term3 R3[] = {
	{ 145, 4.273, 6283.076 }, { 7, 3.92, 12566.15 }
};
static const struct term3 R4[] = {
	{ 4, 2.56, 6283.08 }
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static double
series(const struct term3 *t, size_t n, double tau)
{
	double s = 0;
	size_t i;
	for (i = 0; i < n; i++)
		s += t[i].a * cos(t[i].b + t[i].c * tau);
	return s;
}

/* Nutation in longitude, arcseconds: the IAU 1980 terms above 0.003". */
struct nut { signed char d, m, mp, f, om; double s0, s1; };
static const struct nut NUT[] = {
	{ 0, 0, 0, 0, 1, -171996, -174.2 }, { -2, 0, 0, 2, 2, -13187, -1.6 },
	{ 0, 0, 0, 2, 2, -2274, -0.2 }, { 0, 0, 0, 0, 2, 2062, 0.2 },
	{ 0, 1, 0, 0, 0, 1426, -3.4 }, { 0, 0, 1, 0, 0, 712, 0.1 },
	{ -2, 1, 0, 2, 2, -517, 1.2 }, { 0, 0, 0, 2, 1, -386, -0.4 },
	{ 0, 0, 1, 2, 2, -301, 0 }, { -2, -1, 0, 2, 2, 217, -0.5 },
	{ -2, 0, 1, 0, 0, -158, 0 }, { -2, 0, 0, 2, 1, 129, 0.1 },
	{ 0, 0, -1, 2, 2, 123, 0 }, { 2, 0, 0, 0, 0, 63, 0 },
	{ 0, 0, 1, 0, 1, 63, 0.1 }, { 2, 0, -1, 2, 2, -59, 0 },
	{ 0, 0, -1, 0, 1, -58, -0.1 }, { 0, 0, 1, 2, 1, -51, 0 },
	{ -2, 0, 2, 0, 0, 48, 0 }, { 0, 0, -2, 2, 1, 46, 0 },
	{ 2, 0, 0, 2, 2, -38, 0 }
};

static double
nutation_longitude(double T)
{
	double D = (297.85036 + 445267.111480 * T - 0.0019142 * T * T + T * T * T / 189474) * DEG;
	double M = (357.52772 + 35999.050340 * T - 0.0001603 * T * T - T * T * T / 300000) * DEG;
	double Mp = (134.96298 + 477198.867398 * T + 0.0086972 * T * T + T * T * T / 56250) * DEG;
	double F = (93.27191 + 483202.017538 * T - 0.0036825 * T * T + T * T * T / 327270) * DEG;
	double Om = (125.04452 - 1934.136261 * T + 0.0020708 * T * T + T * T * T / 450000) * DEG;
	double s = 0;
	size_t i;
	for (i = 0; i < N(NUT); i++) {
		const struct nut *n = &NUT[i];
		s += (n->s0 + n->s1 * T) *
		     sin(n->d * D + n->m * M + n->mp * Mp + n->f * F + n->om * Om);
	}
	return s * 0.0001;
}

/* Apparent geocentric longitude of the sun, radians in [0, 2 pi), at the
 * Julian ephemeris day jde. */
static double
sun_longitude(double jde)
{
	double tau = (jde - J2000) / 365250.0;
	double T = tau * 10.0;
	double L, R, lon;
	L = (series(L0, N(L0), tau) +
	     tau * (series(L1, N(L1), tau) +
	     tau * (series(L2, N(L2), tau) +
	     tau * (series(L3, N(L3), tau) +
	     tau * (series(L4, N(L4), tau) +
	     tau * series(L5, N(L5), tau)))))) * 1e-8;
	R = (series(R0, N(R0), tau) +
	     tau * (series(R1, N(R1), tau) +
	     tau * (series(R2, N(R2), tau) +
	     tau * (series(R3, N(R3), tau) +
	     tau * series(R4, N(R4), tau))))) * 1e-8;
	lon = L + PI;                      /* geocentric */
	lon += -0.09033 * ARCSEC;          /* to FK5 */
	lon += nutation_longitude(T) * ARCSEC;
	lon += -20.4898 * ARCSEC / R;      /* aberration */
	lon = fmod(lon, 2 * PI);
	if (lon < 0)
		lon += 2 * PI;
	return lon;
}

/* Delta T = TT - UT in seconds for a decimal year, after the polynomials
 * of Espenak and Meeus (NASA's Five Millennium Canon of Solar Eclipses). */
static double
delta_t(double y)
{
	double t, u;
	if (y < -500 || y >= 2150) {
		u = (y - 1820) / 100;
		return -20 + 32 * u * u;
	}
	if (y < 500) {
		u = y / 100;
		return 10583.6 + u * (-1014.41 + u * (33.78311 + u * (-5.952053 +
		       u * (-0.1798452 + u * (0.022174192 + u * 0.0090316521)))));
	}
	if (y < 1600) {
		u = (y - 1000) / 100;
		return 1574.2 + u * (-556.01 + u * (71.23472 + u * (0.319781 +
		       u * (-0.8503463 + u * (-0.005050998 + u * 0.0083572073)))));
	}
	if (y < 1700) {
		t = y - 1600;
		return 120 + t * (-0.9808 + t * (-0.01532 + t / 7129));
	}
	if (y < 1800) {
		t = y - 1700;
		return 8.83 + t * (0.1603 + t * (-0.0059285 + t * (0.00013336 - t / 1174000)));
	}
	if (y < 1860) {
		t = y - 1800;
		return 13.72 + t * (-0.332447 + t * (0.0068612 + t * (0.0041116 + t * (-0.00037436 +
		       t * (0.0000121272 + t * (-0.0000001699 + t * 0.000000000875))))));
	}
	if (y < 1900) {
		t = y - 1860;
		return 7.62 + t * (0.5737 + t * (-0.251754 + t * (0.01680668 +
		       t * (-0.0004473624 + t / 233174))));
	}
	if (y < 1920) {
		t = y - 1900;
		return -2.79 + t * (1.494119 + t * (-0.0598939 + t * (0.0061966 - t * 0.000197)));
	}
	if (y < 1941) {
		t = y - 1920;
		return 21.20 + t * (0.84493 + t * (-0.076100 + t * 0.0020936));
	}
	if (y < 1961) {
		t = y - 1950;
		return 29.07 + t * (0.407 + t * (-1.0 / 233 + t / 2547));
	}
	if (y < 1986) {
		t = y - 1975;
		return 45.45 + t * (1.067 + t * (-1.0 / 260 - t / 718));
	}
	if (y < 2005) {
		t = y - 2000;
		return 63.86 + t * (0.3345 + t * (-0.060374 + t * (0.0017275 +
		       t * (0.000651814 + t * 0.00002373599))));
	}
	if (y < 2050) {
		t = y - 2000;
		return 62.92 + t * (0.32217 + t * 0.005589);
	}
	u = (y - 1820) / 100;
	return -20 + 32 * u * u - 0.5628 * (2150 - y);
}

/* The instant (Julian day, universal time) at which the sun reaches the
 * longitude of `term` nearest to `jde`, a first guess in dynamical time. */
static double
solve(double jde, int term, int year)
{
	double target = fmod(285.0 + 15.0 * term, 360.0) * DEG, diff;
	int i;
	for (i = 0; i < 20; i++) {
		diff = remainder(target - sun_longitude(jde), 2 * PI);
		jde += diff / (2 * PI) * 365.242374;
		if (fabs(diff) < 1e-9)
			break;
	}
	/* Dynamical time to universal time. */
	return jde - delta_t(year + (jde - (2451544.5 + 365.2425 * (year - 2000))) / 365.2425) / 86400.0;
}

static long
cst_days(double jd)
{
	return (long)floor(jd - JD_UNIX_EPOCH + 8.0 / 24.0);
}

double
upl__solar_term_jd(int year, int term)
{
	double deg = fmod(285.0 + 15.0 * term, 360.0);
	double guess, jd;
	upl_date d;
	int k;
	/* Mean instant: the March equinox of the year plus the mean motion. */
	guess = 2451623.80984 + 365.242374 * (year - 2000);
	guess += (deg >= 285 ? deg - 360 : deg) / 360.0 * 365.242374;
	jd = solve(guess, term, year);
	/* Far from our era the calendar and delta T move the terms by days:
	 * 小寒 of 9999 would come out in December 9998. Take the occurrence
	 * that falls in the year asked for. */
	for (k = 0; k < 2; k++) {
		if (upl_date_from_days(&d, cst_days(jd)) != 0 || d.year == year)
			break;
		guess += d.year < year ? 365.242374 : -365.242374;
		jd = solve(guess, term, year);
	}
	return jd;
}

/* Day count (since 1970-01-01) and minute of the day, China Standard Time. */
void
upl__solar_term_cst(long *days, int *minute, int year, int term)
{
	double cst = upl__solar_term_jd(year, term) - JD_UNIX_EPOCH + 8.0 / 24.0;
	double d = floor(cst);
	int m = (int)floor((cst - d) * 1440.0);
	if (m > 1439)
		m = 1439;
	*days = (long)d;
	*minute = m;
}

/* ------------------------------------------------------------------------ */
/* Public functions                                                         */

/* Instants that fall within three minutes of midnight (China Standard
 * Time) in 1901-2100: their date is taken from the official tables rather
 * than from the computation, which cannot settle them. Two of them differ
 * from the computed date (1917 大雪, computed 00:01 on 12-08; 1979 大寒,
 * computed 23:59:59 on 01-20); the others pin the computed date so that
 * rounding on another platform cannot move it. */
static const struct { short year; unsigned char term, month, day; } exceptions[] = {
	{ 1911, UPL_TERM_LIXIA, 5, 7 },
	{ 1917, UPL_TERM_XIAOMAN, 5, 21 },
	{ 1917, UPL_TERM_DAXUE, 12, 7 },
	{ 1923, UPL_TERM_YUSHUI, 2, 19 },
	{ 1948, UPL_TERM_JINGZHE, 3, 5 },
	{ 1950, UPL_TERM_GUYU, 4, 20 },
	{ 1951, UPL_TERM_DONGZHI, 12, 23 },
	{ 1979, UPL_TERM_DAHAN, 1, 21 },
	{ 1982, UPL_TERM_XIAOHAN, 1, 6 },
	{ 1984, UPL_TERM_DASHU, 7, 22 },
	{ 2008, UPL_TERM_XIAOMAN, 5, 21 },
	{ 2014, UPL_TERM_JINGZHE, 3, 6 },
	{ 2021, UPL_TERM_DONGZHI, 12, 21 },
	{ 2051, UPL_TERM_CHUNFEN, 3, 20 },
	{ 2083, UPL_TERM_LICHUN, 2, 3 },
	{ 2084, UPL_TERM_CHUNFEN, 3, 19 },
	{ 2084, UPL_TERM_MANGZHONG, 6, 5 }
};

static const char *const term_keys[UPL_SOLAR_TERM_COUNT] = {
	"xiaohan", "dahan", "lichun", "yushui", "jingzhe", "chunfen",
	"qingming", "guyu", "lixia", "xiaoman", "mangzhong", "xiazhi",
	"xiaoshu", "dashu", "liqiu", "chushu", "bailu", "qiufen",
	"hanlu", "shuangjiang", "lidong", "xiaoxue", "daxue", "dongzhi"
};

static const char *const term_names[2][UPL_SOLAR_TERM_COUNT] = {
	{ "小寒", "大寒", "立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满",
	  "芒种", "夏至", "小暑", "大暑", "立秋", "处暑", "白露", "秋分", "寒露", "霜降",
	  "立冬", "小雪", "大雪", "冬至" },
	{ "小寒", "大寒", "立春", "雨水", "驚蟄", "春分", "清明", "穀雨", "立夏", "小滿",
	  "芒種", "夏至", "小暑", "大暑", "立秋", "處暑", "白露", "秋分", "寒露", "霜降",
	  "立冬", "小雪", "大雪", "冬至" }
};

static int
term_args_ok(int year, int term)
{
	return year >= 1 && year <= 9999 && term >= 0 && term < UPL_SOLAR_TERM_COUNT;
}

int
upl_solar_term_instant(upl_date *date, int *minute, int year, int term)
{
	long days;
	int m;
	upl_date d;
	if (!term_args_ok(year, term))
		return UPL_EINVAL;
	upl__solar_term_cst(&days, &m, year, term);
	if (upl_date_from_days(&d, days) != 0)
		return UPL_EINVAL;
	if (date)
		*date = d;
	if (minute)
		*minute = m;
	return 0;
}

int
upl_solar_term_date(upl_date *out, int year, int term)
{
	size_t i;
	if (out == NULL || !term_args_ok(year, term))
		return UPL_EINVAL;
	for (i = 0; i < N(exceptions); i++) {
		if (exceptions[i].year == year && exceptions[i].term == term) {
			out->year = year;
			out->month = exceptions[i].month;
			out->day = exceptions[i].day;
			return 0;
		}
	}
	return upl_solar_term_instant(out, NULL, year, term);
}

int
upl_solar_term_on(int *term, upl_date d)
{
	int t, k;
	upl_date td;
	if (term == NULL || !upl_date_is_valid(d))
		return UPL_EINVAL;
	/* Term 2(m-1) and 2(m-1)+1 fall in month m (any year 1..9999 keeps
	 * them there to within a few days, so look at the neighbours too). */
	for (k = -2; k <= 3; k++) {
		t = 2 * (d.month - 1) + k;
		if (t < 0 || t >= UPL_SOLAR_TERM_COUNT)
			continue;
		if (upl_solar_term_date(&td, d.year, t) == 0 && upl_date_compare(td, d) == 0) {
			*term = t;
			return 0;
		}
	}
	return UPL_ENOTFOUND;
}

const char *
upl_solar_term_name(int term, int traditional)
{
	if (term < 0 || term >= UPL_SOLAR_TERM_COUNT)
		return NULL;
	return term_names[traditional != 0][term];
}

const char *
upl_solar_term_key(int term)
{
	if (term < 0 || term >= UPL_SOLAR_TERM_COUNT)
		return NULL;
	return term_keys[term];
}
