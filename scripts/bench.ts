/**
 * Build and live-preview benchmark. For the example content and for synthetic content (30 services,
 * N updates with status changes spread over them), runs the full production build and prints what it
 * cost, phase by phase; then starts the live preview (`astro dev`) on the same content and times the
 * first and following pages, and how long an edited or added update takes to show.
 *
 *   npm run bench                                  # example content, 100, 1,000 and 5,000 updates, a new town
 *   npm run bench -- 1000                          # one size (`example` for the example content)
 *   npm run bench -- init                          # only a new town: npm run init (all catalogue services), check, build
 *   npm run bench -- publish                       # only npm run publish of the example content to a folder, then npm run verify of it
 *   npm run bench -- 1000 --no-preview             # the build only
 *   npm run bench -- --write /tmp/town --updates 1000   # only write the synthetic content, to build or
 *                                                  # point another tool at (CONTENT_DIR=/tmp/town npm run build)
 *
 * Targets on a 2-core machine (issue 12): example content ≤ 2.5 s, 100 updates ≤ 3 s, 1,000 ≤ 5 s,
 * 5,000 ≤ 18 s and ≤ 600 MB peak; live preview at 1,000 updates: every page ≤ 0.5 s after the first,
 * an edited or added update visible ≤ 1 s after saving; home page HTML+CSS ≤ 10 KB gzip, no script;
 * `npm run publish` to a folder target, then verified, ≤ 6 s on the example content.
 * Each row gives wall time and processor time (user + system): on a shared machine, compare the latter.
 * Each size also gets its floor, measured right after: Astro alone building as many pages of the same
 * size, and Pagefind alone indexing them; the rest is what the content and the code of this project cost.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { DomUtils, parseDocument } from 'htmlparser2';
import { parseDocument as parseYaml } from 'yaml';
import { writeFloorSite } from './lib/astro-floor.ts';
import { startDevServer } from './lib/dev-server.ts';
import { SYNTHETIC_SERVICES, syntheticUpdate, syntheticUpdateFile, writeSyntheticContent } from './lib/synthetic-content.ts';

const USAGE = 'usage: npm run bench -- [example|init|publish|N …] [--no-preview] | --write DIR --updates N';
const { values, positionals } = (() => {
	try {
		return parseArgs({ allowPositionals: true, options: { write: { type: 'string' }, updates: { type: 'string' }, 'no-preview': { type: 'boolean', default: false } } });
	} catch (error) {
		console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
		process.exit(2);
	}
})();

if (values.write !== undefined) {
	const updates = Number(values.updates);
	if (!Number.isInteger(updates) || updates < 0) {
		console.error(`--updates: expected a whole number of updates, found ${values.updates ?? 'nothing'}\n${USAGE}`);
		process.exit(2);
	}
	writeSyntheticContent(values.write, updates);
	console.log(`${values.write}: ${updates} updates, ${SYNTHETIC_SERVICES} services written. Build it with: CONTENT_DIR=${resolve(values.write)} npm run build`);
	process.exit(0);
}

const sizes = positionals.length ? positionals : ['example', '100', '1000', '5000', 'init', 'publish'];
for (const size of sizes) {
	if (size !== 'example' && size !== 'init' && size !== 'publish' && !(Number(size) > 0)) {
		console.error(`unknown size "${size}": a number of updates, "example", "init" or "publish"\n${USAGE}`);
		process.exit(2);
	}
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const since = (start: number) => performance.now() - start;

/** Every file of a built site, by path relative to it, with its size in bytes. */
function builtFiles(dir: string): { path: string; bytes: number }[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => {
			const path = join(entry.parentPath, entry.name);
			return { path, bytes: statSync(path).size };
		});
}

/**
 * What the build cannot go under, measured on the same machine right after it: Astro alone building as
 * many pages of the same average size (scripts/lib/astro-floor.ts), and Pagefind alone indexing the
 * pages the build wrote.
 */
async function floor(outDir: string, wall: number): Promise<string> {
	const html = builtFiles(outDir).filter((f) => f.path.endsWith('.html'));
	const pages = html.length;
	const averageBytes = pages ? html.reduce((sum, f) => sum + f.bytes, 0) / pages : 0;
	const root = mkdtempSync(join(tmpdir(), 'bench-floor-'));
	try {
		writeFloorSite(join(root, 'site'), { pages, pageBytes: averageBytes });
		let began = performance.now();
		const result = spawnSync(process.execPath, ['scripts/astro.mjs', 'build', '--root', join(root, 'site')], { encoding: 'utf8', maxBuffer: 1 << 28 });
		const astro = since(began);
		if (result.status !== 0) {
			console.error(`the floor site did not build:\n${result.stdout.slice(-2000)}${result.stderr.slice(-2000)}`);
			process.exit(1);
		}
		began = performance.now();
		const pagefind = await import('pagefind');
		try {
			const { index } = await pagefind.createIndex();
			await index?.addDirectory({ path: outDir });
			await index?.writeFiles({ outputPath: join(root, 'pagefind') });
		} finally {
			await pagefind.close();
		}
		const search = since(began);
		return `    floor: Astro alone, ${pages} pages of ${(averageBytes / 1024).toFixed(1)} KB, ${seconds(astro)}; Pagefind alone on these pages ${seconds(search)}; the rest of the build ${seconds(wall - astro - search)}`;
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

/** Runs `astro build` in its own process, as staff and CI do, and reads its figures and phases. */
function build(contentDir: string, outDir: string): { row: string; phases: string[]; wall: number } {
	const began = performance.now();
	const result = spawnSync('/usr/bin/time', ['-f', 'MAXRSS_KB=%M CPU=%U+%S', process.execPath, 'scripts/astro.mjs', 'build'], {
		env: { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir },
		encoding: 'utf8',
		maxBuffer: 1 << 28,
	});
	const wall = since(began);
	if (result.status !== 0) {
		console.error(result.stdout.slice(-3000), result.stderr.slice(-3000));
		process.exit(1);
	}
	const log = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
	const rss = /MAXRSS_KB=(\d+)/.exec(log)?.[1];
	// Processor time (user + system) varies much less than wall time when other work shares the machine.
	const cpu = /CPU=([\d.]+)\+([\d.]+)/.exec(log);
	// Durations as Astro prints them ("450ms", "1.23s", "1m 12s") and as the integrations do ("0.2 s").
	const DURATION = '((?:\\d+m )?[\\d.]+ ?m?s)';
	const toMs = (text: string | undefined) => {
		const match = /^(?:(\d+)m )?([\d.]+) ?(m?s)$/.exec(text ?? '');
		return match ? Number(match[1] ?? 0) * 60_000 + Number(match[2]) * (match[3] === 'ms' ? 1 : 1000) : Number.NaN;
	};
	const after = (pattern: string) => toMs(new RegExp(`${pattern}${DURATION}`).exec(log)?.[1]);
	const pages = /(\d+) page\(s\) built in/.exec(log)?.[1];
	// Astro times its own work from after the config is loaded: the rest is start-up.
	const astro = after('page\\(s\\) built in ');
	const phases = [
		`start-up (Node, Astro, config) ${seconds(wall - astro)}, of which content loaded and checked ${seconds(after('content loaded and checked in '))}`,
		`build info ${seconds(after('Collecting build info[\\s\\S]*?Completed in '))}`,
		`bundling (Vite) ${seconds([...log.matchAll(new RegExp(`\\[vite\\] ✓ built in ${DURATION}`, 'g'))].reduce((sum, m) => sum + toMs(m[1]), 0))}`,
		`rendering ${pages} pages ${seconds(after('generating static routes[\\s\\S]*?✓ Completed in '))}`,
		`search index ${seconds(after('search index, pages per language: .* in '))}`,
		`hosting files ${seconds(after('hosting files: .* in '))}`,
	];
	const files = builtFiles(outDir);
	const count = files.length;
	const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
	const home = readFileSync(join(outDir, 'index.html'));
	const scripts = DomUtils.getElementsByTagName('script', parseDocument(home.toString())).length;
	const row = [
		`${seconds(wall)}`.padStart(8),
		cpu ? `CPU ${(Number(cpu[1]) + Number(cpu[2])).toFixed(2)} s`.padStart(11) : 'CPU n/a',
		rss ? `${(Number(rss) / 1024).toFixed(0)} MB peak`.padStart(13) : 'peak n/a',
		`${count} files`.padStart(12),
		`${(bytes / 1e6).toFixed(1)} MB`.padStart(9),
		`home ${(home.length / 1024).toFixed(1)} KB raw / ${(gzipSync(home).length / 1024).toFixed(1)} KB gzip, ${scripts} ${scripts === 1 ? 'script' : 'scripts'}`,
	].join('  ');
	return { row, phases, wall };
}

/** Requests a page until it contains a text; returns how long that took. */
async function untilShown(origin: string, path: string, text: string, limitMs = 60_000): Promise<number> {
	const began = performance.now();
	while (since(began) < limitMs) {
		const response = await fetch(`${origin}${path}`);
		if (response.ok && (await response.text()).includes(text)) return since(began);
		await new Promise((r) => setTimeout(r, 25));
	}
	return Number.POSITIVE_INFINITY;
}

/** The live preview on a synthetic content folder of `updates` updates (edited and added to). */
async function preview(contentDir: string, updates: number): Promise<string> {
	const began = performance.now();
	const dev = await startDevServer(contentDir);
	try {
		const ready = since(began);
		const time = async (path: string) => {
			const start = performance.now();
			const response = await fetch(`${dev.origin}${path}`);
			await response.text();
			if (!response.ok) throw new Error(`${path}: ${response.status}\n${dev.output().slice(-2000)}`);
			return since(start);
		};
		const first = await time('/');
		const last = syntheticUpdateFile(updates - 1).replace('.md', '');
		const next = [await time('/'), await time('/services/service-1/'), await time(`/actualites/${last}/`), await time('/actualites/'), await time('/en/')];
		writeFileSync(join(contentDir, 'updates', syntheticUpdateFile(updates - 1)), syntheticUpdate(updates - 1, 'Titre modifié pour la mesure'));
		const edited = await untilShown(dev.origin, `/actualites/${last}/`, 'Titre modifié pour la mesure');
		const added = syntheticUpdateFile(updates);
		writeFileSync(join(contentDir, 'updates', added), syntheticUpdate(updates, 'Actualité ajoutée pour la mesure'));
		const shown = await untilShown(dev.origin, `/actualites/${added.replace('.md', '')}/`, 'Actualité ajoutée pour la mesure');
		return `    live preview: ready in ${seconds(ready)}; first page ${seconds(first)}; next pages ${next.map(seconds).join(', ')} (home, service, update, archive, English home); edited update visible after ${seconds(edited)}, added update after ${seconds(shown)}`;
	} finally {
		dev.stop();
	}
}

/** Runs the steps one after the other, each in its own process, and says how long each took. */
function timeSteps(steps: [string, string[], NodeJS.ProcessEnv?][]): string[] {
	const times: string[] = [];
	for (const [name, args, env] of steps) {
		const began = performance.now();
		const result = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8', input: '', maxBuffer: 1 << 26 });
		if (result.status !== 0) {
			console.error(`${name} failed:\n${result.stdout.slice(-2000)}${result.stderr.slice(-2000)}`);
			process.exit(1);
		}
		times.push(`${name} ${seconds(since(began))}`);
	}
	return times;
}

/** A new town, as the README's "Using the kit for your town" does it: init with flags, check, build. */
function newTown(): string {
	const root = mkdtempSync(join(tmpdir(), 'bench-init-'));
	const contentDir = join(root, 'content');
	const steps: [string, string[], NodeJS.ProcessEnv?][] = [
		['init', ['scripts/init.ts', '--dir', contentDir, '--town', 'Benchville', '--phone', '02 00 00 00 00', '--email', 'mairie@bench.example', '--site', 'https://info.bench.example/', '--key', join(root, 'signature')]],
		['check', ['scripts/check.ts', '--dir', contentDir]],
		['build', ['scripts/astro.mjs', 'build'], { CONTENT_DIR: contentDir, OUT_DIR: join(root, 'dist') }],
	];
	const times = timeSteps(steps);
	rmSync(root, { recursive: true, force: true });
	return `new town (npm run init with flags, every catalogue service; then check and build): ${times.join(', ')}`;
}

/**
 * `npm run publish` of the example content to a folder target (check, build, manifest, signature,
 * deployment), then `npm run verify` of that folder, as docs/publishing.md describes them. The copy's
 * signing key is a throwaway one made here, and verify remembers what it saw in a throwaway file, never
 * in the user's own record of the town's builds.
 */
function publishToFolder(): string {
	const root = mkdtempSync(join(tmpdir(), 'bench-publish-'));
	const contentDir = join(root, 'content');
	cpSync('content', contentDir, { recursive: true });
	const key = join(root, 'signature');
	const keygen = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'bench', '-f', key], { encoding: 'utf8' });
	if (keygen.status !== 0) {
		console.error(`ssh-keygen failed: ${keygen.stderr || keygen.error?.message}`);
		process.exit(1);
	}
	const settingsFile = join(contentDir, 'settings.yaml');
	const settings = parseYaml(readFileSync(settingsFile, 'utf8'));
	const signer = String(settings.getIn(['publish', 'signer']) ?? 'bench@example.org');
	const site = join(root, 'site');
	settings.setIn(['publish', 'targets'], [{ name: 'bench', type: 'folder', path: site }]);
	writeFileSync(settingsFile, settings.toString());
	const signing = join(contentDir, 'signing');
	rmSync(signing, { recursive: true, force: true });
	mkdirSync(signing);
	const publicKey = readFileSync(`${key}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ');
	writeFileSync(join(signing, 'allowed_signers'), `${signer} namespaces="file" ${publicKey}\n`);
	writeFileSync(join(signing, 'signature.pub'), `${publicKey} bench\n`);
	const began = performance.now();
	const times = timeSteps([
		['publish', ['scripts/publish.ts', '--content', contentDir, '--key', key, '--yes']],
		['verify', ['scripts/verify.ts', site, '--allowed-signers', join(signing, 'allowed_signers')], { TOWN_SITE_VERIFY_STATE: join(root, 'seen-builds.json') }],
	]);
	const total = since(began);
	rmSync(root, { recursive: true, force: true });
	return `publish to a folder, then verify (example content): ${seconds(total)} (${times.join(', ')})`;
}

const rows: string[] = [];
for (const size of sizes) {
	if (size === 'publish') {
		rows.push(publishToFolder());
		console.log(rows.at(-1));
		continue;
	}
	if (size === 'init') {
		rows.push(newTown());
		console.log(rows.at(-1));
		continue;
	}
	const root = mkdtempSync(join(tmpdir(), 'bench-'));
	const contentDir = join(root, 'content');
	if (size === 'example') cpSync('content', contentDir, { recursive: true });
	else writeSyntheticContent(contentDir, Number(size));
	const label = (size === 'example' ? 'example' : `${size} updates`).padEnd(14);
	const { row, phases, wall } = build(contentDir, join(root, 'dist'));
	const lines = [`${label}${row}`, `    phases: ${phases.join(' · ')}`, await floor(join(root, 'dist'), wall)];
	if (size !== 'example' && !values['no-preview']) lines.push(await preview(contentDir, Number(size)));
	console.log(lines.join('\n'));
	rows.push(lines[0]!);
	if (process.env.BENCH_KEEP) console.log(`    kept: ${root}`);
	else rmSync(root, { recursive: true, force: true });
}
console.log(`\nBuild benchmark (${SYNTHETIC_SERVICES} services, CSS inlined in the HTML)\n${rows.join('\n')}`);
