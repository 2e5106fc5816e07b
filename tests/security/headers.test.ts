/**
 * The Content-Security-Policy and the response headers a host should send (issue 12): public/_headers
 * agrees with src/lib/security/csp.ts, every section of the site is protected against framing by other
 * sites except the embeddable charts, and that holds whether a host lets the later rule win (Netlify) or
 * sends every matching value (Cloudflare Pages). The policy in the pages (astro.config.mjs) has no
 * directive a <meta> cannot carry. The browser side is tested in tests/e2e/csp.e2e.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { astroCspConfig, BASE_DIRECTIVES, cspHash, headerPolicy, STYLE_ATTRIBUTES } from '../../src/lib/security/csp';
import { matchesPattern, parseHeadersFile } from '../support/headers-file';

const rules = parseHeadersFile(readFileSync('public/_headers', 'utf8'));

/** The values of a header a path gets: Netlify (the last matching rule wins) or Cloudflare Pages (every matching value). */
function headerValues(pathname: string, name: string, host: 'netlify' | 'cloudflare'): string[] {
  const values = rules.filter((r) => matchesPattern(r.pattern, pathname)).flatMap((r) => r.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v));
  return host === 'netlify' ? values.slice(-1) : values;
}

describe('the response headers (public/_headers)', () => {
  it('send the policy and the hardening headers on every path', () => {
    const all = rules.find((r) => r.pattern === '/*')!;
    expect(Object.fromEntries(all.headers)).toEqual({
      'Content-Security-Policy': headerPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Permissions-Policy': expect.stringContaining('camera=()'),
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Strict-Transport-Security': expect.stringMatching(/^max-age=\d{7,}/),
    });
    expect(headerPolicy()).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(headerPolicy()).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  it('let only the site frame its pages, and any site frame the embeddable charts, on either kind of host', () => {
    // Every top-level route of the site but /embed/ has its rule.
    const sections = readdirSync('src/pages', { withFileTypes: true }).map((e) => (e.isDirectory() ? `/${e.name}/*` : e.name === 'index.astro' ? '/' : undefined));
    for (const section of sections) {
      if (section === undefined || section === '/embed/*') continue;
      const rule = rules.find((r) => r.pattern === section);
      expect(rule, `${section} ontbreekt in public/_headers`).toBeDefined();
      expect(Object.fromEntries(rule!.headers)).toEqual({ 'Content-Security-Policy': headerPolicy("'self'"), 'X-Frame-Options': 'SAMEORIGIN' });
    }
    for (const host of ['netlify', 'cloudflare'] as const) {
      for (const page of ['/', '/gemeente/amsterdam/', '/tabellen/jeugdhulp/', '/zoeken/', '/over/methoden/', '/grafieken/trechter/x.svg']) {
        const policies = headerValues(page, 'Content-Security-Policy', host);
        expect(policies.some((p) => p.endsWith("frame-ancestors 'self'")), `${host} ${page}`).toBe(true);
        expect(headerValues(page, 'X-Frame-Options', host), `${host} ${page}`).toEqual(['SAMEORIGIN']);
      }
      for (const embed of ['/embed/', '/embed/trend-nederland/', '/embed/kaart-jeugdhulp/']) {
        expect(headerValues(embed, 'Content-Security-Policy', host).join(), `${host} ${embed}`).not.toMatch(/frame-ancestors/);
        expect(headerValues(embed, 'X-Frame-Options', host), `${host} ${embed}`).toEqual([]);
        expect(headerValues(embed, 'Content-Security-Policy', host)).toEqual([headerPolicy()]);
      }
    }
  });
});

describe('the policy in the pages (experimental.csp)', () => {
  it('has only directives a <meta> can carry, and no inline script or foreign source', () => {
    const config = astroCspConfig();
    for (const directive of config.directives) {
      expect(directive).not.toMatch(/^(frame-ancestors|report-uri|report-to|sandbox)\b/);
      expect(directive).not.toMatch(/\*|https?:|data:|'unsafe-inline'|'unsafe-eval'/);
    }
    expect(config.directives).toEqual([...BASE_DIRECTIVES]);
    expect(config.scriptDirective.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(config.styleDirective.resources).toEqual(["'self'", "'unsafe-hashes'"]);
  });

  it('allows the style attributes of the pages by their SHA-256 hash', () => {
    // The web-platform-tests example: 'background: green'.
    expect(cspHash('background: green')).toBe('sha256-S0VSqEOmzmyOifPfat2sJ7ELOgkldAEbaXlvi5iMqjc=');
    expect(astroCspConfig().styleDirective.hashes).toEqual(STYLE_ATTRIBUTES.map(cspHash));
    expect(STYLE_ATTRIBUTES).toContain('font-size:12px;overflow:visible');
  });
});
