import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import * as pagefind from 'pagefind';
import type { AstroIntegration } from 'astro';
import { loadContentOnce } from './src/lib/content.ts';
import { ADMIN_PATH } from './src/lib/cms/admin-policy.ts';
import { hostingFiles } from './src/lib/publish/integration.ts';
import { ContentError, formatProblems } from './src/lib/problems.ts';

// Staff edit content/; tests and the benchmark point CONTENT_DIR at other folders.
const contentDir = process.env.CONTENT_DIR ?? 'content';
const { content, problems } = loadContentOnce(contentDir);

/** Validates all content before Astro does anything, so bad content fails with every problem listed and no output. */
const contentCheck: AstroIntegration = {
	name: 'content-check',
	hooks: {
		'astro:config:setup': ({ logger }) => {
			if (!content || problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
			if (problems.length) logger.warn(formatProblems(problems));
		},
	},
};

/**
 * Builds the Pagefind search index into `pagefind/` in the output, in the same build, so every build
 * (npm run build, npm start, tests, bench) ships a matching index. Pagefind splits the index by each
 * page's `<html lang>` and reads only `<main data-pagefind-body>` (see Base.astro).
 */
const searchIndex: AstroIntegration = {
	name: 'search-index',
	hooks: {
		'astro:build:done': async ({ dir, logger }) => {
			const outDir = fileURLToPath(dir);
			const started = performance.now();
			try {
				const { index, errors } = await pagefind.createIndex();
				if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
				const added = await index.addDirectory({ path: outDir });
				const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
				const problems = [...errors, ...added.errors, ...written.errors];
				if (problems.length) throw new Error(`Pagefind: ${problems.join('; ')}`);
				const entry = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
				const pages = Object.entries(entry.languages).map(([lang, l]) => `${l.page_count} page(s) in ${lang}`);
				logger.info(`search index: ${pages.join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
			} finally {
				await pagefind.close();
			}
		},
	},
};

/** In the live preview, any change under the content folder reloads the open pages. */
const contentReload: AstroIntegration = {
	name: 'content-reload',
	hooks: {
		'astro:server:setup': ({ server }) => {
			const root = resolve(contentDir);
			server.watcher.add(root);
			// Astro keeps getStaticPaths results until a module they import changes: say that the module
			// listing the content's pages changed, so new updates get their page and edits show.
			const paths = fileURLToPath(new URL('./src/lib/static-paths.ts', import.meta.url));
			server.watcher.on('all', (_event, path) => {
				if (path.startsWith(root)) server.watcher.emit('change', paths);
			});
		},
	},
};

// The canonical address decides the sub-path: https://example.org/ville/ is served under /ville/.
const siteUrl = new URL(content?.settings.data.fr.siteUrl ?? 'http://localhost:4321/');

export default defineConfig({
	site: siteUrl.href,
	base: siteUrl.pathname,
	// Static hosts serve folders: /services/etat-civil/ → services/etat-civil/index.html.
	trailingSlash: 'always',
	output: 'static',
	outDir: process.env.OUT_DIR ?? 'dist',
	// One small stylesheet: inline it to save a request on a bad network.
	build: { inlineStylesheets: 'always' },
	// Nothing is fetched from a third party, fonts included.
	devToolbar: { enabled: false },
	// The sitemap lists every page for search engines and for the accessibility tests.
	integrations: [contentCheck, contentReload, sitemap({ filter: (page) => !new URL(page).pathname.endsWith(`/${ADMIN_PATH}`) }), searchIndex, hostingFiles({ contentDir, settings: content?.settings.data.fr })],
	server: { port: 4321 },
});
