import slugify from '@sindresorhus/slugify';
import { Temporal } from 'temporal-polyfill';
import { stringify } from 'yaml';
import type { StatusChange, UPDATE_KINDS } from '../schemas/update.ts';

/**
 * Writes the text and file name of a new update, as the staff assistant (`npm run new`) creates it.
 *
 * @example
 * const update = { kind: 'information', title: "L'état civil rouvre", date: '2024-06-28T09:15+02:00',
 *   services: [], changes: [{ service: 'etat-civil', status: 'operational' }], pinned: false, body: 'Bonne nouvelle.' };
 * updateFileName(update);   // '2024-06-28-l-etat-civil-rouvre.md'
 * renderUpdateFile(update); // '---\ntitle: L'état civil rouvre\ndate: 2024-06-28T09:15+02:00\n…---\nBonne nouvelle.\n'
 */
export interface NewUpdate {
	kind: (typeof UPDATE_KINDS)[number];
	title: string;
	/** With offset, as `nowInZone` gives it. */
	date: string;
	/** Services it concerns without changing their status. */
	services: string[];
	changes: StatusChange[];
	pinned: boolean;
	corrects?: string;
	body: string;
}

export function updateFileName(update: Pick<NewUpdate, 'date' | 'title'>): string {
	const slug = slugify(update.title, { customReplacements: [['&', ' et ']] }).slice(0, 60).replace(/-+$/, '') || 'actualite';
	return `${update.date.slice(0, 10)}-${slug}.md`;
}

export function renderUpdateFile(update: NewUpdate): string {
	const front: Record<string, unknown> = { title: update.title, date: update.date, kind: update.kind };
	if (update.pinned) front.pinned = true;
	if (update.services.length) front.services = update.services;
	if (update.changes.length) front.changes = update.changes;
	if (update.corrects) front.corrects = update.corrects;
	return `---\n${stringify(front, { lineWidth: 0 })}---\n${update.body.trim()}\n`;
}

/** The current time in the town's zone, to the minute, with its offset: `2024-06-28T09:15+02:00`. */
export function nowInZone(timeZone: string, now: Temporal.Instant = Temporal.Now.instant()): string {
	return now.toZonedDateTimeISO(timeZone).toString({ smallestUnit: 'minute', timeZoneName: 'never' });
}
