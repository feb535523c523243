/**
 * Runs Astro's command line (`build`, `dev`, `preview`) the way every run of the kit needs it. `npm run
 * build`, `npm start`, `npm run dev`, publishing, the benchmark and the tests all start Astro through here.
 *
 *   node scripts/astro.mjs build
 *   node scripts/astro.mjs dev --host 127.0.0.1
 *
 * - Telemetry off from the start: `astro.config.mjs` turns it off for any way of starting Astro, but Astro
 *   prints its telemetry notice and records it in ~/.config/astro before it reads the config.
 * - A young generation of at most 8 MB per half (`--max-semi-space-size`): V8's default for this much
 *   memory lets it grow to several times that, and a build keeps it all. Example content: ≈ 80 MB less
 *   and no slower; 5,000 updates: ≈ 170 MB less (`npm run bench`).
 * - The bundler (rolldown) allocates through mimalloc, which by default commits its whole arena at once,
 *   so ≈ 90 MB it used for bundling stay resident for the rest of the build. Committed on demand, they
 *   are not (a little more system time: ≈ 0.1 s).
 * - `preview` before any build says which command builds the site (Astro would print a stack trace).
 * The V8 flag must be given when Node starts, and mimalloc reads its options when the bundler is loaded:
 * so this process starts Node again with them (`process.execve`, same process id). Where Node cannot do
 * that (Windows), Astro runs in this process with the same environment, without the V8 flag.
 * Plain JavaScript rather than TypeScript: Node would load its type stripper (≈ 0.1 s) before Astro.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const YOUNG_GENERATION = '--max-semi-space-size=8';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.MIMALLOC_ARENA_EAGER_COMMIT ??= '0';

const tuned = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((flag) => flag.includes('--max-semi-space-size'));
if (!tuned && typeof process.execve === 'function') {
	try {
		process.execve(process.execPath, [process.execPath, YOUNG_GENERATION, ...process.execArgv, ...process.argv.slice(1)], process.env);
	} catch {
		// Not replaced (a system refusing it): Astro runs here, as on Windows.
	}
}

// `npm run preview` before any build: say which command builds, rather than Astro's error and its stack trace.
const [command, ...flags] = process.argv.slice(2);
const outDir = process.env.OUT_DIR ?? 'dist';
if (command === 'preview' && !flags.some((flag) => /^--(outDir|root)\b/.test(flag)) && !existsSync(outDir)) {
	const { t } = await import('../src/i18n/ui.ts');
	console.error(`✗ ${t('fr', 'preview.noBuild', { dir: outDir })}`);
	process.exit(1);
}

const astro = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
await import(pathToFileURL(join(astro, 'bin/astro.mjs')).href);
