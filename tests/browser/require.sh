#!/bin/sh
# `make test` runs this first. The browser tests drive Debian's chromium and run the Nu HTML checker
# (vnu.jar) with Java. On Debian as root, install what is missing; anywhere else, stop with one line
# saying what to install (never skip the browser tests silently).
missing=""
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing="$missing chromium"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
[ -d /usr/share/fonts/truetype/liberation ] || missing="$missing fonts-liberation"
[ -d /usr/share/fonts/truetype/dejavu ] || missing="$missing fonts-dejavu-core"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && [ -r /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
  echo "test: installing$missing for the browser tests (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends$missing && exit 0
  echo "test: apt-get could not install$missing" >&2
  exit 1
fi
echo "make test: the browser tests need$missing; install them (Debian: sudo apt-get install$missing) and run make test again" >&2
exit 1
