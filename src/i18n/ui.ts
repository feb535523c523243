/**
 * The site's one string system: every sentence the kit says, to residents (this file's catalogues:
 * interface and dates) and to staff (`staff.ts`: commands and content problems), in ICU MessageFormat,
 * said through `t()`.
 * French is the residents' language and the default; English must have exactly the same keys (the type
 * checks it). Content text comes from `content/`, not from here.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { typeset } from '../lib/typography.ts';
import { staff, type StaffKey } from './staff.ts';

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A command's `--lang` flag: English if asked for, else French. */
export const langOf = (flag: string | undefined): Lang => (flag === 'en' ? 'en' : 'fr');

const fr = {
	'site.title': 'Informations services municipaux',
	'skip': 'Aller au contenu',
	'nav.home': 'Accueil',
	'nav.updates': 'Actualités',
	'nav.elections': 'Élections',
	'nav.poster': 'Affiche',
	'nav.channels': 'Canaux officiels',
	'nav.rss': 'Flux RSS',
	'nav.subscribe': 'S’abonner',
	'feed.all': 'Actualités — {town}',
	'feed.allDescription': 'Les actualités de la commune de {town} pendant l’incident informatique : état des services, solutions de remplacement, alertes.',
	'feed.service': '{service} — {town}',
	'feed.serviceDescription': 'Les actualités sur le service « {service} » de la commune de {town}.',
	'feed.elections': 'Élections — {town}',
	'feed.electionsDescription': 'Les actualités sur les élections à {town} : bureaux de vote, procurations, résultats.',
	'feed.manyChanges': '{n, plural, one {# service change d’état} other {# services changent d’état}}',
	'feed.followService': 'Suivre les actualités de ce service (flux RSS)',
	'feed.followElections': 'Suivre les actualités des élections (flux RSS)',
	'feed.howTo': 'Comment s’abonner : flux RSS et agenda',
	'calendar.add': 'Ajouter les dates des tours à votre agenda (fichier .ics)',
	'calendar.name': 'Dates à retenir — {town}',
	'calendar.description': 'Tours des élections et dates limites pendant l’incident informatique à {town}.',
	'calendar.stations': 'Bureaux de vote de {town}',
	'calendar.stationsList': 'Liste des bureaux de vote et de leurs adresses : {url}',
	'calendar.open': 'Bureaux de vote ouverts {range}.',
	'calendar.deadline': 'Date limite : {title}',
	'calendar.more': 'Plus d’informations : {url}',
	'statusFile.incident': 'Incident informatique à la mairie de {town}',
	'statusFile.updated': 'Mise à jour',
	'statusFile.smsSituation': '{town} : {situation}',
	'statusFile.smsPhone': 'Tél. {phone}.',
	'subscribe.title': 'S’abonner aux informations',
	'subscribe.intro': 'Recevez les nouvelles informations de la mairie sans revenir vérifier ce site : une application les récupère pour vous dès qu’elles sont publiées.',
	'subscribe.whatTitle': 'Qu’est-ce qu’un flux RSS ?',
	'subscribe.what': 'Un flux RSS est une adresse web qu’une application de lecture surveille pour vous. Chaque fois que la mairie publie une actualité, elle apparaît dans l’application, comme un nouveau message. C’est gratuit, sans compte et sans donner votre adresse électronique : la mairie ne sait pas qui est abonné.',
	'subscribe.howTitle': 'Comment faire',
	'subscribe.step1': 'Installez une application de lecture de flux (un « lecteur RSS »). Par exemple : Feeder (Android, gratuite), NetNewsWire (iPhone, iPad et Mac, gratuite), Feedly ou Inoreader (sur le web et sur téléphone). Le logiciel de messagerie Thunderbird sait aussi lire les flux.',
	'subscribe.step2': 'Copiez ci-dessous l’adresse du flux qui vous intéresse : sur un téléphone, appuyez longuement dessus ; sur un ordinateur, sélectionnez-la. Puis choisissez « Copier ».',
	'subscribe.step3': 'Dans l’application, choisissez « Ajouter un flux » (ou « S’abonner », ou le bouton +) et collez l’adresse.',
	'subscribe.step4': 'C’est tout : les nouvelles actualités arrivent d’elles-mêmes. Pour arrêter, supprimez le flux dans l’application.',
	'subscribe.feedsTitle': 'Les flux',
	'subscribe.allFeed': 'Toutes les actualités',
	'subscribe.electionsFeed': 'Les actualités sur les élections',
	'subscribe.serviceFeeds': 'Un seul service',
	'subscribe.serviceFeedsIntro': 'Pour ne recevoir que ce qui concerne un service :',
	'subscribe.limit': 'Chaque flux contient les {n} actualités les plus récentes. Les plus anciennes restent sur ce site.',
	'subscribe.calendarTitle': 'Ajouter les dates à votre agenda',
	'subscribe.calendar': 'Ce fichier contient les dates des tours des élections, avec les horaires des bureaux de vote, et les dates limites à respecter. Abonnez-vous-y plutôt que de l’importer une fois : votre agenda se mettra à jour si une date change.',
	'subscribe.calendarHow': 'Google Agenda (sur ordinateur) : « Autres agendas », bouton +, « À partir de l’URL », puis collez l’adresse. iPhone : Réglages, Calendrier, Comptes, Ajouter un compte, Autre, « Ajouter un calendrier avec abonnement ». Outlook : « Ajouter un calendrier », « S’abonner à partir du web ».',
	'subscribe.calendarFile': 'Agenda des dates à retenir',
	'subscribe.machineTitle': 'Pour les programmes et les relais d’information',
	'subscribe.machine': 'Ces fichiers donnent l’état actuel des services, pour les médias, les associations ou les développeurs qui relaient l’information.',
	'subscribe.statusJson': 'État des services au format JSON',
	'subscribe.statusTxt': 'État des services en texte court, à lire sur un téléphone ou à envoyer par SMS',
	'subscribe.statuspage': 'État des services au format de l’API publique de Statuspage (Atlassian)',
	'nav.search': 'Rechercher',
	'nav.main': 'Navigation principale',
	'lang.switch': 'English',
	'lang.switchLabel': 'Read this page in English',
	'status.operational': 'Fonctionne normalement',
	'status.degraded': 'Perturbé',
	'status.paper': 'Sur papier uniquement',
	'status.down': 'Interrompu',
	'status.restored': 'Rétabli le',
	'status.stale': 'À confirmer',
	'status.since': 'Depuis le',
	'status.lastConfirmed': 'Vérifié le',
	'banner.label': 'Situation',
	'banner.allClear': 'Tous les services fonctionnent normalement.',
	'banner.lastUpdated': 'Dernière mise à jour :',
	'banner.nextUpdate': 'Prochaine mise à jour prévue :',
	'banner.noNextUpdate': 'Prochaine mise à jour : dès que la situation évolue.',
	'situation.title': 'La situation',
	'situation.known': 'Ce que nous savons',
	'situation.unknown': 'Ce que nous ne savons pas encore',
	'situation.doing': 'Ce que nous faisons',
	'situation.youShould': 'Ce que vous devez faire',
	'pinned.title': 'À lire en priorité',
	'services.title': 'État des services',
	'services.notListed': "Un service qui n'est pas dans cette liste fonctionne normalement.",
	'services.insteadShort': 'À la place :',
	'service.works': 'Ce qui fonctionne',
	'service.doesNotWork': 'Ce qui ne fonctionne pas',
	'service.alternative': 'Que faire à la place',
	'service.where': 'Où aller',
	'service.when': 'Quand',
	'service.bring': 'À apporter',
	'service.phone': 'Téléphone',
	'service.deadlines': 'Délais à respecter',
	'service.history': 'Historique de l’état',
	'service.historyEmpty': 'Aucun changement depuis le début de l’incident ({date}).',
	'service.updates': 'Actualités sur ce service',
	'service.initial': 'État au début de l’incident',
	'place.hours': 'Horaires',
	'place.access.walk-in': 'Sans rendez-vous',
	'place.access.appointment': 'Sur rendez-vous',
	'place.access.both': 'Avec ou sans rendez-vous',
	'updates.title': 'Actualités',
	'updates.latest': 'Dernières actualités',
	'updates.all': 'Toutes les actualités',
	'updates.page': 'Page {n} sur {total}',
	'updates.previous': 'Plus récentes',
	'updates.next': 'Plus anciennes',
	'updates.published': 'Publié le',
	'updates.concerns': 'Services concernés',
	'updates.changes': 'Changements d’état',
	'updates.corrects': 'Cette correction remplace une information de l’actualité',
	'updates.correctedBy': 'Cette actualité a été corrigée :',
	'updates.permalink': 'Lien permanent',
	'kind.incident': 'Incident',
	'kind.information': 'Information',
	'kind.warning': 'Alerte',
	'kind.resolution': 'Rétablissement',
	'kind.correction': 'Correction',
	'contacts.title': 'Nous contacter',
	'contacts.working': 'Ces moyens fonctionnent',
	'contacts.notRead': 'Ne les utilisez pas : ils ne sont pas lus en ce moment',
	'elections.title': 'Élections',
	'elections.rounds': 'Dates et horaires',
	'elections.stations': 'Bureaux de vote',
	'elections.arrangements': 'Ce qui change cette fois',
	'elections.registration': 'Vérifier votre inscription et votre bureau',
	'elections.registrationLink': 'Vérifier sur service-public.fr',
	'elections.proxies': 'Voter par procuration',
	'elections.proxiesLink': 'Faire une procuration sur maprocuration.gouv.fr',
	'elections.identity': 'Pièce d’identité',
	'elections.results': 'Résultats',
	'elections.assessors': 'Devenir assesseur',
	'elections.timeRange': 'de {opens} à {closes}',
	'poster.title': 'Affiche à imprimer',
	'poster.intro': 'Informations pratiques pendant l’incident informatique',
	'poster.asOf': 'Situation au',
	'poster.scan': 'Toutes les informations à jour :',
	'poster.print': 'Imprimez cette page (format A4) pour l’afficher aux portes des bâtiments publics.',
	'poster.keyNumbers': 'Numéros utiles',
	'channels.title': 'Canaux officiels',
	'channels.addresses': 'Adresses officielles de ce site',
	'channels.mirrors': 'Copies officielles (miroirs)',
	'channels.website': 'Site habituel de la commune',
	'channels.never': 'La mairie ne vous demandera jamais',
	'channels.noForms': 'Ce site ne vous demande jamais rien : aucun espace de connexion, aucun formulaire d’envoi, aucun lien de paiement. Rien de ce que vous tapez sur ce site n’est envoyé. Si une page vous demande des informations personnelles ou un paiement, ce n’est pas nous.',
	'channels.social': 'Réseaux sociaux officiels',
	'channels.phones': 'Téléphones',
	'channels.authenticity': 'Vérifier qu’une copie est authentique',
	'channels.authenticityIntro': 'Chaque publication de ce site contient la liste de tous ses fichiers, avec l’empreinte numérique de chacun, signée avec la clé de la mairie. Si un seul caractère d’une page est changé sur une copie, cette page ne correspond plus à la liste ; si la liste est changée, elle ne correspond plus à la signature.',
	'channels.fingerprint': 'Empreinte de la clé de signature de la mairie',
	'channels.fingerprintCompare': 'Une copie falsifiée pourrait aussi changer cette page : comparez cette empreinte avec celle que la mairie donne par ses autres canaux officiels (affichage à l’accueil, réseaux sociaux).',
	'channels.howToCheck': 'Pour vérifier une copie (pour une personne à l’aise avec l’informatique) : téléchargez les fichiers ci-dessous, vérifiez la signature avec OpenSSH (ssh-keygen -Y verify, espace de noms « file »), puis comparez l’empreinte SHA-256 de chaque fichier avec la liste. Le kit de ce site fait tout cela avec la commande « npm run verify -- adresse-de-la-copie ».',
	'channels.manifest': 'La liste des fichiers et de leurs empreintes',
	'channels.signature': 'Sa signature',
	'channels.allowedSigners': 'La clé publique de la mairie, au format allowed_signers',
	'channels.publicKey': 'La clé publique de la mairie',
	'notTranslated': 'Cette page n’est pas encore traduite.',
	'footer.pages': 'Informations légales',
	'footer.publisher': 'Publié par la commune de {town}. Site statique, sans cookies ni traceurs.',
	'notFound.title': 'Page introuvable',
	'notFound.text': 'Cette adresse ne correspond à aucune page. Elle a peut-être été déplacée.',
	'notFound.home': 'Retour à l’accueil',
	'toc.updates': 'Voir toutes les actualités',
	'home.links': 'Pages utiles',
	'home.subscribe': 'S’abonner aux actualités',
	'search.title': 'Rechercher sur le site',
	'search.intro': 'Cherchez un service, une démarche ou une actualité, avec ou sans accents.',
	'search.noScript': 'La recherche a besoin de JavaScript, qui est désactivé ou n’a pas pu se charger sur cet appareil.',
	'search.browse': 'Pour trouver une information sans la recherche :',
	// Words and time (issue 8): honest wording for late, unconfirmed and unreplaced, and the footer's addresses.
	'banner.nextUpdateLate': 'Prochaine mise à jour : mise à jour en retard, elle sera publiée dès que possible.',
	'status.unconfirmed': 'À confirmer',
	'status.staleAs.operational': 'Fonctionnait le {date} — à confirmer',
	'status.staleAs.degraded': 'Perturbé le {date} — à confirmer',
	'status.staleAs.paper': 'Sur papier uniquement le {date} — à confirmer',
	'status.staleAs.down': 'Interrompu le {date} — à confirmer',
	'service.noAlternative': 'Pas de solution de remplacement pour l’instant.',
	'service.askWho': 'Pour toute question : {label}, {phone}.',
	'footer.addresses': 'Les seules adresses officielles de ce site :',
	'footer.channels': 'Vérifier une adresse, signaler un faux message',
	'notTranslatedBlock': 'Pas encore traduit.',
	'calendar.descriptionDeadlines': 'Dates limites à respecter pendant l’incident informatique à {town}.',
	'subscribe.calendarDeadlines': 'Ce fichier contient les dates limites à respecter. Abonnez-vous-y plutôt que de l’importer une fois : votre agenda se mettra à jour si une date change.',
	// Standby: no incident in progress; the site is published in peacetime so its address is known.
	'standby.title': 'Aucun incident en cours : les services de la mairie fonctionnent normalement.',
	'standby.purpose': 'En cas de panne informatique ou de cyberattaque, la mairie vous informera ici. Notez cette adresse ou abonnez-vous :',
	'standby.subscribe': 's’abonner aux actualités',
	'standby.phishing': 'Méfiez-vous des faux messages au nom de la mairie :',
	'standby.channels': 'nos canaux officiels et ce que nous ne vous demanderons jamais',
	'standby.historyEmpty': 'Aucun incident en cours : ce service fonctionne normalement.',
	'standby.posterIntro': 'Le site officiel qui vous informe en cas de panne informatique ou de cyberattaque',
	'colon': ' :',
	'semicolon': ' ; ',
	// ——— Home page, banner and lists on a phone (issue 8) ———
	'situation.open': 'La mairie est ouverte.',
	'situation.closed': 'La mairie est fermée.',
	'situation.affected': '{n, plural, one {# service sur {total} fonctionne autrement.} other {# services sur {total} fonctionnent autrement.}}',
	'home.call': 'Appeler',
	'home.jump': 'Sur cette page',
	'home.jumpServices': 'Services',
	'home.jumpContacts': 'Contacts',
	'home.findStation': 'Trouver mon bureau de vote',
	'updates.corrected': 'Corrigé',
	'elections.stationNumbers': '{n, plural, one {Bureau {numbers}} other {Bureaux {numbers}}}',
	'service.historyLine': '{from} → {to}',
} as const;

export type UiKey = keyof typeof fr;

const en: Record<UiKey, string> = {
	'site.title': 'Municipal services information',
	'skip': 'Skip to content',
	'nav.home': 'Home',
	'nav.updates': 'Updates',
	'nav.elections': 'Elections',
	'nav.poster': 'Poster',
	'nav.channels': 'Official channels',
	'nav.rss': 'RSS feed',
	'nav.subscribe': 'Subscribe',
	'feed.all': 'Updates — {town}',
	'feed.allDescription': 'Updates from the town of {town} during the IT incident: service status, alternatives, warnings.',
	'feed.service': '{service} — {town}',
	'feed.serviceDescription': 'Updates about the “{service}” service of the town of {town}.',
	'feed.elections': 'Elections — {town}',
	'feed.electionsDescription': 'Updates about the elections in {town}: polling stations, proxies, results.',
	'feed.manyChanges': '{n, plural, one {# service changes status} other {# services change status}}',
	'feed.followService': 'Follow updates about this service (RSS feed)',
	'feed.followElections': 'Follow updates about the elections (RSS feed)',
	'feed.howTo': 'How to subscribe: RSS feeds and calendar',
	'calendar.add': 'Add the polling days to your calendar (.ics file)',
	'calendar.name': 'Key dates — {town}',
	'calendar.description': 'Election rounds and deadlines during the IT incident in {town}.',
	'calendar.stations': 'Polling stations of {town}',
	'calendar.stationsList': 'List of polling stations and their addresses: {url}',
	'calendar.open': 'Polling stations open {range}.',
	'calendar.deadline': 'Deadline: {title}',
	'calendar.more': 'More information: {url}',
	'statusFile.incident': 'IT incident at the town hall of {town}',
	'statusFile.updated': 'Updated',
	'statusFile.smsSituation': '{town}: {situation}',
	'statusFile.smsPhone': 'Tel. {phone}.',
	'subscribe.title': 'Follow the updates',
	'subscribe.intro': 'Get the town hall’s new updates without coming back to check this site: an app fetches them for you as soon as they are published.',
	'subscribe.whatTitle': 'What is an RSS feed?',
	'subscribe.what': 'An RSS feed is a web address that a reader app watches for you. Each time the town hall publishes an update, it shows up in the app like a new message. It is free, needs no account and no email address: the town hall does not know who subscribes.',
	'subscribe.howTitle': 'How to do it',
	'subscribe.step1': 'Install a feed reader app (an “RSS reader”). For example: Feeder (Android, free), NetNewsWire (iPhone, iPad and Mac, free), Feedly or Inoreader (on the web and on phones). The Thunderbird email program can read feeds too.',
	'subscribe.step2': 'Copy the address of the feed you want from the list below: on a phone, press and hold it; on a computer, select it. Then choose “Copy”.',
	'subscribe.step3': 'In the app, choose “Add feed” (or “Subscribe”, or the + button) and paste the address.',
	'subscribe.step4': 'That is all: new updates arrive by themselves. To stop, delete the feed in the app.',
	'subscribe.feedsTitle': 'The feeds',
	'subscribe.allFeed': 'All updates',
	'subscribe.electionsFeed': 'Updates about the elections',
	'subscribe.serviceFeeds': 'One service only',
	'subscribe.serviceFeedsIntro': 'To receive only what concerns one service:',
	'subscribe.limit': 'Each feed holds the {n} most recent updates. Older ones stay on this site.',
	'subscribe.calendarTitle': 'Add the dates to your calendar',
	'subscribe.calendar': 'This file holds the election rounds, with the polling stations’ opening hours, and the deadlines to keep. Subscribe to it rather than importing it once: your calendar will update if a date changes.',
	'subscribe.calendarHow': 'Google Calendar (on a computer): “Other calendars”, + button, “From URL”, then paste the address. iPhone: Settings, Calendar, Accounts, Add Account, Other, “Add Subscribed Calendar”. Outlook: “Add calendar”, “Subscribe from web”.',
	'subscribe.calendarFile': 'Calendar of key dates',
	'subscribe.machineTitle': 'For programs and information relays',
	'subscribe.machine': 'These files give the current status of services, for media, associations or developers who pass the information on.',
	'subscribe.statusJson': 'Service status as JSON',
	'subscribe.statusTxt': 'Service status as short text, to read on a phone or send by text message',
	'subscribe.statuspage': 'Service status in the format of Atlassian Statuspage’s public API',
	'nav.search': 'Search',
	'nav.main': 'Main navigation',
	'lang.switch': 'Français',
	'lang.switchLabel': 'Lire cette page en français',
	'status.operational': 'Working normally',
	'status.degraded': 'Disrupted',
	'status.paper': 'On paper only',
	'status.down': 'Unavailable',
	'status.restored': 'Restored on',
	'status.stale': 'To be confirmed',
	'status.since': 'Since',
	'status.lastConfirmed': 'Checked on',
	'banner.label': 'Situation',
	'banner.allClear': 'All services are working normally.',
	'banner.lastUpdated': 'Last updated:',
	'banner.nextUpdate': 'Next update expected:',
	'banner.noNextUpdate': 'Next update: as soon as the situation changes.',
	'situation.title': 'The situation',
	'situation.known': 'What we know',
	'situation.unknown': 'What we do not know yet',
	'situation.doing': 'What we are doing',
	'situation.youShould': 'What you should do',
	'pinned.title': 'Read this first',
	'services.title': 'Service status',
	'services.notListed': 'A service not listed here is working normally.',
	'services.insteadShort': 'Instead:',
	'service.works': 'What still works',
	'service.doesNotWork': 'What does not work',
	'service.alternative': 'What to do instead',
	'service.where': 'Where to go',
	'service.when': 'When',
	'service.bring': 'What to bring',
	'service.phone': 'Phone',
	'service.deadlines': 'Deadlines',
	'service.history': 'Status history',
	'service.historyEmpty': 'No change since the incident began ({date}).',
	'service.updates': 'Updates about this service',
	'service.initial': 'Status when the incident began',
	'place.hours': 'Opening hours',
	'place.access.walk-in': 'No appointment needed',
	'place.access.appointment': 'By appointment',
	'place.access.both': 'With or without appointment',
	'updates.title': 'Updates',
	'updates.latest': 'Latest updates',
	'updates.all': 'All updates',
	'updates.page': 'Page {n} of {total}',
	'updates.previous': 'Newer',
	'updates.next': 'Older',
	'updates.published': 'Published on',
	'updates.concerns': 'Services concerned',
	'updates.changes': 'Status changes',
	'updates.corrects': 'This correction replaces information given in',
	'updates.correctedBy': 'This update has been corrected:',
	'updates.permalink': 'Permanent link',
	'kind.incident': 'Incident',
	'kind.information': 'Information',
	'kind.warning': 'Warning',
	'kind.resolution': 'Restored',
	'kind.correction': 'Correction',
	'contacts.title': 'Contact us',
	'contacts.working': 'These channels work',
	'contacts.notRead': 'Do not use these: they are not being read at the moment',
	'elections.title': 'Elections',
	'elections.rounds': 'Dates and hours',
	'elections.stations': 'Polling stations',
	'elections.arrangements': 'What is different this time',
	'elections.registration': 'Check your registration and polling station',
	'elections.registrationLink': 'Check on service-public.fr',
	'elections.proxies': 'Voting by proxy',
	'elections.proxiesLink': 'Apply for a proxy on maprocuration.gouv.fr',
	'elections.identity': 'Identity document',
	'elections.results': 'Results',
	'elections.assessors': 'Become an assessor',
	'elections.timeRange': 'from {opens} to {closes}',
	'poster.title': 'Printable poster',
	'poster.intro': 'Practical information during the IT incident',
	'poster.asOf': 'Situation on',
	'poster.scan': 'All the latest information:',
	'poster.print': 'Print this page (A4) to put it up on the doors of public buildings.',
	'poster.keyNumbers': 'Useful numbers',
	'channels.title': 'Official channels',
	'channels.addresses': 'Official addresses of this site',
	'channels.mirrors': 'Official copies (mirrors)',
	'channels.website': 'The town’s usual website',
	'channels.never': 'The town hall will never ask you for',
	'channels.noForms': 'This site never asks you for anything: no log-in, no form that sends data, no payment links. Nothing you type on this site is sent anywhere. If a page asks you for personal details or a payment, it is not us.',
	'channels.social': 'Official social media',
	'channels.phones': 'Phones',
	'channels.authenticity': 'Checking that a copy is genuine',
	'channels.authenticityIntro': 'Every publication of this site contains the list of all its files, with a digital fingerprint of each, signed with the town’s key. If a single character of a page is changed on a copy, that page no longer matches the list; if the list is changed, it no longer matches the signature.',
	'channels.fingerprint': 'Fingerprint of the town’s signing key',
	'channels.fingerprintCompare': 'A forged copy could change this page too: compare this fingerprint with the one the town gives through its other official channels (notice at the front desk, social media).',
	'channels.howToCheck': 'To check a copy (for someone at ease with computers): download the files below, check the signature with OpenSSH (ssh-keygen -Y verify, namespace "file"), then compare the SHA-256 of each file with the list. This site’s kit does all of it with the command "npm run verify -- address-of-the-copy".',
	'channels.manifest': 'The list of files and their fingerprints',
	'channels.signature': 'Its signature',
	'channels.allowedSigners': 'The town’s public key, in allowed_signers format',
	'channels.publicKey': 'The town’s public key',
	'notTranslated': 'This page has not been translated yet; it is shown in French.',
	'footer.pages': 'Legal information',
	'footer.publisher': 'Published by the town of {town}. Static site, no cookies or trackers.',
	'notFound.title': 'Page not found',
	'notFound.text': 'This address does not match any page. It may have moved.',
	'notFound.home': 'Back to the home page',
	'toc.updates': 'See all updates',
	'home.links': 'Useful pages',
	'home.subscribe': 'Subscribe to updates',
	'search.title': 'Search this site',
	'search.intro': 'Look for a service, a procedure or an update.',
	'search.noScript': 'Search needs JavaScript, which is turned off or could not load on this device.',
	'search.browse': 'To find information without searching:',
	// Words and time (issue 8).
	'banner.nextUpdateLate': 'Next update: the update is late; it will be published as soon as possible.',
	'status.unconfirmed': 'To be confirmed',
	'status.staleAs.operational': 'Working on {date} — to be confirmed',
	'status.staleAs.degraded': 'Disrupted on {date} — to be confirmed',
	'status.staleAs.paper': 'On paper only on {date} — to be confirmed',
	'status.staleAs.down': 'Unavailable on {date} — to be confirmed',
	'service.noAlternative': 'No alternative for now.',
	'service.askWho': 'For any question: {label}, {phone}.',
	'footer.addresses': 'The only official addresses of this site:',
	'footer.channels': 'Check an address, report a fake message',
	'notTranslatedBlock': 'Not translated yet.',
	'calendar.descriptionDeadlines': 'Deadlines to keep during the IT incident in {town}.',
	'subscribe.calendarDeadlines': 'This file holds the deadlines to keep. Subscribe to it rather than importing it once: your calendar will update if a date changes.',
	// Standby: no incident in progress; the site is published in peacetime so its address is known.
	'standby.title': 'No incident in progress: the town hall’s services are working normally.',
	'standby.purpose': 'If an IT failure or a cyberattack happens, the town hall will keep you informed here. Note this address or subscribe:',
	'standby.subscribe': 'subscribe to updates',
	'standby.phishing': 'Beware of fake messages in the town hall’s name:',
	'standby.channels': 'our official channels and what we will never ask you for',
	'standby.historyEmpty': 'No incident in progress: this service is working normally.',
	'standby.posterIntro': 'The official site that keeps you informed if an IT failure or a cyberattack happens',
	'colon': ':',
	'semicolon': '; ',
	// ——— Home page, banner and lists on a phone (issue 8) ———
	'situation.open': 'The town hall is open.',
	'situation.closed': 'The town hall is closed.',
	'situation.affected': '{n, plural, one {# of {total} services works differently.} other {# of {total} services work differently.}}',
	'home.call': 'Call',
	'home.jump': 'On this page',
	'home.jumpServices': 'Services',
	'home.jumpContacts': 'Contacts',
	'home.findStation': 'Find my polling station',
	'updates.corrected': 'Corrected',
	'elections.stationNumbers': '{n, plural, one {Station {numbers}} other {Stations {numbers}}}',
	'service.historyLine': '{from} → {to}',
};


/**
 * How dates read (src/lib/dates.ts), from parts Intl has already formatted: not typeset, as the site has
 * always shown them (`lundi 24 juin 2024 à 8 h 30`); the French time spells its own no-break spaces.
 */
export const dates = {
	fr: {
		'date.long': '{weekday} {day, selectordinal, one {#er} other {#}} {month} {year}',
		'date.dayMonth': '{day, selectordinal, one {#er} other {#}} {month}',
		'date.at': '{date} à {time}',
		'date.repeatedHour': '{time} ({which, select, earlier {heure d’été} other {heure d’hiver}})',
		// `08:30` → `8 h 30`, `08:00` → `8 h`.
		'date.time': '{minute, select, 00 {{hour, number}\u00a0h} other {{hour, number}\u00a0h\u00a0{minute}}}',
	},
	en: {
		'date.long': '{weekday} {day} {month} {year}',
		'date.dayMonth': '{day} {month}',
		'date.at': '{date} at {time}',
		'date.repeatedHour': '{time} ({which, select, earlier {summer time} other {winter time}})',
		'date.time': '{hour}:{minute}',
	},
} as const satisfies Record<Lang, Record<string, string>>;
type DateKey = keyof typeof dates.fr;

/** The values a message's `{arguments}` take. */
export type MessageParams = Record<string, string | number>;
/**
 * Any message of either catalogue; a key that is in neither is a type error, and so is a key in both
 * (it would be said with one audience's wording to the other).
 */
export type MessageKey = [Extract<UiKey | DateKey, StaffKey> | Extract<UiKey, DateKey>] extends [never] ? UiKey | DateKey | StaffKey : { keyInTwoCatalogues: Extract<UiKey | DateKey, StaffKey> | Extract<UiKey, DateKey> };

/** What residents read, in both languages. */
export const ui = { fr, en };

/**
 * Residents read French with its no-break spaces (dates come with theirs); staff read terminals, where a
 * copied command or path must stay plain.
 */
const catalogues = [
	{ messages: ui, typeset: true },
	{ messages: dates, typeset: false },
	{ messages: staff, typeset: false },
] as const;

interface Formatter {
	message: IntlMessageFormat;
	typeset: boolean;
	/** The message said without arguments, once. */
	plain?: string;
}
const formatters: Record<Lang, Map<MessageKey, Formatter>> = { fr: new Map(), en: new Map() };

function formatter(lang: Lang, key: MessageKey): Formatter {
	let found = formatters[lang].get(key);
	if (!found) {
		const catalogue = catalogues.find((c) => Object.hasOwn(c.messages[lang], key));
		if (!catalogue) throw new Error(`No message "${key}" in src/i18n/`);
		const source = (catalogue.messages[lang] as Record<MessageKey, string>)[key];
		// Tags are not markup here: `<meta>` in a sentence is text.
		found = { message: new IntlMessageFormat(source, lang, undefined, { ignoreTag: true }), typeset: catalogue.typeset && lang === 'fr' };
		formatters[lang].set(key, found);
	}
	return found;
}

/**
 * One message in one language: its `{arguments}` filled in, its plurals chosen by the language's rules
 * (`{n, plural, one {# service} other {# services}}`: never "service(s)"), and, for residents' French,
 * its no-break spaces (`typeset`), so that no message spells them and no caller adds them. Each message is
 * parsed once; a message without arguments is said once.
 *
 * @example
 * t('fr', 'banner.nextUpdate');                                 // 'Prochaine mise à jour prévue\u00a0:'
 * t('fr', 'situation.affected', { n: 8, total: 10 });          // '8\u00a0services sur 10\u00a0fonctionnent autrement.'
 * t('en', 'check.valid', { services: 3, updates: 1, places: 2, elections: 0 }); // '✓ Content is valid: 3 services, 1 published update, 2 places, 0 elections.'
 */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
	const f = formatter(lang, key);
	if (!params && f.plain !== undefined) return f.plain;
	const text = String(f.message.format(params));
	const said = f.typeset ? typeset(text) : text;
	if (!params) f.plain = said;
	return said;
}

/**
 * An error a library function throws for staff to read: a catalogue message, said in French as its
 * `message` and in the staff's language by `errorText`.
 *
 * @example
 * throw new MessageError('deploy.notFile', { dest: '/media/usb/site.zip' });
 */
export class MessageError extends Error {
	readonly key: MessageKey;
	readonly params: MessageParams | undefined;
	constructor(key: MessageKey, params?: MessageParams) {
		super(t('fr', key, params));
		this.key = key;
		this.params = params;
	}
}

/** What went wrong, in `lang` when it is a `MessageError`, else as the error says it. */
export function errorText(lang: Lang, error: unknown): string {
	if (error instanceof MessageError) return t(lang, error.key, error.params);
	return error instanceof Error ? error.message : String(error);
}
