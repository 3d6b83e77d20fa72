#!/bin/sh
# Fails when libshixian.so exports anything but shixian_* and shixian::*
# (boost::, std:: instantiations, the grammars' internals), or lacks the
# C API, or has the wrong SONAME.
set -eu
lib=$1
soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = libshixian.so.0 ] || { echo "SONAME is '$soname', expected libshixian.so.0"; exit 1; }
symbols=$(nm -D --defined-only -C "$lib" | cut -d' ' -f3- | sed 's/@@SHIXIAN_0$//')
foreign=$(printf '%s\n' "$symbols" | grep -v -E '^(shixian_|shixian::|SHIXIAN_0$)' || true)
if [ -n "$foreign" ]; then echo "foreign exported symbols:"; printf '%s\n' "$foreign" | head -20; exit 1; fi
if printf '%s\n' "$symbols" | grep -q 'boost::'; then echo "boost:: in exported symbols:"; printf '%s\n' "$symbols" | grep 'boost::' | head; exit 1; fi
for f in shixian_version shixian_calendar_add_workdays shixian_rule_due shixian_check_files; do
  printf '%s\n' "$symbols" | grep -qx "$f" || { echo "missing export: $f"; exit 1; }
done
printf '%s\n' "$symbols" | grep -q '^shixian::Calendar::china()' || { echo "missing export: shixian::Calendar::china()"; exit 1; }
echo "exports ok: $(printf '%s\n' "$symbols" | wc -l) symbols, SONAME $soname"
