import { z } from 'astro/zod';
import { Temporal } from 'temporal-polyfill';

// Validation messages are keys of EXPECTED in src/lib/problems.ts, which says them in French and English.

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

/** Short markdown (a sentence or a few paragraphs), rendered with `marked` and sanitised. */
export const markdownSchema = z.string().min(1);

/** A web address starting with http:// or https://. */
export const urlSchema = z.url({ protocol: /^https?$/, error: 'expected.url' });

function parses(fn: () => unknown): boolean {
	try {
		fn();
		return true;
	} catch {
		return false;
	}
}
