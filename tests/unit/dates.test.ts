import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime, toEpoch } from '../../src/lib/dates.ts';

const TZ = 'Europe/Paris';
/** Reads the text with ordinary spaces, as a resident would say it. */
const spoken = (text: string) => text.replace(/\u00a0/g, ' ');

describe('dates and times read the French way', () => {
	test.each([
		['2025-11-01T17:00+01:00', 'fr', 'samedi 1er novembre 2025 à 17 h'],
		['2025-11-01T17:30+01:00', 'fr', 'samedi 1er novembre 2025 à 17 h 30'],
		['2025-11-02T08:05+01:00', 'fr', 'dimanche 2 novembre 2025 à 8 h 05'],
		['2025-11-01T17:30+01:00', 'en', 'Saturday 1 November 2025 at 17:30'],
	] as const)('%s in %s reads %j', (iso, lang, text) => {
		expect(spoken(formatDateTime(toEpoch(iso), lang, TZ))).toBe(text);
	});
	test('the first of the month is « 1er »', () => {
		expect(formatDate(toEpoch('2025-11-01T12:00+01:00'), 'fr', TZ)).toBe('samedi 1er novembre 2025');
		expect(formatDate(toEpoch('2025-11-11T12:00+01:00'), 'fr', TZ)).toBe('mardi 11 novembre 2025');
	});
	test('the hour and its minutes never break apart', () => {
		expect(formatDateTime(toEpoch('2025-11-01T17:30+01:00'), 'fr', TZ)).toContain('17\u00a0h\u00a030');
	});
});

describe('the repeated hour of the autumn clock change is told apart', () => {
	const summer = toEpoch('2025-10-26T02:30+02:00');
	const winter = toEpoch('2025-10-26T02:30+01:00');
	test.each([
		['fr', summer, 'dimanche 26 octobre 2025 à 2 h 30 (heure d’été)'],
		['fr', winter, 'dimanche 26 octobre 2025 à 2 h 30 (heure d’hiver)'],
		['en', summer, 'Sunday 26 October 2025 at 02:30 (summer time)'],
		['en', winter, 'Sunday 26 October 2025 at 02:30 (winter time)'],
	] as const)('%s: %i reads %j', (lang, epoch, text) => {
		expect(spoken(formatDateTime(epoch, lang, TZ))).toBe(text);
	});
	test('the summer one comes first in absolute time', () => {
		expect(winter - summer).toBe(3_600_000);
	});
	test.each(['2025-10-26T01:30+02:00', '2025-10-26T03:30+01:00', '2025-03-30T03:30+02:00'])('%s happens once and says nothing more', (iso) => {
		expect(formatDateTime(toEpoch(iso), 'fr', TZ)).not.toContain('heure');
	});
});
