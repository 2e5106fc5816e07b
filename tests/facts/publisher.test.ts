/** The publisher's settings that the toegankelijkheidsverklaring shows: from the environment, checked, with a default. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PUBLISHER, publisherFromEnv, responseTime } from '../../src/lib/publisher/publisher';

describe('publisher settings', () => {
  it('names the demonstration publisher when nothing is set, or a variable is empty', () => {
    expect(publisherFromEnv({})).toEqual(DEFAULT_PUBLISHER);
    expect(publisherFromEnv({ PUBLISHER_EMAIL: '  ', PUBLISHER_NAME: '' })).toEqual(DEFAULT_PUBLISHER);
    expect(responseTime(DEFAULT_PUBLISHER)).toBe('binnen 5 werkdagen');
  });

  it('takes each publisher’s own address, form, name and answer time', () => {
    const publisher = publisherFromEnv({
      PUBLISHER_NAME: 'Gemeente Voorbeeld',
      PUBLISHER_EMAIL: 'digitoegankelijk@voorbeeld.nl',
      PUBLISHER_REPORT_URL: 'https://www.voorbeeld.nl/melden',
      PUBLISHER_RESPONSE_DAYS: '1',
    });
    expect(publisher).toEqual({ name: 'Gemeente Voorbeeld', email: 'digitoegankelijk@voorbeeld.nl', reportUrl: 'https://www.voorbeeld.nl/melden', responseDays: 1 });
    expect(responseTime(publisher)).toBe('binnen 1 werkdag');
  });

  it('stops the build on a value that would print a broken address, naming the variable', () => {
    expect(() => publisherFromEnv({ PUBLISHER_EMAIL: 'melden bij de balie' })).toThrow(/PUBLISHER_EMAIL/);
    expect(() => publisherFromEnv({ PUBLISHER_REPORT_URL: 'javascript:alert(1)' })).toThrow(/PUBLISHER_REPORT_URL/);
    expect(() => publisherFromEnv({ PUBLISHER_RESPONSE_DAYS: 'vijf' })).toThrow(/PUBLISHER_RESPONSE_DAYS/);
  });
});
