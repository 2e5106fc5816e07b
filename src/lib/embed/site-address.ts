/**
 * The site's public address (SITE_URL), which embed codes, citations and the source line of a downloaded
 * chart carry. Astro needs some absolute `site` to build pages, so without SITE_URL it gets a placeholder;
 * readers never see that placeholder: where no address is configured those texts show the path on the site
 * ("/embed/trend-nederland/"), which the page's script completes with the address it was opened at.
 * Pure; astro.config.mjs reads the environment through astroSite.
 */

/** What Astro gets as `site` without SITE_URL. Only for Astro's own needs: {@link publicAddress} never shows it. */
export const PLACEHOLDER_SITE = 'https://jeugdzorgcijfers.example.nl';

export const SITE_ADDRESS_WARNING =
  'SITE_URL is niet ingesteld: insluitcodes, bronvermeldingen en de bronregel van gedownloade grafieken tonen ' +
  'alleen het pad op de site (bijvoorbeeld /embed/trend-nederland/). Zet vóór een build voor publicatie ' +
  'SITE_URL=https://uw-adres.nl (zie de README).';

/** The configured address (SITE_URL, http or https), without a trailing slash; undefined when not set. */
export function configuredSite(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const raw = env.SITE_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL "${raw}" is geen webadres: gebruik bijvoorbeeld https://jeugdzorgcijfers.nl`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL "${raw}" moet met https:// of http:// beginnen`);
  return url.href.replace(/\/$/, '');
}

/** Astro's `site`: the configured address, or the placeholder. */
export function astroSite(env: Readonly<Record<string, string | undefined>>): string {
  return configuredSite(env) ?? PLACEHOLDER_SITE;
}

/** Whether Astro's `site` is a real address rather than the placeholder. */
export function isConfiguredSite(site: URL | string | undefined): boolean {
  if (site === undefined) return false;
  return new URL(site.toString()).origin !== new URL(PLACEHOLDER_SITE).origin;
}

export interface PublicAddress {
  /** The full address with a configured site; the path otherwise. */
  href: string;
  absolute: boolean;
  path: string;
}

/** The address of a path on the site as readers may copy it: absolute only when the site's address is known. */
export function publicAddress(path: string, site: URL | string | undefined): PublicAddress {
  if (!path.startsWith('/')) throw new Error(`pad "${path}" moet met / beginnen`);
  return isConfiguredSite(site) ? { href: new URL(path, site).href, absolute: true, path } : { href: path, absolute: false, path };
}
