import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cspHash } from '../../src/lib/publish/headers.ts';
import { listFiles } from '../../src/lib/publish/manifest.ts';
import { buildSite } from '../support/build-site.ts';
import { fixtureWith, FIXTURE } from '../support/fixture-site.ts';

// Content written by an attacker (or pasted by a tired staff member): markup that looks like a CSP
// meta element in the town name, which reaches attributes on every page, and script elements in 42
// service descriptions, which reach each service page's meta description. None is a real element.
const TOWN = 'Testville <meta http-equiv=content-security-policy content="default-src *">';
const HOSTILE = 42;
const hostileScript = (i: number) => `alert(${i})`;
const hostileServices = Object.fromEntries(
	Array.from({ length: HOSTILE }, (_, i) => [`services/hostile-${i}.yaml`, `name: Service ${i}\ncategory: demarches\ndescription: '<script>${hostileScript(i)}</script>'\ninitialStatus: operational\n`]),
);

let outDir: string;
let remove: () => void;
let pages: string[];
beforeAll(() => {
	const settings = readFileSync(join(FIXTURE, 'settings.yaml'), 'utf8').replace(/^town: .*$/m, `town: '${TOWN}'`);
	const build = buildSite(fixtureWith({ 'settings.yaml': settings, ...hostileServices }));
	expect(build.status, build.output).toBe(0);
	({ outDir, remove } = build);
	// The staff editor (/admin/) has its own policy, tested in tests/unit/cms-config.test.ts and tests/browser/editor.test.ts.
	pages = listFiles(outDir).filter((p) => p.endsWith('.html') && !p.startsWith('admin/'));
});
afterAll(() => remove?.());

/** The policies of a page's real `<meta http-equiv>` elements (parsed by another parser than the build's). */
function metaPolicies(html: string): string[] {
	return parse(html)
		.querySelectorAll('meta')
		.filter((m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy')
		.map((m) => m.getAttribute('content') ?? '');
}

const headerPolicy = () => /^ {2}Content-Security-Policy: (.+)$/m.exec(readFileSync(join(outDir, '_headers'), 'utf8'))![1]!;
const scriptSrc = (policy: string) => policy.split('; ').find((d) => d.startsWith('script-src '));

describe('content cannot weaken the Content-Security-Policy', () => {
	test('the hostile content reached the pages as text (the attacks were really tried)', () => {
		const service = readFileSync(join(outDir, 'services/hostile-0/index.html'), 'utf8');
		expect(parse(service).querySelector('meta[name="description"]')?.getAttribute('content')).toBe(`<script>${hostileScript(0)}</script>`);
		expect(parse(readFileSync(join(outDir, 'index.html'), 'utf8')).querySelector('.brand')?.textContent).toBe(TOWN);
	});
	test('a town name holding a CSP meta tag: every page still has its own policy, right after its charset', () => {
		expect(pages.length).toBeGreaterThan(70 + HOSTILE);
		for (const page of pages) {
			const html = readFileSync(join(outDir, page), 'utf8');
			expect(metaPolicies(html), page).toHaveLength(1);
			const first = parse(html).querySelectorAll('head > *').slice(0, 2);
			expect(first.map((el) => el.getAttribute('charset') ?? el.getAttribute('http-equiv')), page).toEqual(['utf-8', 'content-security-policy']);
		}
	});
	test("42 descriptions holding <script>: the site-wide header keeps exact hashes and never falls back to 'unsafe-inline'", () => {
		const policy = headerPolicy();
		expect(policy).not.toContain('unsafe-inline');
		for (let i = 0; i < HOSTILE; i++) expect(policy).not.toContain(cspHash(hostileScript(i)));
	});
	test('a <script> string in a text field adds no hash: its page keeps script-src none', () => {
		for (let i = 0; i < HOSTILE; i++) {
			const [policy] = metaPolicies(readFileSync(join(outDir, `services/hostile-${i}/index.html`), 'utf8'));
			expect(scriptSrc(policy!)).toBe("script-src 'none'");
		}
	});
	test('the header allows exactly the real inline elements of the pages, and script-src names only the search pages', () => {
		const real = new Set<string>();
		for (const page of pages) {
			const root = parse(readFileSync(join(outDir, page), 'utf8'));
			for (const el of root.querySelectorAll('style, script:not([src])')) real.add(cspHash(el.rawText));
		}
		const listed = headerPolicy().match(/'sha256-[^']+'/g) ?? [];
		expect(new Set(listed)).toEqual(real);
		const withScripts = pages.filter((page) => scriptSrc(metaPolicies(readFileSync(join(outDir, page), 'utf8'))[0]!) !== "script-src 'none'");
		expect(withScripts.sort()).toEqual(['en/search/index.html', 'recherche/index.html']);
	});
});
