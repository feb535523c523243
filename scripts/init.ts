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
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/lib/content.ts';
import { CATALOGUE_DIR, newSiteFiles, readCatalogue, unknownServices, type TownAnswers } from '../src/lib/init-site.ts';
import { formatProblems } from '../src/lib/problems.ts';
import { initInterview, isWebAddress, splitList } from './lib/init-interview.ts';
import { localPrompts } from './lib/interview.ts';

const { values } = parseArgs({
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
});
const lang = values.lang === 'en' ? 'en' : 'fr';
const say = (fr: string, en: string) => (lang === 'fr' ? fr : en);
function fail(fr: string, en: string): never {
	console.error(say(fr, en));
	process.exit(1);
}

const catalogue = readCatalogue(CATALOGUE_DIR);
if (catalogue.problems.length) fail(`Le catalogue a des erreurs :\n${formatProblems(catalogue.problems)}`, `The catalogue has errors:\n${formatProblems(catalogue.problems, 'en')}`);

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
	if (missing.length) fail(`Sans assistant, ces options sont obligatoires : ${missing.map((f) => `--${f}`).join(', ')}.`, `Without the assistant, these options are required: ${missing.map((f) => `--${f}`).join(', ')}.`);
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
	if (error instanceof Error && error.name === 'ExitPromptError') fail('Annulé : rien n’a été modifié.', 'Cancelled: nothing was changed.');
	throw error;
});

// Every answer is checked before anything is touched.
const unknown = unknownServices(answers.services, catalogue);
if (unknown.length) fail(`Services inconnus du catalogue : ${unknown.join(', ')}. Services possibles : ${[...catalogue.services.keys()].join(', ')}.`, `Services not in the catalogue: ${unknown.join(', ')}. Possible services: ${[...catalogue.services.keys()].join(', ')}.`);
if (!answers.services.length) fail('Choisissez au moins un service (--services).', 'Pick at least one service (--services).');
for (const url of [answers.site, answers.website ?? answers.site, ...answers.mirrors]) {
	if (!isWebAddress(url)) fail(`« ${url} » n'est pas une adresse web (https://…).`, `"${url}" is not a web address (https://…).`);
}
const contentDir = resolve(values.dir);
const keyPath = resolve(answers.key.replace(/^~(?=$|[\\/])/, homedir()));
if (keyPath === contentDir || keyPath.startsWith(contentDir + sep)) fail(`La clé privée ne doit pas être dans ${values.dir} : elle serait publiée. Choisissez un autre --key.`, `The private key must not be inside ${values.dir}: it would be published. Choose another --key.`);
if (existsSync(keyPath) || existsSync(`${keyPath}.pub`)) fail(`Une clé existe déjà à ${keyPath} : elle n'est pas remplacée. Choisissez un autre --key, ou déplacez-la.`, `A key already exists at ${keyPath}: it is not replaced. Choose another --key, or move it.`);
const existing = existsSync(contentDir) ? readdirSync(contentDir).filter((n) => !n.startsWith('.')) : [];
if (existing.length) {
	const question = say(`Le dossier ${values.dir} contient déjà un site (${existing.length} éléments) : le remplacer entièrement ?`, `The folder ${values.dir} already holds a site (${existing.length} items): replace it entirely?`);
	const confirmed = values.yes || (interactive && (await ask.confirm({ message: question, default: false }).catch(() => false)));
	if (!confirmed) fail(`${values.dir} n'est pas vide : rien n'a été modifié. Ajoutez --yes pour le remplacer.`, `${values.dir} is not empty: nothing was changed. Add --yes to replace it.`);
}

// The new site is written and checked in a folder beside the content first: a bad answer (an email
// the settings refuse, say) stops here, before the key is made or the old content touched.
mkdirSync(dirname(contentDir), { recursive: true });
const staging = mkdtempSync(join(dirname(contentDir), `.${basename(contentDir)}-init-`));
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
	fail(`Ces réponses ne donnent pas un site valide ; rien n'a été modifié :\n${formatProblems(problems.filter((p) => p.severity === 'error'))}`, `These answers do not make a valid site; nothing was changed:\n${formatProblems(problems.filter((p) => p.severity === 'error'), 'en')}`);
}

mkdirSync(dirname(keyPath), { recursive: true });
const keygen = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', answers.email, '-f', keyPath], { encoding: 'utf8' });
if (keygen.error || keygen.status !== 0) {
	rmSync(staging, { recursive: true, force: true });
	fail(`ssh-keygen n'a pas pu créer la clé (${keygen.error?.message ?? keygen.stderr.trim()}). Installez OpenSSH (inclus dans Windows 10 et 11, macOS et Linux) puis relancez.`, `ssh-keygen could not create the key (${keygen.error?.message ?? keygen.stderr.trim()}). Install OpenSSH (part of Windows 10 and 11, macOS and Linux) and try again.`);
}
const publicKey = readFileSync(`${keyPath}.pub`, 'utf8').trim();
const [type = '', blob = ''] = publicKey.split(/\s+/);
writeAll({ [`signing/${basename(keyPath)}.pub`]: `${publicKey}\n`, 'signing/allowed_signers': `${answers.email} namespaces="file" ${type} ${blob}\n` });

// Then the swap: the old content goes, the new one is moved in (renames within one folder).
for (const name of existing) rmSync(join(contentDir, name), { recursive: true, force: true });
mkdirSync(contentDir, { recursive: true });
for (const name of readdirSync(staging)) renameSync(join(staging, name), join(contentDir, name));
rmSync(staging, { recursive: true, force: true });

const shown = values.dir;
console.log(
	say(
		`✓ Site de ${answers.town} écrit dans ${shown} : ${answers.services.length} services, en veille (aucun incident déclaré).
✓ Clé de signature : ${keyPath} (privée : gardez-la hors du projet et sauvegardez-la) ; clé publique dans ${join(shown, 'signing')}.
  ${problems.length} passages à compléter ou à vérifier (« npm run check » les liste).

Étapes suivantes :
  1. Remplacez chaque « [À COMPLÉTER …] » dans ${shown} (npm run check les liste, fichier et ligne).
  2. Prévisualisez : npm run dev, puis ouvrez l'adresse affichée.
  3. Ajoutez où publier (publish.targets dans settings.yaml, voir docs/publishing.md), puis : npm run publish.
  4. Faites connaître l'adresse ${answers.site} dès maintenant : affiche (/affiche/), site habituel, bulletin municipal.
  5. Le jour d'un incident : npm run new -- --kind incident --title "…" --body "…"`,
		`✓ Site for ${answers.town} written to ${shown}: ${answers.services.length} services, on standby (no incident declared).
✓ Signing key: ${keyPath} (private: keep it outside the project and back it up); public key in ${join(shown, 'signing')}.
  ${problems.length} passages to complete or check ("npm run check" lists them).

Next steps:
  1. Replace every "[À COMPLÉTER …]" in ${shown} (npm run check lists them, file and line).
  2. Preview: npm run dev, then open the address it shows.
  3. Add where to publish (publish.targets in settings.yaml, see docs/publishing.md), then: npm run publish.
  4. Make the address ${answers.site} known now: poster (/affiche/), usual website, town newsletter.
  5. On the day of an incident: npm run new -- --kind incident --title "…" --body "…"`,
	),
);
