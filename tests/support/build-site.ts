import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Builds the site from a content folder into a fresh temporary folder with the real `astro build`.
 *
 * @example
 * const { outDir, status, output } = buildSite('tests/fixtures/site');
 */
export function buildSite(contentDir: string): { outDir: string; status: number | null; output: string } {
	const outDir = join(mkdtempSync(join(tmpdir(), 'site-')), 'dist');
	// Vitest puts Vite's own variables (BASE_URL, MODE, NODE_ENV=test…) in the environment; a real build must not see them.
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(key)));
	const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
		env: { ...env, CONTENT_DIR: contentDir, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
		encoding: 'utf8',
	});
	return { outDir, status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
