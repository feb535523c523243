import { describe, expect, test } from 'vitest';
import { CATALOGUE_DIR, readCatalogue } from '../../src/lib/init-site.ts';

const REQUIRED = ['etat-civil', 'passeports-cni', 'elections', 'urbanisme', 'inscriptions-scolaires', 'cantine', 'ccas', 'cimetiere', 'police-municipale', 'mediatheque', 'piscine', 'dechets', 'standard-telephonique', 'messagerie', 'paiements', 'marches-publics'];

describe('the catalogue of services', () => {
	const catalogue = readCatalogue(CATALOGUE_DIR);
	test('every file is a valid service (or English version), in a catalogue category', () => {
		expect(catalogue.problems).toEqual([]);
	});
	test('holds at least the services every commune runs', () => {
		expect([...catalogue.services.keys()]).toEqual(expect.arrayContaining(REQUIRED));
	});
	test.each(REQUIRED)('%s says what keeps working, and what to do instead when it is not operational', (id) => {
		const service = catalogue.services.get(id)!.data;
		expect(service.description.length).toBeGreaterThan(20);
		expect(service.works.length).toBeGreaterThan(0);
		if (service.initialStatus !== 'operational') expect(service.alternative?.summary.length).toBeGreaterThan(20);
	});
	test('every service has its English version', () => {
		expect([...catalogue.services].filter(([, s]) => !s.en).map(([id]) => id)).toEqual([]);
	});
});
