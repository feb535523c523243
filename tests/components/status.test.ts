import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import ServiceSummary from '../../src/components/ServiceSummary.astro';
import StatusBadge from '../../src/components/StatusBadge.astro';
import { getContent } from '../../src/lib/content.ts';
import type { ServiceState } from '../../src/lib/status.ts';

let container: AstroContainer;
beforeAll(async () => {
	container = await AstroContainer.create();
});

describe('the status badge says the status in words, with an icon, in the page language', () => {
	test.each([
		['operational', 'fr', 'Fonctionne normalement', '✓'],
		['degraded', 'fr', 'Perturbé', '!'],
		['paper', 'fr', 'Sur papier uniquement', '✎'],
		['down', 'fr', 'Interrompu', '✕'],
		['down', 'en', 'Unavailable', '✕'],
	] as const)('%s in %s', async (status, lang, words, icon) => {
		const html = await container.renderToString(StatusBadge, { props: { status, lang } });
		expect(html).toContain(words);
		expect(html).toContain(`<span aria-hidden="true">${icon}</span>`);
		expect(html).toContain(`data-status="${status}"`);
	});
});

describe('the service summary', () => {
	const content = getContent();
	const service = content.serviceById.get('etat-civil')!;
	const base: ServiceState = { status: 'paper', since: Date.parse('2024-06-25T07:00Z'), history: [], updateIds: [], lastConfirmed: Date.parse('2024-06-28T07:00Z'), stale: false };
	const render = (state: Partial<ServiceState>, lang: 'fr' | 'en' = 'fr') => container.renderToString(ServiceSummary, { props: { service, state: { ...base, ...state }, lang } });

	test('links to the service page and says the status in words, details left to that page', async () => {
		const html = await render({});
		// The base path is checked on a real build (tests/e2e/build.test.ts); here only the route.
		expect(html).toMatch(/href="[^"]*\/services\/etat-civil\/"/);
		expect(html).toContain('Sur papier uniquement');
		expect(html).not.toContain('Depuis le');
	});
	test('shows the one-line alternative while the service is disrupted', async () => {
		expect(await render({})).toContain("Déclarations à l'accueil de la mairie, sur papier.".replace("'", '&#39;'));
	});
	test('hides the alternative once the service works again', async () => {
		expect(await render({ status: 'operational' })).not.toContain('Déclarations');
	});
	test('says "à confirmer" when the status was not confirmed in time', async () => {
		const html = await render({ stale: true });
		expect(html).toContain('À confirmer');
		expect(html).not.toContain('Vérifié le');
	});
	test('uses the English translation on English pages', async () => {
		const html = await render({}, 'en');
		expect(html).toContain('Civil registry');
		expect(html).toContain('Declarations at the town hall counter, on paper.');
		expect(html).toMatch(/href="[^"]*\/en\/services\/etat-civil\/"/);
	});
});
