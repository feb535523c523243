import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
			expect(html, path).toContain(problem);
			// It reloads itself when the preview sees the fix.
			expect(html, path).toContain('/@vite/client');
		}
		// The editor stays open, so the file can be fixed there.
		expect(await page('/admin/')).toContain('sveltia-cms.js');
		expect(await page('/admin/config.yml')).toContain('collections:');
		await expect.poll(() => dev.output().slice(printed)).toContain(problem);
		expect(dev.output().slice(printed)).not.toMatch(/Stack trace|^\s+at /m);
		writeFileSync(file, good);
		await pageShowing('/services/service-3/', 'Service 3');
		expect(await page('/')).toContain('Benchville');
	});
});
