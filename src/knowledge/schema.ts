import { z } from 'zod/v4';

/** Programme tags an entry can carry; `general` is for entries that apply to every path. */
export const PROGRAMMES = ['titp', 'esd', 'ssw', 'general'] as const;

/** The eight sector groups the guided sector dialog offers, in display order. */
export const SECTOR_GROUPS = [
  'agriculture',
  'fishery',
  'construction',
  'food-manufacturing',
  'textiles',
  'machinery-metal',
  'nursing-care',
  'other',
] as const;
export type SectorGroup = (typeof SECTOR_GROUPS)[number];

/** Origin countries (ISO 3166-1 alpha-2, lower case) named by the programme's seed document. */
export const COUNTRIES = [
  'bd', 'kh', 'cn', 'in', 'id', 'la', 'pk', 'pe', 'ph', 'mm', 'mn', 'np', 'lk', 'th', 'uz', 'vn',
] as const;

const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Hard ceiling on an English answer: the brief asks for about 1,200 characters so it fits a phone screen. */
export const MAX_ANSWER_CHARS_EN = 1200;
/** Translations may run longer in characters (Tamil, Burmese and Sinhala spell more), never longer than this. */
export const MAX_ANSWER_CHARS_TRANSLATED = 1800;

const nonEmpty = z.string().trim().min(1);

const sourceSchema = z.object({
  title: nonEmpty,
  url: z.url({ protocol: /^https$/ }),
});

const sectorSchema = z.object({
  group: z.enum(SECTOR_GROUPS),
  work: nonEmpty,
  examples: z.array(nonEmpty).min(2),
  share: nonEmpty,
  stages: nonEmpty,
  nextPath: nonEmpty,
  japanese: nonEmpty,
  genderNote: nonEmpty.optional(),
});

/** Front matter shared by every locale. */
const baseFrontMatter = z.object({
  id: z.string().regex(ENTRY_ID, 'use kebab-case, e.g. "titp-overview"'),
  title: nonEmpty.max(80),
  questions: z.array(nonEmpty).min(3, 'write at least 3 ways a user would ask this'),
  keywords: z.array(nonEmpty).min(1),
  followUps: z.array(z.string().regex(ENTRY_ID)).max(3).default([]),
  tags: z
    .object({
      programme: z.array(z.enum(PROGRAMMES)).min(1),
      sector: z.array(z.enum(SECTOR_GROUPS)).default([]),
      country: z.array(z.enum(COUNTRIES)).default([]),
    })
    .strict(),
  sources: z.array(sourceSchema).min(1, 'cite at least one official source'),
  lastReviewed: z
    .string()
    .regex(ISO_DATE, 'write the date as YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(d)), 'not a real date'),
  sector: sectorSchema.optional(),
});

/** What a translated entry records about its English source, so stale translations can be found. */
const translationSchema = z
  .object({
    revision: z.string().regex(/^[0-9a-f]{12}$/, 'copy the 12-character revision that check:knowledge prints'),
    nativeReviewed: z.boolean(),
  })
  .strict();

/** Front matter of an English (source) entry. */
export const englishFrontMatterSchema = baseFrontMatter.strict();
/** Front matter of a translated entry. */
export const translatedFrontMatterSchema = baseFrontMatter.extend({ translation: translationSchema }).strict();

export type SourceLink = z.infer<typeof sourceSchema>;
export type SectorFacts = z.infer<typeof sectorSchema>;
export type Translation = z.infer<typeof translationSchema>;

/** One knowledge entry in one locale, after validation. */
export interface KnowledgeEntry {
  readonly id: string;
  readonly locale: string;
  readonly title: string;
  readonly questions: readonly string[];
  readonly keywords: readonly string[];
  readonly followUps: readonly string[];
  readonly tags: { programme: readonly string[]; sector: readonly string[]; country: readonly string[] };
  readonly sources: readonly SourceLink[];
  readonly lastReviewed: string;
  readonly answer: string;
  readonly sector?: SectorFacts;
  /** Absent on English entries, which are the source. */
  readonly translation?: Translation;
  /** Path relative to the knowledge folder, for error messages and tooling. */
  readonly file: string;
}

/** A synonym file maps concept ids (defined in English) to the words users of one locale type for them. */
export const synonymFileSchema = z.record(
  z.string().regex(ENTRY_ID, 'concept ids are kebab-case'),
  z.array(nonEmpty).min(1),
);
export type SynonymFile = z.infer<typeof synonymFileSchema>;

/** Domains whose pages count as an official source. */
export const officialDomainsSchema = z.object({ domains: z.array(nonEmpty).min(1) }).strict();
