/**
 * Poisson regression with a log link and an offset, fitted by iteratively reweighted least squares (IRLS), as
 * R's glm(family = poisson()) fits it, and k-fold cross-validation of its fit. No npm package fits a GLM with
 * an offset and reports deviances (the regression packages on npm do least squares), and the algorithm is
 * short: each step solves the weighted least-squares normal equations X'WX b = X'Wz by Cholesky.
 *
 * Overdispersion: counts of jongeren per gemeente vary more than a Poisson model allows (how a gemeente
 * organises its care is not among the characteristics). The fit reports the quasi-Poisson dispersion
 * φ = Pearson χ² / residual df (McCullagh & Nelder 1989, §6.2), which the callers use to widen intervals by √φ;
 * the coefficients are those of the Poisson fit, as in R's quasipoisson(). Pure.
 */

export interface PoissonData {
  /** The counts, one per unit. */
  y: readonly number[];
  /** The covariates of each unit, without the intercept (the fit adds it); all rows the same length. */
  x: readonly (readonly number[])[];
  /** ln of each unit's exposure (its population); 0 for none. */
  offset?: readonly number[];
  /** Coefficients to start from (a fit on most of the same units: cross-validation); else R's start, μ = y + 0.1. */
  start?: readonly number[];
}

export interface PoissonFit {
  /** Intercept first, then one per covariate. */
  coefficients: number[];
  /** Standard errors of the coefficients under the Poisson model (multiply by √dispersion for quasi-Poisson). */
  standardErrors: number[];
  /** The fitted means. */
  fitted: number[];
  deviance: number;
  /** The deviance of the intercept-only model with the same offset (R: null.deviance). */
  nullDeviance: number;
  residualDf: number;
  nullDf: number;
  /** Pearson χ² / residual df: 1 when the counts vary as much as a Poisson count does. */
  dispersion: number;
  iterations: number;
}

/** The Poisson deviance contribution of one count against its mean: 2[y ln(y/μ) − (y − μ)]. */
export function unitDeviance(y: number, mu: number): number {
  return 2 * ((y > 0 ? y * Math.log(y / mu) : 0) - (y - mu));
}

export function poissonDeviance(y: readonly number[], mu: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += unitDeviance(y[i]!, mu[i]!);
  return sum;
}

/** Solves A b = r for a symmetric positive definite A (Cholesky); undefined when A is singular. */
export function solveSymmetric(a: readonly (readonly number[])[], r: readonly number[]): { solution: number[]; inverseDiagonal: number[] } | undefined {
  const n = r.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(sum > 1e-12 * Math.max(1, Math.abs(a[i]![i]!)))) return undefined;
        l[i]![i] = Math.sqrt(sum);
      } else l[i]![j] = sum / l[j]![j]!;
    }
  }
  const forward = (b: readonly number[]) => {
    const z = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let sum = b[i]!;
      for (let k = 0; k < i; k++) sum -= l[i]![k]! * z[k]!;
      z[i] = sum / l[i]![i]!;
    }
    return z;
  };
  const backward = (z: readonly number[]) => {
    const x = new Array<number>(n).fill(0);
    for (let i = n - 1; i >= 0; i--) {
      let sum = z[i]!;
      for (let k = i + 1; k < n; k++) sum -= l[k]![i]! * x[k]!;
      x[i] = sum / l[i]![i]!;
    }
    return x;
  };
  const solution = backward(forward(r));
  // The diagonal of A⁻¹ (the variances of the coefficients): column by column.
  const inverseDiagonal = Array.from({ length: n }, (_, j) => backward(forward(Array.from({ length: n }, (_, i) => (i === j ? 1 : 0))))[j]!);
  return { solution, inverseDiagonal };
}

const MAX_ITERATIONS = 50;
/** R's glm.control: stop when |Δdeviance| / (|deviance| + 0.1) < 1e-8. */
const TOLERANCE = 1e-8;

/** The design matrix, row by row in one flat array: 1 for the intercept, then the covariates of the unit. */
function designOf(x: readonly (readonly number[])[], p: number): Float64Array {
  const design = new Float64Array(x.length * p);
  x.forEach((row, i) => {
    design[i * p] = 1;
    for (let j = 1; j < p; j++) design[i * p + j] = row[j - 1]!;
  });
  return design;
}

function meansOf(design: Float64Array, p: number, coefficients: readonly number[], offset: readonly number[]): number[] {
  const n = design.length / p;
  const mu = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let eta = offset[i]!;
    for (let j = 0; j < p; j++) eta += design[i * p + j]! * coefficients[j]!;
    mu[i] = Math.exp(eta);
  }
  return mu;
}

/** The means of units under coefficients b: exp(offset + x·b). */
export function predictPoisson(coefficients: readonly number[], x: readonly (readonly number[])[], offset?: readonly number[]): number[] {
  const p = coefficients.length;
  return meansOf(designOf(x, p), p, coefficients, offset ?? new Array<number>(x.length).fill(0));
}

/** Fits the Poisson regression; undefined when the covariates are collinear or the fit does not converge. */
export function fitPoisson(data: PoissonData): PoissonFit | undefined {
  const { y } = data;
  const n = y.length;
  const offset = data.offset ?? new Array<number>(n).fill(0);
  const p = (data.x[0]?.length ?? 0) + 1;
  if (n <= p) return undefined;
  const design = designOf(data.x, p);
  // Start as R does, μ = y + 0.1, or from given coefficients.
  let mu = data.start ? meansOf(design, p, data.start, offset) : y.map((v) => v + 0.1);
  let deviance = poissonDeviance(y, mu);
  let coefficients = new Array<number>(p).fill(0);
  let inverseDiagonal = new Array<number>(p).fill(NaN);
  let iterations = 0;
  for (; iterations < MAX_ITERATIONS; iterations++) {
    // Working response z = η − offset + (y − μ)/μ, weights w = μ.
    const xtwx = new Float64Array(p * p);
    const xtwz = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const w = mu[i]!;
      const wz = w * (Math.log(w) - offset[i]!) + (y[i]! - w);
      const row = i * p;
      for (let j = 0; j < p; j++) {
        const dj = design[row + j]!;
        xtwz[j] = xtwz[j]! + dj * wz;
        for (let k = 0; k <= j; k++) xtwx[j * p + k] = xtwx[j * p + k]! + dj * w * design[row + k]!;
      }
    }
    const solved = solveSymmetric(
      Array.from({ length: p }, (_, j) => Array.from({ length: p }, (_, k) => (k <= j ? xtwx[j * p + k]! : xtwx[k * p + j]!))),
      [...xtwz],
    );
    if (!solved) return undefined;
    coefficients = solved.solution;
    inverseDiagonal = solved.inverseDiagonal;
    mu = meansOf(design, p, coefficients, offset);
    const next = poissonDeviance(y, mu);
    const converged = Math.abs(next - deviance) / (Math.abs(next) + 0.1) < TOLERANCE;
    deviance = next;
    if (converged) break;
  }
  if (iterations === MAX_ITERATIONS || !Number.isFinite(deviance)) return undefined;
  // The intercept-only model with the same offset: μ = e^offset · Σy / Σe^offset.
  const exposure = offset.map((o) => Math.exp(o));
  const scale = y.reduce((a, b) => a + b, 0) / exposure.reduce((a, b) => a + b, 0);
  const nullDeviance = poissonDeviance(y, exposure.map((e) => e * scale));
  const residualDf = n - p;
  const pearson = y.reduce((sum, v, i) => sum + (v - mu[i]!) ** 2 / mu[i]!, 0);
  return {
    coefficients,
    standardErrors: inverseDiagonal.map((v) => Math.sqrt(v)),
    fitted: mu,
    deviance,
    nullDeviance,
    residualDf,
    nullDf: n - 1,
    dispersion: pearson / residualDf,
    iterations: iterations + 1,
  };
}

export interface CrossValidation {
  folds: number;
  /**
   * The share of the deviance of the held-out units that the model explains, against the intercept-only model
   * fitted on the same training units (the national rate): 1 − ΣD(model) / ΣD(national rate), out of sample.
   * Can be below 0 when the model predicts worse than the national rate.
   */
  explained: number;
}

/**
 * k-fold cross-validation: unit i is held out in fold i mod k (the caller orders the units, by code, so that
 * each build splits them the same way); each fold is predicted by the model fitted on the others. Undefined
 * when a fold's fit fails.
 */
export function crossValidatePoisson(data: PoissonData, folds = 5): CrossValidation | undefined {
  const n = data.y.length;
  // Each fold starts from the fit on all units: the same optimum, reached in fewer steps.
  const start = data.start ?? fitPoisson(data)?.coefficients;
  const offset = data.offset ?? new Array<number>(n).fill(0);
  let modelDeviance = 0;
  let nullDeviance = 0;
  for (let f = 0; f < folds; f++) {
    const train = [...Array(n).keys()].filter((i) => i % folds !== f);
    const test = [...Array(n).keys()].filter((i) => i % folds === f);
    if (test.length === 0) continue;
    const pick = <T,>(values: readonly T[], at: readonly number[]) => at.map((i) => values[i]!);
    const fit = fitPoisson({ y: pick(data.y, train), x: pick(data.x, train), offset: pick(offset, train), ...(start ? { start } : {}) });
    if (!fit) return undefined;
    const yTest = pick(data.y, test);
    const oTest = pick(offset, test);
    const predicted = predictPoisson(fit.coefficients, pick(data.x, test), oTest);
    const rate = pick(data.y, train).reduce((a, b) => a + b, 0) / pick(offset, train).reduce((a, b) => a + Math.exp(b), 0);
    modelDeviance += poissonDeviance(yTest, predicted);
    nullDeviance += poissonDeviance(yTest, oTest.map((o) => Math.exp(o) * rate));
  }
  return { folds, explained: nullDeviance > 0 ? 1 - modelDeviance / nullDeviance : 0 };
}
