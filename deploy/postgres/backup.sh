#!/bin/sh
# Backs up the inbox's PostgreSQL database while the app runs: pg_dump reads one consistent
# snapshot (a transaction) and blocks no writer. Everything is in the database, uploads included.
#   deploy/postgres/backup.sh "$DATABASE_URL" inbox-$(date -u +%Y%m%dT%H%M%SZ).dump
set -eu
pg_dump --format=custom --no-owner --no-privileges --file="$2" --dbname="$1"
