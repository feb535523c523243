import { z } from 'astro/zod';
import { Temporal } from 'temporal-polyfill';
import { markdownProblem, MARKDOWN_MAX_CHARS } from '../lib/markdown.ts';
import { TO_COMPLETE } from '../lib/problems.ts';

// Validation messages are keys of the staff catalogue (`expected.*` in src/i18n/staff.ts), said in French and English.

/**
 * The fixed status vocabulary, from best to worst. Residents see words and an icon, never colour alone.
 * - `operational`: works normally.
 * - `degraded`: works with delays or limits.
 * - `paper`: provided only through the alternative (paper forms, counter, phone).
 * - `down`: not provided at all.
 */
export const STATUSES = ['operational', 'degraded', 'paper', 'down'] as const;
export const statusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof statusSchema>;

/** Content ids are file names: lowercase letters, digits and dashes (`etat-civil`). */
export const idSchema = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected.id');

/**
 * A moment with an explicit UTC offset, e.g. `2024-06-24T08:30+02:00`. A time without offset is
 * ambiguous once the site is hosted elsewhere, so it is refused; so is an impossible date (30 February).
 */
export const dateTimeSchema = z.string().refine(
	(value) => /(?:[+-]\d{2}:?\d{2}|Z)$/i.test(value.trim()) && parses(() => Temporal.Instant.from(value)),
	'expected.datetime',
);

/** A calendar day, e.g. `2024-06-30`. */
export const dateSchema = z
	.string()
	.refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && parses(() => Temporal.PlainDate.from(value)), 'expected.date');

/** A time of day on 24 hours, e.g. `08:00`. */
export const timeSchema = z
	.string()
	.refine((value) => /^\d{2}:\d{2}$/.test(value) && parses(() => Temporal.PlainTime.from(value)), 'expected.time');

/**
 * Short markdown (a sentence or a few paragraphs), rendered with `marked` and sanitised. At most
 * `MARKDOWN_MAX_CHARS` characters, and no deeper nesting (quotes in lists in emphasis…) than the renderer
 * can show: checked by rendering it, so the build can never fail on it later.
 */
export const markdownSchema = z
	.string()
	.min(1)
	.max(MARKDOWN_MAX_CHARS)
	.refine((value) => markdownProblem(value) !== 'nesting', 'expected.markdownNesting');

/**
 * A web address starting with http:// or https://, as written: no space anywhere (a pasted address
 * with a space is a typo or a trick) and no `user:password@` (a phishing disguise, and a leaked secret).
 */
export const urlSchema = z
	.url({ protocol: /^https?$/, error: 'expected.url' })
	.refine((value) => !/\s/.test(value), 'expected.urlNoSpace')
	.refine((value) => !URL.canParse(value) || (new URL(value).username === '' && new URL(value).password === ''), 'expected.urlNoCredentials');

/**
 * This site's own addresses (`siteUrl`, `mirrors`): https only, no exception for `http://localhost`,
 * since they are written into feeds, the signed manifest and canonical links that residents follow;
 * the local preview (`npm run dev` / `npm run preview`) does not depend on them.
 */
export const siteAddressSchema = urlSchema.refine((value) => /^https:/i.test(value), 'expected.httpsUrl');

/**
 * A value that is wholly a placeholder of `npm run init` (`[À COMPLÉTER : numéro du CCAS]`): accepted
 * with a warning (see `toCompleteWarnings`) by fields with a format, so a new site checks and builds.
 * It starts with `[`, so as a link it can only be a harmless relative one.
 */
export const isPlaceholder = (value: string): boolean => value.trimStart().startsWith(TO_COMPLETE);

/**
 * A phone number as residents dial it: digits, spaces, `+ . - ( ) /` only, with at least two digits,
 * so that what is shown is exactly what the `tel:` link dials (no letters, no bidi control character);
 * or an init placeholder.
 */
export const phoneSchema = z.string().refine((value) => isPlaceholder(value) || (/^\+?[\d\s.()/-]+$/.test(value) && value.replace(/\D/g, '').length >= 2), 'expected.phone');

function parses(fn: () => unknown): boolean {
	try {
		fn();
		return true;
	} catch {
		return false;
	}
}
