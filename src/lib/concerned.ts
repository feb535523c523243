/**
 * The services an update is about: those it names, then those whose status it changes, each once.
 * The update page lists them, the feed files the update under them and the status engine counts the
 * update as news of each.
 *
 * @example
 * concernedServices({ services: ['cantine'], changes: [{ service: 'etat-civil' }, { service: 'cantine' }] });
 * // ['cantine', 'etat-civil']
 */
export function concernedServices(update: { services: readonly string[]; changes: readonly { service: string }[] }): string[] {
	return [...new Set([...update.services, ...update.changes.map((change) => change.service)])];
}
