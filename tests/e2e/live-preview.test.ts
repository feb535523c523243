import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startDevServer, type DevServer } from '../../scripts/lib/dev-server.ts';
import { adminFiles } from '../../src/lib/cms/bundle.ts';
import { SYNTHETIC_SERVICES, syntheticUpdate, syntheticUpdateFile, writeSyntheticContent } from '../../scripts/lib/synthetic-content.ts';
import { astroEnv } from '../support/build-site.ts';

// The staff's live preview (npm run dev) on a town with 1,000 updates. The server runs with
// tests/support/count-reads.ts preloaded, which reports every file it reads from the content folder.
const UPDATES = 1000;
const FILES = UPDATES + SYNTHETIC_SERVICES + 4; // settings, a place, an election, a page
let dir: string;
let dev: DevServer;
beforeAll(async () => {
	dir = join(mkdtempSync(join(tmpdir(), 'preview-')), 'content');
	writeSyntheticContent(dir, UPDATES);
	dev = await startDevServer(dir, { ...astroEnv(), NODE_OPTIONS: `--import ${resolve('tests/support/count-reads.ts')}`, COUNT_READS_UNDER: dir });
});
afterAll(() => {
	dev?.stop();
	if (dir) rmSync(dirname(dir), { recursive: true, force: true });
});

/** How many times the server read each content file so far. */
function reads(): Map<string, number> {
	const counts = new Map<string, number>();
	for (const [, path] of dev.output().matchAll(/^content-read (.+)$/gm)) counts.set(path!, (counts.get(path!) ?? 0) + 1);
	return counts;
}

async function page(path: string): Promise<string> {
	const response = await fetch(`${dev.origin}${path}`);
	expect(response.status, `${path}\n${dev.output().slice(-2000)}`).toBe(200);
	return response.text();
}

/** Requests a page until it contains a text: the preview reloads content when it sees the change. */
async function pageShowing(path: string, text: string, status = 200): Promise<string> {
	for (let attempt = 0; attempt < 120; attempt++) {
		const response = await fetch(`${dev.origin}${path}`);
		const html = await response.text();
		if (response.status === status && html.includes(text)) return html;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`${path} never showed "${text}" (${status})\n${dev.output().slice(-2000)}`);
}

describe('the live preview on a large content folder', () => {
	test('serves several pages, reading each content file once in all, not on every request', async () => {
		expect(await page('/')).toContain('Benchville');
		expect(await page('/services/service-3/')).toContain('Service 3');
		expect(await page(`/actualites/update-00999/`)).toContain('Point de situation numéro 999');
		expect(await page('/')).toContain('Benchville');
		// Reads are reported on stderr, which may reach us after the pages: give it time to arrive.
		await new Promise((r) => setTimeout(r, 1000));
		const counts = reads();
		expect(counts.size).toBe(FILES);
		expect(new Set(counts.values())).toEqual(new Set([1]));
	});
	test('serves the staff editor with its own files, the same bytes a build writes', async () => {
		expect(await page('/admin/')).toContain('sveltia-cms.js');
		// The bundle, the version file, an interface translation and a font.
		const kinds = [(p: string) => p === 'sveltia-cms.js', (p: string) => p === 'sveltia/package.json', (p: string) => p.endsWith('/fr.json'), (p: string) => p.endsWith('.woff2')];
		const sample = kinds.map((kind) => [...adminFiles()].find(([path]) => kind(path)));
		expect(sample.every(Boolean)).toBe(true);
		for (const [path, make] of sample as [string, () => string | Buffer][]) {
			const response = await fetch(`${dev.origin}/admin/${path}`);
			expect(response.status, path).toBe(200);
			expect(response.headers.get('content-type'), path).toMatch({ js: /^text\/javascript/, json: /^application\/json/, woff2: /^font\/woff2$/ }[path.split('.').pop()!]!);
			expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(make())), path).toBe(true);
		}
	});
	test('an edited update shows after the save, the folder being read once more', async () => {
		const file = join(dir, 'updates', syntheticUpdateFile(UPDATES - 1));
		writeFileSync(file, syntheticUpdate(UPDATES - 1, 'Titre corrigé après enregistrement'));
		await pageShowing('/actualites/update-00999/', 'Titre corrigé après enregistrement');
		expect(await page('/')).toContain('Titre corrigé après enregistrement');
		// The server reports reads on stderr, which may arrive after the page.
		await expect.poll(() => reads().get(file)).toBeGreaterThanOrEqual(2);
	});
	test('an added update gets its page and reaches the home page', async () => {
		writeFileSync(join(dir, 'updates', syntheticUpdateFile(UPDATES)), syntheticUpdate(UPDATES, 'Nouvelle actualité ajoutée'));
		await pageShowing(`/actualites/${syntheticUpdateFile(UPDATES).replace('.md', '')}/`, 'Nouvelle actualité ajoutée');
		expect(await page('/')).toContain('Nouvelle actualité ajoutée');
	});
	test('a saved mistake shows the list of problems on every page, no code or stack trace, and the site again once fixed', async () => {
		const file = join(dir, 'updates', syntheticUpdateFile(UPDATES - 2));
		const good = readFileSync(file, 'utf8');
		const printed = dev.output().length;
		writeFileSync(file, good.replace(/^kind: .*$/m, 'kind: informatoin'));
		const problem = `${syntheticUpdateFile(UPDATES - 2)}:4 — champ « kind » : attendu une de ces valeurs`;
		// The home page, and pages whose paths Astro asks for before any middleware runs.
		for (const path of ['/', '/services/service-3/', '/actualites/update-00999/', '/rss.xml']) {
			const html = await pageShowing(path, 'Le contenu a des erreurs', 500);
			// Guillemets hold to their word with no-break spaces on the page.
			expect(html.replaceAll('\u00a0', ' '), path).toContain(problem);
			// It reloads itself when the preview sees the fix.
			expect(html, path).toContain('/@vite/client');
		}
		// The editor stays open, so the file can be fixed there.
		expect(await page('/admin/')).toContain('sveltia-cms.js');
		expect(await page('/admin/config.yml')).toContain('collections:');
		await expect.poll(() => dev.output().slice(printed)).toContain(problem);
		expect(dev.output().slice(printed)).not.toMatch(/Stack trace|^\s+at /m);
		// The pages made from content still exist (those of the last content without errors): Astro does not
		// warn about a route without the page asked for.
		expect(dev.output().slice(printed)).not.toContain('no matching static path');
		writeFileSync(file, good);
		await pageShowing('/services/service-3/', 'Service 3');
		expect(await page('/')).toContain('Benchville');
	});
});

// tests/fixtures/town2 has no election. The preview is started while one of its files is broken: staff
// who saved a mistake and then opened the preview must still reach the editor to fix it.
describe('the live preview of a town whose content is broken when it starts', () => {
	let town: string;
	let preview: DevServer;
	const update = () => join(town, 'updates', '2025-10-25-attaque.md');
	let good: string;
	beforeAll(async () => {
		town = join(mkdtempSync(join(tmpdir(), 'preview-')), 'content');
		cpSync('tests/fixtures/town2', town, { recursive: true });
		good = readFileSync(update(), 'utf8');
		writeFileSync(update(), good.replace(/^kind: .*$/m, 'kind: attaque'));
		preview = await startDevServer(town, astroEnv());
	});
	afterAll(() => {
		preview?.stop();
		if (town) rmSync(dirname(town), { recursive: true, force: true });
	});
	const status = async (path: string) => (await fetch(`${preview.origin}${path}`)).status;
	const showing = async (path: string, text: string) => {
		await expect.poll(async () => (await (await fetch(`${preview.origin}${path}`)).text()).includes(text), { timeout: 30_000, interval: 250 }).toBe(true);
	};

	test('starts, shows the problems in place of the site, keeps the editor open, and shows the site once fixed', async () => {
		const home = await fetch(`${preview.origin}/`);
		expect(home.status).toBe(500);
		expect((await home.text()).replaceAll('\u00a0', ' ')).toContain('2025-10-25-attaque.md:4 — champ « kind »');
		expect(await status('/services/etat-civil/')).toBe(500);
		expect(await status('/admin/')).toBe(200);
		expect(await status('/admin/config.yml')).toBe(200);
		expect(preview.output()).not.toMatch(/Stack trace|^\s+at /m);
		writeFileSync(update(), good);
		await showing('/services/etat-civil/', 'État civil');
		expect(await status('/')).toBe(200);
	});
	test('has no elections page until the first election is saved, then has it without a restart', async () => {
		const missing = await fetch(`${preview.origin}/elections/`);
		expect(missing.status).toBe(404);
		expect(await missing.text()).toContain('Page introuvable');
		expect(await (await fetch(`${preview.origin}/`)).text()).not.toContain('href="/elections/"');
		expect(await status('/en/elections/rss.xml')).toBe(404);
		// Its deadlines call for a calendar.
		expect(await status('/calendrier.ics')).toBe(200);
		mkdirSync(join(town, 'elections'));
		const election = readFileSync('tests/fixtures/site/elections/legislatives.yaml', 'utf8').replace(/\n {2}- number: 2\n {4}place: ecole/, '');
		writeFileSync(join(town, 'elections', 'legislatives.yaml'), election);
		await showing('/elections/', 'Élections législatives 2024');
		expect(await status('/en/elections/')).toBe(200);
		// Links to it appear with it (the navigation asks the same sections).
		expect(await (await fetch(`${preview.origin}/`)).text()).toContain('href="/elections/"');
		rmSync(join(town, 'elections'), { recursive: true });
		await expect.poll(() => status('/elections/'), { timeout: 30_000, interval: 250 }).toBe(404);
	});
});

