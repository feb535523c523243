/**
 * Audit report: Lighthouse (mobile) on the home, a service page and the elections page, and
 * screenshots at 390 px and 1280 px and of the printed poster, from a fresh build of `content/`
 * served by astro preview. Writes audit/ (not committed): report.md, one Lighthouse HTML report per
 * page, and PNG screenshots.
 *
 *   npm run audit
 *
 * Targets: 100 in accessibility, best practices and SEO; at least 95 in performance.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { launchChromium } from '../tests/support/chromium.ts';
import { previewSite } from '../tests/support/preview-server.ts';

const OUT = 'audit';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PAGES = [
	['home', '/'],
	['service', '/services/etat-civil/'],
	['elections', '/elections/'],
] as const;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'] as const;

mkdirSync(OUT, { recursive: true });
const site = await previewSite(process.env.CONTENT_DIR ?? 'content');
const rows: string[] = [];
const findings: string[] = [];
try {
	const chrome = await chromeLauncher.launch({
		chromePath: CHROMIUM,
		chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	try {
		for (const [name, path] of PAGES) {
			const result = await lighthouse(`${site.origin}${path}`, { port: chrome.port, output: 'html', logLevel: 'error', onlyCategories: [...CATEGORIES] });
			if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
			writeFileSync(join(OUT, `lighthouse-${name}.html`), String(result.report));
			const { categories, audits } = result.lhr;
			const scores = CATEGORIES.map((c) => Math.round((categories[c]?.score ?? 0) * 100));
			const metrics = METRICS.map((m) => audits[m]?.displayValue ?? '?');
			rows.push(`| ${name} (${path}) | ${scores.join(' | ')} | ${metrics.join(' | ')} |`);
			// What cost points, so the report says what to fix.
			const failing = CATEGORIES.flatMap((c) => (categories[c]?.auditRefs ?? []).filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1).map((ref) => `${c}: ${audits[ref.id]?.title}`));
			findings.push(...failing.map((f) => `- ${name}: ${f}`));
			console.log(`${name}: ${CATEGORIES.map((c, i) => `${c} ${scores[i]}`).join(', ')}${failing.length ? `\n  ${failing.join('\n  ')}` : ''}`);
		}
	} finally {
		chrome.kill();
	}

	const browser = await launchChromium();
	const shots: string[] = [];
	for (const [name, path] of [...PAGES, ['poster', '/affiche/'] as const]) {
		for (const width of [390, 1280]) {
			const page = await browser.newPage({ viewport: { width, height: 900 } });
			await page.goto(`${site.origin}${path}`);
			const file = `${name}-${width}.png`;
			await page.screenshot({ path: join(OUT, file), fullPage: true });
			shots.push(file);
			await page.close();
		}
	}
	// What a resident sees first on a phone, without scrolling.
	const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
	await phone.goto(`${site.origin}/`);
	await phone.screenshot({ path: join(OUT, 'home-phone.png') });
	shots.push('home-phone.png');
	await phone.close();
	// The poster as printed: A4 at 96 dpi, print styles on.
	const poster = await browser.newPage({ viewport: { width: 794, height: 1123 } });
	await poster.goto(`${site.origin}/affiche/`);
	await poster.emulateMedia({ media: 'print' });
	await poster.screenshot({ path: join(OUT, 'poster-print.png'), fullPage: true });
	shots.push('poster-print.png');
	await browser.close();

	writeFileSync(
		join(OUT, 'report.md'),
		[
			`# Audit ${new Date().toISOString()}`,
			'',
			'Lighthouse 12.2.3, mobile emulation, Debian Chromium, site served by astro preview on loopback.',
			'',
			`| page | ${CATEGORIES.join(' | ')} | ${METRICS.join(' | ')} |`,
			`|${'---|'.repeat(1 + CATEGORIES.length + METRICS.length)}`,
			...rows,
			'',
			findings.length ? 'What cost points:' : 'Nothing cost points.',
			...findings,
			'',
			'Screenshots:',
			...shots.map((s) => `- ![${s}](${s})`),
			'',
		].join('\n'),
	);
	console.log(`\nReport written to ${OUT}/report.md`);
} finally {
	site.stop();
}
