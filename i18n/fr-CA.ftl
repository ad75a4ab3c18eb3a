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
key-alarm-sound-pause-capped-asks-why = son d'alarme : pause (limitée, motif demandé) ou reprise
key-re-create-the-vanished-session-folder = recréer le dossier de séance disparu
key-start = démarrer
key-pause-resume = pause/reprise
key-stop-early = arrêter avant la fin
key-music-on-off = musique marche/arrêt
key-check-in-done = prise de contact faite
key-start-debrief-now = commencer le retour maintenant
key-music-or-support = musique ou soutien
key-close-session = clore la séance
key-answer-tick = répondre/cocher
key-choose-a-prompt = choisir une rubrique
key-tick-or-untick = cocher ou décocher
key-next-phase = étape suivante
key-vitals = signes vitaux
key-note = note
key-help = aide
key-look-back-at-earlier-phases = revoir les étapes précédentes
key-record-a-timed-measure-that-is = saisir une mesure programmée qui est due
key-end-session-early-asks-a-reason = terminer la séance plus tôt (motif demandé)
key-timeline-everything-in-order-correct-an = chronologie : tout dans l'ordre; corriger une entrée
key-who-is-entering-the-next-clinician = qui saisit : le clinicien présent suivant
key-consent-withdrawn-stops-the-infusion-asks = retrait du consentement (arrête la perfusion; motif demandé)
key-edit-the-course-s-goals = modifier les objectifs du traitement
key-next-theme = thème suivant
key-chimes-on-off-due-vitals-alerts = carillon marche/arrêt (signes vitaux dus, alertes)
key-next-track = piste suivante
key-leave-kap-session-stays-open = quitter kap (la séance reste ouverte)
key-music-volume = volume de la musique
key-simulated-time-faster-slower = temps simulé plus vite / plus lent
key-pause-resume-simulated-time = pause / reprise du temps simulé
key-cycle-the-monitor-s-bp-cuff = lancer une mesure au brassard du moniteur
key-save-text = enregistrer le texte
key-stop-editing-asks-before-discarding = quitter l'édition (demande avant d'abandonner)
key-new-line = nouvelle ligne
key-save-the-note = enregistrer la note
key-to-the-quick-tags-and-back = aller aux étiquettes rapides et revenir; Espace en coche une
key-in-the-tag-row-tick-that = dans la rangée d'étiquettes : cocher cette étiquette (le texte tapé reste du texte)
key-next-previous-field = champ suivant / précédent
key-addendum-to-the-signed-record-asks = addenda au dossier signé (texte et motif demandés)
key-timeline = chronologie
key-resume-the-unfinished-session-shown = reprendre la séance inachevée affichée
key-leave-kap = quitter kap

## Aide : les groupes de touches

keys-group-session = Partout dans une séance
keys-group-prompts = Rubriques
keys-group-dosing = Perfusion
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
start-enter-starts = Enter démarre la séance.
start-range-default = , par défaut { $dose }
start-course-so-far = Séances faites jusqu'ici : { $sessions }
start-already-held = La séance { $session } a déjà eu lieu.
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
} non commencée — appuyez sur s quand tout est prêt
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
timer-elapsed = écoulé
vitals-next = { $what } : prochaine prise dans { $wait }
vitals-due = { $what } À PRENDRE maintenant — la fenêtre se ferme dans { $left }
vitals-overdue = { $what } EN RETARD de { $late }
vitals-start-with-infusion = Les rappels de signes vitaux commencent avec la perfusion
measure-in = { $measure } dans { $wait }
measure-due = { $measure } À FAIRE (r)
measure-overdue = { $measure } EN RETARD (r)
repeat-to-confirm = Reprendre la { $metric } à { $at } pour confirmer ({ $metric } { $value })
music-word = musique
music-playing = { $name } en lecture depuis { $since }
checkin-within = Sans musique : prise de contact d'ici { $wait }
checkin-due = Prise de contact douce à faire (c une fois faite)
checkin-overdue = Prise de contact en retard (c une fois faite)
support-chosen = Soutien : { $support }
debrief-clock = Chrono du retour { $clock } — → pour continuer
this-phase-keys = cette étape (↑↓ Enter)
table-time = heure
table-bp = TA
table-hr = FC
table-vitals-title = signes vitaux
chart-trend-title = tendance (min depuis le début)
priority-low = BASSE
priority-medium = MOYENNE
priority-high = HAUTE

## Alarmes

alarm-state-active = ACTIVE
alarm-state-latched = VERROUILLÉE
alarm-state-acknowledged = acquittée
alarm-state-reminder = EN RAPPEL
alarm-state-resolved = résolue
alarm-state-in-error = saisie par erreur
alert-headline-above = { $metric } { $value } au-dessus de { $limit } — règle { $rule } ({ $source })
alert-headline-below = { $metric } { $value } sous { $limit } — règle { $rule } ({ $source })
alarm-title = ALARME { $priority } { $id }
alarm-at = { $what } à { $at }
alarm-unacknowledged = NON ACQUITTÉE depuis { $waited }
alarm-latched-note = (valeur revenue dans les limites; reste à acquitter)
alarm-ack-key = acquitter
alarm-more = … et { $count ->
    [one] { $count } autre alarme
   *[other] { $count } autres alarmes
}
vitals-due-banner = Signes vitaux à prendre — v pour les saisir (la fenêtre se ferme dans { $left })
vitals-overdue-alarm = ALARME TECHNIQUE MOYENNE  SIGNES VITAUX EN RETARD
vitals-overdue-by = de { $late } — v pour les saisir
alarm-sound-paused = Son d'alarme en pause encore { $left } — { $reason } (z pour reprendre)
