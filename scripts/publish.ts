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
import { errorText, langOf, t, type MessageKey, type MessageParams } from '../src/i18n/ui.ts';
import { formatProblems } from '../src/lib/problems.ts';
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
	'usage.publish',
);
const lang = langOf(values.lang);
const print = (key: MessageKey, params?: MessageParams) => console.log(t(lang, key, params));
const fail = (key: MessageKey, params?: MessageParams): never => {
	console.error(`✗ ${t(lang, key, params)}`);
	console.error(t(lang, 'publish.nothingPublished'));
	process.exit(1);
};

const projectDir = resolve(import.meta.dirname, '..');
const contentDir = resolve(values.content);

// 1. Check the content: any error stops here.
print('publish.checking', { dir: contentDir });
const { content, problems } = loadContent(contentDir);
if (problems.length) console.log(formatProblems(problems, lang));
if (!content || problems.some((p) => p.severity === 'error')) fail('publish.contentErrors');
// Warnings (a date in the future, a service not confirmed, a next update already past…) do not stop a
// publication, but somebody must have read them: ask, or require --yes where nobody can answer.
const warnings = problems.filter((p) => p.severity === 'warning').length;
if (warnings && !values.yes) {
	if (!process.stdin.isTTY) fail('publish.warningsUnattended');
	const go = await confirm({ message: t(lang, 'publish.warningsConfirm'), default: false }).catch(() => false);
	if (!go) fail('publish.cancelled');
}
const settings = content!.settings.data.fr;
const publish = settings.publish;
if (!publish) fail('publish.noSection');
const targets = publish!.targets.filter((target) => !values.only?.length || values.only.includes(target.name ?? ''));
if (!targets.length && values.only?.length) fail('publish.noTargetNamed', { names: values.only.join(', ') });
if (!targets.length) fail('publish.noTarget');
const keySetting = values.key ?? process.env.PUBLISH_KEY ?? publish!.key;
if (!keySetting) fail('publish.noKey');
const keyPath = expandPath(keySetting!);
if (!existsSync(keyPath)) fail('publish.keyNotFound', { path: keyPath });
const allowedSigners = join(contentDir, 'signing', 'allowed_signers');
if (!existsSync(allowedSigners)) fail('publish.noAllowedSigners', { file: allowedSigners });
if (settings.replayAt) print('publish.replayAt', { at: settings.replayAt });

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
print('publish.building');
const build = spawnSync(process.execPath, [join(projectDir, 'scripts/astro.mjs'), 'build'], {
	cwd: projectDir,
	env: { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir },
	encoding: 'utf8',
	maxBuffer: 1 << 28,
});
if (build.status !== 0) {
	console.error(`${build.stdout}\n${build.stderr}`.trim().split('\n').slice(-40).join('\n'));
	fail('publish.buildFailed');
}

// 3. Manifest of every file, 4. signature, then a check of both against the trusted allowed_signers.
const expires = new Date(builtAt.getTime() + publish!.validDays * 86_400_000);
const manifest = manifestForFolder(outDir, { site: settings.siteUrl, mirrors: settings.mirrors, builtAt, expires });
writeFileSync(join(outDir, MANIFEST_FILE), serializeManifest(manifest));
print('publish.signing', { files: manifest.files.length, key: keyPath });
try {
	signFile(keyPath, join(outDir, MANIFEST_FILE));
} catch (error) {
	fail('publish.signFailed', { message: (error as Error).message });
}
const check = verifyFolder(outDir, allowedSigners);
if (!isClean(check)) fail('publish.signatureMismatch', { file: allowedSigners, message: check.signature.message });
if (check.signature.principal !== publish!.signer) fail('publish.wrongSigner', { principal: check.signature.principal ?? '', signer: publish!.signer });
print('publish.signed', { principal: check.signature.principal ?? '', fingerprint: check.signature.fingerprint ?? '' });

// 5. Deploy to every target; one failing does not stop the others.
const failures: string[] = [];
for (const target of targets) {
	const label = targetLabel(target);
	print('publish.deploying', { label });
	try {
		deploy(target, outDir, manifest);
		print('publish.deployed', { label });
	} catch (error) {
		const message = errorText(lang, error);
		failures.push(`${label} — ${message}`);
		console.error(t(lang, 'publish.deployFailed', { label, message }));
	}
}
if (failures.length) {
	console.error(`\n${t(lang, 'publish.someFailed', { failed: failures.length, total: targets.length })}`);
	for (const f of failures) console.error(`  - ${f}`);
	process.exit(1);
}
console.log(`\n${t(lang, 'publish.done', { n: targets.length, builtAt: builtAt.toISOString(), expires: expires.toISOString() })}`);
