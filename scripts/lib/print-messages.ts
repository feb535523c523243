import { t, type Lang } from '../../src/i18n/ui.ts';
import { MESSAGE_LIMITS, type Messages } from '../../src/lib/messages.ts';

/** The four messages as staff read them in a terminal, each with what matters for its channel. */
export function formatMessages(m: Messages, lang: Lang): string {
	const sms = m.sms.gsm
		? t(lang, 'messages.smsGsm', { n: m.sms.characters, max: MESSAGE_LIMITS.sms, parts: m.sms.parts })
		: t(lang, 'messages.smsUnicode', { n: m.sms.characters, outside: m.sms.outsideGsm.map((c) => t(lang, 'problem.quoted', { value: c })).join(', '), parts: m.sms.parts });
	return [
		t(lang, 'messages.sms', { detail: sms }),
		m.sms.text,
		t(lang, 'messages.social', { n: m.social.text.length, max: MESSAGE_LIMITS.social }),
		m.social.text,
		t(lang, 'messages.voicemail', { words: m.voicemail.words, seconds: m.voicemail.seconds }),
		m.voicemail.text,
		t(lang, 'messages.alert', { title: m.alert.title.length, titleMax: MESSAGE_LIMITS.alertTitle, text: m.alert.text.length, textMax: MESSAGE_LIMITS.alertText }),
		m.alert.title,
		m.alert.text,
	].join('\n');
}
