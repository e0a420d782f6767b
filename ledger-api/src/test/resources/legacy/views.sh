#!/bin/sh
# Saves the views' answers, as they stood when history.ndjson was exported, into views.json:
# {"<path and query>": <the answer>, ...}. Usage: BASE=http://localhost:8080 sh views.sh > views.json
set -eu
BASE=${BASE:-http://localhost:8080}
# A record time inside the history: the moment the report legacy-drone was recorded (global index 29).
AS_OF=2026-12-04T19:29:44.783Z
first=1
printf '{\n'
for path in \
  /api/v1/commitments \
  '/api/v1/commitments?validAt=2020-11-01T00:00Z' \
  '/api/v1/commitments?validAt=2021-01-15T00:00Z' \
  "/api/v1/commitments?asOf=$AS_OF" \
  /api/v1/commitments/moscow-2020-10-10 \
  /api/v1/commitments/trilateral-2020-11-10 \
  /api/v1/commitments/geneva-2020-10-30 \
  /api/v1/commitments/legacy-truce \
  '/api/v1/commitments/legacy-truce?validAt=2021-01-01T09:30Z' \
  "/api/v1/commitments/legacy-truce?asOf=$AS_OF" \
  /api/v1/commitments/legacy-truce-2 \
  /api/v1/commitments/legacy-pledge \
  '/api/v1/commitments/broken?withinHours=1' \
  '/api/v1/commitments/broken?withinHours=24' \
  /api/v1/commitments/legacy-truce/violations \
  /api/v1/commitments/legacy-truce/violations/legacy-shelling \
  /api/v1/commitments/legacy-truce/violations/legacy-drone \
  /api/v1/negotiations/nagorno-karabakh-2020 \
  /api/v1/negotiations/nagorno-karabakh-2020/timeline \
  /api/v1/negotiations/legacy-talks \
  /api/v1/negotiations/legacy-talks/timeline \
  "/api/v1/negotiations/legacy-talks/timeline?asOf=$AS_OF" \
  /api/v1/actors/armenia \
  /api/v1/actors/armenia/record \
  /api/v1/actors/azerbaijan/record \
  /api/v1/actors/france/record \
  /api/v1/statements \
  /api/v1/statements/legacy-statement \
  /api/v1/audit/verify
do
  [ $first = 1 ] || printf ',\n'
  first=0
  printf '"%s": ' "$path"
  curl -sS -f -u auditor:auditor "$BASE$path" | tr -d '\n'   # auditor: asOf and audit need it
done
printf '\n}\n'
