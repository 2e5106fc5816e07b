import { z, type ZodError, type ZodIssue, type ZodTypeAny } from 'zod';
import { DataError } from './errors';

/** Dutch messages for the common schema failures; the rest keep zod's own text. */
export const dutchErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined'
        ? { message: `verplicht veld ontbreekt (verwacht ${typeName(issue.expected)})` }
        : { message: `verwacht ${typeName(issue.expected)}, gevonden ${typeName(issue.received)}` };
    case 'invalid_enum_value':
      return { message: `verwacht een van: ${issue.options.map((o) => `"${String(o)}"`).join(', ')}` };
    case 'too_small':
      return { message: issue.type === 'array' ? `verwacht minstens ${String(issue.minimum)} ${Number(issue.minimum) === 1 ? 'element' : 'elementen'}` : issue.type === 'string' ? 'mag niet leeg zijn' : `verwacht minstens ${String(issue.minimum)}` };
    case 'too_big':
      if (issue.type === 'string') {
        const length = typeof ctx.data === 'string' ? `; deze heeft er ${ctx.data.length.toLocaleString('nl-NL')}` : '';
        return { message: `een tekst van hoogstens ${Number(issue.maximum).toLocaleString('nl-NL')} tekens${length}` };
      }
      return { message: `verwacht hoogstens ${String(issue.maximum)}` };
    case 'unrecognized_keys':
      return { message: `onbekende velden: ${issue.keys.join(', ')}` };
    case 'invalid_union':
      return { message: 'past bij geen van de toegestane vormen' };
    default:
      return { message: ctx.defaultError };
  }
};

function typeName(type: string): string {
  const names: Record<string, string> = {
    string: 'tekst',
    number: 'een getal',
    integer: 'een geheel getal',
    boolean: 'true of false',
    object: 'een object',
    array: 'een lijst',
    undefined: 'niets',
    null: 'null',
  };
  return names[type] ?? type;
}

/** Validates with Dutch messages, throwing one DataError that names the file and the field. */
export function parseWithDataError<T extends ZodTypeAny>(schema: T, input: unknown, file: string): z.output<T> {
  const result = schema.safeParse(input, { errorMap: dutchErrorMap });
  if (!result.success) throw dataErrorFromZod(result.error, file);
  return result.data;
}

/**
 * Turns a failed schema check into one DataError: the first issue names its field path, the others are
 * listed after it, one line per problem (as Starlight's parseWithFriendlyErrors does).
 */
export function dataErrorFromZod(error: ZodError, file: string): DataError {
  const [first, ...rest] = error.issues;
  const more = rest.length ? `\n${rest.slice(0, 9).map((i) => `  - ${pathOf(i) || '(hoofdniveau)'}: ${i.message}`).join('\n')}` : '';
  return new DataError({ file, field: pathOf(first!) || undefined }, first!.message + more, undefined, { cause: error });
}

export function pathOf(issue: ZodIssue): string {
  return issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
