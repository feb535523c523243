/**
 * Publishes the site: check → build → manifest → signature → deploy to every target of
 * `publish.targets` in the settings (docs/publishing.md).
 *
 *   npm run publish                           # every target
 *   npm run publish -- --only cle-usb         # only the target(s) with that name
 *   npm run publish -- --key ~/.ssh/autre     # another signing key (or PUBLISH_KEY=…)
 *   npm run publish -- --content autre/ --lang en
 *   npm run publish -- --yes                  # publish even if the content has warnings, without asking
 *
 * Nothing is deployed unless the content is valid, the build succeeds and the signed manifest checks
 * against `<content>/signing/allowed_signers`. Each target is then deployed even if another fails;
 * the exit code is 1 if any step or any target failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { confirm } from '@inquirer/prompts';
import { loadContent } from '../src/lib/content.ts';
import { counted } from '../src/i18n/ui.ts';
import { formatProblems, type Lang } from '../src/lib/problems.ts';
import { MANIFEST_FILE, manifestForFolder, serializeManifest } from '../src/lib/publish/manifest.ts';
import { signFile } from '../src/lib/publish/sign.ts';
import { deploy, expandPath, isRunning, targetLabel } from '../src/lib/publish/targets.ts';
import { isClean, verifyFolder } from '../src/lib/publish/verify.ts';
import { parseArgsOrUsage } from './lib/args.ts';

const { values } = parseArgsOrUsage(
	{
		options: {
			content: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' },
			key: { type: 'string' },
			only: { type: 'string', multiple: true },
			lang: { type: 'string', default: 'fr' },
			yes: { type: 'boolean', default: false },
		},
	},
	'Usage : npm run publish -- [--only <cible>]… [--key <clé privée>] [--content <dossier>] [--lang fr|en] [--yes]',
);
const lang: Lang = values.lang === 'en' ? 'en' : 'fr';
const say = (fr: string, en: string) => console.log(lang === 'fr' ? fr : en);
const fail = (fr: string, en: string): never => {
	console.error(`✗ ${lang === 'fr' ? fr : en}`);
	console.error(lang === 'fr' ? 'Rien n’a été publié : les copies en ligne sont inchangées.' : 'Nothing was published: the live copies are unchanged.');
	process.exit(1);
};

const projectDir = resolve(import.meta.dirname, '..');
const contentDir = resolve(values.content);

// 1. Check the content: any error stops here.
say(`Vérification du contenu (${contentDir})…`, `Checking the content (${contentDir})…`);
const { content, problems } = loadContent(contentDir);
if (problems.length) console.log(formatProblems(problems, lang));
if (!content || problems.some((p) => p.severity === 'error')) fail('Le contenu a des erreurs (voir ci-dessus).', 'The content has errors (see above).');
// Warnings (a date in the future, a service not confirmed, a next update already past…) do not stop a
// publication, but somebody must have read them: ask, or require --yes where nobody can answer.
const warnings = problems.filter((p) => p.severity === 'warning').length;
if (warnings && !values.yes) {
	if (!process.stdin.isTTY) fail('Le contenu a des avertissements (voir ci-dessus). Corrigez-les, ou relancez avec --yes pour publier quand même.', 'The content has warnings (see above). Fix them, or run again with --yes to publish anyway.');
	const go = await confirm({ message: lang === 'fr' ? 'Le contenu a des avertissements (voir ci-dessus). Publier quand même ?' : 'The content has warnings (see above). Publish anyway?', default: false }).catch(() => false);
	if (!go) fail('Publication annulée.', 'Publication cancelled.');
}
const settings = content!.settings.data.fr;
const publish = settings.publish;
if (!publish) fail('settings.yaml n’a pas de section « publish: » (voir docs/publishing.md).', 'settings.yaml has no "publish:" section (see docs/publishing.md).');
const targets = publish!.targets.filter((t) => !values.only?.length || values.only.includes(t.name ?? ''));
if (!targets.length) fail(values.only?.length ? `Aucune cible nommée ${values.only.join(', ')}.` : 'Aucune cible dans « publish.targets ».', values.only?.length ? `No target named ${values.only.join(', ')}.` : 'No target in "publish.targets".');
const keySetting = values.key ?? process.env.PUBLISH_KEY ?? publish!.key;
if (!keySetting) fail('Aucune clé de signature : « publish.key », PUBLISH_KEY ou --key.', 'No signing key: "publish.key", PUBLISH_KEY or --key.');
const keyPath = expandPath(keySetting!);
if (!existsSync(keyPath)) fail(`Clé de signature introuvable : ${keyPath}`, `Signing key not found: ${keyPath}`);
const allowedSigners = join(contentDir, 'signing', 'allowed_signers');
if (!existsSync(allowedSigners)) fail(`${allowedSigners} manque : la clé publique de la mairie doit y figurer.`, `${allowedSigners} is missing: it must list the town's public key.`);
if (settings.replayAt) say(`! replayAt est réglé (${settings.replayAt}) : le site est figé à ce moment-là. Supprimez-le pour un vrai site.`, `! replayAt is set (${settings.replayAt}): the site is frozen at that moment. Remove it for a real site.`);

// 2. Build into a fresh temporary folder. It is inside the project (in .astro/, ignored by git): for an
// output folder outside the current folder, Astro 7 puts its prerender files in the shared
// .astro/.prerender/, which two builds at once (tests, or two publications) would overwrite.
// Its name holds the process id, so that a later run can delete the folder of a run that was killed.
mkdirSync(join(projectDir, '.astro'), { recursive: true });
for (const entry of readdirSync(join(projectDir, '.astro'))) {
	const pid = Number(/^publish-(\d+)-/.exec(entry)?.[1]);
	if (pid && !isRunning(pid)) rmSync(join(projectDir, '.astro', entry), { recursive: true, force: true });
}
const work = mkdtempSync(join(projectDir, '.astro', `publish-${process.pid}-`));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
// Ctrl-C: leave through 'exit', so the temporary folder goes too (deploys are atomic per target, see docs).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
const outDir = join(work, 'site');
const builtAt = new Date();
say('Construction du site…', 'Building the site…');
const build = spawnSync(process.execPath, [join(projectDir, 'node_modules/astro/bin/astro.mjs'), 'build'], {
	cwd: projectDir,
	env: { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
	encoding: 'utf8',
	maxBuffer: 1 << 28,
});
if (build.status !== 0) {
	console.error(`${build.stdout}\n${build.stderr}`.trim().split('\n').slice(-40).join('\n'));
	fail('La construction du site a échoué (voir ci-dessus).', 'The build failed (see above).');
}

// 3. Manifest of every file, 4. signature, then a check of both against the trusted allowed_signers.
const expires = new Date(builtAt.getTime() + publish!.validDays * 86_400_000);
const manifest = manifestForFolder(outDir, { site: settings.siteUrl, mirrors: settings.mirrors, builtAt, expires });
writeFileSync(join(outDir, MANIFEST_FILE), serializeManifest(manifest));
say(`Manifeste : ${manifest.files.length} fichiers. Signature avec ${keyPath}…`, `Manifest: ${manifest.files.length} files. Signing with ${keyPath}…`);
try {
	signFile(keyPath, join(outDir, MANIFEST_FILE));
} catch (error) {
	fail(`La signature a échoué : ${(error as Error).message}`, `Signing failed: ${(error as Error).message}`);
}
const check = verifyFolder(outDir, allowedSigners);
if (!isClean(check)) fail(`La signature ne se vérifie pas avec ${allowedSigners} : ${check.signature.message}. La clé utilisée est-elle celle de la mairie ?`, `The signature does not check with ${allowedSigners}: ${check.signature.message}. Is this the town's key?`);
if (check.signature.principal !== publish!.signer) fail(`La clé est celle de « ${check.signature.principal} », pas de « ${publish!.signer} » (publish.signer).`, `The key belongs to "${check.signature.principal}", not "${publish!.signer}" (publish.signer).`);
say(`✓ Signé par ${check.signature.principal} (${check.signature.fingerprint})`, `✓ Signed by ${check.signature.principal} (${check.signature.fingerprint})`);

// 5. Deploy to every target; one failing does not stop the others.
const failures: string[] = [];
for (const target of targets) {
	const label = targetLabel(target);
	say(`→ ${label}…`, `→ ${label}…`);
	try {
		deploy(target, outDir, manifest);
		say(`  ✓ publié : ${label}`, `  ✓ published: ${label}`);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		failures.push(`${label} — ${message}`);
		console.error(lang === 'fr' ? `  ✗ ÉCHEC : ${label} — ${message}` : `  ✗ FAILED: ${label} — ${message}`);
	}
}
if (failures.length) {
	console.error(lang === 'fr' ? `\n✗ ${counted('fr', failures.length, 'cible', 'cibles')} sur ${targets.length} en échec ; les autres sont à jour :` : `\n✗ ${failures.length} of ${counted('en', targets.length, 'target', 'targets')} failed; the others are up to date:`);
	for (const f of failures) console.error(`  - ${f}`);
	process.exit(1);
}
say(
	`\n✓ Publié sur ${counted('fr', targets.length, 'cible', 'cibles')}, construit le ${builtAt.toISOString()}, valable jusqu’au ${expires.toISOString()} : republiez avant.`,
	`\n✓ Published to ${counted('en', targets.length, 'target', 'targets')}, built at ${builtAt.toISOString()}, valid until ${expires.toISOString()}: publish again before then.`,
);
