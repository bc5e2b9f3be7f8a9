#!/bin/sh
# Restores a dump made by backup.sh into a NEW, EMPTY database (create it first:
# createdb inbox_restored), then point DATABASE_URL at it and start the app; it applies any
# migration newer than the dump. Stops at the first error rather than leave half a restore.
#   deploy/postgres/restore.sh inbox-20261205T100000Z.dump postgres://inbox@db:5432/inbox_restored
set -eu
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$2" "$1"
