/** How the fact pages name regions in titles, tables and running text. */
import { regionKind } from '../regions/codes';
import type { RegionRegister } from '../regions/register';

/**
 * A region's name as running text needs it: plain ("provincie Drenthe", "jeugdregio Drenthe", "Aa en
 * Hunze") or after "in" ("in de provincie Drenthe", "in jeugdregio Drenthe", "in Aa en Hunze").
 */
export function regionName(register: RegionRegister, code: string, form: 'plain' | 'in' = 'plain'): string {
  const name = register.label(code);
  const kind = regionKind(code);
  const plain = kind === 'provincie' ? `provincie ${name}` : kind === 'jeugdregio' ? `jeugdregio ${name}` : name;
  if (form === 'plain') return plain;
  return kind === 'provincie' ? `in de ${plain}` : `in ${plain}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
