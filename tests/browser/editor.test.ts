import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { loadContent } from '../../src/lib/content.ts';
import { buildSite } from '../support/build-site.ts';
import { launchChromium } from '../support/chromium.ts';
import { sitemapPaths } from '../support/sitemap.ts';

const origin = inject('siteOrigin');
let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser.close();
});

/** A French staff member's browser, in the town's time zone, recording console errors and requests to other origins. */
async function editorPage(width: number): Promise<{ page: Page; errors: string[]; foreign: string[] }> {
	const page = await browser.newPage({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width, height: 900 } });
	const errors: string[] = [];
	const foreign: string[] = [];
	page.on('console', (message) => {
		// With the address: "Failed to load resource" names it only there.
		if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
	});
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.origin !== origin && !['blob:', 'data:'].includes(url.protocol)) foreign.push(request.url());
	});
	return { page, errors, foreign };
}

describe('the editor is not a public page', () => {
	test('it is out of the sitemap, the search index and the feeds, and asks search engines not to index it', async () => {
		const site = inject('siteDir');
		const html = readFileSync(join(site, 'admin', 'index.html'), 'utf8');
		expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
		expect(html).toMatch(/<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self';/);
		expect(sitemapPaths(site).filter((path) => path.includes('admin'))).toEqual([]);
		// Pagefind indexes only pages marked data-pagefind-body (see Base.astro).
		expect(html).not.toContain('data-pagefind-body');
		const feeds = ['rss.xml', 'en/rss.xml', 'status.json'].map((file) => readFileSync(join(site, file), 'utf8'));
		expect(feeds.filter((text) => text.includes('/admin/'))).toEqual([]);
	});
});

describe.each([390, 1280])('the editor at %i px', (width) => {
	test('renders in French with no console error and no request to another origin', async () => {
		const { page, errors, foreign } = await editorPage(width);
		await page.goto(`${origin}/admin/`);
		await expect.poll(() => page.getByRole('button', { name: 'Travailler avec un dépôt local' }).isVisible(), { timeout: 20_000 }).toBe(true);
		// Give the editor time to make the requests it makes after its first screen (status, update checks).
		await page.waitForTimeout(2000);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		await page.close();
		expect({ errors, foreign, overflow }).toEqual({ errors: [], foreign: [], overflow: 0 });
	});
});

/** Every file of a folder, by path relative to it. */
function filesOf(dir: string, prefix: string): Record<string, string> {
	const files: Record<string, string> = {};
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) Object.assign(files, filesOf(path, `${prefix}${name}/`));
		else files[`${prefix}${name}`] = readFileSync(path, 'utf8');
	}
	return files;
}

/**
 * Types into a field until the preview shows the text: the fields hand their text to the entry a moment
 * after the keystrokes, and switching language or saving before then loses it (the French text was
 * dropped that way); and a new entry's form can still be setting itself up when it first shows, which
 * replaces a title typed at once with the empty draft (on a slow machine, most runs). A person types
 * seconds later; the test types again.
 */
async function fillField(page: Page, field: 'Titre' | 'Texte', text: string): Promise<void> {
	const preview = page.getByRole('document', { name: 'Aperçu du contenu', exact: true });
	const shown = () => preview.getByText(text, { exact: true }).isVisible();
	for (let attempt = 0; attempt < 5; attempt++) {
		await page.getByRole('textbox', { name: field }).fill(text);
		const deadline = Date.now() + 2_000;
		while (Date.now() < deadline) {
			if (await shown()) return;
			await page.waitForTimeout(100);
		}
	}
	expect(await shown(), `the preview never showed ${field}: ${text}`).toBe(true);
}

describe('an update created through the editor, in the local-folder mode', () => {
	const work = mkdtempSync(join(tmpdir(), 'editor-'));
	afterAll(() => rmSync(work, { recursive: true, force: true }));

	test('is written in content/updates/ in French and English, validates, and shows on its service page', async () => {
		const { page, errors, foreign } = await editorPage(1280);
		// The folder the staff member would pick: the project's content, in the browser's private file system.
		await page.addInitScript(() => {
			Object.defineProperty(window, 'showDirectoryPicker', { value: () => navigator.storage.getDirectory() });
		});
		await page.goto(`${origin}/admin/`);
		await page.evaluate(async (files) => {
			const root = await navigator.storage.getDirectory();
			for (const [path, text] of Object.entries(files)) {
				const parts = path.split('/');
				let dir = root;
				for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
				const writable = await (await dir.getFileHandle(parts.at(-1) ?? '', { create: true })).createWritable();
				await writable.write(text);
				await writable.close();
			}
			// The editor accepts only the root of a repository.
			await root.getDirectoryHandle('.git', { create: true });
		}, filesOf('content', 'content/'));

		await page.getByRole('button', { name: 'Travailler avec un dépôt local' }).click();
		await page.getByRole('button', { name: 'Créer une entrée', exact: true }).click();
		await fillField(page, 'Titre', 'Urbanisme : dépôts sur rendez-vous');
		await page.getByRole('textbox', { name: 'Date de publication' }).fill('2024-06-28T10:30');
		await page.getByRole('radio', { name: 'Information' }).check();
		await page.getByRole('button', { name: /Ajouter .*Changements d’état/ }).click();
		await page.getByRole('combobox', { name: 'Service', exact: true }).click();
		await page.getByRole('option', { name: /^Urbanisme/ }).click();
		await page.getByRole('radiogroup', { name: 'Nouvel état' }).getByRole('radio', { name: /Perturbé/ }).check();
		await fillField(page, 'Texte', 'Les dossiers se déposent sur rendez-vous, au guichet.');
		// English is optional: a new entry starts in French only, and English is switched on for it.
		const form = page.getByRole('group', { name: /Modifier le contenu/ });
		await form.getByRole('radio', { name: /Anglais/ }).click();
		await form.getByRole('button', { name: /Activer .*Anglais/ }).click();
		await fillField(page, 'Titre', 'Planning: applications by appointment');
		await fillField(page, 'Texte', 'Applications are made by appointment, at the counter.');
		await page.getByRole('button', { name: 'Enregistrer' }).click();

		const read = () =>
			page.evaluate(async () => {
				const root = await navigator.storage.getDirectory();
				const dir = await (await root.getDirectoryHandle('content')).getDirectoryHandle('updates');
				const found: Record<string, string> = {};
				for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemFileHandle]> }).entries()) {
					if (name.includes('depots-sur-rendez-vous')) found[name] = await (await handle.getFile()).text();
				}
				return found;
			});
		await expect.poll(async () => Object.keys(await read()).sort(), { timeout: 20_000 }).toEqual([
			'2024-06-28-urbanisme-depots-sur-rendez-vous.en.md',
			'2024-06-28-urbanisme-depots-sur-rendez-vous.md',
		]);
		const written = await read();
		await page.close();
		expect({ errors, foreign }).toEqual({ errors: [], foreign: [] });

		const content = join(work, 'content');
		cpSync('content', content, { recursive: true });
		for (const [name, text] of Object.entries(written)) writeFileSync(join(content, 'updates', name), text);
		const { content: loaded, problems } = loadContent(content, { cwd: work });
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		const update = loaded?.updateById.get('2024-06-28-urbanisme-depots-sur-rendez-vous');
		// The site sets French text with a no-break space before the colon.
		expect(update?.data.fr).toMatchObject({ title: 'Urbanisme\u00a0: dépôts sur rendez-vous', date: '2024-06-28T10:30+02:00', kind: 'information', changes: [{ service: 'urbanisme', status: 'degraded' }] });
		expect(update?.data.en.title).toBe('Planning: applications by appointment');
		expect(update?.html).toMatchObject({ fr: expect.stringContaining('Les dossiers se déposent sur rendez-vous, au guichet.'), en: expect.stringContaining('Applications are made by appointment, at the counter.'), translated: true });

		const build = buildSite(content);
		try {
			expect(build.status, build.output).toBe(0);
			const fr = readFileSync(join(build.outDir, 'services', 'urbanisme', 'index.html'), 'utf8');
			const en = readFileSync(join(build.outDir, 'en', 'services', 'urbanisme', 'index.html'), 'utf8');
			expect(fr).toContain('Urbanisme\u00a0: dépôts sur rendez-vous');
			expect(en).toContain('Planning: applications by appointment');
		} finally {
			build.remove();
		}
	});
});
