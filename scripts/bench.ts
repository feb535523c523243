/**
 * Build benchmark: generates synthetic content (30 services, N updates with status changes spread
 * over them), runs the full production build on each size and prints what it cost.
 *
 *   npm run bench                 # 100, 1,000 and 5,000 updates, then a new town
 *   npm run bench -- 1000         # one size
 *   npm run bench -- init         # only a new town: npm run init (all catalogue services), check, build
 *
 * Targets on a 2-core machine: 1,000 updates < 10 s, 5,000 < 40 s, peak memory < 1.5 GB,
 * home page HTML+CSS < 15 KB gzip with no JavaScript.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const SERVICES = 30;
const STATUSES = ['down', 'paper', 'degraded', 'operational'];
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

function writeContent(dir: string, updates: number): void {
	for (const folder of ['places', 'services', 'updates', 'elections', 'pages']) mkdirSync(join(dir, folder), { recursive: true });
	const start = Date.parse('2024-06-24T06:30:00Z');
	writeFileSync(
		join(dir, 'settings.yaml'),
		`town: Benchville\nwebsite: https://bench.example/\nsiteUrl: https://status.bench.example/\nincidentStart: 2024-06-24T08:30+02:00\nconfirmWindowHours: 48\nreplayAt: ${new Date(start + (updates + 1) * 600_000).toISOString()}\ncategories:\n  - { id: a, name: Démarches }\n  - { id: b, name: Famille }\n  - { id: c, name: Cadre de vie }\nsituation:\n  known: Les ordinateurs sont arrêtés.\n  unknown: La date de retour.\n  doing: Nous travaillons.\n  youShould: Venez à l'accueil.\ncontacts:\n  - { kind: phone, label: Standard, value: 02 00 00 00 00 }\n`,
	);
	writeFileSync(join(dir, 'places/mairie.yaml'), 'name: Mairie\naddress: 1 place de la Mairie\nhours:\n  - { days: Lundi au vendredi, hours: 8 h 30 – 17 h }\n');
	writeFileSync(join(dir, 'pages/mentions-legales.md'), '---\ntitle: Mentions légales\ndescription: Éditeur.\n---\nÉditeur : Benchville.\n');
	writeFileSync(join(dir, 'elections/vote.yaml'), 'title: Élection\nrounds:\n  - { name: Tour 1, date: 2024-06-30, opens: "08:00", closes: "18:00" }\nstations:\n  - { number: 1, place: mairie }\nregistration: a\nproxies: b\nidentity: c\nresults: d\n');
	for (let s = 0; s < SERVICES; s++) {
		writeFileSync(
			join(dir, `services/service-${s}.yaml`),
			`name: Service ${s}\ncategory: ${'abc'[s % 3]}\ndescription: Un service municipal.\ninitialStatus: down\nworks: [Accueil]\ndoesNotWork: [Portail]\nalternative:\n  summary: Venez à l'accueil de la mairie.\n  places: [mairie]\n  bring: [Pièce d'identité]\n`,
		);
	}
	for (let u = 0; u < updates; u++) {
		const date = new Date(start + (u + 1) * 600_000).toISOString();
		const service = `service-${u % SERVICES}`;
		const status = STATUSES[Math.floor(u / SERVICES) % STATUSES.length];
		writeFileSync(
			join(dir, `updates/update-${String(u).padStart(5, '0')}.md`),
			`---\ntitle: Point de situation numéro ${u}\ndate: ${date}\nkind: information\nchanges:\n  - service: ${service}\n    status: ${status}\nservices: [service-${(u + 7) % SERVICES}]\n---\nLe service **${service}** passe à l'état ${status}. Venez à l'accueil avec vos papiers, du lundi au vendredi.\n\n- Point un\n- Point deux\n`,
		);
	}
}

function walk(dir: string): { count: number; bytes: number } {
	let count = 0;
	let bytes = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) {
			const sub = walk(path);
			count += sub.count;
			bytes += sub.bytes;
		} else {
			count++;
			bytes += statSync(path).size;
		}
	}
	return { count, bytes };
}

const onlyInit = process.argv.includes('init') && sizes.length === 0;
const rows: string[] = [];
for (const updates of onlyInit ? [] : sizes.length ? sizes : [100, 1000, 5000]) {
	const root = mkdtempSync(join(tmpdir(), 'bench-'));
	const contentDir = join(root, 'content');
	const outDir = join(root, 'dist');
	writeContent(contentDir, updates);
	const timeBin = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'MAXRSS_KB=%M'] : [];
	const began = performance.now();
	const [cmd, ...args] = [...timeBin, process.execPath, 'node_modules/astro/bin/astro.mjs', 'build'];
	const result = spawnSync(cmd!, args, { env: { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8', maxBuffer: 1 << 28 });
	const seconds = (performance.now() - began) / 1000;
	if (result.status !== 0) {
		console.error(result.stdout.slice(-3000), result.stderr.slice(-3000));
		process.exit(1);
	}
	const rss = /MAXRSS_KB=(\d+)/.exec(result.stderr)?.[1];
	// Where the time went, as Astro and the integrations log it.
	const phases = `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => /page\(s\) built in|search index|hosting|Completed in/.test(line)).map((line) => `    ${line.replace(/\x1b\[[0-9;]*m/g, '').trim()}`);
	const { count, bytes } = walk(outDir);
	const home = readFileSync(join(outDir, 'index.html'));
	const scripts = (home.toString().match(/<script/g) ?? []).length;
	rows.push(
		[
			`${updates} updates`.padEnd(14),
			`${seconds.toFixed(1)} s`.padStart(8),
			rss ? `${(Number(rss) / 1024).toFixed(0)} MB peak`.padStart(13) : 'peak n/a',
			`${count} files`.padStart(12),
			`${(bytes / 1e6).toFixed(1)} MB`.padStart(9),
			`home ${(home.length / 1024).toFixed(1)} KB raw / ${(gzipSync(home).length / 1024).toFixed(1)} KB gzip, ${scripts} script(s)`,
		].join('  '),
	);
	console.log([rows.at(-1), ...phases].join('\n'));
	if (process.env.BENCH_KEEP) console.log(`    kept: ${root}`);
	else rmSync(root, { recursive: true, force: true });
}
if (rows.length) console.log(`\nBuild benchmark (${SERVICES} services, CSS inlined in the HTML)\n${rows.join('\n')}`);

// A new town, as the README's "Using the kit for your town" does it: init with flags, check, build.
if (onlyInit || sizes.length === 0) {
	const root = mkdtempSync(join(tmpdir(), 'bench-init-'));
	const contentDir = join(root, 'content');
	const steps: [string, string[], NodeJS.ProcessEnv?][] = [
		['init', ['scripts/init.ts', '--dir', contentDir, '--town', 'Benchville', '--phone', '02 00 00 00 00', '--email', 'mairie@bench.example', '--site', 'https://info.bench.example/', '--key', join(root, 'signature')]],
		['check', ['scripts/check.ts', '--dir', contentDir]],
		['build', ['node_modules/astro/bin/astro.mjs', 'build'], { CONTENT_DIR: contentDir, OUT_DIR: join(root, 'dist'), ASTRO_TELEMETRY_DISABLED: '1' }],
	];
	const times: string[] = [];
	for (const [name, args, env] of steps) {
		const began = performance.now();
		const result = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8', input: '', maxBuffer: 1 << 26 });
		if (result.status !== 0) {
			console.error(`${name} failed:\n${result.stdout.slice(-2000)}${result.stderr.slice(-2000)}`);
			process.exit(1);
		}
		times.push(`${name} ${((performance.now() - began) / 1000).toFixed(1)} s`);
	}
	rmSync(root, { recursive: true, force: true });
	console.log(`\nNew town (npm run init with flags, every catalogue service; then check and build): ${times.join(', ')}`);
}
