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
key-alarm-sound-pause-capped-asks-why = silenciar alarme (limitado, motivo) ou reativar
key-re-create-the-vanished-session-folder = recriar a pasta da sessão que sumiu
key-start = iniciar
key-pause-resume = pausar/retomar
key-stop-early = interromper
key-music-on-off = música liga/desliga
key-check-in-done = checagem feita
key-start-debrief-now = iniciar a conversa agora
key-music-or-support = música/apoio
key-close-session = fechar sessão
key-answer-tick = responder/marcar
key-choose-a-prompt = escolher um item
key-tick-or-untick = marcar ou desmarcar
key-next-phase = próxima fase
key-vitals = sinais vitais
key-note = nota
key-help = ajuda
key-look-back-at-earlier-phases = rever as fases anteriores
key-record-a-timed-measure-that-is = registrar uma medida programada pendente
key-end-session-early-asks-a-reason = encerrar a sessão antes do previsto (pede o motivo)
key-timeline-everything-in-order-correct-an = linha do tempo: tudo em ordem; corrigir um registro
key-who-is-entering-the-next-clinician = quem registra: o próximo profissional presente
key-consent-withdrawn-stops-the-infusion-asks = consentimento retirado (para a administração; pede o motivo)
key-edit-the-course-s-goals = editar as metas do tratamento
key-next-theme = próximo tema
key-chimes-on-off-due-vitals-alerts = avisos sonoros liga/desliga (vitais pendentes, alertas)
key-next-track = próxima faixa
key-leave-kap-session-stays-open = sair do kap (a sessão continua aberta)
key-music-volume = volume da música
key-simulated-time-faster-slower = tempo simulado mais rápido / mais lento
key-pause-resume-simulated-time = pausar / retomar o tempo simulado
key-cycle-the-monitor-s-bp-cuff = aferir a PA no monitor
key-save-text = salvar o texto
key-stop-editing-asks-before-discarding = parar de editar (pergunta antes de descartar)
key-new-line = nova linha
key-save-the-note = salvar a nota
key-to-the-quick-tags-and-back = ir às etiquetas rápidas e voltar; Espaço marca uma
key-in-the-tag-row-tick-that = na fileira de etiquetas: marcar essa (texto digitado é sempre texto)
key-next-previous-field = campo seguinte / anterior
key-addendum-to-the-signed-record-asks = adendo ao registro assinado (pede o texto e o motivo)
key-timeline = linha do tempo
key-resume-the-unfinished-session-shown = retomar a sessão inacabada exibida
key-leave-kap = sair do kap

## Ajuda: os grupos de teclas

keys-group-session = Em qualquer ponto da sessão
keys-group-prompts = Itens
keys-group-dosing = Administração
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
route-dose-iv-infusion = por infusão IV
route-dose-im-bolus = em bolus IM
route-dose-sublingual = por via sublingual
route-dose-intranasal = por via intranasal
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
start-course-so-far = { $count ->
    [one] Sessão já realizada
   *[other] Sessões já realizadas
}: { $sessions }
start-already-held = A sessão { $session } já foi realizada.
start-course-damaged = Sessão { $session }: { $verdict } — kap verify diz o que está errado.
course-left-out = { $folder } não pôde ser lido e ficou de fora: { $why }
start-left-out-more = { $count ->
    [one] … e mais 1 pasta ficou de fora (kap verify nomeia cada uma).
   *[other] … e mais { $count } pastas ficaram de fora (kap verify nomeia cada uma).
}
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
# The course as one object (#30): what is due or overdue, the session-number
# checks at the start, kap course.
course-head = Ciclo { $held }/{ $sessions }
course-from = a partir de { $date }
course-what-first = sessão 1: sem período antes da primeira dose
course-what-next = sessão { $session }: { $dates }
course-what-maintenance = manutenção { $session }: { $dates }
course-what-integration = integração após a sessão { $session }: { $dates }
course-what-ended = ciclo encerrado em { $date }
course-what-end-by = ciclo termina no máximo em { $date }
course-what-end-open = fim do ciclo: sem data limite
course-state-ahead = , ainda não aberta
course-state-open = , aberta
course-state-past-target = , { $days ->
    [one] 1 dia
   *[other] { $days } dias
} após o previsto
course-state-overdue = , ATRASADA { $days ->
    [one] 1 dia
   *[other] { $days } dias
}
course-state-closed = , período encerrado sem consulta de integração registrada
course-state-done = , concluído
course-check-repeat = A sessão { $session } já foi realizada em { $date }.
course-check-gap = { $count ->
    [one] A sessão { $missing } nunca foi realizada
   *[other] As sessões { $missing } nunca foram realizadas
} antes da sessão { $session }.
course-check-early-maintenance = Sessão de manutenção { $session } antes do fim do ciclo: { $held } de { $sessions } sessões realizadas.
course-check-other-protocol = Uma dose sob { $protocol } (sessão { $session }) em { $date }, há { $days ->
    [one] 1 dia
   *[other] { $days } dias
}.
course-check-refused = Recusado pelo protocolo ({ $source }): { $what }
course-check-ask = { $what } É preciso um motivo para iniciar.
reason-course = Número de sessão fora do ciclo — motivo
cli-course-encounters = Sessões, da mais antiga à mais recente:
cli-course-encounter = { $date }  { $session }  { $state }  { $id }
cli-course-held = realizada
cli-course-not-held = sem dose
cli-course-note = motivo dado no início: { $reason }
cli-course-due = Previsto ou atrasado hoje ({ $today }):
cli-course-goals = Metas ({ $kind }), conforme mudaram:
cli-course-goals-set = definidas na sessão { $session } em { $date }:

## Medidas de desfecho (verificações do protocolo, tela do paciente, kap course)

pv-outcome-no-english = as palavras em inglês (en) são obrigatórias
pv-outcome-no-choices = um instrumento precisa de pelo menos uma [[choice]]
pv-outcome-value-twice = o valor de opção { $value } aparece duas vezes
pv-outcome-no-items = um instrumento precisa de pelo menos um [[item]]
pv-outcome-band = a faixa { $min }–{ $max } não dá sequência: a próxima faixa deve começar em { $from } e terminar até { $top }, o maior total
pv-outcome-bands-short = as faixas param antes do maior total: de { $from } a { $top } não há faixa
pv-outcome-measure-twice = a medida "{ $id }" aparece duas vezes
pv-outcome-unknown = não há instrumento "{ $id }" neste arquivo nem entre os que o kap traz (conhecidos: { $known })
pv-outcome-no-when = uma medida precisa de pelo menos um `when` (a fase em que é aplicada)
pv-outcome-during-dose = uma medida não é aplicada durante a dose: indique a fase de acolhimento, integração ou alta
pv-outcome-no-phase = este protocolo não tem fase com papel "{ $role }"
pv-outcome-response = reduction_over_percent = { $value } não pode ser atingido ou não significa nada: use de 1 a 99
pv-outcome-remission = below = { $value } está fora dos totais: use de { $lo } + 1 a { $hi }
outcome-answer-count = { $answers } respostas para { $items } perguntas
outcome-not-a-choice = pergunta { $item }: { $value } não é uma das opções
ref-outcome-not-in-course = "{ $instrument }" não é uma das medidas de desfecho deste protocolo
ref-outcome-no-phase = não há fase "{ $phase }" neste protocolo
event-kind-outcome-completed = medida de desfecho
tl-outcome = { $name } respondido { $who ->
    [patient] pelo paciente
   *[clinician] pelo profissional
}: total { $total } { $band }
key-self-report-open = entregar o computador ao paciente (questionário)
key-self-report-choose = responder com o número da opção
key-self-report-back = pergunta anterior
key-self-report-leave = devolver o computador ao profissional
key-self-report-leave-or-stay = sair (respostas não guardadas) ou ficar
key-self-report-hand-back = devolver ao profissional
keys-group-self-report = O questionário do paciente
keys-group-self-report-leaving = O questionário do paciente, sair antes do fim
keys-group-self-report-done = O questionário do paciente, respondido
reader-word-questionnaire = questionario questionário
self-report-progress = { $name } · pergunta { $item } de { $items }
self-report-leave-question = Devolver o computador agora? Suas respostas até aqui não serão guardadas. { $yes } sair · { $no } ficar
self-report-call-clinician = Por favor, devolva o computador ao profissional agora.
self-report-thanks = Obrigado. Por favor, devolva o computador.
rating-done = Avaliação concluída. Enter volta à sessão.
rating-leave-question = Parar esta avaliação? As respostas dadas até aqui não serão guardadas. { $yes } parar · { $no } continuar
rating-alarm-waiting = Um alarme aguarda na sessão: conclua ou pare a avaliação para vê-lo.
phase-outcomes = Questionários aqui: { $list } · Q entrega o computador ao paciente
outcome-given = { $name } (feito)
reader-phase-outcomes = Questionários desta fase: { $list }. Digite { $word } para entregar o computador ao paciente.
reader-phase-outcomes-replay = Questionários desta fase: { $list }.
flash-no-outcome-here = Nenhuma medida de desfecho é aplicada em { $phase } nesta sessão.
flash-outcome-saved = { $name } salvo: total { $total } { $band }.
flash-outcome-baseline = Linha de base { $baseline } (sessão { $session }): { $change } ({ $percent } %).
flash-outcome-flagged = A pergunta { $item } teve a resposta "{ $answer }": converse sobre isso agora.
flash-outcome-not-saved = { $name } não foi concluído: nada foi salvo.
cli-protocol-outcomes = Medidas de desfecho:
cli-protocol-outcome = { $name }, aplicado em: { $when }
cli-protocol-outcome-rules = resposta: { $response }; remissão: { $remission }
outcome-when-every = { $phase } (todas as sessões)
outcome-when-sessions = { $phase } ({ $count ->
    [one] sessão
   *[other] sessões
} { $sessions })
cli-course-outcomes = Medidas de desfecho:
cli-course-chart-reader = O gráfico fica de fora para leitor de tela: a lista acima diz cada escore, a resposta e a remissão.
cli-course-outcome-head = { $name } (resposta: { $response }; remissão: { $remission })
cli-course-outcome-row = { $date }  { $session }  { $phase }  { $total } { $band }  { $change }
outcome-response-rule = mais de { $percent } % abaixo da linha de base
outcome-remission-rule = abaixo de { $below }
outcome-rule-none = não definida
outcome-none-recorded = nenhuma registrada ainda
outcome-baseline = linha de base
outcome-change = { $change } ({ $percent } %)
outcome-response-at = Resposta na sessão { $session }.
outcome-remission-at = Remissão na sessão { $session }.
outcome-no-response = Ainda sem resposta.
outcome-no-remission = Ainda sem remissão.
outcome-other-version = Algumas respostas foram dadas com a versão { $given } do instrumento; são pontuadas com a versão { $version }.
outcome-chart-total = total
outcome-chart-response = limiar de resposta
outcome-chart-remission = limiar de remissão
outcome-chart-sessions = sessão
outcome-chart-legend = ● total   ╌ limiar de resposta   · limiar de remissão

cli-help-kap-course = O ciclo completo de um paciente: cada sessão em ordem, o que está previsto ou atrasado, as metas conforme mudaram
cli-help-kap-course--patient = Pseudônimo do paciente
cli-help-kap-course--protocol = Somente o ciclo sob este identificador de protocolo (padrão: todos)
cli-help-kap-course--rehearsal = Registros de simulação em vez dos reais
cli-help-kap-course--chart = Desenhar os escores de cada medida de desfecho em gráfico, na largura do terminal
cli-help-kap-course--json = Mostrar o ciclo em JSON
cli-protocol-preparation = Preparo ({ $source }):
cli-protocol-integration = Integração ({ $source }):
cli-protocol-psychotherapy = Psicoterapia concomitante: { $text }
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
} não iniciada
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
timer-elapsed-of-stopped = decorrido de { $planned }  ·  interrompida antes do fim
timer-elapsed = decorrido
vitals-next = { $what }: próxima aferição em { $wait }
vitals-due = { $what }: AFERIR — janela fecha em { $left }
vitals-overdue = { $what }: ATRASO de { $late }
vitals-start-with-infusion = { $what ->
   *[infusion] Lembretes de sinais vitais a partir da infusão
    [bolus] Lembretes de sinais vitais a partir da dose
}
measure-in = { $measure } em { $wait }
measure-due = { $measure } PENDENTE (r)
measure-overdue = { $measure } EM ATRASO (r)
repeat-to-confirm = Repetir a { $metric } às { $at } para confirmar ({ $metric } { $value })
music-word = música
music-playing = { $name } tocando há { $since }
checkin-within = Sem música: checar o paciente em até { $wait }
checkin-due = Checar com delicadeza (c ao terminar)
checkin-overdue = Checagem atrasada (c ao terminar)
support-chosen = Apoio: { $support }
debrief-clock = Tempo de conversa { $clock } — → avançar
this-phase-keys = esta fase (↑↓ Enter)
table-time = hora
table-bp = PA
table-hr = FC
table-vitals-title = sinais vitais
chart-trend-title = tendência (min desde o início)
chart-legend-sys = sis
chart-legend-dia = dia
chart-legend-hr = FC
priority-low = PRIORIDADE BAIXA
priority-medium = PRIORIDADE MÉDIA
priority-high = PRIORIDADE ALTA

## Alarmes

alarm-state-active = ATIVO
alarm-state-latched = TRAVADO
alarm-state-acknowledged = reconhecido
alarm-state-reminder = LEMBRETE
alarm-state-resolved = resolvido
alarm-state-in-error = registrado por engano
alarm-state-withdrawn = retirado
alert-headline-above = { $metric } { $value } acima de { $limit } ({ $source })
alert-headline-below = { $metric } { $value } abaixo de { $limit } ({ $source })
alert-limit-detail = limite { $limit }: { $source } — regra { $rule } do protocolo
alarm-title = ALARME { $priority } { $id }
alarm-at = { $what } às { $at }
alarm-unacknowledged = NÃO RECONHECIDO há { $waited }
alarm-latched-note = (valor voltou à faixa; ainda falta reconhecer)
alarm-ack-key = reconhecer
alarm-more = … e mais { $count ->
    [one] { $count } alarme
   *[other] { $count } alarmes
}
vitals-due-banner = Sinais vitais pendentes — v para registrar (a janela fecha em { $left })
vitals-overdue-alarm = ALARME TÉCNICO MÉDIO  SINAIS VITAIS ATRASADOS
vitals-overdue-by = há { $late } — v para registrar
alarm-sound-paused = Som do alarme silenciado por mais { $left } — { $reason } (z para reativar)

## As telas das fases

debrief-clock-title = tempo de conversa { $clock }
debrief-clock-not-started = tempo de conversa não iniciado
phase-clock = nesta fase { $clock }
phase-aim = { " " }— ideal { $min }–{ $max } min
measure-at-minute = aos { $minute } min
measure-with-vitals = a cada lembrete de sinais vitais
measure-before-closing = antes de encerrar
no-earlier-session = Nenhuma sessão anterior neste tratamento.
more-below = mais abaixo: ↓
last-time = Última vez: sessão { $session } em { $date }
reader-course-held = Sessões realizadas: { $sessions }.
reader-course-goals = Metas até agora: { $goals }.
earlier-note = nota { $at } { $text }
goals-count = Metas ({ $kind }): { $count } de pelo menos { $min } — g edita
last-session-of-course = Esta é a última sessão do tratamento.
next-if-responder = Se respondedor: { $window }
next-session = Próxima: { $window }
integration-due-within = Integração prevista entre { $min } e { $max } h após a dose de hoje.
music-playlist = Música: playlist { $playlist }
music-none-support = Sem música — { $support }
music-not-chosen = Música ainda não escolhida (tecle m)
last-vitals = Últimos sinais vitais { $at }: { $reading }
before-closing = Antes de encerrar:
before-moving-on = Antes de avançar:
required-open = { $count ->
    [one] { $count } item obrigatório em aberto (* acima)
   *[other] { $count } itens obrigatórios em aberto (* acima)
}
arrow-asks-reason = → pede um motivo para pular
part-of = { $part } de { $whole }

## A tela da sessão encerrada

closed-ended-early = Sessão encerrada antes do previsto: { $reason }
closed-closed = Sessão encerrada.
closed-record = Registro: { $path }
closed-summary = Resumo:   { $path }
closed-summary-failed = Não foi possível gravar o resumo ({ $error }); o diário está completo.
closed-counts = { $vitals ->
    [0] { $vitals } aferições de sinais vitais
    [one] { $vitals } aferição de sinais vitais
   *[other] { $vitals } aferições de sinais vitais
} · { $notes ->
    [0] { $notes } notas
    [one] { $notes } nota
   *[other] { $notes } notas
} · { $alerts ->
    [0] { $alerts } alertas
    [one] { $alerts } alerta
   *[other] { $alerts } alertas
} · administrado { $given }
closed-trainee-report = Relatório de treinamento
closed-report = Relatório: { $path }
closed-report-failed = Não foi possível gravar o relatório: { $error }
closed-press-q = Tecle q para sair do kap.
closed-signed-by = Assinada por { $who } às { $at }
no-clinician-named = (nenhum profissional informado)
closed-addenda = { $count ->
    [0] { $count } adendos
    [one] { $count } adendo
   *[other] { $count } adendos
}

## As telas da sessão

folder-gone-alarm = ALARME TÉCNICO ALTO — A PASTA DA SESSÃO SUMIU: NÃO SALVO
folder-recreate = recriá-la a partir do diário aberto
folder-recreate-note = (todo registro salvo é mantido); até lá, anote em papel.
not-saved-alarm = ALARME TÉCNICO ALTO — O ÚLTIMO REGISTRO NÃO FOI SALVO — o disco o recusou.
not-saved-paper = Anote os registros em papel até resolver; o kap tenta de novo a cada registro.
monitor-nibp = PNI { $value } às { $at }
monitor-nibp-none = PNI --- (b inicia a aferição)
monitor-spo2-none = SpO₂ -- (sem sinal)
monitor-title = MONITOR
monitor-patient = Paciente: { $said }
goals-editor-title = Metas, uma por linha (pelo menos { $min })
editor-keys = Ctrl-S salvar · Esc parar de editar
looking-back = (revendo — → para voltar)
vitals-line-label = Sinais vitais
vitals-line-hint = tecle v, depois 128/82 76 97 · pa 130/85 · fc 80 · spo2 95
nothing-to-record = Nada a registrar nesta fase.

## O resumo da sessão (summary.md)

sum-rehearsal-banner = SIMULAÇÃO — paciente simulado, não é um registro clínico.
sum-title = { $session } — paciente { $patient }
sum-protocol = Protocolo: { $name } (v{ $version })
sum-date = Data: { $date }, início às { $time } (UTC{ $offset })
sum-dose = Dose: { $mg } mg { $route }
sum-clinicians = Profissionais presentes: { $names }
sum-outside-window = Realizada fora do período previsto pelo protocolo: { $note }
sum-ended-early = Encerrada antes do previsto às { $at }: { $reason }
sum-closed-signed = Encerrada e assinada às { $at } por { $by }
sum-closed-at = Encerrada às { $at }
sum-not-closed = Não encerrada (registro interrompido)
sum-h-infusion = { $what ->
   *[infusion] Infusão
    [bolus] Dose e observação
}
sum-not-started = Não iniciada.
sum-started = Iniciada às { $at }
sum-paused = Pausada { $from }–{ $to }: { $reason }
sum-stopped-early = Interrompida antes do fim às { $at }: { $reason }
sum-completed = Concluída às { $at }
sum-running-time = Tempo de infusão { $time }
sum-consent-withdrawn = Consentimento retirado às { $at }: { $reason }
sum-given = Administrado: { $given }
sum-given-partial = Administrado: { $given } previstos — calculado a partir do início, das pausas e da interrupção registrados, na velocidade prevista
sum-h-vitals = Sinais vitais
sum-none-recorded = Nenhum registro.
sum-h-alerts = Alertas
sum-alarms-by-priority = Alarmes: { $counts }.
sum-acknowledged = reconhecido às { $at } (primeiro reconhecimento após { $after })
sum-not-acknowledged = NÃO reconhecido
sum-ack-not-needed = não reconhecido: deixou de ser alarme
sum-alarm-in-error = disparado por uma medida registrada por engano ({ $reason })
sum-alarm-withdrawn = retirado às { $at }: o registro { $entry }, medido antes, mostra que não havia alarme
sum-alarm-line = { $at } { $headline } ({ $priority }): { $action }; { $ack }.
sum-h-music = Música
sum-playlist = Playlist: { $playlist }
sum-no-music = Sem música; apoio: { $support }
sum-music-not-chosen = Não escolhida
sum-played = Tocada { $from }–{ $to }
sum-track = { $at } faixa: { $track }
sum-music-problem = { $at } problema: { $problem }
sum-music-stopped = Interrompida às { $at }: { $reason }
sum-music-stopped-by-clinician = Interrompida às { $at } pelo clínico
music-stop-device-failed = o dispositivo de áudio falhou: { $error }
music-stop-device-simulated = o dispositivo de música falhou (simulado)
sum-checkins = Checagens sem música: { $times }
sum-h-goals = Metas ({ $kind })
sum-h-notes = Notas
sum-h-phases = Fases
sum-not-reached = Não alcançada.
sum-moved-on-without = Avançou às { $at } sem: { $items } — motivo: { $reason }
sum-integration-due = Integração prevista entre { $from } e { $to } ({ $min }–{ $max } h após a dose).
sum-h-record = Registro
sum-seal = Este resumo foi gerado a partir dos registros 1 a { $last } do diário; o SHA-256 da linha do registro { $last } é { $hash }.
priority-word-low = prioridade baixa
priority-word-medium = prioridade média
priority-word-high = prioridade alta

## Diálogos

reason-pause = Pausar a infusão — motivo
reason-stop = Interromper a infusão antes do fim — motivo
reason-skip = Avançar sem os itens obrigatórios — motivo
reason-abandon = Encerrar a sessão antes — motivo
reason-schedule = Fora do período previsto pelo protocolo — motivo
reason-withdraw = Consentimento retirado — o que o paciente disse
reason-audio-pause = Silenciar o alarme — minutos e depois o motivo (ex.: 2 reposicionamento)
reason-change-answer = Alterar uma resposta salva — por quê (o texto anterior fica no registro, riscado)
hint-saves = salva
hint-acknowledges = reconhece
hint-esc-again = Esc de novo descarta o que foi digitado · Enter { $enter }
hint-enter-esc = Enter { $enter } · Esc cancela
ack-hint = O que foi feito (opcional) e depois Enter
ack-title = Reconhecer o alerta { $alert }
confirm-quit-title = Sair do kap?
confirm-quit-text = Tudo o que foi salvo continua salvo; uma sessão aberta pode ser retomada.
confirm-quit-keys = s sair · n ficar
confirm-discard-title = Texto não salvo
confirm-discard-text = A resposta tem alterações não salvas.
confirm-discard-keys = s salvar · n descartar · Esc continuar editando
music-dialog-title = Música ou apoio (Enter escolhe, p ouve um trecho, Esc cancela)
note-tags = Etiquetas:
note-tags-hint = ←→ escolher · Espaço marca · Tab volta ao texto · Enter salva
note-hint = Enter salva · Tab para as etiquetas rápidas · Esc cancela
note-title = Nota neste minuto
correct-value-label = O valor correto (deixe vazio se o registro foi feito por engano)
correct-reason-label = Por que o registro é corrigido
addendum-text-label = O adendo
addendum-reason-label = Por que é acrescentado após a assinatura
correct-title = Corrigir o registro { $entry }
addendum-title = Adendo ao registro assinado
signoff-by = Assinado por { $who }. Depois disso, só é possível acrescentar adendos.
signoff-nothing-open = Nada ficou em aberto.
signoff-still-open = Ainda em aberto:
signoff-keys = s assinar e encerrar · n ainda não
signoff-title = Assinar e encerrar a sessão
end-early-title = Encerrar a sessão antes do fim
end-early-keys = s continuar (o motivo é pedido em seguida; encerrar assina o registro) · n ainda não
timeline-footer = { $position } · { $filter } · ↑↓ PgUp PgDn · Tab tipo · e corrigir · Esc
timeline-everything = tudo
timeline-title = Linha do tempo

## Mensagens da linha de status

flash-reason-needed = É preciso informar um motivo
flash-nothing-to-preview = Nada para ouvir nesta opção
flash-infusion-paused = Infusão pausada
flash-infusion-stopped = { $what ->
   *[infusion] Infusão interrompida
    [bolus] Observação encerrada antes do fim
}
flash-audio-pause-how = Digite os minutos e depois o motivo: ex.: 2 reposicionando o paciente
flash-consent-withdrawn = Retirada do consentimento registrada; a infusão foi interrompida
flash-no-alert = Nenhum alerta aguardando
flash-debrief-short = “{ $phase }” durou { $took }; o protocolo prevê de { $min } a { $max } min. Uma nota pode dizer por quê (n).
strip-entering = registrando: { $who }
flash-close-in-last-phase = C encerra a sessão na última fase, { $phase }: avance até ela primeiro (→)
flash-paste-nowhere = Nada foi colado: nenhum campo de texto está ativo (n para uma nota, v para sinais vitais)
flash-paste-too-long = Nada foi colado: { $chars } caracteres, mais que os { $max } que um campo aceita
flash-alarm-sound-resumed = Som do alarme reativado
flash-withdraw-before-start = A infusão não começou: desmarque o consentimento na fase basal
flash-no-measure-due = Nenhuma medida programada pendente
flash-addenda-after-closing = Adendos vêm depois do encerramento; até lá, registre normalmente
flash-sim-paused = Tempo simulado pausado (Ctrl-P retoma)
flash-sim-running = Tempo simulado correndo
flash-chimes-on = Avisos sonoros ligados
flash-chimes-off = Avisos sonoros desligados
flash-infusion-started = { $what ->
   *[infusion] Infusão iniciada
    [bolus] Dose administrada; observação iniciada
}
flash-infusion-resumed = Infusão retomada
flash-infusion-not-running = A infusão não está em andamento
flash-music-fading = Música diminuindo aos poucos
flash-music-marked = Música marcada como tocando
flash-checkin-recorded = Checagem registrada
flash-debrief-started = Tempo de conversa iniciado
flash-no-clinician = Nenhum profissional foi informado no início
flash-answer-saved = Resposta salva: { $prompt }
flash-answer-unchanged = Nenhuma alteração a salvar: { $prompt }
flash-answer-changed = Resposta alterada: { $prompt } (o texto anterior é mantido, riscado)
flash-ticked = Marcado: { $item }
flash-unticked = Desmarcado: { $item }
flash-not-signed = Não assinado: a sessão continua aberta
flash-music-fallback = Música: a playlist não pôde tocar; som ambiente de reserva
flash-playlist-ended = A playlist terminou
flash-resumed = Retomada: todos os registros salvos estão de volta
music-no-options = Nenhuma playlist em playlists/ e nenhum apoio no protocolo
flash-noted-tags = Anotado às { $at }: { $tags }
flash-note-saved = Nota salva às { $at }
flash-alert-acknowledged = Alerta { $alert } reconhecido
flash-chosen = Escolhido: { $choice }
flash-saved-value = Salvo: { $value }
flash-previewing = Ouvindo trecho de "{ $title }" (25 s)
flash-no-preview = Sem trecho: { $why }
flash-alarm-sound-paused = Som do alarme silenciado por { $minutes } min
flash-volume = Volume { $percent }%
flash-monitor-nibp = Monitor: PNI { $value }
flash-sim-speed = Tempo simulado ×{ $speed }
flash-playing = Tocando { $name }
flash-only-clinician = { $who } é o único profissional informado no início
flash-entries-by = Os registros agora são feitos por { $who }
late-entry-taken = registro tardio, referente às { $at }
flash-no-entry = Não existe o registro { $entry }
flash-entry-replaced = Registro { $entry } substituído; o original é mantido, riscado
flash-entry-in-error = Registro { $entry } marcado como registrado por engano; é mantido, riscado
open-required = { $item } (obrigatório)
open-alert = alerta { $alert } não reconhecido
open-due = { $item } (pendente)
flash-addendum-saved = Adendo salvo às { $at }{ $who }
flash-cannot-move-on = Não é possível avançar: { $holds }
flash-vitals-saved = Salvo às { $at }  { $reading }
flash-goals-saved = Metas salvas ({ $count })
flash-step-begins = { $step } começa agora: ajuste a bomba
flash-outside-window = Fora do período do protocolo — { $window }

## A linha do tempo

kind-vitals = sinais vitais
kind-notes = notas
kind-alerts = alertas
kind-infusion = administração
kind-answers = respostas
kind-phases = fases
kind-music = música
kind-corrections = correções e adendos
tl-late-recorded = registro tardio, feito às { $at }
tl-mark-in-error = REGISTRADO POR ENGANO: { $reason }
tl-mark-replaced = SUBSTITUÍDO pelo registro { $by }: { $reason }
tl-started = Sessão { $session } iniciada para { $patient }; dose prevista { $mg } mg
tl-answer-cleared = { $prompt }: resposta apagada
tl-ticked = Marcado: { $prompt }
tl-unticked = Desmarcado: { $prompt }
tl-vitals = Sinais vitais { $reading }
tl-note = Nota
tl-moved-on = Avançou para { $phase }
tl-next-phase = a próxima fase
tl-items-skipped = itens em aberto pulados: { $reason }
tl-stopped-early = Infusão interrompida antes do fim
tl-consent-withdrawn = Consentimento retirado
tl-no-music = sem música
tl-music-started = Música iniciada
tl-music-stopped = Música interrompida
tl-track = Faixa: { $track }
tl-music-problem = Problema na música: { $problem }
tl-checkin-done = Checagem feita
tl-goals-set = Metas definidas: { $goals }
tl-closed-signed = Encerrada e assinada
tl-ended-early = Encerrada antes do previsto
tl-entry-in-error = Registro { $entry } marcado como registrado por engano — { $reason }
tl-entry-replaced = Registro { $entry } substituído — { $reason }; agora: { $now }
tl-technical-alarm = ALARME TÉCNICO: { $text }
tech-title = ALARME TÉCNICO { $priority } { $id }
tech-no-sound-text = sem som de alarme nesta sessão ({ $why }): os alarmes do kap só podem ser vistos ou, no modo leitor de tela, lidos
tech-no-sound-brief = sem som de alarme ({ $why })
tl-technical-acknowledged = Alarme técnico { $alarm } reconhecido
event-kind-technical-acknowledged = reconhecimento de alarme técnico
## Percurso de risco (#29, item 1): rastreio, alarme, plano de segurança, retenção da alta
event-kind-risk-screened = rastreio de risco
event-kind-risk-acknowledged = reconhecimento do alarme de risco
event-kind-safety-planned = registro do plano de segurança
event-kind-risk-hold-overridden = alta sem reavaliação
risk-result-positive = Rastreio de risco: { $score ->
        [one] { $score } ponto
       *[other] { $score } pontos
    }, POSITIVO
risk-result-negative = Rastreio de risco: { $score ->
        [one] { $score } ponto
       *[other] { $score } pontos
    }, negativo
risk-answers-only = Respostas do rastreio de risco: { $answers }
tl-risk-acknowledged = Alarme de risco (registro { $entry }) reconhecido
tl-plan = Plano de segurança, { $element }
tl-risk-overridden = Alta sem rastreio de reavaliação
plan-warning-signs = Sinais de alerta
plan-coping = Estratégias pessoais de enfrentamento
plan-distraction = Pessoas e lugares que ajudam a distrair
plan-help = Pessoas a quem pedir ajuda
plan-professionals = Profissionais e serviços de crise
plan-environment = Tornar o ambiente seguro
hold-risk-reassess = houve risco: registre um rastreio de reavaliação (!), ou dê um motivo para a alta sem ele
reason-for-risk-override = dar alta sem rastreio de reavaliação
reason-risk-override = Por que dar alta sem uma reavaliação negativa?
ref-risk-no-screen = este protocolo não define rastreio de risco
ref-risk-other-screen = o rastreio "{ $screen }" não é o deste protocolo ("{ $ours }")
ref-risk-count = { $given } respostas para { $items } perguntas: responda a todas
ref-risk-answer = a pergunta "{ $item }" não tem a resposta { $answer } (respostas de 1 a { $answers })
ref-risk-no-alarm = o registro { $entry } não é um rastreio positivo
ref-risk-already-acknowledged = o alarme de risco do registro { $entry } já foi reconhecido
ref-risk-nothing-held = nada retém a alta: o último rastreio não é positivo
ref-plan-element = "{ $element }" não é um elemento do plano de segurança
pv-risk-no-items = o rastreio de risco não tem perguntas
pv-risk-positive-zero = positive_at deve ser 1 ou mais: com 0, todo rastreio seria positivo
pv-risk-never-positive = positive_at { $at } nunca pode ser atingido: as perguntas somam no máximo { $most }
pv-risk-no-phase = "{ $phase }" não é um id de etapa deste protocolo
pv-risk-one-choice = uma pergunta com opções precisa de pelo menos duas; omita choices para sim/não
pv-risk-points = { $given } pontos para { $answers } respostas: um por resposta
pv-risk-positive-from = a resposta { $from } não existe: esta pergunta tem { $answers } respostas, contadas a partir de 1
key-risk-screen = rastreio de risco
reader-word-risk = risco
risk-question = Pergunta { $n } de { $count }
risk-hint = número: responder · Backspace: voltar · Esc: cancelar
risk-done-hint = Enter: salvar · Backspace: voltar · Esc: cancelar
risk-answered = { $n }. { $text } — { $answer }
spoken-risk-item = Rastreio de risco, pergunta { $n } de { $count }: { $text } Respostas: { $answers }.
spoken-risk-done = { $result }. Digite salvar para registrar, ou voltar.
reader-word-save = salvar
flash-risk-saved = { $result }
flash-no-risk-screen = Este protocolo não tem rastreio de risco.
risk-alarm-headline = Rastreio de risco positivo, { $score } pontos ({ $at })
## Risk pathway, continued: the safety plan dialog
key-safety-plan = plano de segurança
reader-word-plan = plano
plan-title = Plano de segurança
plan-not-written = não preenchido
plan-from-session = { $text } (sessão { $session })
plan-written-count = { $n } de { $count } elementos preenchidos
plan-row = { $n } { $element }: { $text }
plan-review-hint = número: preencher esse elemento · Enter: o próximo · Esc: fechar
plan-title-element = Plano de segurança { $n }/{ $count }: { $element }
plan-crisis-line = Serviços de crise (protocolo): { $line }
plan-earlier-versions = { $n ->
    [one] 1 versão anterior mantida
   *[other] { $n } versões anteriores mantidas
}
plan-enter = salva e segue para o próximo
flash-plan-saved = Plano de segurança salvo: { $element }
spoken-plan-review = Plano de segurança, { $n } de { $count } elementos preenchidos. { $elements }. Digite o número de um elemento para preenchê-lo, uma linha vazia para o próximo a preencher, ou cancelar.
spoken-plan-element = Plano de segurança, elemento { $n } de { $count }: { $element }. Agora: { $now }. { $crisis }Digite o texto; uma linha vazia o mantém como está e segue adiante.
risk-line-positive = RASTREIO DE RISCO POSITIVO ({ $score ->
        [one] { $score } ponto
       *[other] { $score } pontos
    }, { $at })
risk-line-reassessed = Risco reavaliado: negativo ({ $score ->
        [one] { $score } ponto
       *[other] { $score } pontos
    }, { $at })
risk-line-negative = Rastreio de risco negativo ({ $score ->
        [one] { $score } ponto
       *[other] { $score } pontos
    }, { $at })
risk-line-plan = plano de segurança { $n }/{ $count }, { $at }
risk-line-no-plan = ainda sem plano de segurança (P)
risk-offered = Rastreio de risco previsto nesta fase: { $key }
sum-h-risk = Rastreio de risco e plano de segurança
sum-risk-screen = Instrumento: { $name } ({ $id })
sum-risk-reassessment = reavaliação
sum-risk-acknowledged = alarme reconhecido às { $at }
sum-risk-overridden = Alta sem reavaliação negativa ({ $at }): { $reason }
sum-plan-none = Nenhum plano de segurança registrado.
sum-plan-by = { $at }, { $by }
sum-plan-earlier = versão anterior: { $text } ({ $when })
course-risk-positive = Último rastreio de risco POSITIVO: sessão { $session }, { $date } ({ $score ->
        [one] { $score } ponto
       *[other] { $score } pontos
    })
course-risk-reassessed = Último rastreio de risco: risco identificado na sessão { $session } ({ $date }), negativo na reavaliação ({ $score ->
        [one] { $score } ponto
       *[other] { $score } pontos
    })
course-risk-negative = Último rastreio de risco negativo: sessão { $session }, { $date } ({ $score ->
        [one] { $score } ponto
       *[other] { $score } pontos
    })
course-plan = Plano de segurança da sessão { $session }, último registro em { $date }: { $n } de { $count } elementos
course-no-plan = Nenhum plano de segurança foi registrado depois desse rastreio.
reader-risk-alarm = { $priority }: rastreio de risco positivo, { $score ->
        [one] { $score } ponto
       *[other] { $score } pontos
    }. Conduta: { $advice }. Digite { $ack } para reconhecer.
reader-risk-waiting = Alarme de risco aguardando: rastreio positivo às { $at }, { $score ->
        [one] { $score } ponto
       *[other] { $score } pontos
    }.
risk-ack-title = Reconhecer o alarme de risco
spoken-risk-ack = Reconhecer o alarme de risco: { $what }. Conduta: { $advice }. Digite o que foi feito, ou uma linha vazia.
rep-expect-risk = um rastreio de risco e, se positivo, um plano de segurança antes da alta
rep-expect-rescue = um medicamento de resgate do acordo, e seu efeito reavaliado
rep-expect-agreement = os acordos feitos antes da dose respeitados: nada registrado além deles
ref-no-technical-alarm = não existe o alarme técnico { $alarm }
ref-technical-already-acknowledged = o alarme técnico { $alarm } já foi reconhecido
open-technical = alarme técnico { $alarm } não reconhecido
flash-technical-acknowledged = Alarme técnico { $alarm } reconhecido
tl-self-test-silent = Autoteste do alarme: SEM som de alarme — { $problem }
tl-self-test-device = Autoteste do alarme: prioridades exibidas, tom tocado em { $device }
tl-self-test = Autoteste do alarme: prioridades exibidas, tom tocado
tl-addendum = Adendo: { $text } (motivo: { $reason })
md-h-corrections = Correções
md-corrections-intro = Os registros originais permanecem no diário.
md-entry = registro { $entry }
md-replaced-by = substituído pelo registro { $entry }: { $now }
md-entered-in-error = registrado por engano
md-correction = { $what }; motivo: { $reason } ({ $at }, { $by })
md-h-addenda = Adendos
md-addenda-intro = Acrescentados depois que a sessão foi encerrada e assinada.
md-addendum = { $at } por { $by } (registro { $entry }): { $text } — motivo: { $reason }
md-h-timeline = Linha do tempo
md-col-happened = ocorrido
md-col-recorded = registrado
md-col-by = por
md-col-entry = registro

## O relatório de treinamento

rep-bp-no-cuff = { $at } min: PA { $bp } registrada, mas o manguito não tinha sido acionado
rep-bp-differs = { $at } min: PA { $bp } registrada, o monitor mostrava { $monitor }
rep-hr-differs = { $at } min: FC { $hr } registrada, o monitor mostrava { $monitor }
rep-spo2-probe-off = { $at } min: SpO₂ { $spo2 }% registrada com o sensor fora (o monitor não mostrava leitura)
rep-spo2-differs = { $at } min: SpO₂ { $spo2 }% registrada, o monitor mostrava { $monitor }%
rep-skip = { $phase }: avançou sem { $items } — "{ $reason }"
rep-paused = pausada aos { $at } min por { $minutes } min: { $reason }
rep-stopped = interrompida antes do fim aos { $at } min: { $reason }
rep-expect-pause = pausar ou interromper a infusão
rep-expect-note = uma nota com a etiqueta "{ $tag }"
rep-expect-music = cuidar da música: reiniciá-la, fazer outra escolha ou uma checagem sem música
rep-summary = Lembretes de sinais vitais atendidos no prazo: { $on_time } de { $prompts }, perdidos: { $missed_prompts } (maior atraso de uma resposta { $worst } min); alertas reconhecidos: { $acked } de { $alerts }; registros discordantes do monitor: { $disagreements }; avanços com itens pulados: { $skips }; eventos do cenário sem a resposta esperada: { $missed }.
rep-banner = SIMULAÇÃO — relatório de treinamento com paciente simulado.
rep-title = Relatório de treinamento — cenário { $scenario } (semente { $seed })
rep-intro = Protocolo { $protocol }, sessão { $session }. Os tempos são minutos simulados desde o início da administração.
rep-intro-not-closed = Protocolo { $protocol }, sessão { $session } (não encerrada). Os tempos são minutos simulados desde o início da administração.
rep-summary-label = Resumo.
rep-h-prompts = Lembretes de sinais vitais
rep-no-prompts = Nenhum (a administração não começou).
rep-col-due = previsto
rep-col-answered = respondido
rep-col-late = atraso
rep-not-answered = não respondido
rep-on-time = no prazo
rep-none-raised = Nenhum disparado.
rep-alert = Alerta { $id } aos { $at } min: { $what }
rep-acknowledged-after = reconhecido após { $minutes } min
rep-action = conduta registrada: { $action }
rep-no-action = nenhuma conduta registrada
# $priority já traz a palavra "prioridade" (priority-word-*).
rep-priority = { $priority }
rep-h-disagreements = Registros discordantes do monitor
rep-none = Nada registrado.
rep-h-events = Eventos do cenário
rep-none-reached = Nenhum alcançado.
rep-h-skips = Itens obrigatórios pulados
rep-h-pauses = Pausas e interrupções da infusão
rep-speed = Velocidade do relógio simulado: { $speeds }. Todos os tempos deste relatório são minutos simulados desde o início da administração.
rep-speed-unknown = não registrada
rep-summary-expected = Condutas esperadas: { $done } feitas, { $late } com atraso, { $not_done } não feitas (minutos simulados, relógio { $speed }).
rep-summary-early = A simulação terminou antes do fim, aos { $at } min.
rep-status-done = feito aos { $at } min
rep-status-late = ATRASADO em { $by } min (feito aos { $at } min; relógio { $speed })
rep-status-not-done = NÃO FEITO
rep-status-not-reached = não alcançado (a simulação terminou antes)
rep-status-not-applicable = não se aplica (não pedido nesta sessão)
rep-expected-status = esperado: { $what } — { $status }
rep-h-early = Encerramento antecipado
rep-early-at = A simulação terminou aos { $at } min, antes de a sessão estar completa.
rep-early-abandoned = encerrada com E (encerrar antes): "{ $reason }"
rep-early-dosing = a administração não tinha terminado
rep-early-phases = fases nunca alcançadas: { $items }
rep-early-prompts = itens nunca alcançados: { $items }
rep-early-events = eventos do cenário que não chegaram a ocorrer: { $items }
rep-h-expected = Condutas esperadas
rep-col-expected = esperado
rep-col-status = situação
rep-due-phase = ao chegar à fase
rep-exp-gate = condição para a fase { $phase } (senão: "{ $reason }")
rep-exp-vitals = aferição dos sinais vitais ({ $measures })
rep-exp-ack = reconhecer o alerta { $id } ({ $priority })
rep-exp-pause = pausar ou interromper a infusão (alerta { $id })
rep-exp-repeat = repetir a medida ({ $measure }) para confirmar que está { $limit } (primeira medida aos { $at } min)
rep-limit-above = acima de { $value }
rep-limit-below = abaixo de { $value }
rep-event-at = { $at } min: { $text }
rep-exp-event = { $what } (evento do cenário aos { $at } min)
rep-h-notes = Notas do profissional em treinamento
rep-col-min = min
rep-col-tags = etiquetas
rep-col-note = nota
rep-h-states = Ramificações do cenário percorridas
rep-state-entered = { $state } ({ $at } min)
rep-h-phase-times = Duração de cada etapa
rep-phase-time = { $phase }: { $minutes } min (meta { $min }–{ $max } min) — { $pace }
rep-pace-short = MAIS CURTA que a meta
rep-pace-long = mais longa que a meta
rep-pace-within = dentro da meta
rep-pace-unfinished = ainda em andamento quando a simulação terminou
rep-summary-short = Etapas mais curtas que a meta do protocolo: { $count }.
rep-h-truth = Os valores reais do paciente simulado
rep-truth-intro = Quando os valores reais do paciente simulado passaram dos limites de alerta do protocolo, e o que foi registrado nesse tempo. O gráfico traça os valores reais ao lado das aferições.
rep-truth-above = { $measure } realmente acima de { $limit } de { $from } a { $to } min (até { $extreme }); { $recorded }
rep-truth-below = { $measure } realmente abaixo de { $limit } de { $from } a { $to } min (até { $extreme }); { $recorded }
rep-truth-recorded = registrado { $values }
rep-truth-not-recorded = nada registrado nesse tempo
rep-truth-value-at = { $value } aos { $at } min
rep-truth-none = Os valores reais ficaram dentro dos limites de alerta do protocolo.

## Recusas: o que o registro não aceita, e por quê

ref-pausing-alarm-sound-needs-a-reason = silenciar o alarme exige um motivo
ref-the-protocol-sets-no-alarm-audio = o protocolo não prevê silenciar o alarme ([vitals.alarms])
ref-no-alarm-is-waiting-there-is = nenhum alarme aguardando: não há nada para silenciar
ref-a-patient-id-is-needed = o pseudônimo do paciente é obrigatório
ref-a-patient-id-cannot-contain-control = o pseudônimo do paciente não pode conter caracteres de controle
ref-an-addendum-follows-the-closing-until = o adendo vem depois do encerramento; até lá, o registro é feito normalmente
ref-an-author-s-name-cannot-be = o nome do autor não pode ficar em branco nem conter caracteres de controle
ref-a-time-taken-cannot-be-later = o horário informado não pode ser posterior ao próprio registro
ref-a-tick-is-put-right-by = uma marcação se corrige marcando ou desmarcando de novo; o diário guarda as duas
ref-an-empty-addendum-is-not-saved = um adendo vazio não é salvo
ref-the-session-has-already-started = a sessão já começou
ref-an-empty-note-is-not-saved = uma nota vazia não é salva
ref-a-bolus-cannot-be-paused = um bolus não pode ser pausado
ref-the-infusion-is-not-running = a infusão não está em andamento
ref-the-infusion-is-not-paused = a infusão não está pausada
ref-the-infusion-has-not-started-untick = a infusão não começou: desmarque o consentimento
ref-consent-withdrawal-is-already-recorded = a retirada do consentimento já está registrada
ref-the-infusion-is-not-under-way = a infusão não está em andamento nem pausada
ref-music-is-already-playing = a música já está tocando
ref-check-ins-belong-to-the-dosing = as checagens são feitas na fase de infusão
ref-the-debrief-follows-the-dosing = a conversa sobre a experiência vem depois da infusão
ref-alarm-sound-is-not-paused = o som do alarme não está silenciado
ref-no-music-is-playing = nenhuma música tocando
ref-this-is-the-last-phase-close = esta é a última fase: encerre a sessão
ref-the-infusion-has-not-been-started = a infusão não foi iniciada; informe um motivo para avançar sem ela
ref-the-infusion-has-already-been-started = a infusão já foi iniciada
ref-audio-pause-cap = o som do alarme pode ser silenciado de 1 a { $cap } min enquanto um alarme de { $priority } aguarda
ref-other-protocol = esta sessão foi registrada com o protocolo "{ $recorded }", não "{ $given }"
ref-no-earlier-time = um registro do tipo "{ $kind }" não pode ter horário anterior: só medidas, notas, respostas, marcações, checagens, medicações e a cetamina podem
ref-before-start = { $at } é antes do início da sessão ({ $start })
ref-already-corrected = o registro { $entry } já foi corrigido, pelo registro { $by }
ref-no-entry = não existe o registro { $entry } para corrigir
ref-same-kind = o registro { $entry } é do tipo "{ $kind }": é substituído por um registro do mesmo tipo, para o mesmo item
ref-not-correctable = um registro do tipo "{ $kind }" não pode ser corrigido; descreva o que aconteceu em uma nota
ref-gate-locked = "{ $prompt }" liberava a infusão, que já começou: não pode ser desmarcado. Se o paciente retirar o consentimento, registre isso (W), o que interrompe a infusão
ref-no-prompt = não existe o item "{ $prompt }"
ref-not-asked = o item "{ $prompt }" não é perguntado na sessão { $session }
ref-already-acknowledged = o alerta { $alert } já foi reconhecido
ref-no-alert = não existe o alerta { $alert }
ref-unknown-support = "{ $support }" não é um dos apoios do protocolo
ref-debrief-started = o tempo de conversa já começou às { $at }
ref-wrong-kind = o item "{ $prompt }" é { $kind ->
    [text] um item de texto
    [check] um item de checklist
    [yes-no] uma pergunta sim/não
    [choice] uma escolha única
    [multi-choice] uma escolha múltipla
    [number] um valor numérico
    [time] um horário
    [scale] uma escala
   *[other] um item do tipo { $kind }
}
ref-infusion-phase = a infusão começa na fase "{ $phase }"
ref-close-from-last = a sessão é encerrada na sua última fase ({ $phase }); caso contrário, informe um motivo para encerrá-la antes
ref-reason-needed = é preciso um motivo para { $what }

## Itens digitados: dicas, valores e recusas

value-yes = sim
value-no = não
value-none = nenhum
value-score = escore { $score }
hint-yes-no = s ou n
hint-multi-choice = vários, ex.: 1,3; 0 para nenhum
hint-from = a partir de { $min }
hint-up-to = até { $max }
hint-number = um número{ $range }
hint-time = HH:MM, ou agora
value-time-on = { $time } em { $date }
value-not-a-choice-number = { $number } não é uma das opções (1 a { $count })
value-not-a-choice = "{ $typed }" não é uma das opções: { $choices }
value-ambiguous-choice = "{ $typed }" corresponde a mais de uma opção: { $choices }
value-nothing-entered = nada digitado — { $hint }
value-answer-yes-no = "{ $typed }": responda { $hint }
value-not-a-number = "{ $typed }" não é um número
value-not-a-time = "{ $typed }" não é um horário: escreva HH:MM
value-whole-numbers = "{ $typed }": digite números inteiros — { $hint }
value-items-count = { $entered ->
    [0] { $entered } números digitados
    [one] { $entered } número digitado
   *[other] { $entered } números digitados
}, { $items ->
    [one] { $items } item a pontuar
   *[other] { $items } itens a pontuar
}
value-one-number = digite um só número — { $hint }
hint-scale-items = { $count ->
    [one] { $count } número
   *[other] { $count } números
} de { $min } a { $max }, nesta ordem: { $items }
value-not-typed = o item "{ $prompt }" não é preenchido pelo teclado
value-wrong-type = um valor do tipo { $value } não serve para o item { $kind } "{ $prompt }"
value-not-one-of = "{ $value }" não é uma das opções: { $choices }
value-nan = não é um número
value-outside-range = { $value } está fora da faixa permitida, { $min }–{ $max }
value-below-min = { $value } está abaixo do mínimo de { $min }
value-above-max = { $value } está acima do máximo de { $max }
value-not-time-of-day = "{ $value }" não é um horário válido (00:00–23:59)
value-rates-items = "{ $prompt }" pontua cada subitem: digite um número por subitem
value-outside-scale = { $value } está fora da escala { $min }–{ $max }
value-item-not-rated = o subitem "{ $item }" não foi pontuado
value-item-outside-scale = "{ $item }": { $value } está fora da escala { $min }–{ $max }
value-not-an-item = "{ $item }" não é um subitem desta escala
flash-alert-raised = ALERTA disparado

## A linha de comando: retomar, status, histórico, exportação

cli-no-unfinished-sessions = Nenhuma sessão inacabada em { $folder }
cli-no-unfinished-rehearsals = Nenhuma simulação inacabada em { $folder }
cli-unfinished-sessions = Sessões inacabadas:
cli-unfinished-rehearsals = Simulações inacabadas:
cli-unfinished-line = { $id }  paciente { $patient }  sessão { $session }  { $protocol }  iniciada em { $started }  último registro { $last }  ({ $entries ->
    [one] { $entries } registro
   *[other] { $entries } registros
})
cli-continue-with = Para retomar uma: kap resume ID
cli-no-session-id = nenhuma sessão "{ $id }" em { $folder }
cli-no-rehearsal-id = nenhuma simulação "{ $id }" em { $folder }
cli-it-is-a-rehearsal = é uma simulação: `kap resume --rehearsal ID`
cli-it-is-a-session = é uma sessão real: `kap resume ID`
cli-rehearsal-word = SIMULAÇÃO
cli-status-head = paciente { $patient } — { $protocol } — { $session } — administrado: { $given }
cli-status-head-visit = paciente { $patient } — { $protocol } — { $visit }
cli-status-started = iniciada em { $at }
cli-status-ended-early = encerrada antes do previsto às { $at }
cli-status-closed = encerrada às { $at }
cli-status-phase = fase { $phase } de { $phases }: { $title }
cli-status-infusion = { $what ->
       *[infusion] infusão
        [bolus] observação
    } { $state ->
    [running] em andamento
    [paused] pausada
    [completed] concluída
   *[stopped] interrompida
}: { $elapsed } decorridos
cli-status-remaining = faltam { $left }
cli-status-counts = { $vitals ->
    [0] { $vitals } aferições de sinais vitais
    [one] { $vitals } aferição de sinais vitais
   *[other] { $vitals } aferições de sinais vitais
}, { $notes ->
    [0] { $notes } notas
    [one] { $notes } nota
   *[other] { $notes } notas
}
cli-status-alert = ALERTA { $what } — { $action }
cli-transaction-fhir-only = --transaction só se aplica a --format fhir
cli-transaction-unverified = aviso: o diário não passou na verificação sem ressalvas; uma transaction não pode levar o OperationOutcome que informa isso (as exportações collection e Markdown levam)
cli-wrote = gravado: { $path }
cli-no-sessions-for = Nenhuma sessão para o paciente { $patient }.
cli-no-rehearsals-for = Nenhuma simulação para o paciente { $patient }.
cli-history-head = { $protocol } — paciente { $patient }
cli-history-no-dosing = sem administração
cli-history-line = { $date }  { $session }  administrado { $given }  { $what ->
       *[infusion] infusão
        [bolus] observação
    } { $infusion }  { $alerts ->
    [0] { $alerts } alertas
    [one] { $alerts } alerta
   *[other] { $alerts } alertas
}  { $status }  { $id }
cli-history-debrief = conversa: { $debrief }
cli-history-goals = metas ({ $kind }):

## protocol check, show e dose

proto-not-usable = { $file }: { $errors ->
    [0] { $errors } erros
    [one] { $errors } erro
   *[other] { $errors } erros
} — protocolo inutilizável
proto-ok = { $file } — { $name } v{ $version } ({ $sessions ->
    [one] { $sessions } sessão
   *[other] { $sessions } sessões
}, { $phases ->
    [one] { $phases } fase
   *[other] { $phases } fases
}){ $warnings ->
    [0] {""}
    [one] , { $warnings } aviso
   *[other] , { $warnings } avisos
}
proto-refused = recusado: { $reason }
proto-site-sets = definido pelo serviço: { $keys }
proto-population = População: { $population }
proto-source = Fonte [{ $id }]: { $citation }
proto-reviewed = Valores locais validados por { $who }
proto-reviewed-on = Valores locais validados por { $who } em { $date }
proto-not-reviewed = Valores locais: AINDA NÃO VALIDADOS pelo serviço
proto-course = Tratamento: { $sessions ->
    [one] { $sessions } sessão de dose
   *[other] { $sessions } sessões de dose
}
proto-default = padrão { $dose }
proto-no-amount = sem quantidade
proto-step = { $label } { $amount } em { $minutes } min
proto-in-steps = em etapas: { $steps }
proto-then = depois
proto-no-dose = sem dose
proto-at-most = no máximo { $mg } mg
proto-over = em { $minutes } min
proto-session = sessão { $sessions }
proto-aim-days = ideal { $min }–{ $max } dias
proto-at-most-days = no máximo { $max }
proto-interval = antes da sessão { $sessions }: { $label } (pelo menos { $min ->
    [0] { $min } dias
    [one] { $min } dia
   *[other] { $min } dias
}{ $rest })
proto-maintenance = após o tratamento: { $label }, a cada { $min }–{ $max } meses, com a dose da sessão { $session }
proto-goals = metas: pelo menos { $min } { $kind }
proto-integration = integração em até { $min }–{ $max } h após cada dose
proto-phases = Fases da sessão:
proto-session-only = só na sessão { $sessions }
proto-maintenance-only = só nas sessões de manutenção
proto-optional = opcional
proto-gate = condição: { $reason }
proto-vitals = Sinais vitais: a cada { $min }–{ $max } min
proto-alert = alerta { $id }
proto-music = Música: playlist de { $min }–{ $max } min; sem música, checar o paciente a cada { $checkin } min
proto-support = apoio: { $label }
proto-site-values-none = Valores definidos pelo serviço: nenhum listado em [site] values (todo valor tem fonte)
proto-site-values = Valores definidos pelo serviço ({ $count }; os artigos de origem não os dão):

## Modo leitor de tela: as palavras digitadas (a palavra em inglês também sempre funciona)

reader-word-ack = reconhecer
reader-word-next = avancar avançar proxima próxima
reader-word-back = voltar
reader-word-close = encerrar
reader-word-end = terminar
reader-word-withdraw = retirar
reader-word-who = quem
reader-word-audio = silenciar
reader-word-timeline = cronologia linha
reader-word-addendum = adendo
reader-word-note = nota
reader-word-measure = medida
reader-word-start = iniciar
reader-word-pause = pausar pausa
reader-word-stop = interromper parar
reader-word-music = musica música
reader-word-choose = escolher
reader-word-checkin = checar checagem
reader-word-debrief = conversa
reader-word-chimes = avisos
reader-word-louder = aumentar
reader-word-softer = diminuir
reader-word-track = faixa
reader-word-cuff = manguito
reader-word-faster = acelerar
reader-word-slower = desacelerar
reader-word-freeze = congelar
reader-word-recreate = recriar
reader-word-help = ajuda
reader-word-quit = sair
reader-word-patient = paciente
reader-word-session = sessao sessão
reader-word-weight = peso
reader-word-mgkg = mgkg
reader-word-clinician = profissional
reader-word-resume = retomar
reader-word-vitals = sinais ssvv vitais
reader-word-answer = responder
reader-word-tag = etiqueta
reader-word-goals = metas
reader-word-time = hora
reader-word-status = situacao situação
reader-word-void = engano
reader-word-correct = corrigir
reader-word-monitor = monitor
reader-word-cancel = cancelar
reader-word-play = reproduzir tocar
reader-word-previous = anterior
reader-word-jump = ir pular
reader-word-at = em
reader-word-entries = registros lista
reader-word-more = mais
reader-word-where = onde
reader-word-branch = ramificar

## Modo leitor de tela: o que ele diz

reader-not-start-command = "{ $line }" não é um comando da tela inicial: { $words }
reader-answer-takes = { $word } recebe o número de um item e depois a resposta
reader-goals-how = digite as metas em uma linha, separadas por ponto e vírgula: { $word } primeira; segunda
reader-addendum-how = um adendo é digitado assim: { $word } TEXTO porque MOTIVO
reader-takes-nothing = "{ $word }" não recebe nada depois
reader-not-a-command = "{ $line }" não é um comando aqui; digite { $help } para ver a lista
reader-correction-takes = { $word } recebe o número de um registro (a linha do tempo os mostra) e depois: porque MOTIVO
reader-correction-needs = { $word } { $entry } … precisa de: porque MOTIVO
reader-numbered-from-1 = os itens são numerados a partir de 1
reader-tag-takes = a etiqueta deve ser uma de: { $tags }
reader-help-start = Comandos da tela inicial: { $patient } ID; { $session } N; { $weight } KG; { $mgkg } X (vazio para o padrão do protocolo); { $clinician } NOME, FUNÇÃO (vários, separados por ponto e vírgula); { $start }; { $resume } (uma sessão inacabada deste paciente); { $quit }.
reader-help-answer = Responda a um item pelo número: 3 sozinho marca um item de checklist ou pede a resposta; 3 seguido de texto responde na hora.
reader-help-vitals = Os sinais vitais são digitados como são lidos: 128/82 76 97 (ou { $vitals } seguido de uma leitura).
reader-help-note = { $note } TEXTO salva uma nota; { $tag } N salva uma etiqueta rápida; { $goals } A; B; C define as metas.
reader-help-late = Um registro tardio diz no final quando foi feito: 128/82 76 97 @10:42, ou -5m; uma nota ou resposta aceita @10:42 ou @-5m.
reader-help-timeline = { $timeline } lê cada registro em ordem com o seu número; { $void } N porque MOTIVO marca um como registrado por engano; { $correct } N VALOR porque MOTIVO o substitui; { $who } passa os registros ao próximo profissional presente.
reader-help-time = { $time } diz a hora e o cronômetro da infusão; { $status } lê a fase de novo; { $monitor } lê o monitor simulado.
reader-help-cancel = Em uma pergunta, { $cancel } fecha sem salvar.
reader-hello = kap { $version }, modo leitor de tela. Cada linha é um comando; digite { $help } para ver a lista.
reader-too-long = Essa linha tem mais de { $max } caracteres e não foi lida.
reader-not-answered = Sem resposta: { $title }.
reader-not-understood = Não entendi.
reader-not-understood-why = Não entendi: { $why }.
reader-stays-open = A sessão continua aberta em { $path } — kap resume a retoma.
reader-input-ended-left = A entrada terminou; o kap foi fechado.
reader-left = O kap foi fechado.
reader-no-prompt = Não há item { $number } aqui (esta fase tem { $count }).
reader-type-answer = Digite a resposta para "{ $prompt }" em uma linha ({ $cancel } desiste).
reader-holding = Impede o avanço: { $hold }.
reader-alert-waiting = Alerta { $alert } aguardando: { $what }.
reader-earlier-alarm = Alarme { $id } às { $at }: { $what }
reader-earlier-addendum = Adendo às { $at }: { $text }
reader-repeat-pending = Aguardando repetição: { $measure } estava em { $value }; repita a medida a partir das { $at } para confirmar ou descartar o alarme
reader-no-monitor = Não há monitor simulado nesta sessão.
reader-monitor = Monitor: frequência cardíaca { $hr }; SpO₂ { $spo2 }; pressão arterial { $bp }.
reader-no-signal = sem sinal
reader-bp-not-taken = não aferida (digite { $cuff })
reader-bp-at = { $bp } às { $at }
reader-it-is = Agora: { $clock }.
infusion-ran-left = { $ran } decorridos; faltam { $left }.
infusion-ran = { $ran } decorridos.
reader-alarm-high = ALARME DE PRIORIDADE ALTA
reader-alarm-medium = ALARME DE PRIORIDADE MÉDIA
reader-alarm-low = ALARME DE PRIORIDADE BAIXA
reader-attention = Atenção: { $text }
reader-alarm = { $priority } { $id }: { $what }. Conduta: { $advice }. Digite { $ack } para reconhecer.
reader-recreate = Digite { $word } para recriar a pasta.
reader-not-saved = ALERTA TÉCNICO: NÃO SALVO — { $error }.{ $fix }
reader-not-given = não informado
reader-protocol-default = o padrão do protocolo
reader-not-named = ninguém informado
reader-new-session = Nova sessão pelo protocolo { $protocol } ({ $sessions ->
    [one] { $sessions } sessão
   *[other] { $sessions } sessões
}). Paciente { $patient }; sessão { $session }; peso { $weight }; mg/kg { $mgkg }; profissionais presentes { $clinicians }.
reader-new-rehearsal = Nova simulação pelo protocolo { $protocol } ({ $sessions ->
    [one] { $sessions } sessão
   *[other] { $sessions } sessões
}). Paciente { $patient }; sessão { $session }; peso { $weight }; mg/kg { $mgkg }; profissionais presentes { $clinicians }.
reader-dose = Dose da sessão { $session }: { $mg } mg { $route } ({ $arithmetic }). Digite { $start } para começar.
reader-not-ready = Ainda não: { $reason }.
reader-outside-dates = Hoje está fora das datas do protocolo ({ $window }): será pedido um motivo.
reader-refused = Recusado: { $reason }.
reader-unfinished-waiting = Há uma sessão inacabada deste paciente: digite { $word }.
reader-running = { $what ->
   *[infusion] A infusão está em andamento: faltam { $left }.
    [bolus] A observação após a dose está em andamento: faltam { $left }.
}
reader-completed = { $what ->
   *[infusion] A infusão cumpriu o tempo previsto e está concluída.
    [bolus] A observação após a dose cumpriu o tempo previsto.
}
reader-vitals-due = Sinais vitais pendentes: digite como 128/82 76 97.
reader-vitals-overdue = Sinais vitais atrasados.
reader-measure-due = Pendente agora: { $measure } — digite { $word }.
reader-ended-early = A sessão foi encerrada antes do previsto.
reader-summary-written = Resumo gravado em { $path }.
reader-summary-failed = Atenção: não foi possível gravar o resumo: { $error }.
reader-signed = O registro está assinado. Digite { $addendum } para acrescentar, { $timeline } para ouvi-lo em ordem, ou { $quit }.
reader-report-written = Relatório de treinamento gravado em { $path }.
reader-report-failed = Atenção: não foi possível gravar o relatório de treinamento: { $error }.
reader-looking-back = Revendo.
reader-phase = Fase { $phase } de { $phases }: { $title }.
reader-ticked = marcado
reader-answered = respondido
reader-answered-with = respondido: { $answer }
reader-required-open = obrigatório, em aberto
reader-open = em aberto
reader-dose-start = { $what ->
   *[infusion] Dose { $mg } mg. Digite { $start } para iniciar a infusão.
    [bolus] Dose { $mg } mg. Digite { $start } quando a dose for administrada.
}
reader-forward-again = Digite { $next } para avançar de novo.
reader-answer-or-close = Digite um número para responder, { $close } para encerrar a sessão.
reader-answer-or-next = Digite um número para responder, { $next } para avançar.
spoken-ack = Reconhecer o alerta { $alert }: { $what }. Conduta: { $advice }. Digite o que foi feito, ou uma linha vazia.
spoken-quit = Sair do kap? Tudo o que foi salvo continua salvo; uma sessão aberta pode ser retomada. Digite sim ou não.
spoken-discard = A resposta tem alterações não salvas. Digite sim para salvar ou não para descartar.
spoken-music = Música ou apoio — digite o número (p N toca um trecho):
spoken-note = Digite a nota.
spoken-correct = Corrigir o registro { $entry }: { $original }. Digite o valor correto, depois "porque" e o motivo; ou só "porque" e o motivo se foi registrado por engano.
spoken-addendum = Adendo: digite o texto, depois "porque" e o motivo.
spoken-reason = { $title }. Digite o motivo.
spoken-still-open = Ainda em aberto: { $items }.
spoken-signoff = Assinar e encerrar a sessão, assinada por { $who }? Depois disso, só é possível acrescentar adendos. { $open } Digite sim ou não.
spoken-end-early = Encerrar a sessão antes do fim, assinada por { $who }? A infusão e a música param, e depois disso só é possível acrescentar adendos. { $open } Digite sim ou não; o motivo é pedido em seguida.
spoken-timeline = Linha do tempo, na ordem em que as coisas aconteceram:
spoken-timeline-how = Digite { $correct } N novo valor porque motivo, ou { $void } N porque motivo; { $cancel } fecha.

## O histórico de um alarme

transition-raised = disparado
transition-emphasis = escalonado: exibido em destaque
transition-sound-repeats = escalonado: o som se repete
transition-reminder = reanunciado: lembrete
transition-latched = travado: valor voltou à faixa, não reconhecido
transition-acknowledged = reconhecido
transition-resolved = resolvido
tl-alarm = Alarme { $id } { $what }
tl-alert = ALERTA { $id } { $priority }: { $what }
tl-alert-in-error = disparado por uma medida registrada por engano: { $reason }
tl-alert-withdrawn = retirado às { $at }: o registro { $entry }, medido antes, mostra que não havia alarme

## kap doctor

doctor-summary = { $checks } verificações: { $ok } ok, { $warn } warn, { $fail } FAIL — { $verdict }
doctor-not-ready = não está pronto: corrija as linhas FAIL
doctor-ready-warn = pronto; leia as linhas warn
doctor-ready = pronto
doctor-data-private = a pasta de dados é privada (modo { $mode })
doctor-data-open = o modo { $mode } da pasta de dados deixa o grupo ou outros usuários lerem: chmod 700 { $dir }
doctor-space-too-little = { $space }: pouco demais para guardar o registro de uma sessão
doctor-space-low = { $space }: menos de 1 GiB
doctor-encrypted = a pasta de dados está em um volume criptografado ({ $how })
doctor-not-encrypted = a pasta de dados NÃO está em um volume criptografado ({ $what }): registros clínicos armazenados deveriam estar — ative a criptografia de disco completo
doctor-encryption-unknown = não é possível saber se a pasta de dados está criptografada ({ $why }): confira manualmente
doctor-not-a-terminal = a saída padrão não é um terminal: rode kap doctor no terminal que as sessões vão usar
doctor-terminal-ok = o terminal tem { $size } (o kap precisa de 80×24)
doctor-terminal-small = o terminal tem { $size }, menos que os 80×24 de que o kap precisa: amplie a janela
doctor-terminal-unknown = não é possível ler o tamanho do terminal
doctor-no-color = NO_COLOR está definido: o kap usa o tema simples (sem cor)
doctor-term-unset = TERM não está definido: as telas do kap precisam de um tipo de terminal real (ex.: xterm-256color)
doctor-term-dumb = TERM é dumb: as telas do kap precisam de um tipo de terminal real (ex.: xterm-256color)
doctor-clock-synced = o relógio do sistema está sincronizado ({ $source })
doctor-clock-not-synced = o relógio do sistema NÃO está sincronizado ({ $source }): os horários registrados podem se desviar
doctor-clock-unknown = não é possível saber se o relógio do sistema está sincronizado ({ $source })
doctor-protocol-invalid = { $file }: protocolo inutilizável ({ $errors ->
    [0] { $errors } erros
    [one] { $errors } erro
   *[other] { $errors } erros
}; veja kap protocol check { $file })
doctor-protocol-other-warnings = { $count ->
    [one] mais { $count } aviso
   *[other] mais { $count } avisos
} (kap protocol check { $file })
doctor-protocol-signed = { $file }: válido, validado por { $by } em { $on }
doctor-protocol-undated = { $file }: válido, assinado por { $by }, mas sem data: preencha [site] reviewed_on
doctor-protocol-unsigned = { $file }: válido, NÃO validado pelo serviço: preencha [site] reviewed_by e reviewed_on
doctor-no-unfinished = nenhuma sessão inacabada
doctor-unreadable-records = um registro de sessão não pode ser lido (o kap o deixa fora de todas as listas): { $list }
doctor-unfinished-item = { $id } (iniciada em { $at })
doctor-unfinished = { $count ->
    [one] { $count } sessão inacabada
   *[other] { $count } sessões inacabadas
}: { $list } — kap resume as retoma ou encerra
doctor-and-more = e mais { $more }
doctor-space = { $free } livres de { $total } no disco da pasta de dados
doctor-colour-24bit = cores de 24 bits
doctor-colour-256 = 256 cores
doctor-colour-basic = cores básicas
start-dose-line = { $session }: { $mg } mg { $route }
start-range-line = { $session }: { $range }

## Alarmes técnicos e mensagens dos dispositivos

tech-suspended = o kap ficou suspenso ou travado por { $gap }: confira os sinais vitais e os cronômetros
tech-rehearsal-held = o kap ficou parado por { $gap } (interrompido ou suspenso): o tempo simulado foi retido, não avançou
tech-clock-ahead = o relógio do sistema saltou { $jump } para a frente: os cronômetros do kap não são afetados (contam a partir do início registrado)
tech-clock-back = o relógio do sistema voltou { $jump }: os cronômetros do kap não são afetados (contam a partir do início registrado)
tech-medium = ALARME TÉCNICO MÉDIO — { $text }
tech-recreate-failed = não foi possível recriar a pasta da sessão: { $error }
tech-alarm-device-failed = ALARME TÉCNICO ALTO — a saída de áudio dos alarmes falhou ({ $error }): os sons de alarme vão para a saída da música
flash-music-skipped = Música: "{ $track }" pulada ({ $error })
flash-audio-hiccup = Falha momentânea no áudio ({ $error }): reaberto
tech-audio-failed = ALARME TÉCNICO MÉDIO — a saída de áudio falhou ({ $error }): a sessão e seus cronômetros continuam
flash-not-saved = NÃO SALVO: { $error }
default-device = a saída padrão
flash-self-test = Autoteste do alarme: { $signals } — o tom de alarme tocou em { $device }: avise se não ouviu
by-who = por { $who }
music-option-playlist = Playlist: { $playlist }

## kap push (as palavras de status pending, sent, failed ficam como estão: scripts as leem)

push-not-configured = o push não está configurado, então nada foi enviado (o kap não faz conexões de rede até que esteja): escreva { $file } — veja docs/exports.md, "Pushing to the clinic's server"
push-insecure = aviso: allow_insecure_http está ativado: os registros vão para { $url } sem criptografia (só para testes)
push-nothing = Nada a enviar: toda sessão encerrada já foi enviada ou aguarda a próxima tentativa (kap push --status).
push-status-unreadable = aviso: { $error }; ela é enviada como se estivesse pendente, e o arquivo é substituído
push-word-rehearsal = simulação
push-word-session = sessão
push-sent = { $what } { $id } enviada para { $server }: { $resources ->
    [one] { $resources } recurso
   *[other] { $resources } recursos
} (HTTP { $status }, { $ms } ms)
push-not-sent = NÃO ENVIADA: { $what } { $id }: { $why }
push-some-failed = { $failed } de { $total } não enviadas; continuam na caixa de saída e o próximo kap push --all tenta de novo
push-configured = push: configurado para { $url } ({ $file })
push-off = push: não configurado (o kap não faz conexões de rede)
push-config-wrong = push: a configuração está errada (acima); nada pode ser enviado até que seja corrigida
push-no-closed = Nenhuma sessão encerrada em { $folder }
push-closed-summary = { $count ->
    [one] { $count } encerrada
   *[other] { $count } encerradas
}: { $summary }

## Push keeps the server true (#31)
push-updated = { $count ->
    [one]   um recurso alterado desde o envio foi atualizado no servidor (a versão anterior fica no histórico do servidor)
   *[other] { $count } recursos alterados desde o envio foram atualizados no servidor (as versões anteriores ficam no histórico do servidor)
}
fhir-addendum-title = Adendo à nota assinada

## Saídas de áudio, e para que um motivo é pedido

audio-did-not-play = a saída abriu, mas não tocou 0,2 s em { $secs } s
audio-built-without = este kap foi compilado sem áudio
audio-no-device = nenhuma saída de áudio ({ $error })
audio-alarm-device = saída dos alarmes: { $error }
audio-no-such-device = não há saída "{ $name }" (disponíveis: { $devices })
audio-device-failed = a saída de áudio falhou
reason-for-correction = uma correção
reason-for-addendum = um adendo
reason-for-pause = pausar a infusão
reason-for-withdrawal = uma retirada do consentimento
reason-for-stop = interromper a infusão antes do fim
reason-for-ending = encerrar a sessão antes do previsto

## O console do instrutor e as injeções (kap instruct)

device-cuff = manguito de PA
device-spo2-probe = sensor de SpO₂
device-sound = dispositivo de som
inject-vitals-fade = { $metric } { $change } em { $minutes } min
inject-vitals-step = { $metric } { $change } de uma vez
inject-patient = paciente: { $text }
inject-device-fails = { $device } com falha
inject-device-restored = { $device } voltou a funcionar
instruct-not-ready = a simulação está começando; tente de novo em instantes
instruct-rehearsal-ended = a simulação terminou
instruct-no-answer = a simulação não respondeu a tempo; nada foi alterado
instruct-too-many = já há { $max } conexões de instrutor abertas; feche uma antes
instruct-not-answering = a simulação não está respondendo (parada ou ocupada); tentando de novo
instruct-too-long = pedido longo demais; recusado
instruct-bad-request = pedido que o kap não entende: { $error }
instruct-no-socket = o console do instrutor não consegue se conectar a esta simulação ({ $error })
instruct-closed = a simulação está encerrada
instruct-bad-speed = a velocidade deve ficar entre 1 e 120
instruct-no-such-injection = o cenário não tem injeção chamada “{ $id }”
instruct-no-patient = esta simulação não tem paciente simulado (inicie-a com --scenario)
instruct-waiting = Aguardando a simulação…
instruct-title = kap instruct
instruct-paused = TEMPO SIMULADO PAUSADO
instruct-no-scenario = sem cenário
instruct-scenario = cenário: { $name }
instruct-phase = Etapa: { $phase }
instruct-elapsed = Tempo de administração: { $elapsed }
instruct-entered = Últimos sinais vitais registrados: { $entry }
instruct-no-alarms = Nenhum alarme pendente
instruct-meds = Resgate dado: { $list }
instruct-trainee = Tela do treinando
instruct-patient = Paciente simulado
instruct-true-bp = PA real
instruct-monitor-bp = PNI no monitor (última aferição): { $bp }
instruct-failed = Com falha: { $devices }
instruct-no-named = O cenário não nomeia injeções
instruct-named = Eventos programados (1–9)
instruct-log = Disparados
instruct-ask-change = { $metric }: variação e minutos até atingi-la (ex.: +40 5):
instruct-ask-says = O paciente diz:
instruct-bad-change = “{ $text }” não é uma variação (ex.: +40 5 ou -10)
instruct-keys = 1–9 disparar · s d h o variar sistólica, diastólica, FC, SpO₂ · t paciente diz · c manguito · p sensor de SpO₂ · m falha/volta do som · espaço pausa · + − velocidade · q sair
instruct-none-running = nenhuma simulação está rodando nesta máquina (inicie uma com `kap rehearse --scenario …`)
instruct-several = há várias simulações rodando; indique uma:
  { $ids }
instruct-cannot-attach = não foi possível conectar à simulação em { $folder }: { $error }
flash-sim-paused-by-instructor = Tempo simulado pausado pelo instrutor
flash-sim-resumed-by-instructor = O tempo simulado voltou a correr
flash-monitor-nibp-failed = Monitor: PNI — erro do manguito, sem aferição
## O resumo e o relatório de treinamento em HTML (uma página autônoma com gráfico)
html-h-chart = Gráfico
html-chart-title = { $what ->
   *[infusion] Sinais vitais, infusão, música e todos os registros ao longo do tempo
    [bolus] Sinais vitais, dose e observação, música e todos os registros ao longo do tempo
}
html-chart-caption = Os tempos são minutos desde o início da administração. Passe o mouse sobre uma marca (ou chegue a ela com Tab) para lê-la por inteiro. Linhas tracejadas: limites de alarme, sombreados do lado que dispara o alarme. Faixas: um alarme, do disparo ao reconhecimento.
html-chart-caption-truth = Linhas finas pontilhadas: os valores reais do paciente simulado, que o profissional em treinamento só via no monitor (a pressão arterial só quando o manguito era inflado).
html-axis-dosing = Minutos desde o início da administração ({ $clock })
html-axis-session = Minutos desde o início da sessão ({ $clock }; a administração não começou)
html-panel-bp = Pressão arterial (mmHg)
html-panel-hr = Frequência cardíaca (/min)
html-panel-spo2 = SpO₂ (%)
html-lane-infusion = { $what ->
   *[infusion] Infusão
    [bolus] Observação
}
html-lane-music = Música
html-lane-scenario = Cenário
html-lane-actions = Registros
html-legend-limit = limite de alarme
html-legend-alarm = alarme, do disparo ao reconhecimento
html-legend-open = alarme nunca reconhecido
html-legend-running = { $what ->
   *[infusion] infusão em andamento
    [bolus] observação após a dose
}
html-legend-paused = infusão pausada
html-legend-music = música tocando
html-legend-event = evento do cenário
html-legend-truth = valor real do paciente simulado
html-truth-series = { $what }: valor real do paciente simulado (oculto ao profissional em treinamento; o monitor mostrava a frequência cardíaca e a SpO₂, a pressão arterial só quando o manguito era inflado)
html-limit-above = { $metric } > { $limit }
html-limit-below = { $metric } < { $limit }
html-alarm-span = Alerta { $id } ({ $priority }): { $what } — disparado aos { $from } min, reconhecido aos { $to } min
html-alarm-span-open = Alerta { $id } ({ $priority }): { $what } — disparado aos { $from } min, nunca reconhecido
html-running = { $what ->
   *[infusion] Infusão em andamento { $from }–{ $to } min
    [bolus] Observação { $from }–{ $to } min
}
html-paused = Infusão pausada { $from }–{ $to } min: { $reason }
html-stopped = { $what ->
   *[infusion] Infusão interrompida antes do fim aos { $at } min: { $reason }
    [bolus] Observação encerrada antes do fim aos { $at } min: { $reason }
}
html-step = Etapa { $n } { $label } ({ $mg } mg) começa aqui
html-music = Música tocando { $from }–{ $to } min
html-scenario-event = { $at } min: { $text }
html-mark = { $at } min ({ $time }): { $text }
html-mark-by = por { $by }
html-reading = { $at } min: { $what } { $value }
html-pearls = Este relatório segue as quatro partes de um debriefing PEARLS: primeiro as reações, depois a descrição do que aconteceu, a análise de como foi conduzido e uma síntese do que levar adiante.
html-h-reactions = Reações
html-reactions-intro = Antes de olhar o gráfico: deixe o profissional em treinamento dizer como foi a simulação para ele, e escute.
html-reactions-1 = Como você está se sentindo agora que terminou?
html-reactions-2 = O que mais chamou sua atenção durante a sessão?
html-reactions-3 = Houve um momento em que você não sabia o que fazer?
html-h-description = Descrição
html-description-intro = O que aconteceu, em ordem, em um único eixo de tempo. Peça ao profissional em treinamento que conte com as próprias palavras antes de qualquer julgamento.
html-h-timeline = Todos os registros
html-col-minute = min
html-col-kind = tipo
html-col-entry = registro
html-col-by = por
html-h-analysis = Análise
html-analysis-intro = Como cada expectativa do protocolo e do cenário foi atendida. Explore por que cada escolha foi feita, não apenas se estava certa.
html-h-summary = Síntese
html-summary-intro = Encerre com o que o profissional em treinamento leva da simulação, com as próprias palavras.
html-summary-1 = O que funcionou bem e você vai continuar fazendo?
html-summary-2 = O que você fará de outro jeito na próxima vez?
html-summary-3 = Uma coisa para levar às sessões reais.
html-debrief-notes = Anotações de quem conduz o debriefing
html-export-no-scenario = A análise do treinando não está nesta exportação: a pasta desta simulação não tem cópia do cenário (ela foi feita sem cenário, ou antes de o kap guardar uma). Um relatório escrito no encerramento está em trainee-report.html, na pasta da sessão.
## Reprodução (kap replay) e ramificação de uma simulação
keys-group-replay = Reprodução (somente leitura)
key-replay-play-pause = reproduzir / pausar
key-replay-faster-slower = reprodução mais rápida / mais lenta
key-replay-previous-next-entry = registro anterior / seguinte
key-replay-timeline = registros: ir para um deles
key-replay-branch = ramificar: nova simulação a partir deste momento
key-replay-leave = sair da reprodução
header-replay = REPRODUÇÃO { $kind } { $position } ×{ $speed }
header-replay-paused = REPRODUÇÃO { $kind } { $position } pausada
header-branched = ramificada no min { $minute }
replay-kind-rehearsal = simulação
replay-kind-session = sessão real
replay-opened = Reproduzindo { $id }, somente leitura: nada é gravado. Espaço reproduz ou pausa, [ ] passam de um registro a outro, L lista os registros
replay-refused = A reprodução é somente leitura: nada pode ser registrado nem alterado aqui
replay-refused-rehearsal = A reprodução é somente leitura: nada pode ser registrado aqui. { $branch }: ramificar uma nova simulação a partir deste momento
replay-ended = Fim do registro: { $play } para reproduzir de novo desde o início, { $list } para listar os registros
replay-paused = Reprodução pausada ({ $play } para reproduzir)
replay-playing = Reproduzindo
replay-speed = Reprodução ×{ $speed }
replay-jumped = Registro { $n } de { $total }, em { $at }
replay-timeline-title = Registros
replay-timeline-hint = ↑ ↓ PgUp PgDn escolher · Enter vai até ele · Esc fecha
branch-refused-real = Uma sessão real nunca é ramificada: uma ramificação é uma simulação, e o prontuário de um paciente não é copiado para treinamento
branch-refused-negative = O momento da ramificação é anterior ao primeiro registro da simulação (os minutos contam desde o início da administração, ou desde o primeiro registro quando a administração nunca começou)
branch-refused-closed = A simulação já estava encerrada no min { $minute }: ramifique a partir de um momento anterior
branch-opened = Ramificada de { $source } no min { $minute }: uma nova simulação; a original continua intacta
reader-replay-hello = kap { $version }, modo leitor de tela. Reproduzindo a { $kind } { $id }, somente leitura: nada é gravado. { $count } registros em { $length }; pausada no primeiro. Digite { $play } para reproduzir, { $next } ou { $previous } para passar de um registro a outro, { $entries } para listá-los, { $help } para todos os comandos.
reader-replay-entry = Registro { $n } de { $total }, em { $at }: { $text }
reader-replay-entries-played = Registros { $from } a { $to } de { $total }: { $list }
reader-replay-and-more = e mais { $count } ({ $entries } lista todos)
reader-replay-list-head = Registros { $from } a { $to } de { $total }:
reader-replay-list-more = Digite { $more } para os próximos.
reader-replay-list-none = Não há registro { $from }: o prontuário tem { $total }.
reader-replay-moved = Em { $at }. O último registro até então: { $entry }
reader-replay-where = Registro { $n } de { $total }, em { $at } de { $length }; { $state }.
reader-replay-state-playing = reproduzindo a ×{ $speed }
reader-replay-state-paused = pausada
reader-replay-jump-takes = Digite { $jump } e o número de um registro, de 1 a { $total }.
reader-replay-at-takes = Digite { $at } e um momento depois do primeiro registro, em minutos (12) ou minutos e segundos (12:30), até { $length }.
reader-replay-help-play = { $play }, { $pause }: reproduzir, pausar; { $faster }, { $slower }: velocidade em dobro ou pela metade (de 1 a 480 vezes o tempo real).
reader-replay-help-step = { $next }, { $previous }: o registro seguinte ou o anterior; { $jump } 5: o registro 5; { $at } 12:30: aquele momento depois do primeiro registro.
reader-replay-help-list = { $entries }: os registros com o horário ({ $entries } 20: a partir do 20º); { $more }: os próximos; { $here }: onde está a reprodução.
reader-replay-help-look = { $status }: a fase lida de novo; { $time }: a hora e a infusão; { $monitor }: o monitor simulado.
reader-replay-help-branch = { $branch }: uma nova simulação ramificada a partir deste momento, aberta na hora (somente simulações; a original fica intacta).
reader-replay-help-quit = { $quit }: sair. Nada do que é digitado aqui é registrado: a reprodução é somente leitura.
reader-replay-not-a-command = "{ $line }" não é um comando da reprodução; digite { $help } para a lista.
cli-branched = kap: { $source } ramificada no min { $minute } em { $folder }
rep-h-injections = O que o instrutor alterou
rep-injection = { $at } min: { $what }
rep-injection-named = { $at } min: { $what } (injeção nomeada “{ $named }”)
html-instructor-mark = Instrutor: { $what }
rep-branched = Esta execução foi ramificada da simulação { $source } no minuto { $at }: o que veio antes desse momento foi do treinando original.
## Diagnósticos: problemas em um arquivo de protocolo, de cenário ou de configuração.
## Caminhos de chaves e nomes de chaves TOML ($key, $path) são código: ficam como estão.

diag-line = { $file }:{ $line }:{ $column }: { $level ->
    [warning] aviso
   *[other] erro
}: { $message }
diag-at = { $path }: { $message }
diag-cannot-read = não foi possível ler o arquivo: { $error }
diag-not-utf8 = o arquivo não é texto UTF-8 válido
pv-empty = { $key } não pode ficar vazio
pv-positive = { $key } deve ser um número positivo; valor encontrado: { $value }
pv-min-above-max = min ({ $min }) não pode ser maior que max ({ $max })
pv-at-least-one = { $key } deve ser no mínimo 1
pv-either = informe { $a } ou { $b }, não os dois
pv-no-sessions = a lista de sessões não pode ficar vazia
pv-session-outside = a sessão { $session } está fora do ciclo (sessões { $first } a { $last })
pv-session-twice = a sessão { $session } aparece duas vezes
pv-format = versão de formato { $found } não suportada; este kap lê a versão { $reads }
pv-site-unreviewed = o serviço ainda não validou os valores locais deste arquivo (limites de alarme, concentração, critérios de alta): preencha site.reviewed_by e site.reviewed_on
pv-slug = { $kind ->
    [protocol] o identificador "{ $id }" só pode ter letras minúsculas, dígitos, '-' e '_'
    [phase] o identificador de fase "{ $id }" só pode ter letras minúsculas, dígitos, '-' e '_'
    [prompt] o identificador de item "{ $id }" só pode ter letras minúsculas, dígitos, '-' e '_'
    [support] o identificador de apoio "{ $id }" só pode ter letras minúsculas, dígitos, '-' e '_'
    [item] o identificador de subitem "{ $id }" só pode ter letras minúsculas, dígitos, '-' e '_'
    [alert] o identificador de alerta "{ $id }" só pode ter letras minúsculas, dígitos, '-' e '_'
   *[limit-set] o nome do conjunto de limites "{ $id }" só pode ter letras minúsculas, dígitos, '-' e '_'
}
pv-id-twice = { $kind ->
    [source] o identificador de fonte "{ $id }" é usado duas vezes
    [phase] o identificador de fase "{ $id }" é usado duas vezes
    [support] o identificador de apoio "{ $id }" é usado duas vezes
    [item] o identificador de subitem "{ $id }" é usado duas vezes
   *[alert] o identificador de alerta "{ $id }" é usado duas vezes
}
pv-language = o idioma "{ $lang }" não é um dos idiomas do kap ({ $known })
pv-no-source = é obrigatória ao menos uma [[protocol.source]]
pv-short-name-long = o nome curto é para o cabeçalho: no máximo { $max } caracteres
pv-course-sessions = sessions deve estar entre 1 e { $max }; valor encontrado: { $found }
pv-dose-rule-twice = a sessão { $session } já tem uma regra de dose (dose_rule { $rule })
pv-no-dose-rule = nenhuma regra de dose para { $count ->
    [one] a sessão { $sessions } de { $of }: acrescente uma [[course.dose_rule]] para ela
   *[other] as sessões { $sessions } de { $of }: acrescente uma [[course.dose_rule]] para elas
}
pv-dose-as-session = dose_as_session deve indicar uma sessão do ciclo (1 a { $last }); valor encontrado: { $found }
pv-interval-twice = o intervalo antes da sessão { $session } já está definido (interval { $interval })
pv-interval-one-session = um ciclo de uma só sessão não tem intervalos
pv-below = { $key } ({ $value }) é menor que { $other } ({ $limit })
pv-above = { $key } ({ $value }) é maior que { $other } ({ $limit })
pv-no-interval = nenhum [[course.interval]] define o intervalo antes { $count ->
    [one] da sessão { $sessions }
   *[other] das sessões { $sessions }
}
pv-integration = a integração exige rolling = true, within_hours ou sessions
pv-max-mg-fixed = max_mg limita uma dose por peso (mg_per_kg); uma dose fixa tem a sua própria quantidade
pv-max-mg-ceiling = max_mg { $value } passa do teto do kap de { $ceiling } mg para qualquer sessão
pv-dose-rule-amount = uma regra de dose exige mg_per_kg ou fixed_mg
pv-mg-per-kg-ceiling = { $value } mg/kg passa do teto do kap de { $ceiling } mg/kg para qualquer sessão; o arquivo é recusado, não ajustado ao teto
pv-default-outside = a dose padrão de { $value } mg/kg está fora da faixa desta regra, { $min }–{ $max } mg/kg
pv-infusion-needs-minutes = a via "iv-infusion" exige infusion_minutes
pv-infusion-minutes-route = { $key ->
    [steps] as etapas (steps) são para a via "iv-infusion", não para: { $route }
   *[other] { $key } só se aplica à via "iv-infusion", não a: { $route }
}
pv-beside-steps = { $key } não pode acompanhar etapas: cada etapa tem a sua própria quantidade e duração
pv-two-steps = uma dose em etapas exige ao menos duas etapas; uma etapa só se escreve com mg_per_kg e infusion_minutes
pv-step-amount = uma etapa exige mg_per_kg ou fixed_mg
pv-steps-ceiling = as etapas somam { $value } mg/kg, acima do teto do kap de { $ceiling } mg/kg para qualquer sessão; o arquivo é recusado, não ajustado ao teto
pv-steps-too-long = as etapas duram { $value } min no total, mais do que uma sessão que o kap acompanha ({ $max } min)
pv-fixed-ceiling = { $value } mg passa do teto do kap de { $ceiling } mg para uma dose fixa
pv-minutes-too-long = { $key } { $value } passa da duração de uma sessão que o kap acompanha ({ $max } min)
pv-no-measure = indique ao menos uma medida a registrar
pv-measure-twice = a medida "{ $measure }" aparece duas vezes (prompted e continuous se excluem)
pv-alert-threshold = um alerta exige um limiar: above ou below
pv-confirm-after = confirm_after_minutes deve ser no mínimo 1 (omita para alertar já na primeira aferição)
pv-audio-pause = audio_pause_max_minutes deve ficar entre 1 e 30: um alarme silenciado precisa voltar
pv-high-vs-medium = um alarme de prioridade alta não pode ficar silenciado por mais tempo, nem escalar mais tarde, que um de prioridade média
pv-implausible = { $value } { $unit } não é um valor plausível de { $measure } (o kap aceita { $min }–{ $max })
pv-out-of-range = { $key } = { $value }{ $unit } está fora do que um protocolo poderia querer dizer (de { $min } a { $max }{ $unit }; veja "Plausible ranges" em docs/protocol-format.md)
pv-below-plausible = { $key } = { $value }{ $unit } está abaixo do que um protocolo poderia querer dizer (no mínimo { $min }{ $unit }; veja "Plausible ranges" em docs/protocol-format.md)
pv-limit-bound = um limite exige min, max ou os dois
pv-no-phase = um protocolo exige ao menos uma [[phase]]
pv-role-taken = o papel "{ $role }" já é da fase "{ $phase }"
pv-prompt-id-taken = o identificador de item "{ $id }" já é usado na fase "{ $phase }"
pv-no-maintenance = maintenance = true exige [course.maintenance]: este ciclo não tem sessões de manutenção
pv-no-dosing-phase = nenhuma fase tem role = "dosing": um protocolo precisa de uma fase de infusão ou administração
pv-gate-both = uma condição de passagem indica um item, sinais vitais ou um escore, só um dos três
pv-gate-neither = uma condição de passagem exige prompt, vitals ou score
pv-gate-score-not-scored = o item "{ $id }" não é uma escala com escore (kind = "scale" com itens e scoring)
pv-gate-min-score-needed = uma condição de passagem por escore precisa de min_score: o menor escore que permite seguir
pv-gate-min-score-range = min_score deve ser um escore que a escala pode dar: { $min }–{ $max }
pv-min-score-without-score = min_score é para uma condição de passagem por escore (score = "um item-escala")
pv-no-such-prompt = nenhum item tem o identificador "{ $id }"
pv-music-prompt = music.prompt indica "{ $id }", que não é um item de texto deste protocolo
pv-gate-own-phase = o item "{ $id }" pertence a esta fase: não pode ser respondido antes de a fase começar
pv-gate-later-phase = o item "{ $id }" pertence à fase "{ $phase }", que vem depois desta
pv-within-minutes-vitals = within_minutes só se aplica a condições de sinais vitais
pv-no-limit-set = não existe o conjunto de limites "{ $set }" em [vitals.limits] (existentes: { $known })
pv-no-limit-set-none = não existe o conjunto de limites "{ $set }" em [vitals.limits] (nenhum definido)
pv-only-for = { $key } só se aplica a itens { $kinds ->
    [choice] choice e multi-choice
    [number] number
   *[scale] scale
}, não a itens { $kind }
pv-needs-choices = um item { $kind } exige uma lista de opções
pv-empty-choice = uma opção não pode ficar vazia
pv-choice-twice = a opção "{ $choice }" aparece duas vezes
pv-finite = { $key } deve ser um número finito
pv-scale-min-max = o mínimo da escala ({ $min }) deve ser menor que o máximo ({ $max })
pv-anchor-outside = a âncora { $value } está fora da escala { $min }–{ $max }
pv-scoring-no-items = scoring exige subitens para combinar
pv-scoring-unknown-item = scoring cita o subitem "{ $id }", que a escala não tem
pv-due-one = due exige exatamente um entre at_minute, with_vitals e before_close
pv-due-window = at_minute exige window_minutes (quanto tempo até ficar atrasado)
pv-window-only = window_minutes só se aplica com at_minute
pv-at-minute-too-late = at_minute { $value } passa da duração de uma sessão que o kap acompanha
pv-site-value-unknown = site.values cita "{ $path }", que este arquivo não define (escreva os caminhos como os diagnósticos mostram, p. ex. course.interval[1].min_days)
pv-site-value-table = site.values cita "{ $path }", uma tabela inteira: cite cada valor que o serviço define
sc-implausible = { $value } não é um valor plausível de { $measure } (esperado: { $min }–{ $max })
sc-noise = noise deve ficar entre 0 e 20; valor encontrado: { $value }
sc-diastolic = a diastólica deve ser menor que a sistólica
sc-drift-order = os minutos devem seguir from_minute ≤ peak_minute ≤ end_minute
sc-from-minute = from_minute deve ser 0 ou mais
sc-minute-outside = o minuto { $value } está fora de 0–480
sc-needs = { $what ->
    [spike] um pico (spike) exige { $key }
   *[other] { $what } exige { $key }
}
sc-duration = duration_minutes deve ficar entre 0 e 480
sc-unknown-note-tag = expect_note_tag "{ $tag }" não é uma das etiquetas de nota do kap: { $tags }; para a música, use expect_music = true
sc-one-expectation = um evento espera uma só coisa: request_stop, expect_note_tag, expect_music, expect_risk, expect_rescue ou expect_agreement_kept, não várias

## Tipos de registro, como as recusas os nomeiam (o diário guarda o tipo em inglês)

event-kind-started = início da sessão
event-kind-answered = resposta
event-kind-ticked = marcação
event-kind-recorded = horário registrado
event-kind-vitals = sinais vitais
event-kind-note = nota
event-kind-advanced = mudança de fase
event-kind-dosing-started = início da administração
event-kind-dosing-paused = pausa da administração
event-kind-dosing-resumed = retomada da administração
event-kind-dosing-stopped = interrupção da administração
event-kind-alert-acknowledged = reconhecimento de alerta
event-kind-music-chosen = escolha de música
event-kind-music-started = início da música
event-kind-music-stopped = parada da música
event-kind-music-ended = fim da música
event-kind-track-changed = troca de faixa
event-kind-music-problem = problema na música
event-kind-checked-in = checagem
event-kind-goals-set = metas
event-kind-debrief-started = início da conversa
event-kind-closed = encerramento
event-kind-abandoned = encerramento antecipado
event-kind-consent-withdrawn = retirada do consentimento
event-kind-corrected = correção
event-kind-addendum = adendo
event-kind-alarm-audio-paused = silenciamento do alarme
event-kind-alarm-audio-resumed = retomada do som do alarme
event-kind-alarm-self-test = autoteste do alarme
event-kind-technical-alarm = alarme técnico

## Etiquetas rápidas das notas, como aparecem (diário e cenários guardam a etiqueta em inglês)

note-tag-nausea = náusea
note-tag-vomiting = vômito
note-tag-distress = angústia
note-tag-tearful = choro
note-tag-bp-intervention = intervenção na PA
note-tag-dizziness = tontura
note-tag-anxiety = ansiedade
note-tag-asked-to-stop = pediu para parar
note-tag-touch = toque de apoio

## Times taken late, and command-line errors written in code

late-not-a-time = { $at } não é um horário válido
late-in-future = { $at } é depois de agora ({ $now }): o horário informado não pode estar no futuro
late-minutes-ago = "{ $typed }": minutos atrás se escrevem -5m (no máximo um dia)
late-not-time-of-day = "{ $typed }" não é um horário válido (HH:MM)
late-how = "{ $typed }": o horário informado se escreve 10:42 ou -5m
ref-not-replaced = este registro ({ $kind }) não é substituído; marque-o como registrado por engano, ou acrescente uma nota
closed-no-summary = não há summary.md junto ao diário
cli-give-protocol = informe um arquivo de protocolo com --protocol
cli-scenario-other-protocol = { $file }: o cenário foi escrito para o protocolo "{ $scenario }", não "{ $protocol }"
cli-speed-range = { $speed } está fora de { $min } a { $max } (vezes o tempo real)

## Um rótulo e seu valor

label-value = { $label }: { $value }

## kap push: erros de configuração e linhas de --status (a primeira palavra, pending, sent ou failed, fica em inglês: scripts a leem)

push-token-both = informe token_file ou token_env, não os dois
push-empty-path = caminho vazio
push-not-env-name = não é um nome de variável de ambiente (letras, dígitos e _)
push-timeout-range = { $value } está fora de 1 a 600
push-not-a-url = "{ $url }" não é uma URL (https://host/caminho)
push-scheme = o esquema deve ser https, não "{ $scheme }"
push-url-credentials = sem usuário nem senha na URL: coloque o token em token_file
push-url-query = sem query nem fragmento: só o endereço base do servidor
push-url-spaces = espaços ou caracteres de controle na URL
push-url-no-host = sem host na URL
push-url-invalid = URL inválida ({ $error })
push-plain-http = http:// envia os registros sem criptografia: use https:// (http:// só é aceito para 127.0.0.1, ::1 ou localhost, ou com allow_insecure_http = true para testes)
push-token-mode = { $file }: outros usuários podem ler ou alterar o arquivo do token (modo { $mode }): chmod 600 { $file }
push-token-empty = { $whence }: o token está vazio
push-token-chars = { $whence }: o token deve ser uma linha de ASCII imprimível, sem espaços
push-config-unreadable = { $file }: não foi possível ler a configuração de envio: { $error }
push-no-config-dir = nenhuma pasta de configuração encontrada para este usuário; indique a configuração de envio com --config ou { $var }
push-token-env-unset = { $file }: token_env cita ${ $name }, que não está definida (ou não é UTF-8)
push-token-file = { $file }: arquivo do token: { $error }
push-token-not-utf8 = { $file }: o arquivo do token não é texto UTF-8
push-describe-pending = pending: ainda não enviada
push-describe-sent = sent em { $at } para { $server } (HTTP { $status }, { $ms } ms, { $resources ->
    [one] { $resources } recurso
   *[other] { $resources } recursos
}{ $tries ->
    [1] {""}
   *[other] , após { $tries } tentativas
})
push-describe-failed = failed { $tries ->
    [one] { $tries } vez
   *[other] { $tries } vezes
} (última: { $at }): { $error } — próxima tentativa a partir de { $next }
push-not-status-file = { $file }: não é um arquivo de status de envio ({ $error })
push-status-other-session = { $file }: o arquivo é da sessão "{ $session }", não da sessão desta pasta

## kap doctor: o que as verificações encontraram

doctor-folder-exists = a pasta de dados { $folder } existe
doctor-folder-not-folder = a pasta de dados { $folder } não é uma pasta
doctor-folder-no-parent = a pasta de dados { $folder } não existe e não tem nenhuma pasta acima que exista
doctor-folder-cannot-create = a pasta de dados { $folder } não existe e não pode ser criada: { $parent } não é uma pasta
doctor-folder-created-later = a pasta de dados { $folder } ainda não existe; o kap a cria (modo 0700) na primeira sessão
doctor-folder-writable = a pasta de dados aceita gravação
doctor-parent-writable = { $parent } aceita gravação, então o kap pode criá-la
doctor-cannot-write = não foi possível gravar em { $folder }: { $error }
doctor-space-unreadable = não foi possível ler o espaço livre: { $error }
doctor-probe-left = { $file } foi gravado mas não pode ser removido: { $error }
doctor-cannot-resolve = não foi possível resolver { $folder }
doctor-no-mountinfo = não há /proc/self/mountinfo neste sistema
doctor-mount-not-listed = o ponto de montagem não está em /proc/self/mountinfo
doctor-fs-on = { $fstype } em { $mount }
doctor-no-disk = { $on }, que não tem disco próprio para verificar
doctor-no-block-device = { $on }: nenhum dispositivo de bloco encontrado para { $source }
doctor-luks = dm-crypt/LUKS { $name } sobre { $source }
doctor-no-sync-answer = nenhuma resposta do timedatectl e nenhum estado do systemd-timesyncd
doctor-cannot-print = kap doctor: não foi possível gravar o relatório: { $error }
doctor-no-data-folder = sem pasta de dados: { $error } (defina KAP_DATA_DIR)
doctor-boottime = CLOCK_BOOTTIME marca { $since } desde a inicialização (o timer da infusão conta a suspensão)
doctor-no-boottime = não foi possível ler CLOCK_BOOTTIME ({ $error }): o timer da infusão precisa dele
doctor-time-zone = fuso horário { $zone } (de { $from }), agora UTC{ $offset }
doctor-no-time-zone = nenhum fuso horário definido (sem TZ, sem /etc/localtime): os horários são registrados em UTC{ $offset }
doctor-audio-off = som desligado por KAP_AUDIO=off
doctor-audio-not-built = este kap foi compilado sem áudio: a música precisa vir de outro aparelho
doctor-audio-unavailable = { $why }: a música não pode tocar
doctor-audio-ok = o dispositivo de áudio abre e tocou 0,2 s de silêncio
doctor-audio-cannot-play = o dispositivo de áudio abre mas não consegue tocar: { $error }
doctor-protocols-unreadable = não foi possível ler a pasta de protocolos { $folder }: { $error } (--protocols DIR)
doctor-no-protocols = nenhum arquivo de protocolo (*.toml) em { $folder }
doctor-push-broken = push: a configuração está errada, nada pode ser enviado: { $why }
doctor-token-file-private = token do arquivo { $file }, legível só por você
doctor-token-file-open = outros usuários podem ler o arquivo do token (modo { $mode }): chmod 600 { $file } — o kap push o recusa até lá
doctor-token-file = token do arquivo { $file }
doctor-token-unreadable = o arquivo do token não pode ser lido: { $error }
doctor-token-env = token de ${ $name }
doctor-token-env-unset = ${ $name } não está definida aqui (um cron ou timer também precisa defini-la)
doctor-no-token = sem token: as requisições não levam cabeçalho Authorization
doctor-push-insecure = allow_insecure_http: os registros vão sem criptografia (só para testes)
doctor-push-failed = { $failed ->
    [one] { $failed } sessão não pôde ser enviada
   *[other] { $failed } sessões não puderam ser enviadas
} (kap push --status)
doctor-push-configured = push: configurado para { $url } ({ $token }){ $waiting ->
    [0] {""}
    [one] ; { $waiting } sessão encerrada aguardando envio
   *[other] ; { $waiting } sessões encerradas aguardando envio
}

## --help. Nomes de opções, variáveis e arquivos ficam como estão.

cli-help-kap = Um companheiro de terminal para sessões de administração da psicoterapia assistida por cetamina
cli-help-kap-long = O kap conduz o profissional por uma sessão de administração da psicoterapia assistida por cetamina, como o arquivo de protocolo a descreve, e mantém um registro que resiste a uma falha do sistema.

    O kap é um apoio à documentação e ao fluxo de trabalho, não um dispositivo médico. Os limites de alarme e todos os outros valores locais de um arquivo de protocolo cabem ao serviço definir e validar.
cli-help-kap-after = Variáveis de ambiente:
      KAP_DATA_DIR   onde os registros ficam guardados (padrão: ~/.local/share/kap)
      KAP_LANG       o idioma do kap sem --lang: en, fr-CA ou pt-BR
      KAP_PUSH_CONFIG  a configuração de envio do serviço para `kap push` (padrão: ~/.config/kap/push.toml, senão /etc/kap/push.toml)
      KAP_SITE_DIR   os arquivos próprios do serviço (padrão: /etc/kap): protocols/, scenarios/, playlists/, push.toml, clinicians.toml, monitor.toml
      KAP_MONITOR_CONFIG  as configurações do monitor de beira de leito (padrão: ~/.config/kap/monitor.toml, senão /etc/kap/monitor.toml)
      KAP_SHARE_DIR  protocolos, cenários e playlists fornecidos (padrão: /usr/share/kap)
      KAP_AUDIO=off  sem som
      NO_COLOR       o tema simples
      ACCESSIBLE     o modo leitor de tela (como --screen-reader)

    Um caminho relativo de protocolo, cenário ou playlist é procurado na pasta de trabalho, depois na pasta do serviço, depois em KAP_SHARE_DIR, depois em /usr/share/kap.

    Antes do primeiro paciente em um notebook novo, rode `kap doctor`.
cli-help-kap--lang = Idioma do kap: en, fr-CA ou pt-BR (senão KAP_LANG, o idioma do protocolo, o do sistema, inglês)
cli-help-kap-protocol = Verificar, mostrar e usar arquivos de protocolo
cli-help-kap-protocol-check = Verificar arquivos de protocolo; sai com 0 se todos forem válidos, 1 se não
cli-help-kap-protocol-check--files = Arquivos de protocolo (TOML)
cli-help-kap-protocol-show = Mostrar um protocolo, em texto ou em JSON normalizado
cli-help-kap-protocol-show--json = Mostrar o protocolo normalizado em JSON (chaves como em docs/protocol-format.md)
cli-help-kap-protocol-dose = Calcular a dose de uma sessão, com a conta
cli-help-kap-protocol-dose--session = Número da sessão no ciclo (a partir de 1)
cli-help-kap-protocol-dose--weight = Peso do paciente em kg
cli-help-kap-protocol-dose--mg-per-kg = mg/kg dentro da faixa da sessão (padrão: o do protocolo)
cli-help-kap-protocol-dose--json = Mostrar a dose calculada em JSON
cli-help-kap-run = Conduzir uma sessão de administração no aplicativo em tela cheia
cli-help-kap-run--protocol = Arquivo de protocolo (TOML)
cli-help-kap-run--patient = Pseudônimo do paciente
cli-help-kap-run--session = Número da sessão no ciclo (a partir de 1)
cli-help-kap-run--weight = Peso em kg
cli-help-kap-run--mg-per-kg = mg/kg dentro da faixa da sessão, quando o protocolo não tem dose padrão
cli-help-kap-run--clinician = Profissionais presentes: nome ou iniciais e função, separados por `;` (padrão: os informados no último início neste computador)
cli-help-kap-run--theme = Tema de cores (padrão: dim; plain quando NO_COLOR está definido)
cli-help-kap-run--playlists = Pasta das playlists M3U oferecidas na fase de intenções
cli-help-kap-run--alarm-device = Dispositivo de saída dos alarmes e avisos sonoros, separado do da música (um nome de PCM ALSA como hw:1,0, ou o início da sua descrição)
cli-help-kap-run--screen-reader = Uma transcrição linha a linha para leitores de tela em vez da tela cheia (também quando ACCESSIBLE está definido)
cli-help-kap-rehearse = Simular uma sessão em tempo acelerado (um treino, guardado à parte)
cli-help-kap-rehearse--protocol = Arquivo de protocolo (TOML)
cli-help-kap-rehearse--patient = Pseudônimo do paciente
cli-help-kap-rehearse--session = Número da sessão no ciclo (a partir de 1)
cli-help-kap-rehearse--weight = Peso em kg
cli-help-kap-rehearse--mg-per-kg = mg/kg dentro da faixa da sessão, quando o protocolo não tem dose padrão
cli-help-kap-rehearse--clinician = Profissionais presentes: nome ou iniciais e função, separados por `;` (padrão: os informados no último início neste computador)
cli-help-kap-rehearse--theme = Tema de cores (padrão: dim; plain quando NO_COLOR está definido)
cli-help-kap-rehearse--playlists = Pasta das playlists M3U oferecidas na fase de intenções
cli-help-kap-rehearse--alarm-device = Dispositivo de saída dos alarmes e avisos sonoros, separado do da música (um nome de PCM ALSA como hw:1,0, ou o início da sua descrição)
cli-help-kap-rehearse--screen-reader = Uma transcrição linha a linha para leitores de tela em vez da tela cheia (também quando ACCESSIBLE está definido)
cli-help-kap-rehearse--speed = O tempo simulado corre tantas vezes mais rápido (1 a 120)
cli-help-kap-rehearse--scenario = Arquivo de cenário: o paciente simulado (veja scenarios/)
cli-help-kap-rehearse--seed = Semente do ruído do cenário (padrão: a do próprio cenário)
cli-help-kap-resume = Listar as sessões não concluídas, ou retomar uma
cli-help-kap-resume--id = Identificador da sessão (o nome da pasta), da lista
cli-help-kap-resume--rehearsal = Simulações em vez de sessões reais
cli-help-kap-resume--status = Mostrar em que ponto está a sessão em vez de abri-la
cli-help-kap-resume--screen-reader = Uma transcrição linha a linha para leitores de tela em vez da tela cheia (também quando ACCESSIBLE está definido)
cli-help-kap-resume--alarm-device = Dispositivo de saída dos alarmes e avisos sonoros (veja `run --help`)
cli-help-kap-resume--clinician = Quem escreve agora (um adendo dias depois): seu identificador ou nome no diretório de profissionais do local (clinicians.toml)
cli-help-kap-export = Exportar uma sessão: resumo em Markdown ou HTML, sinais vitais em CSV ou Bundle FHIR R4; ou, com --course, todo o percurso de um paciente (HTML ou CSV)
cli-help-kap-export--session = Identificador da sessão (nome da pasta, como `kap history` mostra) ou caminho da pasta
cli-help-kap-export--course = O percurso de cuidado de um paciente (de cada protocolo): uma página HTML com seus gráficos (`--format html`) ou uma tabela (`--format csv`)
cli-help-kap-export--rehearsal = Com --course: os registros de simulação desse paciente
cli-help-kap-export--output = Gravar neste arquivo em vez da saída padrão
cli-help-kap-export--transaction = Só FHIR: um Bundle `transaction` que o servidor importa como está (cada recurso criado uma vez), em vez de uma `collection`
cli-help-kap-push = Enviar as sessões encerradas ao servidor FHIR da clínica (o único acesso à rede do kap, desligado até o push.toml indicar um servidor; veja docs/exports.md)
cli-help-kap-push--session = Identificador da sessão a enviar (mesmo já enviada: o servidor não acrescenta nada novo)
cli-help-kap-push--all = Enviar todas as sessões encerradas ainda não enviadas, e tentar de novo as que falharam e cuja espera acabou
cli-help-kap-push--status = Listar o estado de envio de cada sessão encerrada; não envia nada
cli-help-kap-push--config = Arquivo de configuração do serviço (padrão: $KAP_PUSH_CONFIG, senão push.toml na pasta de configuração do kap)
cli-help-kap-push--include-rehearsals = Simulações também (nunca enviadas de outra forma)
cli-help-kap-push--now = Com --all: tentar de novo as que falharam sem esperar
cli-help-kap-history = O ciclo de um paciente: cada sessão, da mais antiga para a mais recente, e as metas
cli-help-kap-history--patient = Pseudônimo do paciente
cli-help-kap-history--protocol = Só as sessões com este identificador de protocolo (padrão: todas)
cli-help-kap-history--rehearsal = Registros de simulação em vez dos reais
cli-help-kap-playlists = Listar as playlists com as faixas e a duração, e o que o kap consegue tocar
cli-help-kap-playlists--dir = Pasta das playlists M3U/M3U8
cli-help-kap-playlists--protocol = Avisar sobre playlists mais curtas que a duração de música deste protocolo
cli-help-kap-doctor = Verificar este computador antes de uma sessão: pasta de dados, áudio, terminal, relógio, protocolos, sessões não concluídas; sai com 1 se houver algum FAIL
cli-help-kap-doctor--protocols = Pasta dos arquivos de protocolo a verificar
cli-help-kap-doctor--json = Mostrar a lista de verificação em JSON
cli-help-kap-verify = Verificar cada prontuário da pasta de dados (ou das pastas indicadas): cadeia de hashes, selos, cópia do protocolo, trava, modos dos arquivos. Saída 0 quando todos estão inteiros, 1 quando há um problema, 2 sem pasta de dados
cli-help-kap-verify--paths = Pastas de sessão, pastas de dados ou pastas de pastas de sessão (padrão: a pasta de dados)
cli-help-kap-verify--json = Mostrar os problemas em JSON
cli-help-usage = Uso:
cli-lang-unknown = o kap fala en, fr-CA e pt-BR, não "{ $lang }"
cli-help-heading-commands = Comandos
cli-help-heading-arguments = Argumentos
cli-help-heading-options = Opções
cli-help-flag-help = Mostrar a ajuda
cli-help-flag-help-short = Mostrar a ajuda (mais detalhes com '--help')
cli-help-flag-help-long = Mostrar a ajuda (um resumo com '-h')
cli-help-flag-version = Mostrar a versão
cli-help-help = Mostrar esta mensagem ou a ajuda dos subcomandos indicados

## A linha de sinais vitais: o que é recusado, e mensagens técnicas

vitals-empty = nada digitado — p. ex. 128/82 76 97 ou fc 80
vitals-not-understood = "{ $typed }" não foi entendido — p. ex. 128/82 76 97, pa 130/85, fc 80, spo2 95
vitals-unlabelled = "{ $typed }": números sem rótulo devem vir depois de uma pressão arterial (128/82 76 97); senão, escreva fc 76 ou spo2 97
vitals-twice = { $what ->
    [bp] a pressão arterial foi digitada
    [hr] a frequência cardíaca foi digitada
   *[spo2] a SpO₂ foi digitada
} duas vezes
vitals-half-bp = a pressão arterial precisa dos dois números, p. ex. 128/82
vitals-implausible = { $measure } { $value } { $unit } não é plausível (esperado: { $min }–{ $max }) — confira o que foi digitado
vitals-diastolic = pressão arterial { $bp }: a diastólica deve ser menor que a sistólica — confira a ordem
tech-alarm-device = !!! ALARME TÉCNICO ALTO — { $why }: os sons de alarme vão para a saída da música
tech-recreated = Pasta da sessão recriada em { $folder }: todos os registros salvos estão nela; os registros voltam a ser salvos

## Playlists: a escolha da música e kap playlists

playlist-line = { $name } — { $tracks ->
    [one] { $tracks } faixa
   *[other] { $tracks } faixas
}, { $minutes } min
playlist-unknown-length = {" "}(+{ $count } de duração desconhecida)
playlist-missing = , { $count ->
    [one] { $count } faltando
   *[other] { $count } faltando
}
playlist-short = { $name } dura { $minutes } min, menos que os { $min }–{ $max } min do protocolo
playlist-stream = { $line }: streams e URLs não são tocados (sem uso de rede)
playlists-none = Nenhuma playlist .m3u ou .m3u8 em { $folder }
playlists-unreadable = { $file }: não foi possível ler ({ $error })
playlists-missing-mark = FALTANDO
playlists-problem = linha { $line }: { $problem }
playlists-warning = aviso: { $warning }
playlists-playback-ok = Reprodução: há um dispositivo de áudio disponível
playlists-playback-silent = Reprodução: sem som — { $why }

## Recusas, bloqueios e linhas de tela que estavam escritos no código

hold-infusion-running = { $what ->
   *[infusion] a infusão está em andamento (faltam { $left }): deixe terminar ou interrompa com um motivo
    [bolus] a observação após a dose está em andamento (faltam { $left }): deixe terminar ou encerre com um motivo
}
hold-infusion-paused = a infusão está pausada: retome, ou interrompa com um motivo
ref-dose-disagrees = a dose registrada de { $recorded } mg não é a que o protocolo dá para { $weight } kg a { $per_kg } mg/kg ({ $dose } mg)
ref-session-closed = a sessão está encerrada
ref-session-closed-hold = assinada, ela só aceita um adendo agora, com o seu motivo
ref-infusion-cannot-start = a infusão ainda não pode começar
ref-cannot-close = a sessão ainda não pode ser encerrada
ref-discharge-not-done = os itens da alta não estão todos feitos
ref-before-close-not-done = itens obrigatórios antes do encerramento não estão feitos
flash-music-marked-silent = Música marcada como tocando — sem som aqui ({ $why }): use outro player
tech-folder-gone = a pasta da sessão { $folder } foi removida, movida ou substituída; nada está sendo salvo
pair-enter-next-line = vai para a próxima linha
help-any-key-closes = qualquer tecla fecha esta ajuda
help-page = página { $page } de { $pages } · PgDn/Espaço próxima · PgUp anterior · qualquer outra tecla fecha
help-title = Teclas
key-name-enter = Enter
key-name-space = Espaço
key-name-esc = Esc
key-name-tab = Tab
audio-silent-off = som desligado (KAP_AUDIO=off)
fhir-alarm-text = alarme de { $priority } { $id }: { $headline }

## O diário: o que a verificação encontra, erros de registro, e arquivos que o kap não lê

verify-unreadable = ilegível, ignorado ({ $error })
verify-altered = falhou na verificação: o checksum não confere com o conteúdo (alterado depois de gravado)
verify-chain-broken = falhou na verificação: o vínculo com a linha anterior não confere (uma linha antes dele falta, foi movida ou alterada)
verify-sequence = registro número { $found } onde se esperava { $expected } ({ $order ->
    [repeated] repetido ou fora de ordem
   *[gap] faltam registros antes dele
})
verify-refused = ignorado: não se encaixa na sessão ({ $refusal })
verify-implausible = não confere com o prontuário: { $why }
verify-entry-at = registro { $entry } ({ $kind } às { $at }): { $finding }
verify-entry = registro { $entry }: { $finding }
verify-newer = a linha { $line } foi gravada por um kap mais novo (esquema de diário { $found }; este kap lê os esquemas 1 a { $reads }); abra com aquela versão
verify-torn = { $file }:{ $line }: o último registro foi cortado por uma falha ({ $bytes } bytes) e não foi salvo; ele é ignorado
verify-unchained = { $file }: { $count ->
    [one] { $count } registro foi gravado antes de os diários terem checksums (esquema 1): lido, mas não pode ser verificado
   *[other] { $count } registros foram gravados antes de os diários terem checksums (esquema 1): lidos, mas não podem ser verificados
}
record-no-data-dir = nenhuma pasta de dados encontrada para este usuário; defina KAP_DATA_DIR
record-protocol-copy = a cópia do protocolo guardada com a sessão não carrega:
record-no-start-entry = { $file }: o diário não tem registro de início
record-replay-refused = { $file }: o registro { $entry } não se encaixa na sessão ({ $refusal })
record-bad-id = "{ $id }" não é um identificador de sessão: são nomes de pasta como o `kap resume` lista (sem barras, sem ponto no início, sem caracteres de controle)
record-no-start = { $file }:{ $line }: o primeiro registro legível não é o início da sessão, então o prontuário não pode ser reconstruído
record-locked = { $folder }: esta sessão está aberta em outro kap ({ $holder }); feche-a lá primeiro — dois programas escrevendo no mesmo prontuário o corromperiam
record-lock-failed = { $file }: não foi possível bloquear a sessão: { $error }
lock-holder-process = processo { $pid }
lock-holder-since = , desde { $since }
lock-holder-unknown = um processo que ainda não disse quem é
record-folder-open = a pasta de dados { $folder } pode ser lida por outros usuários (modo { $mode }); os registros são sigilosos — use uma pasta que só você possa ler (chmod 700)
record-not-saved = NÃO SALVO — { $error }
record-not-a-folder = não é uma pasta
record-data-not-a-folder = não é uma pasta (verifique KAP_DATA_DIR)
input-not-regular = não é um arquivo comum (uma pasta, dispositivo ou pipe não pode ser lido como arquivo)
input-too-big = o arquivo passa dos { $kib } KiB que o kap lê
input-link-refused = um link simbólico, que o kap não segue nos seus registros (um link pode apontar para qualquer lugar)
record-unreadable-session = { $file } foi deixado de fora: { $error }

## kap push: rede e respostas do servidor

push-ca-file-error = { $file }: ca_file: { $error }
push-ca-file-empty = { $file }: ca_file não contém nenhum certificado PEM (-----BEGIN CERTIFICATE-----)
push-net-refused = conexão recusada por { $url }: nada está escutando nesse endereço (o servidor está no ar? o base_url está certo?)
push-net-timeout = nenhuma resposta de { $url } em { $secs } s
push-net-closed = a conexão com { $url } foi fechada antes da resposta ({ $error })
push-net-error = erro de rede com { $url }: { $error }
push-net-no-host = host não encontrado: o nome em { $url } não resolve (DNS; confira o base_url e a rede)
push-net-timed-out-at = nenhuma resposta de { $url } em { $secs } s (tempo esgotado em { $at })
push-net-tls = erro de TLS com { $url }: { $error }
push-net-tls-hint = o certificado do servidor não é reconhecido (ou não é para este nome): a CA própria da clínica vai em ca_file
push-net-pem = TLS: não foi possível ler um certificado: { $error }
push-net-too-big = a resposta de { $url } passa dos { $mib } MiB que o kap lê
push-net-no-connect = não foi possível conectar a { $url }
push-net-not-http = { $url } não respondeu em HTTP/1.1 ({ $error })
push-locked = outro kap push está rodando em { $folder } (trava { $lock }); tente de novo quando ele terminar
push-cannot-lock = { $lock }: não foi possível travar: { $error }
push-redirect = HTTP { $status }: o servidor mandou o kap para outro endereço{ $to }; o kap não segue redirecionamentos com um registro — coloque em base_url o endereço do próprio servidor
push-not-json = HTTP { $status }, mas a resposta não é JSON: { $body }
push-not-transaction-response = HTTP { $status }, mas a resposta não é um Bundle transaction-response (resourceType { $resource }, type { $kind })
push-entry-refused = HTTP { $status }, mas a entrada { $entry } recebeu a resposta "{ $answer }" { $why }
push-entries-unanswered = HTTP { $status }: o servidor respondeu por { $answered } das { $sent } entradas enviadas; o registro não é considerado enviado
push-empty-answer = (resposta vazia)
cli-terminal-unusable = não foi possível usar este terminal: { $error }
cli-terminal-error = erro do terminal: { $error }
cli-cannot-write-output = não foi possível gravar a saída: { $error }
cli-cannot-write-json = não foi possível gravar o JSON: { $error }
cli-warning = aviso: { $warning }
cli-lang-passed-over = aviso: o kap não tem palavras em "{ $lang }"; ele fala en, fr-CA e pt-BR
cli-help-kap-instruct = Conectar um console de instrutor a uma simulação em andamento nesta máquina: acompanhar o treinando e alterar o paciente simulado
cli-help-kap-instruct--session = Id da simulação (nome da pasta) ou pasta; padrão: a única simulação em andamento
cli-help-kap-replay = Reproduzir o diário de uma sessão nas próprias telas, somente leitura, em qualquer velocidade; uma simulação pode ser ramificada em uma nova
cli-help-kap-replay--session = Id da sessão (nome da pasta, como `kap history` mostra) ou caminho da pasta
cli-help-kap-replay--speed = O tempo reproduzido corre esta quantidade de vezes mais rápido (1 a 480)
cli-help-kap-replay--branch-at = Só simulação: iniciar uma nova simulação a partir do registro como estava esta quantidade de minutos após o início da administração (como conta o relatório de treinamento; negativo: antes), e abri-la
cli-help-kap-replay--no-open = Com --branch-at: criar a ramificação e mostrar a pasta, sem abri-la
cli-help-kap-replay--screen-reader = Uma transcrição linha a linha para leitores de tela em vez da tela cheia (também quando ACCESSIBLE está definido)
audio-silent-replay = reprodução: nada toca, nada é registrado
sc-one-start = exatamente um estado precisa de from_minute (o estado inicial); encontrados: { $found }
sc-state-twice = o estado "{ $id }" está definido duas vezes
sc-between = { $key } deve ficar entre { $min } e { $max }
sc-between-found = { $key } deve ficar entre { $min } e { $max }; encontrado: { $value }
sc-unknown-action = ação desconhecida "{ $action }"; esperado: infusion-paused, infusion-stopped, note-tag:ETIQUETA, alarm-acknowledged, vitals-entered ou timeout
sc-timeout-after = um timeout precisa de after_minutes
sc-within-after = within_minutes deve ser maior que after_minutes
sc-no-event = nenhum evento tem o id "{ $id }"
sc-no-state = nenhum estado tem o id "{ $id }"
sc-state-self = um estado não pode passar para ele mesmo
sc-otherwise-window = otherwise precisa de uma janela: um next com within_minutes
sc-state-circle = estes estados podem andar em círculo sem que o tempo passe
sc-event-id = o id deve ser único e não vazio
sc-injections-max = no máximo 9 injeções nomeadas (as teclas 1 a 9 do instrutor)
sc-injection-twice = o id "{ $id }" é usado duas vezes
sc-injection-needs-do = uma injeção nomeada precisa de pelo menos um [[injection.do]]
sc-text-long = o texto deve ter no máximo { $max } caracteres
replay-empty = { $folder }: o diário está vazio; não há nada para reproduzir
instruct-path-too-long = o caminho do socket { $path } passa dos { $max } bytes que o Linux permite: aponte KAP_DATA_DIR para uma pasta mais curta
instruct-socket-taken = outro kap já atende o socket do instrutor desta simulação
simlog-skipped = { $file }: { $count ->
    [one] uma linha ilegível foi ignorada
   *[other] { $count } linhas ilegíveis foram ignoradas
} (linha { $lines })
audio-simulated-failure = o dispositivo de som falhou (simulado)
branch-refused-after-end = A simulação termina no min { $minute }: ramifique a partir de um momento até lá
sc-text-control = o texto deve ter uma só linha, sem caracteres de controle
branch-cannot-open = a ramificação { $folder } foi criada, mas não abre: { $error }
replay-journal-read-only = { $file } está aberto para reprodução, somente leitura: nada é gravado nele
replay-no-recreate = uma reprodução não grava nada: a pasta não é recriada
push-changed-since-sent = { $count ->
    [one] ALTERADO DESDE O ENVIO: um registro (adendo ou coassinatura) ainda não está no servidor; o próximo kap push --all o envia
   *[other] ALTERADO DESDE O ENVIO: { $count } registros (adendos ou coassinaturas) ainda não estão no servidor; o próximo kap push --all os envia
}
push-still-open = { $id } ainda está aberta: só uma sessão encerrada é enviada (encerre-a, ou termine-a antes, em kap resume { $id })
push-unverified = { $id }: a verificação do diário encontrou problemas, então ele não é enviado (uma transação não consegue indicar isso); veja kap export { $id } --format md e envie o conteúdo manualmente se o serviço concordar
push-cannot-write-json = { $id }: não foi possível gerar o JSON: { $error }
push-status-not-saved = { $outcome } — e o estado do envio não pôde ser salvo: { $error }
push-status-file-unreadable = o arquivo de estado não pode ser lido: { $error }
integrity-h = Integridade do registro
integrity-intro = A verificação do diário encontrou problemas. Registros ignorados não estão neste resumo; os que falharam na verificação estão incluídos, mas podem ter sido alterados depois de gravados.
integrity-line = linha { $line } do diário: { $what }
data-dir-unusable = a pasta de dados não pode ser usada: { $error } (aponte KAP_DATA_DIR para uma pasta gravável)
data-dir-not-writable = a pasta de dados { $folder } não é gravável: { $error }
start-cannot-create = não foi possível criar o registro: { $error }
flash-cannot-resume = não foi possível retomar: { $error }
reader-alarm-replay = { $priority } { $id }: { $what }. Conduta: { $advice }.
reader-measure-due-replay = Pendente agora: { $measure }.
reader-dose-replay = Dose { $mg } mg, ainda não iniciada.

# Why a vitals gate holds (state.rs gate_status).
gate-no-limit-set = { $reason } (o protocolo não tem o conjunto de limites "{ $set }")
gate-none-recorded = nenhuma medida de { $measure } registrada
gate-too-old = a última medida de { $measure } ({ $value }) foi às { $at }, há mais de { $minutes } min
gate-score-none = { $reason } — “{ $prompt }” ainda não foi registrado
gate-score-too-old = { $reason } — “{ $prompt }” foi avaliado pela última vez às { $at }, há mais de { $minutes } min
gate-score-below = { $reason } — “{ $prompt }” teve escore { $score }, abaixo de { $min }
gate-above = { $measure } { $value } está acima do limite do protocolo ({ $limit })
gate-below = { $measure } { $value } está abaixo do limite do protocolo ({ $limit })
gate-outside = { $measure } { $value } está fora dos limites do protocolo

## a record's verdict (record/verdict.rs), kap verify (cli/verify_cmd.rs)

verdict-word-open = ABERTA
verdict-word-closed = encerrada
verdict-word-ended-early = encerrada antes do previsto
verdict-word-damaged = DANIFICADA
verdict-missing = faltam registros depois do registro { $after } (ela foi selada com { $sealed } registros)
verdict-seal-mismatch = a linha do registro { $entry } não é a que foi selada
verdict-lines = { $count ->
    [one] 1 linha falhou
   *[other] { $count } linhas falharam
} na verificação, a primeira na linha { $line }
verdict-seal-unreadable = o selo (seal.json) não pode ser lido: { $error }
seal-bad-version = formato de selo { $found } (este kap lê o formato 1)
seal-bad-hash = last_sha256 não é um SHA-256
seal-no-entries = ele não sela nenhum registro
verdict-record = prontuário { $id }: { $verdict }
verdict-not-resumed = { $id } está danificada e por isso não é continuada: { $verdict }. `kap verify` diz o que está errado; docs/backup.md explica como restaurá-la de uma cópia
verdict-seal-not-saved = o selo (seal.json) não foi salvo: { $error }
cli-damaged-records = Danificadas, não oferecidas para retomar (kap verify diz o que está errado):
cli-damaged-line = { $id }  paciente { $patient }  sessão { $session }  { $verdict }
cli-damaged-line-no-start = { $id }  paciente e sessão ilegíveis  { $verdict }
cli-history-no-start = Prontuários danificados cuja primeira entrada não pode ser lida (o kap não sabe a quem pertencem; kap verify diz o que está errado):
cli-history-no-start-line = { $status }  { $id }
push-damaged = { $id } está danificada e não é enviada como se estivesse inteira: { $verdict } (kap verify diz o que está errado)
doctor-no-damaged = nenhum prontuário danificado
doctor-damaged = { $count ->
    [one] 1 prontuário danificado
   *[other] { $count } prontuários danificados
}: { $list } — kap verify diz o que está errado
verify-cmd-line = { $path }: { $what }
verify-cmd-line-at = { $path }:{ $line }: { $what }
verify-cmd-clean = { $records ->
    [one] 1 prontuário verificado
   *[other] { $records } prontuários verificados
}: todos inteiros
verify-cmd-summary = { $records ->
    [one] 1 prontuário verificado
   *[other] { $records } prontuários verificados
}: { $problems ->
    [one] 1 problema
   *[other] { $problems } problemas
} em { $bad ->
    [one] 1 prontuário
   *[other] { $bad } prontuários
}
verify-cmd-no-path = não encontrado
verify-cmd-foreign = não é algo que o kap escreve aqui
verify-cmd-not-a-record = não é um prontuário do kap (sem journal.jsonl)
verify-cmd-not-a-file = não é um arquivo comum
verify-cmd-mode = modo { $mode }: outros usuários podem lê-lo ou alterá-lo (o kap cria arquivos 0600 e pastas 0700)
verify-cmd-protocol-copy = a cópia do protocolo não pode ser usada: { $error }
verify-cmd-journal = o diário não pode ser lido: { $error }
verify-cmd-no-start = nenhum registro de início legível: o prontuário não pode ser reconstruído

## The keys of dialogs and help (the key table)

key-dialog-save = salvar (ou próximo campo)
key-dialog-other-field = o outro campo (uma correção, um adendo)
key-dialog-cancel = cancelar (duas vezes com texto digitado)
key-confirm-yes-no = responder sim ou não
key-confirm-cancel = cancelar: nada muda
key-discard-save = salvar as alterações
key-discard-discard = descartar as alterações
key-discard-back = voltar ao editor
key-timeline-move = percorrer
key-timeline-ends = primeiro ou último registro
key-timeline-filter = só um tipo de registro
key-timeline-correct = corrigir (o original fica)
key-timeline-close = fechar
key-music-move = percorrer as opções
key-music-choose = escolher
key-music-preview = ouvir antes
key-music-close = fechar sem escolher
key-help-next-page = próxima página
key-help-previous-page = página anterior
key-help-close = fechar a ajuda (qualquer outra tecla também)
keys-group-dialog = Em uma caixa de diálogo
keys-group-confirm = Uma pergunta de sim ou não
keys-group-discard = Sair do editor com alterações
keys-group-timeline = A linha do tempo
keys-group-music = Música ou apoio
keys-group-help = Ajuda
key-name-yes = s
key-name-no = n

## Acknowledged alarms whose condition persists

alarm-standing = RECONHECIDO, a condição persiste
alarm-standing-more = mais { $count } reconhecidos
reader-alert-standing = Alarme { $alert } reconhecido, a condição persiste: { $what }.

## Agreements kept in view (protocol checks)

pv-agreement-twice = uma segunda pergunta registra o acordo "{ $agreement }" (a primeira: { $first })
pv-agreement-after-dose = o acordo "{ $agreement }" é feito antes da dose: mova a pergunta para uma fase anterior à fase de administração
pv-agreement-kind = um acordo é uma resposta, não um item do tipo { $kind }
pv-rules-out-where = rules_out pertence à pergunta de escolha de um acordo (kind = "choice" com agreement)
pv-rules-out-choice = a opção { $choice } não existe: esta pergunta tem { $count } opções, contadas a partir de 1
pv-choice-codes-where = choice_codes só vale para uma pergunta de escolha (choice ou multi-choice)
pv-choice-code-twice = a escolha { $choice } já tem um código
pv-rules-out-tag = "{ $tag }" não é uma etiqueta de nota; as etiquetas: { $known }

## Agreements kept in view

agreement-touch = toque
agreement-distress = em caso de angústia
agreement-guiding = condução
agreement-eyeshades = máscara para os olhos
agreements-line = Combinado: { $list }
ref-beyond-agreement = isto vai além do acordo ({ $agreement }: { $answer }): informe o motivo
ref-beyond-agreement-reason = uma nota além de um acordo precisa do motivo
ref-within-agreement = esta nota está dentro dos acordos: salve-a sem motivo
tl-outside-agreement = além do acordo: { $why }
reason-outside-agreement = Além do acordo — motivo

## Rescue medication and ketamine accounting

pv-drug-slug = o identificador de medicamento "{ $id }" deve usar apenas letras minúsculas, dígitos, '-' e '_'
pv-drug-twice = o identificador de medicamento "{ $id }" é usado duas vezes
pv-formulary-site-set = nenhum artigo informa este valor: cabe ao serviço defini-lo; inclua "{ $path }" em [site] values e marque a linha com SITE MUST REVIEW
pv-drugs-where = drugs pertence à pergunta do acordo de medicação (agreement = "medication")
pv-medication-kind = o acordo de medicação é de múltipla escolha: cada opção nomeia um medicamento do formulário
pv-medication-doses-kind = o acordo medication-doses é um número: o máximo de doses de cada medicamento combinado
pv-drugs-count = drugs nomeia { $drugs } medicamentos para { $choices } opções: um medicamento por opção, na ordem
pv-drug-unknown = "{ $id }" não é um medicamento do formulário (conhecidos: { $known })
agreement-medication = medicação de resgate
agreement-medication-doses = doses de resgate no máximo
med-route-iv = IV
med-route-im = IM
med-route-sc = SC
med-route-po = via oral
med-route-sl = sublingual
med-route-in = intranasal
med-route-pr = retal
med-beyond-none-agreed = nenhuma medicação de resgate foi combinada
med-beyond-not-agreed = não é a medicação combinada ({ $agreed })
med-beyond-above-max = acima da dose única máxima do formulário ({ $max })
med-beyond-more-than-agreed = mais doses do que o combinado (no máximo { $most })
med-beyond-more-than-formulary = mais doses do que o formulário permite por sessão ({ $most })
ref-med-unknown-drug = "{ $drug }" não está no formulário do protocolo (conhecidos: { $known })
ref-med-dose = a dose deve ser um número positivo
ref-med-route = { $drug } não é administrado por essa via aqui (vias do formulário: { $routes })
ref-med-given-by = informe quem administrou
ref-med-indication = informe para que foi administrado
ref-med-beyond = esta dose vai além do combinado ou permitido: informe o motivo
ref-med-within = esta dose está dentro do acordo e do formulário: salve-a sem motivo
ref-med-effect-empty = o efeito precisa ser descrito
ref-med-no-dose = a entrada { $entry } não é uma dose de resgate desta sessão
ref-med-effect-before = o efeito não pode ser reavaliado antes da administração da dose
ref-ketamine-mg = uma quantidade de cetamina é maior que 0 e de no máximo { $max } mg
ref-waste-no-witness = um descarte precisa de testemunha: o nome de uma segunda pessoa que o presenciou
ref-waste-own-witness = a testemunha deve ser uma segunda pessoa, não quem registra o descarte
ref-waste-no-recorder = um descarte é registrado por um profissional identificado, com uma segunda pessoa como testemunha
ref-ketamine-accounting = a cetamina aspirada não está toda justificada
hold-ketamine-unaccounted = cetamina: { $drawn } mg aspirados, { $given } mg administrados, { $wasted } mg descartados — { $left } mg a justificar (registre o descarte com a testemunha)
tl-med-given = { $drug } { $dose } { $route } para { $indication }, administrado por { $by }
tl-med-effect = Efeito da dose da entrada { $entry }: { $effect }
tl-ketamine-drawn = Cetamina aspirada: { $mg } mg
tl-ketamine-wasted = Cetamina descartada: { $mg } mg, testemunha: { $witness }
event-kind-medication-given = medicação de resgate
event-kind-medication-effect = efeito de medicação
event-kind-ketamine-drawn = cetamina aspirada
event-kind-ketamine-wasted = descarte de cetamina
key-medication = medicação, cetamina aspirada ou descartada
reader-word-meds = medic meds
med-title = Medicação administrada, seu efeito, ou cetamina
med-how = Digite: medicamento, dose, via, indicação (1 4 iv náusea; por 2: quem administrou; -5m: há 5 min) · 0 36: cetamina aspirada · 0 -33.2 2: descartada, testemunha 2 · efeito 1 aliviou
med-formulary-item = { $n } { $drug } { $dose } (no máximo { $max }) { $routes } · { $indications } · reavaliar em { $minutes } min
med-no-formulary = O protocolo não lista medicação de resgate: só cetamina.
med-agreed = Medicação de resgate combinada: { $drugs }
med-agreed-most = Medicação de resgate combinada: { $drugs }, no máximo { $most } { $most ->
    [one] dose
   *[other] doses
} de cada
med-agreed-none = Nenhuma medicação de resgate combinada
med-ketamine-line = 0 Cetamina: { $drawn } mg aspirados, { $given } mg administrados, { $wasted } mg descartados
med-waiting = Efeito a registrar: { $list }
med-recheck-at = { $what }, reavaliar às { $at }
med-recheck-due = { $what } administrado às { $at }, reavaliação pendente
med-recheck-now = Reavalie o efeito de { $drug } { $dose } administrado às { $at } (M)
med-given-by = Administrado por: { $names }
med-line-how = linha de medicação não reconhecida: número do medicamento, dose, via, indicação (1 4 iv náusea), ou 0 e os mg de cetamina, ou efeito e um número
med-line-no-drug = não há medicamento { $n }: o formulário tem { $count }
med-line-unit = { $drug } é administrado em { $unit }
med-line-route = qual via? { $routes }
med-line-indication = administrado para quê? Digite as palavras ou um número: { $list }
med-line-who = quem administrou? por e o número: { $names }
med-line-ketamine = cetamina: 0, depois os mg aspirados (0 36), ou menos os mg descartados e a testemunha (0 -33.2 2)
med-line-effect = efeito, depois o número da dose aguardando reavaliação ({ $count } aguardando), depois o que se observa
flash-med-saved = Salvo às { $at }: { $what }
reader-recheck-due = O efeito de uma dose de resgate deve ser reavaliado: digite { $word }, depois efeito e o número.
ref-med-given-by-not-present = { $who } não foi indicado entre os profissionais presentes ({ $present })
fhir-med-effect = efeito na reavaliação: { $effect }
sum-ketamine-drawn = { $at } cetamina aspirada: { $mg } mg
sum-ketamine-wasted = { $at } cetamina descartada: { $mg } mg, testemunha: { $witness }
sum-ketamine-balanced = Cetamina justificada: { $drawn } mg aspirados = { $given } mg administrados + { $wasted } mg descartados
sum-ketamine-mismatch = Cetamina NÃO justificada: { $drawn } mg aspirados, { $given } mg administrados, { $wasted } mg descartados — diferença de { $difference } mg
sum-h-rescue = Medicação de resgate
sum-rescue = { $at } { $drug } { $dose } { $route } para { $indication }, administrado por { $by }
sum-rescue-effect = efeito às { $at }: { $effect }
sum-rescue-no-effect = efeito não registrado
proto-formulary = Formulário (medicação de resgate e se necessário):
proto-drug = { $drug }: { $dose } em geral, { $max } no máximo, { $doses } doses por sessão; { $routes }; para { $indications }; efeito reavaliado em { $minutes } min

## FHIR: o texto legível que o kap escreve num pacote (os códigos ficam
## como seus sistemas de códigos os definem)
fhir-dose-text = { $given } administrados; previsto { $planned } mg ({ $weight } kg × { $mgkg } mg/kg), sessão { $session } de { $sessions } do tratamento
fhir-pump-rate = vazão da bomba { $rate } mL/h a { $conc } mg/mL
fhir-step-over = em { $minutes } min
fhir-step-rate = a { $rate } mL/h
fhir-steps = etapas: { $steps }
fhir-paused = pausada: { $reason }
fhir-stopped-early = interrompida antes do fim: { $reason }
fhir-protocol-action = Conduta do protocolo: { $action }
fhir-first-seen = vista primeiro às { $at }, confirmada por uma aferição repetida
fhir-sound-paused = { $at } som dos alarmes pausado por { $minutes } min — { $reason }
fhir-raised-in-error = disparado por uma aferição registrada por engano: { $why }
fhir-withdrawn = retirado às { $at }: a entrada { $entry }, aferida antes, não mostra alarme
fhir-ack-action = reconhecido — { $action }
fhir-ack-none = reconhecido, nenhuma conduta registrada
fhir-replaces = substitui a entrada { $entry } ({ $was }): { $reason }
fhir-why = motivo: { $reason }
fhir-patient = identificador pseudônimo { $patient }

## Coassinatura
ref-co-sign-after-closing = a coassinatura vem depois da assinatura: encerre a sessão primeiro
ref-co-signer-not-present = { $who } não consta entre os profissionais presentes ({ $present }); só um profissional presente pode coassinar
ref-co-sign-for-another = a coassinatura é feita por { $who } pessoalmente, não registrada em seu nome por outra pessoa
ref-co-signer-is-signer = { $who } assinou este registro; a coassinatura vem de outro profissional presente
ref-already-co-signed = { $who } já coassinou este registro às { $at }
event-kind-co-signed = coassinatura
tl-co-signed = Coassinada por { $who }
sum-signed-by = Assinada por { $by }
sum-co-signed = Coassinada por { $by } às { $at }
fhir-signature = assinatura do registro encerrado
fhir-co-signature = coassinatura do registro encerrado
cli-co-signed = Coassinada por { $who } às { $at }: { $id }
cli-co-sign-refused = Coassinatura não registrada: { $why }
cli-help-kap-cosign = Um segundo profissional presente coassina um registro encerrado (uma entrada própria depois da assinatura, que fica como estava)
cli-help-kap-cosign--session = Identificador da sessão (nome da pasta, como `kap history` mostra) ou caminho da pasta
cli-help-kap-cosign--by = Quem coassina: o nome como foi informado entre os profissionais presentes
cli-history-signed = assinada por { $by }
cli-history-co-signed = coassinada por { $by }
signoff-choose = Tab: trocar quem assina ({ $names })
spoken-signoff-choose = Para outro profissional presente assinar, digite o número dele: { $names }.
flash-signer = { $who } assina
cosign-title = Coassinar o registro
cosign-who = Coassinado por { $who }: um segundo profissional presente confirma este registro.
cosign-choose = Tab: outro profissional ({ $names })
cosign-keys = s coassinar · n ou Esc agora não
spoken-cosign = Coassinar o registro como { $who }? Podem coassinar: { $names }. Digite sim, um número, ou não.
flash-co-signed = Coassinado por { $who } às { $at }
flash-no-co-signer = Nenhum outro presente pode coassinar: os profissionais nomeados no início já assinaram
key-co-sign = coassinar (um segundo profissional presente)
closed-co-signed = coassinado por { $who } às { $at }
fhir-ketamine = cetamina
fhir-text-bp = Pressão arterial
fhir-text-hr = Frequência cardíaca
fhir-text-spo2 = SpO2

# The course report (kap export --course PATIENT --format html).
html-course-title = Percurso de cuidado: { $patient }
html-course-made = Gerado em { $date } pelo kap { $version } a partir dos { $n } registros de sessão deste computador.
html-course-protocol = { $protocol }: { $held } de { $sessions } sessões realizadas
html-course-col-date = Data
html-course-col-session = Sessão
html-course-col-state = Situação
html-course-col-dose = Cetamina dada (mg)
html-course-col-dissociation = Dissociação
html-course-col-alarms = Alarmes
html-course-col-clinicians = Profissionais
html-course-ended-early = encerrada antes: { $reason }
html-course-h-measures = Medidas de desfecho
html-course-h-sessions = Dose, dissociação e alarmes por sessão
html-course-chart-measure = { $name }: total por sessão
html-course-chart-measure-desc = Totais de 0 a { $max }, um ponto por aplicação; a linha cinza contínua é a linha de base, a tracejada o limiar de resposta, a pontilhada o limiar de remissão.
html-course-ref-baseline = linha de base { $total }
html-course-ref-response = resposta: { $percent } % abaixo da linha de base
html-course-ref-remission = remissão: abaixo de { $below }
html-course-chart-dose = Cetamina dada (mg)
html-course-chart-dose-desc = A cetamina dada em cada sessão, em mg; um traço onde nenhuma dose foi iniciada.
html-course-chart-dissociation = Dissociação (0–{ $max })
html-course-chart-alarms = Alarmes disparados
html-course-chart-alarms-desc = Os alarmes disparados em cada sessão que permanecem no registro (o de uma medida registrada por engano não conta).
cli-export-course-format = um percurso é exportado em html ou csv (--format html, --format csv)

# --- visits (issue #30) ---
pv-topics-outside-visit = topics é para uma fase de consulta ([[visit.phase]]), não de sessão de dose
pv-visit-twice = o protocolo já tem uma consulta do tipo "{ $kind }"
pv-visit-prompt-twice = o identificador de pergunta "{ $id }" é usado duas vezes nesta consulta
pv-visit-no-phase = uma consulta exige ao menos uma [[visit.phase]]
pv-visit-dosing = uma consulta não dá dose: suas fases não podem ter o papel dosing
pv-visit-gate = as fases de uma consulta não têm bloqueios (gate)
pv-visit-no-topics = o curso não tem esses temas: acrescente-os a [course.preparation] ou [course.integration]
pv-visit-sessions = as perguntas de uma consulta valem para toda consulta do tipo: sem sessions nem maintenance aqui
visit-kind-assessment = avaliação
visit-kind-preparation = preparação
visit-kind-integration = integração
visit-kind-follow-up = acompanhamento
visit-kind-maintenance-review = revisão de manutenção
visit-contact-in-person = presencial
visit-contact-phone = por telefone
visit-contact-video = por vídeo
ref-no-such-visit = o protocolo "{ $protocol }" não prevê consulta de { $kind }
start-visit-contact = o protocolo não prevê consulta de { $kind } { $contact }
start-need-visit-clinician = Informe o clínico que conduz a consulta.
course-what-preparation = consultas de preparação: { $held } realizadas (o protocolo: { $min } a { $max })
course-what-integration-held = integração após a sessão { $session }: consulta em { $at }
cli-bad-visit = "{ $kind }" não é um tipo de consulta ({ $kinds })
cli-bad-contact = "{ $contact }" não é uma forma de conduzir a consulta (in-person, phone, video)
cli-help-kap-run--visit = Uma consulta em vez de uma sessão de dose: assessment, preparation, integration, follow-up ou maintenance-review (as que o protocolo prevê); o clínico informado a conduz
cli-help-kap-run--contact = Como a consulta é conduzida: in-person (o padrão), phone ou video
cli-help-kap-rehearse--visit = Uma consulta em vez de uma sessão de dose: assessment, preparation, integration, follow-up ou maintenance-review (as que o protocolo prevê); o clínico informado a conduz
cli-help-kap-rehearse--contact = Como a consulta é conduzida: in-person (o padrão), phone ou video
start-title-visit = Nova consulta: { $kind } — { $protocol }
start-title-visit-rehearsal = Nova simulação de consulta: { $kind } — { $protocol }
start-field-visit-clinician = Clínico que conduz a consulta
start-enter-starts-visit = Enter inicia a consulta.
visit-minutes = { $min } a { $max } min
visit-done-in = feito na consulta de preparação { $number }
visit-held-by = { $kind }, conduzida por { $by }
cli-course-visit = { $date }  consulta: { $visit }  { $id }
cli-history-visit = { $date }  consulta: { $visit }  { $status }  { $id }
sum-title-visit = Consulta: { $kind } — paciente { $patient }
sum-visit = Consulta: { $visit }
visit-checklist-count = { $visits ->
    [0] Nenhuma consulta de preparação ainda: { $total } temas a abordar.
    [one] Após 1 consulta de preparação: { $done } de { $total } temas feitos.
   *[other] Após { $visits } consultas de preparação: { $done } de { $total } temas feitos.
}
reader-new-visit = Nova consulta: { $kind }, { $contact }, pelo { $protocol }. Paciente { $patient }; clínico que conduz a consulta { $clinician }. Digite { $start } para começar.
proto-visits = Consultas (sem dose):
key-dosing-session-or-visit = próximo tipo: uma sessão de dose, ou uma consulta que o protocolo prevê
reader-word-visit = consulta
reader-help-start-visit = { $visit }: o próximo tipo de encontro (uma sessão de dose, depois cada consulta que o protocolo prevê, de cada forma de conduzi-la).

## Identidade do local (patient_system e mrn_system do push.toml, clinicians.toml) e o tratamento lido do servidor da clínica
push-system-not-uri = "{ $system }" não é um sistema de identificadores: escreva uma URI (https://… ou urn:…) sem espaços e sem |
push-read-timeout-range = { $value } está fora de 1 a 60
directory-bad-text = dê uma linha de texto, sem ; nela
directory-no-system = este profissional não tem sistema de identificadores: defina system no início do arquivo ou no profissional
directory-twice = { $who } está duas vezes no diretório
directory-not-utf8 = não é texto UTF-8
start-clinician-unknown = "{ $who }" não está no diretório de profissionais do local ({ $file }): digite um identificador ou um nome dele ({ $ids })
start-field-clinic-number = Paciente (número da clínica)
start-directory-hint = Profissionais do diretório do local: { $ids }
push-mrn-lookup-failed = { $id }: o paciente da clínica não pôde ser procurado: { $error } — não enviada, guardada para enviar de novo
push-mrn-unknown = { $id }: nenhum paciente em { $url } tem o número da clínica { $number } ({ $system }) — não enviada, e o kap não cria paciente para ele; guardada até o prontuário da clínica tê-lo
push-mrn-ambiguous = { $id }: { $count } pacientes em { $url } têm o número da clínica { $number } ({ $system }) — não enviada até o prontuário da clínica ter um só; guardada para enviar de novo
push-read-status = { $url } respondeu à busca com HTTP { $status }
push-read-not-fhir = { $url } não respondeu à busca com um Bundle FHIR
course-offline = Sem conexão: mostrando só as sessões deste computador ({ $error })
course-from-server = { $count ->
    [one] Realizada em outro computador (servidor da clínica): sessão
   *[other] Realizadas em outros computadores (servidor da clínica): sessões
} { $sessions }
course-server-nothing = O servidor da clínica não tem outra sessão deste tratamento.
course-server-reading = Lendo o servidor da clínica: sessões feitas em outros computadores…
course-server-read-failed = a leitura do servidor da clínica terminou sem resposta
cli-course-elsewhere = { $date }  { $session }  { $state } — em outro computador (servidor da clínica)

## The bedside monitor's feed (kap run --monitor; docs/monitor.md)
cli-help-kap-run--monitor = Escutar os resultados HL7 do monitor de beira de leito (ORU^R01 sobre MLLP) neste endereço: PORTA ou HOST:PORTA, só local salvo se o serviço nomear um endereço da rede local (ver docs/monitor.md)
cli-help-kap-rehearse--monitor = Escutar os resultados HL7 do monitor de beira de leito (ORU^R01 sobre MLLP) neste endereço: PORTA ou HOST:PORTA, só local salvo se o serviço nomear um endereço da rede local (ver docs/monitor.md)
feed-bad-address = --monitor { $addr }: não é um endereço (informe PORTA, HOST:PORTA ou HOST)
feed-not-local = --monitor { $addr }: o kap só escuta neste computador (127.0.0.1), salvo se o serviço nomear este endereço da rede local como listen em monitor.toml
feed-cannot-listen = não foi possível escutar o monitor em { $addr }: { $error }
feed-listening = Escutando o monitor em { $addr }
feed-received = Do monitor, não confirmada: { $reading }
feed-wrong-patient = Mensagem do monitor recusada: o paciente { $sent } não é o desta sessão
feed-none-pending = Nenhuma leitura do monitor aguardando
feed-confirmed = Leituras do monitor confirmadas: { $count }
feed-rejected = Leitura do monitor rejeitada como artefato
feed-device-alarm = { $mark } MONITOR { $measure } { $value } ({ $rule })
feed-pending = ⧗ Monitor: { $count } não confirmada(s)
feed-source = de { $device }
feed-source-offset = de { $device }, relógio { $offset }
feed-mean = média { $mean }
feed-rr = FR { $rr }
tech-monitor-silent = o monitor não enviou nada há { $gap }: confira o cabo, o gateway e o paciente
ref-monitor-no-control = uma leitura do monitor precisa do id de controle da mensagem
ref-monitor-duplicate = a mensagem do monitor { $control } já está registrada
ref-monitor-no-reading = a entrada { $entry } não é uma leitura do monitor
ref-monitor-settled = a leitura do monitor { $entry } já foi resolvida pela entrada { $by }
reason-for-monitor-reject = rejeitar uma leitura do monitor
reason-monitor-reject = Por que esta leitura do monitor é um artefato?
tl-monitor-reading = Monitor { $device } (não confirmada, hora do aparelho { $time }): { $reading }
tl-monitor-confirmed = Leitura do monitor { $entry } confirmada: { $reading }
tl-monitor-rejected = Leitura do monitor { $entry } rejeitada como artefato ({ $reading }): { $reason }
key-monitor-confirm = confirmar a leitura do monitor mais antiga
key-monitor-confirm-all = confirmar todas as leituras do monitor
key-monitor-reject = rejeitar uma leitura do monitor (pergunta o motivo)
keys-group-monitor = Leituras do monitor
event-kind-monitor-reading = leitura do monitor
event-kind-monitor-confirmed = leitura do monitor confirmada
event-kind-monitor-rejected = leitura do monitor rejeitada
fhir-monitor-note = Obtida pelo monitor de beira de leito ({ $source }) e confirmada pelo clínico que fez a entrada
reader-word-confirm = confirmar
reader-word-confirmall = confirmartudo
reader-word-reject = rejeitar
feed-site-invalid = as configurações do monitor { $file } não podem ser usadas: { $error }
feed-site-unreadable = não foi possível ler as configurações do monitor { $file }: { $error }
feed-site-bad-bed = bed deve ser um rótulo de 1 a 64 caracteres, sem caracteres de controle

# rescue: a rescue dose or ketamine corrected, ketamine entered late
correct-med-how = Digite a dose como em M: medicamento, dose, via, indicação ({ $drugs }); por 2: quem administrou; @10:42 ou @-5m: o horário
correct-ketamine-how = Digite como em M: 0 36 (aspirada) ou 0 -33.2 2 (descartada, testemunha 2); @10:42 ou @-5m: o horário
sum-rescue-corrected = corrigido às { $at } por { $by }, substitui o registro { $entry }: { $reason }
# sealrow
fhir-seal = o registro como selado: registros 1 a { $last } do diário
doctor-clinicians-none = clínicos: nenhum diretório ({ $file }): os clínicos são digitados pelo nome, cada sessão com seus próprios Practitioner
doctor-clinicians-ok = clínicos: { $file } lista { $count ->
    [one] { $count } clínico
   *[other] { $count } clínicos
}, cada um com um id, um nome e um sistema de identificadores, nenhum repetido
doctor-clinicians-broken = clínicos: { $file } não pode ser usado (o formulário de início não pode escolher nele e o push não envia nada) — { $count ->
    [one] { $count } problema
   *[other] { $count } problemas
}: { $problems }
doctor-patients-off = pacientes: pseudônimos próprios do kap (o push está desligado: nada sai deste computador)
doctor-patients-kap = pacientes: sistema de pseudônimos próprio do kap, comum a todos os locais: pacientes de dois locais com o mesmo pseudônimo viram um só no servidor; defina patient_system ou mrn_system em { $file }
doctor-patients-site = pacientes: pseudônimos deste local, em { $system }
doctor-patients-mrn = pacientes: os números da clínica, em { $system } (o push encontra o Patient da clínica por ele)
push-read-too-slow = { $url } não deu todo o curso em { $seconds } s
push-read-too-many = { $url } tem mais de { $most } encontros deste paciente: demais para contar o curso
push-read-next-elsewhere = { $url } deu uma próxima página fora do seu próprio endereço: não seguida
# --- devalarm (issue #32: device alarms in the record) ---
ref-device-alarm-none = nenhum alarme de dispositivo da regra { $rule } foi disparado pela leitura do monitor { $entry }
ref-device-alarm-acknowledged = o alarme de dispositivo { $rule } já foi reconhecido pela entrada { $by }
event-kind-monitor-alarm-acknowledged = alarme de dispositivo reconhecido
flash-device-alarm-acknowledged = Alarme do monitor reconhecido ({ $rule })
tl-device-alarm = Alarme de dispositivo do monitor: { $priority } { $measure } { $value } ({ $rule }), fora do limite desde { $since }; valores { $values }
tl-device-alarm-rejected = disparado por leituras do monitor depois rejeitadas como artefatos (entradas { $entries })
tl-device-alarm-ended = Fim do alarme de dispositivo do monitor { $rule }: de volta ao limite (leitura do monitor { $entry }), após { $lasted }
tl-device-alarm-acknowledged = Alarme de dispositivo do monitor { $rule } (disparado pela leitura do monitor { $entry }) reconhecido
sum-h-device-alarms = Alarmes de dispositivo (do monitor)
sum-device-alarms-intro = Calculados a partir das leituras do monitor, não de uma entrada do clínico; os horários são os da tomada das leituras pelo monitor (o horário do dispositivo, quando ele o informa).
sum-device-alarm-line = { $at }: { $priority } { $measure } ({ $rule }), fora do limite desde { $since }; valores { $values } (pior { $worst }); { $end }; { $ack }
sum-device-alarm-ended = terminou às { $at } após { $lasted }
sum-device-alarm-standing = ainda ativo no fim do registro
sum-device-alarm-ack = reconhecido às { $at } (entrada { $entry })
sum-device-alarm-not-ack = não reconhecido no kap
sum-device-alarm-rejected = disparado por leituras depois rejeitadas como artefatos (entradas { $entries }): permanece no registro
fhir-device-alarm-text = Alarme de dispositivo do monitor, prioridade { $priority }: { $measure } ({ $rule })
fhir-device-alarm-detail = Do monitor de beira de leito { $device }, não de uma entrada do clínico. Fora do limite desde { $since }; valores { $values } (leituras do monitor { $entries })
cli-help-kap-resume--monitor = Escutar os resultados HL7 do monitor de beira de leito (ORU^R01 sobre MLLP) neste endereço: PORTA ou HOST:PORTA, só local salvo se o serviço nomear um endereço da rede local (ver docs/monitor.md)
html-device-alarm-span = Alarme de dispositivo do monitor ({ $priority }): { $measure } ({ $rule }) — de { $from } min a { $to } min

# sealrow: goals in the FHIR export and read back from the clinic's server
fhir-goal-set = Definida na sessão { $session } do tratamento
cli-course-goals-set-elsewhere = definidas na sessão { $session } em { $date }, em outro computador (servidor da clínica):
cli-history-goals-elsewhere = metas ({ $kind }), definidas na sessão { $session } em { $date } em outro computador (servidor da clínica):
## rescue: a prompt's evidence visit (evidence_visit; docs/protocol-format.md)
pv-evidence-not-check = evidence_visit só se aplica a itens check, não a itens { $kind }
pv-evidence-unknown-visit = evidence_visit "{ $kind }" não nomeia nenhuma visita deste arquivo (suas visitas: { $known })
pv-evidence-in-visit = evidence_visit pertence aos itens de uma sessão de dose, não aos de uma visita
evidence-held-by = No registro do kap: visita ({ $kind }) conduzida em { $date } por { $by }
evidence-held = No registro do kap: visita ({ $kind }) conduzida em { $date }
evidence-none = Nenhuma visita ({ $kind }) está registrada no kap
evidence-record = { $words } (registro { $record })
tl-ticked-evidence = Marcado: { $prompt } — { $evidence }
ref-evidence-not-named = { $prompt } não nomeia uma visita { $kind } como evidência
feed-could-not-measure = O monitor não conseguiu medir { $what }
feed-measure-bp = a pressão arterial
feed-measure-hr = a frequência cardíaca
feed-measure-pulse = a frequência de pulso
feed-measure-spo2 = a saturação de oxigênio (SpO₂)
feed-measure-rr = a frequência respiratória
feed-measure-and = { $first } e { $last }
html-course-col-device-alarms = Alarmes de dispositivo (do monitor)
rep-visit-intro = Protocolo { $protocol }, visita: { $visit } (sessão { $session } do curso){ $closed ->
    [yes] {""}
   *[no] {" "}(não encerrada)
}. Uma visita não dá dose: os tempos são minutos simulados desde o início da visita.
rep-visit-speed = Velocidade do relógio simulado: { $speeds }. Todos os tempos deste relatório são minutos simulados desde o início da visita.
rep-visit-summary = { $done } de { $asked } itens pedidos por esta visita ({ $visit }) feitos nela, { $carried } feitos em uma visita anterior, { $missing } não feitos ({ $required } deles obrigatórios); { $notes ->
    [one] 1 nota
   *[other] { $notes } notas
}; { $skips ->
    [one] 1 etapa pulada
   *[other] { $skips } etapas puladas
}.
rep-visit-no-dose = Nenhuma dose fez parte desta visita ({ $visit }): nenhum horário de sinais vitais, infusão, dose ou janela de alarme é avaliado.
rep-visit-required = { $text } (obrigatório)
rep-h-visit-asked = O que a visita pedia
rep-col-phase = fase
rep-col-asked = pedido
rep-visit-not-done-optional = não feito (não obrigatório nesta visita)

# --- devalarm (the course page's alarms chart: device alarms beside the clinician's) ---
html-course-chart-alarms-entered = dos sinais vitais registrados
html-course-chart-alarms-device = do monitor
html-course-chart-alarms-device-desc = Ao lado de cada uma, hachurados: os alarmes de dispositivo que o monitor de beira de leito disparou a partir das próprias medidas, contados à parte (o de medidas rejeitadas como artefatos não conta); um traço onde nenhum monitor era ouvido.
# sealrow
goals-set-elsewhere = (definidas na sessão { $session } em outro computador, { $date })

# doc (session 12)
tl-mark-answered-again = respondido de novo no registro { $entry }
feed-nothing-read = As mensagens do monitor não têm medida que o kap lê: nada é registrado (códigos na resposta do kap; docs/monitor.md)

# say-protocol
session-title = Sessão { $session } de { $sessions }
session-title-maintenance = Sessão de manutenção { $session }

# refusal-phrases
ref-required-not-done = há itens obrigatórios não concluídos; informe um motivo para avançar sem eles
ref-cannot-leave-yet = ainda não é possível sair de { $phase }
