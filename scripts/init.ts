/**
 * Makes a new town's site: replaces the example content with the town's settings, the services it
 * picks from the catalogue (catalogue/), the legal pages and, for `elections`, an election to fill in;
 * generates the town's signing key with ssh-keygen. The site starts on standby (no incident).
 *
 *   npm run init                                  # assistant, in French
 *   npm run init -- --lang en                     # assistant, in English
 *   npm run init -- --town "Ville" --phone "02 00 00 00 00" --email mairie@ville.fr \
 *     --site https://info.ville.fr/ [--mirror https://…]… [--address "…"] [--website https://…] \
 *     --services etat-civil,cantine,… --key ~/.ssh/site-mairie-signature [--yes]   # no questions
 *
 * Flags left out are asked for, unless --yes is given or no terminal is attached: then --town,
 * --phone, --email and --site are required, --services defaults to the whole catalogue and --key to
 * ~/.ssh/site-mairie-signature. A content folder that is not empty is only replaced after a
 * confirmation (--yes without questions). The key is never overwritten nor put inside the content folder.
 * --dir (or CONTENT_DIR): the content folder, default content.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { loadContent } from '../src/lib/content.ts';
import { CATALOGUE_DIR, newSiteFiles, readCatalogue, unknownServices, type TownAnswers } from '../src/lib/init-site.ts';
import { langOf, t, type MessageKey, type MessageParams } from '../src/i18n/ui.ts';
import { formatProblems } from '../src/lib/problems.ts';
import { parseArgsOrUsage } from './lib/args.ts';
import { initInterview, isWebAddress, splitList } from './lib/init-interview.ts';
import { localPrompts } from './lib/interview.ts';

const { values } = parseArgsOrUsage(
	{
		options: {
			town: { type: 'string' },
			phone: { type: 'string' },
			email: { type: 'string' },
			site: { type: 'string' },
			website: { type: 'string' },
			address: { type: 'string' },
			mirror: { type: 'string', multiple: true },
			services: { type: 'string' },
			key: { type: 'string' },
			dir: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' },
			lang: { type: 'string', default: 'fr' },
			yes: { type: 'boolean', default: false },
		},
	},
	'usage.init',
);
const lang = langOf(values.lang);
function fail(key: MessageKey, params?: MessageParams): never {
	console.error(t(lang, key, params));
	process.exit(1);
}

const catalogue = readCatalogue(CATALOGUE_DIR);
if (catalogue.problems.length) fail('init.catalogueErrors', { problems: formatProblems(catalogue.problems, lang) });

const interactive = !values.yes && process.stdin.isTTY;
const given: Partial<TownAnswers> = {
	town: values.town,
	phone: values.phone,
	email: values.email,
	site: values.site,
	website: values.website,
	address: values.address,
	mirrors: values.mirror,
	services: values.services === undefined ? undefined : splitList(values.services),
	key: values.key,
};
if (!interactive) {
	const missing = (['town', 'phone', 'email', 'site'] as const).filter((flag) => !given[flag]);
	if (missing.length) fail('command.requiredFlags', { flags: missing.map((f) => `--${f}`).join(', ') });
	Object.assign(given, {
		website: given.website ?? given.site,
		address: given.address ?? '[À COMPLÉTER : adresse postale de la mairie]',
		mirrors: given.mirrors ?? [],
		services: given.services ?? [...catalogue.services.keys()],
		key: given.key ?? '~/.ssh/site-mairie-signature',
	});
}

const ask = localPrompts(lang);
const answers = await initInterview(ask, catalogue, given, lang).catch((error: unknown) => {
	if (error instanceof Error && error.name === 'ExitPromptError') fail('init.cancelled');
	throw error;
});

// Every answer is checked before anything is touched.
const unknown = unknownServices(answers.services, catalogue);
if (unknown.length) fail('init.unknownServices', { unknown: unknown.join(', '), known: [...catalogue.services.keys()].join(', ') });
if (!answers.services.length) fail('init.noService');
for (const url of [answers.site, answers.website ?? answers.site, ...answers.mirrors]) {
	if (!isWebAddress(url)) fail('init.notWebAddress', { url });
}
const contentDir = resolve(values.dir);
const keyPath = resolve(answers.key.replace(/^~(?=$|[\\/])/, homedir()));
if (keyPath === contentDir || keyPath.startsWith(contentDir + sep)) fail('init.keyInContent', { dir: values.dir });
if (existsSync(keyPath) || existsSync(`${keyPath}.pub`)) fail('init.keyExists', { path: keyPath });
if (existsSync(contentDir) && !statSync(contentDir).isDirectory()) fail('init.notFolder', { dir: values.dir });
const existing = existsSync(contentDir) ? readdirSync(contentDir).filter((n) => !n.startsWith('.')) : [];
if (existing.length) {
	const question = t(lang, 'init.replace', { dir: values.dir, n: existing.length });
	const confirmed = values.yes || (interactive && (await ask.confirm({ message: question, default: false }).catch(() => false)));
	if (!confirmed) fail('init.notEmpty', { dir: values.dir });
}

// The new site is written and checked in a folder beside the content first: a bad answer (an email
// the settings refuse, say) stops here, before the key is made or the old content touched.
const staging = (() => {
	try {
		mkdirSync(dirname(contentDir), { recursive: true });
		return mkdtempSync(join(dirname(contentDir), `.${basename(contentDir)}-init-`));
	} catch (error) {
		return fail('init.cannotWrite', { dir: values.dir, reason: (error as Error).message });
	}
})();
const writeAll = (files: Record<string, string>) => {
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(staging, path)), { recursive: true });
		writeFileSync(join(staging, path), text);
	}
};
writeAll(newSiteFiles(answers, catalogue, new Date()));
const { problems } = loadContent(staging, { cwd: staging });
if (problems.some((p) => p.severity === 'error')) {
	rmSync(staging, { recursive: true, force: true });
	fail('init.invalid', { problems: formatProblems(problems.filter((p) => p.severity === 'error'), lang) });
}

mkdirSync(dirname(keyPath), { recursive: true });
const keygen = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', answers.email, '-f', keyPath], { encoding: 'utf8' });
if (keygen.error || keygen.status !== 0) {
	rmSync(staging, { recursive: true, force: true });
	fail('init.keygenFailed', { reason: keygen.error?.message ?? keygen.stderr.trim() });
}
const publicKey = readFileSync(`${keyPath}.pub`, 'utf8').trim();
const [type = '', blob = ''] = publicKey.split(/\s+/);
writeAll({ [`signing/${basename(keyPath)}.pub`]: `${publicKey}\n`, 'signing/allowed_signers': `${answers.email} namespaces="file" ${type} ${blob}\n` });

// Then the swap: the old content goes, the new one is moved in (renames within one folder).
for (const name of existing) rmSync(join(contentDir, name), { recursive: true, force: true });
mkdirSync(contentDir, { recursive: true });
for (const name of readdirSync(staging)) renameSync(join(staging, name), join(contentDir, name));
rmSync(staging, { recursive: true, force: true });

console.log(t(lang, 'init.done', { town: answers.town, dir: values.dir, services: answers.services.length, key: keyPath, signing: join(values.dir, 'signing'), toComplete: problems.length, site: answers.site }));
