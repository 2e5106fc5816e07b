/**
 * The characteristics on which gemeenten are matched, from the dataset `kenmerken`: size and urbanity, and
 * the factors of the verdeelmodel jeugd that describe the youths and their families (share of youths,
 * single-parent households, bijstand, youths in low-income households, average income). The issue asks for
 * "the verdeelmodel factors, urbanity and size"; these are the ones the dataset holds.
 *
 * Weights: all 1. The English model (NFER 2007) weighted its characteristics by how well they predicted the
 * outcomes the neighbours are compared on. Doing the same here would choose neighbours by the very jeugdhulp
 * figures they are then compared on, and would change with every release; equal weights are transparent and
 * stable. The verdeelmodel already makes poverty count through several factors, and so it does here: three of
 * the seven characteristics are about income (bijstand, low income, average income), so income counts for
 * 3/7 of the squared distance, size and urbanity for 2/7, the make-up of the households for 2/7. Poverty is
 * the strongest known predictor of jeugdhulp use, which is the direction outcome-based weights would take.
 */
import type { KenmerkId } from '../data/kenmerken';
import type { CharacteristicSpec } from './neighbours';

/** A characteristic of the dataset kenmerken (src/lib/data/kenmerken.ts defines its measures). */
type KenmerkSpec = CharacteristicSpec & { id: KenmerkId };

export const NEIGHBOUR_CHARACTERISTICS: readonly KenmerkSpec[] = [
  // Size and urbanity span orders of magnitude: compared on a log scale (see neighbours.ts).
  { id: 'inwoners', transform: 'log', weight: 1 },
  { id: 'omgevingsadressendichtheid', transform: 'log', weight: 1 },
  { id: 'aandeel_jongeren_tot_18', transform: 'geen', weight: 1 },
  { id: 'eenoudergezinnen', transform: 'geen', weight: 1 },
  { id: 'huishoudens_bijstand', transform: 'geen', weight: 1 },
  { id: 'jongeren_laag_inkomen', transform: 'geen', weight: 1 },
  { id: 'gemiddeld_inkomen', transform: 'geen', weight: 1 },
];

/**
 * The site chooses neighbours only on at least three characteristics. On size and the share of youths alone
 * (what the CBS population tables give a build of real data without Kerncijfers wijken en buurten) the
 * neighbours would be little more than a finer size class, dressed up as a model: such a build falls back
 * to the size class and says which characteristics it has.
 */
export const MIN_SITE_CHARACTERISTICS = 3;

/**
 * The few characteristics the fact page shows beside the neighbours' names (the download has all): size,
 * urbanity and the one that says most about poverty among youths. Chosen to keep the page small.
 */
export const PAGE_CHARACTERISTICS: readonly KenmerkId[] = ['inwoners', 'omgevingsadressendichtheid', 'jongeren_laag_inkomen'];
