# Release housekeeping on the web host, run by scripts/deploy.py with `sh -s` (locally or through
# ssh), so a host needs only a POSIX shell, GNU coreutils and rsync: no Python.
#
#   <root>/releases/<name>/   one complete build each; names sort oldest first
#   <root>/current            symlink to releases/<name>: the web server's document root
#
# Every step that changes what is served is one rename(2), so stopping at any point leaves either
# the old or the new release served, never a mix. Half-copied releases are named .partial-<name>
# and half-deleted ones .trash-<name>; neither is ever served, and the next run removes them.
set -eu

op=$1
root=$2
releases="$root/releases"

current_name() {
  # The release `current` points at, or nothing before the first deploy.
  if [ -L "$root/current" ]; then basename "$(readlink "$root/current")"; fi
}

release_names() {
  # Complete releases, oldest first.
  ls -1 "$releases" | grep -v '^\.' | sort || true
}

switch_to() {
  # Point `current` at releases/$1 in one rename.
  rm -f "$root/.current-new"
  ln -s "releases/$1" "$root/.current-new"
  mv -T "$root/.current-new" "$root/current"
}

case "$op" in
  prepare)
    # Before an upload: the folders exist and what an interrupted run left behind is gone.
    mkdir -p "$releases"
    rm -rf "$releases"/.partial-* "$releases"/.trash-* "$root/.current-new"
    current_name
    ;;
  activate)
    # After an upload: make the release complete, serve it, then keep only the newest $4.
    name=$3
    keep=$4
    mv -T "$releases/.partial-$name" "$releases/$name"
    switch_to "$name"
    serving=$(current_name)
    release_names | head -n "-$keep" | while read -r old; do
      if [ "$old" != "$serving" ]; then
        mv -T "$releases/$old" "$releases/.trash-$old"
        rm -rf "$releases/.trash-$old"
      fi
    done
    ;;
  rollback)
    # Serve the newest release older than the one served now.
    serving=$(current_name)
    previous=$(release_names | awk -v now="$serving" '$0 < now' | tail -n 1)
    if [ -z "$previous" ]; then
      echo "Không có bản phát hành nào cũ hơn ${serving:-(chưa có)} để quay lại." >&2
      exit 3
    fi
    switch_to "$previous"
    echo "$previous"
    ;;
  list)
    serving=$(current_name)
    release_names | while read -r name; do
      if [ "$name" = "$serving" ]; then echo "* $name"; else echo "  $name"; fi
    done
    ;;
  *)
    echo "unknown operation: $op" >&2
    exit 2
    ;;
esac
