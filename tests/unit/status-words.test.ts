import { describe, expect, test } from 'vitest';
import { toEpoch } from '../../src/lib/dates.ts';
import { badgeStatus, lacksAlternative, nextUpdate, noAlternative } from '../../src/lib/status-words.ts';

const spoken = (text: string) => text.replace(/\u00a0/g, ' ');

describe('the next update is never announced in the past', () => {
	const now = toEpoch('2024-06-29T12:00+02:00');
	test.each([
		['not announced', undefined, { kind: 'none' }],
		['announced for later', '2024-06-29T18:00+02:00', { kind: 'due', at: toEpoch('2024-06-29T18:00+02:00') }],
		['announced for a time already past', '2024-06-29T10:00+02:00', { kind: 'late' }],
	])('%s', (_, announced, expected) => {
		expect(nextUpdate(announced, now)).toEqual(expected);
	});
});

describe('an unconfirmed service never reads as plainly working', () => {
	test.each([
		['operational', false, 'operational'],
		['operational', true, 'unconfirmed'],
		['paper', true, 'paper'],
	] as const)('%s, stale %s, shows %s', (status, stale, badge) => {
		expect(badgeStatus({ status, stale })).toBe(badge);
	});
});

describe('a disrupted service without alternative', () => {
	const contacts = [
		{ kind: 'email' as const, label: 'Courriel', value: 'mairie@example.org', working: false },
		{ kind: 'phone' as const, label: 'Standard', value: '02 00 00 00 00', working: true },
	];
	test('is told apart from one with an alternative or one that works', () => {
		expect([lacksAlternative({ status: 'down' }, undefined), lacksAlternative({ status: 'down' }, { summary: 'x' }), lacksAlternative({ status: 'operational' }, undefined)]).toEqual([true, false, false]);
	});
	test('says so plainly, and names the phone line that answers', () => {
		expect(spoken(noAlternative(contacts, 'fr'))).toBe('Pas de solution de remplacement pour l’instant. Pour toute question : Standard, 02 00 00 00 00.');
	});
	test('without a working phone, says so without inventing one', () => {
		expect(noAlternative([contacts[0]!], 'en')).toBe('No alternative for now.');
	});
});
