#!/usr/bin/env node
// Commit habits (docs/architecture.md, "Habits"): a subject of at most 72 characters and a body
// saying why. Checked for every commit after BASE, the main branch's head when the check was added, so
// history written before the rule is not judged. Merge commits need no body: git writes their subject.
//
//   node scripts/check-commits.mjs [range]     (default: BASE..HEAD)
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const BASE = '853556f8134a5788e7e4eb3eca3996ea88359548';
const MAX_SUBJECT = 72;
/**
 * Commits that landed on a branch before this check reached it, and that are not rewritten (history that
 * others have merged stays as it is): the hash, and what is wrong with it.
 */
const GRANDFATHERED = new Map([
  ['230e5af', 'subject of 75 characters, committed on a branch before the check landed there'],
]);

function git(...args) {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The problems with one commit message, empty when it follows the habits. */
export function messageProblems(message, { merge = false } = {}) {
  const lines = message.replace(/\s+$/, '').split('\n');
  const subject = lines[0] ?? '';
  const problems = [];
  if (subject.trim() === '') problems.push('empty subject');
  if ([...subject].length > MAX_SUBJECT)
    problems.push(`subject is ${[...subject].length} characters (at most ${MAX_SUBJECT})`);
  if (merge) return problems;
  if (lines.length > 1 && lines[1]?.trim() !== '') problems.push('no blank line between subject and body');
  const body = lines
    .slice(1)
    .filter((line) => !line.startsWith('#') && !/^[\w-]+-by: /i.test(line))
    .join('\n')
    .trim();
  if (body === '') problems.push('no body saying why');
  return problems;
}

function main() {
  let range = process.argv[2];
  try {
    git('rev-parse', '--git-dir');
  } catch {
    console.log('check-commits: not a git checkout, nothing to check');
    return 0;
  }
  if (range === undefined) {
    try {
      git('merge-base', '--is-ancestor', BASE, 'HEAD');
    } catch {
      // A shallow clone or an unrelated history: there is nothing after BASE to judge.
      console.log(`check-commits: ${BASE.slice(0, 12)} is not in this history, nothing to check`);
      return 0;
    }
    range = `${BASE}..HEAD`;
  }
  const log = git('log', '--format=%H%x00%P%x00%B%x1e', range);
  let checked = 0;
  const failures = [];
  for (const record of log.split('\x1e')) {
    const [hash, parents, message] = record.replace(/^\n/, '').split('\0');
    if (!hash || message === undefined) continue;
    if ([...GRANDFATHERED.keys()].some((short) => hash.startsWith(short))) continue;
    checked++;
    const problems = messageProblems(message, { merge: (parents ?? '').trim().split(' ').length > 1 });
    if (problems.length > 0)
      failures.push(`${hash.slice(0, 10)} ${message.split('\n')[0]}\n    ${problems.join('; ')}`);
  }
  if (failures.length > 0) {
    console.error(
      `check-commits: ${failures.length} of ${checked} commits in ${range} break the habits:\n  ${failures.join('\n  ')}`,
    );
    return 1;
  }
  console.log(`check-commits: ${checked} commits in ${range}, every subject ≤ ${MAX_SUBJECT} characters with a body`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
