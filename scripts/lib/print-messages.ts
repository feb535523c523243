import { MESSAGE_LIMITS, type Messages } from '../../src/lib/messages.ts';

/** The four messages as staff read them in a terminal, each with what matters for its channel. */
export function formatMessages(m: Messages): string {
	const sms = m.sms.gsm
		? `${m.sms.characters} caractères sur ${MESSAGE_LIMITS.sms}, alphabet GSM : ${m.sms.parts} SMS`
		: `${m.sms.characters} caractères ; ${m.sms.outsideGsm.map((c) => `« ${c} »`).join(', ')} hors de l'alphabet GSM : ce texte partira en ${m.sms.parts} SMS (remplacez ces caractères pour n'en envoyer qu'un)`;
	return [
		`── SMS (${sms})`,
		m.sms.text,
		`── Réseaux sociaux (${m.social.text.length} caractères sur ${MESSAGE_LIMITS.social})`,
		m.social.text,
		`── Répondeur (${m.voicemail.words} mots, environ ${m.voicemail.seconds} secondes à lire)`,
		m.voicemail.text,
		`── Application d'alerte (titre ${m.alert.title.length}/${MESSAGE_LIMITS.alertTitle}, texte ${m.alert.text.length}/${MESSAGE_LIMITS.alertText})`,
		m.alert.title,
		m.alert.text,
	].join('\n');
}
