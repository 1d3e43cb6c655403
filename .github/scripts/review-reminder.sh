#!/usr/bin/env bash
# Keeps one open issue, "Pages due for review", listing the pages due for clinical review within 30 days (with
# their reviewers) and a chart of the year's review dates, as `./site review --format markdown` writes them.
# Opens it when pages are due, updates it while they are, and closes it when none is.
#
# Needs the GitHub CLI, gh, with GH_TOKEN set (the workflow passes its own token).
#   SITE=COMMAND       the generator's command (default ./site); the tests pass one of their own
#   REVIEW_WITHIN=30   how many days ahead a review counts as due
#
# Exits 1 after the issue is written when a page is overdue or could not be read, as `./site review` does.
set -euo pipefail

title="Pages due for review"
site="${SITE:-./site}"
within="${REVIEW_WITHIN:-30}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# review FORMAT FILE: writes the review in FORMAT to FILE and sets review_status. Exit 1 (a page overdue or broken)
# still wrote the list; anything else is a usage error or a crash, and nothing is changed on GitHub.
review_status=0
review() {
  local status=0
  "$site" review --within "$within" --format "$1" >"$2" || status=$?
  if ((status > 1)); then
    echo "review-reminder: '$site review' failed with exit $status; the issue is left as it is" >&2
    exit "$status"
  fi
  ((status > review_status)) && review_status=$status
  return 0
}

review json "$work/due.json"
review markdown "$work/body.md"

# The open issue with exactly this title, if there is one; a search matches words, so the title is compared here.
number=""
while IFS=$'\t' read -r found_number found_title; do
  if [[ "$found_title" == "$title" ]]; then
    number="$found_number"
    break
  fi
done < <(gh issue list --state open --search "in:title \"$title\"" --json number,title --jq '.[] | [.number, .title] | @tsv')

if [[ "$(tr -d '[:space:]' <"$work/due.json")" == "[]" ]]; then
  if [[ -n "$number" ]]; then
    gh issue close "$number" --comment "No page is due for review within $within days."
    echo "review-reminder: no page is due within $within days; closed issue #$number"
  else
    echo "review-reminder: no page is due within $within days"
  fi
elif [[ -n "$number" ]]; then
  gh issue edit "$number" --body-file "$work/body.md"
  echo "review-reminder: updated issue #$number"
else
  gh issue create --title "$title" --body-file "$work/body.md"
  echo "review-reminder: opened the issue '$title'"
fi
exit "$review_status"
