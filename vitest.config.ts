/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { getViteConfig } from 'astro/config';

// Set before Astro's config loads, so the config and the test workers read the same content.
process.env.CONTENT_DIR ??= 'tests/fixtures/site';

export default getViteConfig({
	test: {
		env: { CONTENT_DIR: process.env.CONTENT_DIR },
		testTimeout: 120_000,
		hookTimeout: 300_000,
		// Vitest keeps a core for itself by default (one worker on two cores), but most files wait on
		// child processes (astro, Chromium, Java, nginx): at least two workers keep two cores busy.
		maxWorkers: Math.max(2, availableParallelism() - 1),
		// Three projects, so a slow unit test shows in its own line: `npm run test:unit`, `test:e2e`, `test:browser`.
		projects: [
			// Pure functions and components: no build, no server; the files of a worker share their modules
			// (isolate: false), as none of them changes global state (no mocks, no environment changes).
			{ extends: true, test: { name: 'unit', include: ['tests/{unit,components}/**/*.test.ts'], isolate: false } },
			// Real builds and staff commands: the fixture site is built once for the whole run and read by every file.
			{ extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/support/e2e-setup.ts'] } },
			// Debian's Chromium against one build of each content set served by astro preview.
			{ extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: ['tests/support/global-setup.ts'] } },
		],
	},
});
