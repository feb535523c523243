import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { cstateConfig, cstateIssues, type SourceUpdate } from '../../scripts/lib/cstate-site.ts';
import type { StatusChange } from '../../src/schemas/update.ts';

const NAMES = new Map([
	['etat-civil', 'État civil'],
	['cantine', 'Cantine'],
	['urbanisme', 'Urbanisme'],
]);

const update = (id: string, date: string, changes: StatusChange[], services: string[] = [], title = `Titre ${id}`): SourceUpdate => ({
	id,
	data: { title, date, kind: 'information', changes, services, pinned: false, elections: [] },
	body: `Texte de ${id}.\n`,
});

/** Each incident's front matter as cState reads it, by file name. */
function frontMatters(updates: SourceUpdate[]): Record<string, Record<string, unknown>> {
	return Object.fromEntries(
		cstateIssues(updates, NAMES).map(({ file, text }) => {
			const [, front = ''] = text.split('---\n');
			return [file, parse(front)];
		}),
	);
}

describe('our updates as cState incidents', () => {
	// Given out of order, with a Paris offset: cState needs UTC dates.
	const issues = frontMatters([
		update('c', '2024-06-24T12:00+02:00', [{ service: 'etat-civil', status: 'operational' }]),
		update('a', '2024-06-24T08:00+02:00', [{ service: 'etat-civil', status: 'down' }], ['urbanisme']),
		update('b', '2024-06-24T10:00+02:00', [{ service: 'cantine', status: 'paper' }, { service: 'etat-civil', status: 'degraded' }]),
		update('d', '2024-06-24T13:00+02:00', [], ['cantine'], 'Réunion : « publique »'),
	]);

	test.each([
		['a service that changes again resolves its incident at that later date', 'a.md', { date: '2024-06-24T06:00:00.000Z', resolved: true, resolvedWhen: '2024-06-24T08:00:00.000Z', severity: 'down' }],
		['a service still broken at the end leaves its incident open, so its final state is the same as ours', 'b.md', { resolved: false, severity: 'disrupted' }],
		['a return to operational is a notice resolved at once', 'c.md', { resolved: true, resolvedWhen: '2024-06-24T10:00:00.000Z', severity: 'notice' }],
		['an update that changes nothing is an informational post, its title intact', 'd.md', { title: 'Réunion : « publique »', informational: true, affected: ['Cantine'] }],
	])('%s', (_, file, expected) => {
		expect(issues[file]).toMatchObject({ ...expected, section: 'issue' });
	});

	test('an incident affects, by name, the services it changes and those it names', () => {
		expect(issues['a.md']?.affected).toEqual(['État civil', 'Urbanisme']);
		expect(issues['b.md']?.affected).toEqual(['Cantine', 'État civil']);
	});

	test('the body follows the front matter unchanged', () => {
		expect(cstateIssues([update('a', '2024-06-24T08:00+02:00', [])], NAMES)[0]?.text.endsWith('---\nTexte de a.\n')).toBe(true);
	});

	test('a service missing from the services is named in the error', () => {
		expect(() => cstateIssues([update('a', '2024-06-24T08:00+02:00', [{ service: 'piscine', status: 'down' }])], NAMES)).toThrow('"piscine"');
	});
});

describe("cState's configuration for our town", () => {
	const config = cstateConfig(
		{ title: 'Eggsample Status', baseURL: 'https://example.com', params: { useRelativeTime: true, systems: [{ name: 'API' }] } },
		'Benchville',
		[{ id: 'a', name: 'Démarches' }, { id: 'b', name: 'Famille' }],
		[{ name: 'État civil', category: 'a', description: 'Actes.' }, { name: 'Cantine', category: 'b' }],
	);

	test('lists our categories and services, in our order, in place of the example systems', () => {
		expect(config.params).toMatchObject({
			categories: [{ name: 'Démarches' }, { name: 'Famille' }],
			systems: [{ name: 'État civil', description: 'Actes.', category: 'Démarches' }, { name: 'Cantine', category: 'Famille' }],
		});
	});

	test("keeps cState's other settings and takes the town's name as its title", () => {
		expect(config).toMatchObject({ title: 'Benchville', baseURL: 'https://example.com', params: { useRelativeTime: true } });
	});
});
