/**
 * The date the site is built, ISO. Upcoming releases are counted from it (a site built from old data must
 * not announce a "next" release that already passed). BUILD_DATE fixes it for reproducible builds and tests.
 */
export function buildDate(): string {
  return process.env.BUILD_DATE ?? new Date().toISOString().slice(0, 10);
}

/** Counting upcoming things from the later of two dates. */
export function laterDate(a: string, b: string): string {
  return a > b ? a : b;
}
