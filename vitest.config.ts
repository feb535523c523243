/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Set before Astro's config loads, so the config and the test workers read the same content.
process.env.CONTENT_DIR ??= 'tests/fixtures/site';

export default getViteConfig({
	test: {
		// Components read the small fixture site, not the example content staff will replace.
		env: { CONTENT_DIR: process.env.CONTENT_DIR },
		include: ['tests/**/*.test.ts'],
		testTimeout: 120_000,
		hookTimeout: 300_000,
	},
});
