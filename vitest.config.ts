/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Set before Astro's config loads, so the config and the test workers read the same content.
process.env.CONTENT_DIR ??= 'tests/fixtures/site';

export default getViteConfig({
	test: {
		env: { CONTENT_DIR: process.env.CONTENT_DIR },
		testTimeout: 120_000,
		hookTimeout: 300_000,
		projects: [
			// Unit, component and build tests: each builds what it needs from fixtures.
			{ extends: true, test: { name: 'site', include: ['tests/{unit,components,e2e}/**/*.test.ts'] } },
			// Browser tests: Debian's Chromium against one build of the example content served by astro preview.
			{ extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: ['tests/support/global-setup.ts'] } },
		],
	},
});
