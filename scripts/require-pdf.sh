#!/bin/sh
# `make site` runs this first: the print edition's PDF is made with WeasyPrint, which needs Pango (with
# HarfBuzz) and fonts that cover Latin and Cyrillic. On Debian as root, install what is missing; anywhere
# else, stop with one line saying what to install (the PDF is never skipped silently).
missing=""
for lib in libpango-1.0.so.0 libpangoft2-1.0.so.0 libharfbuzz.so.0; do
  ldconfig -p 2>/dev/null | grep -q "$lib" || missing="$missing $lib"
done
[ -n "$missing" ] && missing="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
[ -d /usr/share/fonts/truetype/dejavu ] || missing="$missing fonts-dejavu-core"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && [ -r /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
  echo "site: installing$missing for the print edition's PDF (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends$missing && exit 0
  echo "site: apt-get could not install$missing" >&2
  exit 1
fi
echo "make site: the PDF needs$missing; install them (Debian: sudo apt-get install$missing) and run make site again" >&2
exit 1
