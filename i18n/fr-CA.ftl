# Les mots de kap : français (Québec).

## Dates

weekday-1 = lun.
weekday-2 = mar.
weekday-3 = mer.
weekday-4 = jeu.
weekday-5 = ven.
weekday-6 = sam.
weekday-7 = dim.
month-1 = janv.
month-2 = févr.
month-3 = mars
month-4 = avr.
month-5 = mai
month-6 = juin
month-7 = juill.
month-8 = août
month-9 = sept.
month-10 = oct.
month-11 = nov.
month-12 = déc.
date-short = { $weekday } { $day } { $month }

## Touches (pied de page et aide)

key-acknowledge-alert = acquitter l'alerte
key-alarm-sound-pause-capped-asks-why = son d'alarme : pause (limitée, motif) ou reprise
key-re-create-the-vanished-session-folder = recréer le dossier de séance disparu
key-start = démarrer
key-pause-resume = pause/reprise
key-stop-early = arrêt anticipé
key-music-on-off = musique oui/non
key-check-in-done = contact fait
key-start-debrief-now = commencer le retour
key-music-or-support = musique/soutien
key-close-session = clore la séance
key-answer-tick = répondre/cocher
key-choose-a-prompt = choisir une rubrique
key-tick-or-untick = cocher ou décocher
key-next-phase = étape suivante
key-vitals = signes vitaux
key-note = note
key-help = aide
key-look-back-at-earlier-phases = revoir les étapes précédentes
key-record-a-timed-measure-that-is = saisir une mesure programmée due
key-end-session-early-asks-a-reason = terminer la séance plus tôt (motif demandé)
key-timeline-everything-in-order-correct-an = chronologie : tout dans l'ordre; corriger une entrée
key-who-is-entering-the-next-clinician = qui saisit : le clinicien présent suivant
key-consent-withdrawn-stops-the-infusion-asks = retrait du consentement (arrête l’administration; motif demandé)
key-edit-the-course-s-goals = modifier les objectifs
key-next-theme = thème suivant
key-chimes-on-off-due-vitals-alerts = carillon oui/non (signes vitaux dus, alertes)
key-next-track = piste suivante
key-leave-kap-session-stays-open = quitter kap (la séance reste ouverte)
key-music-volume = volume de la musique
key-simulated-time-faster-slower = temps simulé plus vite / plus lent
key-pause-resume-simulated-time = pause / reprise du temps simulé
key-cycle-the-monitor-s-bp-cuff = lancer une mesure au brassard
key-save-text = enregistrer
key-stop-editing-asks-before-discarding = quitter l'édition (demande avant d'effacer)
key-new-line = nouvelle ligne
key-save-the-note = enregistrer la note
key-to-the-quick-tags-and-back = aller-retour aux étiquettes rapides; Espace en coche une
key-in-the-tag-row-tick-that = sur la rangée d'étiquettes : cocher celle-ci (le texte tapé reste du texte)
key-next-previous-field = champ suivant / précédent
key-addendum-to-the-signed-record-asks = addenda au dossier signé (texte et motif demandés)
key-timeline = chronologie
key-resume-the-unfinished-session-shown = reprendre la séance inachevée affichée
key-leave-kap = quitter kap

## Aide : les groupes de touches

keys-group-session = Partout dans une séance
keys-group-prompts = Rubriques
keys-group-dosing = Administration
keys-group-intentions = Intentions
keys-group-last = Congé
keys-group-alert = Alertes
keys-group-real = Séances réelles
keys-group-rehearsal = Répétition
keys-group-simulator = Répétition avec scénario
keys-group-vanished = Dossier de séance disparu
keys-group-editing = Édition de texte
keys-group-note = Note
keys-group-start = Écran de départ
keys-group-closed = Séance fermée

## Le cadre de l'écran

screen-too-small = Agrandissez la fenêtre à au moins { $need } (elle fait { $have }). Votre séance est enregistrée et se poursuit.
header-closed = Fermée
header-maintenance = { $protocol } entretien { $session }
header-not-saved = NON ENREGISTRÉ
header-saved-at = enregistré à { $time }
header-saved = enregistré
header-rehearsal = RÉPÉTITION ×{ $speed }

## Les mots du protocole

route-iv-infusion = perfusion IV
route-im-bolus = bolus IM
route-sublingual = sublinguale
route-intranasal = intranasale
route-dose-iv-infusion = en perfusion IV
route-dose-im-bolus = en bolus IM
route-dose-sublingual = par voie sublinguale
route-dose-intranasal = par voie intranasale
goals-smart-behavioural = objectifs comportementaux SMART
goals-of-care = objectifs de soins
goals-other = objectifs
session-label = séance { $session } sur { $sessions }
session-label-maintenance = séance d'entretien { $session }

## Calcul de la dose et refus

dose-error-not-in-course = la séance { $session } ne fait pas partie de cette série (séances 1 à { $sessions })
dose-error-weight = un poids de { $weight } kg n'est pas un poids adulte plausible ({ $low }–{ $high } kg); vérifiez la saisie
dose-error-out-of-range = { $dose } mg/kg est hors de l'intervalle du protocole pour la séance { $session } ({ $min }–{ $max } mg/kg); refusé
dose-error-needs-choice = le protocole donne un intervalle de { $min }–{ $max } mg/kg pour la séance { $session }, sans valeur par défaut : choisissez les mg/kg
dose-error-fixed = cette séance a une dose fixe de { $mg } mg; on ne peut pas choisir de mg/kg
dose-error-stepped = la dose de cette séance se donne par paliers fixés par le protocole ({ $total } mg/kg en tout); on ne peut pas choisir de mg/kg
dose-line-fixed = dose fixe { $mg } mg ({ $per_kg } mg/kg à { $weight } kg)
dose-line-weight = { $weight } kg × { $per_kg } mg/kg = { $mg } mg
dose-line-rounded-down = arrondi à l'inférieur au multiple de { $step } mg = { $mg } mg, pour ne pas dépasser le maximum de l'intervalle
dose-line-rounded = arrondi au multiple de { $step } mg le plus proche = { $mg } mg
dose-line-capped = plafonné à { $mg } mg, le maximum du protocole pour cette séance
dose-line-protocol-dose = { $per_kg } mg/kg est la dose du protocole pour cette séance
dose-line-in-range = { $per_kg } mg/kg est dans l'intervalle de cette séance, { $min }–{ $max } mg/kg
dose-line-rate = { $ml } mL en { $minutes } min = { $rate } mL/h
dose-step-head = palier { $step } sur { $steps }, { $label } :
dose-step-fixed = dose fixe { $mg } mg
dose-step-total = total { $parts } mg = { $mg } mg ({ $per_kg } mg/kg) en { $minutes } min

## Le calendrier de la série

window-from = séance { $session } ({ $label }) : à partir du { $date }
window-aim = , idéalement { $dates }
window-latest = , au plus tard le { $date }

## L'écran de départ

start-need-patient = entrez le pseudonyme du patient
start-need-clinician = nommez le clinicien présent (le protocole en exige un en tout temps : { $source })
start-clinician-control = le nom d'un clinicien ne peut pas contenir de caractères de contrôle
start-need-session = entrez le numéro de la séance dans la série (1 à { $sessions })
start-need-session-maintenance = entrez le numéro de la séance (1 à { $sessions }, ou plus pour une séance d'entretien)
start-need-weight = entrez le poids en kg
start-bad-mg-per-kg = « { $text } » n'est pas un nombre de mg/kg
start-field-patient = Patient (pseudonyme)
start-field-session = Numéro de séance dans la série
start-field-weight = Poids (kg)
start-field-mg-per-kg = mg/kg (dans l'intervalle de la séance)
start-field-clinicians = Cliniciens présents (nom, rôle; …)
start-title-session = Nouvelle séance — { $protocol } ({ $sessions ->
    [one] { $sessions } séance
   *[other] { $sessions } séances
})
start-title-rehearsal = Nouvelle répétition — { $protocol } ({ $sessions ->
    [one] { $sessions } séance
   *[other] { $sessions } séances
})
start-enter-starts = Entrée démarre la séance.
start-range-default = , par défaut { $dose }
start-course-so-far = { $count ->
    [one] Séance faite jusqu'ici
   *[other] Séances faites jusqu'ici
} : { $sessions }
start-already-held = La séance { $session } a déjà eu lieu.
start-course-damaged = Séance { $session } : { $verdict } — kap verify nomme ce qui ne va pas.
course-left-out = { $folder } est illisible et a été laissé de côté : { $why }
start-left-out-more = { $count ->
    [one] … et 1 autre dossier laissé de côté (kap verify les nomme un à un).
   *[other] … et { $count } autres dossiers laissés de côté (kap verify les nomme un à un).
}
start-on-target = Aujourd'hui est dans la période idéale : { $window }
start-off-target = Aujourd'hui est permis, mais hors de la période idéale : { $window }
start-too-early = Aujourd'hui tombe { $days ->
    [one] { $days } jour
   *[other] { $days } jours
} trop tôt — { $window } — un motif sera demandé
start-too-late = Aujourd'hui tombe { $days ->
    [one] { $days } jour
   *[other] { $days } jours
} trop tard — { $window } — un motif sera demandé
# The course as one object (#30): what is due or overdue, the session-number
# checks at the start, kap course.
course-head = Série { $held }/{ $sessions }
course-from = à partir du { $date }
course-what-first = séance 1 : aucune période avant la première dose
course-what-next = séance { $session } : { $dates }
course-what-maintenance = entretien { $session } : { $dates }
course-what-integration = intégration après la séance { $session } : { $dates }
course-what-ended = série terminée le { $date }
course-what-end-by = fin de la série au plus tard le { $date }
course-what-end-open = fin de la série : aucune date limite
course-state-ahead = , pas encore ouverte
course-state-open = , ouverte
course-state-past-target = , { $days ->
    [one] 1 jour
   *[other] { $days } jours
} après la cible
course-state-overdue = , EN RETARD de { $days ->
    [one] 1 jour
   *[other] { $days } jours
}
course-state-closed = , période close sans visite d'intégration consignée
course-state-done = , terminé
course-check-repeat = La séance { $session } a déjà eu lieu le { $date }.
course-check-gap = { $count ->
    [one] La séance { $missing } n'a jamais eu lieu
   *[other] Les séances { $missing } n'ont jamais eu lieu
} avant la séance { $session }.
course-check-early-maintenance = Séance d'entretien { $session } avant la fin de la série : { $held } séances tenues sur { $sessions }.
course-check-other-protocol = Une dose sous { $protocol } (séance { $session }) le { $date }, il y a { $days ->
    [one] 1 jour
   *[other] { $days } jours
}.
course-check-refused = Refusé par le protocole ({ $source }) : { $what }
course-check-ask = { $what } Un motif est requis pour commencer.
reason-course = Numéro de séance hors série — motif
cli-course-encounters = Séances, de la plus ancienne à la plus récente :
cli-course-encounter = { $date }  { $session }  { $state }  { $id }
cli-course-held = tenue
cli-course-not-held = sans dose
cli-course-note = motif donné au départ : { $reason }
cli-course-due = Prévu ou en retard aujourd'hui ({ $today }) :
cli-course-goals = Objectifs ({ $kind }), au fil des changements :
cli-course-goals-set = fixés à la séance { $session } le { $date } :

## Mesures de résultats (vérifications du protocole, écran du patient, kap course)

pv-outcome-no-english = les mots anglais (en) sont requis
pv-outcome-no-choices = un instrument a besoin d'au moins un [[choice]]
pv-outcome-value-twice = la valeur de choix { $value } est donnée deux fois
pv-outcome-no-items = un instrument a besoin d'au moins un [[item]]
pv-outcome-band = la bande { $min }–{ $max } ne suit pas : la bande suivante doit commencer à { $from } et finir au plus à { $top }, le total le plus élevé
pv-outcome-bands-short = les bandes s'arrêtent avant le total le plus élevé : de { $from } à { $top }, aucune bande
pv-outcome-measure-twice = la mesure « { $id } » est nommée deux fois
pv-outcome-unknown = aucun instrument « { $id } » dans ce fichier ni parmi ceux que kap fournit (connus : { $known })
pv-outcome-no-when = une mesure a besoin d'au moins un `when` (la phase où elle est donnée)
pv-outcome-during-dose = une mesure ne se donne pas pendant la dose : nommez la phase d'accueil, d'intégration ou de congé
pv-outcome-no-phase = ce protocole n'a aucune phase de rôle « { $role } »
pv-outcome-response = reduction_over_percent = { $value } ne peut pas être atteint ou ne veut rien dire : donnez de 1 à 99
pv-outcome-remission = below = { $value } est hors des totaux : donnez de { $lo } + 1 à { $hi }
outcome-answer-count = { $answers } réponses pour { $items } questions
outcome-not-a-choice = question { $item } : { $value } n'est pas un de ses choix
ref-outcome-not-in-course = « { $instrument } » n'est pas une des mesures de résultats de ce protocole
ref-outcome-no-phase = aucune phase « { $phase } » dans ce protocole
event-kind-outcome-completed = mesure de résultats
tl-outcome = { $name } rempli par { $who ->
    [patient] le patient
   *[clinician] le clinicien
} : total { $total } { $band }
key-self-report-open = remettre l'ordinateur au patient (questionnaire)
key-self-report-choose = répondre par le numéro du choix
key-self-report-back = question précédente
key-self-report-leave = redonner l'ordinateur au clinicien
key-self-report-leave-or-stay = quitter (réponses non gardées) ou rester
key-self-report-hand-back = redonner au clinicien
keys-group-self-report = Le questionnaire du patient
keys-group-self-report-leaving = Le questionnaire du patient, quitter avant la fin
keys-group-self-report-done = Le questionnaire du patient, rempli
reader-word-questionnaire = questionnaire
self-report-progress = { $name } · question { $item } sur { $items }
self-report-leave-question = Redonner l'ordinateur maintenant? Vos réponses jusqu'ici ne seront pas gardées. { $yes } quitter · { $no } rester
self-report-call-clinician = Veuillez redonner l'ordinateur au clinicien maintenant.
self-report-thanks = Merci. Veuillez redonner l'ordinateur.
rating-done = Évaluation terminée. Entrée ramène à la séance.
rating-leave-question = Arrêter cette évaluation? Les réponses données jusqu’ici ne seront pas gardées. { $yes } arrêter · { $no } continuer
rating-alarm-waiting = Une alarme attend dans la séance : terminez ou arrêtez l’évaluation pour la voir.
phase-outcomes = Questionnaires ici : { $list } · Q remet l'ordinateur au patient
outcome-given = { $name } (fait)
reader-phase-outcomes = Questionnaires de cette étape : { $list }. Tapez { $word } pour remettre l'ordinateur au patient.
reader-phase-outcomes-replay = Questionnaires de cette étape : { $list }.
flash-no-outcome-here = Aucune mesure de résultats n'est donnée à l'étape { $phase } dans cette séance.
flash-outcome-saved = { $name } enregistré : total { $total } { $band }.
flash-outcome-baseline = Départ { $baseline } (séance { $session }) : { $change } ({ $percent } %).
flash-outcome-flagged = La question { $item } a reçu la réponse « { $answer } » : abordez-la maintenant.
flash-outcome-not-saved = { $name } n'a pas été terminé : rien n'a été enregistré.
cli-protocol-outcomes = Mesures de résultats :
cli-protocol-outcome = { $name }, donné à : { $when }
cli-protocol-outcome-rules = réponse : { $response }; rémission : { $remission }
outcome-when-every = { $phase } (chaque séance)
outcome-when-sessions = { $phase } ({ $count ->
    [one] séance
   *[other] séances
} { $sessions })
cli-course-outcomes = Mesures de résultats :
cli-course-chart-reader = Le graphique est omis pour un lecteur d'écran : la liste ci-dessus donne chaque score, la réponse et la rémission.
cli-course-outcome-head = { $name } (réponse : { $response }; rémission : { $remission })
cli-course-outcome-row = { $date }  { $session }  { $phase }  { $total } { $band }  { $change }
outcome-response-rule = plus de { $percent } % sous le départ
outcome-remission-rule = sous { $below }
outcome-rule-none = non fixée
outcome-none-recorded = aucune enregistrée pour l'instant
outcome-baseline = départ
outcome-change = { $change } ({ $percent } %)
outcome-response-at = Réponse à la séance { $session }.
outcome-remission-at = Rémission à la séance { $session }.
outcome-no-response = Pas encore de réponse.
outcome-no-remission = Pas encore de rémission.
outcome-other-version = Certaines réponses ont été données avec la version { $given } de l'instrument; elles sont cotées avec la version { $version }.
outcome-chart-total = total
outcome-chart-response = seuil de réponse
outcome-chart-remission = seuil de rémission
outcome-chart-sessions = séance
outcome-chart-legend = ● total   ╌ seuil de réponse   · seuil de rémission

cli-help-kap-course = La série complète d'un patient : chaque séance dans l'ordre, ce qui est prévu ou en retard, les objectifs au fil des changements
cli-help-kap-course--patient = Pseudonyme du patient
cli-help-kap-course--protocol = Seulement la série sous cet identifiant de protocole (par défaut : tous)
cli-help-kap-course--rehearsal = Les dossiers de répétition plutôt que les réels
cli-help-kap-course--chart = Dessiner les scores de chaque mesure de résultats en graphique, à la largeur du terminal
cli-help-kap-course--json = Afficher la série en JSON
cli-protocol-preparation = Préparation ({ $source }) :
cli-protocol-integration = Intégration ({ $source }) :
cli-protocol-psychotherapy = Psychothérapie concomitante : { $text }
start-site-not-reviewed = L'établissement n'a pas validé les limites d'alarme ni les autres valeurs locales de ce protocole.
start-unfinished = Inachevée : séance { $session } commencée le { $started } ({ $entries ->
    [one] { $entries } entrée
   *[other] { $entries } entrées
}). Ctrl-R la reprend.

## Les mots que kap emploie partout

duration-min = { $min } min
duration-s = { $sec } s
duration-min-s = { $min } min { $sec } s
metric-systolic = TA systolique
metric-diastolic = TA diastolique
metric-hr = fréquence cardiaque
metric-spo2 = SpO₂
step-describe = palier { $step } sur { $steps }, { $label }

## L'écran de perfusion

dosing-not-started = { $what ->
    [infusion] perfusion
   *[observation] observation
} non commencée
dosing-running = { $what ->
    [infusion] perfusion
   *[observation] observation
} en cours depuis { $since }
dosing-paused = { $what ->
    [infusion] perfusion
   *[observation] observation
} EN PAUSE : { $reason }
dosing-complete = { $what ->
    [infusion] perfusion
   *[observation] observation
} terminée à { $at }
dosing-stopped = { $what ->
    [infusion] perfusion
   *[observation] observation
} ARRÊTÉE : { $reason }
step-then = puis { $next } dans { $left }
step-last = le dernier palier
steps-first = { $steps } paliers; le premier : { $first }
timer-elapsed-of = écoulé sur { $planned }  ·  reste { $left }
timer-elapsed-of-stopped = écoulé sur { $planned }  ·  arrêtée plus tôt
timer-elapsed = écoulé
vitals-next = { $what } : prochaine prise dans { $wait }
vitals-due = { $what } À PRENDRE — il reste { $left }
vitals-overdue = { $what } EN RETARD de { $late }
vitals-start-with-infusion = { $what ->
   *[infusion] Rappels de signes vitaux dès la perfusion
    [bolus] Rappels de signes vitaux dès la dose
}
measure-in = { $measure } dans { $wait }
measure-due = { $measure } À FAIRE (r)
measure-overdue = { $measure } EN RETARD (r)
repeat-to-confirm = Reprendre la { $metric } à { $at } pour confirmer ({ $metric } { $value })
music-word = musique
music-playing = { $name } en lecture depuis { $since }
checkin-within = Sans musique : contact d'ici { $wait }
checkin-due = Contact en douceur dû (c quand fait)
checkin-overdue = Contact en retard (c quand fait)
support-chosen = Soutien : { $support }
debrief-clock = Chrono du retour { $clock } — → pour la suite
this-phase-keys = cette étape (↑↓ Entrée)
table-time = heure
table-bp = TA
table-hr = FC
table-vitals-title = signes vitaux
chart-trend-title = tendance (min depuis le début)
chart-legend-sys = sys
chart-legend-dia = dia
chart-legend-hr = FC
priority-low = BASSE
priority-medium = MOYENNE
priority-high = HAUTE

## Alarmes

alarm-state-active = ACTIVE
alarm-state-latched = MAINTENUE (non acquittée)
alarm-state-acknowledged = acquittée
alarm-state-reminder = EN RAPPEL
alarm-state-resolved = résolue
alarm-state-in-error = saisie par erreur
alarm-state-withdrawn = retirée
alert-headline-above = { $metric } { $value } au-dessus de { $limit } ({ $source })
alert-headline-below = { $metric } { $value } sous { $limit } ({ $source })
alert-limit-detail = limite { $limit } : { $source } — règle { $rule } du protocole
alarm-title = ALARME { $priority } { $id }
alarm-at = { $what } à { $at }
alarm-unacknowledged = NON ACQUITTÉE depuis { $waited }
alarm-latched-note = (valeur revenue dans les limites; reste à acquitter)
alarm-ack-key = acquitter
alarm-more = … et { $count ->
    [one] { $count } autre alarme
   *[other] { $count } autres alarmes
}
vitals-due-banner = Signes vitaux à prendre — v pour les saisir (la fenêtre se ferme dans { $left })
vitals-overdue-alarm = ALARME TECHNIQUE MOYENNE  SIGNES VITAUX EN RETARD
vitals-overdue-by = de { $late } — v pour saisir
alarm-sound-paused = Son d'alarme en pause encore { $left } — { $reason } (z pour reprendre)

## Les écrans d'étape

debrief-clock-title = chrono du retour { $clock }
debrief-clock-not-started = chrono du retour non démarré
phase-clock = dans cette étape { $clock }
phase-aim = { " " }— idéal { $min }–{ $max } min
measure-at-minute = à { $minute } min
measure-with-vitals = à chaque rappel de signes vitaux
measure-before-closing = avant de fermer
no-earlier-session = Aucune séance antérieure dans cette série.
more-below = suite plus bas : ↓
last-time = La dernière fois : séance { $session } le { $date }
reader-course-held = Séances tenues : { $sessions }.
reader-course-goals = Objectifs à ce jour : { $goals }.
earlier-note = note { $at } { $text }
goals-count = Objectifs ({ $kind }) : { $count } sur au moins { $min } — g pour modifier
last-session-of-course = C'est la dernière séance de la série.
next-if-responder = Si répondeur : { $window }
next-session = Prochaine : { $window }
integration-due-within = Intégration à faire dans les { $min }–{ $max } h suivant la dose d'aujourd'hui.
music-playlist = Musique : liste { $playlist }
music-none-support = Pas de musique — { $support }
music-not-chosen = Musique pas encore choisie (appuyez sur m)
last-vitals = Derniers signes vitaux { $at } : { $reading }
before-closing = Avant de fermer :
before-moving-on = Avant de passer à la suite :
required-open = { $count ->
    [one] { $count } rubrique obligatoire à remplir (* plus haut)
   *[other] { $count } rubriques obligatoires à remplir (* plus haut)
}
arrow-asks-reason = → passer exige un motif
part-of = { $part } sur { $whole }

## L'écran de la séance fermée

closed-ended-early = Séance terminée plus tôt : { $reason }
closed-closed = Séance fermée.
closed-record = Dossier : { $path }
closed-summary = Résumé :  { $path }
closed-summary-failed = Le résumé n'a pas pu être écrit ({ $error }); le journal est complet.
closed-counts = { $vitals ->
    [one] { $vitals } série de signes vitaux
   *[other] { $vitals } séries de signes vitaux
} · { $notes ->
    [one] { $notes } note
   *[other] { $notes } notes
} · { $alerts ->
    [one] { $alerts } alerte
   *[other] { $alerts } alertes
} · administré { $given }
closed-trainee-report = Rapport de formation
closed-report = Rapport : { $path }
closed-report-failed = Le rapport n'a pas pu être écrit : { $error }
closed-press-q = Appuyez sur q pour quitter kap.
closed-signed-by = Signée par { $who } à { $at }
no-clinician-named = (aucun clinicien nommé)
closed-addenda = { $count ->
    [one] { $count } addenda
   *[other] { $count } addenda
}

## Les écrans de séance

folder-gone-alarm = ALARME TECHNIQUE HAUTE — LE DOSSIER DE SÉANCE A DISPARU : NON ENREGISTRÉ
folder-recreate = le recréer à partir du journal ouvert
folder-recreate-note = (chaque entrée enregistrée est conservée); d'ici là, notez sur papier.
not-saved-alarm = ALARME TECHNIQUE HAUTE — LA DERNIÈRE ENTRÉE N'A PAS ÉTÉ ENREGISTRÉE — le disque l'a refusée.
not-saved-paper = Notez les entrées sur papier d'ici à ce que ce soit réglé; kap réessaie à chaque entrée.
monitor-nibp = PNI { $value } à { $at }
monitor-nibp-none = PNI --- (b lance une mesure)
monitor-spo2-none = SpO₂ -- (pas de signal)
monitor-title = MONITEUR
monitor-patient = Patient : { $said }
goals-editor-title = Objectifs, un par ligne (au moins { $min })
editor-keys = Ctrl-S enregistrer · Esc quitter l'édition
looking-back = (retour en arrière — → pour revenir)
vitals-line-label = Signes vitaux
vitals-line-hint = touche v, puis 128/82 76 97 · ta 130/85 · fc 80 · spo2 95
nothing-to-record = Rien à noter dans cette étape.

## Le résumé de la séance (summary.md)

sum-rehearsal-banner = RÉPÉTITION — patient simulé, pas un dossier clinique.
sum-title = { $session } — patient { $patient }
sum-protocol = Protocole : { $name } (v{ $version })
sum-date = Date : { $date }, début à { $time } (UTC{ $offset })
sum-dose = Dose : { $mg } mg { $route }
sum-clinicians = Cliniciens présents : { $names }
sum-outside-window = Tenue hors de la période prévue par le protocole : { $note }
sum-ended-early = Terminée plus tôt à { $at } : { $reason }
sum-closed-signed = Fermée et signée à { $at } par { $by }
sum-closed-at = Fermée à { $at }
sum-not-closed = Non fermée (dossier interrompu)
sum-h-infusion = { $what ->
   *[infusion] Perfusion
    [bolus] Dose et observation
}
sum-not-started = Non commencée.
sum-started = Commencée à { $at }
sum-paused = En pause { $from }–{ $to } : { $reason }
sum-stopped-early = Arrêtée avant la fin à { $at } : { $reason }
sum-completed = Terminée à { $at }
sum-running-time = Durée de perfusion { $time }
sum-consent-withdrawn = Consentement retiré à { $at } : { $reason }
sum-given = Administré : { $given }
sum-given-partial = Administré : { $given } prévus — calculé d'après le début, les pauses et l'arrêt notés, au débit prévu
sum-h-vitals = Signes vitaux
sum-none-recorded = Aucune mesure notée.
sum-h-alerts = Alertes
sum-alarms-by-priority = Alarmes : { $counts }.
sum-acknowledged = acquittée à { $at } (premier acquittement après { $after })
sum-not-acknowledged = NON acquittée
sum-ack-not-needed = non acquittée : n’est plus une alarme
sum-alarm-in-error = déclenchée par une mesure saisie par erreur ({ $reason })
sum-alarm-withdrawn = retirée à { $at } : l’entrée { $entry }, prise plus tôt, montre qu’il n’y avait pas d’alarme
sum-alarm-line = { $at } { $headline } ({ $priority }) : { $action }; { $ack }.
sum-h-music = Musique
sum-playlist = Liste de lecture : { $playlist }
sum-no-music = Pas de musique; soutien : { $support }
sum-music-not-chosen = Non choisie
sum-played = Jouée { $from }–{ $to }
sum-track = { $at } piste : { $track }
sum-music-problem = { $at } problème : { $problem }
sum-music-stopped = Arrêtée à { $at } : { $reason }
sum-music-stopped-by-clinician = Arrêtée à { $at } par le clinicien
music-stop-device-failed = le périphérique audio a fait défaut : { $error }
music-stop-device-simulated = le périphérique de musique a fait défaut (simulé)
sum-checkins = Prises de contact sans musique : { $times }
sum-h-goals = Objectifs ({ $kind })
sum-h-notes = Notes
sum-h-phases = Étapes
sum-not-reached = Non atteinte.
sum-moved-on-without = Passé à la suite à { $at } sans : { $items } — motif : { $reason }
sum-integration-due = Intégration à faire entre { $from } et { $to } ({ $min }–{ $max } h après la dose).
sum-h-record = Dossier
sum-seal = Ce résumé a été rédigé à partir des entrées 1 à { $last } du journal; le SHA-256 de la ligne de l'entrée { $last } est { $hash }.
priority-word-low = priorité basse
priority-word-medium = priorité moyenne
priority-word-high = priorité haute

## Boîtes de dialogue

reason-pause = Mettre la perfusion en pause — motif
reason-stop = Arrêter la perfusion avant la fin — motif
reason-skip = Passer à la suite sans les rubriques obligatoires — motif
reason-abandon = Terminer la séance plus tôt — motif
reason-schedule = Hors de la période prévue par le protocole — motif
reason-withdraw = Retrait du consentement — ce que le patient a dit
reason-audio-pause = Son d'alarme en pause — minutes, puis motif (p. ex. 2 repositionnement)
reason-change-answer = Modifier une réponse enregistrée — pourquoi (le texte précédent reste au dossier, barré)
hint-saves = enregistre
hint-acknowledges = acquitte
hint-esc-again = Esc de nouveau efface ce que vous avez tapé · Entrée { $enter }
hint-enter-esc = Entrée { $enter } · Esc annule
ack-hint = Ce qui a été fait (facultatif), puis Entrée
ack-title = Acquitter l'alerte { $alert }
confirm-quit-title = Quitter kap?
confirm-quit-text = Tout ce qui est enregistré le reste; une séance ouverte peut être reprise.
confirm-quit-keys = o quitter · n rester
confirm-discard-title = Texte non enregistré
confirm-discard-text = La réponse a des modifications non enregistrées.
confirm-discard-keys = o enregistrer · n abandonner · Esc continuer l'édition
music-dialog-title = Musique ou soutien (Entrée choisit, p fait écouter, Esc annule)
note-tags = Étiquettes :
note-tags-hint = ←→ choisir · Espace coche · Tab retour au texte · Entrée enregistre
note-hint = Entrée enregistre · Tab vers les étiquettes rapides · Esc annule
note-title = Note à cette minute
correct-value-label = La bonne valeur (laisser vide si l'entrée a été faite par erreur)
correct-reason-label = Pourquoi l'entrée est corrigée
addendum-text-label = L'addenda
addendum-reason-label = Pourquoi il est ajouté après la signature
correct-title = Corriger l'entrée { $entry }
addendum-title = Addenda au dossier signé
signoff-by = Signé par { $who }. Ensuite, seuls des addenda peuvent être ajoutés.
signoff-nothing-open = Rien ne reste ouvert.
signoff-still-open = Encore ouvert :
signoff-keys = o signer et fermer · n pas encore
signoff-title = Signer et fermer la séance
end-early-title = Terminer la séance plus tôt
end-early-keys = o continuer (le motif est demandé ensuite; terminer signe le dossier) · n pas encore
timeline-footer = { $position } · { $filter } · ↑↓ PgUp PgDn · Tab type · e corriger · Esc
timeline-everything = tout
timeline-title = Chronologie

## Messages de la ligne d'état

flash-reason-needed = Un motif est requis
flash-nothing-to-preview = Rien à écouter pour ce choix
flash-infusion-paused = Perfusion en pause
flash-infusion-stopped = { $what ->
   *[infusion] Perfusion arrêtée
    [bolus] Observation terminée avant la fin
}
flash-audio-pause-how = Tapez les minutes, puis le motif : p. ex. 2 patient qu'on repositionne
flash-consent-withdrawn = Retrait du consentement noté; la perfusion est arrêtée
flash-no-alert = Aucune alerte en attente
flash-debrief-short = « { $phase } » a duré { $took }; le protocole vise { $min } à { $max } min. Une note peut dire pourquoi (n).
strip-entering = saisie : { $who }
flash-close-in-last-phase = C ferme la séance à sa dernière étape, { $phase } : passez-y d’abord (→)
flash-paste-nowhere = Rien n’a été collé : aucun champ de texte n’est actif (n pour une note, v pour les signes vitaux)
flash-paste-too-long = Rien n’a été collé : { $chars } caractères, plus que les { $max } qu’un champ accepte
flash-alarm-sound-resumed = Son d'alarme rétabli
flash-withdraw-before-start = La perfusion n'a pas commencé : décochez le consentement à l'étape des mesures de base
flash-no-measure-due = Aucune mesure programmée n'est due
flash-addenda-after-closing = Les addenda viennent après la fermeture; d'ici là, saisissez comme d'habitude
flash-sim-paused = Temps simulé en pause (Ctrl-P pour reprendre)
flash-sim-running = Temps simulé en marche
flash-chimes-on = Carillon activé
flash-chimes-off = Carillon désactivé
flash-infusion-started = { $what ->
   *[infusion] Perfusion commencée
    [bolus] Dose administrée; observation commencée
}
flash-infusion-resumed = Perfusion reprise
flash-infusion-not-running = La perfusion n'est pas en cours
flash-music-fading = La musique s'estompe
flash-music-marked = Musique notée comme en marche
flash-checkin-recorded = Contact noté
flash-debrief-started = Chrono du retour démarré
flash-no-clinician = Aucun clinicien n'a été nommé au départ
flash-answer-saved = Réponse enregistrée : { $prompt }
flash-answer-unchanged = Aucun changement à enregistrer : { $prompt }
flash-answer-changed = Réponse modifiée : { $prompt } (le texte précédent est conservé, barré)
flash-ticked = Coché : { $item }
flash-unticked = Décoché : { $item }
flash-not-signed = Pas de signature : la séance reste ouverte
flash-music-fallback = Musique : la liste de lecture n'a pas pu jouer; ambiance de secours
flash-playlist-ended = La liste de lecture est terminée
flash-resumed = Reprise : toutes les entrées enregistrées sont de retour
music-no-options = Aucune liste de lecture dans playlists/ et aucun soutien dans le protocole
flash-noted-tags = Noté à { $at } : { $tags }
flash-note-saved = Note enregistrée à { $at }
flash-alert-acknowledged = Alerte { $alert } acquittée
flash-chosen = Choisi : { $choice }
flash-saved-value = Enregistré : { $value }
flash-previewing = Extrait en écoute : « { $title } » (25 s)
flash-no-preview = Pas d'extrait : { $why }
flash-alarm-sound-paused = Son d'alarme en pause pour { $minutes } min
flash-volume = Volume { $percent } %
flash-monitor-nibp = Moniteur : PNI { $value }
flash-sim-speed = Temps simulé ×{ $speed }
flash-playing = En lecture : { $name }
flash-only-clinician = { $who } est le seul clinicien nommé au départ
flash-entries-by = Les entrées sont maintenant faites par { $who }
late-entry-taken = entrée tardive, relevée à { $at }
flash-no-entry = Il n'y a pas d'entrée { $entry }
flash-entry-replaced = Entrée { $entry } remplacée; l'original est conservé, barré
flash-entry-in-error = Entrée { $entry } marquée « saisie par erreur »; elle est conservée, barrée
open-required = { $item } (obligatoire)
open-alert = alerte { $alert } non acquittée
open-due = { $item } (à faire)
flash-addendum-saved = Addenda enregistré à { $at }{ $who }
flash-cannot-move-on = Impossible de passer à la suite : { $holds }
flash-vitals-saved = Enregistré à { $at }  { $reading }
flash-goals-saved = Objectifs enregistrés ({ $count })
flash-step-begins = { $step } commence maintenant : réglez la pompe
flash-outside-window = Hors de la période du protocole — { $window }

## La chronologie

kind-vitals = signes vitaux
kind-notes = notes
kind-alerts = alertes
kind-infusion = administration
kind-answers = réponses
kind-phases = étapes
kind-music = musique
kind-corrections = corrections et addenda
tl-late-recorded = entrée tardive, saisie à { $at }
tl-mark-in-error = SAISIE PAR ERREUR : { $reason }
tl-mark-replaced = REMPLACÉE par l'entrée { $by } : { $reason }
tl-started = Séance { $session } commencée pour { $patient }; dose prévue { $mg } mg
tl-answer-cleared = { $prompt } : réponse effacée
tl-ticked = Coché : { $prompt }
tl-unticked = Décoché : { $prompt }
tl-vitals = Signes vitaux { $reading }
tl-note = Note
tl-moved-on = Passage à { $phase }
tl-next-phase = l'étape suivante
tl-items-skipped = rubriques ouvertes sautées : { $reason }
tl-stopped-early = Perfusion arrêtée avant la fin
tl-consent-withdrawn = Consentement retiré
tl-no-music = pas de musique
tl-music-started = Musique démarrée
tl-music-stopped = Musique arrêtée
tl-track = Piste : { $track }
tl-music-problem = Problème de musique : { $problem }
tl-checkin-done = Prise de contact faite
tl-goals-set = Objectifs fixés : { $goals }
tl-closed-signed = Fermée et signée
tl-ended-early = Terminée plus tôt
tl-entry-in-error = Entrée { $entry } marquée « saisie par erreur » — { $reason }
tl-entry-replaced = Entrée { $entry } remplacée — { $reason }; maintenant : { $now }
tl-technical-alarm = ALARME TECHNIQUE : { $text }
tech-title = ALARME TECHNIQUE { $priority } { $id }
tech-no-sound-text = aucun son d’alarme dans cette séance ({ $why }) : les alarmes de kap ne peuvent qu’être vues ou, en mode lecteur d’écran, lues
tech-no-sound-brief = aucun son d’alarme ({ $why })
tl-technical-acknowledged = Alarme technique { $alarm } acquittée
event-kind-technical-acknowledged = acquittement d’une alarme technique
## Parcours du risque (#29, point 1) : dépistage, alarme, plan de sécurité, retenue du congé
event-kind-risk-screened = dépistage du risque
event-kind-risk-acknowledged = acquittement de l’alarme de risque
event-kind-safety-planned = entrée du plan de sécurité
event-kind-risk-hold-overridden = congé sans réévaluation
risk-result-positive = Dépistage du risque : { $score ->
        [one] { $score } point
       *[other] { $score } points
    }, POSITIF
risk-result-negative = Dépistage du risque : { $score ->
        [one] { $score } point
       *[other] { $score } points
    }, négatif
risk-answers-only = Réponses au dépistage du risque : { $answers }
tl-risk-acknowledged = Alarme de risque (entrée { $entry }) acquittée
tl-plan = Plan de sécurité, { $element }
tl-risk-overridden = Congé sans dépistage de réévaluation
plan-warning-signs = Signes avant-coureurs
plan-coping = Stratégies d’adaptation personnelles
plan-distraction = Personnes et milieux qui changent les idées
plan-help = Personnes à qui demander de l’aide
plan-professionals = Professionnels et lignes de crise
plan-environment = Sécuriser l’environnement
hold-risk-reassess = un risque a été relevé : consignez un dépistage de réévaluation (!), ou donnez un motif pour donner congé sans
reason-for-risk-override = donner congé sans dépistage de réévaluation
reason-risk-override = Pourquoi donner congé sans réévaluation négative?
ref-risk-no-screen = ce protocole ne prévoit aucun dépistage du risque
ref-risk-other-screen = le dépistage « { $screen } » n’est pas celui de ce protocole (« { $ours } »)
ref-risk-count = { $given } réponses pour { $items } questions : répondez à chaque question
ref-risk-answer = la question « { $item } » n’a pas de réponse { $answer } (réponses 1 à { $answers })
ref-risk-no-alarm = l’entrée { $entry } n’est pas un dépistage positif
ref-risk-already-acknowledged = l’alarme de risque de l’entrée { $entry } est déjà acquittée
ref-risk-nothing-held = rien ne retient le congé : le dernier dépistage n’est pas positif
ref-plan-element = « { $element } » n’est pas un élément du plan de sécurité
pv-risk-no-items = le dépistage du risque n’a aucune question
pv-risk-positive-zero = positive_at doit valoir 1 ou plus : à 0, tout dépistage serait positif
pv-risk-never-positive = positive_at { $at } ne peut jamais être atteint : les questions donnent au plus { $most } points
pv-risk-no-phase = « { $phase } » n’est pas un id d’étape de ce protocole
pv-risk-one-choice = une question à choix en demande au moins deux; omettez choices pour oui/non
pv-risk-points = { $given } points pour { $answers } réponses : un par réponse
pv-risk-positive-from = la réponse { $from } n’existe pas : cette question a { $answers } réponses, comptées à partir de 1
key-risk-screen = dépistage du risque
reader-word-risk = risque
risk-question = Question { $n } sur { $count }
risk-hint = chiffre : répondre · Retour arrière : revenir · Échap : annuler
risk-done-hint = Entrée : enregistrer · Retour arrière : revenir · Échap : annuler
risk-answered = { $n }. { $text } — { $answer }
spoken-risk-item = Dépistage du risque, question { $n } sur { $count } : { $text } Réponses : { $answers }.
spoken-risk-done = { $result }. Tapez enregistrer pour le consigner, ou retour.
reader-word-save = enregistrer
flash-risk-saved = { $result }
flash-no-risk-screen = Ce protocole n’a pas de dépistage du risque.
risk-alarm-headline = Dépistage du risque positif, { $score } points ({ $at })
## Risk pathway, continued: the safety plan dialog
key-safety-plan = plan de sécurité
reader-word-plan = plan
plan-title = Plan de sécurité
plan-not-written = pas encore rempli
plan-from-session = { $text } (séance { $session })
plan-written-count = { $n ->
        [one] { $n } élément rempli sur { $count }
       *[other] { $n } éléments remplis sur { $count }
    }
plan-row = { $n } { $element } : { $text }
plan-review-hint = numéro : remplir cet élément · Entrée : le suivant · Échap : fermer
plan-title-element = Plan de sécurité { $n }/{ $count } : { $element }
plan-crisis-line = Lignes de crise (protocole) : { $line }
plan-earlier-versions = { $n ->
    [one] 1 version antérieure conservée
   *[other] { $n } versions antérieures conservées
}
plan-enter = enregistre et passe au suivant
flash-plan-saved = Plan de sécurité enregistré : { $element }
spoken-plan-review = Plan de sécurité, { $n ->
        [one] { $n } élément rempli sur { $count }
       *[other] { $n } éléments remplis sur { $count }
    }. { $elements }. Tapez le numéro d’un élément pour le remplir, une ligne vide pour le suivant à remplir, ou annuler.
spoken-plan-element = Plan de sécurité, élément { $n } sur { $count } : { $element }. Actuellement : { $now }. { $crisis }Tapez son texte; une ligne vide le garde tel quel et passe au suivant.
risk-line-positive = DÉPISTAGE DU RISQUE POSITIF ({ $score ->
        [one] { $score } point
       *[other] { $score } points
    }, { $at })
risk-line-reassessed = Risque réévalué : négatif ({ $score ->
        [one] { $score } point
       *[other] { $score } points
    }, { $at })
risk-line-negative = Dépistage du risque négatif ({ $score ->
        [one] { $score } point
       *[other] { $score } points
    }, { $at })
risk-line-plan = plan de sécurité { $n }/{ $count }, { $at }
risk-line-no-plan = aucun plan de sécurité (P)
risk-offered = Dépistage du risque prévu à cette étape : { $key }
sum-h-risk = Dépistage du risque et plan de sécurité
sum-risk-screen = Outil : { $name } ({ $id })
sum-risk-reassessment = réévaluation
sum-risk-acknowledged = alarme acquittée à { $at }
sum-risk-overridden = Départ sans réévaluation négative ({ $at }) : { $reason }
sum-plan-none = Aucun plan de sécurité rédigé.
sum-plan-by = { $at }, { $by }
sum-plan-earlier = version antérieure : { $text } ({ $when })
course-risk-positive = Dernier dépistage du risque POSITIF : séance { $session }, { $date } ({ $score ->
        [one] { $score } point
       *[other] { $score } points
    })
course-risk-reassessed = Dernier dépistage du risque : risque soulevé à la séance { $session } ({ $date }), négatif à la réévaluation ({ $score ->
        [one] { $score } point
       *[other] { $score } points
    })
course-risk-negative = Dernier dépistage du risque négatif : séance { $session }, { $date } ({ $score ->
        [one] { $score } point
       *[other] { $score } points
    })
course-plan = Plan de sécurité de la séance { $session }, dernière saisie le { $date } : { $n ->
        [one] { $n } élément sur { $count }
       *[other] { $n } éléments sur { $count }
    }
course-no-plan = Aucun plan de sécurité n’a été rédigé après ce dépistage.
reader-risk-alarm = { $priority } : dépistage du risque positif, { $score ->
        [one] { $score } point
       *[other] { $score } points
    }. Conduite à tenir : { $advice }. Tapez { $ack } pour acquitter.
reader-risk-waiting = Alarme de risque en attente : dépistage positif à { $at }, { $score ->
        [one] { $score } point
       *[other] { $score } points
    }.
risk-ack-title = Acquitter l'alarme de risque
spoken-risk-ack = Acquitter l'alarme de risque : { $what }. Conduite à tenir : { $advice }. Tapez ce qui a été fait, ou une ligne vide.
rep-expect-risk = un dépistage du risque et, s’il est positif, un plan de sécurité avant le départ
rep-expect-rescue = un médicament de secours prévu à l’entente, et son effet réévalué
rep-expect-agreement = les ententes prises avant la dose respectées : rien d’inscrit au-delà
ref-no-technical-alarm = il n’y a pas d’alarme technique { $alarm }
ref-technical-already-acknowledged = l’alarme technique { $alarm } est déjà acquittée
open-technical = alarme technique { $alarm } non acquittée
flash-technical-acknowledged = Alarme technique { $alarm } acquittée
tl-self-test-silent = Autotest d'alarme : AUCUN son d'alarme — { $problem }
tl-self-test-device = Autotest d'alarme : priorités affichées, tonalité jouée sur { $device }
tl-self-test = Autotest d'alarme : priorités affichées, tonalité jouée
tl-addendum = Addenda : { $text } (motif : { $reason })
md-h-corrections = Corrections
md-corrections-intro = Les entrées originales restent dans le journal.
md-entry = entrée { $entry }
md-replaced-by = remplacée par l'entrée { $entry } : { $now }
md-entered-in-error = saisie par erreur
md-correction = { $what }; motif : { $reason } ({ $at }, { $by })
md-h-addenda = Addenda
md-addenda-intro = Ajoutés après la fermeture et la signature de la séance.
md-addendum = { $at } par { $by } (entrée { $entry }) : { $text } — motif : { $reason }
md-h-timeline = Chronologie
md-col-happened = survenu
md-col-recorded = saisi
md-col-by = par
md-col-entry = entrée

## Le rapport de formation

rep-bp-no-cuff = { $at } min : TA { $bp } saisie, mais aucune mesure n'avait été lancée au brassard
rep-bp-differs = { $at } min : TA { $bp } saisie, le moniteur affichait { $monitor }
rep-hr-differs = { $at } min : FC { $hr } saisie, le moniteur affichait { $monitor }
rep-spo2-probe-off = { $at } min : SpO₂ { $spo2 } % saisie alors que le capteur était retiré (aucune valeur au moniteur)
rep-spo2-differs = { $at } min : SpO₂ { $spo2 } % saisie, le moniteur affichait { $monitor } %
rep-skip = { $phase } : passage à la suite sans { $items } — « { $reason } »
rep-paused = en pause à { $at } min pendant { $minutes } min : { $reason }
rep-stopped = arrêtée avant la fin à { $at } min : { $reason }
rep-expect-pause = mettre en pause ou arrêter la perfusion
rep-expect-note = une note avec l'étiquette « { $tag } »
rep-expect-music = s'occuper de la musique : la relancer, faire un autre choix ou une prise de contact sans musique
rep-summary = Rappels de signes vitaux traités à temps : { $on_time } sur { $prompts }, manqués : { $missed_prompts } (retard max. d'une réponse { $worst } min); alertes acquittées : { $acked } sur { $alerts }; entrées en désaccord avec le moniteur : { $disagreements }; passages avec rubriques sautées : { $skips }; événements du scénario sans la réponse attendue : { $missed }.
rep-banner = RÉPÉTITION — rapport de formation sur un patient simulé.
rep-title = Rapport de formation — scénario { $scenario } (graine { $seed })
rep-intro = Protocole { $protocol }, séance { $session }. Les heures sont en minutes simulées depuis le début de l'administration.
rep-intro-not-closed = Protocole { $protocol }, séance { $session } (non fermée). Les heures sont en minutes simulées depuis le début de l'administration.
rep-summary-label = Résumé.
rep-h-prompts = Rappels de signes vitaux
rep-no-prompts = Aucun (l'administration n'a pas commencé).
rep-col-due = prévu
rep-col-answered = répondu
rep-col-late = retard
rep-not-answered = sans réponse
rep-on-time = à temps
rep-none-raised = Aucune déclenchée.
rep-alert = Alerte { $id } à { $at } min : { $what }
rep-acknowledged-after = acquittée après { $minutes } min
rep-action = action notée : { $action }
rep-no-action = aucune action notée
# $priority porte déjà le mot « priorité » (priority-word-*).
rep-priority = { $priority }
rep-h-disagreements = Entrées en désaccord avec le moniteur
rep-none = Aucune.
rep-h-events = Événements du scénario
rep-none-reached = Aucun atteint.
rep-h-skips = Rubriques obligatoires sautées
rep-h-pauses = Pauses et arrêts de la perfusion
rep-speed = Vitesse de l'horloge simulée : { $speeds }. Toutes les heures de ce rapport sont en minutes simulées depuis le début de l'administration.
rep-speed-unknown = non consignée
rep-summary-expected = Actions attendues : { $done } faites, { $late } en retard, { $not_done } non faites (minutes simulées, horloge { $speed }).
rep-summary-early = La répétition s'est terminée avant la fin, à { $at } min.
rep-status-done = faite à { $at } min
rep-status-late = EN RETARD de { $by } min (faite à { $at } min; horloge { $speed })
rep-status-not-done = NON FAITE
rep-status-not-reached = non atteinte (la répétition s'est terminée avant)
rep-status-not-applicable = sans objet (non demandé à cette séance)
rep-expected-status = attendu : { $what } — { $status }
rep-h-early = Fin anticipée
rep-early-at = La répétition s'est terminée à { $at } min, avant la fin de la séance.
rep-early-abandoned = terminée avec E (fin anticipée) : « { $reason } »
rep-early-dosing = l'administration n'était pas terminée
rep-early-phases = étapes jamais atteintes : { $items }
rep-early-prompts = rubriques jamais atteintes : { $items }
rep-early-events = événements du scénario jamais survenus : { $items }
rep-h-expected = Actions attendues
rep-col-expected = attendu
rep-col-status = statut
rep-due-phase = à l'arrivée à l'étape
rep-exp-gate = condition pour l'étape { $phase } (sinon : « { $reason } »)
rep-exp-vitals = prise des signes vitaux ({ $measures })
rep-exp-ack = acquitter l'alerte { $id } ({ $priority })
rep-exp-pause = mettre en pause ou arrêter la perfusion (alerte { $id })
rep-exp-repeat = reprendre la mesure ({ $measure }) pour confirmer qu'elle est { $limit } (première mesure à { $at } min)
rep-limit-above = au-dessus de { $value }
rep-limit-below = au-dessous de { $value }
rep-event-at = { $at } min : { $text }
rep-exp-event = { $what } (événement du scénario à { $at } min)
rep-h-notes = Notes de la personne en formation
rep-col-min = min
rep-col-tags = étiquettes
rep-col-note = note
rep-h-states = Embranchements du scénario suivis
rep-state-entered = { $state } ({ $at } min)
rep-h-phase-times = Durée de chaque étape
rep-phase-time = { $phase } : { $minutes } min (cible { $min }–{ $max } min) — { $pace }
rep-pace-short = PLUS COURTE que la cible
rep-pace-long = plus longue que la cible
rep-pace-within = dans la cible
rep-pace-unfinished = encore en cours à la fin de la répétition
rep-summary-short = Étapes plus courtes que la cible du protocole : { $count }.
rep-h-truth = Les valeurs réelles du patient simulé
rep-truth-intro = Les moments où les valeurs réelles du patient simulé ont dépassé les seuils d'alerte du protocole, et ce qui a été consigné pendant ce temps. Le graphique trace les valeurs réelles à côté des relevés.
rep-truth-above = { $measure } réellement au-dessus de { $limit } de { $from } à { $to } min (jusqu'à { $extreme }) : { $recorded }
rep-truth-below = { $measure } réellement au-dessous de { $limit } de { $from } à { $to } min (jusqu'à { $extreme }) : { $recorded }
rep-truth-recorded = consigné { $values }
rep-truth-not-recorded = rien de consigné pendant ce temps
rep-truth-value-at = { $value } à { $at } min
rep-truth-none = Les valeurs réelles sont restées dans les seuils d'alerte du protocole.

## Refus : ce que le dossier n'accepte pas, et pourquoi

ref-pausing-alarm-sound-needs-a-reason = mettre le son d'alarme en pause exige un motif
ref-the-protocol-sets-no-alarm-audio = le protocole ne prévoit pas de pause du son d'alarme ([vitals.alarms])
ref-no-alarm-is-waiting-there-is = aucune alarme en attente : rien à mettre en pause
ref-a-patient-id-is-needed = le pseudonyme du patient est requis
ref-a-patient-id-cannot-contain-control = le pseudonyme du patient ne peut pas contenir de caractères de contrôle
ref-an-addendum-follows-the-closing-until = un addenda vient après la fermeture; d'ici là, l'entrée se fait comme d'habitude
ref-an-author-s-name-cannot-be = le nom d'un auteur ne peut pas être vide ni contenir de caractères de contrôle
ref-a-time-taken-cannot-be-later = l'heure indiquée ne peut pas être postérieure à l'entrée elle-même
ref-a-tick-is-put-right-by = une case se corrige en la cochant ou en la décochant de nouveau; le journal garde les deux
ref-an-empty-addendum-is-not-saved = un addenda vide n'est pas enregistré
ref-the-session-has-already-started = la séance a déjà commencé
ref-an-empty-note-is-not-saved = une note vide n'est pas enregistrée
ref-a-bolus-cannot-be-paused = un bolus ne peut pas être mis en pause
ref-the-infusion-is-not-running = la perfusion n'est pas en cours
ref-the-infusion-is-not-paused = la perfusion n'est pas en pause
ref-the-infusion-has-not-started-untick = la perfusion n'a pas commencé : décochez plutôt le consentement
ref-consent-withdrawal-is-already-recorded = le retrait du consentement est déjà noté
ref-the-infusion-is-not-under-way = la perfusion n'est ni en cours ni en pause
ref-music-is-already-playing = la musique joue déjà
ref-check-ins-belong-to-the-dosing = les prises de contact se font pendant l'étape de perfusion
ref-the-debrief-follows-the-dosing = le retour sur l'expérience vient après la perfusion
ref-alarm-sound-is-not-paused = le son d'alarme n'est pas en pause
ref-no-music-is-playing = aucune musique ne joue
ref-this-is-the-last-phase-close = c'est la dernière étape : fermez plutôt la séance
ref-the-infusion-has-not-been-started = la perfusion n'a pas été commencée; donnez un motif pour passer à la suite sans elle
ref-the-infusion-has-already-been-started = la perfusion a déjà été commencée
ref-audio-pause-cap = le son d'alarme peut être mis en pause de 1 à { $cap } min tant qu'une alarme de { $priority } est en attente
ref-other-protocol = cette séance a été enregistrée selon le protocole « { $recorded } », et non « { $given } »
ref-no-earlier-time = une entrée de type « { $kind } » ne peut pas porter une heure antérieure : seuls les mesures, notes, réponses, cases cochées, prises de contact, médications et la kétamine le peuvent
ref-before-start = { $at } précède le début de la séance ({ $start })
ref-already-corrected = l'entrée { $entry } a déjà été corrigée, par l'entrée { $by }
ref-no-entry = il n'y a pas d'entrée { $entry } à corriger
ref-same-kind = l'entrée { $entry } est de type « { $kind } » : elle se remplace par une entrée du même type, pour la même rubrique
ref-not-correctable = une entrée de type « { $kind } » ne peut pas être corrigée; décrivez ce qui s'est passé dans une note
ref-gate-locked = « { $prompt } » conditionnait le passage à la perfusion, qui a commencé : elle ne peut plus être décochée. Si le patient retire son consentement, notez-le (W), ce qui arrête la perfusion
ref-no-prompt = il n'y a pas de rubrique « { $prompt } »
ref-not-asked = la rubrique « { $prompt } » n'est pas posée à la séance { $session }
ref-already-acknowledged = l'alerte { $alert } est déjà acquittée
ref-no-alert = il n'y a pas d'alerte { $alert }
ref-unknown-support = « { $support } » ne fait pas partie des soutiens du protocole
ref-debrief-started = le chrono du retour a déjà démarré à { $at }
ref-wrong-kind = la rubrique « { $prompt } » est { $kind ->
    [text] une rubrique de texte
    [check] un élément de liste de vérification
    [yes-no] une question oui/non
    [choice] un choix unique
    [multi-choice] un choix multiple
    [number] une valeur numérique
    [time] une heure
    [scale] une échelle
   *[other] une rubrique de type { $kind }
}
ref-infusion-phase = la perfusion commence à l'étape « { $phase } »
ref-close-from-last = la séance se ferme à partir de sa dernière étape ({ $phase }); sinon, donnez un motif pour la terminer plus tôt
ref-reason-needed = un motif est requis pour { $what }

## Rubriques typées : indices, valeurs et refus

value-yes = oui
value-no = non
value-none = aucun
value-score = score { $score }
hint-yes-no = o ou n
hint-multi-choice = plusieurs, p. ex. 1,3; 0 pour aucun
hint-from = à partir de { $min }
hint-up-to = jusqu'à { $max }
hint-number = un nombre{ $range }
hint-time = HH:MM, ou maintenant
value-time-on = { $time } le { $date }
value-not-a-choice-number = { $number } n'est pas un des choix (1 à { $count })
value-not-a-choice = « { $typed } » n'est pas un des choix : { $choices }
value-ambiguous-choice = « { $typed } » correspond à plus d'un choix : { $choices }
value-nothing-entered = rien de saisi — { $hint }
value-answer-yes-no = « { $typed } » : répondez { $hint }
value-not-a-number = « { $typed } » n'est pas un nombre
value-not-a-time = « { $typed } » n'est pas une heure : écrivez HH:MM
value-whole-numbers = « { $typed } » : entrez des nombres entiers — { $hint }
value-items-count = { $entered ->
    [one] { $entered } nombre saisi
   *[other] { $entered } nombres saisis
}, { $items ->
    [one] { $items } élément à coter
   *[other] { $items } éléments à coter
}
value-one-number = entrez un seul nombre — { $hint }
hint-scale-items = { $count ->
    [one] { $count } nombre
   *[other] { $count } nombres
} de { $min } à { $max }, dans l'ordre : { $items }
value-not-typed = la rubrique « { $prompt } » ne se remplit pas au clavier
value-wrong-type = une valeur de type { $value } ne convient pas à la rubrique { $kind } « { $prompt } »
value-not-one-of = « { $value } » n'est pas un des choix : { $choices }
value-nan = ce n'est pas un nombre
value-outside-range = { $value } est hors de l'intervalle permis, { $min }–{ $max }
value-below-min = { $value } est sous le minimum de { $min }
value-above-max = { $value } dépasse le maximum de { $max }
value-not-time-of-day = « { $value } » n'est pas une heure valide (00:00–23:59)
value-rates-items = « { $prompt } » se cote élément par élément : entrez un nombre par élément
value-outside-scale = { $value } est hors de l'échelle { $min }–{ $max }
value-item-not-rated = l'élément « { $item } » n'est pas coté
value-item-outside-scale = « { $item } » : { $value } est hors de l'échelle { $min }–{ $max }
value-not-an-item = « { $item } » n'est pas un élément de cette échelle
flash-alert-raised = ALERTE déclenchée

## La ligne de commande : reprise, état, historique, exportation

cli-no-unfinished-sessions = Aucune séance inachevée dans { $folder }
cli-no-unfinished-rehearsals = Aucune répétition inachevée dans { $folder }
cli-unfinished-sessions = Séances inachevées :
cli-unfinished-rehearsals = Répétitions inachevées :
cli-unfinished-line = { $id }  patient { $patient }  séance { $session }  { $protocol }  commencée le { $started }  dernière entrée { $last }  ({ $entries ->
    [one] { $entries } entrée
   *[other] { $entries } entrées
})
cli-continue-with = Pour en reprendre une : kap resume ID
cli-no-session-id = aucune séance « { $id } » dans { $folder }
cli-no-rehearsal-id = aucune répétition « { $id } » dans { $folder }
cli-it-is-a-rehearsal = c'est une répétition : `kap resume --rehearsal ID`
cli-it-is-a-session = c'est une séance réelle : `kap resume ID`
cli-rehearsal-word = RÉPÉTITION
cli-status-head = patient { $patient } — { $protocol } — { $session } — administré : { $given }
cli-status-head-visit = patient { $patient } — { $protocol } — { $visit }
cli-status-started = commencée le { $at }
cli-status-ended-early = terminée plus tôt à { $at }
cli-status-closed = fermée à { $at }
cli-status-phase = étape { $phase } sur { $phases } : { $title }
cli-status-infusion = { $what ->
       *[infusion] perfusion
        [bolus] observation
    } { $state ->
    [running] en cours
    [paused] en pause
    [completed] terminée
   *[stopped] arrêtée
} : { $elapsed } écoulées
cli-status-remaining = reste { $left }
cli-status-counts = { $vitals ->
    [one] { $vitals } série de signes vitaux
   *[other] { $vitals } séries de signes vitaux
}, { $notes ->
    [one] { $notes } note
   *[other] { $notes } notes
}
cli-status-alert = ALERTE { $what } — { $action }
cli-transaction-fhir-only = --transaction ne s'applique qu'à --format fhir
cli-transaction-unverified = avertissement : la vérification du journal n'est pas concluante; une transaction ne peut pas porter l'OperationOutcome qui le signale (les exportations collection et Markdown le peuvent)
cli-wrote = écrit : { $path }
cli-no-sessions-for = Aucune séance pour le patient { $patient }.
cli-no-rehearsals-for = Aucune répétition pour le patient { $patient }.
cli-history-head = { $protocol } — patient { $patient }
cli-history-no-dosing = pas d'administration
cli-history-line = { $date }  { $session }  administré { $given }  { $what ->
       *[infusion] perfusion
        [bolus] observation
    } { $infusion }  { $alerts ->
    [one] { $alerts } alerte
   *[other] { $alerts } alertes
}  { $status }  { $id }
cli-history-debrief = retour : { $debrief }
cli-history-goals = objectifs ({ $kind }) :

## protocol check, show et dose

proto-not-usable = { $file } : { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
} — protocole inutilisable
proto-ok = { $file } — { $name } v{ $version } ({ $sessions ->
    [one] { $sessions } séance
   *[other] { $sessions } séances
}, { $phases ->
    [one] { $phases } étape
   *[other] { $phases } étapes
}){ $warnings ->
    [0] {""}
    [one] , { $warnings } avertissement
   *[other] , { $warnings } avertissements
}
proto-refused = refusé : { $reason }
proto-site-sets = fixé par l'établissement : { $keys }
proto-population = Population : { $population }
proto-source = Source [{ $id }] : { $citation }
proto-reviewed = Valeurs locales validées par { $who }
proto-reviewed-on = Valeurs locales validées par { $who } le { $date }
proto-not-reviewed = Valeurs locales : PAS ENCORE VALIDÉES par l'établissement
proto-course = Série : { $sessions ->
    [one] { $sessions } séance d'administration
   *[other] { $sessions } séances d'administration
}
proto-default = par défaut { $dose }
proto-no-amount = sans quantité
proto-step = { $label } { $amount } en { $minutes } min
proto-in-steps = par paliers : { $steps }
proto-then = puis
proto-no-dose = aucune dose
proto-at-most = au plus { $mg } mg
proto-over = en { $minutes } min
proto-session = séance { $sessions }
proto-aim-days = idéalement { $min }–{ $max } jours
proto-at-most-days = au plus { $max }
proto-interval = avant la séance { $sessions } : { $label } (au moins { $min ->
    [one] { $min } jour
   *[other] { $min } jours
}{ $rest })
proto-maintenance = après la série : { $label }, tous les { $min }–{ $max } mois, dose de la séance { $session }
proto-goals = objectifs : au moins { $min } { $kind }
proto-integration = intégration dans les { $min }–{ $max } h suivant chaque dose
proto-phases = Étapes de la séance :
proto-session-only = séance { $sessions } seulement
proto-maintenance-only = séances d'entretien seulement
proto-optional = facultative
proto-gate = condition de passage : { $reason }
proto-vitals = Signes vitaux : toutes les { $min }–{ $max } min
proto-alert = alerte { $id }
proto-music = Musique : liste de lecture de { $min }–{ $max } min; sans musique, prise de contact toutes les { $checkin } min
proto-support = soutien : { $label }
proto-site-values-none = Valeurs fixées par l'établissement : aucune dans [site] values (chaque valeur a sa source)
proto-site-values = Valeurs fixées par l'établissement ({ $count }; les articles sources ne les donnent pas) :

## Mode lecteur d'écran : les mots à taper (le mot anglais fonctionne toujours aussi)

reader-word-ack = acq acquitter
reader-word-next = suite suivant
reader-word-back = precedent précédent
reader-word-close = fermer
reader-word-end = terminer fin
reader-word-withdraw = retrait
reader-word-who = qui
reader-word-audio = son
reader-word-timeline = chronologie
reader-word-addendum = addenda
reader-word-note = note
reader-word-measure = mesure
reader-word-start = démarrer demarrer
reader-word-pause = pause
reader-word-stop = arreter arrêter
reader-word-music = musique
reader-word-choose = choisir
reader-word-checkin = contact
reader-word-debrief = retour
reader-word-chimes = carillon
reader-word-louder = monter
reader-word-softer = baisser
reader-word-track = piste
reader-word-cuff = brassard
reader-word-faster = accelerer accélérer
reader-word-slower = ralentir
reader-word-freeze = figer
reader-word-recreate = recreer recréer
reader-word-help = aide
reader-word-quit = quitter
reader-word-patient = patient
reader-word-session = seance séance
reader-word-weight = poids
reader-word-mgkg = mgkg
reader-word-clinician = clinicien clinicienne
reader-word-resume = reprendre
reader-word-vitals = sv vitaux
reader-word-answer = repondre répondre
reader-word-tag = etiquette étiquette
reader-word-goals = objectifs
reader-word-time = heure
reader-word-status = etat état
reader-word-void = erreur
reader-word-correct = corriger
reader-word-monitor = moniteur
reader-word-cancel = annuler
reader-word-play = lire
reader-word-previous = precedente précédente precedent précédent
reader-word-jump = aller
reader-word-at = a à
reader-word-entries = entrees entrées liste
reader-word-more = plus
reader-word-where = ou où
reader-word-branch = reprise

## Mode lecteur d'écran : ce qu'il dit

reader-not-start-command = « { $line } » n'est pas une commande de l'écran de départ : { $words }
reader-answer-takes = { $word } prend le numéro d'une rubrique, puis la réponse
reader-goals-how = tapez les objectifs sur une ligne, séparés par des points-virgules : { $word } premier; deuxième
reader-addendum-how = un addenda se tape ainsi : { $word } TEXTE parce que MOTIF
reader-takes-nothing = « { $word } » ne prend rien après lui
reader-not-a-command = « { $line } » n'est pas une commande ici; tapez { $help } pour la liste
reader-correction-takes = { $word } prend un numéro d'entrée (la chronologie les donne), puis : parce que MOTIF
reader-correction-needs = { $word } { $entry } … demande : parce que MOTIF
reader-numbered-from-1 = les rubriques sont numérotées à partir de 1
reader-tag-takes = l'étiquette doit être l'une de : { $tags }
reader-help-start = Commandes de l'écran de départ : { $patient } ID; { $session } N; { $weight } KG; { $mgkg } X (vide pour la valeur par défaut du protocole); { $clinician } NOM, RÔLE (plusieurs, séparés par des points-virgules); { $start }; { $resume } (une séance inachevée de ce patient); { $quit }.
reader-help-answer = Répondez à une rubrique par son numéro : 3 seul coche une case ou demande la réponse; 3 suivi d'un texte y répond tout de suite.
reader-help-vitals = Des signes vitaux se tapent comme on les lit : 128/82 76 97 (ou { $vitals } suivi d'une lecture).
reader-help-note = { $note } TEXTE enregistre une note; { $tag } N enregistre une étiquette rapide; { $goals } A; B; C fixe les objectifs.
reader-help-late = Une entrée faite en retard indique à la fin quand elle a été prise : 128/82 76 97 @10:42, ou -5m; une note ou une réponse prend @10:42 ou @-5m.
reader-help-timeline = { $timeline } lit chaque entrée dans l'ordre avec son numéro; { $void } N parce que MOTIF la marque « saisie par erreur »; { $correct } N VALEUR parce que MOTIF la remplace; { $who } passe les entrées au clinicien présent suivant.
reader-help-time = { $time } donne l'heure et le chrono de la perfusion; { $status } relit l'étape; { $monitor } lit le moniteur simulé.
reader-help-cancel = Dans une question, { $cancel } la ferme sans enregistrer.
reader-hello = kap { $version }, mode lecteur d'écran. Chaque ligne est une commande; tapez { $help } pour la liste.
reader-too-long = Cette ligne dépasse { $max } caractères et n'a pas été lue.
reader-not-answered = Sans réponse : { $title }.
reader-not-understood = Pas compris.
reader-not-understood-why = Pas compris : { $why }.
reader-stays-open = La séance reste ouverte dans { $path } — kap resume la reprend.
reader-input-ended-left = Fin de l'entrée; kap s'est fermé.
reader-left = kap s'est fermé.
reader-no-prompt = Il n'y a pas de rubrique { $number } ici (cette étape en a { $count }).
reader-type-answer = Tapez la réponse à « { $prompt } » sur une ligne ({ $cancel } pour y renoncer).
reader-holding = Ce qui retient l'étape suivante : { $hold }.
reader-alert-waiting = Alerte { $alert } en attente : { $what }.
reader-earlier-alarm = Alarme { $id } à { $at } : { $what }
reader-earlier-addendum = Addenda à { $at } : { $text }
reader-repeat-pending = En attente d’une reprise : { $measure } était à { $value }; reprenez la mesure dès { $at } pour confirmer ou lever l’alarme
reader-no-monitor = Il n'y a pas de moniteur simulé dans cette séance.
reader-monitor = Moniteur : fréquence cardiaque { $hr }; SpO₂ { $spo2 }; tension artérielle { $bp }.
reader-no-signal = pas de signal
reader-bp-not-taken = non prise (tapez { $cuff })
reader-bp-at = { $bp } à { $at }
reader-it-is = Il est { $clock }.
infusion-ran-left = { $ran } écoulées; reste { $left }.
infusion-ran = { $ran } écoulées.
reader-alarm-high = ALARME DE PRIORITÉ HAUTE
reader-alarm-medium = ALARME DE PRIORITÉ MOYENNE
reader-alarm-low = ALARME DE PRIORITÉ BASSE
reader-attention = Attention : { $text }
reader-alarm = { $priority } { $id } : { $what }. Conduite à tenir : { $advice }. Tapez { $ack } pour acquitter.
reader-recreate = Tapez { $word } pour recréer le dossier.
reader-not-saved = ALERTE TECHNIQUE : NON ENREGISTRÉ — { $error }.{ $fix }
reader-not-given = non indiqué
reader-protocol-default = la valeur par défaut du protocole
reader-not-named = non nommé
reader-new-session = Nouvelle séance selon { $protocol } ({ $sessions ->
    [one] { $sessions } séance
   *[other] { $sessions } séances
}). Patient { $patient }; séance { $session }; poids { $weight }; mg/kg { $mgkg }; cliniciens présents { $clinicians }.
reader-new-rehearsal = Nouvelle répétition selon { $protocol } ({ $sessions ->
    [one] { $sessions } séance
   *[other] { $sessions } séances
}). Patient { $patient }; séance { $session }; poids { $weight }; mg/kg { $mgkg }; cliniciens présents { $clinicians }.
reader-dose = Dose pour la séance { $session } : { $mg } mg { $route } ({ $arithmetic }). Tapez { $start } pour commencer.
reader-not-ready = Pas prêt : { $reason }.
reader-outside-dates = Aujourd'hui est hors des dates du protocole ({ $window }) : un motif sera demandé.
reader-refused = Refusé : { $reason }.
reader-unfinished-waiting = Une séance inachevée de ce patient attend : tapez { $word }.
reader-running = { $what ->
   *[infusion] La perfusion est en cours : reste { $left }.
    [bolus] L’observation après la dose est en cours : reste { $left }.
}
reader-completed = { $what ->
   *[infusion] La perfusion a atteint sa durée prévue et est terminée.
    [bolus] L’observation après la dose a atteint sa durée prévue.
}
reader-vitals-due = Signes vitaux à prendre : tapez-les comme 128/82 76 97.
reader-vitals-overdue = Signes vitaux en retard.
reader-measure-due = À faire maintenant : { $measure } — tapez { $word }.
reader-ended-early = La séance a été terminée plus tôt.
reader-summary-written = Résumé écrit dans { $path }.
reader-summary-failed = Attention : le résumé n'a pas pu être écrit : { $error }.
reader-signed = Le dossier est signé. Tapez { $addendum } pour y ajouter, { $timeline } pour l'entendre dans l'ordre, ou { $quit }.
reader-report-written = Rapport de formation écrit dans { $path }.
reader-report-failed = Attention : le rapport de formation n'a pas pu être écrit : { $error }.
reader-looking-back = Retour en arrière.
reader-phase = Étape { $phase } sur { $phases } : { $title }.
reader-ticked = cochée
reader-answered = répondue
reader-answered-with = répondue : { $answer }
reader-required-open = obligatoire, à remplir
reader-open = à remplir
reader-dose-start = { $what ->
   *[infusion] Dose { $mg } mg. Tapez { $start } pour commencer la perfusion.
    [bolus] Dose { $mg } mg. Tapez { $start } une fois la dose administrée.
}
reader-forward-again = Tapez { $next } pour revenir en avant.
reader-answer-or-close = Tapez un numéro pour répondre, { $close } pour fermer la séance.
reader-answer-or-next = Tapez un numéro pour répondre, { $next } pour passer à la suite.
spoken-ack = Acquitter l'alerte { $alert } : { $what }. Conduite à tenir : { $advice }. Tapez ce qui a été fait, ou une ligne vide.
spoken-quit = Quitter kap? Tout ce qui est enregistré le reste; une séance ouverte peut être reprise. Tapez oui ou non.
spoken-discard = La réponse a des modifications non enregistrées. Tapez oui pour enregistrer ou non pour abandonner.
spoken-music = Musique ou soutien — tapez son numéro (p N en fait écouter un extrait) :
spoken-note = Tapez la note.
spoken-correct = Corriger l'entrée { $entry } : { $original }. Tapez la bonne valeur, puis « parce que » et le motif; ou seulement « parce que » et le motif si elle a été saisie par erreur.
spoken-addendum = Addenda : tapez le texte, puis « parce que » et le motif.
spoken-reason = { $title }. Tapez le motif.
spoken-still-open = Encore ouvert : { $items }.
spoken-signoff = Signer et fermer la séance, signée par { $who }? Ensuite, seuls des addenda peuvent être ajoutés. { $open } Tapez oui ou non.
spoken-end-early = Terminer la séance plus tôt, signée par { $who }? La perfusion et la musique s’arrêtent, et ensuite seuls des addenda peuvent être ajoutés. { $open } Tapez oui ou non; le motif est demandé ensuite.
spoken-timeline = Chronologie, dans l'ordre où les choses se sont passées :
spoken-timeline-how = Tapez { $correct } N nouvelle valeur parce que motif, ou { $void } N parce que motif; { $cancel } ferme.

## Le journal d'une alarme

transition-raised = déclenchée
transition-emphasis = escaladée : mise en évidence à l'écran
transition-sound-repeats = escaladée : le son se répète
transition-reminder = réannoncée : rappel
transition-latched = maintenue (non acquittée) : valeur revenue dans les limites
transition-acknowledged = acquittée
transition-resolved = résolue
tl-alarm = Alarme { $id } { $what }
tl-alert = ALERTE { $id } { $priority } : { $what }
tl-alert-in-error = déclenchée par une mesure saisie par erreur : { $reason }
tl-alert-withdrawn = retirée à { $at } : l’entrée { $entry }, prise plus tôt, montre qu’il n’y avait pas d’alarme

## kap doctor

doctor-summary = { $checks } vérifications : { $ok } ok, { $warn } warn, { $fail } FAIL — { $verdict }
doctor-not-ready = pas prêt : corrigez les lignes FAIL
doctor-ready-warn = prêt, lisez les lignes warn
doctor-ready = prêt
doctor-data-private = le dossier de données est privé (mode { $mode })
doctor-data-open = le mode { $mode } du dossier de données permet au groupe ou aux autres de le lire : chmod 700 { $dir }
doctor-space-too-little = { $space } : trop peu pour conserver le dossier d'une séance
doctor-space-low = { $space } : moins de 1 GiB
doctor-encrypted = le dossier de données est sur un volume chiffré ({ $how })
doctor-not-encrypted = le dossier de données N'EST PAS sur un volume chiffré ({ $what }) : des dossiers cliniques stockés devraient l'être — activez le chiffrement complet du disque
doctor-encryption-unknown = impossible de savoir si le dossier de données est chiffré ({ $why }) : vérifiez à la main
doctor-not-a-terminal = la sortie standard n'est pas un terminal : lancez kap doctor dans le terminal qu'utiliseront les séances
doctor-terminal-ok = le terminal fait { $size } (kap a besoin de 80×24)
doctor-terminal-small = le terminal fait { $size }, moins que les 80×24 dont kap a besoin : agrandissez la fenêtre
doctor-terminal-unknown = impossible de lire la taille du terminal
doctor-no-color = NO_COLOR est défini : kap utilise son thème simple (sans couleur)
doctor-term-unset = TERM n'est pas défini : les écrans de kap ont besoin d'un vrai type de terminal (p. ex. xterm-256color)
doctor-term-dumb = TERM vaut dumb : les écrans de kap ont besoin d'un vrai type de terminal (p. ex. xterm-256color)
doctor-clock-synced = l'horloge système est synchronisée ({ $source })
doctor-clock-not-synced = l'horloge système N'EST PAS synchronisée ({ $source }) : les heures notées peuvent dériver
doctor-clock-unknown = impossible de savoir si l'horloge système est synchronisée ({ $source })
doctor-protocol-invalid = { $file } : protocole inutilisable ({ $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
}; voir kap protocol check { $file })
doctor-protocol-other-warnings = { $count ->
    [one] { $count } autre avertissement
   *[other] { $count } autres avertissements
} (kap protocol check { $file })
doctor-protocol-signed = { $file } : valide, validé par { $by } le { $on }
doctor-protocol-undated = { $file } : valide, signé par { $by } mais sans date : remplissez [site] reviewed_on
doctor-protocol-unsigned = { $file } : valide, NON validé par l'établissement : remplissez [site] reviewed_by et reviewed_on
doctor-no-unfinished = aucune séance inachevée
doctor-unreadable-records = un dossier de séance ne peut pas être lu (kap le laisse hors de toutes les listes) : { $list }
doctor-unfinished-item = { $id } (commencée le { $at })
doctor-unfinished = { $count ->
    [one] { $count } séance inachevée
   *[other] { $count } séances inachevées
} : { $list } — kap resume les reprend ou les ferme
doctor-and-more = et { $more } de plus
doctor-space = { $free } libres sur { $total } sur le disque du dossier de données
doctor-colour-24bit = couleurs 24 bits
doctor-colour-256 = 256 couleurs
doctor-colour-basic = couleurs de base
start-dose-line = { $session } : { $mg } mg { $route }
start-range-line = { $session } : { $range }

## Alarmes techniques et messages des appareils

tech-suspended = kap a été suspendu ou bloqué pendant { $gap } : vérifiez les signes vitaux et les chronos
tech-rehearsal-held = kap a été arrêté pendant { $gap } (stoppé ou en veille) : le temps simulé a été retenu, pas avancé
tech-clock-ahead = l'horloge système a sauté de { $jump } vers l'avant : les chronos de kap ne sont pas touchés (ils comptent depuis le début noté)
tech-clock-back = l'horloge système a reculé de { $jump } : les chronos de kap ne sont pas touchés (ils comptent depuis le début noté)
tech-medium = ALARME TECHNIQUE MOYENNE — { $text }
tech-recreate-failed = le dossier de séance n'a pas pu être recréé : { $error }
tech-alarm-device-failed = ALARME TECHNIQUE HAUTE — la sortie audio des alarmes est en panne ({ $error }) : les sons d'alarme passent par la sortie de la musique
flash-music-skipped = Musique : « { $track } » sautée ({ $error })
flash-audio-hiccup = Coupure de la sortie audio ({ $error }) : rouverte
tech-audio-failed = ALARME TECHNIQUE MOYENNE — la sortie audio est en panne ({ $error }) : la séance et ses chronos continuent
flash-not-saved = NON ENREGISTRÉ : { $error }
default-device = la sortie par défaut
flash-self-test = Autotest d'alarme : { $signals } — la tonalité d'alarme a joué sur { $device } : signalez-le si vous ne l'avez pas entendue
by-who = par { $who }
music-option-playlist = Liste de lecture : { $playlist }

## kap push (les mots d'état pending, sent, failed restent tels quels : des scripts les lisent)

push-not-configured = push n'est pas configuré, donc rien n'a été envoyé (kap ne fait aucune connexion réseau tant qu'il ne l'est pas) : écrivez { $file } — voir docs/exports.md, « Pushing to the clinic's server »
push-insecure = avertissement : allow_insecure_http est activé : les dossiers partent vers { $url } sans chiffrement (pour les tests seulement)
push-nothing = Rien à envoyer : chaque séance fermée est envoyée ou attend son prochain essai (kap push --status).
push-status-unreadable = avertissement : { $error }; elle est envoyée comme si elle était en attente, et le fichier est remplacé
push-word-rehearsal = répétition
push-word-session = séance
push-sent = { $what } { $id } envoyée à { $server } : { $resources ->
    [one] { $resources } ressource
   *[other] { $resources } ressources
} (HTTP { $status }, { $ms } ms)
push-not-sent = NON ENVOYÉE : { $what } { $id } : { $why }
push-some-failed = { $failed } sur { $total } non envoyées; elles restent dans la boîte d'envoi et le prochain kap push --all réessaie
push-configured = push : configuré vers { $url } ({ $file })
push-off = push : non configuré (kap ne fait aucune connexion réseau)
push-config-wrong = push : la configuration est erronée (ci-dessus); rien ne peut être envoyé avant qu'elle soit corrigée
push-no-closed = Aucune séance fermée dans { $folder }
push-closed-summary = { $count ->
    [one] { $count } fermée
   *[other] { $count } fermées
} : { $summary }

## Push keeps the server true (#31)
push-updated = { $count ->
    [one]   une ressource modifiée depuis l'envoi a été mise à jour sur le serveur (sa version précédente reste dans l'historique du serveur)
   *[other] { $count } ressources modifiées depuis l'envoi ont été mises à jour sur le serveur (leurs versions précédentes restent dans l'historique du serveur)
}
fhir-addendum-title = Addenda à la note signée

## Sorties audio, et ce pour quoi un motif est demandé

audio-did-not-play = la sortie s'est ouverte mais n'a pas joué 0,2 s en { $secs } s
audio-built-without = ce kap a été compilé sans audio
audio-no-device = aucune sortie audio ({ $error })
audio-alarm-device = sortie des alarmes : { $error }
audio-no-such-device = aucune sortie « { $name } » (disponibles : { $devices })
audio-device-failed = la sortie audio est en panne
reason-for-correction = une correction
reason-for-addendum = un addenda
reason-for-pause = mettre la perfusion en pause
reason-for-withdrawal = un retrait du consentement
reason-for-stop = arrêter la perfusion avant la fin
reason-for-ending = terminer la séance plus tôt

## La console de l'instructeur et les injections (kap instruct)

device-cuff = brassard de TA
device-spo2-probe = capteur de SpO₂
device-sound = appareil audio
inject-vitals-fade = { $metric } { $change } en { $minutes } min
inject-vitals-step = { $metric } { $change } d'un coup
inject-patient = patient : { $text }
inject-device-fails = { $device } en panne
inject-device-restored = { $device } fonctionne de nouveau
instruct-not-ready = la répétition démarre; réessayez dans un instant
instruct-rehearsal-ended = la répétition est terminée
instruct-no-answer = la répétition n'a pas répondu à temps; rien n'a été changé
instruct-too-many = { $max } connexions d'instructeur sont déjà ouvertes; fermez-en une d'abord
instruct-not-answering = la répétition ne répond pas (arrêtée ou occupée); nouvel essai en cours
instruct-too-long = demande trop longue; refusée
instruct-bad-request = demande incomprise par kap : { $error }
instruct-no-socket = la console de l'instructeur ne peut pas se joindre à cette répétition ({ $error })
instruct-closed = la répétition est fermée
instruct-bad-speed = la vitesse doit être entre 1 et 120
instruct-no-such-injection = le scénario n'a pas d'injection nommée « { $id } »
instruct-no-patient = cette répétition n'a pas de patient simulé (lancez-la avec --scenario)
instruct-waiting = En attente de la répétition…
instruct-title = kap instruct
instruct-paused = TEMPS SIMULÉ EN PAUSE
instruct-no-scenario = aucun scénario
instruct-scenario = scénario : { $name }
instruct-phase = Étape : { $phase }
instruct-elapsed = Durée d'administration : { $elapsed }
instruct-entered = Derniers signes vitaux saisis : { $entry }
instruct-no-alarms = Aucune alarme en attente
instruct-meds = Secours donné : { $list }
instruct-trainee = Écran du stagiaire
instruct-patient = Patient simulé
instruct-true-bp = TA réelle
instruct-monitor-bp = PNI au moniteur (dernière mesure) : { $bp }
instruct-failed = En panne : { $devices }
instruct-no-named = Le scénario ne nomme aucune injection
instruct-named = Événements préparés (1–9)
instruct-log = Déclenchés
instruct-ask-change = { $metric } : variation, puis minutes pour l'atteindre (ex. +40 5) :
instruct-ask-says = Le patient dit :
instruct-bad-change = « { $text } » n'est pas une variation (ex. +40 5, ou -10)
instruct-keys = 1–9 déclencher · s d h o varier systolique, diastolique, FC, SpO₂ · t le patient dit · c brassard · p capteur SpO₂ · m panne/retour du son · espace pause · + − vitesse · q quitter
instruct-none-running = aucune répétition n'est en cours sur cet appareil (lancez-en une avec `kap rehearse --scenario …`)
instruct-several = plusieurs répétitions sont en cours; nommez-en une :
  { $ids }
instruct-cannot-attach = impossible de se joindre à la répétition dans { $folder } : { $error }
flash-sim-paused-by-instructor = Temps simulé mis en pause par l'instructeur
flash-sim-resumed-by-instructor = Le temps simulé reprend
flash-monitor-nibp-failed = Moniteur : PNI — erreur du brassard, aucune mesure
## Le sommaire et le rapport de formation en HTML (une page autonome avec un graphique)
html-h-chart = Graphique
html-chart-title = { $what ->
   *[infusion] Signes vitaux, perfusion, musique et toutes les entrées dans le temps
    [bolus] Signes vitaux, dose et observation, musique et toutes les entrées dans le temps
}
html-chart-caption = Les temps sont en minutes depuis le début de l'administration. Survolez une marque (ou atteignez-la avec Tab) pour la lire en entier. Lignes pointillées : seuils d'alarme, ombrés du côté où l'alarme se déclenche. Bandes : une alarme, du déclenchement à l'accusé de réception.
html-chart-caption-truth = Fines lignes pointillées : les valeurs réelles du patient simulé, que la personne en formation ne voyait qu'au moniteur (la tension artérielle seulement quand le brassard était gonflé).
html-axis-dosing = Minutes depuis le début de l'administration ({ $clock })
html-axis-session = Minutes depuis le début de la séance ({ $clock }; l'administration n'a pas commencé)
html-panel-bp = Tension artérielle (mmHg)
html-panel-hr = Fréquence cardiaque (/min)
html-panel-spo2 = SpO₂ (%)
html-lane-infusion = { $what ->
   *[infusion] Perfusion
    [bolus] Observation
}
html-lane-music = Musique
html-lane-scenario = Scénario
html-lane-actions = Entrées
html-legend-limit = seuil d'alarme
html-legend-alarm = alarme, du déclenchement à l'accusé
html-legend-open = alarme jamais accusée
html-legend-running = { $what ->
   *[infusion] perfusion en cours
    [bolus] observation après la dose
}
html-legend-paused = perfusion en pause
html-legend-music = musique en cours
html-legend-event = événement du scénario
html-legend-truth = valeur réelle du patient simulé
html-truth-series = { $what } : valeur réelle du patient simulé (cachée à la personne en formation; le moniteur affichait la fréquence cardiaque et la SpO₂, la tension artérielle seulement quand le brassard était gonflé)
html-limit-above = { $metric } > { $limit }
html-limit-below = { $metric } < { $limit }
html-alarm-span = Alerte { $id } ({ $priority }) : { $what } — déclenchée à { $from } min, accusée à { $to } min
html-alarm-span-open = Alerte { $id } ({ $priority }) : { $what } — déclenchée à { $from } min, jamais accusée
html-running = { $what ->
   *[infusion] Perfusion en cours { $from }–{ $to } min
    [bolus] Observation { $from }–{ $to } min
}
html-paused = Perfusion en pause { $from }–{ $to } min : { $reason }
html-stopped = { $what ->
   *[infusion] Perfusion arrêtée avant la fin à { $at } min : { $reason }
    [bolus] Observation terminée avant la fin à { $at } min : { $reason }
}
html-step = Palier { $n } { $label } ({ $mg } mg) : début
html-music = Musique en cours { $from }–{ $to } min
html-scenario-event = { $at } min : { $text }
html-mark = { $at } min ({ $time }) : { $text }
html-mark-by = par { $by }
html-reading = { $at } min : { $what } { $value }
html-pearls = Ce rapport suit les quatre parties d'un débreffage PEARLS : d'abord les réactions, puis la description de ce qui s'est passé, l'analyse de la façon dont ce fut géré, et une synthèse de ce qu'on en retient.
html-h-reactions = Réactions
html-reactions-intro = Avant de regarder le graphique : laissez la personne en formation dire comment la simulation s'est passée pour elle, et écoutez.
html-reactions-1 = Comment vous sentez-vous maintenant que c'est terminé?
html-reactions-2 = Qu'est-ce qui vous a marqué pendant la séance?
html-reactions-3 = Y a-t-il eu un moment où vous ne saviez pas quoi faire?
html-h-description = Description
html-description-intro = Ce qui s'est passé, dans l'ordre, sur un seul axe du temps. Demandez à la personne en formation de le raconter dans ses mots avant de porter un jugement.
html-h-timeline = Toutes les entrées
html-col-minute = min
html-col-kind = type
html-col-entry = entrée
html-col-by = par
html-h-analysis = Analyse
html-analysis-intro = Comment chaque attente du protocole et du scénario a été remplie. Explorez pourquoi chaque choix a été fait, pas seulement s'il était le bon.
html-h-summary = Synthèse
html-summary-intro = Terminez par ce que la personne en formation retient, dans ses mots.
html-summary-1 = Qu'est-ce qui a bien fonctionné et que vous allez continuer à faire?
html-summary-2 = Que ferez-vous autrement la prochaine fois?
html-summary-3 = Une chose à rapporter dans les vraies séances.
html-debrief-notes = Notes de la personne qui anime le débreffage
html-export-no-scenario = L'analyse du stagiaire n'est pas dans cet export : le dossier de cette répétition ne contient pas de copie du scénario (elle s'est déroulée sans scénario, ou avant que kap en garde une). Un rapport écrit à sa fermeture se trouve dans trainee-report.html, dans le dossier de la séance.
## Relecture (kap replay) et reprise d'une répétition
keys-group-replay = Relecture (lecture seule)
key-replay-play-pause = lire / pause
key-replay-faster-slower = relecture plus vite / plus lente
key-replay-previous-next-entry = entrée précédente / suivante
key-replay-timeline = entrées : aller à l'une d'elles
key-replay-branch = reprendre : nouvelle répétition à partir de ce moment
key-replay-leave = quitter la relecture
header-replay = RELECTURE { $kind } { $position } ×{ $speed }
header-replay-paused = RELECTURE { $kind } { $position } en pause
header-branched = reprise à la min { $minute }
replay-kind-rehearsal = répétition
replay-kind-session = séance réelle
replay-opened = Relecture de { $id }, en lecture seule : rien n'est écrit. Espace lit ou met en pause, [ ] passent d'une entrée à l'autre, L les affiche
replay-refused = Une relecture est en lecture seule : rien ne peut être consigné ni modifié ici
replay-refused-rehearsal = Une relecture est en lecture seule : rien ne peut être consigné ici. { $branch } : une reprise, soit une nouvelle répétition à partir de ce moment
replay-ended = Fin du dossier : { $play } pour le relire depuis le début, { $list } pour afficher les entrées
replay-paused = Relecture en pause ({ $play } pour lire)
replay-playing = Relecture en cours
replay-speed = Relecture ×{ $speed }
replay-jumped = Entrée { $n } sur { $total }, à { $at }
replay-timeline-title = Entrées
replay-timeline-hint = ↑ ↓ PgUp PgDn choisir · Entrée pour y aller · Esc ferme
branch-refused-real = Une séance réelle n'est jamais reprise en répétition : une reprise est une répétition, et le dossier d'un patient n'est pas copié pour la formation
branch-refused-negative = Le moment de la reprise précède la première entrée de la répétition (les minutes comptent depuis le début de l'administration, ou depuis la première entrée si l'administration n'a jamais commencé)
branch-refused-closed = La répétition était déjà fermée à la min { $minute } : reprenez à partir d'un moment antérieur
branch-opened = Reprise de { $source } à la min { $minute } : une nouvelle répétition; l'originale reste intacte
reader-replay-hello = kap { $version }, mode lecteur d'écran. Relecture de la { $kind } { $id }, en lecture seule : rien n'est écrit. { $count } entrées sur { $length }; en pause sur la première. Tapez { $play } pour lire, { $next } ou { $previous } pour passer d'une entrée à l'autre, { $entries } pour les énumérer, { $help } pour toutes les commandes.
reader-replay-entry = Entrée { $n } sur { $total }, à { $at } : { $text }
reader-replay-entries-played = Entrées { $from } à { $to } sur { $total } : { $list }
reader-replay-and-more = et { $count } autres ({ $entries } les énumère)
reader-replay-list-head = Entrées { $from } à { $to } sur { $total } :
reader-replay-list-more = Tapez { $more } pour les suivantes.
reader-replay-list-none = Il n'y a pas d'entrée { $from } : le dossier en compte { $total }.
reader-replay-moved = Rendu à { $at }. La dernière entrée à ce moment : { $entry }
reader-replay-where = Entrée { $n } sur { $total }, à { $at } sur { $length }; { $state }.
reader-replay-state-playing = lecture à ×{ $speed }
reader-replay-state-paused = en pause
reader-replay-jump-takes = Tapez { $jump } et le numéro d'une entrée, de 1 à { $total }.
reader-replay-at-takes = Tapez { $at } et un moment après la première entrée, en minutes (12) ou en minutes et secondes (12:30), jusqu'à { $length }.
reader-replay-help-play = { $play }, { $pause } : lire, mettre en pause; { $faster }, { $slower } : vitesse doublée ou réduite de moitié (de 1 à 480 fois le temps réel).
reader-replay-help-step = { $next }, { $previous } : l'entrée suivante ou précédente; { $jump } 5 : l'entrée 5; { $at } 12:30 : ce moment après la première entrée.
reader-replay-help-list = { $entries } : les entrées avec leur heure ({ $entries } 20 : à partir de la 20e); { $more } : les suivantes; { $here } : où en est la relecture.
reader-replay-help-look = { $status } : la phase relue; { $time } : l'heure et la perfusion; { $monitor } : le moniteur simulé.
reader-replay-help-branch = { $branch } : une reprise, soit une nouvelle répétition à partir de ce moment, ouverte aussitôt (répétitions seulement; l'originale reste intacte).
reader-replay-help-quit = { $quit } : quitter. Rien de ce qui est tapé ici n'est consigné : une relecture est en lecture seule.
reader-replay-not-a-command = « { $line } » n'est pas une commande de relecture; tapez { $help } pour la liste.
cli-branched = kap : { $source } repris à la min { $minute } dans { $folder }
rep-h-injections = Ce que l'instructeur a modifié
rep-injection = { $at } min : { $what }
rep-injection-named = { $at } min : { $what } (injection nommée « { $named } »)
html-instructor-mark = Instructeur : { $what }
rep-branched = Cette séance est une reprise de la répétition { $source } à la minute { $at } : ce qui précède ce moment appartient au stagiaire de la répétition d'origine.
## Diagnostics : problèmes dans un fichier de protocole, de scénario ou de configuration.
## Les chemins de clés et les noms de clés TOML ($key, $path) sont du code : ils restent tels quels.
## L'emplacement fichier:ligne:colonne garde la forme que lisent les éditeurs.

diag-line = { $file }:{ $line }:{ $column }: { $level ->
    [warning] avertissement
   *[other] erreur
} : { $message }
diag-at = { $path } : { $message }
diag-cannot-read = impossible de lire le fichier : { $error }
diag-not-utf8 = le fichier n'est pas du texte UTF-8 valide
pv-empty = { $key } ne doit pas être vide
pv-positive = { $key } doit être un nombre positif; valeur trouvée : { $value }
pv-min-above-max = min ({ $min }) ne doit pas dépasser max ({ $max })
pv-at-least-one = { $key } doit valoir au moins 1
pv-either = indiquez { $a } ou { $b }, pas les deux
pv-no-sessions = la liste des séances ne doit pas être vide
pv-session-outside = la séance { $session } est hors de la série (séances { $first } à { $last })
pv-session-twice = la séance { $session } figure deux fois
pv-format = version de format { $found } non prise en charge; cette version de kap lit la version { $reads }
pv-site-unreviewed = l'établissement n'a pas validé les valeurs locales de ce fichier (seuils d'alarme, concentration, critères de congé) : remplissez site.reviewed_by et site.reviewed_on
pv-slug = { $kind ->
    [protocol] l'identifiant « { $id } » ne doit contenir que des minuscules, des chiffres, « - » et « _ »
    [phase] l'identifiant d'étape « { $id } » ne doit contenir que des minuscules, des chiffres, « - » et « _ »
    [prompt] l'identifiant de rubrique « { $id } » ne doit contenir que des minuscules, des chiffres, « - » et « _ »
    [support] l'identifiant de soutien « { $id } » ne doit contenir que des minuscules, des chiffres, « - » et « _ »
    [item] l'identifiant d'élément « { $id } » ne doit contenir que des minuscules, des chiffres, « - » et « _ »
    [alert] l'identifiant d'alerte « { $id } » ne doit contenir que des minuscules, des chiffres, « - » et « _ »
   *[limit-set] le nom de jeu de seuils « { $id } » ne doit contenir que des minuscules, des chiffres, « - » et « _ »
}
pv-id-twice = { $kind ->
    [source] l'identifiant de source « { $id } » est utilisé deux fois
    [phase] l'identifiant d'étape « { $id } » est utilisé deux fois
    [support] l'identifiant de soutien « { $id } » est utilisé deux fois
    [item] l'identifiant d'élément « { $id } » est utilisé deux fois
   *[alert] l'identifiant d'alerte « { $id } » est utilisé deux fois
}
pv-language = la langue « { $lang } » n'est pas une langue de kap ({ $known })
pv-no-source = au moins une [[protocol.source]] est requise
pv-short-name-long = le nom court est pour l’en-tête : { $max } caractères au plus
pv-course-sessions = sessions doit être entre 1 et { $max }; valeur trouvée : { $found }
pv-dose-rule-twice = la séance { $session } a déjà une règle de dose (dose_rule { $rule })
pv-no-dose-rule = aucune règle de dose pour { $count ->
    [one] la séance { $sessions } sur { $of } : ajoutez-lui une [[course.dose_rule]]
   *[other] les séances { $sessions } sur { $of } : ajoutez-leur une [[course.dose_rule]]
}
pv-dose-as-session = dose_as_session doit désigner une séance de la série (1 à { $last }); valeur trouvée : { $found }
pv-interval-twice = l'intervalle avant la séance { $session } est déjà fixé (interval { $interval })
pv-interval-one-session = une série d'une seule séance n'a pas d'intervalles
pv-below = { $key } ({ $value }) est inférieur à { $other } ({ $limit })
pv-above = { $key } ({ $value }) est supérieur à { $other } ({ $limit })
pv-no-interval = aucun [[course.interval]] ne fixe l'intervalle avant { $count ->
    [one] la séance { $sessions }
   *[other] les séances { $sessions }
}
pv-integration = l'intégration exige rolling = true, within_hours ou sessions
pv-max-mg-fixed = max_mg plafonne une dose au poids (mg_per_kg); une dose fixe a sa propre quantité
pv-max-mg-ceiling = max_mg { $value } dépasse le plafond de kap de { $ceiling } mg, toutes séances confondues
pv-dose-rule-amount = une règle de dose exige mg_per_kg ou fixed_mg
pv-mg-per-kg-ceiling = { $value } mg/kg dépasse le plafond de kap de { $ceiling } mg/kg, toutes séances confondues; le fichier est refusé, pas ramené au plafond
pv-default-outside = la dose par défaut de { $value } mg/kg est hors de l'intervalle de cette règle, { $min }–{ $max } mg/kg
pv-infusion-needs-minutes = la voie « iv-infusion » exige infusion_minutes
pv-infusion-minutes-route = { $key ->
    [steps] les paliers (steps) sont pour la voie « iv-infusion », pas pour : { $route }
   *[other] { $key } ne s'applique qu'à la voie « iv-infusion », pas à : { $route }
}
pv-beside-steps = { $key } ne peut pas accompagner des paliers : chaque palier donne sa propre quantité et sa durée
pv-two-steps = une dose par paliers exige au moins deux paliers; un seul palier s'écrit avec mg_per_kg et infusion_minutes
pv-step-amount = un palier exige mg_per_kg ou fixed_mg
pv-steps-ceiling = les paliers totalisent { $value } mg/kg, au-dessus du plafond de kap de { $ceiling } mg/kg, toutes séances confondues; le fichier est refusé, pas ramené au plafond
pv-steps-too-long = les paliers durent { $value } min au total, plus qu'une séance que kap peut suivre ({ $max } min)
pv-fixed-ceiling = { $value } mg dépasse le plafond de kap de { $ceiling } mg pour une dose fixe
pv-minutes-too-long = { $key } { $value } dépasse la durée d'une séance que kap peut suivre ({ $max } min)
pv-no-measure = indiquez au moins une mesure à noter
pv-measure-twice = la mesure « { $measure } » figure deux fois (prompted et continuous s'excluent)
pv-alert-threshold = une alerte exige un seuil : above ou below
pv-confirm-after = confirm_after_minutes doit valoir au moins 1 (omettez-le pour alerter dès la première mesure)
pv-audio-pause = audio_pause_max_minutes doit être entre 1 et 30 : une alarme mise en sourdine doit revenir
pv-high-vs-medium = une alarme de priorité haute ne peut pas être mise en sourdine plus longtemps, ni s'aggraver plus tard, qu'une alarme de priorité moyenne
pv-implausible = { $value } { $unit } n'est pas une valeur plausible ({ $measure }); kap accepte { $min }–{ $max }
pv-out-of-range = { $key } = { $value }{ $unit } sort de ce qu'un protocole peut vouloir dire (de { $min } à { $max }{ $unit }; voir « Plausible ranges » dans docs/protocol-format.md)
pv-below-plausible = { $key } = { $value }{ $unit } est sous ce qu'un protocole peut vouloir dire (au moins { $min }{ $unit }; voir « Plausible ranges » dans docs/protocol-format.md)
pv-limit-bound = un seuil exige min, max ou les deux
pv-no-phase = un protocole exige au moins une [[phase]]
pv-role-taken = le rôle « { $role } » est déjà pris par l'étape « { $phase } »
pv-prompt-id-taken = l'identifiant de rubrique « { $id } » est déjà utilisé à l'étape « { $phase } »
pv-no-maintenance = maintenance = true exige [course.maintenance] : cette série n'a pas de séances d'entretien
pv-no-dosing-phase = aucune étape n'a role = "dosing" : un protocole exige une étape de perfusion ou d'administration
pv-gate-both = une condition de passage désigne une rubrique, des signes vitaux ou un score, un seul des trois
pv-gate-neither = une condition de passage exige prompt, vitals ou score
pv-gate-score-not-scored = la rubrique « { $id } » n’est pas une échelle avec score (kind = "scale" avec items et scoring)
pv-gate-min-score-needed = une condition de passage sur un score exige min_score : le score le plus bas qui permet de poursuivre
pv-gate-min-score-range = min_score doit être un score que l’échelle peut donner : { $min } à { $max }
pv-min-score-without-score = min_score s’applique à une condition de passage sur un score (score = "une rubrique-échelle")
pv-no-such-prompt = aucune rubrique n'a l'identifiant « { $id } »
pv-music-prompt = music.prompt désigne « { $id } », qui n’est pas une rubrique texte de ce protocole
pv-gate-own-phase = la rubrique « { $id } » fait partie de cette étape : on ne peut pas y répondre avant le début de l'étape
pv-gate-later-phase = la rubrique « { $id } » fait partie de l'étape « { $phase } », qui vient après celle-ci
pv-within-minutes-vitals = within_minutes ne s'applique qu'aux conditions sur les signes vitaux
pv-no-limit-set = aucun jeu de seuils « { $set } » dans [vitals.limits] (connus : { $known })
pv-no-limit-set-none = aucun jeu de seuils « { $set } » dans [vitals.limits] (aucun n'est défini)
pv-only-for = { $key } ne s'applique qu'aux rubriques { $kinds ->
    [choice] choice et multi-choice
    [number] number
   *[scale] scale
}, pas aux rubriques { $kind }
pv-needs-choices = une rubrique { $kind } exige une liste de choix
pv-empty-choice = un choix ne doit pas être vide
pv-choice-twice = le choix « { $choice } » figure deux fois
pv-finite = { $key } doit être un nombre fini
pv-scale-min-max = le min de l'échelle ({ $min }) doit être inférieur au max ({ $max })
pv-anchor-outside = le repère { $value } est hors de l'échelle { $min }–{ $max }
pv-scoring-no-items = scoring exige des éléments à combiner
pv-scoring-unknown-item = scoring renvoie à l'élément « { $id } », que l'échelle n'a pas
pv-due-one = due exige exactement un de at_minute, with_vitals ou before_close
pv-due-window = at_minute exige window_minutes (le délai avant le retard)
pv-window-only = window_minutes ne s'applique qu'avec at_minute
pv-at-minute-too-late = at_minute { $value } dépasse la durée d'une séance que kap peut suivre
pv-site-value-unknown = site.values nomme « { $path } », que ce fichier ne fixe pas (écrivez les chemins comme les diagnostics les affichent, p. ex. course.interval[1].min_days)
pv-site-value-table = site.values nomme « { $path } », une table entière : nommez chaque valeur fixée par l'établissement
sc-implausible = { $value } n'est pas une valeur plausible ({ $measure }); attendu : { $min }–{ $max }
sc-noise = noise doit être entre 0 et 20; valeur trouvée : { $value }
sc-diastolic = la diastolique doit être inférieure à la systolique
sc-drift-order = les minutes doivent respecter from_minute ≤ peak_minute ≤ end_minute
sc-from-minute = from_minute doit valoir 0 ou plus
sc-minute-outside = la minute { $value } est hors de 0–480
sc-needs = { $what ->
    [spike] un pic (spike) exige { $key }
   *[other] { $what } exige { $key }
}
sc-duration = duration_minutes doit être entre 0 et 480
sc-unknown-note-tag = expect_note_tag « { $tag } » n'est pas une étiquette de note de kap : { $tags }; pour la musique, utilisez expect_music = true
sc-one-expectation = un événement attend une seule chose : request_stop, expect_note_tag, expect_music, expect_risk, expect_rescue ou expect_agreement_kept, pas plusieurs

## Types d'entrée, tels que les refus les nomment (le journal garde le type anglais)

event-kind-started = début de séance
event-kind-answered = réponse
event-kind-ticked = case cochée
event-kind-recorded = heure notée
event-kind-vitals = signes vitaux
event-kind-note = note
event-kind-advanced = changement d'étape
event-kind-dosing-started = début de l'administration
event-kind-dosing-paused = pause de l'administration
event-kind-dosing-resumed = reprise de l'administration
event-kind-dosing-stopped = arrêt de l'administration
event-kind-alert-acknowledged = acquittement d'alerte
event-kind-music-chosen = choix de musique
event-kind-music-started = début de la musique
event-kind-music-stopped = arrêt de la musique
event-kind-music-ended = fin de la musique
event-kind-track-changed = changement de piste
event-kind-music-problem = problème de musique
event-kind-checked-in = prise de contact
event-kind-goals-set = objectifs
event-kind-debrief-started = début du retour
event-kind-closed = fermeture
event-kind-abandoned = fin anticipée
event-kind-consent-withdrawn = retrait du consentement
event-kind-corrected = correction
event-kind-addendum = addenda
event-kind-alarm-audio-paused = pause du son d'alarme
event-kind-alarm-audio-resumed = reprise du son d'alarme
event-kind-alarm-self-test = autotest d'alarme
event-kind-technical-alarm = alarme technique

## Étiquettes rapides des notes, telles qu'affichées (journal et scénarios gardent l'étiquette anglaise)

note-tag-nausea = nausée
note-tag-vomiting = vomissement
note-tag-distress = détresse
note-tag-tearful = pleurs
note-tag-bp-intervention = intervention TA
note-tag-dizziness = étourdissement
note-tag-anxiety = anxiété
note-tag-asked-to-stop = demande d'arrêter
note-tag-touch = toucher de soutien

## Times taken late, and command-line errors written in code

late-not-a-time = { $at } n'est pas une heure valide
late-in-future = { $at } est plus tard que maintenant ({ $now }) : l'heure indiquée ne peut pas être dans le futur
late-minutes-ago = « { $typed } » : les minutes écoulées s'écrivent -5m (une journée au plus)
late-not-time-of-day = « { $typed } » n'est pas une heure valide (HH:MM)
late-how = « { $typed } » : l'heure indiquée s'écrit 10:42 ou -5m
ref-not-replaced = cette entrée ({ $kind }) ne se remplace pas; marquez-la comme entrée par erreur, ou ajoutez une note
closed-no-summary = pas de summary.md à côté du journal
cli-give-protocol = indiquez un fichier de protocole avec --protocol
cli-scenario-other-protocol = { $file } : le scénario est écrit pour le protocole « { $scenario } », et non « { $protocol } »
cli-speed-range = { $speed } est hors de { $min } à { $max } (fois le temps réel)

## Une étiquette et sa valeur (espace avant le deux-points)

label-value = { $label } : { $value }

## kap push : erreurs de configuration et lignes de --status (le premier mot, pending, sent ou failed, reste en anglais : des scripts le lisent)

push-token-both = indiquez token_file ou token_env, pas les deux
push-empty-path = chemin vide
push-not-env-name = ce n'est pas un nom de variable d'environnement (lettres, chiffres et _)
push-timeout-range = { $value } est hors de 1 à 600
push-not-a-url = « { $url } » n'est pas une adresse URL (https://hôte/chemin)
push-scheme = le protocole doit être https, pas « { $scheme } »
push-url-credentials = pas de nom d'utilisateur ni de mot de passe dans l'URL : mettez le jeton dans token_file
push-url-query = pas de requête ni de fragment : seulement l'adresse de base du serveur
push-url-spaces = espaces ou caractères de contrôle dans l'URL
push-url-no-host = pas d'hôte dans l'URL
push-url-invalid = URL invalide ({ $error })
push-plain-http = http:// envoie les dossiers sans chiffrement : utilisez https:// (http:// n'est accepté que vers 127.0.0.1, ::1 ou localhost, ou avec allow_insecure_http = true pour des essais)
push-token-mode = { $file } : d'autres utilisateurs peuvent lire ou modifier le fichier du jeton (mode { $mode }) : chmod 600 { $file }
push-token-empty = { $whence } : le jeton est vide
push-token-chars = { $whence } : le jeton doit tenir sur une ligne de caractères ASCII imprimables, sans espaces
push-config-unreadable = { $file } : impossible de lire la configuration d'envoi : { $error }
push-no-config-dir = aucun dossier de configuration trouvé pour cet utilisateur; indiquez la configuration d'envoi avec --config ou { $var }
push-token-env-unset = { $file } : token_env nomme ${ $name }, qui n'est pas définie (ou pas en UTF-8)
push-token-file = { $file } : fichier du jeton : { $error }
push-token-not-utf8 = { $file } : le fichier du jeton n'est pas du texte UTF-8
push-describe-pending = pending : pas encore envoyée
push-describe-sent = sent le { $at } à { $server } (HTTP { $status }, { $ms } ms, { $resources ->
    [one] { $resources } ressource
   *[other] { $resources } ressources
}{ $tries ->
    [1] {""}
   *[other] , après { $tries } tentatives
})
push-describe-failed = failed { $tries ->
    [one] { $tries } fois
   *[other] { $tries } fois
} (dernière : { $at }) : { $error } — prochaine tentative à partir de { $next }
push-not-status-file = { $file } : ce n'est pas un fichier d'état d'envoi ({ $error })
push-status-other-session = { $file } : le fichier est celui de la séance « { $session } », pas celle de ce dossier

## kap doctor : ce que les vérifications ont trouvé

doctor-folder-exists = le dossier de données { $folder } existe
doctor-folder-not-folder = le dossier de données { $folder } n'est pas un dossier
doctor-folder-no-parent = le dossier de données { $folder } n'existe pas et n'a aucun dossier parent existant
doctor-folder-cannot-create = le dossier de données { $folder } n'existe pas et ne peut pas être créé : { $parent } n'est pas un dossier
doctor-folder-created-later = le dossier de données { $folder } n'existe pas encore; kap le crée (mode 0700) à la première séance
doctor-folder-writable = le dossier de données est accessible en écriture
doctor-parent-writable = { $parent } est accessible en écriture : kap peut donc le créer
doctor-cannot-write = impossible d'écrire dans { $folder } : { $error }
doctor-space-unreadable = impossible de lire l'espace libre : { $error }
doctor-probe-left = { $file } a été écrit mais ne peut pas être supprimé : { $error }
doctor-cannot-resolve = impossible de résoudre { $folder }
doctor-no-mountinfo = pas de /proc/self/mountinfo sur ce système
doctor-mount-not-listed = son point de montage ne figure pas dans /proc/self/mountinfo
doctor-fs-on = { $fstype } sur { $mount }
doctor-no-disk = { $on }, qui n'a pas de disque propre à examiner
doctor-no-block-device = { $on } : aucun périphérique bloc trouvé pour { $source }
doctor-luks = dm-crypt/LUKS { $name } sous { $source }
doctor-no-sync-answer = aucune réponse de timedatectl et aucun état de systemd-timesyncd
doctor-cannot-print = kap doctor : impossible d'écrire le rapport : { $error }
doctor-no-data-folder = pas de dossier de données : { $error } (définissez KAP_DATA_DIR)
doctor-boottime = CLOCK_BOOTTIME indique { $since } depuis le démarrage (la minuterie de perfusion compte la mise en veille)
doctor-no-boottime = impossible de lire CLOCK_BOOTTIME ({ $error }) : la minuterie de perfusion en a besoin
doctor-time-zone = fuseau horaire { $zone } (selon { $from }), actuellement UTC{ $offset }
doctor-no-time-zone = aucun fuseau horaire défini (ni TZ, ni /etc/localtime) : les heures sont notées en UTC{ $offset }
doctor-audio-off = son désactivé par KAP_AUDIO=off
doctor-audio-not-built = ce kap a été compilé sans son : la musique doit venir d'un autre appareil
doctor-audio-unavailable = { $why } : la musique ne peut pas jouer
doctor-audio-ok = le périphérique audio s'ouvre et a joué 0,2 s de silence
doctor-audio-cannot-play = le périphérique audio s'ouvre mais ne peut pas jouer : { $error }
doctor-protocols-unreadable = impossible de lire le dossier des protocoles { $folder } : { $error } (--protocols DIR)
doctor-no-protocols = aucun fichier de protocole (*.toml) dans { $folder }
doctor-push-broken = push : la configuration est erronée, rien ne peut être envoyé : { $why }
doctor-token-file-private = jeton lu dans le fichier { $file }, lisible par vous seul
doctor-token-file-open = d'autres utilisateurs peuvent lire le fichier du jeton (mode { $mode }) : chmod 600 { $file } — kap push le refuse d'ici là
doctor-token-file = jeton lu dans le fichier { $file }
doctor-token-unreadable = le fichier du jeton est illisible : { $error }
doctor-token-env = jeton lu dans ${ $name }
doctor-token-env-unset = ${ $name } n'est pas définie ici (une tâche cron ou un minuteur doit aussi la définir)
doctor-no-token = pas de jeton : les requêtes n'ont pas d'en-tête Authorization
doctor-push-insecure = allow_insecure_http : les dossiers partent sans chiffrement (pour des essais seulement)
doctor-push-failed = { $failed ->
    [one] { $failed } séance n'a pas pu être envoyée
   *[other] { $failed } séances n'ont pas pu être envoyées
} (kap push --status)
doctor-push-configured = push : configuré vers { $url } ({ $token }){ $waiting ->
    [0] {""}
    [one] ; { $waiting } séance fermée en attente d'envoi
   *[other] ; { $waiting } séances fermées en attente d'envoi
}

## --help. Les noms d'options, de variables et de fichiers restent tels quels.

cli-help-kap = Compagnon en terminal pour les séances d'administration de la psychothérapie assistée par kétamine
cli-help-kap-long = kap guide le clinicien tout au long d'une séance d'administration de psychothérapie assistée par kétamine, telle que son fichier de protocole la décrit, et tient un dossier qui survit à un plantage.

    kap est une aide à la documentation et au déroulement, pas un dispositif médical. Les seuils d'alarme et toutes les autres valeurs locales d'un fichier de protocole sont à fixer et à valider par l'établissement.
cli-help-kap-after = Variables d'environnement :
      KAP_DATA_DIR   où les dossiers sont conservés (par défaut : ~/.local/share/kap)
      KAP_LANG       la langue de kap sans --lang : en, fr-CA ou pt-BR
      KAP_PUSH_CONFIG  la configuration d'envoi de l'établissement pour `kap push` (par défaut : ~/.config/kap/push.toml, sinon /etc/kap/push.toml)
      KAP_SITE_DIR   les fichiers propres à l'établissement (par défaut : /etc/kap) : protocols/, scenarios/, playlists/, push.toml, clinicians.toml, monitor.toml
      KAP_MONITOR_CONFIG  les réglages du moniteur de chevet (par défaut : ~/.config/kap/monitor.toml, sinon /etc/kap/monitor.toml)
      KAP_SHARE_DIR  protocoles, scénarios et listes de lecture fournis (par défaut : /usr/share/kap)
      KAP_AUDIO=off  aucun son
      NO_COLOR       le thème sobre
      ACCESSIBLE     le mode lecteur d'écran (comme --screen-reader)

    Un chemin relatif de protocole, de scénario ou de liste de lecture est cherché dans le dossier de travail, puis dans le dossier de l'établissement, puis dans KAP_SHARE_DIR, puis dans /usr/share/kap.

    Avant le premier patient sur un nouveau portable, lancez `kap doctor`.
cli-help-kap--lang = Langue de kap : en, fr-CA ou pt-BR (sinon KAP_LANG, la langue du protocole, la langue du système, l'anglais)
cli-help-kap-protocol = Vérifier, afficher et utiliser des fichiers de protocole
cli-help-kap-protocol-check = Vérifier des fichiers de protocole; code de sortie 0 s'ils sont tous valides, 1 sinon
cli-help-kap-protocol-check--files = Fichiers de protocole (TOML)
cli-help-kap-protocol-show = Afficher un protocole, en texte ou en JSON normalisé
cli-help-kap-protocol-show--json = Afficher le protocole normalisé en JSON (clés comme dans docs/protocol-format.md)
cli-help-kap-protocol-dose = Calculer la dose d'une séance, avec le détail du calcul
cli-help-kap-protocol-dose--session = Numéro de la séance dans la série (à partir de 1)
cli-help-kap-protocol-dose--weight = Poids du patient en kg
cli-help-kap-protocol-dose--mg-per-kg = mg/kg dans l'intervalle de la séance (par défaut, celui du protocole)
cli-help-kap-protocol-dose--json = Afficher la dose calculée en JSON
cli-help-kap-run = Mener une séance d'administration dans l'application plein écran
cli-help-kap-run--protocol = Fichier de protocole (TOML)
cli-help-kap-run--patient = Pseudonyme du patient
cli-help-kap-run--session = Numéro de la séance dans la série (à partir de 1)
cli-help-kap-run--weight = Poids en kg
cli-help-kap-run--mg-per-kg = mg/kg dans l'intervalle de la séance, quand le protocole n'a pas de dose par défaut
cli-help-kap-run--clinician = Cliniciens présents : nom ou initiales et rôle, séparés par `;` (par défaut : ceux nommés au dernier démarrage sur ce poste)
cli-help-kap-run--theme = Thème de couleurs (par défaut : dim; plain si NO_COLOR est défini)
cli-help-kap-run--playlists = Dossier des listes de lecture M3U proposées à l'étape des intentions
cli-help-kap-run--alarm-device = Périphérique de sortie des alarmes et carillons, distinct de celui de la musique (un nom de PCM ALSA comme hw:1,0, ou le début de sa description)
cli-help-kap-run--screen-reader = Une transcription ligne par ligne pour lecteur d'écran au lieu du plein écran (aussi quand ACCESSIBLE est défini)
cli-help-kap-rehearse = Répéter une séance en temps simulé (un exercice de formation, gardé à part)
cli-help-kap-rehearse--protocol = Fichier de protocole (TOML)
cli-help-kap-rehearse--patient = Pseudonyme du patient
cli-help-kap-rehearse--session = Numéro de la séance dans la série (à partir de 1)
cli-help-kap-rehearse--weight = Poids en kg
cli-help-kap-rehearse--mg-per-kg = mg/kg dans l'intervalle de la séance, quand le protocole n'a pas de dose par défaut
cli-help-kap-rehearse--clinician = Cliniciens présents : nom ou initiales et rôle, séparés par `;` (par défaut : ceux nommés au dernier démarrage sur ce poste)
cli-help-kap-rehearse--theme = Thème de couleurs (par défaut : dim; plain si NO_COLOR est défini)
cli-help-kap-rehearse--playlists = Dossier des listes de lecture M3U proposées à l'étape des intentions
cli-help-kap-rehearse--alarm-device = Périphérique de sortie des alarmes et carillons, distinct de celui de la musique (un nom de PCM ALSA comme hw:1,0, ou le début de sa description)
cli-help-kap-rehearse--screen-reader = Une transcription ligne par ligne pour lecteur d'écran au lieu du plein écran (aussi quand ACCESSIBLE est défini)
cli-help-kap-rehearse--speed = Le temps simulé passe tant de fois plus vite (1 à 120)
cli-help-kap-rehearse--scenario = Fichier de scénario : le patient simulé (voir scenarios/)
cli-help-kap-rehearse--seed = Graine du bruit du scénario (par défaut : celle du scénario)
cli-help-kap-resume = Lister les séances inachevées, ou en reprendre une
cli-help-kap-resume--id = Identifiant de la séance (le nom de son dossier), tiré de la liste
cli-help-kap-resume--rehearsal = Les répétitions plutôt que les séances réelles
cli-help-kap-resume--status = Afficher où en est la séance au lieu de l'ouvrir
cli-help-kap-resume--screen-reader = Une transcription ligne par ligne pour lecteur d'écran au lieu du plein écran (aussi quand ACCESSIBLE est défini)
cli-help-kap-resume--alarm-device = Périphérique de sortie des alarmes et carillons (voir `run --help`)
cli-help-kap-resume--clinician = Qui écrit maintenant (un addenda des jours plus tard) : son identifiant ou son nom dans le répertoire des cliniciens du site (clinicians.toml)
cli-help-kap-export = Exporter une séance : résumé Markdown ou HTML, signes vitaux en CSV ou Bundle FHIR R4; ou, avec --course, tout le parcours d'un patient (HTML ou CSV)
cli-help-kap-export--session = Identifiant de la séance (nom du dossier, comme l'affiche `kap history`) ou chemin du dossier
cli-help-kap-export--course = Le parcours de soins d'un patient (de chaque protocole) : une page HTML avec ses graphiques (`--format html`) ou un tableau (`--format csv`)
cli-help-kap-export--rehearsal = Avec --course : les dossiers de répétition de ce patient
cli-help-kap-export--output = Écrire dans ce fichier plutôt que sur la sortie standard
cli-help-kap-export--transaction = FHIR seulement : un Bundle `transaction` qu'un serveur importe tel quel (chaque ressource créée une fois), au lieu d'une `collection`
cli-help-kap-push = Envoyer les séances fermées au serveur FHIR de la clinique (le seul accès réseau de kap, inactif tant que push.toml ne nomme pas de serveur; voir docs/exports.md)
cli-help-kap-push--session = Identifiant de la séance à envoyer (même déjà envoyée : le serveur n'ajoute rien de nouveau)
cli-help-kap-push--all = Envoyer toutes les séances fermées pas encore envoyées, et réessayer les échecs dont le délai est écoulé
cli-help-kap-push--status = Lister l'état d'envoi de chaque séance fermée; n'envoie rien
cli-help-kap-push--config = Fichier de configuration de l'établissement (par défaut : $KAP_PUSH_CONFIG, sinon push.toml dans le dossier de configuration de kap)
cli-help-kap-push--include-rehearsals = Les répétitions aussi (jamais envoyées autrement)
cli-help-kap-push--now = Avec --all : réessayer les échecs sans attendre
cli-help-kap-history = La série d'un patient : chaque séance, de la plus ancienne à la plus récente, et les objectifs
cli-help-kap-history--patient = Pseudonyme du patient
cli-help-kap-history--protocol = Seulement les séances sous cet identifiant de protocole (par défaut : toutes)
cli-help-kap-history--rehearsal = Les dossiers de répétition plutôt que les réels
cli-help-kap-playlists = Lister les listes de lecture avec leurs pistes et leur durée, et ce que kap peut jouer
cli-help-kap-playlists--dir = Dossier des listes de lecture M3U/M3U8
cli-help-kap-playlists--protocol = Signaler les listes plus courtes que la durée de musique de ce protocole
cli-help-kap-doctor = Vérifier ce poste avant une séance : dossier de données, son, terminal, horloge, protocoles, séances inachevées; code de sortie 1 à la moindre FAIL
cli-help-kap-doctor--protocols = Dossier des fichiers de protocole à vérifier
cli-help-kap-doctor--json = Afficher la liste de vérification en JSON
cli-help-kap-verify = Vérifier chaque dossier du dossier de données (ou des dossiers nommés) : chaîne de hachage, sceaux, copie du protocole, verrou, modes des fichiers. Code de sortie 0 quand tous sont entiers, 1 au moindre problème, 2 sans dossier de données
cli-help-kap-verify--paths = Dossiers de séance, dossiers de données ou dossiers de dossiers de séance (par défaut : le dossier de données)
cli-help-kap-verify--json = Afficher les problèmes en JSON
cli-help-usage = Utilisation :
cli-lang-unknown = kap parle en, fr-CA et pt-BR, pas « { $lang } »
cli-help-heading-commands = Commandes
cli-help-heading-arguments = Arguments
cli-help-heading-options = Options
cli-help-flag-help = Afficher l'aide
cli-help-flag-help-short = Afficher l'aide (plus de détails avec '--help')
cli-help-flag-help-long = Afficher l'aide (un résumé avec '-h')
cli-help-flag-version = Afficher la version
cli-help-help = Afficher ce message ou l'aide des sous-commandes données

## La ligne des signes vitaux : ce qui est refusé, et messages techniques

vitals-empty = rien de saisi — p. ex. 128/82 76 97 ou fc 80
vitals-not-understood = « { $typed } » n'est pas compris — p. ex. 128/82 76 97, ta 130/85, fc 80, spo2 95
vitals-unlabelled = « { $typed } » : des nombres sans étiquette doivent suivre une tension artérielle (128/82 76 97); sinon, écrivez fc 76 ou spo2 97
vitals-twice = { $what ->
    [bp] la tension artérielle est saisie
    [hr] la fréquence cardiaque est saisie
   *[spo2] la SpO₂ est saisie
} deux fois
vitals-half-bp = la tension artérielle exige les deux nombres, p. ex. 128/82
vitals-implausible = { $measure } { $value } { $unit } n'est pas plausible (attendu : { $min }–{ $max }) — vérifiez la saisie
vitals-diastolic = tension artérielle { $bp } : la diastolique doit être inférieure à la systolique — vérifiez l'ordre
tech-alarm-device = !!! ALARME TECHNIQUE HAUTE — { $why } : les sons d'alarme passent par la sortie de la musique
tech-recreated = Dossier de la séance recréé à { $folder } : toutes les entrées enregistrées s'y trouvent; l'enregistrement reprend

## Listes de lecture : le choix de la musique et kap playlists

playlist-line = { $name } — { $tracks ->
    [one] { $tracks } piste
   *[other] { $tracks } pistes
}, { $minutes } min
playlist-unknown-length = {" "}(+{ $count } de durée inconnue)
playlist-missing = , { $count ->
    [one] { $count } manquante
   *[other] { $count } manquantes
}
playlist-short = { $name } dure { $minutes } min, moins que les { $min }–{ $max } min du protocole
playlist-stream = { $line } : les flux et les URL ne sont pas joués (aucun accès réseau)
playlists-none = Aucune liste de lecture .m3u ou .m3u8 dans { $folder }
playlists-unreadable = { $file } : illisible ({ $error })
playlists-missing-mark = MANQUANTE
playlists-problem = ligne { $line } : { $problem }
playlists-warning = avertissement : { $warning }
playlists-playback-ok = Lecture : un périphérique audio est disponible
playlists-playback-silent = Lecture : silencieuse — { $why }

## Refus, blocages et lignes d’écran qui étaient écrits dans le code

hold-infusion-running = { $what ->
   *[infusion] la perfusion est en cours (reste { $left }) : laissez-la se terminer ou arrêtez-la avec un motif
    [bolus] l’observation après la dose est en cours (reste { $left }) : laissez-la se terminer ou terminez-la avec un motif
}
hold-infusion-paused = la perfusion est en pause : reprenez-la, ou arrêtez-la avec un motif
ref-dose-disagrees = la dose notée de { $recorded } mg n'est pas celle que donne le protocole pour { $weight } kg à { $per_kg } mg/kg ({ $dose } mg)
ref-session-closed = la séance est fermée
ref-session-closed-hold = signée, elle n'accepte plus qu'un addenda, avec son motif
ref-infusion-cannot-start = la perfusion ne peut pas encore commencer
ref-cannot-close = la séance ne peut pas encore être fermée
ref-discharge-not-done = les éléments du congé ne sont pas tous faits
ref-before-close-not-done = des rubriques obligatoires avant la fermeture ne sont pas faites
flash-music-marked-silent = Musique notée comme en cours — aucun son ici ({ $why }) : utilisez un autre lecteur
tech-folder-gone = le dossier de la séance { $folder } a été supprimé, déplacé ou remplacé; rien n'est enregistré
pair-enter-next-line = passe à la ligne suivante
help-any-key-closes = n'importe quelle touche ferme cette aide
help-page = page { $page } sur { $pages } · PgDn/Espace suivante · PgUp précédente · toute autre touche ferme
help-title = Touches
key-name-enter = Entrée
key-name-space = Espace
key-name-esc = Esc
key-name-tab = Tab
audio-silent-off = son désactivé (KAP_AUDIO=off)
fhir-alarm-text = alarme de { $priority } { $id } : { $headline }

## Le journal : ce que la vérification trouve, erreurs de dossier, et fichiers que kap refuse de lire

verify-unreadable = illisible, ignorée ({ $error })
verify-altered = échec de la vérification : sa somme de contrôle ne correspond pas à son contenu (modifiée après son écriture)
verify-chain-broken = échec de la vérification : son lien avec la ligne précédente ne correspond pas (une ligne avant elle manque, a été déplacée ou modifiée)
verify-sequence = entrée numéro { $found } là où { $expected } était attendue ({ $order ->
    [repeated] répétée ou hors d'ordre
   *[gap] des entrées manquent avant elle
})
verify-refused = ignorée : elle ne cadre pas avec la séance ({ $refusal })
verify-implausible = ne concorde pas avec le dossier : { $why }
verify-entry-at = entrée { $entry } ({ $kind } à { $at }) : { $finding }
verify-entry = entrée { $entry } : { $finding }
verify-newer = la ligne { $line } a été écrite par une version plus récente de kap (schéma de journal { $found }; cette version lit les schémas 1 à { $reads }) : ouvrez-la avec cette version
verify-torn = { $file }:{ $line } : la dernière entrée a été tronquée par un plantage ({ $bytes } octets) et n'a pas été enregistrée; elle est ignorée
verify-unchained = { $file } : { $count ->
    [one] { $count } entrée a été écrite avant que les journaux portent des sommes de contrôle (schéma 1) : lue, mais impossible à vérifier
   *[other] { $count } entrées ont été écrites avant que les journaux portent des sommes de contrôle (schéma 1) : lues, mais impossibles à vérifier
}
record-no-data-dir = aucun dossier de données trouvé pour cet utilisateur; définissez KAP_DATA_DIR
record-protocol-copy = la copie du protocole conservée avec la séance ne se charge pas :
record-no-start-entry = { $file } : le journal n'a pas d'entrée de début
record-replay-refused = { $file } : l'entrée { $entry } ne cadre pas avec la séance ({ $refusal })
record-bad-id = « { $id } » n'est pas un identifiant de séance : ce sont les noms de dossier tels que `kap resume` les liste (sans barre oblique, sans point initial, sans caractère de contrôle)
record-no-start = { $file }:{ $line } : la première entrée lisible n'est pas le début de la séance; le dossier ne peut donc pas être reconstitué
record-locked = { $folder } : cette séance est ouverte dans un autre kap ({ $holder }); fermez-la d'abord là-bas — deux programmes qui écrivent dans le même dossier le corrompraient
record-lock-failed = { $file } : impossible de verrouiller la séance : { $error }
lock-holder-process = processus { $pid }
lock-holder-since = , depuis { $since }
lock-holder-unknown = un processus qui ne s'est pas encore nommé
record-folder-open = le dossier de données { $folder } est lisible par d'autres utilisateurs (mode { $mode }); les dossiers sont confidentiels — utilisez un dossier que vous seul pouvez lire (chmod 700)
record-not-saved = NON ENREGISTRÉ — { $error }
record-not-a-folder = ce n'est pas un dossier
record-data-not-a-folder = ce n'est pas un dossier (vérifiez KAP_DATA_DIR)
input-not-regular = ce n'est pas un fichier ordinaire (un dossier, un périphérique ou un tube ne peut pas être lu comme tel)
input-too-big = le fichier dépasse les { $kib } Kio que kap lit
input-link-refused = un lien symbolique, que kap ne suit pas dans ses dossiers (un lien pourrait mener n'importe où)
record-unreadable-session = { $file } a été laissé de côté : { $error }

## kap push : réseau et réponses du serveur

push-ca-file-error = { $file } : ca_file : { $error }
push-ca-file-empty = { $file } : ca_file ne contient aucun certificat PEM (-----BEGIN CERTIFICATE-----)
push-net-refused = connexion refusée par { $url } : rien n'écoute à cette adresse (le serveur est-il en marche? base_url est-elle juste?)
push-net-timeout = aucune réponse de { $url } en { $secs } s
push-net-closed = la connexion à { $url } a été fermée avant la réponse ({ $error })
push-net-error = erreur réseau avec { $url } : { $error }
push-net-no-host = hôte introuvable : le nom dans { $url } ne se résout pas (DNS; vérifiez base_url et le réseau)
push-net-timed-out-at = aucune réponse de { $url } en { $secs } s (délai dépassé à { $at })
push-net-tls = erreur TLS avec { $url } : { $error }
push-net-tls-hint = le certificat du serveur n'est pas reconnu (ou pas pour ce nom) : l'autorité de certification propre à la clinique va dans ca_file
push-net-pem = TLS : impossible de lire un certificat : { $error }
push-net-too-big = la réponse de { $url } dépasse les { $mib } Mio que kap lit
push-net-no-connect = impossible de se connecter à { $url }
push-net-not-http = { $url } n'a pas répondu en HTTP/1.1 ({ $error })
push-locked = un autre kap push est en cours sur { $folder } (verrou { $lock }); réessayez quand il aura fini
push-cannot-lock = { $lock } : verrouillage impossible : { $error }
push-redirect = HTTP { $status } : le serveur a renvoyé kap ailleurs{ $to }; kap ne suit pas de redirection avec un dossier — mettez dans base_url l'adresse propre du serveur
push-not-json = HTTP { $status }, mais la réponse n'est pas du JSON : { $body }
push-not-transaction-response = HTTP { $status }, mais la réponse n'est pas un Bundle transaction-response (resourceType { $resource }, type { $kind })
push-entry-refused = HTTP { $status }, mais l'entrée { $entry } a reçu la réponse « { $answer } » { $why }
push-entries-unanswered = HTTP { $status } : le serveur a répondu pour { $answered } des { $sent } entrées envoyées; le dossier n’est pas considéré comme envoyé
push-empty-answer = (réponse vide)
cli-terminal-unusable = impossible d'utiliser ce terminal : { $error }
cli-terminal-error = erreur du terminal : { $error }
cli-cannot-write-output = impossible d'écrire la sortie : { $error }
cli-cannot-write-json = impossible d'écrire le JSON : { $error }
cli-warning = avertissement : { $warning }
cli-lang-passed-over = avis : kap n'a pas de mots en « { $lang } »; il parle en, fr-CA et pt-BR
cli-help-kap-instruct = Joindre une console d'instructeur à une répétition en cours sur cet appareil : suivre le stagiaire et modifier le patient simulé
cli-help-kap-instruct--session = Identifiant de la répétition (nom de son dossier) ou dossier; par défaut, la seule répétition en cours
cli-help-kap-replay = Relire le journal d'une séance sur ses propres écrans, en lecture seule, à toute vitesse; une répétition peut être reprise dans une nouvelle
cli-help-kap-replay--session = Identifiant de la séance (nom du dossier, tel que l'affiche `kap history`) ou chemin du dossier
cli-help-kap-replay--speed = Le temps rejoué s'écoule autant de fois plus vite (1 à 480)
cli-help-kap-replay--branch-at = Répétition seulement : démarrer une nouvelle répétition à partir du dossier tel qu'il était ce nombre de minutes après le début de l'administration (comme le compte le rapport de formation; négatif : avant), et l'ouvrir
cli-help-kap-replay--no-open = Avec --branch-at : créer la reprise et afficher son dossier, sans l'ouvrir
cli-help-kap-replay--screen-reader = Une transcription ligne par ligne pour lecteur d'écran au lieu du plein écran (aussi quand ACCESSIBLE est défini)
audio-silent-replay = relecture : rien ne joue, rien n'est enregistré
sc-one-start = un seul état doit avoir from_minute (l'état de départ); trouvé : { $found }
sc-state-twice = l'état « { $id } » est défini deux fois
sc-between = { $key } doit être entre { $min } et { $max }
sc-between-found = { $key } doit être entre { $min } et { $max }; trouvé : { $value }
sc-unknown-action = action inconnue « { $action } »; attendu : infusion-paused, infusion-stopped, note-tag:ÉTIQUETTE, alarm-acknowledged, vitals-entered ou timeout
sc-timeout-after = un timeout exige after_minutes
sc-within-after = within_minutes doit venir après after_minutes
sc-no-event = aucun événement n'a l'id « { $id } »
sc-no-state = aucun état n'a l'id « { $id } »
sc-state-self = un état ne peut pas passer à lui-même
sc-otherwise-window = otherwise exige une fenêtre : un next avec within_minutes
sc-state-circle = ces états peuvent tourner en rond sans que le temps passe
sc-event-id = l'id doit être unique et non vide
sc-injections-max = au plus 9 injections nommées (les touches 1 à 9 de l'instructeur)
sc-injection-twice = l'id « { $id } » est utilisé deux fois
sc-injection-needs-do = une injection nommée exige au moins un [[injection.do]]
sc-text-long = le texte doit compter au plus { $max } caractères
replay-empty = { $folder } : le journal est vide; il n'y a rien à relire
instruct-path-too-long = le chemin du socket { $path } dépasse les { $max } octets permis par Linux : donnez à KAP_DATA_DIR un dossier plus court
instruct-socket-taken = un autre kap sert déjà le socket de l'instructeur de cette répétition
simlog-skipped = { $file } : { $count ->
    [one] une ligne illisible est ignorée
   *[other] { $count } lignes illisibles sont ignorées
} (ligne { $lines })
audio-simulated-failure = l'appareil audio est en panne (simulée)
branch-refused-after-end = La répétition se termine à la min { $minute } : reprenez à un moment jusque-là
sc-text-control = le texte doit tenir sur une ligne, sans caractères de contrôle
branch-cannot-open = la reprise { $folder } a été créée mais ne peut pas s'ouvrir : { $error }
replay-journal-read-only = { $file } est ouvert pour une relecture, en lecture seule : rien n'y est écrit
replay-no-recreate = une relecture n'écrit rien : le dossier n'est pas recréé
push-changed-since-sent = { $count ->
    [one] MODIFIÉ DEPUIS L'ENVOI : une entrée (addenda ou cosignature) n'est pas encore sur le serveur; le prochain kap push --all l'enverra
   *[other] MODIFIÉ DEPUIS L'ENVOI : { $count } entrées (addendas ou cosignatures) ne sont pas encore sur le serveur; le prochain kap push --all les enverra
}
push-still-open = { $id } est encore ouverte : seule une séance fermée est envoyée (fermez-la, ou terminez-la plus tôt, dans kap resume { $id })
push-unverified = { $id } : la vérification du journal a relevé des problèmes, donc il n'est pas envoyé (une transaction ne peut pas le signaler); voyez kap export { $id } --format md et envoyez-en le contenu à la main si l'établissement y consent
push-cannot-write-json = { $id } : impossible d'écrire le JSON : { $error }
push-status-not-saved = { $outcome } — et l'état de l'envoi n'a pas pu être enregistré : { $error }
push-status-file-unreadable = le fichier d'état est illisible : { $error }
integrity-h = Intégrité du dossier
integrity-intro = La vérification du journal a relevé des problèmes. Les entrées ignorées ne figurent pas dans ce résumé; celles dont la vérification a échoué y figurent, mais elles ont pu être modifiées après leur écriture.
integrity-line = ligne { $line } du journal : { $what }
data-dir-unusable = le dossier de données est inutilisable : { $error } (donnez à KAP_DATA_DIR un dossier accessible en écriture)
data-dir-not-writable = le dossier de données { $folder } n'est pas accessible en écriture : { $error }
start-cannot-create = impossible de créer le dossier de la séance : { $error }
flash-cannot-resume = impossible de reprendre : { $error }
reader-alarm-replay = { $priority } { $id } : { $what }. Conduite à tenir : { $advice }.
reader-measure-due-replay = À faire maintenant : { $measure }.
reader-dose-replay = Dose { $mg } mg, pas encore commencée.

# Why a vitals gate holds (state.rs gate_status).
gate-no-limit-set = { $reason } (le protocole n’a pas d’ensemble de limites « { $set } »)
gate-none-recorded = aucune mesure de { $measure } notée
gate-too-old = la dernière mesure de { $measure } ({ $value }) date de { $at }, il y a plus de { $minutes } min
gate-score-none = { $reason } — « { $prompt } » n’est pas encore noté
gate-score-too-old = { $reason } — « { $prompt } » a été noté pour la dernière fois à { $at }, il y a plus de { $minutes } min
gate-score-below = { $reason } — « { $prompt } » a un score de { $score }, sous { $min }
gate-above = { $measure } { $value } dépasse la limite du protocole ({ $limit })
gate-below = { $measure } { $value } est sous la limite du protocole ({ $limit })
gate-outside = { $measure } { $value } est hors des limites du protocole

## a record's verdict (record/verdict.rs), kap verify (cli/verify_cmd.rs)

verdict-word-open = OUVERTE
verdict-word-closed = fermée
verdict-word-ended-early = terminée plus tôt
verdict-word-damaged = ENDOMMAGÉE
verdict-missing = des entrées manquent après l'entrée { $after } (elle a été scellée avec { $sealed } entrées)
verdict-seal-mismatch = la ligne de l'entrée { $entry } n'est pas celle qui a été scellée
verdict-lines = { $count ->
    [one] 1 ligne échoue
   *[other] { $count } lignes échouent
} à la vérification, la première à la ligne { $line }
verdict-seal-unreadable = son sceau (seal.json) est illisible : { $error }
seal-bad-version = format de sceau { $found } (ce kap lit le format 1)
seal-bad-hash = last_sha256 n'est pas un SHA-256
seal-no-entries = il ne scelle aucune entrée
verdict-record = dossier { $id } : { $verdict }
verdict-not-resumed = { $id } est endommagée et n'est donc pas poursuivie : { $verdict }. `kap verify` nomme ce qui ne va pas; docs/backup.md explique comment la restaurer depuis une copie
verdict-seal-not-saved = le sceau (seal.json) n'a pas été enregistré : { $error }
cli-damaged-records = Endommagées, non proposées à la reprise (kap verify nomme ce qui ne va pas) :
cli-damaged-line = { $id }  patient { $patient }  séance { $session }  { $verdict }
cli-damaged-line-no-start = { $id }  patient et séance illisibles  { $verdict }
cli-history-no-start = Dossiers endommagés dont la première entrée est illisible (kap ne peut pas dire à qui ils appartiennent; kap verify nomme ce qui ne va pas) :
cli-history-no-start-line = { $status }  { $id }
push-damaged = { $id } est endommagée et n'est pas envoyée comme si elle était entière : { $verdict } (kap verify nomme ce qui ne va pas)
doctor-no-damaged = aucun dossier endommagé
doctor-damaged = { $count ->
    [one] 1 dossier endommagé
   *[other] { $count } dossiers endommagés
} : { $list } — kap verify nomme ce qui ne va pas
verify-cmd-line = { $path } : { $what }
verify-cmd-line-at = { $path }:{ $line } : { $what }
verify-cmd-clean = { $records ->
    [one] 1 dossier vérifié
   *[other] { $records } dossiers vérifiés
} : tous entiers
verify-cmd-summary = { $records ->
    [one] 1 dossier vérifié
   *[other] { $records } dossiers vérifiés
} : { $problems ->
    [one] 1 problème
   *[other] { $problems } problèmes
} dans { $bad ->
    [one] 1 dossier
   *[other] { $bad } dossiers
}
verify-cmd-no-path = introuvable
verify-cmd-foreign = kap n'écrit rien de tel ici
verify-cmd-not-a-record = pas un dossier kap (aucun journal.jsonl)
verify-cmd-not-a-file = pas un fichier ordinaire
verify-cmd-mode = mode { $mode } : d'autres utilisateurs peuvent le lire ou le modifier (kap crée les fichiers en 0600 et les dossiers en 0700)
verify-cmd-protocol-copy = la copie du protocole est inutilisable : { $error }
verify-cmd-journal = le journal est illisible : { $error }
verify-cmd-no-start = aucune entrée de début lisible : le dossier ne peut pas être reconstruit

## The keys of dialogs and help (the key table)

key-dialog-save = enregistrer (ou champ suivant)
key-dialog-other-field = l'autre champ (une correction, un addenda)
key-dialog-cancel = annuler (deux fois si du texte est saisi)
key-confirm-yes-no = répondre oui ou non
key-confirm-cancel = annuler : rien ne change
key-discard-save = enregistrer les modifications
key-discard-discard = abandonner les modifications
key-discard-back = revenir à l'éditeur
key-timeline-move = parcourir
key-timeline-ends = première ou dernière entrée
key-timeline-filter = un seul type d'entrée
key-timeline-correct = corriger (l'original reste)
key-timeline-close = fermer
key-music-move = parcourir les choix
key-music-choose = choisir
key-music-preview = écouter d'abord
key-music-close = fermer sans choisir
key-help-next-page = page suivante
key-help-previous-page = page précédente
key-help-close = fermer l'aide (toute autre touche aussi)
keys-group-dialog = Dans une boîte de dialogue
keys-group-confirm = Une question oui ou non
keys-group-discard = Quitter l'éditeur avec des modifications
keys-group-timeline = La chronologie
keys-group-music = Musique ou soutien
keys-group-help = Aide
key-name-yes = o
key-name-no = n

## Acknowledged alarms whose condition persists

alarm-standing = ACQUITTÉE, la condition persiste
alarm-standing-more = { $count } autres acquittées
reader-alert-standing = Alarme { $alert } acquittée, la condition persiste : { $what }.

## Agreements kept in view (protocol checks)

pv-agreement-twice = une deuxième question consigne l'entente « { $agreement } » (la première : { $first })
pv-agreement-after-dose = l'entente « { $agreement } » se conclut avant la dose : placer la question dans une phase avant la phase d'administration
pv-agreement-kind = une entente est une réponse, pas un élément de type { $kind }
pv-rules-out-where = rules_out s'applique à la question à choix d'une entente (kind = "choice" avec agreement)
pv-rules-out-choice = le choix { $choice } n'existe pas : cette question a { $count } choix, comptés à partir de 1
pv-choice-codes-where = choice_codes va seulement sur une question à choix (choice ou multi-choice)
pv-choice-code-twice = le choix { $choice } a déjà un code
pv-rules-out-tag = « { $tag } » n'est pas une étiquette de note; les étiquettes : { $known }

## Agreements kept in view

agreement-touch = toucher
agreement-distress = en cas de détresse
agreement-guiding = accompagnement
agreement-eyeshades = masque pour les yeux
agreements-line = Convenu : { $list }
ref-beyond-agreement = ceci dépasse l'entente ({ $agreement } : { $answer }) : indiquer le motif
ref-beyond-agreement-reason = une note qui dépasse une entente exige son motif
ref-within-agreement = cette note respecte les ententes : l'enregistrer sans motif
tl-outside-agreement = au-delà de l'entente : { $why }
reason-outside-agreement = Au-delà de l'entente — motif

## Rescue medication and ketamine accounting

pv-drug-slug = l'identifiant de médicament « { $id } » doit n'utiliser que des minuscules, des chiffres, « - » et « _ »
pv-drug-twice = l'identifiant de médicament « { $id } » est utilisé deux fois
pv-formulary-site-set = aucun article ne donne cette valeur : elle revient au site; inscrire « { $path } » dans [site] values et marquer sa ligne SITE MUST REVIEW
pv-drugs-where = drugs appartient à la question de l'entente sur la médication (agreement = "medication")
pv-medication-kind = l'entente sur la médication est un choix multiple : chaque choix nomme un médicament du formulaire
pv-medication-doses-kind = l'entente medication-doses est un nombre : le maximum de doses de chaque médicament convenu
pv-drugs-count = drugs nomme { $drugs } médicaments pour { $choices } choix : un médicament par choix, dans l'ordre
pv-drug-unknown = « { $id } » n'est pas un médicament du formulaire (connus : { $known })
agreement-medication = médication de secours
agreement-medication-doses = doses de secours au plus
med-route-iv = IV
med-route-im = IM
med-route-sc = SC
med-route-po = par la bouche
med-route-sl = sublinguale
med-route-in = intranasale
med-route-pr = rectale
med-beyond-none-agreed = aucune médication de secours n'a été convenue
med-beyond-not-agreed = ce n'est pas la médication convenue ({ $agreed })
med-beyond-above-max = au-dessus de la dose unique maximale du formulaire ({ $max })
med-beyond-more-than-agreed = plus de doses que convenu (au plus { $most })
med-beyond-more-than-formulary = plus de doses que le formulaire n'en permet par séance ({ $most })
ref-med-unknown-drug = « { $drug } » n'est pas dans le formulaire du protocole (connus : { $known })
ref-med-dose = une dose doit être un nombre positif
ref-med-route = { $drug } ne se donne pas par cette voie ici (voies du formulaire : { $routes })
ref-med-given-by = indiquer qui l'a administré
ref-med-indication = indiquer pourquoi il a été administré
ref-med-beyond = cette dose dépasse ce qui a été convenu ou permis : indiquer le motif
ref-med-within = cette dose respecte l'entente et le formulaire : l'enregistrer sans motif
ref-med-effect-empty = un effet doit être décrit
ref-med-no-dose = l'entrée { $entry } n'est pas une dose de secours de cette séance
ref-med-effect-before = l'effet ne peut pas être réévalué avant l'administration de la dose
ref-ketamine-mg = une quantité de kétamine est supérieure à 0 et d'au plus { $max } mg
ref-waste-no-witness = une perte exige un témoin : le nom d'une deuxième personne qui l'a constatée
ref-waste-own-witness = le témoin doit être une deuxième personne, pas celle qui consigne la perte
ref-waste-no-recorder = une perte est consignée par un clinicien nommé, avec une deuxième personne comme témoin
ref-ketamine-accounting = la kétamine prélevée n'est pas entièrement justifiée
hold-ketamine-unaccounted = kétamine : { $drawn } mg prélevés, { $given } mg administrés, { $wasted } mg jetés — { $left } mg à justifier (consigner la perte avec son témoin)
tl-med-given = { $drug } { $dose } { $route } pour { $indication }, administré par { $by }
tl-med-effect = Effet de la dose de l'entrée { $entry } : { $effect }
tl-ketamine-drawn = Kétamine prélevée : { $mg } mg
tl-ketamine-wasted = Kétamine jetée : { $mg } mg, devant témoin : { $witness }
event-kind-medication-given = médication de secours
event-kind-medication-effect = effet d'une médication
event-kind-ketamine-drawn = kétamine prélevée
event-kind-ketamine-wasted = perte de kétamine
key-medication = médication, kétamine prélevée ou jetée
reader-word-meds = médic meds
med-title = Médication administrée, son effet, ou kétamine
med-how = Taper : médicament, dose, voie, indication (1 4 iv nausées; par 2 : administré par; -5m : il y a 5 min) · 0 36 : kétamine prélevée · 0 -33.2 2 : jetée, témoin 2 · effet 1 soulagé
med-formulary-item = { $n } { $drug } { $dose } (au plus { $max }) { $routes } · { $indications } · réévaluer à { $minutes } min
med-no-formulary = Le protocole ne prévoit aucune médication de secours : kétamine seulement.
med-agreed = Médication de secours convenue : { $drugs }
med-agreed-most = Médication de secours convenue : { $drugs }, au plus { $most } { $most ->
    [one] dose
   *[other] doses
} chacun
med-agreed-none = Aucune médication de secours convenue
med-ketamine-line = 0 Kétamine : { $drawn } mg prélevés, { $given } mg administrés, { $wasted } mg jetés
med-waiting = Effet à consigner : { $list }
med-recheck-at = { $what }, réévaluer à { $at }
med-recheck-due = { $what } administré à { $at }, réévaluation due
med-recheck-now = Réévaluer l'effet de { $drug } { $dose } administré à { $at } (M)
med-given-by = Administré par : { $names }
med-line-how = ligne de médication non reconnue : numéro du médicament, dose, voie, indication (1 4 iv nausées), ou 0 et les mg de kétamine, ou effet et un numéro
med-line-no-drug = aucun médicament { $n } : le formulaire en compte { $count }
med-line-unit = { $drug } se donne en { $unit }
med-line-route = quelle voie? { $routes }
med-line-indication = administré pour quoi? Taper les mots ou un numéro : { $list }
med-line-who = qui l'a administré? par et son numéro : { $names }
med-line-ketamine = kétamine : 0, puis les mg prélevés (0 36), ou moins les mg jetés et le témoin (0 -33.2 2)
med-line-effect = effet, puis le numéro de la dose en attente de réévaluation ({ $count } en attente), puis ce qui est observé
flash-med-saved = Enregistré à { $at } : { $what }
reader-recheck-due = L'effet d'une dose de secours est à réévaluer : tapez { $word }, puis effet et son numéro.
ref-med-given-by-not-present = { $who } n'a pas été nommé parmi les cliniciens présents ({ $present })
fhir-med-effect = effet à la réévaluation : { $effect }
sum-ketamine-drawn = { $at } kétamine prélevée : { $mg } mg
sum-ketamine-wasted = { $at } kétamine jetée : { $mg } mg, devant témoin : { $witness }
sum-ketamine-balanced = Kétamine justifiée : { $drawn } mg prélevés = { $given } mg administrés + { $wasted } mg jetés
sum-ketamine-mismatch = Kétamine NON justifiée : { $drawn } mg prélevés, { $given } mg administrés, { $wasted } mg jetés — écart de { $difference } mg
sum-h-rescue = Médication de secours
sum-rescue = { $at } { $drug } { $dose } { $route } pour { $indication }, administré par { $by }
sum-rescue-effect = effet à { $at } : { $effect }
sum-rescue-no-effect = effet non consigné
proto-formulary = Formulaire (médication de secours et au besoin) :
proto-drug = { $drug } : { $dose } habituellement, { $max } au plus, { $doses } doses par séance; { $routes }; pour { $indications }; effet réévalué à { $minutes } min

## FHIR : le texte lisible que kap écrit dans un paquet (les codes restent
## tels que leurs systèmes de codes les donnent)
fhir-dose-text = { $given } administrés; prévu { $planned } mg ({ $weight } kg × { $mgkg } mg/kg), séance { $session } sur { $sessions } du traitement
fhir-pump-rate = débit de la pompe { $rate } mL/h à { $conc } mg/mL
fhir-step-over = en { $minutes } min
fhir-step-rate = à { $rate } mL/h
fhir-steps = paliers : { $steps }
fhir-paused = en pause : { $reason }
fhir-stopped-early = arrêtée avant la fin : { $reason }
fhir-protocol-action = Conduite prévue au protocole : { $action }
fhir-first-seen = vue d'abord à { $at }, confirmée par une mesure répétée
fhir-sound-paused = { $at } son des alarmes suspendu pendant { $minutes } min — { $reason }
fhir-raised-in-error = déclenchée par une mesure inscrite par erreur : { $why }
fhir-withdrawn = retirée à { $at } : l'entrée { $entry }, prise plus tôt, ne montre pas d'alarme
fhir-ack-action = acquittée — { $action }
fhir-ack-none = acquittée, aucune intervention inscrite
fhir-replaces = remplace l'entrée { $entry } ({ $was }) : { $reason }
fhir-why = motif : { $reason }
fhir-patient = identifiant pseudonyme { $patient }

## Cosignature
ref-co-sign-after-closing = une cosignature suit la signature : fermez d'abord la séance
ref-co-signer-not-present = { $who } ne figure pas parmi les cliniciens présents ({ $present }); seul un clinicien présent peut cosigner
ref-co-sign-for-another = une cosignature est faite par { $who } en personne, pas inscrite en son nom par quelqu'un d'autre
ref-co-signer-is-signer = { $who } a signé ce dossier; une cosignature vient d'un autre clinicien présent
ref-already-co-signed = { $who } a déjà cosigné ce dossier à { $at }
event-kind-co-signed = cosignature
tl-co-signed = Cosignée par { $who }
sum-signed-by = Signée par { $by }
sum-co-signed = Cosignée par { $by } à { $at }
fhir-signature = signature du dossier fermé
fhir-co-signature = cosignature du dossier fermé
cli-co-signed = Cosignée par { $who } à { $at } : { $id }
cli-co-sign-refused = Pas de cosignature : { $why }
cli-help-kap-cosign = Un deuxième clinicien présent cosigne un dossier fermé (une entrée à part après la signature, qui reste telle quelle)
cli-help-kap-cosign--session = Identifiant de la séance (nom du dossier, comme l'affiche `kap history`) ou chemin du dossier
cli-help-kap-cosign--by = Qui cosigne : son nom tel qu'inscrit parmi les cliniciens présents
cli-history-signed = signée par { $by }
cli-history-co-signed = cosignée par { $by }
signoff-choose = Tab : changer de signataire ({ $names })
spoken-signoff-choose = Pour qu'un autre clinicien présent signe, tapez son numéro : { $names }.
flash-signer = { $who } signe
cosign-title = Cosigner le dossier
cosign-who = Cosigné par { $who } : une deuxième personne présente confirme ce dossier.
cosign-choose = Tab : une autre personne ({ $names })
cosign-keys = o cosigner · n ou Échap pas maintenant
spoken-cosign = Cosigner le dossier au nom de { $who }? Peuvent cosigner : { $names }. Tapez oui, un numéro, ou non.
flash-co-signed = Cosigné par { $who } à { $at }
flash-no-co-signer = Personne d’autre de présent ne peut cosigner : les cliniciens nommés au début ont tous signé
key-co-sign = cosigner (une deuxième personne présente)
closed-co-signed = cosigné par { $who } à { $at }
fhir-ketamine = kétamine
fhir-text-bp = Tension artérielle
fhir-text-hr = Fréquence cardiaque
fhir-text-spo2 = SpO2

# The course report (kap export --course PATIENT --format html).
html-course-title = Parcours de soins : { $patient }
html-course-made = Produit le { $date } par kap { $version } à partir des { $n } dossiers de séance de cet ordinateur.
html-course-protocol = { $protocol } : { $held } séances tenues sur { $sessions }
html-course-col-date = Date
html-course-col-session = Séance
html-course-col-state = État
html-course-col-dose = Kétamine donnée (mg)
html-course-col-dissociation = Dissociation
html-course-col-alarms = Alarmes
html-course-col-clinicians = Cliniciens
html-course-ended-early = terminée plus tôt : { $reason }
html-course-h-measures = Mesures des résultats
html-course-h-sessions = Dose, dissociation et alarmes par séance
html-course-chart-measure = { $name } : total par séance
html-course-chart-measure-desc = Totaux de 0 à { $max }, un point par passation; la ligne grise pleine est la valeur de départ, la ligne tiretée le seuil de réponse, la ligne pointillée le seuil de rémission.
html-course-ref-baseline = départ { $total }
html-course-ref-response = réponse : { $percent } % sous le départ
html-course-ref-remission = rémission : sous { $below }
html-course-chart-dose = Kétamine donnée (mg)
html-course-chart-dose-desc = La kétamine donnée à chaque séance, en mg; un tiret là où aucune dose n’a commencé.
html-course-chart-dissociation = Dissociation (0–{ $max })
html-course-chart-alarms = Alarmes déclenchées
html-course-chart-alarms-desc = Les alarmes déclenchées à chaque séance qui restent au dossier (celle d’une mesure inscrite par erreur n’est pas comptée).
cli-export-course-format = un parcours s’exporte en html ou en csv (--format html, --format csv)

# --- visits (issue #30) ---
pv-topics-outside-visit = topics est pour une étape de visite ([[visit.phase]]), pas de séance de dosage
pv-visit-twice = le protocole a déjà une visite de type « { $kind } »
pv-visit-prompt-twice = l'identifiant de question « { $id } » est utilisé deux fois dans cette visite
pv-visit-no-phase = une visite exige au moins une [[visit.phase]]
pv-visit-dosing = une visite ne donne aucune dose : ses étapes ne peuvent pas avoir le rôle dosing
pv-visit-gate = les étapes d'une visite n'ont pas de barrière (gate)
pv-visit-no-topics = le parcours n'a pas ces thèmes : ajoutez-les à [course.preparation] ou [course.integration]
pv-visit-sessions = les questions d'une visite sont posées à chaque visite de ce type : ni sessions ni maintenance ici
visit-kind-assessment = évaluation
visit-kind-preparation = préparation
visit-kind-integration = intégration
visit-kind-follow-up = suivi
visit-kind-maintenance-review = revue d'entretien
visit-contact-in-person = en personne
visit-contact-phone = par téléphone
visit-contact-video = par vidéo
ref-no-such-visit = le protocole « { $protocol } » ne prévoit aucune visite : { $kind }
start-visit-contact = le protocole ne prévoit pas de visite ({ $kind }) { $contact }
start-need-visit-clinician = Nommez le clinicien qui tient la visite.
course-what-preparation = visites de préparation : { $held } tenues (le protocole : { $min } à { $max })
course-what-integration-held = intégration après la séance { $session } : visite le { $at }
cli-bad-visit = « { $kind } » n'est pas un type de visite ({ $kinds })
cli-bad-contact = « { $contact } » n'est pas une façon de tenir une visite (in-person, phone, video)
cli-help-kap-run--visit = Une visite au lieu d'une séance de dosage : assessment, preparation, integration, follow-up ou maintenance-review (celles que le protocole prévoit); le clinicien nommé la tient
cli-help-kap-run--contact = Comment la visite se tient : in-person (par défaut), phone ou video
cli-help-kap-rehearse--visit = Une visite au lieu d'une séance de dosage : assessment, preparation, integration, follow-up ou maintenance-review (celles que le protocole prévoit); le clinicien nommé la tient
cli-help-kap-rehearse--contact = Comment la visite se tient : in-person (par défaut), phone ou video
start-title-visit = Nouvelle visite : { $kind } — { $protocol }
start-title-visit-rehearsal = Nouvelle répétition de visite : { $kind } — { $protocol }
start-field-visit-clinician = Clinicien qui tient la visite
start-enter-starts-visit = Entrée démarre la visite.
visit-minutes = { $min } à { $max } min
visit-done-in = fait à la visite de préparation { $number }
visit-held-by = { $kind }, tenue par { $by }
cli-course-visit = { $date }  visite : { $visit }  { $id }
cli-history-visit = { $date }  visite : { $visit }  { $status }  { $id }
sum-title-visit = Visite : { $kind } — patient { $patient }
sum-visit = Visite : { $visit }
visit-checklist-count = { $visits ->
    [0] Aucune visite de préparation encore : { $total } thèmes à aborder.
    [one] Après 1 visite de préparation : { $done } thèmes faits sur { $total }.
   *[other] Après { $visits } visites de préparation : { $done } thèmes faits sur { $total }.
}
reader-new-visit = Nouvelle visite : { $kind }, { $contact }, selon { $protocol }. Patient { $patient }; clinicien qui tient la visite { $clinician }. Tapez { $start } pour commencer.
proto-visits = Visites (sans dose) :
key-dosing-session-or-visit = type suivant : une séance de dosage, ou une visite que le protocole prévoit
reader-word-visit = visite
reader-help-start-visit = { $visit } : le type de rencontre suivant (une séance de dosage, puis chaque visite que le protocole prévoit, de chaque façon de la tenir).

## Identité du site (patient_system et mrn_system de push.toml, clinicians.toml) et la série relue sur le serveur de la clinique
push-system-not-uri = « { $system } » n'est pas un système d'identifiants : écrivez une URI (https://… ou urn:…) sans espace ni |
push-read-timeout-range = { $value } est hors de 1 à 60
directory-bad-text = donnez une ligne de texte, sans ; dedans
directory-no-system = ce clinicien n'a pas de système d'identifiants : indiquez system en tête du fichier ou dans le clinicien
directory-twice = { $who } figure deux fois dans le répertoire
directory-not-utf8 = ce n'est pas du texte UTF-8
start-clinician-unknown = « { $who } » n'est pas dans le répertoire des cliniciens du site ({ $file }) : tapez un identifiant ou un nom qui y figure ({ $ids })
start-field-clinic-number = Patient (numéro de la clinique)
start-directory-hint = Cliniciens du répertoire du site : { $ids }
push-mrn-lookup-failed = { $id } : le patient de la clinique n'a pas pu être cherché : { $error } — pas envoyée, gardée pour un prochain envoi
push-mrn-unknown = { $id } : aucun patient de { $url } n'a le numéro de clinique { $number } ({ $system }) — pas envoyée, et kap ne crée pas de patient pour lui; gardée jusqu'à ce que le dossier de la clinique l'ait
push-mrn-ambiguous = { $id } : { $count } patients de { $url } ont le numéro de clinique { $number } ({ $system }) — pas envoyée tant que le dossier de la clinique n'en a pas un seul; gardée pour un prochain envoi
push-read-status = { $url } a répondu à la recherche par HTTP { $status }
push-read-not-fhir = { $url } n'a pas répondu à la recherche par un Bundle FHIR
course-offline = Hors ligne : seules les séances de cet ordinateur sont montrées ({ $error })
course-from-server = { $count ->
    [one] Faite sur un autre ordinateur (serveur de la clinique) : séance
   *[other] Faites sur d'autres ordinateurs (serveur de la clinique) : séances
} { $sessions }
course-server-nothing = Le serveur de la clinique n'a aucune autre séance de cette série.
course-server-reading = Lecture du serveur de la clinique : séances tenues sur d'autres ordinateurs…
course-server-read-failed = la lecture du serveur de la clinique s'est terminée sans réponse
cli-course-elsewhere = { $date }  { $session }  { $state } — sur un autre ordinateur (serveur de la clinique)

## The bedside monitor's feed (kap run --monitor; docs/monitor.md)
cli-help-kap-run--monitor = Écouter les résultats HL7 du moniteur de chevet (ORU^R01 sur MLLP) à cette adresse : PORT ou HÔTE:PORT, en boucle locale sauf si l'établissement nomme une adresse du réseau local (voir docs/monitor.md)
cli-help-kap-rehearse--monitor = Écouter les résultats HL7 du moniteur de chevet (ORU^R01 sur MLLP) à cette adresse : PORT ou HÔTE:PORT, en boucle locale sauf si l'établissement nomme une adresse du réseau local (voir docs/monitor.md)
feed-bad-address = --monitor { $addr } : ce n'est pas une adresse (donnez PORT, HÔTE:PORT ou HÔTE)
feed-not-local = --monitor { $addr } : kap n'écoute que sur cet ordinateur (127.0.0.1), sauf si l'établissement nomme cette adresse du réseau local comme listen dans monitor.toml
feed-cannot-listen = impossible d'écouter le moniteur sur { $addr } : { $error }
feed-listening = À l'écoute du moniteur sur { $addr }
feed-received = Du moniteur, non confirmé : { $reading }
feed-wrong-patient = Message du moniteur refusé : son patient { $sent } n'est pas celui de la séance
feed-none-pending = Aucune mesure du moniteur en attente
feed-confirmed = Mesures du moniteur confirmées : { $count }
feed-rejected = Mesure du moniteur rejetée comme artefact
feed-device-alarm = { $mark } MONITEUR { $measure } { $value } ({ $rule })
feed-pending = ⧗ Moniteur : { $count } non confirmée(s)
feed-source = de { $device }
feed-source-offset = de { $device }, horloge { $offset }
feed-mean = moy. { $mean }
feed-rr = FR { $rr }
tech-monitor-silent = le moniteur n'a rien envoyé depuis { $gap } : vérifiez son câble, la passerelle et le patient
ref-monitor-no-control = une mesure du moniteur doit porter l'identifiant de son message
ref-monitor-duplicate = le message du moniteur { $control } est déjà consigné
ref-monitor-no-reading = l'entrée { $entry } n'est pas une mesure du moniteur
ref-monitor-settled = la mesure du moniteur { $entry } a déjà été traitée par l'entrée { $by }
reason-for-monitor-reject = rejeter une mesure du moniteur
reason-monitor-reject = Pourquoi cette mesure du moniteur est-elle un artefact?
tl-monitor-reading = Moniteur { $device } (non confirmé, heure de l'appareil { $time }) : { $reading }
tl-monitor-confirmed = Mesure du moniteur { $entry } confirmée : { $reading }
tl-monitor-rejected = Mesure du moniteur { $entry } rejetée comme artefact ({ $reading }) : { $reason }
key-monitor-confirm = confirmer la plus ancienne mesure du moniteur
key-monitor-confirm-all = confirmer toutes les mesures du moniteur
key-monitor-reject = rejeter une mesure du moniteur (demande pourquoi)
keys-group-monitor = Mesures du moniteur
event-kind-monitor-reading = mesure du moniteur
event-kind-monitor-confirmed = mesure du moniteur confirmée
event-kind-monitor-rejected = mesure du moniteur rejetée
fhir-monitor-note = Acquise par le moniteur de chevet ({ $source }) et confirmée par le clinicien auteur de l'entrée
reader-word-confirm = confirmer
reader-word-confirmall = toutconfirmer
reader-word-reject = rejeter
feed-site-invalid = les réglages du moniteur { $file } sont inutilisables : { $error }
feed-site-unreadable = impossible de lire les réglages du moniteur { $file } : { $error }
feed-site-bad-bed = bed doit être une étiquette de 1 à 64 caractères, sans caractère de contrôle

# rescue: a rescue dose or ketamine corrected, ketamine entered late
correct-med-how = Tapez la dose comme dans M : médicament, dose, voie, indication ({ $drugs }); par 2 : administré par; @10:42 ou @-5m : l'heure
correct-ketamine-how = Tapez comme dans M : 0 36 (prélevée) ou 0 -33.2 2 (jetée, témoin 2); @10:42 ou @-5m : l'heure
sum-rescue-corrected = corrigé à { $at } par { $by }, remplace l'entrée { $entry } : { $reason }
# sealrow
fhir-seal = le dossier tel que scellé : entrées 1 à { $last } du journal
doctor-clinicians-none = cliniciens : aucun répertoire ({ $file }) : les cliniciens sont saisis par leur nom, chaque séance a ses propres Practitioner
doctor-clinicians-ok = cliniciens : { $file } compte { $count ->
    [one] { $count } clinicien
   *[other] { $count } cliniciens
}, chacun avec un identifiant, un nom et un système d'identifiants, aucun en double
doctor-clinicians-broken = cliniciens : { $file } est inutilisable (le formulaire de départ ne peut pas y choisir et push n'envoie rien) — { $count ->
    [one] { $count } problème
   *[other] { $count } problèmes
} : { $problems }
doctor-patients-off = patients : pseudonymes propres à kap (push est désactivé : rien ne quitte cet ordinateur)
doctor-patients-kap = patients : système de pseudonymes propre à kap, commun à tous les sites : deux patients de deux sites ayant le même pseudonyme n'en font qu'un sur le serveur; définissez patient_system ou mrn_system dans { $file }
doctor-patients-site = patients : pseudonymes de ce site, dans { $system }
doctor-patients-mrn = patients : numéros de dossier de la clinique, dans { $system } (push trouve le Patient de la clinique par ce numéro)
push-read-too-slow = { $url } n'a pas donné tout le parcours en { $seconds } s
push-read-too-many = { $url } contient plus de { $most } rencontres pour ce patient : trop pour en compter le parcours
push-read-next-elsewhere = { $url } a donné une page suivante hors de sa propre adresse : non suivie
# --- devalarm (issue #32: device alarms in the record) ---
ref-device-alarm-none = aucune alarme d’appareil de la règle { $rule } n’a été déclenchée par la mesure du moniteur { $entry }
ref-device-alarm-acknowledged = l’alarme d’appareil { $rule } a déjà été acquittée par l’entrée { $by }
event-kind-monitor-alarm-acknowledged = alarme d’appareil acquittée
flash-device-alarm-acknowledged = Alarme du moniteur acquittée ({ $rule })
tl-device-alarm = Alarme d’appareil du moniteur : { $priority } { $measure } { $value } ({ $rule }), hors limite depuis { $since } ; valeurs { $values }
tl-device-alarm-rejected = déclenchée par des mesures du moniteur rejetées ensuite comme artefacts (entrées { $entries })
tl-device-alarm-ended = Fin de l’alarme d’appareil du moniteur { $rule } : retour dans la limite (mesure du moniteur { $entry }), après { $lasted }
tl-device-alarm-acknowledged = Alarme d’appareil du moniteur { $rule } (déclenchée par la mesure du moniteur { $entry }) acquittée
sum-h-device-alarms = Alarmes d’appareil (du moniteur)
sum-device-alarms-intro = Déduites des mesures du moniteur, et non d’une entrée du clinicien ; les heures sont celles où le moniteur a pris les mesures (son heure d’appareil, s’il la donne).
sum-device-alarm-line = { $at } : { $priority } { $measure } ({ $rule }), hors limite depuis { $since } ; valeurs { $values } (pire { $worst }) ; { $end } ; { $ack }
sum-device-alarm-ended = terminée à { $at } après { $lasted }
sum-device-alarm-standing = toujours active à la fin du dossier
sum-device-alarm-ack = acquittée à { $at } (entrée { $entry })
sum-device-alarm-not-ack = non acquittée dans kap
sum-device-alarm-rejected = déclenchée par des mesures rejetées ensuite comme artefacts (entrées { $entries }) : elle reste au dossier
fhir-device-alarm-text = Alarme d’appareil du moniteur, priorité { $priority } : { $measure } ({ $rule })
fhir-device-alarm-detail = Du moniteur de chevet { $device }, et non d’une entrée du clinicien. Hors limite depuis { $since } ; valeurs { $values } (mesures du moniteur { $entries })
cli-help-kap-resume--monitor = Écouter les résultats HL7 du moniteur de chevet (ORU^R01 sur MLLP) à cette adresse : PORT ou HÔTE:PORT, en boucle locale sauf si l'établissement nomme une adresse du réseau local (voir docs/monitor.md)
html-device-alarm-span = Alarme d’appareil du moniteur ({ $priority }) : { $measure } ({ $rule }) — de { $from } min à { $to } min

# sealrow: goals in the FHIR export and read back from the clinic's server
fhir-goal-set = Fixé à la séance { $session } du traitement
cli-course-goals-set-elsewhere = fixés à la séance { $session } le { $date }, sur un autre ordinateur (serveur de la clinique) :
cli-history-goals-elsewhere = objectifs ({ $kind }), fixés à la séance { $session } le { $date } sur un autre ordinateur (serveur de la clinique) :
## rescue: a prompt's evidence visit (evidence_visit; docs/protocol-format.md)
pv-evidence-not-check = evidence_visit ne s'applique qu'aux rubriques check, pas aux rubriques { $kind }
pv-evidence-unknown-visit = evidence_visit « { $kind } » ne nomme aucune visite de ce fichier (ses visites : { $known })
pv-evidence-in-visit = evidence_visit appartient aux rubriques d'une séance de dose, pas à celles d'une visite
evidence-held-by = Au dossier kap : visite ({ $kind }) tenue le { $date } par { $by }
evidence-held = Au dossier kap : visite ({ $kind }) tenue le { $date }
evidence-none = Aucune visite ({ $kind }) n'est consignée dans kap
evidence-record = { $words } (dossier { $record })
tl-ticked-evidence = Coché : { $prompt } — { $evidence }
ref-evidence-not-named = { $prompt } ne nomme pas de visite { $kind } comme preuve
feed-could-not-measure = Le moniteur n’a pas pu mesurer { $what }
feed-measure-bp = la pression artérielle
feed-measure-hr = la fréquence cardiaque
feed-measure-pulse = le pouls
feed-measure-spo2 = la saturation en oxygène (SpO₂)
feed-measure-rr = la fréquence respiratoire
feed-measure-and = { $first } et { $last }
html-course-col-device-alarms = Alarmes d’appareil (du moniteur)
rep-visit-intro = Protocole { $protocol }, visite : { $visit } (séance { $session } du parcours){ $closed ->
    [yes] {""}
   *[no] {" "}(non fermée)
}. Une visite ne donne aucune dose : les temps sont en minutes simulées depuis le début de la visite.
rep-visit-speed = Vitesse de l’horloge simulée : { $speeds }. Tous les temps de ce rapport sont en minutes simulées depuis le début de la visite.
rep-visit-summary = { $done } des { $asked } éléments demandés par cette visite ({ $visit }) faits pendant celle-ci, { $carried } faits à une visite précédente, { $missing } non faits (dont { $required } obligatoires) ; { $notes ->
    [one] 1 note
   *[other] { $notes } notes
} ; { $skips ->
    [one] 1 étape sautée
   *[other] { $skips } étapes sautées
}.
rep-visit-no-dose = Aucune dose ne faisait partie de cette visite ({ $visit }) : aucun horaire des signes vitaux, aucune perfusion, aucune dose ni aucune fenêtre d’alarme n’est évalué.
rep-visit-required = { $text } (obligatoire)
rep-h-visit-asked = Ce que la visite demandait
rep-col-phase = phase
rep-col-asked = demandé
rep-visit-not-done-optional = non fait (non obligatoire dans cette visite)

# --- devalarm (the course page's alarms chart: device alarms beside the clinician's) ---
html-course-chart-alarms-entered = des signes vitaux saisis
html-course-chart-alarms-device = du moniteur
html-course-chart-alarms-device-desc = À côté de chacune, hachurées : les alarmes d’appareil que le moniteur de chevet a déclenchées à partir de ses propres mesures, comptées à part (celle de mesures rejetées comme artefacts n’est pas comptée); un tiret là où aucun moniteur n’était écouté.
# sealrow
goals-set-elsewhere = (fixés à la séance { $session } sur un autre ordinateur, { $date })

# doc (session 12)
tl-mark-answered-again = répondu de nouveau à l’entrée { $entry }
feed-nothing-read = Les messages du moniteur n’ont aucune mesure que kap lit : rien n’est enregistré (codes dans la réponse de kap; docs/monitor.md)

# say-protocol
session-title = Séance { $session } sur { $sessions }
session-title-maintenance = Séance d'entretien { $session }

# refusal-phrases
ref-required-not-done = des éléments obligatoires ne sont pas faits; donnez un motif pour passer à la suite sans eux
ref-cannot-leave-yet = impossible de quitter { $phase } pour l'instant
