# As palavras do kap: português do Brasil.

## Datas

weekday-1 = seg.
weekday-2 = ter.
weekday-3 = qua.
weekday-4 = qui.
weekday-5 = sex.
weekday-6 = sáb.
weekday-7 = dom.
month-1 = jan.
month-2 = fev.
month-3 = mar.
month-4 = abr.
month-5 = maio
month-6 = jun.
month-7 = jul.
month-8 = ago.
month-9 = set.
month-10 = out.
month-11 = nov.
month-12 = dez.
date-short = { $weekday } { $day } { $month }

## Teclas (rodapé e ajuda)

key-acknowledge-alert = reconhecer o alerta
key-alarm-sound-pause-capped-asks-why = som do alarme: silenciar (com limite, pede o motivo) ou reativar
key-re-create-the-vanished-session-folder = recriar a pasta da sessão que sumiu
key-start = iniciar
key-pause-resume = pausar/retomar
key-stop-early = interromper antes do fim
key-music-on-off = música liga/desliga
key-check-in-done = checagem feita
key-start-debrief-now = iniciar a conversa agora
key-music-or-support = música ou apoio
key-close-session = encerrar a sessão
key-answer-tick = responder/marcar
key-choose-a-prompt = escolher um item
key-tick-or-untick = marcar ou desmarcar
key-next-phase = próxima fase
key-vitals = sinais vitais
key-note = nota
key-help = ajuda
key-look-back-at-earlier-phases = rever as fases anteriores
key-record-a-timed-measure-that-is = registrar uma medida programada pendente
key-end-session-early-asks-a-reason = encerrar a sessão antes (pede o motivo)
key-timeline-everything-in-order-correct-an = linha do tempo: tudo em ordem; corrigir um registro
key-who-is-entering-the-next-clinician = quem registra: o próximo profissional presente
key-consent-withdrawn-stops-the-infusion-asks = consentimento retirado (interrompe a infusão; pede o motivo)
key-edit-the-course-s-goals = editar as metas do tratamento
key-next-theme = próximo tema
key-chimes-on-off-due-vitals-alerts = avisos sonoros liga/desliga (sinais vitais pendentes, alertas)
key-next-track = próxima faixa
key-leave-kap-session-stays-open = sair do kap (a sessão continua aberta)
key-music-volume = volume da música
key-simulated-time-faster-slower = tempo simulado mais rápido / mais lento
key-pause-resume-simulated-time = pausar / retomar o tempo simulado
key-cycle-the-monitor-s-bp-cuff = iniciar aferição da PA no manguito do monitor
key-save-text = salvar o texto
key-stop-editing-asks-before-discarding = parar de editar (pergunta antes de descartar)
key-new-line = nova linha
key-save-the-note = salvar a nota
key-to-the-quick-tags-and-back = ir às etiquetas rápidas e voltar; Espaço marca uma
key-in-the-tag-row-tick-that = na fileira de etiquetas: marcar essa etiqueta (texto digitado é sempre texto)
key-next-previous-field = campo seguinte / anterior
key-addendum-to-the-signed-record-asks = adendo ao registro assinado (pede o texto e o motivo)
key-timeline = linha do tempo
key-resume-the-unfinished-session-shown = retomar a sessão inacabada exibida
key-leave-kap = sair do kap

## Ajuda: os grupos de teclas

keys-group-session = Em qualquer ponto da sessão
keys-group-prompts = Itens
keys-group-dosing = Infusão
keys-group-intentions = Intenções
keys-group-last = Alta
keys-group-alert = Alertas
keys-group-real = Sessões reais
keys-group-rehearsal = Simulação
keys-group-simulator = Simulação com cenário
keys-group-vanished = Pasta da sessão sumiu
keys-group-editing = Edição de texto
keys-group-note = Nota
keys-group-start = Tela inicial
keys-group-closed = Sessão encerrada

## O quadro da tela

screen-too-small = Amplie a janela para pelo menos { $need } (agora: { $have }). A sessão está salva e continua.
header-closed = Encerrada
header-maintenance = { $protocol } manutenção { $session }
header-not-saved = NÃO SALVO
header-saved-at = salvo às { $time }
header-saved = salvo
header-rehearsal = SIMULAÇÃO ×{ $speed }

## Termos do protocolo

route-iv-infusion = infusão IV
route-im-bolus = bolus IM
route-sublingual = sublingual
route-intranasal = intranasal
goals-smart-behavioural = metas comportamentais SMART
goals-of-care = metas de cuidado
goals-other = metas
session-label = sessão { $session } de { $sessions }
session-label-maintenance = sessão de manutenção { $session }

## Cálculo da dose e recusas

dose-error-not-in-course = a sessão { $session } não faz parte deste tratamento (sessões 1 a { $sessions })
dose-error-weight = um peso de { $weight } kg não é plausível para um adulto ({ $low }–{ $high } kg); confira o valor digitado
dose-error-out-of-range = { $dose } mg/kg está fora da faixa do protocolo para a sessão { $session } ({ $min }–{ $max } mg/kg); recusado
dose-error-needs-choice = o protocolo dá uma faixa de { $min }–{ $max } mg/kg para a sessão { $session }, sem padrão: escolha os mg/kg
dose-error-fixed = esta sessão tem dose fixa de { $mg } mg; não é possível escolher mg/kg
dose-error-stepped = a dose desta sessão é dada em etapas definidas pelo protocolo ({ $total } mg/kg no total); não é possível escolher mg/kg
dose-line-fixed = dose fixa { $mg } mg ({ $per_kg } mg/kg para { $weight } kg)
dose-line-weight = { $weight } kg × { $per_kg } mg/kg = { $mg } mg
dose-line-rounded-down = arredondado para baixo a um múltiplo de { $step } mg = { $mg } mg, para não passar do máximo da faixa
dose-line-rounded = arredondado ao múltiplo de { $step } mg mais próximo = { $mg } mg
dose-line-capped = limitado a { $mg } mg, o máximo do protocolo para esta sessão
dose-line-protocol-dose = { $per_kg } mg/kg é a dose do protocolo para esta sessão
dose-line-in-range = { $per_kg } mg/kg está dentro da faixa desta sessão, { $min }–{ $max } mg/kg
dose-line-rate = { $ml } mL em { $minutes } min = { $rate } mL/h
dose-step-head = etapa { $step } de { $steps }, { $label }:
dose-step-fixed = dose fixa { $mg } mg
dose-step-total = total { $parts } mg = { $mg } mg ({ $per_kg } mg/kg) em { $minutes } min

## O calendário do tratamento

window-from = sessão { $session } ({ $label }): a partir de { $date }
window-aim = , ideal { $dates }
window-latest = , no máximo até { $date }

## A tela inicial

start-need-patient = informe o pseudônimo do paciente
start-need-clinician = informe o profissional presente (o protocolo exige um durante toda a sessão: { $source })
start-clinician-control = o nome de um profissional não pode conter caracteres de controle
start-need-session = informe o número da sessão no tratamento (1 a { $sessions })
start-need-session-maintenance = informe o número da sessão (1 a { $sessions }, ou mais para uma sessão de manutenção)
start-need-weight = informe o peso em kg
start-bad-mg-per-kg = "{ $text }" não é um número de mg/kg
start-field-patient = Paciente (pseudônimo)
start-field-session = Nº da sessão no tratamento
start-field-weight = Peso (kg)
start-field-mg-per-kg = mg/kg (dentro da faixa da sessão)
start-field-clinicians = Profissionais presentes (nome, função; …)
start-title-session = Nova sessão — { $protocol } ({ $sessions ->
    [one] { $sessions } sessão
   *[other] { $sessions } sessões
})
start-title-rehearsal = Nova simulação — { $protocol } ({ $sessions ->
    [one] { $sessions } sessão
   *[other] { $sessions } sessões
})
start-enter-starts = Enter inicia a sessão.
start-range-default = , padrão { $dose }
start-course-so-far = Sessões já realizadas: { $sessions }
start-already-held = A sessão { $session } já foi realizada.
start-on-target = Hoje está no período ideal: { $window }
start-off-target = Hoje é permitido, mas fora do período ideal: { $window }
start-too-early = Hoje fica { $days ->
    [one] { $days } dia
   *[other] { $days } dias
} antes do permitido — { $window } — será pedido um motivo
start-too-late = Hoje fica { $days ->
    [one] { $days } dia
   *[other] { $days } dias
} depois do limite — { $window } — será pedido um motivo
start-site-not-reviewed = O serviço ainda não validou os limites de alarme e os outros valores locais deste protocolo.
start-unfinished = Inacabada: sessão { $session } iniciada em { $started } ({ $entries ->
    [one] { $entries } registro
   *[other] { $entries } registros
}). Ctrl-R a retoma.

## Palavras usadas em todo o kap

duration-min = { $min } min
duration-s = { $sec } s
duration-min-s = { $min } min { $sec } s
metric-systolic = PA sistólica
metric-diastolic = PA diastólica
metric-hr = frequência cardíaca
metric-spo2 = SpO₂
step-describe = etapa { $step } de { $steps }, { $label }

## A tela de infusão

dosing-not-started = { $what ->
    [infusion] infusão
   *[observation] observação
} não iniciada — tecle s quando estiver pronto
dosing-running = { $what ->
    [infusion] infusão
   *[observation] observação
} em andamento desde { $since }
dosing-paused = { $what ->
    [infusion] infusão
   *[observation] observação
} PAUSADA: { $reason }
dosing-complete = { $what ->
    [infusion] infusão
   *[observation] observação
} concluída às { $at }
dosing-stopped = { $what ->
    [infusion] infusão
   *[observation] observação
} INTERROMPIDA: { $reason }
step-then = depois { $next } em { $left }
step-last = a última etapa
steps-first = { $steps } etapas; a primeira: { $first }
timer-elapsed-of = decorrido de { $planned }  ·  faltam { $left }
timer-elapsed = decorrido
vitals-next = { $what }: próxima aferição em { $wait }
vitals-due = { $what }: AFERIR agora — a janela fecha em { $left }
vitals-overdue = { $what }: ATRASO de { $late }
vitals-start-with-infusion = Os lembretes de sinais vitais começam com a infusão
measure-in = { $measure } em { $wait }
measure-due = { $measure } PENDENTE (r)
measure-overdue = { $measure } EM ATRASO (r)
repeat-to-confirm = Repetir a { $metric } às { $at } para confirmar ({ $metric } { $value })
music-word = música
music-playing = { $name } tocando há { $since }
checkin-within = Sem música: checar o paciente em até { $wait }
checkin-due = Checagem delicada pendente (c ao terminar)
checkin-overdue = Checagem atrasada (c ao terminar)
support-chosen = Apoio: { $support }
debrief-clock = Tempo de conversa { $clock } — → para avançar
this-phase-keys = esta fase (↑↓ Enter)
table-time = hora
table-bp = PA
table-hr = FC
table-vitals-title = sinais vitais
chart-trend-title = tendência (min desde o início)
priority-low = BAIXA
priority-medium = MÉDIA
priority-high = ALTA

## Alarmes

alarm-state-active = ATIVO
alarm-state-latched = TRAVADO
alarm-state-acknowledged = reconhecido
alarm-state-reminder = LEMBRETE
alarm-state-resolved = resolvido
alarm-state-in-error = registrado por engano
alert-headline-above = { $metric } { $value } acima de { $limit } — regra { $rule } ({ $source })
alert-headline-below = { $metric } { $value } abaixo de { $limit } — regra { $rule } ({ $source })
alarm-title = ALARME { $priority } { $id }
alarm-at = { $what } às { $at }
alarm-unacknowledged = NÃO RECONHECIDO há { $waited }
alarm-latched-note = (valor voltou à faixa; ainda falta reconhecer)
alarm-ack-key = reconhecer
alarm-more = … e mais { $count ->
    [one] { $count } alarme
   *[other] { $count } alarmes
}
vitals-due-banner = Sinais vitais pendentes — v para registrar (a janela fecha em { $left })
vitals-overdue-alarm = ALARME TÉCNICO MÉDIO  SINAIS VITAIS ATRASADOS
vitals-overdue-by = atraso de { $late } — v para registrar
alarm-sound-paused = Som do alarme silenciado por mais { $left } — { $reason } (z para reativar)
