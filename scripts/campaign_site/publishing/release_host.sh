# Release housekeeping on the web host, run by scripts/deploy.py with `sh -s` (locally or through
# ssh), so a host needs only a POSIX shell, GNU coreutils (sha256sum, timeout, head, comm), rsync
# and flock (util-linux: on every Debian and Ubuntu system, which cannot remove it): no Python.
#
#   <root>/releases/<name>/   one complete, verified build each; names sort oldest first
#   <root>/current            symlink to releases/<name>: the web server's document root
#   <root>/.deploy.lock       flock(1)ed by the one publish or rollback running; says whose it is
#
# One publish or rollback at a time. `publish` takes the lock and holds it for the whole deploy:
# the deploy keeps this process running, sends it an empty line every few seconds while rsync
# uploads releases/.partial-<name>/, and ends with "activate <name> <keep> <bytes>" followed by a
# manifest (`sha256sum` lines for every file). The lock is the kernel's and ends with this process,
# which stops when the deploy closes its input (it finished, or was killed: the pipe or the ssh
# connection closes) or is silent for <idle> seconds (frozen, or cut off): a lock never outlives
# its deploy, so there is no stale-lock rule to get wrong. Activation runs in this same process,
# under the lock, so a later deploy cannot clean up a release while it is being switched to.
#
# Before it is served, a release must hold exactly the files of the manifest with their SHA-256.
# Every step that changes what is served is one rename(2), so stopping at any point leaves either
# the old or the new release served, never a mix. Half-copied releases are named .partial-<name>
# and half-deleted ones .trash-<name>; neither is ever served, and the next run removes them.
set -eu

BUSY=75
op=$1
root=$2
releases="$root/releases"
lock="$root/.deploy.lock"

fail() {
  echo "$*" >&2
  exit 1
}

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

take_lock() {
  # take_lock TOKEN OWNER WAIT: lock the target on fd 9 (waiting up to WAIT seconds), then sign it.
  command -v flock >/dev/null 2>&1 || fail "Máy chủ thiếu lệnh flock (gói util-linux); hãy cài rồi chạy lại."
  mkdir -p "$releases"
  exec 9>>"$lock"
  if ! flock -w "$3" 9; then
    echo "Đang có một lần đưa trang lên khác trên $root ($(sed -n 2p "$lock")); hãy chờ nó xong rồi chạy lại, hoặc thêm --wait GIÂY để tự chờ." >&2
    exit "$BUSY"
  fi
  printf '%s\n%s, từ %s\n' "$1" "$2" "$(date -u '+%Y-%m-%d %H:%M:%S UTC')" > "$lock"
}

next_line() {
  # The deploy's next line; fails at the end of its input or after $idle seconds of silence.
  # fd 9 is closed so that nothing but this shell ever holds the lock.
  # shellcheck disable=SC2016 # $line belongs to the inner shell
  timeout "$idle" sh -c 'IFS= read -r line && printf "%s\n" "$line"' 9>&-
}

list_difference() {
  # list_difference A B: up to 5 lines of sorted file A that are not in sorted file B, on one line.
  LC_ALL=C comm -23 "$1" "$2" | head -n 5 | paste -s -d ' ' -
}

verify_release() {
  # verify_release FOLDER CHECK: FOLDER holds exactly the files of CHECK/manifest, each with its SHA-256.
  [ -d "$1" ] || fail "Không thấy bản vừa tải lên ($1); không chuyển sang bản mới."
  cut -c 67- "$2/manifest" | LC_ALL=C sort > "$2/listed"
  (cd "$1" && find . ! -type d) | LC_ALL=C sort > "$2/found"
  missing=$(list_difference "$2/listed" "$2/found")
  extra=$(list_difference "$2/found" "$2/listed")
  if [ -n "$missing$extra" ]; then
    fail "Bản tải lên không đúng danh sách tệp (thiếu: ${missing:-không có}; thừa: ${extra:-không có}); không chuyển sang bản mới."
  fi
  if ! (cd "$1" && LC_ALL=C sha256sum --quiet --strict -c -) < "$2/manifest" > "$2/errors" 2>&1; then
    fail "Bản tải lên có tệp khác bản trên máy đưa lên ($(grep -v WARNING "$2/errors" | head -n 5 | paste -s -d ' ' -)); không chuyển sang bản mới."
  fi
}

prune() {
  # Keep the newest $1 releases, and always the served one.
  serving=$(current_name)
  release_names | head -n "-$1" | while read -r old; do
    if [ "$old" != "$serving" ]; then
      mv -T "$releases/$old" "$releases/.trash-$old"
      rm -rf "$releases/.trash-$old"
    fi
  done
}

activate() {
  # activate NAME KEEP BYTES: read the manifest (BYTES long) from the deploy, check the upload
  # against it, serve it, then keep only the newest KEEP releases.
  case "$1$2$3" in *[!A-Za-z0-9._-]*) fail "Yêu cầu không hợp lệ: activate $*" ;; esac
  partial="$releases/.partial-$1"
  check="$partial.check"
  mkdir -p "$check"
  timeout "$idle" head -c "$3" > "$check/manifest" 9>&- || true
  [ "$(wc -c < "$check/manifest")" -eq "$3" ] || fail "Danh sách tệp gửi lên bị cắt ngang; không chuyển sang bản mới."
  verify_release "$partial" "$check"
  rm -rf "$check"
  mv -T "$partial" "$releases/$1"
  switch_to "$1"
  prune "$2"
  echo "ACTIVATED $1"
}

case "$op" in
  publish)
    # publish TOKEN OWNER WAIT IDLE: lock, clean up what an interrupted run left, say what is
    # served, then wait (keeping the lock) for the upload to finish and `activate`.
    idle=$6
    take_lock "$3" "$4" "$5"
    # Best effort: an rsync of a killed deploy may still be writing for a moment; the next run retries.
    rm -rf "$releases"/.partial-* "$releases"/.trash-* 2>/dev/null || true
    echo "LOCKED $(current_name)"
    while line=$(next_line); do
      case "$line" in
        "") ;;
        "activate "*)
          # shellcheck disable=SC2086 # NAME KEEP BYTES, checked by activate
          activate ${line#activate }
          exit 0
          ;;
        *) fail "Yêu cầu không hợp lệ: $line" ;;
      esac
    done
    fail "Máy chủ đã thả khoá: lần đưa trang lên này im lặng quá $idle giây hoặc đã ngắt kết nối; không chuyển sang bản mới, hãy chạy lại."
    ;;
  rollback)
    # rollback TOKEN OWNER WAIT: serve the newest release older than the one served now.
    take_lock "$3" "$4" "$5"
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
