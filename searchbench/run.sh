#!/bin/sh
# Runs the search benchmark of BENCHMARKS.md: prepares the ANT corpus and
# the queries, ingests the corpus into a Khabar archive (timed, with peak
# memory), starts a private PostgreSQL (installing Debian's package when it
# is missing), and compares Khabar, Bleve and PostgreSQL.
#
#   searchbench/run.sh                     # whole corpus
#   CORPUS=sample.jsonl QUERIES=100 searchbench/run.sh
#   REUSE=1 searchbench/run.sh            # search figures again, same archive
set -eu
cd "$(dirname "$0")"
WORK=${WORK:-/tmp/khabar-searchbench}
CORPUS=${CORPUS:-$(cd ../.. && pwd)/shared/data/ant-news/ant-multisource-v2.1.jsonl.gz}
QUERIES=${QUERIES:-500}
LAYERS=${LAYERS:-all}
mkdir -p "$WORK"
chmod 755 "$WORK"
(cd .. && go build -o "$WORK/khabar" ./cmd/khabar)
go build -o "$WORK/searchbench" .
if [ -n "${REUSE:-}" ] && [ -d "$WORK/db" ]; then
	echo "== reusing the archive and indexes of the last run in $WORK (REUSE=1)"
else
"$WORK/searchbench" prepare -corpus "$CORPUS" -out "$WORK" -queries "$QUERIES"

echo "== khabar ingest ($(wc -l < "$WORK/corpus.jsonl") articles, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
rm -rf "$WORK/db"
/usr/bin/time -f "ingest: %e s wall, %U s user, %S s system, %M KB peak RSS" \
	"$WORK/khabar" ingest --db "$WORK/db" --layers "${LAYERS:-all}" --progress none "$WORK/corpus.jsonl"
rm -rf "$WORK"/bleve-*
fi

PSQL=""
if [ "${NO_POSTGRES:-}" = "" ]; then
	PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
	if [ -z "$PGBIN" ]; then
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
		PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
	fi
	AS=""
	if [ "$(id -u)" = 0 ]; then AS="runuser -u postgres --"; fi
	PGDATA="$WORK/pg"
	rm -rf "$PGDATA" "$WORK/pgsock"
	mkdir -p "$PGDATA" "$WORK/pgsock"
	[ -n "$AS" ] && chown postgres "$PGDATA" "$WORK/pgsock"
	$AS "$PGBIN/initdb" -D "$PGDATA" -E UTF8 --locale=C.UTF-8 -U postgres >/dev/null
	$AS "$PGBIN/pg_ctl" -D "$PGDATA" -l "$WORK/pgsock/pg.log" -o "-k $WORK/pgsock -c listen_addresses=''" -w start >/dev/null
	trap '$AS "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null' EXIT
	$AS "$PGBIN/createdb" -h "$WORK/pgsock" -U postgres bench
	PSQL="$AS $PGBIN/psql -h $WORK/pgsock -U postgres -d bench"
	echo "== PostgreSQL $($PGBIN/postgres --version | awk '{print $3}')"
fi
"$WORK/searchbench" eval -work "$WORK" -psql "$PSQL" -khabar "$WORK/khabar"
