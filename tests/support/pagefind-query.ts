/**
 * Runs real Pagefind searches against a built site, the way a browser on the search page would:
 * `pagefind/pagefind.js` from the build, its index files fetched over HTTP under the site's base path,
 * and the index picked by the page's `<html lang>`. Meant to run in its own Node process (see
 * search-site.ts), since it stands in for the browser globals pagefind.js reads.
 *
 *   node tests/support/pagefind-query.ts <outDir> <base> <lang> <query>...
 *
 * Prints `{ [query]: [{ url, title }] }` as JSON, best results first; URLs are paths, base included.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

interface PagefindResult {
	data(): Promise<{ url: string; meta: { title?: string } }>;
}
interface Pagefind {
	options(options: { basePath: string }): Promise<void>;
	search(term: string): Promise<{ results: PagefindResult[] }>;
	destroy(): Promise<void>;
}

const [outDir = '', base = '/', lang = '', ...queries] = process.argv.slice(2);
const root = resolve(outDir);

// A static host serving the build under its base path, as the site is published.
const server = createServer((req, res) => {
	const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
	const file = resolve(root, `.${path.slice(base.length - 1)}`);
	if (!path.startsWith(base) || !file.startsWith(root + sep)) return void res.writeHead(404).end();
	readFile(file).then(
		(body) => res.writeHead(200).end(body),
		() => res.writeHead(404).end(),
	);
});
await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// All pagefind.js reads from the page: `<html lang>` to choose the language's index, and currentScript.
Object.assign(globalThis, {
	document: { currentScript: null, querySelector: (selector: string) => (selector === 'html' ? { getAttribute: (name: string) => (name === 'lang' ? lang : null) } : null) },
});

try {
	const pagefind = (await import(pathToFileURL(join(root, 'pagefind', 'pagefind.js')).href)) as Pagefind;
	// In a browser the bundle path comes from the script's own address; result URLs get the same base.
	await pagefind.options({ basePath: `${origin}${base}pagefind/` });
	const found: Record<string, { url: string; title: string }[]> = {};
	for (const query of queries) {
		const { results } = await pagefind.search(query);
		found[query] = await Promise.all(
			results.map(async (result) => {
				const data = await result.data();
				return { url: data.url.replace(origin, ''), title: data.meta.title ?? '' };
			}),
		);
	}
	await pagefind.destroy();
	process.stdout.write(JSON.stringify(found));
} finally {
	server.close();
}
