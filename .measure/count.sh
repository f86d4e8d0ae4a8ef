#!/usr/bin/env bash
# line counts at 80 columns, piped (no colour), of the README's commands
cli=${CLI:-.venv/bin/ia-metiers}
export COLUMNS=${COLS:-80}
run() { printf '%5s  %s\n' "$("$cli" "$@" 2>/dev/null | wc -l)" "$*"; }
run match --skills python,sql
run match -s "python, pandas, scikit-learn, statistiques, SQL" --top 3
run gap data-engineer -s python,sql,docker
run path --from traducteur
run path --from "responsable RH" --status salarie --to prompt-engineer
run path --from "développeur web" -s php,javascript --not docker
run path --from étudiant --diploma bac+3
run path -s "excel, sql:1, power bi" --status demandeur
run skills resolve pyhton k8s "apprentissage automatique" sklearn
run trainings --skill python --cpf --modality online
run trainings
run salaries
run salaries data-scientist
run role data-scientist
run roles
run compare data-scientist ml-engineer data-engineer
run jobs
run skills
run funding
run sectors
run market
run sources
run --help
run match --help
run path --help
