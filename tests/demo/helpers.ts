/** The real register and the default demonstration data, made once per test file. */
import { generateDemo, type DemoData, type DemoOptions } from '../../src/lib/demo/generate';
import type { FormerPopulation } from '../../src/lib/demo/population';
import type { RegionRegister } from '../../src/lib/regions/register';
import { readFormerPopulation } from '../../src/node/demo-fs';
import { loadRegister } from '../../src/node/reference-fs';

export function register(): RegionRegister {
  return loadRegister();
}

let former: FormerPopulation[] | undefined;
export function formerPopulation(): FormerPopulation[] {
  return (former ??= readFormerPopulation());
}

let full: DemoData | undefined;
/** The default data, as `npm run data:demo` makes it (about two seconds). */
export function defaultDemo(): DemoData {
  return (full ??= generateDemo(register(), formerPopulation()));
}

export function demo(options: DemoOptions): DemoData {
  return generateDemo(register(), formerPopulation(), options);
}
