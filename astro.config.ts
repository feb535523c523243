import { defineConfig } from 'astro/config';
import type { AstroIntegration } from 'astro';
import { loadContent } from './src/lib/content.ts';
import { ContentError, formatProblems } from './src/lib/problems.ts';

// Staff edit content/; tests and the benchmark point CONTENT_DIR at other folders.
const contentDir = process.env.CONTENT_DIR ?? 'content';
const { content, problems } = loadContent(contentDir);

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
	integrations: [contentCheck],
	server: { port: 4321, host: '127.0.0.1' },
});
