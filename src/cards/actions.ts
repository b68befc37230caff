import { z } from 'zod/v4';

/** Dialogs the main menu opens. */
export const MENU_TARGETS = ['ask', 'sectors', 'duration', 'japanese', 'help', 'language'] as const;
export type MenuTarget = (typeof MENU_TARGETS)[number];

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

/**
 * Everything a button can send back. Buttons carry ids, never display text, so a translated label never has to be
 * parsed; and every submitted value is validated here because clients can send anything.
 */
export const submitValueSchema = z.discriminatedUnion('a', [
  z.object({ a: z.literal('menu') }).strict(),
  z.object({ a: z.literal('go'), to: z.enum(MENU_TARGETS) }).strict(),
  z.object({ a: z.literal('entry'), id }).strict(),
  z.object({ a: z.literal('feedback'), id, up: z.boolean() }).strict(),
  z.object({ a: z.literal('none-of-these') }).strict(),
  z.object({ a: z.literal('pick'), v: z.string().min(1).max(64) }).strict(),
  z.object({ a: z.literal('resume'), yes: z.boolean() }).strict(),
]);
export type SubmitValue = z.infer<typeof submitValueSchema>;

/** Parses an activity's `value`; anything malformed or unknown is `undefined`, never an exception. */
export function parseSubmitValue(value: unknown): SubmitValue | undefined {
  const parsed = submitValueSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
