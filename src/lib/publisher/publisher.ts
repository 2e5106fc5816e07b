/**
 * Who publishes this site, for what a reader needs from the publisher: where to report a problem with the site
 * (the toegankelijkheidsverklaring) and how soon they hear back. Each publisher sets it at build time in
 * environment variables; without them the site names the demonstration publisher below.
 *
 *   PUBLISHER_NAME           "Gemeente Voorbeeld" (default: Jeugdzorg in cijfers)
 *   PUBLISHER_EMAIL          where problems are reported (default: toegankelijkheid@jeugdzorgcijfers.example.nl)
 *   PUBLISHER_REPORT_URL     optional: a web form for the same (http or https)
 *   PUBLISHER_RESPONSE_DAYS  working days within which the publisher answers (default: 5)
 */
import { z } from 'zod';

export interface Publisher {
  name: string;
  email: string;
  reportUrl: string | undefined;
  responseDays: number;
}

export const DEFAULT_PUBLISHER: Publisher = {
  name: 'Jeugdzorg in cijfers',
  email: 'toegankelijkheid@jeugdzorgcijfers.example.nl',
  reportUrl: undefined,
  responseDays: 5,
};

const ENV = {
  name: 'PUBLISHER_NAME',
  email: 'PUBLISHER_EMAIL',
  reportUrl: 'PUBLISHER_REPORT_URL',
  responseDays: 'PUBLISHER_RESPONSE_DAYS',
} as const;

const FIELDS = {
  name: z.string().min(1).max(200),
  email: z.string().email(),
  reportUrl: z.string().url().refine((u) => /^https?:\/\//i.test(u), 'alleen http of https'),
  responseDays: z.coerce.number().int().min(1).max(60),
};

/**
 * The publisher from the environment, each variable checked on its own; an unset or empty one keeps the
 * default. A wrong value stops the build with the variable's name rather than print a broken address.
 */
export function publisherFromEnv(env: Record<string, string | undefined>): Publisher {
  const out: Publisher = { ...DEFAULT_PUBLISHER };
  for (const key of Object.keys(ENV) as Array<keyof typeof ENV>) {
    const raw = env[ENV[key]]?.trim();
    if (!raw) continue;
    const parsed = FIELDS[key].safeParse(raw);
    if (!parsed.success) throw new Error(`${ENV[key]}="${raw}" is geen geldige waarde: ${parsed.error.issues[0]?.message ?? 'ongeldig'}`);
    (out as unknown as Record<string, unknown>)[key] = parsed.data;
  }
  return out;
}

/** "binnen 5 werkdagen", "binnen 1 werkdag". */
export function responseTime(publisher: Pick<Publisher, 'responseDays'>): string {
  return `binnen ${publisher.responseDays} ${publisher.responseDays === 1 ? 'werkdag' : 'werkdagen'}`;
}
