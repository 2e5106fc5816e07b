import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

/** Explanatory pages, written as Markdown in content/over/ and rendered at /over/<name>/. */
const over = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/over' }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    /** Order in the list on /over/. */
    order: z.number().int().default(100),
    /** Show the verklaring van tekens (generated from the code's symbol legend) after the text. */
    symbolLegend: z.boolean().default(false),
    /** Show the planned release calendar after the text. */
    releaseCalendar: z.boolean().default(false),
    /** Show the worked examples of the comparison methods, computed from the data, after the text. */
    methodExamples: z.boolean().default(false),
    /** Show per table how many counts are small or kept secret (disclosure control), from the data. */
    disclosureSummary: z.boolean().default(false),
    /** Show where to report a problem, from the publisher's settings (src/lib/publisher), after the text. */
    reportProblem: z.boolean().default(false),
    /** Show the source, licence and how to credit the figures, from the datasets of this build, after the text. */
    sourceLicence: z.boolean().default(false),
  }),
});

export const collections = { over };
