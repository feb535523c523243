/**
 * Checks that a copy of the site is exactly what the town signed (docs/publishing.md).
 *
 *   npm run verify -- https://secours.ville.fr/       # a copy served over HTTP(S)
 *   npm run verify -- /media/usb/site                 # a copy on disk (every file is known)
 *   npm run verify -- URL --allowed-signers fichier   # another trusted list
 *   npm run verify -- URL --lang en
 *
 * The signature of manifest.json is checked against the TRUSTED list of this project
 * (`content/signing/allowed_signers`), never against the one the copy ships. Exit code 1 on a bad
 * signature or any missing, changed or unexpected file.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Difference } from '../src/lib/publish/manifest.ts';
import { isClean, verifyFolder, verifyUrl, type VerifyReport } from '../src/lib/publish/verify.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		'allowed-signers': { type: 'string' },
		content: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' },
		lang: { type: 'string', default: 'fr' },
	},
});
const fr = values.lang !== 'en';
const t = (frText: string, enText: string) => (fr ? frText : enText);

const target = positionals[0];
if (!target || positionals.length > 1) {
	console.error(t('Usage : npm run verify -- <adresse https://… ou dossier>', 'Usage: npm run verify -- <https://… address or folder>'));
	process.exit(2);
}
const allowedSigners = resolve(values['allowed-signers'] ?? join(values.content, 'signing', 'allowed_signers'));
if (!existsSync(allowedSigners)) {
	console.error(t(`Liste de confiance introuvable : ${allowedSigners}`, `Trusted list not found: ${allowedSigners}`));
	process.exit(2);
}

const local = target.startsWith('file:') ? fileURLToPath(target) : /^https?:\/\//i.test(target) ? undefined : resolve(target);
if (local !== undefined && !(existsSync(local) && statSync(local).isDirectory())) {
	console.error(t(`Ni une adresse http(s) ni un dossier : ${target}`, `Neither an http(s) address nor a folder: ${target}`));
	process.exit(2);
}

console.log(t(`Vérification de ${local ?? target}`, `Checking ${local ?? target}`));
console.log(t(`Liste de confiance : ${allowedSigners}`, `Trusted list: ${allowedSigners}`));
let report: VerifyReport;
try {
	report = local !== undefined ? verifyFolder(local, allowedSigners) : await verifyUrl(target, allowedSigners);
} catch (error) {
	console.error(`✗ ${(error as Error).message}`);
	process.exit(1);
}

if (report.signature.missing) {
	console.log(t(`✗ COPIE INJOIGNABLE OU INCOMPLÈTE : ${report.signature.message}`, `✗ COPY UNREACHABLE OR INCOMPLETE: ${report.signature.message}`));
	console.log(t('Pas de manifeste signé à lire : vérifiez l’adresse et la connexion, puis republiez cette copie si besoin.', 'No signed manifest to read: check the address and the connection, then publish this copy again if needed.'));
	process.exit(1);
}
if (!report.signature.ok) {
	console.log(t(`✗ SIGNATURE INVALIDE : ${report.signature.message}`, `✗ BAD SIGNATURE: ${report.signature.message}`));
	console.log(t('Cette copie n’est pas authentifiée par la mairie : ne vous y fiez pas.', 'This copy is not authenticated by the town: do not trust it.'));
	process.exit(1);
}
const m = report.manifest!;
console.log(t(`✓ Signature valide : ${report.signature.principal} (clé ${report.signature.fingerprint})`, `✓ Good signature: ${report.signature.principal} (key ${report.signature.fingerprint})`));
console.log(t(`  Publication du ${m.builtAt} pour ${m.site} : ${m.files.length} fichiers listés, ${report.checked} lus.`, `  Publication of ${m.builtAt} for ${m.site}: ${m.files.length} files listed, ${report.checked} read.`));

const LABELS: Record<Difference['kind'], [string, string]> = {
	missing: ['manquant', 'missing'],
	changed: ['modifié', 'changed'],
	unexpected: ['inattendu', 'unexpected'],
	unreachable: ['illisible', 'unreachable'],
};
for (const d of report.differences) {
	const [frLabel, enLabel] = LABELS[d.kind];
	const detail = d.detail ? (d.kind === 'unexpected' ? t(` (lien depuis ${d.detail})`, ` (linked from ${d.detail})`) : ` (${d.detail})`) : '';
	console.log(`✗ ${t(frLabel, enLabel).padEnd(10)} ${d.path}${detail}`);
}
if (report.mode === 'http') {
	console.log(
		t(
			'  Note : en HTTP, un fichier ajouté n’est trouvé que si une page y mène ; vérifiez une copie sur disque pour une liste complète.',
			'  Note: over HTTP an added file is found only if a page links to it; check a copy on disk for a complete listing.',
		),
	);
}
if (!isClean(report)) {
	console.log(t(`✗ ${report.differences.length} différence(s) : cette copie n’est PAS celle que la mairie a publiée.`, `✗ ${report.differences.length} difference(s): this copy is NOT the one the town published.`));
	process.exit(1);
}
console.log(t('✓ Copie conforme : chaque fichier est celui que la mairie a signé.', '✓ Authentic copy: every file is the one the town signed.'));
