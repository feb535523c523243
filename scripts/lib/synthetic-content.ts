import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Services in every synthetic site; the updates spread their status changes over them. */
export const SYNTHETIC_SERVICES = 30;
const STATUSES = ['down', 'paper', 'degraded', 'operational'];
const START = Date.parse('2024-06-24T06:30:00Z');

/** The file name of the n-th synthetic update, e.g. `update-00042.md`. */
export const syntheticUpdateFile = (n: number) => `update-${String(n).padStart(5, '0')}.md`;

/**
 * The text of the n-th synthetic update: ten minutes after the previous one, changing the status
 * of one service and naming another.
 *
 * @example
 * syntheticUpdate(3, 'Point de situation numéro 3'); // '---\ntitle: Point de situation numéro 3\ndate: 2024-06-24T07:10:00.000Z\n…'
 */
export function syntheticUpdate(n: number, title = `Point de situation numéro ${n}`): string {
	const date = new Date(START + (n + 1) * 600_000).toISOString();
	const service = `service-${n % SYNTHETIC_SERVICES}`;
	const status = STATUSES[Math.floor(n / SYNTHETIC_SERVICES) % STATUSES.length];
	return `---\ntitle: ${title}\ndate: ${date}\nkind: information\nchanges:\n  - service: ${service}\n    status: ${status}\nservices: [service-${(n + 7) % SYNTHETIC_SERVICES}]\n---\nLe service **${service}** passe à l'état ${status}. Venez à l'accueil avec vos papiers, du lundi au vendredi.\n\n- Point un\n- Point deux\n`;
}

/**
 * Writes a complete, valid content folder of the given size (settings, one place, one election,
 * one page, SYNTHETIC_SERVICES services and `updates` updates), for the benchmark, the live preview
 * test, or another tool to be measured on the same content. Its clock is frozen (`replayAt`) just
 * after the last update, so every build of it gives the same site.
 *
 * @example
 * writeSyntheticContent('/tmp/bench/content', 1000); // then CONTENT_DIR=/tmp/bench/content npm run build
 */
export function writeSyntheticContent(dir: string, updates: number): void {
	for (const folder of ['places', 'services', 'updates', 'elections', 'pages']) mkdirSync(join(dir, folder), { recursive: true });
	writeFileSync(
		join(dir, 'settings.yaml'),
		`town: Benchville\nwebsite: https://bench.example/\nsiteUrl: https://status.bench.example/\nincidentStart: 2024-06-24T08:30+02:00\nconfirmWindowHours: 48\nreplayAt: ${new Date(START + (updates + 1) * 600_000).toISOString()}\ncategories:\n  - { id: a, name: Démarches }\n  - { id: b, name: Famille }\n  - { id: c, name: Cadre de vie }\nsituation:\n  known: Les ordinateurs sont arrêtés.\n  unknown: La date de retour.\n  doing: Nous travaillons.\n  youShould: Venez à l'accueil.\ncontacts:\n  - { kind: phone, label: Standard, value: 02 00 00 00 00 }\n`,
	);
	writeFileSync(join(dir, 'places/mairie.yaml'), 'name: Mairie\naddress: 1 place de la Mairie\nhours:\n  - { days: Lundi au vendredi, hours: 8 h 30 – 17 h }\n');
	writeFileSync(join(dir, 'pages/mentions-legales.md'), '---\ntitle: Mentions légales\ndescription: Éditeur.\n---\nÉditeur : Benchville.\n');
	writeFileSync(join(dir, 'elections/vote.yaml'), 'title: Élection\nrounds:\n  - { name: Tour 1, date: 2024-06-30, opens: "08:00", closes: "18:00" }\nstations:\n  - { number: 1, place: mairie }\nregistration: a\nproxies: b\nidentity: c\nresults: d\n');
	for (let s = 0; s < SYNTHETIC_SERVICES; s++) {
		writeFileSync(
			join(dir, `services/service-${s}.yaml`),
			`name: Service ${s}\ncategory: ${'abc'[s % 3]}\ndescription: Un service municipal.\ninitialStatus: down\nworks: [Accueil]\ndoesNotWork: [Portail]\nalternative:\n  summary: Venez à l'accueil de la mairie.\n  places: [mairie]\n  bring: [Pièce d'identité]\n`,
		);
	}
	for (let u = 0; u < updates; u++) writeFileSync(join(dir, 'updates', syntheticUpdateFile(u)), syntheticUpdate(u));
}
