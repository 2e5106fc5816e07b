/** The Poisson regression against R's own published example, and its cross-validation on data with a known answer. */
import { describe, expect, it } from 'vitest';
import { crossValidatePoisson, fitPoisson, poissonDeviance } from '../../src/lib/expected/poisson';
import { mulberry32 } from '../../src/lib/demo/random';

describe('Poisson regression by IRLS', () => {
  // Dobson (1990), p. 93, the example of R's ?glm: counts ~ outcome + treatment, treatment contrasts.
  const counts = [18, 17, 15, 20, 10, 20, 25, 13, 12];
  const outcome = [1, 2, 3, 1, 2, 3, 1, 2, 3];
  const treatment = [1, 1, 1, 2, 2, 2, 3, 3, 3];
  const x = counts.map((_, i) => [outcome[i] === 2 ? 1 : 0, outcome[i] === 3 ? 1 : 0, treatment[i] === 2 ? 1 : 0, treatment[i] === 3 ? 1 : 0]);

  it('gives the coefficients, standard errors and deviances that R prints for glm(counts ~ outcome + treatment, family = poisson())', () => {
    const fit = fitPoisson({ y: counts, x })!;
    // R: 3.045e+00 -4.543e-01 -2.930e-01 1.338e-15 1.421e-15
    expect(fit.coefficients[0]).toBeCloseTo(3.0445, 4);
    expect(fit.coefficients[1]).toBeCloseTo(-0.4543, 4);
    expect(fit.coefficients[2]).toBeCloseTo(-0.293, 4);
    expect(fit.coefficients[3]).toBeCloseTo(0, 8);
    expect(fit.coefficients[4]).toBeCloseTo(0, 8);
    // R: Std. Error 1.709e-01 2.022e-01 1.927e-01 2.000e-01 2.000e-01
    expect(fit.standardErrors.map((s) => Number(s.toFixed(4)))).toEqual([0.1709, 0.2022, 0.1927, 0.2, 0.2]);
    // "Null deviance: 10.5814 on 8 degrees of freedom; Residual deviance: 5.1291 on 4 degrees of freedom"
    expect(fit.nullDeviance).toBeCloseTo(10.5814, 4);
    expect(fit.nullDf).toBe(8);
    expect(fit.deviance).toBeCloseTo(5.1291, 4);
    expect(fit.residualDf).toBe(4);
    // summary(glm(..., family = quasipoisson())): "Dispersion parameter for quasipoisson family taken to be 1.2933"
    expect(fit.dispersion).toBeCloseTo(1.2933, 4);
  });

  it('uses the offset as R does: a rate per exposure, and the null model with the same offset', () => {
    // Counts exactly proportional to exposure: the rate 0.02 is found and the deviance is 0.
    const exposure = [1000, 2500, 400, 8000, 1200];
    const fit = fitPoisson({ y: exposure.map((e) => e * 0.02), x: exposure.map(() => []), offset: exposure.map(Math.log) })!;
    expect(Math.exp(fit.coefficients[0]!)).toBeCloseTo(0.02, 10);
    expect(fit.deviance).toBeCloseTo(0, 8);
    expect(fit.nullDeviance).toBeCloseTo(0, 8);
  });

  it('refuses collinear covariates instead of returning nonsense', () => {
    expect(fitPoisson({ y: counts, x: x.map((r) => [r[0]!, 2 * r[0]!]) })).toBeUndefined();
  });
});

describe('cross-validation', () => {
  // Units whose rate truly depends on one covariate, with Poisson-sized noise from a seeded generator.
  const random = mulberry32(13);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const n = 200;
  const covariate = Array.from({ length: n }, () => normal());
  const exposure = Array.from({ length: n }, () => 2000 + Math.floor(random() * 5000));
  const noise = Array.from({ length: n }, () => normal());
  const y = covariate.map((c, i) => Math.max(0, Math.round(exposure[i]! * 0.1 * Math.exp(0.4 * c) + noise[i]! * Math.sqrt(exposure[i]! * 0.1))));

  it('finds a covariate that explains most of the differences, out of sample', () => {
    const cv = crossValidatePoisson({ y, x: covariate.map((c) => [c]), offset: exposure.map(Math.log) })!;
    expect(cv.folds).toBe(5);
    expect(cv.explained).toBeGreaterThan(0.9);
  });

  it('says a covariate of pure noise explains nothing (at most a little by chance, or less than nothing)', () => {
    const flat = exposure.map((e, i) => Math.round(e * 0.1 + noise[i]! * Math.sqrt(e * 0.1)));
    const cv = crossValidatePoisson({ y: flat, x: covariate.map((c) => [c]), offset: exposure.map(Math.log) })!;
    expect(cv.explained).toBeLessThan(0.05);
    // In sample the same covariate always "explains" something: why the site cross-validates.
    const fit = fitPoisson({ y: flat, x: covariate.map((c) => [c]), offset: exposure.map(Math.log) })!;
    expect(1 - fit.deviance / fit.nullDeviance).toBeGreaterThan(cv.explained);
    expect(poissonDeviance(flat, fit.fitted)).toBeCloseTo(fit.deviance, 8);
  });
});
