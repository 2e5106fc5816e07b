/**
 * The average duration of ended trajecten, as CBS publishes it (85097NED "Gemiddelde duur", in days): one
 * description for the demonstration table and the profile of the real one. An average is no count: disclosure
 * control leaves it alone (disclosure/policy.ts), and a fact page gives it no verdict (facts/outcome.ts).
 */
import type { z } from 'zod';
import type { MeasureSchema } from '../../schemas/dataset';

export const AVERAGE_DURATION = {
  id: 'gemiddelde_duur',
  label: 'Gemiddelde duur van de beëindigde trajecten',
  shortLabel: 'Gemiddelde duur',
  unit: 'dagen',
  decimals: 0,
  countOf: 'trajecten',
  type: 'aantal',
  concept: 'einde-gemiddelde-duur',
  definition: 'De gemiddelde duur in dagen van de trajecten die in de verslagperiode eindigden, van de startdatum tot de einddatum.',
} as const satisfies z.input<typeof MeasureSchema>;
