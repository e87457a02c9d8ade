/**
 * The seasonal ARIMA(p,d,q)(P,D,Q)ₘ model itself: its polynomials, the one-step errors of the differenced series
 * (conditional on the first values, as conditional sum of squares fits it), point forecasts by the recursions
 * and the ψ-weights its prediction intervals come from. Coefficients are kept stationary and invertible by
 * building them from partial autocorrelations in (−1, 1) (Durbin–Levinson), so any point of that box is a valid
 * model — the optimiser never sees an inadmissible one.
 */

export interface ArimaOrder {
  p: number;
  d: number;
  q: number;
  seasonalP: number;
  seasonalD: number;
  seasonalQ: number;
  /** The seasonal period m (1 without a season). */
  period: number;
}

export interface ArimaCoefficients {
  /** φ₁…φₚ of 1 − φ₁B − … − φₚBᵖ. */
  ar: number[];
  /** θ₁…θ_q of 1 + θ₁B + … + θ_qB^q. */
  ma: number[];
  /** Φ₁…Φ_P of 1 − Φ₁Bᵐ − …. */
  seasonalAr: number[];
  /** Θ₁…Θ_Q of 1 + Θ₁Bᵐ + …. */
  seasonalMa: number[];
  /** The mean of the differenced series (a drift when d + D = 1), 0 without one. */
  mean: number;
}

/**
 * The coefficients φ₁…φₖ of a stationary AR(k) polynomial 1 − φ₁B − … − φₖBᵏ whose partial autocorrelations are
 * `partials` (each in (−1, 1)), by the Durbin–Levinson recursion. Negated, they are the coefficients of an
 * invertible MA polynomial 1 + θ₁B + ….
 */
export function coefficientsFromPartials(partials: readonly number[]): number[] {
  const coefficients: number[] = [];
  for (let k = 0; k < partials.length; k += 1) {
    const partial = partials[k] as number;
    const previous = coefficients.slice();
    for (let j = 0; j < k; j += 1)
      coefficients[j] = (previous[j] as number) - partial * (previous[k - 1 - j] as number);
    coefficients[k] = partial;
  }
  return coefficients;
}

/** The product of two polynomials in B, each given by its coefficients from B⁰ up. */
export function multiplyPolynomials(left: readonly number[], right: readonly number[]): number[] {
  const product = new Array<number>(left.length + right.length - 1).fill(0);
  left.forEach((a, i) => {
    right.forEach((b, j) => {
      product[i + j] = (product[i + j] as number) + a * b;
    });
  });
  return product;
}

/** 1 + sign·c₁Bˢ + sign·c₂B²ˢ + …: a polynomial in B from coefficients at every `spacing`-th power. */
function spacedPolynomial(coefficients: readonly number[], sign: number, spacing: number): number[] {
  const polynomial = new Array<number>(coefficients.length * spacing + 1).fill(0);
  polynomial[0] = 1;
  coefficients.forEach((c, i) => {
    polynomial[(i + 1) * spacing] = sign * c;
  });
  return polynomial;
}

/** The stationary AR polynomial φ(B)Φ(Bᵐ) and the MA polynomial θ(B)Θ(Bᵐ), from B⁰ up. */
export function armaPolynomials(
  coefficients: ArimaCoefficients,
  period: number,
): { ar: number[]; ma: number[] } {
  return {
    ar: multiplyPolynomials(
      spacedPolynomial(coefficients.ar, -1, 1),
      spacedPolynomial(coefficients.seasonalAr, -1, period),
    ),
    ma: multiplyPolynomials(
      spacedPolynomial(coefficients.ma, 1, 1),
      spacedPolynomial(coefficients.seasonalMa, 1, period),
    ),
  };
}

/** (1 − B)ᵈ(1 − Bᵐ)ᴰ, from B⁰ up. */
export function differencingPolynomial(order: ArimaOrder): number[] {
  let polynomial = [1];
  for (let i = 0; i < order.d; i += 1) polynomial = multiplyPolynomials(polynomial, [1, -1]);
  for (let i = 0; i < order.seasonalD; i += 1)
    polynomial = multiplyPolynomials(polynomial, spacedPolynomial([1], -1, order.period));
  return polynomial;
}

/** The series differenced d times at lag 1 and D times at lag m; it is shorter by d + D·m. */
export function difference(series: readonly number[], order: ArimaOrder): number[] {
  let values = series.slice();
  for (let i = 0; i < order.seasonalD; i += 1)
    values = values.slice(order.period).map((value, t) => value - (values[t] as number));
  for (let i = 0; i < order.d; i += 1)
    values = values.slice(1).map((value, t) => value - (values[t] as number));
  return values;
}

/** The non-zero terms of a polynomial beyond B⁰, as lags and the coefficients the recursions use. */
interface Terms {
  lags: Int32Array;
  weights: Float64Array;
}

function termsOf(polynomial: readonly number[], sign: number): Terms {
  const lags: number[] = [];
  const weights: number[] = [];
  for (let lag = 1; lag < polynomial.length; lag += 1) {
    const value = polynomial[lag] as number;
    if (value !== 0) {
      lags.push(lag);
      weights.push(sign * value);
    }
  }
  return { lags: Int32Array.from(lags), weights: Float64Array.from(weights) };
}

/**
 * The one-step errors eₜ of the ARMA model for the differenced series `differenced`, written into `errors`
 * (same length); the first `conditioning` are taken as 0 and the rest follow from
 * eₜ = zₜ − Σ aᵢzₜ₋ᵢ − Σ bⱼeₜ₋ⱼ with zₜ = wₜ − mean. Returns their sum of squares.
 */
export function conditionalErrors(
  differenced: Float64Array,
  coefficients: ArimaCoefficients,
  period: number,
  conditioning: number,
  errors: Float64Array,
): number {
  const { ar, ma } = armaPolynomials(coefficients, period);
  const arTerms = termsOf(ar, -1);
  const maTerms = termsOf(ma, 1);
  const mean = coefficients.mean;
  let sumOfSquares = 0;
  errors.fill(0, 0, Math.min(conditioning, errors.length));
  for (let t = conditioning; t < differenced.length; t += 1) {
    let error = (differenced[t] as number) - mean;
    for (let i = 0; i < arTerms.lags.length; i += 1)
      error -=
        (arTerms.weights[i] as number) * ((differenced[t - (arTerms.lags[i] as number)] as number) - mean);
    for (let j = 0; j < maTerms.lags.length; j += 1) {
      const lag = t - (maTerms.lags[j] as number);
      if (lag >= 0) error -= (maTerms.weights[j] as number) * (errors[lag] as number);
    }
    errors[t] = error;
    sumOfSquares += error * error;
  }
  return sumOfSquares;
}

/**
 * Point forecasts of the undifferenced series for the next `horizon` periods: φ(B)Φ(Bᵐ)(1 − B)ᵈ(1 − Bᵐ)ᴰ xₜ =
 * φ(1)Φ(1)·mean + θ(B)Θ(Bᵐ) eₜ, run forward with future errors 0. `errors` are the fitted one-step errors aligned
 * with `series` (0 where there are none).
 */
export function pointForecasts(
  series: readonly number[],
  errors: readonly number[],
  order: ArimaOrder,
  coefficients: ArimaCoefficients,
  horizon: number,
): number[] {
  const { ar, ma } = armaPolynomials(coefficients, order.period);
  const constant = ar.reduce((sum, value) => sum + value, 0) * coefficients.mean;
  const full = multiplyPolynomials(ar, differencingPolynomial(order));
  const values = series.slice();
  const shocks = errors.slice();
  const n = series.length;
  for (let h = 0; h < horizon; h += 1) {
    const t = n + h;
    let value = constant;
    for (let i = 1; i < full.length; i += 1) value -= (full[i] as number) * (values[t - i] ?? 0);
    for (let j = 1; j < ma.length; j += 1) value += (ma[j] as number) * (shocks[t - j] ?? 0);
    values.push(value);
    shocks.push(0);
  }
  return values.slice(n);
}

/** The first `count` ψ-weights of the model with differencing: the MA(∞) form xₜ = Σ ψⱼ eₜ₋ⱼ, ψ₀ = 1. */
export function psiWeights(order: ArimaOrder, coefficients: ArimaCoefficients, count: number): number[] {
  const { ar, ma } = armaPolynomials(coefficients, order.period);
  const full = multiplyPolynomials(ar, differencingPolynomial(order));
  const psi: number[] = [];
  for (let j = 0; j < count; j += 1) {
    let value = j === 0 ? 1 : ((ma[j] as number | undefined) ?? 0);
    for (let i = 1; i < Math.min(j, full.length - 1) + 1; i += 1)
      value -= (full[i] as number) * (psi[j - i] as number);
    psi.push(value);
  }
  return psi;
}
