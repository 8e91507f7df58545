#!/usr/bin/env bash
# Prints the section of one version in a Keep a Changelog file: the lines after its heading
# "## [VERSION]" up to the next "## " heading, without the blank lines around them. Fails when the
# file has no such section, or when the section is empty, so a release never goes out without notes.
#
# usage: release-notes.sh VERSION [CHANGELOG]   (VERSION without the tag's "v": 0.2.0)
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ -z "$1" ]; then
  echo "usage: release-notes.sh VERSION [CHANGELOG]" >&2
  exit 2
fi
version=$1
changelog=${2:-CHANGELOG.md}
if [ ! -f "$changelog" ]; then
  echo "release-notes: no file $changelog" >&2
  exit 1
fi

# The heading is compared as text (index), never as a pattern: a version's dots are not wildcards.
notes=$(awk -v heading="## [$version]" '
  index($0, heading) == 1 { found = 1; inside = 1; next }
  inside && /^## / { inside = 0 }
  # The link definitions Keep a Changelog ends with belong to no section.
  inside && /^\[[^]]+\]: / { inside = 0 }
  inside { print }
  END { if (!found) exit 3 }
' "$changelog") || {
  echo "release-notes: $changelog has no section \"## [$version]\"" >&2
  exit 1
}
# Drops the blank lines before and after the text ($(...) has already dropped the trailing ones).
notes=$(printf '%s\n' "$notes" | sed '/./,$!d')
if [ -z "$notes" ]; then
  echo "release-notes: the section \"## [$version]\" of $changelog is empty" >&2
  exit 1
fi
printf '%s\n' "$notes"
