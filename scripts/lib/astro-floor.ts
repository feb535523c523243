/**
 * A bare Astro site to measure the framework's own floor on this machine: `pages` static pages of
 * about `pageBytes` each, rendered from one route, no integration, no content, no code of ours, and
 * the build settings of ours that change how pages are written (four at a time). What it takes to
 * build is what no content or code of ours can go under for the same output.
 *
 * @example
 * writeFloorSite('/tmp/floor', { pages: 2176, pageBytes: 14_800 });
 * // then: node scripts/astro.mjs build --root /tmp/floor   → /tmp/floor/dist/0/index.html … 2175/
 * @module
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** About 60 bytes of French-looking text, repeated to make each page the size asked. */
const FILLER = 'La mairie vous accueille sur rendez-vous, munis de vos pièces. ';

export function writeFloorSite(siteDir: string, { pages, pageBytes }: { pages: number; pageBytes: number }): void {
	rmSync(siteDir, { recursive: true, force: true });
	mkdirSync(join(siteDir, 'src', 'pages'), { recursive: true });
	writeFileSync(join(siteDir, 'package.json'), '{ "type": "module" }\n');
	writeFileSync(join(siteDir, 'astro.config.mjs'), 'export default { build: { concurrency: 4 } };\n');
	const repeat = Math.max(0, Math.round((pageBytes - 200) / Buffer.byteLength(FILLER)));
	const page = pages === 1 ? 'index.astro' : '[n].astro';
	const paths = pages === 1 ? '' : `export const getStaticPaths = () => Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i) } }));\n`;
	writeFileSync(
		join(siteDir, 'src', 'pages', page),
		`---\n${paths}const text = ${JSON.stringify(FILLER)}.repeat(${repeat});\n---\n<html lang="fr"><head><meta charset="utf-8"><title>Mairie {Astro.params.n}</title></head><body><main><h1>Mairie {Astro.params.n}</h1><p>{text}</p></main></body></html>\n`,
	);
	symlinkSync(resolve('node_modules'), join(siteDir, 'node_modules'), 'dir');
}
