/** The fact pages' context of the default data in data/ (the demonstration data), loaded once per test file. */
import { beforeAll } from 'vitest';
import { getFactsContext, type FactsContext } from '../../src/lib/facts/context';
import { getSiteData } from '../../src/node/site-data';

export function useDefaultFacts(): { readonly context: FactsContext } {
  let context: FactsContext | undefined;
  beforeAll(async () => {
    context = getFactsContext(await getSiteData());
  }, 60_000);
  return {
    get context() {
      if (!context) throw new Error('de standaardgegevens zijn nog niet geladen');
      return context;
    },
  };
}
