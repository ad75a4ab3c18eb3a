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
