import { describe, expect, test } from 'vitest';
import { concernedServices } from '../../src/lib/concerned.ts';

describe('an update is about the services it names and the services it changes, each once', () => {
	test.each([
		['named only', ['cantine'], [], ['cantine']],
		['changed only', [], ['etat-civil'], ['etat-civil']],
		['named first, then changed', ['cantine'], ['etat-civil'], ['cantine', 'etat-civil']],
		['named and changed appears once', ['cantine', 'urbanisme'], ['urbanisme', 'etat-civil'], ['cantine', 'urbanisme', 'etat-civil']],
		['changed twice appears once', [], ['etat-civil', 'etat-civil'], ['etat-civil']],
		['none', [], [], []],
	])('%s', (_, services, changed, expected) => {
		expect(concernedServices({ services, changes: changed.map((service) => ({ service })) })).toEqual(expected);
	});
});
