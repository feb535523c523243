import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { t } from '../../src/i18n/ui.ts';
import { buildSite } from '../support/build-site.ts';

const copyOfFixture = () => {
	const dir = join(mkdtempSync(join(tmpdir(), 'staff-')), 'content');
	cpSync('tests/fixtures/site', dir, { recursive: true });
	return dir;
};
const run = (script: string, args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', input: '' });

describe('npm run new without prompts', () => {
	test('writes an update that builds, and the status change shows on the service page', () => {
		const dir = copyOfFixture();
		const result = run('scripts/new.ts', ['--dir', dir, '--kind', 'resolution', '--title', "L'urbanisme rouvre", '--service', 'urbanisme=operational', '--body', 'Le guichet est ouvert.', '--date', '2024-06-28T10:00+02:00']);
		expect(result.status, result.stderr).toBe(0);
		expect(readdirSync(join(dir, 'updates'))).toContain('2024-06-28-l-urbanisme-rouvre.md');
		const build = buildSite(dir);
		expect(build.status, build.output).toBe(0);
		expect(existsSync(join(build.outDir, 'actualites/2024-06-28-l-urbanisme-rouvre/index.html'))).toBe(true);
		expect(readFileSync(join(build.outDir, 'services/urbanisme/index.html'), 'utf8')).toContain('Rétabli le');
	});
	test('refuses an unknown service, says why, and leaves no file behind', () => {
		const dir = copyOfFixture();
		const before = readdirSync(join(dir, 'updates'));
		const result = run('scripts/new.ts', ['--dir', dir, '--kind', 'information', '--title', 'Test', '--service', 'urbanism=paper', '--body', 'x']);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('vouliez-vous dire « urbanisme » ?');
		expect(readdirSync(join(dir, 'updates'))).toEqual(before);
	});
	test('refuses a --date that is not a date, and writes nothing, inside content/ or out of it', () => {
		const dir = copyOfFixture();
		const before = { updates: readdirSync(join(dir, 'updates')), around: readdirSync(dirname(dir)) };
		const result = run('scripts/new.ts', ['--dir', dir, '--kind', 'information', '--title', 'Test', '--body', 'x', '--date', '../../../x']);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('--date : attendu une date et heure avec décalage horaire');
		expect(result.stdout).not.toContain('✓');
		expect({ updates: readdirSync(join(dir, 'updates')), around: readdirSync(dirname(dir)) }).toEqual(before);
	});
	test('without a terminal, says which required options are missing', () => {
		const result = run('scripts/new.ts', ['--dir', copyOfFixture(), '--title', 'Test']);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('--kind, --body');
	});
});

// Every staff command, with an option that takes a value and the option naming its content folder:
// a typo or `--help` never ends in a stack trace.
describe.each([
	['new', 'scripts/new.ts', '--dir', '--dir'],
	['check', 'scripts/check.ts', '--dir', '--dir'],
	['init', 'scripts/init.ts', '--dir', '--dir'],
	['messages', 'scripts/messages.ts', '--dir', '--dir'],
	['publish', 'scripts/publish.ts', '--content', '--content'],
	['verify', 'scripts/verify.ts', '--as', undefined],
] as const)('npm run %s', (command, script, valueFlag, folderFlag) => {
	test.each([
		[['--titre', 'x'], "Unknown option '--titre'"],
		[[valueFlag], `Option '${valueFlag} <value>' argument missing`],
	])('with %j prints what is wrong and the usage line, no stack trace, exit 2', (flags, message) => {
		const result = run(script, flags);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain(message);
		expect(result.stderr).toContain(`Usage : npm run ${command} --`);
		expect(result.stderr).not.toMatch(/ERR_PARSE_ARGS|\n\s+at /);
	});
	test.each([
		[['--help'], 'fr'],
		[['-h', '--lang', 'en'], 'en'],
	] as const)('with %j prints only the usage line, changes nothing and exits 0', (flags, lang) => {
		const dir = copyOfFixture();
		const before = readdirSync(dir, { recursive: true });
		const result = run(script, [...flags, ...(folderFlag ? [folderFlag, dir] : [])]);
		expect(result.status, result.stderr).toBe(0);
		expect(result.stdout).toBe(`${t(lang, `usage.${command}`)}\n`);
		expect(result.stderr).toBe('');
		expect(readdirSync(dir, { recursive: true })).toEqual(before);
	});
});

describe('npm run check', () => {
	test('passes valid content, with its warnings, and exits 0', () => {
		const result = run('scripts/check.ts', ['--dir', 'tests/fixtures/site']);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('✓ Contenu valide : 3 services');
		expect(result.stdout).toContain('avertissements :');
	});
	test.each([
		['fr', [], 'champ « kind » : attendu une de ces valeurs : incident, information, warning, resolution, correction ; trouvé « urgent »'],
		['en', ['--lang', 'en'], 'field "kind": expected one of: incident, information, warning, resolution, correction; found "urgent"'],
	])('prints every problem (%s) and exits 1', (_, flags, message) => {
		const dir = copyOfFixture();
		writeFileSync(join(dir, 'updates/bad.md'), '---\ntitle: Test\ndate: 2024-06-25T10:00+02:00\nkind: urgent\n---\nx\n');
		writeFileSync(join(dir, 'places/ecole.yaml'), 'name: École\n');
		const result = run('scripts/check.ts', ['--dir', dir, ...flags]);
		expect(result.status).toBe(1);
		expect(result.stdout).toContain(`updates/bad.md:4 — ${message}`);
		expect(result.stdout).toMatch(/2 (erreurs dans le contenu|errors in the content)/);
	});
});
describe('npm run check never crashes on hostile content', () => {
	test.each<[string, (dir: string) => void, string]>([
		['a YAML alias bomb', (dir) => writeFileSync(join(dir, 'places/bombe.yaml'), `a: &a [x,x,x,x,x,x,x,x,x]\n${'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`).join('\n')}\nname: x\naddress: y\n`), 'places/bombe.yaml:2'],
		['3,000 nested quotes in a body', (dir) => writeFileSync(join(dir, 'updates/citations.md'), `---\ntitle: T\ndate: 2024-06-25T10:00+02:00\nkind: information\n---\n${'> '.repeat(3000)}x\n`), 'updates/citations.md:6 — champ « body »'],
		['a link to a folder', (dir) => symlinkSync(join(dir, 'places'), join(dir, 'updates/lien.md')), 'updates/lien.md'],
	])('%s: a problem naming the file, exit 1, no stack trace', (_, make, where) => {
		const dir = copyOfFixture();
		make(dir);
		const result = run('scripts/check.ts', ['--dir', dir]);
		expect(result.status, result.stderr).toBe(1);
		expect(result.stdout).toContain(where);
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});
});

describe('npm run preview', () => {
	test('before any build, says which command builds the site: exit 1, no stack trace', () => {
		const outDir = join(mkdtempSync(join(tmpdir(), 'staff-')), 'dist');
		const result = spawnSync(process.execPath, ['scripts/astro.mjs', 'preview'], { encoding: 'utf8', env: { ...process.env, OUT_DIR: outDir } });
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(`Aucun site construit dans ${outDir} : lancez npm start`);
		expect(result.stderr).not.toMatch(/Stack trace|\n\s+at /);
	});
});
