#!/bin/sh
# The commands posted, after the demo history, to the server that made history.ndjson (see README.txt).
# Usage: BASE=http://localhost:8080 sh commands.sh
set -eu
BASE=${BASE:-http://localhost:8080}
post() { # path body
  curl -sS -f -u mediator:mediator -X POST "$BASE$1" -H 'Content-Type: application/json' -d "$2"; echo
}
post /api/v1/negotiations '{"id": "legacy-talks", "title": "Legacy fixture talks", "parties": ["armenia", "azerbaijan"], "mediators": ["france"]}'
post /api/v1/truces '{"id": "legacy-truce", "negotiationId": "legacy-talks", "kind": "HUMANITARIAN_CEASEFIRE",
  "title": "Legacy fixture truce", "parties": ["armenia", "azerbaijan"], "brokers": ["france"], "venue": "Geneva",
  "agreedAt": "2021-01-01T00:00+04:00", "agreedAtPrecision": "DAY", "effectiveFrom": "2021-01-01T12:00+04:00",
  "expiresAt": "2021-03-01T00:00+04:00", "terms": ["no shelling"], "source": "legacy fixture"}'
post /api/v1/commitments/legacy-truce/violations '{"id": "legacy-shelling", "reportedBy": "armenia", "accused": "azerbaijan",
  "occurredAt": "2021-01-01T14:00+04:00", "occurredAtPrecision": "HOUR",
  "location": {"name": "near Martuni", "latitude": 39.79, "longitude": 47.11},
  "description": "shelling", "casualties": {"killed": 1, "injured": 3}, "source": "legacy fixture"}'
post /api/v1/commitments/legacy-truce/violations/legacy-shelling/assessment '{"outcome": "ATTRIBUTED", "attributedTo": "azerbaijan",
  "assessedBy": "icrc", "assessedAt": "2021-01-03T10:00+04:00", "note": "legacy fixture finding"}'
post /api/v1/commitments/legacy-truce/violations '{"id": "legacy-drone", "reportedBy": "azerbaijan", "accused": "armenia",
  "occurredAt": "2021-01-02T00:00+04:00", "occurredAtPrecision": "DAY", "description": "drone strike"}'
post /api/v1/commitments/legacy-truce/violations/legacy-drone/retraction '{"retractedBy": "azerbaijan", "reason": "misidentified unit"}'
post /api/v1/pledges '{"id": "legacy-pledge", "negotiationId": "legacy-talks", "kind": "PRISONER_EXCHANGE",
  "title": "Legacy fixture exchange", "parties": ["armenia", "azerbaijan"], "brokers": ["icrc"],
  "madeAt": "2021-01-05T00:00+04:00", "madeAtPrecision": "DAY", "effectiveFrom": "2021-01-06T00:00+04:00"}'
post /api/v1/commitments/legacy-pledge/end '{"reason": "TERMINATED", "endedAt": "2021-01-20T00:00+04:00", "endedAtPrecision": "DAY", "note": "exchange completed"}'
post /api/v1/truces '{"id": "legacy-truce-2", "negotiationId": "legacy-talks", "kind": "CEASEFIRE",
  "title": "Legacy fixture ceasefire", "parties": ["armenia", "azerbaijan"], "brokers": ["france"],
  "agreedAt": "2021-02-01T00:00+04:00", "agreedAtPrecision": "DAY", "effectiveFrom": "2021-02-02T00:00+04:00",
  "supersedes": ["legacy-truce"]}'
post /api/v1/commitments/legacy-truce-2/violations '{"id": "legacy-sniper", "reportedBy": "azerbaijan", "accused": "armenia",
  "occurredAt": "2021-02-03T06:30+04:00", "description": "sniper fire"}'
post /api/v1/commitments/legacy-truce-2/end '{"reason": "COLLAPSED", "endedAt": "2021-02-10T00:00+04:00", "note": "fighting resumed"}'
post /api/v1/statements '{"id": "legacy-statement", "author": "france", "issuedAt": "2021-02-10T12:00+01:00", "kinds": ["CONCERN"],
  "text": "France is concerned by the collapse of the ceasefire.", "concerns": ["legacy-truce-2", "legacy-talks"]}'
