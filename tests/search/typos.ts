/** The typos of issue 11 that found nothing (or the word "u"), and the page each must lead to first. */
export const ISSUE_TYPOS: ReadonlyArray<readonly [typo: string, page: string]> = [
  ['Amsterdm', '/gemeente/amsterdam/'],
  ['Rotterdm', '/gemeente/rotterdam/'],
  ['Groningn', '/gemeente/groningen/'],
  ['Apeldorn', '/gemeente/apeldoorn/'],
  ['Utrect', '/gemeente/utrecht/'],
];
