# Deterministic benchmark files for bench/run.sh: awk -v n=ROWS -v shape=accel|orders|dirty -v expected=FILE.
# Writes the CSV to stdout and, to `expected`, the counts the service's report must show.
function v(k) { return ((i * k) % 2001 - 1000) / 1000 }
function accel_row(    id, pct, x, y, z, bad) {
  id = i; pct = 20 + (i % 81); x = sprintf("%.3f", v(7919)); y = sprintf("%.3f", v(104729)); z = sprintf("%.3f", v(1299709))
  if (shape == "dirty") {
    if (i % 7 == 0) x = "  " x " "
    if (i % 11 == 0) pct = "\t" pct
    if (i % 53 == 0) y = "NULL"
    if (i % 59 == 0) z = "N/A"
    bad = 0
    if (i % 1009 == 0) { id = "x" i; bad = 1 }
    if (i % 1013 == 0) { pct = "n.a."; bad = 1 }
    if (i % 1019 == 0) { x = "1.2.3"; bad = 1 }
    if (i % 1021 == 0) { y = "abc"; bad = 1 }
    if (i % 1031 == 0) { z = "--"; bad = 1 }
    rejected += bad
  }
  return id "," pct "," x "," y "," z
}
function orders_row(    customer, note, t) {
  customer = names[i % 7]
  if (i % 3 == 0) customer = "\"" customer ", " initials[i % 5] "\""
  if (i % 101 == 0) customer = "\"The \"\"Best\"\" Shop, " initials[i % 5] "\""
  note = ""
  if (i % 10 == 0) note = "\"Leave at the door, ring twice\""
  if (i % 50 == 0) note = "\"Fragile: \"\"glass\"\", keep upright\""
  if (i % 500 == 0) note = "\"First line\nsecond line\""
  t = i % 31536000
  return i "," customer "," countries[i % 6] "," sprintf("%.2f", (i * 7919 % 100000) / 100) "," 1 + i % 20 "," \
    sprintf("2024-%02d-%02dT%02d:%02d:%02dZ", 1 + int(t / 2678400) % 12, 1 + int(t / 86400) % 28, int(t / 3600) % 24, int(t / 60) % 60, t % 60) \
    "," statuses[i % 4] "," note
}
BEGIN {
  split("Smith|Jones|Müller|García|Rossi|Dubois|Nowak", tmp, "|"); for (k = 1; k <= 7; k++) names[k - 1] = tmp[k]
  split("J.|A.|M.|K.|L.", tmp, "|"); for (k = 1; k <= 5; k++) initials[k - 1] = tmp[k]
  split("DE|FR|IT|ES|PL|NL", tmp, "|"); for (k = 1; k <= 6; k++) countries[k - 1] = tmp[k]
  split("paid|shipped|refunded|cancelled", tmp, "|"); for (k = 1; k <= 4; k++) statuses[k - 1] = tmp[k]
  if (shape == "dirty") print "\357\273\277 Id ,PctID, X Value ,Y,Z"
  else if (shape == "orders") print "order_id,customer,country,total,quantity,ordered_at,status,note"
  else print "id,pctid,x,y,z"
  for (i = 1; i <= n; i++) {
    line = shape == "orders" ? orders_row() : accel_row()
    print line
    if (shape == "dirty" && i % 100 == 0) { print line; duplicates++ }
    if (shape == "dirty" && i % 200 == 0) { print ",, ,,"; blank++ }
  }
  read = n + duplicates + blank
  printf "\"read\": %d, \"loaded\": %d, \"rejected\": %d, \"duplicates\": %d, \"blank\": %d\n", read, n - rejected, rejected, duplicates + 0, blank + 0 > expected
}
