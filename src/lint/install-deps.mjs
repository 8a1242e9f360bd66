// Installs the lint tools with `npm ci` only when package-lock.json changed since the last install,
// so repeated builds do not pay for a fresh node_modules. Run from any directory.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const stamp = join(dir, 'node_modules', '.collectflow-lock.sha256');
const lockHash = createHash('sha256').update(readFileSync(join(dir, 'package-lock.json'))).digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === lockHash) {
  console.log('lint tools up to date (src/lint/node_modules)');
} else {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, [ 'ci', '--no-audit', '--no-fund', '--loglevel=error' ],
    { cwd: dir, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('npm ci failed in src/lint' + (result.error ? `: ${result.error.message}` : ''));
    process.exit(result.status || 1);
  }
  writeFileSync(stamp, lockHash + '\n');
}
